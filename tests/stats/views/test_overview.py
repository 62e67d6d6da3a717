"""stats.views.overview against hand-worked figures: dates shown, day changes, headline cards, series, tables.

Day numbers as in tests/stats: day 1 is 1 June 2021.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from stats import trend
from stats.bulletin import BulletinFigures
from stats.doses import DayChanges, RecordDay, day_changes
from stats.formatting import total_text, whole
from stats.quality import Flag
from stats.sources import OWN, Record
from stats.views import overview as view
from stats.views import sources as sourced
from tests.stats import NaN, column, day, doses_frame, frame, master_names

NAMES = master_names()

# --- Dates shown --------------------------------------------------------------------------------

DEFAULT_RANGE = [
    (day(100), day(1), (day(11), day(100)), "90 days up to the day"),
    (day(30), day(1), (day(1), day(30)), "data starts later: from the first day"),
    (day(90), day(1), (day(1), day(90)), "exactly 90 days of data"),
    (day(5), day(5), (day(5), day(5)), "one day of data"),
]


@pytest.mark.parametrize("as_of, first, expected", [c[:3] for c in DEFAULT_RANGE], ids=[c[3] for c in DEFAULT_RANGE])
def test_default_range(as_of, first, expected):
    assert trend.default_range(as_of, first) == expected


DEFAULT = (day(5), day(20))
CHART_RANGE = [
    ((day(8), day(12)), (day(8), day(12)), "a full pick"),
    ((day(12), day(8)), (day(8), day(12)), "backwards: swapped"),
    ((day(8),), (day(8), day(20)), "start only: to the default end"),
    ((day(25),), (day(25), day(25)), "start only, after the default end: that day"),
    ((), DEFAULT, "nothing picked: the default"),
    (None, DEFAULT, "None: the default"),
    (day(9), (day(9), day(20)), "a single date: as a start"),
    ((date(2021, 1, 1), day(40)), (day(1), day(30)), "clipped to the data"),
]


@pytest.mark.parametrize("selection, expected", [c[:2] for c in CHART_RANGE], ids=[c[2] for c in CHART_RANGE])
def test_chart_range(selection, expected):
    assert view.chart_range(selection, DEFAULT, first=day(1), last=day(30)) == expected


def test_history_start_is_six_days_before():
    assert trend.history_start(day(10)) == day(4)


# --- Day changes --------------------------------------------------------------------------------

CENTRES = "date centres doses"
DAY_CHANGES = [
    # 7 days of 100..700 doses: average on day 7 = 2,800 / 7 = 400.
    (
        [(d, d, 100 * d) for d in range(1, 8)],
        7,
        DayChanges(700, 600, 7, 6, 400.0),
        "a full week",
    ),
    ([(1, 2, 50), (3, 4, 90)], 3, DayChanges(90, 0, 4, 0, 140 / 3), "the day before had no report: 0"),
    ([(1, 2, 50), (3, 4, 90)], 1, DayChanges(50, None, 2, None, 50.0), "first day: nothing before"),
    ([(1, 2, 50), (3, 4, 90)], 4, DayChanges(0, 90, 0, 4, 35.0), "a day without reports"),
    ([], 4, DayChanges(0, None, 0, None, 0.0), "no data"),
]


@pytest.mark.parametrize("rows, on, expected", [c[:3] for c in DAY_CHANGES], ids=[c[3] for c in DAY_CHANGES])
def test_day_changes(rows, on, expected):
    out = day_changes(frame(CENTRES, rows), day(on))
    assert out[:4] == expected[:4]
    assert out.average_7d == pytest.approx(expected.average_7d)


@pytest.mark.parametrize(
    "changes, expected",
    [(DayChanges(0, 5, 0, 1, 1.0), False), (DayChanges(3, 0, 1, 0, 1.0), True)],
    ids=["no report", "reported"],
)
def test_reported(changes, expected):
    assert view.reported(changes) is expected


STOCK = "store vaccine received sent administered on_hand"


# --- Deltas and numbers -------------------------------------------------------------------------

DELTAS = [
    (60, 680, "en", view.MetricDelta("+60 (+8.8%)", "up", "green"), "up on the day before"),
    (-1, 3, "en", view.MetricDelta("−1 (−33.3%)", "down", "red"), "down: a true minus sign"),
    (0, 50, "en", view.MetricDelta("0 (0.0%)", "off", "gray"), "no change"),
    (194.2857, 545.7143, "en", view.MetricDelta("+194 (+35.6%)", "up", "green"), "against an average"),
    (5, 0, "en", view.MetricDelta("+5", "up", "green"), "base 0: no percentage"),
    (1_09_353, 10_00_000, "hi", view.MetricDelta("+1,09,353 (+10.9%)", "up", "green"), "Indian grouping"),
    (None, 5, "en", None, "no change known"),
    (3, None, "en", None, "no base"),
    (0.4, 10, "en", view.MetricDelta("0 (+4.0%)", "off", "gray"), "rounds to no change"),
]


@pytest.mark.parametrize("change, base, lang, expected", [c[:4] for c in DELTAS], ids=[c[4] for c in DELTAS])
def test_metric_delta(change, base, lang, expected):
    assert view.metric_delta(change, base, lang) == expected


@pytest.mark.parametrize(
    "x, expected",
    [(0.0882, "+8.8%"), (-1 / 3, "−33.3%"), (0.0, "0.0%"), (NaN, "—"), (None, "—"), (math.inf, "—")],
    ids=["up", "down", "zero", "NaN", "None", "infinite"],
)
def test_signed_percent(x, expected):
    assert view.signed_percent(x) == expected


@pytest.mark.parametrize(
    "x, expected",
    [(545.714, "546"), (512.5, "513"), (1_09_352.6, "1,09,353"), (NaN, "—")],
    ids=["rounded", "half up", "grouped", "NaN"],
)
def test_whole(x, expected):
    assert whole(x) == expected


@pytest.mark.parametrize(
    "n, lang, expected",
    [
        (3_510, "en", "3,510"),
        (78_14_481, "en", "78,14,481 (78.14 lakh)"),
        (3_35_16_200, "hi", "3,35,16,200 (3.35 करोड़)"),
    ],
    ids=["below a lakh", "lakh", "crore in Hindi"],
)
def test_total_text(n, lang, expected):
    assert total_text(n, lang) == expected


@pytest.mark.parametrize(
    "days, lang, expected",
    [
        (15.0, "en", "15.0 days"),
        (14.96, "hi", "15.0 दिन"),
        (0.0, "en", "0.0 days"),
        (math.inf, "en", "—"),
        (None, "en", "—"),
    ],
    ids=["days", "Hindi, rounded", "empty stores", "not used", "no stock known"],
)
def test_cover_text(days, lang, expected):
    assert view.cover_text(days, lang) == expected


# --- Headline cards -----------------------------------------------------------------------------


def figures(**changes) -> BulletinFigures:
    """The app_db figures of 22 June 2021 (tests/pages/conftest.py), with changes."""
    values = dict(
        date=date(2021, 6, 22),
        area="STATE",
        area_name_en="Chhattisgarh",
        area_name_hi="छत्तीसगढ़",
        doses=740,
        centres=2,
        cumulative_doses=3_820,
        first_doses=730,
        second_doses=0,
        precaution_doses=10,
        cumulative_first_doses=3_510,
        cumulative_second_doses=300,
        cumulative_precaution_doses=10,
        by_age_band_and_dose=[],
        record_day={"date": date(2021, 6, 20), "doses": 1_080},
        average_7d=545.7,
        stock_on_hand=8_180,
        days_of_cover=15.0,
    )
    return BulletinFigures(**(values | changes))


CHANGES = DayChanges(740, 680, 2, 3, 3_820 / 7)


def test_headline_cards_in_english():
    daily, stock, by_dose = view.headline_cards(figures(), CHANGES, "en")
    assert [(c.label, c.value, c.when) for c in daily] == [
        ("Doses", "740", "On 22 June 2021"),
        ("7-day average", "546", "The 7 days to 22 June 2021"),
        ("Centres reporting", "2", "On 22 June 2021"),
    ]
    assert [(c.delta.text, c.delta_description) for c in daily] == [
        ("+60 (+8.8%)", "vs 21 June 2021"),
        ("+194 (+35.6%)", "the day vs the average"),
        ("−1 (−33.3%)", "vs 21 June 2021"),
    ]
    assert (
        daily[0].help
        == "Doses given at every centre in the state on 22 June 2021. The change is against 21 June 2021: 680."
    )
    assert [(c.label, c.value, c.when, c.delta) for c in stock] == [
        ("Total doses", "3,820", "To 22 June 2021", None),
        ("Stock on hand", "8,180", "At the end of 22 June 2021", None),
        ("Days of cover", "15.0 days", "At the end of 22 June 2021", None),
    ]
    assert "546 doses a day" in stock[2].help
    assert [(c.label, c.value, c.when, c.delta_description) for c in by_dose] == [
        ("First doses", "730", "On 22 June 2021", "3,510 to date"),
        ("Second doses", "0", "On 22 June 2021", "300 to date"),
        ("Precaution doses", "10", "On 22 June 2021", "10 to date"),
    ]
    assert by_dose[0].help == "Given on 22 June 2021. To 22 June 2021 in all: 3,510."


def test_headline_cards_in_hindi():
    daily, stock, by_dose = view.headline_cards(figures(), CHANGES, "hi")
    assert (daily[0].label, daily[0].when, daily[0].delta_description) == (
        "खुराकें",
        "22 जून 2021 को",
        "बनाम 21 जून 2021",
    )
    assert by_dose[0].label == "पहली खुराकें"
    assert (stock[2].value, stock[2].when) == ("15.0 दिन", "22 जून 2021 के अंत में")


def test_headline_cards_without_stock_or_use():
    _, stock, _ = view.headline_cards(figures(stock_on_hand=None, days_of_cover=None), CHANGES, "en")
    assert [c.value for c in stock[1:]] == ["—", "—"]
    assert "not known" in stock[1].help
    _, stock, _ = view.headline_cards(figures(days_of_cover=math.inf), CHANGES, "en")
    assert stock[2].value == "—"
    assert "not being used up" in stock[2].help


def test_headline_cards_on_the_first_day():
    daily, _, _ = view.headline_cards(figures(), DayChanges(740, None, 2, None, 740.0), "en")
    assert daily[0].delta is None and daily[0].delta_description == "no earlier day"
    assert daily[0].help == "Doses given at every centre in the state on 22 June 2021."
    assert daily[1].delta == view.MetricDelta("0 (0.0%)", "off", "gray")


# --- Series -------------------------------------------------------------------------------------


def test_daily_series_averages_over_the_days_before_the_start():
    doses = doses_frame([(d, 70 * d) for d in range(1, 11)])
    out = trend.daily_series(doses, day(8), day(10))
    assert column(out, "date") == [8, 9, 10]
    # Day 8: (2 + 3 + ... + 8) × 70 / 7 = 35 × 70 / 7 = 350.
    assert list(out["average_7d"]) == pytest.approx([350.0, 420.0, 490.0])


def test_daily_series_at_the_programme_start_averages_the_days_since():
    out = trend.daily_series(doses_frame([(3, 30), (4, 60)]), day(3), day(5))
    assert column(out, "doses") == [30, 60, 0]
    assert list(out["average_7d"]) == pytest.approx([30.0, 45.0, 30.0])


def test_daily_series_without_data_is_a_calendar_of_zeros():
    out = trend.daily_series(doses_frame([]), day(1), day(2))
    assert column(out, "doses") == [0, 0]


def test_cumulative_series_counts_doses_before_the_start():
    doses = doses_frame([(1, 1, 10), (2, 1, 20), (2, 2, 5), (4, 3, 1)], "dose_number")
    out = view.cumulative_series(doses, day(3), day(4))
    assert list(zip(column(out, "date"), out["dose_number"], out["cumulative"], strict=True)) == [
        (3, 1, 30),
        (3, 2, 5),
        (3, 3, 0),
        (4, 1, 30),
        (4, 2, 5),
        (4, 3, 1),
    ]


def test_band_series_fills_days_in_band_order():
    doses = doses_frame([(1, "60+", 3), (1, "18-44", 5), (3, "12-14", 2)], "age_band")
    out = view.band_series(doses, day(1), day(2), NAMES)
    assert list(zip(column(out, "date"), out["age_band"], out["doses"], strict=True)) == [
        (1, "12-14", 0),
        (1, "18-44", 5),
        (1, "60+", 3),
        (2, "12-14", 0),
        (2, "18-44", 0),
        (2, "60+", 0),
    ]


def test_vaccine_mix_shares_in_vaccine_order():
    totals = frame("vaccine doses", [("COVAXIN", 300), ("COVISHIELD", 3_520), ("SPUTNIK", 0), ("ZYCOV", 180)])
    out = view.vaccine_mix(totals, NAMES)
    assert list(out["vaccine"]) == ["COVISHIELD", "COVAXIN", "ZYCOV"]
    assert list(out["share"]) == pytest.approx([3_520 / 4_000, 300 / 4_000, 180 / 4_000])


@pytest.mark.parametrize(
    "rows, expected", [([], False), ([(1, 0)], False), ([(1, 0), (2, 4)], True)], ids=["empty", "zeros", "doses"]
)
def test_has_doses(rows, expected):
    assert trend.has_doses(doses_frame(rows)) is expected


# --- Tables -------------------------------------------------------------------------------------


def test_daily_table_in_hindi():
    daily = frame("date doses average_7d", [(1, 1_09_353, 99_999.5)])
    table = trend.daily_table(daily, "hi")
    assert list(table.columns) == ["तारीख़", "खुराकें", "7 दिन का औसत"]
    assert table.iloc[0].tolist() == ["1 जून 2021", "1,09,353", "1,00,000"]


def test_cumulative_and_band_tables_one_column_each():
    cumulative = frame("date dose_number cumulative", [(1, 1, 1_00_000), (1, 3, 7)])
    assert view.cumulative_table(cumulative, NAMES, "en").iloc[0].tolist() == ["1 June 2021", "1,00,000", "7"]
    assert list(view.cumulative_table(cumulative, NAMES, "en").columns) == ["Date", "First dose", "Precaution dose"]
    bands = frame("date age_band doses", [(1, "60+", 3), (1, "18-44", 5)])
    assert list(view.band_table(bands, NAMES, "hi").columns) == ["तारीख़", "18–44 वर्ष", "60+ वर्ष"]


def test_vaccine_table():
    mix = view.vaccine_mix(frame("vaccine doses", [("COVISHIELD", 3_520), ("COVAXIN", 300)]), NAMES)
    assert view.vaccine_table(mix, NAMES, "en").values.tolist() == [
        ["Covishield", "3,520", "92.1%"],
        ["Covaxin", "300", "7.9%"],
    ]
    assert list(view.vaccine_table(mix, NAMES, "hi")["टीका"]) == ["कोविशील्ड", "कोवैक्सिन"]


def test_tables_for_downloads_hold_dates_and_numbers():
    cumulative = frame("date dose_number cumulative", [(1, 1, 1_00_000), (1, 3, 7), (2, 1, 1_00_010)])
    plain = view.cumulative_table(cumulative, NAMES, "en", formatted=False)
    assert list(plain.columns) == ["Date", "First dose", "Precaution dose"]
    assert plain.iloc[0].tolist() == [date(2021, 6, 1), 1_00_000, 7]
    assert str(plain["First dose"].dtype) == "Int64" and plain["Precaution dose"].isna().tolist() == [False, True]
    mix = view.vaccine_mix(frame("vaccine doses", [("COVISHIELD", 3_520), ("COVAXIN", 300)]), NAMES)
    assert view.vaccine_table(mix, NAMES, "en", formatted=False).to_dict("list") == {
        "Vaccine": ["Covishield", "Covaxin"],
        "Doses": [3520, 300],
        "Share (%)": [92.15, 7.85],  # 3,520 of 3,820
    }


# --- Names, alerts, bulletin --------------------------------------------------------------------


@pytest.mark.parametrize(
    "function, code, lang, expected",
    [
        (NAMES.vaccine, "SPUTNIK", "hi", "स्पुतनिक वी"),
        (NAMES.vaccine, "ZYCOV", "en", "ZYCOV"),
        (NAMES.band, "45-59", "en", "45–59 years"),
        (NAMES.band, "99+", "hi", "99+"),
        (NAMES.dose, 3, "hi", "एहतियाती खुराक"),
    ],
    ids=["vaccine", "unknown vaccine", "band", "unknown band", "dose"],
)
def test_names(function, code, lang, expected):
    assert function(code, lang) == expected


FLAG = Flag(
    "RPR", day(22), "missing_centres", {}, "1 centre in Raipur sent no report.", "रायपुर के 1 केंद्र ने रिपोर्ट नहीं भेजी।"
)


def test_flag_messages_in_the_language():
    assert view.flag_messages([FLAG], "en") == ["1 centre in Raipur sent no report."]
    assert view.flag_messages([FLAG], "hi") == ["रायपुर के 1 केंद्र ने रिपोर्ट नहीं भेजी।"]


@pytest.mark.parametrize(
    "count, lang, expected",
    [
        (0, "en", "All clear: no data check found anything to look at for 22 June 2021."),
        (1, "en", "1 figure for 22 June 2021 needs a look:"),
        (1_234, "en", "1,234 figures for 22 June 2021 need a look:"),
        (0, "hi", "सब ठीक: 22 जून 2021 के आँकड़ों में किसी जाँच में कुछ ग़लत नहीं मिला।"),
    ],
    ids=["all clear", "one", "many", "all clear in Hindi"],
)
def test_alerts_heading(count, lang, expected):
    assert view.alerts_heading(count, day(22), lang) == expected


RECORD = RecordDay(day(20), 1_080)


@pytest.mark.parametrize(
    "record, start, expected",
    [
        (RECORD, day(16), "The record day to 22 June 2021 is 20 June 2021, with 1,080 doses."),
        (RECORD, day(21), "The record day to 22 June 2021 is 20 June 2021, with 1,080 doses: outside the dates shown."),
        (RecordDay(day(22), 1_200), day(16), "22 June 2021 is the record day so far, with 1,200 doses."),
        (None, day(16), None),
    ],
    ids=["shown", "outside", "the day itself", "no record"],
)
def test_record_note(record, start, expected):
    assert view.record_note(record, start, day(22)) == expected


RECORD_LINES = [
    (
        Record(OWN, day(20), 1_080),
        "en",
        "The record day to 22 June 2021 according to the state's centre reports is 20 June 2021, with 1,080 doses.",
        "a day before",
    ),
    (
        Record(OWN, day(22), 1_200),
        "en",
        "22 June 2021 is the record day so far according to the state's centre reports, with 1,200 doses.",
        "the day itself: not 'the record day to 22 June is 22 June'",
    ),
    (
        Record(OWN, day(22), 1_200),
        "hi",
        "राज्य की केंद्र रिपोर्ट के अनुसार 22 जून 2021 अब तक का रिकॉर्ड दिन है, 1,200 खुराकों के साथ।",
        "the day itself in Hindi",
    ),
    (
        Record("cowin", day(22), 1_200),
        "en",
        "22 June 2021 is the record day so far according to CoWIN, with 1,200 doses (corrections and jumps not "
        "counted).",
        "a published source's",
    ),
]


@pytest.mark.parametrize("record, lang, expected", [c[:3] for c in RECORD_LINES], ids=[c[3] for c in RECORD_LINES])
def test_record_lines(record, lang, expected):
    assert sourced.record_lines([record], day(22), day(16), lang) == [expected]


def test_bulletin_file_name():
    assert view.bulletin_file_name(day(22), "hi") == "bulletin-chhattisgarh-2021-06-22-hi.txt"


COVER_WARNINGS = [
    (6.99, "en", ("Under 7 days: act today", "off", "red"), "red: shown as 6.9"),
    (7.0, "en", ("Under 14 days", "off", "orange"), "amber from a week"),
    (13.99, "hi", ("14 दिन से कम", "off", "orange"), "amber in Hindi"),
    (14.0, "en", None, "two weeks: no warning"),
    (math.inf, "en", None, "no use: no warning"),
    (None, "en", None, "unknown"),
]


@pytest.mark.parametrize("days, lang, expected", [c[:3] for c in COVER_WARNINGS], ids=[c[3] for c in COVER_WARNINGS])
def test_days_of_cover_card_warns_in_its_colour(days, lang, expected):
    warning = view.cover_warning(days, lang)
    assert (tuple(warning) if warning else None) == expected
