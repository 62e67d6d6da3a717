"""stats.stock against hand-worked ledgers: on hand, days of cover, stock-out dates, wastage rate."""

from __future__ import annotations

import math

import pytest

from stats import STATE
from stats.stock import (
    COVER_AMBER_DAYS,
    COVER_RED_DAYS,
    cover_level,
    cover_tenths,
    days_of_cover,
    known_stock,
    stock_on_hand,
    stock_position,
    stockout_date,
    stockout_dates,
    stockouts,
    wastage_rate,
)
from tests.stats import NaN, column, day, frame

MOVEMENT_COLUMNS = "date vaccine from_store to_store quantity"
ADMINISTERED_COLUMNS = "date district_code vaccine doses"

# The supplier sends 1,000 to the state store; the state sends 300 to A and 200 to B; A wastes 10;
# an adjustment adds 5 to B on day 4 and removes 2 from the state store on day 6.
LEDGER = frame(
    MOVEMENT_COLUMNS,
    [
        (1, "CS", "SUPPLIER", "STATE", 1000),
        (2, "CS", "STATE", "A", 300),
        (2, "CS", "STATE", "B", 200),
        (3, "CS", "A", "WASTAGE", 10),
        (4, "CS", "ADJUSTMENT", "B", 5),
        (6, "CS", "STATE", "ADJUSTMENT", 2),
    ],
)
GIVEN = frame(ADMINISTERED_COLUMNS, [(3, "A", "CS", 70), (3, "B", "CS", 14), (5, "A", "CS", 20)])


def on_hand(out):
    return {(s, v): (r, t, a, h) for s, v, r, t, a, h in out.itertuples(index=False)}


# --- stock_on_hand: received − sent − administered -----------------------------------------------

STOCK = [
    (
        day(3),
        {
            ("A", "CS"): (300, 10, 70, 220),  # 300 in; 10 wasted, 70 given
            ("B", "CS"): (200, 0, 14, 186),
            ("STATE", "CS"): (1000, 500, 0, 500),
        },
        "day 3",
    ),
    (
        day(6),
        {
            ("A", "CS"): (300, 10, 90, 200),
            ("B", "CS"): (205, 0, 14, 191),  # the adjustment came in
            ("STATE", "CS"): (1000, 502, 0, 498),  # and went out here
        },
        "day 6",
    ),
    (day(1), {("STATE", "CS"): (1000, 0, 0, 1000)}, "first day: only the state store"),
]


@pytest.mark.parametrize("as_of, expected", [c[:2] for c in STOCK], ids=[c[2] for c in STOCK])
def test_stock_on_hand(as_of, expected):
    out = stock_on_hand(LEDGER, GIVEN, as_of)
    assert list(out.columns) == ["store", "vaccine", "received", "sent", "administered", "on_hand"]
    assert on_hand(out) == expected


def test_stock_on_hand_empty_and_administered_without_stock():
    assert stock_on_hand(LEDGER.iloc[:0], GIVEN.iloc[:0], day(9)).empty
    # doses given from a store that never received any: negative on hand, shown, not hidden
    out = stock_on_hand(LEDGER.iloc[:0], GIVEN, day(9))
    assert on_hand(out)[("A", "CS")] == (0, 0, 90, -90)


def test_stock_on_hand_keeps_vaccines_apart():
    ledger = frame(MOVEMENT_COLUMNS, [(1, "CS", "SUPPLIER", "A", 50), (1, "CV", "SUPPLIER", "A", 40)])
    given = frame(ADMINISTERED_COLUMNS, [(1, "A", "CV", 15)])
    assert on_hand(stock_on_hand(ledger, given, day(1))) == {("A", "CS"): (50, 0, 0, 50), ("A", "CV"): (40, 0, 15, 25)}


# --- days_of_cover -------------------------------------------------------------------------------


def cover_table(stock_rows, dose_rows, as_of):
    stock = frame("store vaccine on_hand", stock_rows)
    out = days_of_cover(stock, frame(ADMINISTERED_COLUMNS, dose_rows), as_of)
    return {(s, v): (st, round(avg, 6), days) for s, v, _, st, avg, days in out.itertuples(index=False)}


COVER = [
    # A gives 70 a day for a week: 700 on hand / 70 = 10 days
    ([("A", "CS", 700)], [(n, "A", "CS", 70) for n in range(1, 8)], ("A", "CS"), (700, 70.0, 10.0), "10 days"),
    # 140 given on day 1, then six zero days: average 20; 50 / 20 = 2.5 days
    ([("A", "CS", 50)], [(1, "A", "CS", 140)], ("A", "CS"), (50, 20.0, 2.5), "zero days in the average"),
    ([("A", "CS", 50)], [], ("A", "CS"), (50, 0.0, math.inf), "pace 0: never runs out"),
    ([("A", "CS", 0)], [(1, "A", "CS", 7)], ("A", "CS"), (0, 1.0, 0.0), "no stock"),
    ([("A", "CS", -5)], [], ("A", "CS"), (0, 0.0, 0.0), "a negative balance covers nothing, pace 0: 0 days"),
    # whole state: 600 + 100; A's −300 (more issued than received) is not netted off: 700 / 100 a day
    (
        [("STATE", "CS", 600), ("A", "CS", -300), ("B", "CS", 100)],
        [(n, d, "CS", q) for n in range(1, 8) for d, q in (("A", 60), ("B", 40))],
        ("STATE", "CS"),
        (700, 100.0, 7.0),
        "a negative balance is not netted off the state's stock",
    ),
    # whole state: 600 (state store) + 300 (A) + 100 (B) = 1,000 over the state's 7 × (60 + 40) / 7 = 100 a day
    (
        [("STATE", "CS", 600), ("A", "CS", 300), ("B", "CS", 100)],
        [(n, d, "CS", q) for n in range(1, 8) for d, q in (("A", 60), ("B", 40))],
        ("STATE", "CS"),
        (1000, 100.0, 10.0),
        "STATE covers the whole state",
    ),
    # no state store row: the STATE row still shows the districts' stock against the state's pace
    ([("A", "CS", 300)], [(1, "A", "CS", 70)], ("STATE", "CS"), (300, 10.0, 30.0), "STATE without a state store"),
]


@pytest.mark.parametrize("stock, doses, key, expected", [c[:4] for c in COVER], ids=[c[4] for c in COVER])
def test_days_of_cover(stock, doses, key, expected):
    assert cover_table(stock, doses, day(7))[key] == expected


def test_days_of_cover_district_uses_its_own_vaccine_and_doses():
    # A's Covishield cover ignores B's doses and A's Covaxin doses: 140 / (7 × 10 / 7) = 14 days
    doses = [(n, "A", "CS", 10) for n in range(1, 8)] + [(7, "B", "CS", 700), (7, "A", "CV", 700)]
    assert cover_table([("A", "CS", 140)], doses, day(7))[("A", "CS")] == (140, 10.0, 14.0)


def test_days_of_cover_empty():
    assert cover_table([], [], day(7)) == {}


STOCKOUT = [
    (10.0, day(11), "whole days"),
    (2.5, day(3), "floor"),
    (0.0, day(1), "out already"),
    (math.inf, None, "pace 0"),
    (NaN, None, "unknown"),
    (1e12, None, "beyond the calendar"),
]


@pytest.mark.parametrize("days, expected", [c[:2] for c in STOCKOUT], ids=[c[2] for c in STOCKOUT])
def test_stockout_date(days, expected):
    assert stockout_date(days, day(1)) == expected


def test_stockout_dates_per_store():
    cover = days_of_cover(
        frame("store vaccine on_hand", [("A", "CS", 50), ("B", "CS", 50)]),
        frame(ADMINISTERED_COLUMNS, [(1, "A", "CS", 140)]),
        day(7),
    )
    # A: 50 / 20 = 2.5 days → day 9; B gives nothing → no date; STATE: 100 / 20 = 5 days → day 12
    assert dict(zip(cover["store"], stockout_dates(cover, day(7))["stockout_date"], strict=True)) == {
        "A": day(9),
        "B": None,
        "STATE": day(12),
    }


# --- cover to one decimal, its warning level and the most urgent stock-outs first (issue 14) -----------

TENTHS = [
    (0.0043, 0.0, "a trace of cover"),
    (4.29, 4.2, "rounded down"),
    (2.3, 2.3, "a tenth stored a hair under"),
    (6.99, 6.9, "just under a week"),
    (7.0, 7.0, "a week"),
    (-1.0, 0.0, "never below zero"),
    (math.inf, math.inf, "no use"),
]


@pytest.mark.parametrize("days, expected", [c[:2] for c in TENTHS], ids=[c[2] for c in TENTHS])
def test_cover_tenths(days, expected):
    assert cover_tenths(days) == expected


LEVELS = [
    (0.0, "red", "out of stock"),
    (6.99, "red", "shown as 6.9"),
    (7.0, "amber", "a week: amber"),
    (13.99, "amber", "shown as 13.9"),
    (14.0, "ok", "two weeks: fine"),
    (math.inf, "ok", "stock, no use"),
    (NaN, None, "unknown"),
    (None, None, "none"),
]


@pytest.mark.parametrize("days, expected", [c[:2] for c in LEVELS], ids=[c[2] for c in LEVELS])
def test_cover_level_at_the_boundaries(days, expected):
    assert (COVER_RED_DAYS, COVER_AMBER_DAYS) == (7, 14)
    assert cover_level(days) == expected


def test_stockouts_most_urgent_first_with_state_and_level():
    # Pace over the 7 days to day 7: A gives 70 CS (10 a day) and 7 CV (1 a day); B gives nothing; C gives 14 CS.
    # A CS: 45 ÷ 10 = 4.5 days → day 11, red; A CV: 100 ÷ 1 = 100 days, ok; B CS: 50, no recent use;
    # C CS: −5 (more issued than received) → ledger, listed first; STATE CS: (45 + 50 + 0) ÷ (84 ÷ 7 = 12) = 7.9
    # days → day 14, amber; STATE CV: 100 ÷ 1 = 100.
    stock = frame("store vaccine on_hand", [("A", "CS", 45), ("A", "CV", 100), ("B", "CS", 50), ("C", "CS", -5)])
    given = frame(
        ADMINISTERED_COLUMNS,
        [(n, "A", "CS", 10) for n in range(1, 8)] + [(n, "A", "CV", 1) for n in range(1, 8)] + [(7, "C", "CS", 14)],
    )
    out = stockouts(days_of_cover(stock, given, day(7)), day(7))
    rows = [
        (r.store, r.vaccine, r.state, r.level, r.stockout_date, round(r.days_of_cover, 2))
        for r in out.itertuples(index=False)
    ]
    assert rows == [
        ("C", "CS", "ledger", None, day(7), 0.0),
        ("A", "CS", "date", "red", day(11), 4.5),
        (STATE, "CS", "date", "amber", day(14), 7.92),
        ("A", "CV", "date", "ok", day(107), 100.0),
        (STATE, "CV", "date", "ok", day(107), 100.0),
        ("B", "CS", "no_use", "ok", None, math.inf),
    ]


def test_stockouts_zero_pace_and_no_stock():
    # D holds nothing and gives nothing: out of stock, red, lasts until the day itself; E holds 20, gives nothing.
    stock = frame("store vaccine on_hand", [("D", "CS", 0), ("E", "CS", 20)])
    out = stockouts(days_of_cover(stock, frame(ADMINISTERED_COLUMNS, []), day(7)), day(7)).set_index("store")
    assert (out.loc["D", "state"], out.loc["D", "level"], out.loc["D", "stockout_date"]) == ("out", "red", day(7))
    assert (out.loc["E", "state"], out.loc["E", "stockout_date"]) == ("no_use", None)


# --- wastage_rate --------------------------------------------------------------------------------

WASTAGE = [
    # A: 10 wasted / (90 given + 10) = 10%; B: nothing wasted of 14; STATE: 10 / (104 + 10)
    (None, None, {"A": (90, 10, 0.1), "B": (14, 0, 0.0), "STATE": (104, 10, 10 / 114)}, "whole ledger"),
    # day 4 onwards: A gave 20 and wasted nothing; B nothing at all
    (day(4), None, {"A": (20, 0, 0.0), "STATE": (20, 0, 0.0)}, "period after the wastage"),
    (day(3), day(3), {"A": (70, 10, 10 / 80), "B": (14, 0, 0.0), "STATE": (84, 10, 10 / 94)}, "one day"),
    (day(8), day(9), {}, "empty period"),
]


@pytest.mark.parametrize("start, end, expected", [c[:3] for c in WASTAGE], ids=[c[3] for c in WASTAGE])
def test_wastage_rate(start, end, expected):
    out = wastage_rate(LEDGER, GIVEN, start, end)
    got = {s: (a, w, r) for s, v, a, w, r in out.itertuples(index=False)}
    assert got == {s: (a, w, pytest.approx(r)) for s, (a, w, r) in expected.items()}


def test_wastage_rate_nothing_used_is_nan():
    # the state store wastes 5 and nobody gives a dose: 5 / 5 = 100% for the state;
    # a store with a zero-dose row has neither: NaN, no division error
    ledger = frame(MOVEMENT_COLUMNS, [(1, "CS", "STATE", "WASTAGE", 5)])
    given = frame(ADMINISTERED_COLUMNS, [(1, "A", "CS", 0)])
    out = wastage_rate(ledger, given).set_index("store")
    assert out.at["STATE", "wastage_rate"] == 1.0
    assert math.isnan(out.at["A", "wastage_rate"])
    assert column(out.reset_index(), "store") == ["A", "STATE"]


# --- the pure ledger and the SQL of data.read agree -------------------------------------------


def test_stock_on_hand_agrees_with_the_database(sqlite_engine):
    from datetime import UTC, datetime

    from sqlmodel import Session

    from data.models import DoseRollup, ImportBatch, StockMovement
    from data.read import stock
    from data.rollup import refresh_derived_rollups

    districts = {"A": "BLD", "B": "BST"}
    vaccines = {"CS": "COVISHIELD"}
    ledger = LEDGER.assign(
        vaccine=LEDGER["vaccine"].map(vaccines),
        from_store=LEDGER["from_store"].replace(districts),
        to_store=LEDGER["to_store"].replace(districts),
    )
    given = GIVEN.assign(district_code=GIVEN["district_code"].map(districts), vaccine=GIVEN["vaccine"].map(vaccines))
    with Session(sqlite_engine) as session:
        batch = ImportBatch(kind="test", file_name="t", sha256="0", imported_by="t", imported_at=datetime.now(UTC))
        session.add(batch)
        session.flush()
        for n, row in enumerate(ledger.itertuples(index=False)):
            session.add(StockMovement(**row._asdict(), reference=f"r{n}", batch_id=batch.id))
        for row in given.itertuples(index=False):
            session.add(DoseRollup(**row._asdict(), age_band="18-44", dose_number=1))
        session.flush()
        refresh_derived_rollups(session.connection(), given["date"].unique())
        session.commit()
        for as_of in (day(1), day(3), day(6)):
            expected = stock.stock_on_hand.run(session, as_of=as_of)
            assert on_hand(stock_on_hand(ledger, given, as_of)) == on_hand(expected)


STOCK_COLUMNS = "store vaccine received sent administered on_hand"


@pytest.mark.parametrize(
    "rows, known",
    [
        ([("STATE", "CS", 100, 40, 0, 60), ("A", "CS", 40, 0, 30, 10)], True),
        ([("A", "CS", 0, 0, 300, -300)], False),
        ([], False),
    ],
    ids=["a ledger", "doses given but no movement", "nothing"],
)
def test_known_stock(rows, known):
    stock = frame(STOCK_COLUMNS, rows)
    assert (known_stock(stock) is stock) is known
    assert known_stock(None) is None


POSITIONS = [
    # (rows of store, vaccine, received, sent, administered, on_hand; area; on_hand, to_check; why)
    ([], STATE, None, (), "nothing"),
    ([("A", "CS", 0, 0, 300, -300)], STATE, None, (), "doses given but no ledger: nothing known, nothing to check"),
    (
        [("STATE", "CS", 1_000, 500, 0, 500), ("A", "CS", 300, 0, 100, 200), ("B", "CS", 200, 0, 3_91_200, -3_91_000)],
        STATE,
        700,
        (("B", "CS", -3_91_000),),
        "the state: 500 + 200, B's −3,91,000 listed to check, not netted",
    ),
    (
        [("STATE", "CS", 1_000, 500, 0, 500), ("B", "CS", 200, 0, 3_91_200, -3_91_000)],
        "B",
        None,
        (("B", "CS", -3_91_000),),
        "a district below zero: no stock figure at all",
    ),
    (
        [("STATE", "CS", 900, 100, 0, 800), ("B", "CS", 100, 0, 150, -50), ("B", "CX", 100, 0, 40, 60)],
        "B",
        60,
        (("B", "CS", -50),),
        "a district's Covaxin counts, its Covishield is to check",
    ),
    ([("STATE", "CS", 900, 100, 0, 800)], "B", None, (), "a district without a balance"),
]


@pytest.mark.parametrize("rows, area, on_hand, to_check", [p[:4] for p in POSITIONS], ids=[p[4] for p in POSITIONS])
def test_stock_position(rows, area, on_hand, to_check):
    assert stock_position(frame(STOCK_COLUMNS, rows), area) == (on_hand, to_check)
