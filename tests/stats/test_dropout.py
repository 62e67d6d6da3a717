"""stats.dropout against hand-worked cohorts: crude dropout, second and precaution doses due and overdue."""

from __future__ import annotations

import math

import pytest

from stats.dropout import crude_dropout, precaution_doses_due, second_doses_due
from tests.stats import NaN, day, frame

INTERVALS = frame(
    "code dose2_min_days dose2_max_days precaution_min_days",
    [("COVAXIN", 28, 42, 273), ("COVISHIELD", 84, 112, 273)],
)
COLUMNS = "date district_code vaccine dose_number doses"


def doses(rows):
    return frame(COLUMNS, rows)


# --- crude dropout -------------------------------------------------------------------------------

DROPOUT = [
    (
        [(1, "A", "COVAXIN", 1, 200), (30, "A", "COVAXIN", 2, 150)],
        None,
        ("district_code",),
        [(200, 150, 0.25)],
        "plain",
    ),
    ([(30, "A", "COVAXIN", 2, 150)], None, ("district_code",), [(0, 150, NaN)], "no first dose: NaN"),
    # more second doses than first (catch-up data, or first doses before the series): negative, kept
    (
        [(1, "A", "COVAXIN", 1, 100), (2, "A", "COVAXIN", 2, 120)],
        None,
        ("district_code",),
        [(100, 120, -0.2)],
        "negative",
    ),
    ([(1, "A", "COVAXIN", 1, 100), (40, "A", "COVAXIN", 2, 60)], day(39), ("district_code",), [(100, 0, 1.0)], "as of"),
    (
        [(1, "A", "COVAXIN", 1, 100), (1, "A", "COVISHIELD", 1, 50), (40, "A", "COVAXIN", 2, 75)],
        None,
        ("district_code", "vaccine"),
        [(100, 75, 0.25), (50, 0, 1.0)],
        "by vaccine",
    ),
    # the state: (100 + 300 − 50 − 150) / 400 = 0.5
    (
        [
            (1, "A", "COVAXIN", 1, 100),
            (1, "B", "COVAXIN", 1, 300),
            (30, "A", "COVAXIN", 2, 50),
            (30, "B", "COVAXIN", 2, 150),
        ],
        None,
        (),
        [(400, 200, 0.5)],
        "state",
    ),
    ([], None, ("district_code",), [], "empty"),
]


@pytest.mark.parametrize("rows, as_of, by, expected", [c[:4] for c in DROPOUT], ids=[c[4] for c in DROPOUT])
def test_crude_dropout(rows, as_of, by, expected):
    out = crude_dropout(doses(rows), by, as_of)
    assert list(out.columns) == [*by, "dose1", "dose2", "dropout"]
    got = list(zip(out["dose1"], out["dose2"], out["dropout"], strict=True))
    assert [(d1, d2) for d1, d2, _ in got] == [(d1, d2) for d1, d2, _ in expected]
    assert [r for _, _, r in got] == pytest.approx([r for _, _, r in expected], nan_ok=True)


def test_crude_dropout_precaution():
    out = crude_dropout(doses([(1, "A", "COVAXIN", 2, 80), (300, "A", "COVAXIN", 3, 20)]), first=2, second=3)
    assert list(out.columns) == ["district_code", "dose2", "dose3", "dropout"]
    assert out.at[0, "dropout"] == pytest.approx(0.75)


# --- second doses due and overdue ----------------------------------------------------------------

# District A, Covaxin (due 28 days after dose 1, overdue 42 days after): dose 1 given on day 1 (100),
# day 10 (50) and day 20 (30); dose 2 given on day 35 (40).
COHORTS = [
    (1, "A", "COVAXIN", 1, 100),
    (10, "A", "COVAXIN", 1, 50),
    (20, "A", "COVAXIN", 1, 30),
    (35, "A", "COVAXIN", 2, 40),
]

DUE = [
    # as of day 28: day 1 + 28 = day 29, nobody due yet
    (day(28), 0, (180, 0, 0, 0, 0, 0), "a day before the first cohort is due"),
    # as of day 29: the day-1 cohort is due (dated ≤ day 1); overdue needs dose 1 ≤ day −13
    (day(29), 0, (180, 0, 100, 0, 100, 0), "first cohort due"),
    # as of day 50: due_by = dose 1 ≤ day 22 = 180; overdue_by = dose 1 ≤ day 8 = 100;
    # 40 second doses credited to the oldest cohort: due 140, overdue 60
    (day(50), 0, (180, 40, 180, 100, 140, 60), "oldest cohorts credited first"),
    # a grace of 7 days: overdue_by = dose 1 ≤ day 1 = 100 still; of 8 days: ≤ day 0 = nothing
    (day(50), 7, (180, 40, 180, 100, 140, 60), "grace 7"),
    (day(50), 8, (180, 40, 180, 0, 140, 0), "grace 8"),
    # as of day 90: all due and overdue: 180 − 40
    (day(90), 0, (180, 40, 180, 180, 140, 140), "all overdue"),
]


@pytest.mark.parametrize("as_of, grace, expected", [c[:3] for c in DUE], ids=[c[3] for c in DUE])
def test_second_doses_due(as_of, grace, expected):
    out = second_doses_due(doses(COHORTS), INTERVALS, as_of, grace)
    assert list(out.columns) == ["district_code", "vaccine", "dose1", "dose2", "due_by", "overdue_by", "due", "overdue"]
    assert tuple(out.iloc[0, 2:]) == expected


def test_second_doses_due_never_negative_and_per_vaccine():
    # more second doses than the cohorts due (catch-up): 0, not −100; Covishield's day-1 cohort waits 84 days
    rows = [(1, "A", "COVAXIN", 1, 100), (30, "A", "COVAXIN", 2, 200), (1, "A", "COVISHIELD", 1, 10)]
    out = second_doses_due(doses(rows), INTERVALS, day(50)).set_index("vaccine")
    assert (out.at["COVAXIN", "due"], out.at["COVAXIN", "overdue"]) == (0, 0)
    assert (out.at["COVISHIELD", "due_by"], out.at["COVISHIELD", "due"]) == (0, 0)


def test_second_doses_due_state_and_empty():
    rows = [(1, "A", "COVAXIN", 1, 100), (1, "B", "COVAXIN", 1, 20), (30, "B", "COVAXIN", 2, 20)]
    state = second_doses_due(doses(rows), INTERVALS, day(30), by=())
    # state-wide crediting: 120 due − 20 given = 100 (district by district it is also 100 + 0)
    assert list(state.columns)[:1] == ["vaccine"]
    assert state.at[0, "due"] == 100
    assert second_doses_due(doses([]), INTERVALS, day(30)).empty


def test_second_doses_due_unknown_vaccine():
    with pytest.raises(ValueError, match="SPUTNIK"):
        second_doses_due(doses([(1, "A", "SPUTNIK", 1, 5)]), INTERVALS, day(30))


PRECAUTION = [
    # 80 second doses on day 1: due 273 days later, on day 274
    (day(273), (80, 0, 0, 0), "a day early"),
    (day(274), (80, 0, 80, 80), "due"),
    (day(300), (80, 30, 80, 50), "30 precaution doses given on day 280"),
]


@pytest.mark.parametrize("as_of, expected", [c[:2] for c in PRECAUTION], ids=[c[2] for c in PRECAUTION])
def test_precaution_doses_due(as_of, expected):
    rows = [(1, "A", "COVAXIN", 1, 90), (1, "A", "COVAXIN", 2, 80), (280, "A", "COVAXIN", 3, 30)]
    out = precaution_doses_due(doses(rows), INTERVALS, as_of)
    assert list(out.columns) == ["district_code", "vaccine", "dose2", "dose3", "due_by", "due"]
    assert tuple(out.iloc[0, 2:]) == expected


def test_due_needs_no_division():
    out = second_doses_due(doses([(1, "A", "COVAXIN", 2, 5)]), INTERVALS, day(60))
    assert tuple(out.iloc[0, 2:]) == (0, 5, 0, 0, 0, 0)
    assert not any(isinstance(v, float) and math.isnan(v) for v in out.iloc[0])
