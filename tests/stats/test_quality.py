"""stats.quality against hand-worked frames: every rule's edges (empty, one day, gaps, zero medians) and the
figures and words of its flags, in English and Hindi."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd
import pytest

from stats.coverage import coverage_by_dose
from stats.published import (
    FIRST,
    IMPLAUSIBLE,
    SECOND,
    STATE,
    TOTAL,
    daily_from_cumulative,
    own_daily,
    published_daily_doses,
)
from stats.quality import (
    FLAG_COLUMNS,
    MIN_SAME_WEEKDAYS,
    SAME_WEEKDAYS,
    Flag,
    area_names,
    coverage_over_100,
    daily_stock,
    doses_beyond_stock,
    flags_for_day,
    flags_frame,
    missing_centres,
    negative_daily_values,
    negative_values,
    rest_day,
    same_weekdays,
    source_gaps,
    spikes,
    zero_activity,
)
from stats.sources import covering, mark_jumps, own_days
from stats.stock import stock_on_hand
from tests.stats import day, day_number, doses_frame, frame

NAMES = {STATE: ("Chhattisgarh", "छत्तीसगढ़"), "RPR": ("Raipur", "रायपुर"), "DRG": ("Durg", "दुर्ग")}
DEVANAGARI = re.compile("[\u0900-\u097f]")


def series(rows: list[tuple]) -> pd.DataFrame:
    """A cumulative series from rows of (day, source, area, metric, value)."""
    return frame("date source area metric value", rows)


def daily(values: list[int], start: int = 1, area: str = STATE, metric: str = TOTAL, days=None) -> pd.DataFrame:
    """A daily frame of one series: values on consecutive days from day start (days: one per value or all 1)."""
    rows = [(start + i, "cowin", area, metric, v, 1.0 if days is None else days[i]) for i, v in enumerate(values)]
    return frame("date source area metric value days", rows)


def when(flags: list[Flag]) -> list[tuple]:
    """The flags as (day number, area, rule)."""
    return [(day_number(f.date), f.area, f.rule) for f in flags]


# --- Flag and flags_frame -------------------------------------------------------------------------

FLAG = Flag("RPR", day(3), "spike", {"value": 5, "metric": TOTAL}, "In Raipur ...", "रायपुर में ...")


def test_flag_to_dict_is_json_ready():
    assert FLAG.to_dict() == {
        "area": "RPR",
        "date": "2021-06-03",
        "rule": "spike",
        "figures": {"value": 5, "metric": TOTAL},
        "message_en": "In Raipur ...",
        "message_hi": "रायपुर में ...",
    }
    with pytest.raises(AttributeError):
        FLAG.area = "DRG"  # frozen


def test_flags_frame_sorts_by_date_area_rule():
    flags = [
        Flag("RPR", day(3), "spike", {}, "c", "c"),
        Flag("DRG", day(3), "zero_activity", {}, "b", "b"),
        Flag("DRG", day(3), "spike", {}, "a", "a"),
        Flag("STATE", day(1), "spike", {}, "d", "d"),
    ]
    out = flags_frame(flags)
    assert list(out.columns) == FLAG_COLUMNS
    assert list(zip(out["area"], [day_number(d) for d in out["date"]], out["rule"], strict=True)) == [
        ("STATE", 1, "spike"),
        ("DRG", 3, "spike"),
        ("DRG", 3, "zero_activity"),
        ("RPR", 3, "spike"),
    ]
    empty = flags_frame([])
    assert empty.empty and list(empty.columns) == FLAG_COLUMNS


def test_area_names_from_the_districts_query():
    districts = pd.DataFrame({"code": ["RPR"], "name_en": ["Raipur"], "name_hi": ["रायपुर"]})
    assert area_names(districts) == {STATE: ("Chhattisgarh", "छत्तीसगढ़"), "RPR": ("Raipur", "रायपुर")}


# --- negative_daily_values ---------------------------------------------------------------------------

NEGATIVE = [
    ([], {}, [], "empty"),
    ([(1, 100)], {}, [], "one date"),
    ([(1, 100), (2, 150), (3, 140)], {}, [(3, -10, 150, 140, 1)], "a fall"),
    ([(1, 100), (2, 150), (3, 150)], {}, [], "flat is not a fall"),
    ([(1, 100), (4, 90), (5, 80)], {}, [(4, -10, 100, 90, 3), (5, -10, 90, 80, 1)], "a fall across a gap"),
    ([(1, 100), (2, 90)], {"metrics": [FIRST]}, [], "a metric not judged"),
    ([(1, 100), (2, 90)], {"metrics": None}, [(2, -10, 100, 90, 1)], "every metric"),
]


@pytest.mark.parametrize("rows, kwargs, expected", [c[:3] for c in NEGATIVE], ids=[c[3] for c in NEGATIVE])
def test_negative_daily_values(rows, kwargs, expected):
    flags = negative_daily_values(series([(d, "cowin", STATE, TOTAL, v) for d, v in rows]), **kwargs)
    got = [(day_number(f.date), *(f.figures[k] for k in ("value", "previous", "cumulative", "days"))) for f in flags]
    assert got == expected
    assert {f.rule for f in flags} <= {"negative_daily_value"}


def test_negative_daily_values_judges_dose_metrics_only_by_default():
    rows = [(1, "cowin", STATE, "Sites", 900), (2, "cowin", STATE, "Sites", 800)]  # sites per day may fall
    rows += [(1, "cowin", "RPR", SECOND, 500), (2, "cowin", "RPR", SECOND, 459)]
    flags = negative_daily_values(series(rows), names=NAMES)
    assert when(flags) == [(2, "RPR", "negative_daily_value")]
    assert flags[0].figures == {
        "source": "cowin",
        "metric": SECOND,
        "days": 1,
        "value": -41,
        "previous": 500,
        "cumulative": 459,
    }


def test_negative_message_names_area_date_and_figures():
    rows = [(1, "cowin", STATE, TOTAL, 684432), (2, "cowin", STATE, TOTAL, 600698)]
    (flag,) = negative_daily_values(series(rows), names=NAMES)
    assert flag.message_en == (
        "On 2 June 2021, the cumulative count of total doses for Chhattisgarh fell by 83,734 according to CoWIN "
        "(from 6,84,432 to 6,00,698). A published cumulative count should never fall: this is usually a recount "
        "or a correction of earlier days."
    )
    assert flag.message_hi == (
        "CoWIN के अनुसार 2 जून 2021 को छत्तीसगढ़ में कुल खुराकों की संचयी संख्या 83,734 घट गई (6,84,432 से "
        "6,00,698)। प्रकाशित संचयी संख्या कभी घटनी नहीं चाहिए; ऐसा आम तौर पर दोबारा गिनती या पिछले दिनों के "
        "आँकड़ों में सुधार से होता है।"
    )


def test_negative_values_of_a_daily_frame_without_cumulative():
    flags = negative_values(daily([5, -3]).drop(columns="source"), names=NAMES)
    assert [(f.figures["value"], "previous" in f.figures) for f in flags] == [(-3, False)]
    assert "the state's own reports" in flags[0].message_en
    assert "राज्य की अपनी रिपोर्टों के अनुसार" in flags[0].message_hi


# --- spikes: stats.sources' jump rule (JUMP_FACTOR 4, MEDIAN_DAYS 14, AGREE_FACTOR 1.5) ---------------------


def days_of(values: list[int], source: str = "cowin", area: str = STATE, start: int = 1, on=None) -> pd.DataFrame:
    """A stats.sources days frame of one source: values on consecutive days from day start, all regular days
    (on: the first date, when not day(start))."""
    first = on or day(start)
    n = len(values)
    rows = pd.DataFrame(
        {
            "date": [first + timedelta(days=i) for i in range(n)],
            "source": source,
            "area": area,
            "doses": values,
            **dict.fromkeys(["first", "second", "precaution"], pd.array([pd.NA] * n, dtype="Int64")),
            "cumulative": pd.array(pd.Series(values, dtype="int64").cumsum(), dtype="Int64"),
            **dict.fromkeys(
                ["cumulative_first", "cumulative_second", "cumulative_precaution"],
                pd.array([pd.NA] * n, dtype="Int64"),
            ),
            "days": 1.0,
            "status": "day",
        }
    )
    return covering([rows])


WEEK = [100] * 7
SPIKES = [
    # (CoWIN's days, the ministry's days (None: no other source), days flagged, why)
    ([], None, [], "empty"),
    (WEEK + [401], None, [], "a published day no other source has: kept a regular day, as stats.sources keeps it"),
    (WEEK + [401], WEEK + [100], [8], "just above 4 times the median, the ministry far off: a spike"),
    (WEEK + [400], WEEK + [100], [], "exactly 4 times is not above"),
    (WEEK[1:] + [900], WEEK[1:] + [100], [], "6 regular days before: too few to judge"),
    (WEEK + [900], WEEK + [600], [], "the ministry's 600 confirms 900 (within 1.5 times)"),
    (WEEK + [900], WEEK + [599], [8], "599 × 1.5 = 898.5: not confirmed"),
    (WEEK + [900], WEEK + [0], [], "a 0 is no evidence either way (a day without reports): not judged"),
    ([0] * 7 + [900], [0] * 7 + [1], [], "median 0: not judged"),
    (WEEK + [900, 900], WEEK + [100, 100], [8, 9], "a spike is not a regular day: day 9 is judged against 100"),
    ([1000] * 8 + [100] * 14 + [500], [1000] * 8 + [100] * 15, [23], "the median of the 14 regular days before"),
    ([1000] * 8 + [100] * 6 + [500], [1000] * 8 + [100] * 7, [], "8 of those 14 days are 1,000: median 1,000"),
]


@pytest.mark.parametrize("cowin, mohfw, expected", [c[:3] for c in SPIKES], ids=[c[3] for c in SPIKES])
def test_spikes(cowin, mohfw, expected):
    frames = [days_of(cowin)] + ([] if mohfw is None else [days_of(mohfw, "mohfw")])
    flags = spikes(covering(frames))
    assert [day_number(f.date) for f in flags] == expected
    assert {(f.rule, f.figures["source"]) for f in flags} <= {("spike", "cowin")}


def test_spikes_agree_with_the_status_stats_sources_gives():
    # The same days through sources.mark_jumps: a flagged day is exactly a day marked as a jump.
    for cowin, mohfw, expected, _why in SPIKES:
        if mohfw is None or not cowin:
            continue
        marked = mark_jumps(days_of(cowin), days_of(mohfw, "mohfw"))
        assert [day_number(d) for d in marked.loc[marked["status"] == "jump", "date"]] == expected


OWN_SPIKES = [
    # (the state's own days, CoWIN's (None: no published figure), days flagged, why)
    (WEEK + [900], None, [8], "no published source has the day: raised, nobody can confirm it"),
    (WEEK + [900], WEEK + [850], [], "CoWIN's 850 confirms it, and it confirms CoWIN's"),
    (WEEK + [900], WEEK + [500], [8], "CoWIN's 500 does not (900 > 750)"),
    (WEEK + [900, 900], None, [8, 9], "an unconfirmed own day is not a regular day either"),
]


@pytest.mark.parametrize("own, cowin, expected", [c[:3] for c in OWN_SPIKES], ids=[c[3] for c in OWN_SPIKES])
def test_spikes_of_the_states_own_reports(own, cowin, expected):
    frames = [days_of(own, "own")] + ([] if cowin is None else [days_of(cowin)])
    flags = [f for f in spikes(covering(frames)) if f.figures["source"] == "own"]
    assert [day_number(f.date) for f in flags] == expected


def test_a_districts_day_is_confirmed_by_the_states_confirmed_day():
    # Raipur's 900 has no published figure of its own; the state's 9,000 that day is 9 times its median and
    # CoWIN's 8,000 confirms it: Raipur's rise is part of a confirmed state-wide one. Durg's 900 on day 9, when
    # the state's day is ordinary, is its own: raised.
    state = days_of([1_000] * 7 + [9_000, 1_000], "own")
    cowin = days_of([1_000] * 7 + [8_000, 1_000])
    raipur = days_of(WEEK + [900, 100], "own", area="RPR")
    durg = days_of(WEEK + [100, 900], "own", area="DRG")
    assert when(spikes(covering([state, cowin, raipur, durg]))) == [(9, "DRG", "spike")]
    # Without CoWIN, nothing confirms the state's day: the state and Raipur are raised, each alone.
    assert when(spikes(covering([state, raipur, durg]))) == [
        (8, "RPR", "spike"),
        (8, STATE, "spike"),
        (9, "DRG", "spike"),
    ]


def test_own_reports_confirm_a_published_day():
    own, cowin = days_of(WEEK + [900], "own"), days_of(WEEK + [900])
    assert spikes(covering([own, cowin])) == []
    assert [day_number(f.date) for f in spikes(covering([days_of(WEEK + [100], "own"), cowin]))] == [8]


def test_spike_message_names_the_day_the_source_the_figure_the_median_and_the_other_source():
    frames = covering([days_of([17_000] * 14 + [2_02_576]), days_of([17_000] * 14 + [20_000], "mohfw")])
    (flag,) = spikes(frames, names=NAMES)
    assert flag.figures == {
        "source": "cowin",
        "metric": TOTAL,
        "days": 1,
        "value": 2_02_576,
        "median": 17_000.0,
        "ratio": 11.92,
        "others": {"mohfw": 20_000},
    }
    assert flag.message_en == (
        "According to CoWIN, Chhattisgarh had 2,02,576 total doses on 15 June 2021: 11.9 times a typical day (the "
        "median of the 14 regular days before, 17,000); no other source's figure for the day is close to it (the "
        "health ministry (MoHFW): 20,000). A jump this size usually means a change in how doses are counted or a "
        "backlog upload: check it before reporting it as one day's vaccinations."
    )
    assert flag.message_hi.startswith(
        "CoWIN के अनुसार 15 जून 2021 को छत्तीसगढ़ में कुल खुराकों की संख्या 2,02,576 रही, जो पिछले 14 सामान्य दिनों "
        "की माध्यिका (17,000) का 11.9 गुना है; उस दिन किसी अन्य स्रोत का आँकड़ा इसके आस-पास नहीं है (स्वास्थ्य "
        "मंत्रालय (MoHFW): 20,000)।"
    )


def test_an_own_spike_alone_says_nothing_confirms_it():
    (flag,) = spikes(days_of(WEEK + [900], "own", area="RPR"), names=NAMES)
    assert flag.message_en.startswith(
        "According to the state's own reports, Raipur had 900 doses on 8 June 2021: 9.0 times a typical day (the "
        "median of the 14 regular days before, 100), and no published source has a figure for that day to confirm it."
    )
    assert flag.figures["others"] == {}


KNOWN = [
    # (source, first date, the known day's index, reason, words in the message)
    ("cowin", date(2021, 3, 2), 14, "definition", "definition change: CoWIN counted doses differently"),
    ("cowin", date(2021, 6, 11), 14, "catch_up", "catch-up: doses recorded late were uploaded together"),
    ("mohfw", date(2021, 5, 6), 14, "reconciliation", "reconciliation: the ministry brought its count in line"),
]


@pytest.mark.parametrize("source, first, at, reason, words", KNOWN, ids=[k[3] for k in KNOWN])
def test_a_known_jump_is_raised_as_one_with_its_reason_whatever_its_size(source, first, at, reason, words):
    # 150 after a fortnight of 100s: not a spike by the rule, and confirmed by the other source, but a known jump.
    other = "mohfw" if source == "cowin" else "cowin"
    frames = covering([days_of([100] * at + [150], source, on=first), days_of([100] * at + [150], other, on=first)])
    (flag,) = spikes(frames, names=NAMES)
    assert (flag.rule, flag.date, flag.figures["reason"], flag.figures["value"]) == (
        "known_jump",
        first + timedelta(days=at),
        reason,
        150,
    )
    assert words in flag.message_en and "not one day's vaccinations" in flag.message_en
    assert "ज्ञात छलांग" in flag.message_hi


# --- zero_activity ----------------------------------------------------------------------------------

ZERO = [
    ([], {}, [], "empty"),
    ([0], {}, [], "one day"),
    ([5] * 7 + [0], {}, [8], "a zero after a week of activity"),
    ([5] * 6 + [0], {}, [], "too little history"),
    ([0] * 4 + [5] * 3 + [0], {}, [], "median 0: the series is not normally active"),
    ([5] * 7 + [0, 0], {}, [8, 9], "two zero days in a row"),
    ([5] * 7 + [0], {"min_history": 8}, [], "min_history asked"),
    ([5] * 7 + [1], {}, [], "1 is not 0"),
]


@pytest.mark.parametrize("values, kwargs, expected", [c[:3] for c in ZERO], ids=[c[3] for c in ZERO])
def test_zero_activity(values, kwargs, expected):
    flags = zero_activity(daily(values, metric="Sites"), **kwargs)
    assert [day_number(f.date) for f in flags] == expected
    assert {f.rule for f in flags} <= {"zero_activity"}


def test_zero_day_message():
    (flag,) = zero_activity(daily([1400, 2000, 1769, 1500, 1800, 1700, 1900, 0]), names=NAMES)
    assert flag.figures == {"source": "cowin", "metric": TOTAL, "days": 1, "value": 0, "median": 1769.0}
    assert flag.message_en.startswith(
        "According to CoWIN, Chhattisgarh had 0 total doses on 8 June 2021, although a typical day in the "
        "28 days before had 1,769."
    )
    assert flag.message_hi.startswith(
        "CoWIN के अनुसार 8 जून 2021 को छत्तीसगढ़ में कुल खुराकों की संख्या 0 रही, जबकि पिछले 28 दिनों में "
        "एक सामान्य दिन (माध्यिका) में यह 1,769 थी।"
    )


def test_implausible_fields_are_cowins_sessions_and_sites():
    assert set(IMPLAUSIBLE) == {("cowin", "Sessions"), ("cowin", "Sites")}


@pytest.mark.parametrize("metric, word", [("Sites", "vaccination sites"), ("Sessions", "sessions")])
def test_a_zero_in_an_implausible_field_quotes_no_typical_day(metric, word):
    (flag,) = zero_activity(daily([15_28_646] * 7 + [0], metric=metric), names=NAMES)
    assert flag.figures == {"source": "cowin", "metric": metric, "days": 1, "value": 0, "implausible": True}
    assert flag.message_en == (
        f"According to CoWIN, Chhattisgarh had 0 {word} on 8 June 2021. This field of CoWIN is known to be "
        "implausible, so it is not compared with a typical day; a 0 usually means the figures were not uploaded."
    )
    assert "15,28,646" not in flag.message_en + flag.message_hi
    assert "भरोसेमंद नहीं" in flag.message_hi
    # The same field from another source is not known to be implausible: its typical day is quoted.
    other = daily([1_000] * 7 + [0], metric=metric).assign(source="mohfw")
    assert "1,000" in zero_activity(other)[0].message_en


def test_zero_activity_of_own_doses_on_a_calendar():
    own = own_daily(doses_frame([(d, 50) for d in range(1, 9)] + [(10, 40)]))  # no report on day 9
    (flag,) = zero_activity(own, names=NAMES)
    assert (day_number(flag.date), flag.area, flag.figures["metric"]) == (9, STATE, "doses")
    assert "the state's own reports" in flag.message_en and "source" not in flag.figures


# --- missing_centres ------------------------------------------------------------------------------------
#
# Hand-worked calendars around Thursday 31 March 2022. Its same weekdays are 24, 17, 10 and 3 March (none a public
# holiday); Friday 25 March's skip Holi (18 March) and reach back to 18 February; Tuesday 29 March's skip Maha
# Shivaratri (1 March) and reach back to 22 February.

MARCH = {n: date(2022, 3, n) for n in range(1, 32)}

LOOKED_AT = [
    (MARCH[31], [MARCH[24], MARCH[17], MARCH[10], MARCH[3]], "a Thursday without holidays"),
    (MARCH[25], [MARCH[11], MARCH[4], date(2022, 2, 25), date(2022, 2, 18)], "Holi on 18 March skipped"),
    (MARCH[29], [MARCH[22], MARCH[15], MARCH[8], date(2022, 2, 22)], "Maha Shivaratri on 1 March skipped"),
    (date(2021, 6, 30), [date(2021, 6, 23), date(2021, 6, 16), date(2021, 6, 9), date(2021, 6, 2)], "June 2021"),
]


@pytest.mark.parametrize("on, expected", [c[:2] for c in LOOKED_AT], ids=[c[2] for c in LOOKED_AT])
def test_same_weekdays(on, expected):
    assert same_weekdays(on) == expected


REST_DAYS = [
    (MARCH[27], True, "a Sunday"),
    (MARCH[18], True, "Holi"),
    (date(2022, 1, 26), True, "Republic Day"),
    (date(2021, 10, 2), True, "Gandhi Jayanti on a Saturday"),
    (date(2021, 8, 15), True, "Independence Day on a Sunday"),
    (MARCH[31], False, "a Thursday"),
    (MARCH[26], False, "a Saturday"),
    (date(2021, 11, 3), False, "the day before Diwali"),
]


@pytest.mark.parametrize("on, expected", [c[:2] for c in REST_DAYS], ids=[c[2] for c in REST_DAYS])
def test_rest_day(on, expected):
    assert rest_day(on) is expected


def centre_reports(calendar: dict[tuple[str, str], list[date]], on: date) -> pd.DataFrame:
    """What data.read.quality.centre_reports counts for the day from a calendar {(centre, district): days it
    reported}: whether each centre reported on the day, and on how many of its same weekdays."""
    looked_at = set(same_weekdays(on))
    rows = [
        (on, code, district, int(on in days), len(looked_at & set(days))) for (code, district), days in calendar.items()
    ]
    return pd.DataFrame(rows, columns=["date", "centre_code", "district_code", "reported", "weekdays_reported"])


THURSDAYS = [MARCH[3], MARCH[10], MARCH[17], MARCH[24]]
EVERY_DAY = [MARCH[n] for n in range(1, 31)]
MISSING = [
    ({}, MARCH[31], [], "no centres"),
    ({("R1", "RPR"): THURSDAYS}, MARCH[31], [("RPR", 1, ["R1"])], "every Thursday, not this one"),
    ({("R1", "RPR"): [*THURSDAYS, MARCH[31]]}, MARCH[31], [], "every Thursday and this one"),
    ({("R1", "RPR"): THURSDAYS[1:]}, MARCH[31], [], "3 of the last 4 Thursdays: not a habit yet"),
    ({("R1", "RPR"): [MARCH[n] for n in (21, 22, 23, 28, 29, 30)]}, MARCH[31], [], "every day but Thursdays"),
    ({("R1", "RPR"): [MARCH[30]]}, MARCH[31], [], "reported the day before only (the old rule's flag)"),
    ({("R1", "RPR"): [MARCH[n] for n in (6, 13, 20)]}, MARCH[27], [], "Sundays are never judged"),
    ({("R1", "RPR"): EVERY_DAY}, MARCH[27], [], "a Sunday after reporting every day"),
    ({("R1", "RPR"): [MARCH[n] for n in (11, 4)] + [date(2022, 2, d) for d in (18, 25)]}, MARCH[18], [], "Holi"),
    (
        {("R1", "RPR"): [MARCH[n] for n in (11, 4)] + [date(2022, 2, d) for d in (18, 25)]},
        MARCH[25],
        [("RPR", 1, ["R1"])],
        "the Friday after Holi: the four Fridays before it that were not holidays",
    ),
    (
        {("R1", "RPR"): EVERY_DAY, ("R2", "RPR"): EVERY_DAY, ("D1", "DRG"): THURSDAYS, ("D2", "DRG"): EVERY_DAY[:5]},
        MARCH[31],
        [("DRG", 1, ["D1"]), ("RPR", 2, ["R1", "R2"])],
        "two districts, one flag each",
    ),
]


@pytest.mark.parametrize("calendar, on, expected", [c[:3] for c in MISSING], ids=[c[3] for c in MISSING])
def test_missing_centres(calendar, on, expected):
    flags = missing_centres(centre_reports(calendar, on), on)
    assert [(f.area, f.figures["centres"], f.figures["centre_codes"]) for f in flags] == expected
    assert all(f.date == on and f.rule == "missing_centres" for f in flags)


def test_missing_centres_lists_at_most_five_codes():
    reports = centre_reports({(f"R{i}", "RPR"): THURSDAYS for i in range(1, 8)}, MARCH[31])
    (flag,) = missing_centres(reports, MARCH[31], names=NAMES)
    assert flag.figures == {
        "centres": 7,
        "centre_codes": ["R1", "R2", "R3", "R4", "R5"],
        "same_weekdays": ["2022-03-24", "2022-03-17", "2022-03-10", "2022-03-03"],
        "at_least": 4,
    }
    assert flag.message_en == (
        "7 centres in Raipur that reported on each of the last 4 Thursdays sent no report on 31 March 2022: "
        "R1, R2, R3, R4, R5 and 2 more."
    )
    assert flag.message_hi == (
        "रायपुर के 7 केंद्रों ने पिछले 4 गुरुवार में से हर एक को रिपोर्ट भेजी थी, पर 31 मार्च 2022 को कोई रिपोर्ट "
        "नहीं भेजी: R1, R2, R3, R4, R5 और 2 अन्य।"
    )


def test_missing_centre_singular():
    (flag,) = missing_centres(centre_reports({("D1", "DRG"): THURSDAYS}, MARCH[31]), MARCH[31], names=NAMES)
    assert flag.message_en.startswith("1 centre in Durg that reported on each of the last 4 Thursdays")
    assert flag.message_hi.startswith("दुर्ग के 1 केंद्र ने पिछले 4 गुरुवार")


def test_missing_centres_thresholds():
    assert (SAME_WEEKDAYS, MIN_SAME_WEEKDAYS) == (4, 4)  # README, "Data-quality rules"


def one_report(code: str, district: str, on: int) -> pd.DataFrame:
    """centre_reports' row of a centre silent on day `on` that reported on each of its last 4 same weekdays."""
    return frame("date centre_code district_code reported weekdays_reported", [(on, code, district, 0, 4)])


# --- coverage_over_100 ------------------------------------------------------------------------------------

TARGETS = frame("district_code age_band population", [("RPR", "18-44", 1000), ("DRG", "18-44", 2000)])
GIVEN = frame(
    "date district_code age_band dose_number doses",
    [(1, "RPR", "18-44", 1, 1042), (1, "RPR", "18-44", 2, 400), (1, "DRG", "18-44", 1, 2000)],
)


def test_coverage_over_100():
    coverage = coverage_by_dose(GIVEN, TARGETS, ["18-44"], as_of=day(1))
    flags = coverage_over_100(coverage, day(1), names=NAMES)
    assert [(f.area, f.figures["dose_number"]) for f in flags] == [("RPR", 1)]  # DRG at exactly 100% is fine
    assert flags[0].figures == {"dose_number": 1, "doses": 1042, "population": 1000, "coverage": 1.042}
    assert flags[0].message_en.startswith(
        "By 1 June 2021, first-dose coverage in Raipur is 104.2% of the target population (1,042 doses for 1,000 "
        "people)."
    )
    assert flags[0].message_hi.startswith(
        "1 जून 2021 तक रायपुर में पहली खुराक का कवरेज लक्षित आबादी का 104.2% है (1,000 लोगों के लिए 1,042 खुराकें)।"
    )


def test_coverage_over_100_of_the_state_and_of_nothing():
    state = coverage_by_dose(GIVEN, TARGETS, ["18-44"], by=(), as_of=day(1))  # 3,042 for 3,000
    assert [(f.area, f.figures["doses"]) for f in coverage_over_100(state, day(1))] == [(STATE, 3042)]
    assert coverage_over_100(coverage_by_dose(GIVEN.iloc[:0], TARGETS, ["18-44"]), day(1)) == []


# --- doses_beyond_stock ----------------------------------------------------------------------------

MOVEMENTS = frame(
    "date vaccine from_store to_store quantity",
    [
        (1, "CS", "SUPPLIER", "STATE", 100),
        (2, "CS", "STATE", "RPR", 50),
        (6, "CS", "STATE", "RPR", 20),
    ],
)
# RPR on hand: day 2: 50; day 3: 20; day 4: −10; day 5: −15; day 6: +5; day 7: −5; day 8: −5.
ADMINISTERED = frame(
    "date district_code vaccine doses",
    [(3, "RPR", "CS", 30), (4, "RPR", "CS", 30), (5, "RPR", "CS", 5), (7, "RPR", "CS", 10)],
)

BEYOND = [
    (1, 8, [(4, -10, -15, 2, 5), (7, -5, -5, 2, 8)], "two runs"),
    (5, 8, [(5, -15, -15, 1, 5), (7, -5, -5, 2, 8)], "a run under way on start is flagged on start"),
    (1, 3, [], "never below zero"),
    (6, 6, [], "one day, above zero"),
    (8, 8, [(8, -5, -5, 1, 8)], "one day, below zero"),
]


@pytest.mark.parametrize("start, end, expected", [c[:3] for c in BEYOND], ids=[c[3] for c in BEYOND])
def test_doses_beyond_stock(start, end, expected):
    flags = doses_beyond_stock(MOVEMENTS, ADMINISTERED, day(start), day(end))
    got = [
        (day_number(f.date), f.figures["on_hand"], f.figures["lowest"], f.figures["days_below_zero"])
        + (day_number(date.fromisoformat(f.figures["until"])),)
        for f in flags
    ]
    assert got == expected
    assert all(f.area == "RPR" and f.rule == "doses_beyond_stock" and f.figures["vaccine"] == "CS" for f in flags)


def test_daily_stock_agrees_with_stock_on_hand_every_day():
    stock = daily_stock(MOVEMENTS, ADMINISTERED, day(1), day(8))
    for d in range(1, 9):
        expected = stock_on_hand(MOVEMENTS, ADMINISTERED, day(d))
        on_day = stock[stock["date"] == day(d)]
        got = {(r.store, r.vaccine): r.on_hand for r in on_day.itertuples()}
        want = {(r.store, r.vaccine): r.on_hand for r in expected.itertuples()}
        assert got == {key: want.get(key, 0) for key in got}, d  # a store not stocked yet: 0 on the calendar
        assert set(want) <= set(got), d


def test_doses_beyond_stock_with_no_ledger():
    # No movement at all (a database holding only the published series): no ledger, nothing to check.
    given = frame("date district_code vaccine doses", [(2, "RPR", "CS", 4)])
    no_movements = MOVEMENTS.iloc[:0]
    assert doses_beyond_stock(no_movements, given, day(1), day(3), names=NAMES) == []
    assert doses_beyond_stock(no_movements, given.iloc[:0], day(1), day(3)) == []
    # A ledger of Covishield only: Covaxin given anywhere has no ledger either; Covishield given in Durg does.
    given = frame("date district_code vaccine doses", [(2, "RPR", "CX", 4), (3, "DRG", "CS", 7)])
    ((flag),) = doses_beyond_stock(MOVEMENTS, given, day(1), day(3))
    assert (flag.area, flag.figures["vaccine"], flag.figures["on_hand"]) == ("DRG", "CS", -7)


def test_doses_beyond_stock_is_an_alert_naming_store_and_vaccine():
    vaccines = {"CS": ("Covishield", "कोविशील्ड")}
    (flag, _) = doses_beyond_stock(MOVEMENTS, ADMINISTERED, day(1), day(8), names=NAMES, vaccines=vaccines)
    assert flag.message_en == (
        "On 4 June 2021, the ledger of Raipur shows more Covishield issued than received: 10 doses more were sent "
        "out or given than came in. Check the ledger: a receipt is probably missing from the stock movements. This "
        "lasted 2 days (at most 15 doses more)."
    )
    assert flag.message_hi.startswith(
        "4 जून 2021 को रायपुर के स्टॉक रजिस्टर में कोविशील्ड की प्राप्ति से अधिक खुराकें जारी दिखती हैं: जितनी आईं, "
        "उससे 10 खुराकें अधिक भेजी या लगाई गईं।"
    )
    for text in (flag.message_en, flag.message_hi):
        assert "CS" not in text and "−" not in text and "on hand" not in text
    # The state store is named as a store, not as the state.
    sent = frame("date vaccine from_store to_store quantity", [(1, "CS", "STATE", "RPR", 5)])
    (state,) = doses_beyond_stock(sent, ADMINISTERED.iloc[:0], day(1), day(1), names=NAMES, vaccines=vaccines)
    assert state.area == STATE and "the ledger of State store" in state.message_en
    assert "राज्य भंडार के स्टॉक रजिस्टर" in state.message_hi


# --- source_gaps ----------------------------------------------------------------------------------------

OWN = doses_frame([(1, 110), (2, 111), (3, 5), (4, 89), (5, 40)])
PUBLISHED = frame(
    "date source doses days",
    [(1, "cowin", 100, 1.0), (2, "cowin", 100, 1.0), (3, "cowin", 0, 1.0), (4, "cowin", 100, 1.0)]
    + [(5, "mohfw", 100, 2.0)],  # covers days 4 and 5: own 89 + 40 = 129
)

GAPS = [
    (0.1, [(2, "cowin", 11), (3, "cowin", 5), (4, "cowin", -11), (5, "mohfw", 29)], "10%: exactly 10% is no gap"),
    (0.2, [(3, "cowin", 5), (5, "mohfw", 29)], "20%"),
]


@pytest.mark.parametrize("threshold, expected", [c[:2] for c in GAPS], ids=[c[2] for c in GAPS])
def test_source_gaps(threshold, expected):
    flags = source_gaps(OWN, PUBLISHED, threshold)
    assert [(day_number(f.date), f.figures["source"], f.figures["gap"]) for f in flags] == expected
    assert all(f.area == STATE and f.rule == "source_gap" for f in flags)


def test_source_gap_figures_and_words():
    flags = {day_number(f.date): f for f in source_gaps(OWN, PUBLISHED, names=NAMES)}
    assert flags[3].figures["relative_gap"] is None  # published 0: any own dose is a gap
    assert flags[5].figures == {
        "source": "mohfw",
        "days": 2,
        "own": 129,
        "published": 100,
        "gap": 29,
        "relative_gap": pytest.approx(0.29),
    }
    assert flags[5].message_en.startswith(
        "On 5 June 2021 over 2 days since 3 June 2021, the state's own reports for Chhattisgarh show 129 doses "
        "against 100 from the health ministry (MoHFW) (+29, +29.0%)."
    )
    assert "स्वास्थ्य मंत्रालय (MoHFW) के अनुसार 100 खुराकें (+29, +29.0%)" in flags[5].message_hi
    assert "(−11, −11.0%)" in flags[4].message_en


def test_source_gaps_of_nothing():
    assert source_gaps(OWN.iloc[:0], PUBLISHED) == []
    assert source_gaps(OWN, PUBLISHED.iloc[:0]) == []


# --- Hindi and English, every rule: the area, the date, Indian numbers -----------------------------------

BIG = [1_00_000] * 28
EVERY_RULE = [
    # (flag, a figure the message must show in both languages)
    (
        negative_daily_values(
            series([(1, "mohfw", "RPR", FIRST, 12_34_567), (2, "mohfw", "RPR", FIRST, 1_00_000)]), names=NAMES
        ),
        "11,34,567",
    ),
    (spikes(days_of(BIG + [12_00_000], "own", area="RPR"), names=NAMES), "12,00,000"),
    (zero_activity(daily(BIG + [0], area="RPR"), names=NAMES), "1,00,000"),
    (missing_centres(one_report("R1", "RPR", 2), day(2), names=NAMES), "R1"),
    (coverage_over_100(coverage_by_dose(GIVEN, TARGETS, ["18-44"], as_of=day(1)), day(1), names=NAMES), "1,042"),
    (doses_beyond_stock(MOVEMENTS, ADMINISTERED, day(1), day(5), names=NAMES), "15"),
    (source_gaps(doses_frame([(1, 1_23_456)]), PUBLISHED, names=NAMES), "1,23,456"),
]


@pytest.mark.parametrize("flags, figure", EVERY_RULE, ids=[c[0][0].rule for c in EVERY_RULE])
def test_messages_name_area_date_and_figures_in_both_languages(flags, figure):
    (flag,) = flags
    name_en, name_hi = NAMES[flag.area]
    assert name_en in flag.message_en and name_hi in flag.message_hi
    assert f"{flag.date.day} June 2021" in flag.message_en
    assert f"{flag.date.day} जून 2021" in flag.message_hi
    assert figure in flag.message_en and figure in flag.message_hi
    assert DEVANAGARI.search(flag.message_hi) and not DEVANAGARI.search(flag.message_en)
    assert not re.search(r"\d,\d{3},\d{3}", flag.message_en + flag.message_hi)  # never Western millions
    assert flag.message_en.endswith(".") and flag.message_hi.endswith("।")


# --- flags_for_day ------------------------------------------------------------------------------------


def test_flags_for_day_runs_the_rules_it_has_inputs_for():
    history = [1_000] * 28
    state = daily(history + [20_000, 0])  # day 29: a spike; day 30: a zero
    district = daily(history + [1_000, 900], area="RPR")
    falls = series([(29, "cowin", "DRG", SECOND, 500), (30, "cowin", "DRG", SECOND, 400)])
    frames = pd.concat([state, district, daily_from_cumulative(falls)], ignore_index=True)
    centres = one_report("R2", "RPR", 30)

    own = days_of(history + [20_000, 1_000], "own")
    on_29 = flags_for_day(day(29), STATE, daily=frames, days=own, centre_reports=centres)
    assert when(on_29) == [(29, STATE, "spike")]
    on_30 = flags_for_day(day(30), STATE, daily=frames, centre_reports=centres)
    assert when(on_30) == [
        (30, "DRG", "negative_daily_value"),
        (30, "RPR", "missing_centres"),
        (30, STATE, "zero_activity"),
    ]
    assert when(flags_for_day(day(30), "RPR", daily=frames, centre_reports=centres)) == [(30, "RPR", "missing_centres")]
    assert flags_for_day(day(30), "BST", daily=frames, centre_reports=centres) == []
    assert flags_for_day(day(30)) == []


def test_flags_for_day_with_stock_coverage_and_sources():
    coverage = coverage_by_dose(GIVEN, TARGETS, ["18-44"], as_of=day(4))
    flags = flags_for_day(
        day(4),
        STATE,
        coverage=coverage,
        movements=MOVEMENTS,
        administered=ADMINISTERED,
        published=PUBLISHED,
        own=OWN,
        names=NAMES,
    )
    assert when(flags) == [(4, "RPR", "coverage_over_100"), (4, "RPR", "doses_beyond_stock"), (4, STATE, "source_gap")]
    # Day 5 is the second day of the run: no stock flag; MoHFW's 2-day figure is a gap.
    assert when(
        flags_for_day(day(5), movements=MOVEMENTS, administered=ADMINISTERED, published=PUBLISHED, own=OWN)
    ) == [(5, STATE, "source_gap")]


def test_flags_for_day_from_own_doses():
    doses = doses_frame([(d, 100) for d in range(1, 29)] + [(29, 900), (31, 100)])
    own = own_daily(doses)
    assert when(flags_for_day(day(29), daily=own, days=own_days(doses))) == [(29, STATE, "spike")]
    assert when(flags_for_day(day(30), daily=own)) == [(30, STATE, "zero_activity")]


def test_published_daily_doses_feed_source_gaps():
    cumulative = series([(1, "cowin", STATE, TOTAL, 1000), (2, "cowin", STATE, TOTAL, 1100)])
    own = doses_frame([(2, 150)])
    flags = source_gaps(own, published_daily_doses(cumulative))
    assert [(day_number(f.date), f.figures["gap"]) for f in flags] == [(2, 50)]


def test_trailing_medians_keep_each_series_apart_whatever_the_row_order() -> None:
    from stats.quality import trailing_medians

    days = [date(2021, 1, 1) + timedelta(days=i) for i in range(4)]
    rows = pd.DataFrame(
        {
            "area": ["B"] * 4 + ["A"] * 4,  # B first, A second: the result is in series and date order
            "date": days[::-1] + days,
            "value": [40, 30, 20, 10, 1, 2, 3, 100],
            "days": 1.0,
        }
    )
    out = trailing_medians(rows, window=3)
    # Worked by hand: the rates of the up to 3 days before each date, that series only.
    assert out[["area", "value", "median", "history"]].fillna(-1).values.tolist() == [
        ["A", 1, -1, 0],
        ["A", 2, 1.0, 1],
        ["A", 3, 1.5, 2],
        ["A", 100, 2.0, 3],
        ["B", 10, -1, 0],
        ["B", 20, 10.0, 1],
        ["B", 30, 15.0, 2],
        ["B", 40, 20.0, 3],
    ]


def test_doses_beyond_stock_keeps_runs_of_neighbouring_stores_apart():
    # Nothing issued to either: both stores are below zero from their first dose to the end, back to back in the
    # stock frame.
    given = frame("date district_code vaccine doses", [(1, "DRG", "CS", 3), (1, "RPR", "CS", 4), (3, "RPR", "CS", 1)])
    flags = doses_beyond_stock(MOVEMENTS.iloc[:1], given, day(1), day(3), names=NAMES)
    got = [
        (f.area, day_number(f.date), f.figures["on_hand"], f.figures["lowest"], f.figures["days_below_zero"])
        for f in flags
    ]
    assert sorted(got) == [("DRG", 1, -3, -3, 3), ("RPR", 1, -4, -5, 3)]
