"""stats.published against hand-worked series: daily values from cumulative figures (with gaps), own doses
against published sources over the same days."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from stats.published import (
    FIRST,
    SECOND,
    STATE,
    TOTAL,
    compare_daily_doses,
    compare_sources,
    daily_from_cumulative,
    own_daily,
    published_daily,
    published_daily_doses,
    state_daily_doses,
)
from tests.stats import NaN, column, day, doses_frame, frame

SERIES_COLUMNS = "date source area metric value"


def series(rows: list[tuple]) -> pd.DataFrame:
    """A cumulative series from rows of (day, source, area, metric, value)."""
    return frame(SERIES_COLUMNS, rows)


def cowin(rows: list[tuple], area: str = STATE, metric: str = TOTAL) -> list[tuple]:
    """Rows of (day, value) as CoWIN rows of one area and metric."""
    return [(d, "cowin", area, metric, v) for d, v in rows]


def same(actual: list, expected: list) -> bool:
    """Lists equal, NaN equal to NaN."""
    return len(actual) == len(expected) and all(
        (isinstance(e, float) and math.isnan(e) and math.isnan(a)) or a == e
        for a, e in zip(actual, expected, strict=True)
    )


# --- daily_from_cumulative ---------------------------------------------------------------------------

DAILY = [
    ([], [], [], [], "empty"),
    ([(1, 100)], [1], [100], [NaN], "one date: the cumulative figure, days NaN"),
    ([(1, 100), (2, 150), (3, 150), (4, 140)], [1, 2, 3, 4], [100, 50, 0, -10], [NaN, 1, 1, 1], "flat and falling"),
    ([(1, 100), (3, 160), (4, 170)], [1, 3, 4], [100, 60, 10], [NaN, 2, 1], "missing date: a 2-day difference"),
    ([(4, 170), (1, 100), (3, 160)], [1, 3, 4], [100, 60, 10], [NaN, 2, 1], "unsorted input"),
    ([(1, 5), (10, 12)], [1, 10], [5, 7], [NaN, 9], "nine days apart"),
]


@pytest.mark.parametrize("rows, dates, values, days", [c[:4] for c in DAILY], ids=[c[4] for c in DAILY])
def test_daily_from_cumulative(rows, dates, values, days):
    out = daily_from_cumulative(series(cowin(rows)))
    assert list(out.columns) == ["date", "source", "area", "metric", "cumulative", "value", "days"]
    assert column(out, "date") == dates
    assert column(out, "value") == values
    assert same(column(out, "days"), days)
    assert str(out["value"].dtype) == "int64"


def test_daily_from_cumulative_keeps_each_series_apart():
    rows = (
        cowin([(1, 10), (2, 30)])
        + cowin([(1, 4), (2, 9)], metric=FIRST)
        + cowin([(2, 7), (3, 8)], area="RPR")
        + [(1, "mohfw", STATE, TOTAL, 50), (3, "mohfw", STATE, TOTAL, 80)]
    )
    out = daily_from_cumulative(series(rows))
    got = {
        (s, a, m, day_): (v, d)
        for s, a, m, day_, v, d in zip(
            out["source"], out["area"], out["metric"], column(out, "date"), out["value"], out["days"], strict=True
        )
    }
    assert got[("cowin", STATE, TOTAL, 2)] == (20, 1)
    assert got[("cowin", STATE, FIRST, 2)] == (5, 1)
    assert got[("cowin", "RPR", TOTAL, 3)] == (1, 1)
    assert got[("mohfw", STATE, TOTAL, 3)] == (30, 2)
    assert math.isnan(got[("cowin", "RPR", TOTAL, 2)][1])  # the district's own first date
    assert list(out["cumulative"]) == [7, 8, 4, 9, 10, 30, 50, 80]  # sorted by source, area, metric, date


def test_daily_from_cumulative_without_a_source_column():
    out = daily_from_cumulative(series(cowin([(1, 10), (2, 30)])).drop(columns="source"))
    assert list(out.columns) == ["date", "area", "metric", "cumulative", "value", "days"]
    assert column(out, "value") == [10, 20]


def test_daily_from_cumulative_is_exact_beyond_float_precision():
    big = 2**53  # float64 cannot tell 2**53 from 2**53 + 1
    out = daily_from_cumulative(series(cowin([(1, big), (2, big + 1)])))
    assert column(out, "value") == [big, 1]


def test_daily_from_cumulative_refuses_two_figures_for_one_date():
    with pytest.raises(ValueError, match="one per date"):
        daily_from_cumulative(series(cowin([(1, 10), (1, 12)])))


# --- published_daily: the daily frame the quality rules read ---------------------------------------


def test_published_daily_differences_doses_and_keeps_sites_as_published():
    rows = (
        cowin([(1, 100), (2, 130)])
        + cowin([(1, 60), (2, 50)], metric="Sites")
        + cowin([(1, 1), (2, 2)], metric="AEFI")
        + cowin([(2, 5)], metric=SECOND)
    )
    out = published_daily(series(rows))
    got = {
        (m, d): (v, days)
        for m, d, v, days in zip(out["metric"], column(out, "date"), out["value"], out["days"], strict=True)
    }
    assert set(out["metric"]) == {TOTAL, SECOND, "Sites"}  # AEFI is neither
    assert got[(TOTAL, 2)] == (30, 1)
    assert got[("Sites", 2)] == (50, 1)  # a count for the day, not 50 − 60
    assert got[(SECOND, 2)][0] == 5 and math.isnan(got[(SECOND, 2)][1])
    assert out.loc[out["metric"] == "Sites", "cumulative"].isna().all()


def test_published_daily_of_nothing():
    assert published_daily(series([])).empty
    assert published_daily(series(cowin([(1, 5)], metric="AEFI"))).empty


# --- own_daily -----------------------------------------------------------------------------------------

OWN = [
    ([], {}, [], [], [], "empty"),
    ([(1, 5), (3, 7)], {}, [1, 2, 3], [STATE] * 3, [5, 0, 7], "a missing day is 0"),
    ([(2, 5)], {"start": day(1), "end": day(3)}, [1, 2, 3], [STATE] * 3, [0, 5, 0], "calendar given"),
]


@pytest.mark.parametrize("rows, bounds, dates, areas, values", [c[:5] for c in OWN], ids=[c[5] for c in OWN])
def test_own_daily(rows, bounds, dates, areas, values):
    out = own_daily(doses_frame(rows), **bounds)
    assert list(out.columns) == ["date", "area", "metric", "value", "days"]
    assert (column(out, "date"), list(out["area"]), column(out, "value")) == (dates, areas, values)
    assert set(out["metric"]) <= {"doses"}


def test_own_daily_by_district():
    out = own_daily(doses_frame([(1, "A", 3), (2, "B", 4), (1, "A", 1)], "district_code"))
    assert list(zip(column(out, "date"), out["area"], out["value"], strict=True)) == [
        (1, "A", 4),
        (1, "B", 0),
        (2, "A", 0),
        (2, "B", 4),
    ]


# --- state_daily_doses, published_daily_doses --------------------------------------------------------

MIXED = series(
    cowin([(1, 100), (2, 130), (3, 190)])
    + cowin([(1, 70), (2, 90)], metric=FIRST)
    + cowin([(2, 12)], area="RPR")
    + [(1, "mohfw", STATE, TOTAL, 120), (3, "mohfw", STATE, TOTAL, 200)]
)


STATE_DAILY = [
    ("cowin", [1, 2, 3], [100, 30, 60], [NaN, 1, 1], "cowin"),
    ("mohfw", [1, 3], [120, 80], [NaN, 2], "mohfw, a missing date"),
    ("other", [], [], [], "a source not there"),
]


@pytest.mark.parametrize("source, dates, doses, days", [c[:4] for c in STATE_DAILY], ids=[c[4] for c in STATE_DAILY])
def test_state_daily_doses(source, dates, doses, days):
    out = state_daily_doses(MIXED, source)
    assert list(out.columns) == ["date", "doses", "days"]
    assert (column(out, "date"), column(out, "doses")) == (dates, doses)
    assert same(column(out, "days"), days)


def test_published_daily_doses_has_every_source():
    out = published_daily_doses(MIXED)
    assert list(out.columns) == ["date", "source", "doses", "days"]
    assert list(zip(column(out, "date"), out["source"], out["doses"], strict=True)) == [
        (1, "cowin", 100),
        (2, "cowin", 30),
        (3, "cowin", 60),
        (1, "mohfw", 120),
        (3, "mohfw", 80),
    ]
    assert published_daily_doses(MIXED.iloc[:0]).empty


# --- compare_sources: own against published, over the same days -------------------------------------

# Own doses: day 1: 10, day 2: 20, day 3: none (0), day 4: 40.
OWN_DOSES = doses_frame([(1, 10), (2, 20), (4, 40)])
PUBLISHED = series(
    cowin([(1, 100), (2, 118), (3, 118), (4, 158), (6, 170)])
    + [(1, "mohfw", STATE, TOTAL, 50), (3, "mohfw", STATE, TOTAL, 80), (4, "mohfw", STATE, TOTAL, 125)]
)


def test_compare_sources():
    out = compare_sources(OWN_DOSES, PUBLISHED)
    assert list(out.columns) == ["date", "source", "days", "own", "published", "gap", "relative_gap"]
    rows = list(
        zip(column(out, "date"), out["source"], out["days"], out["own"], out["published"], out["gap"], strict=True)
    )
    assert rows == [
        (2, "cowin", 1, 20, 18, 2),
        (3, "cowin", 1, 0, 0, 0),
        (3, "mohfw", 2, 20, 30, -10),  # MoHFW has no day 2: its 30 covers days 2-3, against own 20 + 0
        (4, "cowin", 1, 40, 40, 0),
        (4, "mohfw", 1, 40, 45, -5),
    ]  # day 1 (first published figures, cumulative) and day 6 (beyond own's last day) are left out
    assert same(list(out["relative_gap"]), [2 / 18, NaN, -10 / 30, 0.0, -5 / 45])


def test_compare_leaves_out_spans_own_does_not_cover():
    own = doses_frame([(3, 5), (4, 40)])  # own starts on day 3: MoHFW's day 2-3 figure is half outside
    out = compare_sources(own, PUBLISHED)
    assert list(zip(column(out, "date"), out["source"], strict=True)) == [(3, "cowin"), (4, "cowin"), (4, "mohfw")]


def test_compare_sums_own_breakdowns_per_day():
    own = doses_frame([(2, "A", 15), (2, "B", 5)], "district_code")
    out = compare_daily_doses(own, published_daily_doses(PUBLISHED))
    assert list(zip(column(out, "date"), out["own"], out["gap"], strict=True)) == [(2, 20, 2)]


@pytest.mark.parametrize(
    "own, published",
    [(OWN_DOSES.iloc[:0], PUBLISHED), (OWN_DOSES, PUBLISHED.iloc[:0]), (doses_frame([(9, 1)]), PUBLISHED)],
    ids=["no own doses", "no published series", "no overlap"],
)
def test_compare_sources_with_nothing_to_compare(own, published):
    out = compare_sources(own, published)
    assert out.empty
    assert list(out.columns) == ["date", "source", "days", "own", "published", "gap", "relative_gap"]
