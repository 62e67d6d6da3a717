"""Properties of stats/ over generated inputs: totals add up, the ledger balances, averages, numbers round-trip."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stats.doses import cumulative_doses, daily_doses, dose_changes, rolling_daily_doses, total_doses
from stats.dropout import second_doses_due
from stats.formatting import indian_number, lakh_crore, parse_indian_number, signed_change
from stats.stock import PSEUDO_STORES, stock_on_hand
from tests.stats import day, doses_frame, frame

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FRAMES = settings(PROPERTY, max_examples=50)  # each example runs several pandas pipelines (~10 ms apiece)
LANGS = st.sampled_from(["en", "hi"])

# rows of (day, district, doses): days 1-30 with gaps, districts that may be absent, duplicates summed
dose_rows = st.lists(
    st.tuples(st.integers(1, 30), st.sampled_from(["A", "B", "C", "D"]), st.integers(0, 10**7)), max_size=40
)


def state_from_districts(by_district: pd.DataFrame, column: str) -> list:
    """The by-district column summed over districts, per day, in date order."""
    return list(by_district.groupby("date", sort=True)[column].sum())


# --- district totals add up to the state ---------------------------------------------------------


@FRAMES
@given(dose_rows)
def test_district_totals_add_up_to_the_state(rows):
    source = doses_frame(rows, "district_code")
    by = ("district_code",)
    assert state_from_districts(daily_doses(source, by), "doses") == list(daily_doses(source)["doses"])
    assert state_from_districts(cumulative_doses(source, by), "cumulative") == list(
        cumulative_doses(source)["cumulative"]
    )
    assert int(total_doses(source, by)["doses"].sum()) == int(total_doses(source)["doses"].iloc[0])
    # every district shares the calendar, so the averages and changes add up too (up to float rounding)
    averages = state_from_districts(rolling_daily_doses(source, by), "average_7d")
    assert averages == pytest.approx(list(rolling_daily_doses(source)["average_7d"]), rel=1e-9, abs=1e-6)
    changes = dose_changes(source, by).fillna({"change_7d": 0})
    state_changes = dose_changes(source).fillna({"change_7d": 0})
    assert state_from_districts(changes, "change_7d") == list(state_changes["change_7d"])


# --- the 7-day average of a constant series is that constant, from the first day ----------------


@PROPERTY
@given(st.integers(0, 10**9), st.integers(1, 60))
def test_average_of_a_constant_series(value, days):
    out = rolling_daily_doses(doses_frame([(n, value) for n in range(1, days + 1)]))
    assert list(out["average_7d"]) == [float(value)] * days


# --- stock on hand = in − out − administered, for any ledger -------------------------------------

STORES = ["STATE", "A", "B", *PSEUDO_STORES]
movements = st.lists(
    st.tuples(
        st.integers(1, 20),
        st.sampled_from(["CS", "CV"]),
        st.sampled_from(STORES),
        st.sampled_from(STORES),
        st.integers(1, 10**6),
    ).filter(lambda row: row[2] != row[3]),
    max_size=30,
)
administered = st.lists(
    st.tuples(st.integers(1, 20), st.sampled_from(["A", "B"]), st.sampled_from(["CS", "CV"]), st.integers(0, 10**5)),
    max_size=20,
)


@FRAMES
@given(movements, administered, st.integers(0, 21))
def test_stock_on_hand_balances(moves, doses, as_of):
    out = stock_on_hand(
        frame("date vaccine from_store to_store quantity", moves),
        frame("date district_code vaccine doses", doses),
        day(as_of),
    )
    expected: dict[tuple[str, str], int] = defaultdict(int)
    for when, vaccine, source, target, quantity in moves:
        if when <= as_of:
            for store, sign in ((target, 1), (source, -1)):
                if store not in PSEUDO_STORES:
                    expected[store, vaccine] += sign * quantity
    for when, district, vaccine, count in doses:
        if when <= as_of:
            expected[district, vaccine] -= count
    assert dict(zip(zip(out["store"], out["vaccine"], strict=True), out["on_hand"], strict=True)) == expected
    assert (out["on_hand"] == out["received"] - out["sent"] - out["administered"]).all()
    # nothing lost, nothing doubled: all stock = what came from outside − what went outside − what was given
    outside_in = sum(q for w, _, s, t, q in moves if w <= as_of and s in PSEUDO_STORES and t not in PSEUDO_STORES)
    outside_out = sum(q for w, _, s, t, q in moves if w <= as_of and t in PSEUDO_STORES and s not in PSEUDO_STORES)
    given_total = sum(c for w, _, _, c in doses if w <= as_of)
    assert int(out["on_hand"].sum()) == outside_in - outside_out - given_total


# --- cohorts: 0 ≤ overdue ≤ due ≤ first doses ----------------------------------------------------

INTERVALS = frame("code dose2_min_days dose2_max_days precaution_min_days", [("CS", 5, 9, 20), ("CV", 2, 4, 20)])


@FRAMES
@given(
    st.lists(
        st.tuples(
            st.integers(1, 30),
            st.sampled_from(["A", "B"]),
            st.sampled_from(["CS", "CV"]),
            st.sampled_from([1, 2]),
            st.integers(0, 1000),
        ),
        max_size=30,
    ),
    st.integers(1, 40),
    st.integers(0, 5),
)
def test_second_doses_due_bounds(rows, as_of, grace):
    out = second_doses_due(frame("date district_code vaccine dose_number doses", rows), INTERVALS, day(as_of), grace)
    assert (out["overdue"] >= 0).all()
    assert (out["overdue"] <= out["due"]).all()
    assert (out["due"] <= out["dose1"]).all()
    assert (out["overdue_by"] <= out["due_by"]).all()


# --- numbers: parse(format(n)) == n, and short forms keep their order ----------------------------


@PROPERTY
@given(st.integers(0, 10**12), LANGS)
def test_parse_reads_what_indian_number_writes(n, lang):
    assert parse_indian_number(indian_number(n, lang)) == n


@PROPERTY
@given(st.integers(-(10**12), 10**12), LANGS)
def test_parse_reads_signed_changes(n, lang):
    assert parse_indian_number(signed_change(n, lang)) == n


UNITS = {"lakh": 100_000, "crore": 10_000_000, "लाख": 100_000, "करोड़": 10_000_000}


def short_value(text: str) -> Decimal:
    """The number a lakh_crore short form stands for: '1.09 lakh' -> 109000."""
    number, _, unit = text.partition(" ")
    return Decimal(number.replace(",", "")) * UNITS.get(unit, 1)


@PROPERTY
@given(st.integers(0, 10**13), st.integers(0, 10**13), st.integers(0, 3), LANGS)
def test_lakh_crore_is_monotone(a, b, digits, lang):
    low, high = sorted((a, b))
    assert short_value(lakh_crore(low, lang, digits)) <= short_value(lakh_crore(high, lang, digits))


@PROPERTY
@given(st.integers(0, 10**13), st.integers(0, 3), LANGS)
def test_lakh_crore_is_within_half_a_last_digit(n, digits, lang):
    text = lakh_crore(n, lang, digits)
    unit = UNITS.get(text.partition(" ")[2], 1)
    half_last_digit = Decimal(unit) / 10**digits / 2 if unit > 1 else 0
    assert abs(short_value(text) - n) <= half_last_digit
