"""stats.views.data_quality and stats.figures.data_quality against hand-worked frames (day n = n June 2021)."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from stats import quality
from stats.figures.data_quality import OWN_COLOUR, SOURCE_COLOURS, completeness_figure, sources_figure
from stats.published import FIRST, STATE, TOTAL
from stats.quality import RULES, Flag
from stats.views import data_quality as view
from tests.stats import NaN, day, day_number, doses_frame, frame

NAMES = {STATE: ("Chhattisgarh", "छत्तीसगढ़"), "RPR": ("Raipur", "रायपुर"), "DRG": ("Durg", "दुर्ग")}


def when(flags: list[Flag]) -> list[tuple]:
    return [(day_number(f.date), f.area, f.rule) for f in flags]


# --- The range -------------------------------------------------------------------------------------

DEFAULT = [
    (30, None, 28, (3, 30), "the 28 days up to as_of"),
    (30, 10, 28, (10, 30), "not before the first day with data"),
    (30, 1, 7, (24, 30), "another length"),
    (5, 5, 28, (5, 5), "the first day only"),
]


@pytest.mark.parametrize("as_of, first, days, expected", [c[:4] for c in DEFAULT], ids=[c[4] for c in DEFAULT])
def test_default_range(as_of, first, days, expected):
    start, end = view.default_range(day(as_of), None if first is None else day(first), days)
    assert (day_number(start), day_number(end)) == expected


CHOSEN = [
    ((day(3), day(9)), (3, 9), "a pair"),
    ((day(3),), (3, 3), "a start only, while picking"),
    ((), (1, 2), "nothing: the fallback"),
    (None, (1, 2), "None: the fallback"),
    (day(4), (4, 4), "one date"),
]


@pytest.mark.parametrize("value, expected", [c[:2] for c in CHOSEN], ids=[c[2] for c in CHOSEN])
def test_chosen_range(value, expected):
    start, end = view.chosen_range(value, (day(1), day(2)))
    assert (day_number(start), day_number(end)) == expected


# --- Flags over a range ----------------------------------------------------------------------------
#
# The range is days 31..40. The state's own doses are 100 a day on days 1..40, except day 10 (1,000: a spike
# before the range), day 35 (1,000: 10 times the median) and day 38 (0: zero activity); Raipur's are the same
# but for its 1,000 on day 36 instead of 35. CoWIN's total is published from day 31 and agrees with own doses,
# except day 33 (200 against 100: a −50% gap): CoWIN's 1,000 on day 35 confirms the state's, so only Raipur's
# day 36 (no published figure, and the state's day is ordinary) is a spike.
# CoWIN's first doses fall by 50 on day 32. Centres (data.read.quality.centre_reports: silent on the day after
# reporting on each of its last 4 same weekdays): C2 on day 34 (4 July 2021, a Sunday: never judged), C1 on days 35
# and 40, C3 (Durg) on day 32: outside the last 7 days (34..40), not judged.
# Raipur's 18-44 population is 100 against 150 first doses (summed up to day 40, as data.read gives them for
# a range ending on day 40): coverage above 100% on day 40. Raipur received
# 500 doses on day 1, gave 400 before the range and 150 on day 36: −50 on hand.

OWN_DAYS = {d: 100 for d in range(1, 41)} | {10: 1_000, 35: 1_000, 38: 0}
STATE_DOSES = doses_frame(list(OWN_DAYS.items()))
PUBLISHED_DAYS = {d: OWN_DAYS[d] for d in range(32, 41)} | {33: 200}
CUMULATIVE = [(31, 10_000)]
for d, v in PUBLISHED_DAYS.items():
    CUMULATIVE.append((d, CUMULATIVE[-1][1] + v))
SERIES = frame(
    "date source area metric value",
    [(d, "cowin", STATE, TOTAL, v) for d, v in CUMULATIVE]
    + [(30, "cowin", STATE, FIRST, 1_000), (31, "cowin", STATE, FIRST, 1_100), (32, "cowin", STATE, FIRST, 1_050)],
)
FRAMES = {
    "series": SERIES,
    "state": STATE_DOSES,
    "districts": doses_frame(list((OWN_DAYS | {35: 100, 36: 1_000}).items())).assign(district_code="RPR")[
        ["date", "district_code", "doses"]
    ],
    "bands": frame("date district_code age_band dose_number doses", [(40, "RPR", "18-44", 1, 150)]),
    "targets": frame("district_code age_band population", [("RPR", "18-44", 100), ("DRG", "18-44", 1_000)]),
    "centre_reports": frame(
        "date centre_code district_code reported weekdays_reported",
        [(32, "C3", "DRG", 0, 4), (34, "C2", "RPR", 0, 4), (35, "C1", "RPR", 0, 4), (40, "C1", "RPR", 0, 4)],
    ),
    "movements": frame(
        "date vaccine from_store to_store quantity",
        [(1, "CS", "SUPPLIER", "STATE", 1_000), (1, "CS", "STATE", "RPR", 500)],
    ),
    "administered": frame("date district_code vaccine doses", [(30, "RPR", "CS", 400), (36, "RPR", "CS", 150)]),
}
EXPECTED_FLAGS = [
    (32, STATE, "negative_daily_value"),
    (33, STATE, "source_gap"),
    (35, "RPR", "missing_centres"),
    (36, "RPR", "doses_beyond_stock"),
    (36, "RPR", "spike"),
    (38, "RPR", "zero_activity"),
    (38, STATE, "zero_activity"),
    (40, "RPR", "coverage_over_100"),
    (40, "RPR", "missing_centres"),
]


def test_flags_over_range_runs_every_rule_on_the_range():
    flags = quality.flags_over_range(day(31), day(40), FRAMES, names=NAMES)
    assert when(flags) == EXPECTED_FLAGS
    assert {f.rule for f in flags} == set(RULES) - {"known_jump"}  # known jumps: real 2021 days (test_real_data)
    gap = next(f for f in flags if f.rule == "source_gap")
    assert (gap.figures["own"], gap.figures["published"], gap.figures["relative_gap"]) == (100, 200, -0.5)


RANGES = [
    (
        31,
        34,
        [(32, "DRG", "missing_centres"), (32, STATE, "negative_daily_value"), (33, STATE, "source_gap")],
        "the first days: centres judged on all of them (not on Sunday 4 July)",
    ),
    (
        38,
        40,
        [(38, "RPR", "doses_beyond_stock"), (38, "RPR", "zero_activity"), (38, STATE, "zero_activity")]
        + [(40, "RPR", "coverage_over_100"), (40, "RPR", "missing_centres")],
        "the last days: a stock run under way is flagged on the first",
    ),
    (10, 10, [(10, "RPR", "spike"), (10, STATE, "spike")], "one day long before"),
]


@pytest.mark.parametrize("start, end, expected", [c[:3] for c in RANGES], ids=[c[3] for c in RANGES])
def test_flags_over_range_keeps_the_days_of_the_range(start, end, expected):
    assert when(quality.flags_over_range(day(start), day(end), FRAMES, names=NAMES)) == expected


def test_flags_over_range_judges_missing_centres_on_the_last_seven_days_only():
    flags = quality.flags_over_range(day(31), day(40), FRAMES, names=NAMES)
    missing = [(day_number(f.date), f.figures["centre_codes"]) for f in flags if f.rule == "missing_centres"]
    assert missing == [(35, ["C1"]), (40, ["C1"])]  # not C3 on day 32 (before day 34), not C2 on a Sunday
    assert quality.MISSING_CENTRES_DAYS == 7


def test_flags_over_range_without_data():
    empty = {name: rows.iloc[:0] for name, rows in FRAMES.items()}
    empty["targets"] = FRAMES["targets"]
    assert quality.flags_over_range(day(31), day(40), empty) == []


# --- The flags table -------------------------------------------------------------------------------

FLAGS = [
    Flag("RPR", day(2), "spike", {}, "Raipur jumped.", "रायपुर में उछाल।"),
    Flag(STATE, day(3), "source_gap", {}, "A gap.", "एक अंतर।"),
    Flag("DRG", day(3), "missing_centres", {}, "Durg is missing.", "दुर्ग की रिपोर्ट नहीं।"),
    Flag("RPR", day(3), "missing_centres", {}, "Raipur is missing.", "रायपुर की रिपोर्ट नहीं।"),
]
TABLES = [
    (
        "en",
        None,
        None,
        [
            ("3 June 2021", "Durg", "Centres not reporting", "Durg is missing."),
            ("3 June 2021", "Raipur", "Centres not reporting", "Raipur is missing."),
            ("3 June 2021", "Chhattisgarh", "Gap with a published source", "A gap."),
            ("2 June 2021", "Raipur", "Sudden jump", "Raipur jumped."),
        ],
        "every flag, newest first, then by area code",
    ),
    (
        "hi",
        ["missing_centres"],
        "RPR",
        [("3 जून 2021", "रायपुर", "केंद्रों की रिपोर्ट नहीं", "रायपुर की रिपोर्ट नहीं।")],
        "a rule and an area, in Hindi",
    ),
    ("en", [], view.ALL_AREAS, None, "no rule chosen: every rule"),
    ("en", ["coverage_over_100"], None, [], "a rule without flags"),
    ("en", None, STATE, [("3 June 2021", "Chhattisgarh", "Gap with a published source", "A gap.")], "the state"),
]


@pytest.mark.parametrize("lang, rules, area, expected", [c[:4] for c in TABLES], ids=[c[4] for c in TABLES])
def test_flags_table(lang, rules, area, expected):
    table = view.flags_table(FLAGS, lang, NAMES, rules, area)
    assert list(table.columns) == view.FLAG_TABLE
    if expected is None:
        expected = [tuple(r) for r in view.flags_table(FLAGS, lang, NAMES).itertuples(index=False)]
    assert [tuple(r) for r in table.itertuples(index=False)] == expected


def test_every_rule_has_a_label_in_both_languages():
    for rule in RULES:
        english, hindi = view.rule_label(rule, "en"), view.rule_label(rule, "hi")
        assert english != rule and hindi != english
    assert view.rule_label("new_rule", "hi") == "new_rule"


AREAS = [
    (None, "en", "All areas"),
    (view.ALL_AREAS, "hi", "सभी क्षेत्र"),
    (STATE, "hi", "छत्तीसगढ़"),
    ("DRG", "hi", "दुर्ग"),
    ("BST", "en", "BST"),
]


@pytest.mark.parametrize("code, lang, expected", AREAS, ids=[f"{c[0]}-{c[1]}" for c in AREAS])
def test_area_label(code, lang, expected):
    assert view.area_label(code, lang, NAMES) == expected


def test_area_options():
    assert view.area_options(NAMES) == [view.ALL_AREAS, STATE, "RPR", "DRG"]


# --- Own reports against the published series --------------------------------------------------------

COMPARED = view.source_comparison(STATE_DOSES, SERIES, day(32), day(36))


def test_source_comparison_keeps_the_range():
    assert [(day_number(d), s, o, p) for d, s, o, p in COMPARED[["date", "source", "own", "published"]].values] == [
        (32, "cowin", 100, 100),
        (33, "cowin", 100, 200),
        (34, "cowin", 100, 100),
        (35, "cowin", 1_000, 1_000),
        (36, "cowin", 100, 100),
    ]


def test_own_doses_fills_the_calendar():
    own = view.own_doses(doses_frame([(2, 5), (4, 7)]), day(1), day(5))
    assert [(day_number(d), n) for d, n in own.values] == [(1, 0), (2, 5), (3, 0), (4, 7), (5, 0)]


GAPS = frame(
    "date source days own published gap relative_gap",
    [
        (1, "cowin", 1.0, 680, 700, -20, -20 / 700),
        (2, "cowin", 1.0, 740, 800, -60, -0.075),
        (2, "mohfw", 2.0, 1_420, 1_360, 60, 60 / 1_360),
        (3, "mohfw", 1.0, 5, 0, 5, NaN),
    ],
)


def test_largest_gaps_either_way_later_first():
    top = view.largest_gaps(GAPS, 3)
    assert [(day_number(d), s, g) for d, s, g in top[["date", "source", "gap"]].values] == [
        (2, "cowin", -60),
        (2, "mohfw", 60),
        (1, "cowin", -20),
    ]
    assert view.largest_gaps(GAPS.iloc[:0]).empty


LARGEST = [
    ("en", GAPS, ("−60", "−7.5% · CoWIN, 2 June 2021")),
    ("hi", GAPS.iloc[[2]], ("+60", "+4.4% · स्वास्थ्य मंत्रालय (MoHFW), 2 जून 2021")),
    ("en", GAPS.iloc[:0], ("—", "")),
]


@pytest.mark.parametrize("lang, compared, expected", LARGEST, ids=["english", "hindi", "none"])
def test_largest_gap_text(lang, compared, expected):
    assert view.largest_gap_text(compared, lang) == expected


def test_comparison_table_is_written_the_indian_way():
    rows = [tuple(r) for r in view.comparison_table(GAPS.iloc[[0, 3]], "hi").itertuples(index=False)]
    assert rows == [
        ("1 जून 2021", "CoWIN", "680", "700", "−20", "−2.9%", "1"),
        ("3 जून 2021", "स्वास्थ्य मंत्रालय (MoHFW)", "5", "0", "+5", "—", "1"),
    ]
    big = GAPS.iloc[[0]].assign(own=1_09_353, published=78_14_481, gap=1_09_353 - 78_14_481)
    assert tuple(view.comparison_table(big, "en").iloc[0])[2:5] == ("1,09,353", "78,14,481", "−77,05,128")


def test_source_label_and_texts():
    assert view.source_label("cowin", "hi") == "CoWIN"
    assert view.source_label("other", "en") == "other"
    assert view.texts([day(1), day(2), day(1)], lambda d, lang: f"{d.day}-{lang}", "hi") == ["1-hi", "2-hi", "1-hi"]


# --- Reporting completeness ------------------------------------------------------------------------

REPORTING = frame(
    "date district_code centres doses",
    [(1, "RPR", 2, 150), (2, "RPR", 1, 100), (2, "DRG", 1, 30), (4, "RPR", 2, 10), (9, "RPR", 2, 10)],
)
COUNTS = pd.DataFrame({"district_code": ["BST", "DRG", "KRB", "RPR"], "centres": [1, 1, 0, 2]})

COMPLETENESS = [
    (
        None,
        [
            ("BST", 1, 0, 1, 0.0),
            ("BST", 2, 0, 1, 0.0),
            ("BST", 3, 0, 1, 0.0),
            ("DRG", 1, 0, 1, 0.0),
            ("DRG", 2, 1, 1, 1.0),
            ("DRG", 3, 0, 1, 0.0),
            ("RPR", 1, 2, 2, 1.0),
            ("RPR", 2, 1, 2, 0.5),
            ("RPR", 3, 0, 2, 0.0),
        ],
        "every district with centres, every day",
    ),
    (STATE, None, "the state: every district"),
    ("RPR", [("RPR", 1, 2, 2, 1.0), ("RPR", 2, 1, 2, 0.5), ("RPR", 3, 0, 2, 0.0)], "one district"),
    ("KRB", [], "a district without centres"),
]


@pytest.mark.parametrize("area, expected", [c[:2] for c in COMPLETENESS], ids=[c[2] for c in COMPLETENESS])
def test_reporting_completeness(area, expected):
    out = view.reporting_completeness(REPORTING, COUNTS, day(1), day(3), area)
    assert list(out.columns) == view.COMPLETENESS
    rows = [(c, day_number(d), r, k, s) for c, d, r, k, s in out.values]
    if expected is None:
        expected = [
            (c, day_number(d), r, k, s)
            for c, d, r, k, s in view.reporting_completeness(REPORTING, COUNTS, day(1), day(3)).values
        ]
    assert rows == expected


def test_completeness_summary_and_reporting_on():
    completeness = view.reporting_completeness(REPORTING, COUNTS, day(1), day(3))
    summary = view.completeness_summary(completeness, "hi", NAMES)
    assert list(summary.columns) == ["district", "known", "average_share", "last_share"]
    rows = [(d, k, round(a, 4), last) for d, k, a, last in summary.values]
    assert rows == [("BST", 1, 0.0, 0.0), ("दुर्ग", 1, round(1 / 3, 4), 0.0), ("रायपुर", 2, 0.5, 0.0)]
    assert view.reporting_on(completeness, day(2), "en") == "2 of 4"
    assert view.reporting_on(completeness, day(2), "hi") == "4 में से 2"
    assert view.completeness_summary(completeness.iloc[:0], "en").empty


def test_completeness_table():
    completeness = view.reporting_completeness(REPORTING, COUNTS, day(2), day(2), "RPR")
    rows = [tuple(r) for r in view.completeness_table(completeness, "hi", NAMES).itertuples(index=False)]
    assert rows == [("रायपुर", "2 जून 2021", "1", "2", "50.0%")]


# --- Figures ---------------------------------------------------------------------------------------


def test_sources_figure_shades_the_gap_of_each_source():
    own = view.own_doses(doses_frame([(1, 680), (2, 740)]), day(1), day(2))
    figure = sources_figure(own, GAPS.iloc[:3], "hi")
    names = [trace.name for trace in figure.data]
    assert names == ["राज्य की अपनी रिपोर्टें", None, "CoWIN", None, "स्वास्थ्य मंत्रालय (MoHFW)"]
    own_line, cowin_edge, cowin, _, mohfw = figure.data
    assert own_line.line.color == OWN_COLOUR and list(own_line.y) == [680, 740]
    assert list(cowin_edge.y) == [680, 740] and cowin_edge.showlegend is False
    assert cowin.fill == "tonexty" and cowin.line.color == SOURCE_COLOURS["cowin"]
    assert list(cowin.x) == ["1 जून 2021", "2 जून 2021"]
    assert cowin.customdata[1] == "CoWIN: 800 (अंतर −60, −7.5%)"
    assert mohfw.customdata[0] == "स्वास्थ्य मंत्रालय (MoHFW): 1,360 (अंतर +60, +4.4%)"
    assert list(figure.layout.xaxis.categoryarray) == ["1 जून 2021", "2 जून 2021"]
    assert figure.layout.yaxis.ticktext[-1] == "1,500" and figure.layout.title.text.startswith("दैनिक खुराकें")


def test_completeness_figure():
    completeness = view.reporting_completeness(REPORTING, COUNTS, day(1), day(2))
    (heatmap,) = completeness_figure(completeness, "en", NAMES).data
    assert list(heatmap.y) == ["Raipur", "Durg", "BST"]  # alphabetical from the top
    assert list(heatmap.x) == ["1 June 2021", "2 June 2021"]
    assert [list(row) for row in heatmap.z] == [[1.0, 0.5], [0.0, 1.0], [0.0, 0.0]]
    assert heatmap.customdata[0][1] == "Raipur, 2 June 2021: 1 of 2 centres (50.0%)"
    assert (heatmap.zmin, heatmap.zmax) == (0, 1)  # shares of 0 and 1: the whole scale
    assert list(heatmap.colorbar.ticktext) == ["0%", "20%", "40%", "60%", "80%", "100%"]


def test_signed_percent():
    assert [view.signed_percent(x, "en") for x in (0.0286, -0.075, 0.0, math.nan)] == ["+2.9%", "−7.5%", "0.0%", "—"]


def test_range_dates_are_dates():
    assert isinstance(view.default_range(date(2021, 6, 22), date(2021, 6, 16))[0], date)
