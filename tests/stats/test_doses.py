"""stats.doses against figures worked out by hand: calendars with gaps, cumulative, 7-day average, changes."""

from __future__ import annotations

import pytest

from stats.doses import (
    RecordDay,
    average_daily_doses,
    centres_reporting,
    cumulative_doses,
    daily_doses,
    dose_changes,
    doses_per_centre,
    record_day,
    rolling_daily_doses,
    total_doses,
)
from tests.stats import NaN, column, day, doses_frame, frame

# --- daily_doses: a full calendar, gaps as zero days ---------------------------------------------

DAILY = [
    ([], {}, [], [], "empty"),
    ([], {"start": day(1), "end": day(3)}, [1, 2, 3], [0, 0, 0], "empty with a calendar: zeros"),
    ([(5, 40)], {}, [5], [40], "single day"),
    ([(1, 5), (4, 7)], {}, [1, 2, 3, 4], [5, 0, 0, 7], "gap of two days"),
    ([(1, 5), (4, 7)], {"end": day(6)}, [1, 2, 3, 4, 5, 6], [5, 0, 0, 7, 0, 0], "extended to end"),
    ([(1, 5), (4, 7)], {"start": day(2), "end": day(3)}, [2, 3], [0, 0], "window inside the gap"),
    ([(3, 1)], {"start": day(1)}, [1, 2, 3], [0, 0, 1], "started before the first row"),
]


@pytest.mark.parametrize("rows, bounds, dates, doses", [c[:4] for c in DAILY], ids=[c[4] for c in DAILY])
def test_daily_doses(rows, bounds, dates, doses):
    out = daily_doses(doses_frame(rows), **bounds)
    assert list(out.columns) == ["date", "doses"]
    assert column(out, "date") == dates
    assert column(out, "doses") == doses


def test_daily_doses_sums_breakdowns_left_out():
    rows = [(1, "A", "18-44", 3), (1, "A", "45+", 4), (1, "B", "18-44", 5), (2, "B", "45+", 6)]
    source = doses_frame(rows, "district_code age_band")
    by_district = daily_doses(source, by=("district_code",))
    assert list(zip(column(by_district, "date"), by_district["district_code"], by_district["doses"], strict=True)) == [
        (1, "A", 7),
        (1, "B", 5),
        (2, "A", 0),  # A has no row on day 2: a zero day
        (2, "B", 6),
    ]
    assert column(daily_doses(source), "doses") == [12, 6]


def test_total_doses_up_to_end():
    source = doses_frame([(1, "A", 3), (2, "A", 4), (3, "B", 5)], "district_code")
    assert column(total_doses(source), "doses") == [12]
    assert column(total_doses(source.iloc[:0]), "doses") == [0]
    by_district = total_doses(source, ("district_code",), end=day(2))
    assert list(zip(by_district["district_code"], by_district["doses"], strict=True)) == [("A", 7)]


# --- cumulative_doses ----------------------------------------------------------------------------

CUMULATIVE = [
    ([], [], "empty"),
    ([(1, 9)], [9], "single day"),
    ([(1, 5), (4, 7), (5, 1)], [5, 5, 5, 12, 13], "flat through the gap"),
]


@pytest.mark.parametrize("rows, expected", [c[:2] for c in CUMULATIVE], ids=[c[2] for c in CUMULATIVE])
def test_cumulative_doses(rows, expected):
    assert column(cumulative_doses(doses_frame(rows)), "cumulative") == expected


def test_cumulative_doses_by_group_runs_per_group():
    out = cumulative_doses(doses_frame([(1, "A", 2), (2, "B", 3), (3, "A", 4)], "district_code"), ("district_code",))
    a, b = out[out["district_code"] == "A"], out[out["district_code"] == "B"]
    assert column(a, "cumulative") == [2, 2, 6]
    assert column(b, "cumulative") == [0, 3, 3]


# --- rolling_daily_doses: trailing 7 days, fewer in the first 6 ----------------------------------

ROLLING = [
    ([], {}, [], "empty"),
    ([(1, 70)], {}, [70.0], "single day: itself"),
    # day 1 alone 70/1; days 1-2 70/2; days 1-3 70/3 (days 2 and 3 are zero days up to end)
    ([(1, 70)], {"end": day(3)}, [70.0, 35.0, 70 / 3], "zero days up to end"),
    # sums over the days available: 7/1, 7/2, 28/3, 28/4, 28/5, 28/6, 28/7; then full weeks:
    # day 8 = days 2-8 = 21/7 = 3; day 9 = days 3-9 = (21 + 70)/7 = 13
    (
        [(1, 7), (3, 21), (9, 70)],
        {},
        [7.0, 3.5, 28 / 3, 7.0, 5.6, 28 / 6, 4.0, 3.0, 13.0],
        "first six days, then full weeks",
    ),
    ([(n, 10) for n in range(1, 11)], {}, [10.0] * 10, "constant"),
    # calendar started on day 3: days 1-2 are outside it, so day 3 averages itself
    ([(1, 100), (2, 100), (3, 6), (4, 8)], {"start": day(3)}, [6.0, 7.0], "start cuts history"),
]


@pytest.mark.parametrize("rows, bounds, expected", [c[:3] for c in ROLLING], ids=[c[3] for c in ROLLING])
def test_rolling_daily_doses(rows, bounds, expected):
    assert column(rolling_daily_doses(doses_frame(rows), **bounds), "average_7d") == pytest.approx(expected)


def test_rolling_daily_doses_by_group_share_the_calendar():
    # B starts on day 3, but the calendar starts on day 1 for everyone: B's day 3 = 14/3
    out = rolling_daily_doses(doses_frame([(1, "A", 7), (3, "B", 14)], "district_code"), ("district_code",))
    b = out[out["district_code"] == "B"]
    assert column(b, "average_7d") == pytest.approx([0.0, 0.0, 14 / 3])


AVERAGE = [
    ([], day(5), (), [0.0], "empty state: 0"),
    ([(1, 70)], day(7), (), [10.0], "six zero days after the only day"),
    ([(1, 70)], day(8), (), [0.0], "a week later"),
    ([(1, "A", 70), (2, "B", 7)], day(2), ("district_code",), [35.0, 3.5], "per district"),
]


@pytest.mark.parametrize("rows, as_of, by, expected", [c[:4] for c in AVERAGE], ids=[c[4] for c in AVERAGE])
def test_average_daily_doses(rows, as_of, by, expected):
    breakdown = " ".join(by)
    out = average_daily_doses(doses_frame(rows, breakdown), as_of, by)
    assert column(out, "average_7d") == pytest.approx(expected)


# --- dose_changes: against the previous day and the same day a week before -----------------------


def test_dose_changes():
    # days 1..9: 10, 0, 5, 5, 5, 5, 5, 20, 4
    rows = [(1, 10), (3, 5), (4, 5), (5, 5), (6, 5), (7, 5), (8, 20), (9, 4)]
    out = dose_changes(doses_frame(rows))
    assert column(out, "change_1d") == pytest.approx([NaN, -10, 5, 0, 0, 0, 0, 15, -16], nan_ok=True)
    # day 3 against day 2's zero: no relative change
    assert column(out, "relative_change_1d") == pytest.approx([NaN, -1, NaN, 0, 0, 0, 0, 3, -0.8], nan_ok=True)
    # day 8 against day 1: 20 - 10; day 9 against day 2 (a zero day): +4, no relative change
    assert column(out, "change_7d") == pytest.approx([NaN] * 7 + [10, 4], nan_ok=True)
    assert column(out, "relative_change_7d") == pytest.approx([NaN] * 7 + [1.0, NaN], nan_ok=True)


def test_dose_changes_per_group_and_empty():
    out = dose_changes(doses_frame([(1, "A", 4), (2, "A", 6), (2, "B", 3)], "district_code"), ("district_code",))
    assert column(out[out["district_code"] == "B"], "change_1d") == pytest.approx([NaN, 3], nan_ok=True)
    assert column(out[out["district_code"] == "A"], "relative_change_1d") == pytest.approx([NaN, 0.5], nan_ok=True)
    assert dose_changes(doses_frame([])).empty


# --- record_day ----------------------------------------------------------------------------------

RECORDS = [
    ([], None, False, None, "empty"),
    ([(1, 5)], day(1), False, None, "nothing strictly before the first day"),
    ([(1, 5)], day(1), True, RecordDay(day(1), 5), "inclusive: the day itself"),
    ([(1, 5), (2, 9), (3, 12)], day(3), False, RecordDay(day(2), 9), "strictly before"),
    ([(1, 5), (2, 9), (3, 12)], day(3), True, RecordDay(day(3), 12), "inclusive"),
    ([(1, 9), (2, 3), (3, 9)], None, False, RecordDay(day(1), 9), "tie: the day it was first set"),
    ([(1, 0)], None, False, RecordDay(day(1), 0), "only a zero day"),
]


@pytest.mark.parametrize("rows, before, inclusive, expected", [c[:4] for c in RECORDS], ids=[c[4] for c in RECORDS])
def test_record_day(rows, before, inclusive, expected):
    assert record_day(doses_frame(rows), before, inclusive) == expected


def test_record_day_sums_breakdowns():
    # day 1: 6 + 5 = 11 beats day 2's 10
    rows = [(1, "A", 6), (1, "B", 5), (2, "A", 10)]
    assert record_day(doses_frame(rows, "district_code")) == RecordDay(day(1), 11)


# --- centres reporting and doses per centre ------------------------------------------------------

CENTRES = [
    ([], {}, [], [], "empty"),
    ([(1, 4, 100)], {}, [4], [25.0], "single day"),
    ([(1, 4, 100), (3, 5, 55)], {}, [4, 0, 5], [25.0, NaN, 11.0], "a day without centres: NaN, no error"),
    ([(1, 0, 0)], {"end": day(2)}, [0, 0], [NaN, NaN], "zero centres"),
]


@pytest.mark.parametrize("rows, bounds, centres, per_centre", [c[:4] for c in CENTRES], ids=[c[4] for c in CENTRES])
def test_doses_per_centre(rows, bounds, centres, per_centre):
    out = doses_per_centre(frame("date centres doses", rows), **bounds)
    assert column(out, "centres") == centres
    assert column(out, "doses_per_centre") == pytest.approx(per_centre, nan_ok=True)


def test_centres_reporting_state_sums_districts():
    source = frame("date district_code centres doses", [(1, "A", 2, 10), (1, "B", 3, 20), (2, "B", 1, 5)])
    state = centres_reporting(source)
    assert column(state, "centres") == [5, 1]
    assert column(state, "doses") == [30, 5]
    by_district = centres_reporting(source, ("district_code",))
    assert column(by_district[by_district["district_code"] == "A"], "centres") == [2, 0]
