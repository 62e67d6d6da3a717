"""stats.coverage against hand-worked figures: bands, coverage (capped and flagged), pace, ranks, targets."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from stats.coverage import (
    coverage_by_dose,
    date_target_reached,
    district_rank,
    dose_bands,
    doses_per_thousand,
    eligible_population,
    population_bands,
    required_daily_rate,
    target_outlook,
)
from tests.stats import NaN, column, day, frame

# Two districts: A with 1,000 in 18-44, 400 in 45-59 and 100 in 60+; Z with no population at all.
TARGETS = frame(
    "district_code age_band population",
    [("A", "18-44", 1000), ("A", "45-59", 400), ("A", "60+", 100), ("Z", "18-44", 0)],
)
BREAKDOWN = "district_code age_band dose_number"


def given(rows):
    return frame(f"date {BREAKDOWN} doses", rows)


# --- age bands -----------------------------------------------------------------------------------

BANDS = [
    (["45+"], ["45-59", "60+"], ["45-59", "60+", "45+"], "45+ is its parts"),
    (["60+"], ["60+"], ["60+"], "part of 45+: 45+ doses cannot count"),
    (["45-59", "60+"], ["45-59", "60+"], ["45-59", "60+", "45+"], "both parts: 45+ doses count"),
    (["18-44", "45+", "60+"], ["18-44", "45-59", "60+"], ["18-44", "45-59", "60+", "45+"], "no band twice"),
    ([], [], [], "none"),
]


@pytest.mark.parametrize("selected, population, doses", [c[:3] for c in BANDS], ids=[c[3] for c in BANDS])
def test_bands(selected, population, doses):
    assert population_bands(selected) == population
    assert dose_bands(selected) == doses


ELIGIBLE = [
    (None, ("district_code",), [("A", 1500), ("Z", 0)], "all bands"),
    (["45+"], ("district_code",), [("A", 500)], "45+ = 45-59 + 60+"),
    (["18-44"], (), [(1000,)], "the state"),
]


@pytest.mark.parametrize("bands, by, expected", [c[:3] for c in ELIGIBLE], ids=[c[3] for c in ELIGIBLE])
def test_eligible_population(bands, by, expected):
    out = eligible_population(TARGETS, bands, by)
    assert [tuple(row) for row in out.itertuples(index=False)] == expected


# --- coverage_by_dose ----------------------------------------------------------------------------

COVERAGE = [
    # A 18-44: 250 first doses of 1,000 = 25%; no second doses
    ([(1, "A", "18-44", 1, 250)], ["18-44"], None, {1: (250, 0.25, 0.25, False), 2: (0, 0.0, 0.0, False)}, "plain"),
    # 1,200 first doses of 1,000: raw 120% kept, capped at 100%, flagged
    ([(1, "A", "18-44", 1, 1200)], ["18-44"], None, {1: (1200, 1.2, 1.0, True)}, "over 100%"),
    # exactly 100% is not over
    ([(1, "A", "18-44", 1, 1000)], ["18-44"], None, {1: (1000, 1.0, 1.0, False)}, "exactly 100%"),
    # 45+ selected: 45+ rows (50) + 45-59 (30) + 60+ (20) over 400 + 100
    (
        [(1, "A", "45+", 1, 50), (1, "A", "45-59", 1, 30), (2, "A", "60+", 1, 20)],
        ["45+"],
        None,
        {1: (100, 0.2, 0.2, False)},
        "45+ counts all three",
    ),
    # 60+ selected: the 45+ rows cannot be split, only the 60+ row counts: 20 / 100
    (
        [(1, "A", "45+", 1, 50), (2, "A", "60+", 1, 20)],
        ["60+"],
        None,
        {1: (20, 0.2, 0.2, False)},
        "60+ leaves 45+ out",
    ),
    ([(1, "A", "18-44", 1, 100), (5, "A", "18-44", 1, 900)], ["18-44"], day(4), {1: (100, 0.1, 0.1, False)}, "as of"),
    ([], ["18-44"], None, {1: (0, 0.0, 0.0, False), 3: (0, 0.0, 0.0, False)}, "no doses"),
]


@pytest.mark.parametrize("rows, bands, as_of, expected", [c[:4] for c in COVERAGE], ids=[c[4] for c in COVERAGE])
def test_coverage_by_dose(rows, bands, as_of, expected):
    out = coverage_by_dose(given(rows), TARGETS, bands, as_of=as_of)
    a = out[out["district_code"] == "A"].set_index("dose_number")
    for dose, (doses, raw, capped, over) in expected.items():
        assert a.at[dose, "doses"] == doses
        assert a.at[dose, "coverage"] == pytest.approx(raw)
        assert a.at[dose, "coverage_capped"] == pytest.approx(capped)
        assert bool(a.at[dose, "over_100"]) is over


def test_coverage_zero_population_is_nan_not_over_100():
    out = coverage_by_dose(given([(1, "Z", "18-44", 1, 10)]), TARGETS, ["18-44"])
    z = out[(out["district_code"] == "Z") & (out["dose_number"] == 1)].iloc[0]
    assert z["doses"] == 10 and z["population"] == 0
    assert math.isnan(z["coverage"]) and math.isnan(z["coverage_capped"])
    assert not z["over_100"]


def test_coverage_of_the_state_and_of_a_district_without_target():
    # state: (300 + 200) / (1000 + 0) = 50%; district Q has doses but no target: population 0, NaN
    rows = [(1, "A", "18-44", 2, 300), (1, "Q", "18-44", 2, 200)]
    state = coverage_by_dose(given(rows), TARGETS, ["18-44"], by=(), dose_numbers=(2,))
    assert column(state, "doses") == [500]
    assert column(state, "coverage") == pytest.approx([0.5])
    by_district = coverage_by_dose(given(rows), TARGETS, ["18-44"], dose_numbers=(2,))
    assert column(by_district, "district_code") == ["A", "Q", "Z"]
    assert column(by_district, "coverage") == pytest.approx([0.3, NaN, NaN], nan_ok=True)


# --- doses per day per 1,000 eligible ------------------------------------------------------------

PER_THOUSAND = [
    # A: 7 days × 70 in 18-44 → 7-day average 70; 70 / 1,000 × 1,000 = 70
    ([(n, "A", "18-44", 1, 70) for n in range(1, 8)], ["18-44"], day(7), 70.0, "a week"),
    # one day of 140 then six zero days: 140/7 = 20 a day over 1,500 eligible → 13.33
    ([(1, "A", "45-59", 2, 140)], None, day(7), 20 / 1500 * 1000, "all bands, zero days count"),
    ([], ["18-44"], day(7), 0.0, "pace 0"),
]


@pytest.mark.parametrize(
    "rows, bands, as_of, expected", [c[:4] for c in PER_THOUSAND], ids=[c[4] for c in PER_THOUSAND]
)
def test_doses_per_thousand(rows, bands, as_of, expected):
    out = doses_per_thousand(given(rows), TARGETS, as_of, bands).set_index("district_code")
    assert out.at["A", "per_thousand"] == pytest.approx(expected)
    assert math.isnan(out.at["Z", "per_thousand"])  # population 0


def test_doses_per_thousand_state():
    out = doses_per_thousand(given([(1, "A", "18-44", 1, 7)]), TARGETS, day(1), ["18-44"], by=())
    assert column(out, "per_thousand") == pytest.approx([7.0])  # 7 a day over 1,000


# --- district_rank -------------------------------------------------------------------------------

RANKS = [
    ([("B", 0.5), ("A", 0.7), ("C", 0.5)], True, [("A", 1), ("B", 2), ("C", 2)], "ties share the lower rank"),
    ([("C", 0.5), ("B", 0.5), ("A", 0.5)], True, [("A", 1), ("B", 1), ("C", 1)], "all tied: by code"),
    ([("A", 0.1), ("B", 0.3), ("C", 0.2)], False, [("A", 1), ("C", 2), ("B", 3)], "lower is better"),
    ([("A", NaN), ("B", 0.2), ("C", 0.9)], True, [("C", 1), ("B", 2), ("A", None)], "no value: unranked, last"),
    ([("D", 0.4), ("A", 0.9), ("B", 0.4), ("C", 0.4)], True, [("A", 1), ("B", 2), ("C", 2), ("D", 2)], "three tied"),
]


@pytest.mark.parametrize("rows, higher, expected", [c[:3] for c in RANKS], ids=[c[3] for c in RANKS])
def test_district_rank(rows, higher, expected):
    out = district_rank(frame("district_code value", rows), "value", higher_is_better=higher)
    got = [
        (code, None if pd.isna(rank) else int(rank))
        for code, rank in zip(out["district_code"], out["rank"], strict=True)
    ]
    assert got == expected


def test_district_rank_by_name():
    rows = [("X1", "Zeta", 1.0), ("X2", "Alpha", 1.0)]
    out = district_rank(frame("district_code name_en value", rows), "value", order_by="name_en")
    assert column(out, "name_en") == ["Alpha", "Zeta"]


# --- the pace a target needs ---------------------------------------------------------------------

RATES = [
    # (0.9 × 1,000 − 500) / 10 days left = 40 a day
    (500, 1000, 0.9, day(1), day(11), 40.0, "needs 40 a day"),
    (900, 1000, 0.9, day(1), day(11), 0.0, "reached"),
    (950, 1000, 0.9, day(20), day(11), 0.0, "reached, date passed"),
    (500, 1000, 0.9, day(20), day(11), None, "date passed"),
    (500, 1000, 0.9, day(11), day(11), None, "no day left"),
    (0, 0, 0.9, day(1), day(11), 0.0, "population 0: nothing to reach"),
    (0, 3, 0.5, day(1), day(2), 1.5, "fractional"),
]


@pytest.mark.parametrize(
    "cumulative, population, target, as_of, target_date, expected", [c[:6] for c in RATES], ids=[c[6] for c in RATES]
)
def test_required_daily_rate(cumulative, population, target, as_of, target_date, expected):
    assert required_daily_rate(cumulative, population, target, as_of, target_date) == (
        expected if expected is None else pytest.approx(expected)
    )


REACHED = [
    (500, 1000, 0.9, 40.0, day(1), day(11), "400 at 40 a day: 10 days"),
    (500, 1000, 0.9, 30.0, day(1), day(15), "400 at 30 a day: 13.3, so the 14th day"),
    (900, 1000, 0.9, 0.0, day(5), day(5), "reached: as_of"),
    (500, 1000, 0.9, 0.0, day(1), None, "pace 0"),
    (500, 1000, 0.9, NaN, day(1), None, "no pace"),
    (500, 1000, 0.9, 1e-9, day(1), None, "beyond the calendar"),
]


@pytest.mark.parametrize(
    "cumulative, population, target, pace, as_of, expected", [c[:6] for c in REACHED], ids=[c[6] for c in REACHED]
)
def test_date_target_reached(cumulative, population, target, pace, as_of, expected):
    assert date_target_reached(cumulative, population, target, pace, as_of) == expected


def test_target_outlook():
    # A: 7 days × 50 first doses in 18-44 → 350 of 1,000, pace 50. Target 90% by day 17 (10 days after day 7):
    # (900 − 350) / 10 = 55 a day; at 50 a day 550 takes 11 days → day 18. Second doses do not count.
    rows = [(n, "A", "18-44", 1, 50) for n in range(1, 8)] + [(7, "A", "18-44", 2, 999)]
    out = target_outlook(given(rows), TARGETS, 0.9, day(7), day(17), 1, ["18-44"]).set_index("district_code")
    assert out.at["A", "doses"] == 350
    assert out.at["A", "average_7d"] == pytest.approx(50.0)
    assert out.at["A", "required_daily_rate"] == pytest.approx(55.0)
    assert out.at["A", "target_reached_on"] == day(18)
    assert out.at["Z", "required_daily_rate"] == 0.0  # population 0: already there
