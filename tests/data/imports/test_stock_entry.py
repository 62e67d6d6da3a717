"""Stock entry (data.imports.stock_entry): each kind of movement written through the validated ledger, on SQLite and
PostgreSQL, against stock on hand worked out by hand; refusals that write nothing; the adjustment a physical
count calls for; the audit rows.

The ledger every test starts from (Covishield, doses at Raipur's RPR-PHC-01):
  15 June  SUPPLIER → STATE 10,000 (GRN-1); STATE → Raipur 4,000 (ISS-1)
  20 June  1,000 doses given at Raipur;  22 June  500 doses given at Raipur
On hand at the end of 22 June: STATE 6,000; Raipur 4,000 − 1,500 = 2,500; Durg 0.
"""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data.imports import stock_entry
from data.imports.problems import Problem
from data.models import AuditEvent, ImportBatch
from data.read import stock
from tests.conftest import snapshot
from tests.files import TODAY, doses_csv, run_import, stock_csv, stored_stock

DAY = date(2021, 6, 22)
CS = "COVISHIELD"
OFFICER = "officer.test"


@pytest.fixture
def ledger(engine: Engine) -> Engine:
    stock = [
        {"date": "2021-06-15", "quantity": "10000", "reference": "GRN-1"},
        {"date": "2021-06-15", "from_store": "STATE", "to_store": "Raipur", "quantity": "4000", "reference": "ISS-1"},
    ]
    doses = [{"date": "2021-06-20", "doses": "1000"}, {"date": "2021-06-22", "doses": "500"}]
    for content in (stock_csv(stock), doses_csv(doses)):
        assert run_import(engine, content).status == "committed"
    return engine


def on_hand(engine: Engine, day: date = DAY) -> dict[str, int]:
    """Covishield on hand per store at the end of day, as the page reads it (stock.stock_on_hand)."""
    with Session(engine) as session:
        frame = stock.stock_on_hand.run(session, as_of=day)
    rows = frame[frame["vaccine"] == CS]
    return dict(zip(rows["store"], rows["on_hand"].astype(int), strict=True))


def entry_events(engine: Engine) -> list[tuple]:
    table = AuditEvent.__table__
    query = select(table.c.action, table.c.actor, table.c.subject).where(table.c.action == "stock-entry")
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query.order_by(table.c.id))]


def record(engine: Engine, kind: str, **kwargs) -> stock_entry.EntryResult:
    kwargs = {"day": DAY, "vaccine": CS, "reference": "DOC-1", "today": TODAY, **kwargs}
    with Session(engine) as session:
        if kind == "adjustment":
            return stock_entry.record_count(session=session, user=OFFICER, **kwargs)
        return stock_entry.record_movement(kind, session=session, user=OFFICER, **kwargs)


def rules(result: stock_entry.EntryResult) -> list[tuple]:
    return [(p.column, p.value, p.rule) for p in result.problems]


# --- Each kind of movement, through the ledger ------------------------------------------------------

MOVEMENTS = [
    ("receipt", {"quantity": 2000}, ("SUPPLIER", "STATE", 2000), {"STATE": 8000, "RPR": 2500}),
    ("issue", {"quantity": 1500, "store": "DRG"}, ("STATE", "DRG", 1500), {"STATE": 4500, "RPR": 2500, "DRG": 1500}),
    ("wastage", {"quantity": 100, "store": "RPR"}, ("RPR", "WASTAGE", 100), {"STATE": 6000, "RPR": 2400}),
    ("wastage", {"quantity": 6000, "store": "STATE"}, ("STATE", "WASTAGE", 6000), {"STATE": 0, "RPR": 2500}),
    ("adjustment", {"counted": 5900, "store": "STATE"}, ("STATE", "ADJUSTMENT", 100), {"STATE": 5900, "RPR": 2500}),
    ("adjustment", {"counted": 2600, "store": "RPR"}, ("ADJUSTMENT", "RPR", 100), {"STATE": 6000, "RPR": 2600}),
    ("adjustment", {"counted": 0, "store": "RPR"}, ("RPR", "ADJUSTMENT", 2500), {"STATE": 6000, "RPR": 0}),
]


@pytest.mark.parametrize(
    "kind, fields, stores, expected",
    MOVEMENTS,
    ids=["receipt", "issue", "wastage-district", "wastage-all-of-state", "count-lower", "count-higher", "count-0"],
)
def test_each_movement_is_written_through_the_ledger(ledger, kind, fields, stores, expected) -> None:
    assert on_hand(ledger) == {"STATE": 6000, "RPR": 2500}
    result = record(ledger, kind, **fields)
    assert result.status == "committed", result.problems
    assert result.ok and result.batch_id is not None and tuple(result.stores) == stores
    assert on_hand(ledger) == expected
    source, target, quantity = stores
    assert stored_stock(ledger)[(DAY, CS, source, target, "DOC-1")] == quantity
    with ledger.connect() as conn:
        batch = conn.execute(select(ImportBatch.__table__).where(ImportBatch.id == result.batch_id)).one()
    assert (batch.kind, batch.imported_by, batch.rows_new) == ("stock", OFFICER, 1)
    assert batch.file_name == f"stock-entry-{kind}-2021-06-22.csv"
    assert entry_events(ledger) == [("stock-entry", OFFICER, f"import #{result.batch_id} {batch.file_name}")]


def test_a_count_remembers_what_it_was_compared_with(ledger) -> None:
    result = record(ledger, "adjustment", counted=5900, store="STATE")
    assert (result.on_hand, result.counted, result.stores.quantity) == (6000, 5900, 100)


def test_a_count_that_agrees_writes_nothing(ledger) -> None:
    before = snapshot(ledger)
    result = record(ledger, "adjustment", counted=2500, store="RPR")
    assert (result.status, result.ok, result.stores, result.on_hand) == ("nothing", True, None, 2500)
    assert snapshot(ledger) == before


def test_a_count_on_an_earlier_day_compares_with_that_days_stock(ledger) -> None:
    """At the end of 20 June Raipur holds 3,000; counting 2,900 then removes 100 from every later day too."""
    result = record(ledger, "adjustment", counted=2900, store="RPR", day=date(2021, 6, 20))
    assert result.status == "committed" and result.on_hand == 3000
    assert on_hand(ledger, date(2021, 6, 20))["RPR"] == 2900
    assert on_hand(ledger)["RPR"] == 2400


@pytest.mark.parametrize(
    "store, day, expected",
    [
        ("STATE", date(2021, 6, 14), 0),
        ("STATE", date(2021, 6, 15), 6000),
        ("RPR", date(2021, 6, 19), 4000),
        ("RPR", date(2021, 6, 21), 3000),
        ("RPR", DAY, 2500),
        ("DRG", DAY, 0),
    ],
    ids=["state-before", "state-first-day", "raipur-before-doses", "raipur-after-first", "raipur-latest", "durg"],
)
def test_on_hand_agrees_with_the_query(ledger, store, day, expected) -> None:
    with Session(ledger) as session:
        assert stock_entry.on_hand(store, CS, day, session=session) == expected
    assert on_hand(ledger, day).get(store, 0) == expected


# --- Refusals: nothing written --------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, fields, expected",
    [
        # The importer's ledger check (movements only): the state store holds 6,000.
        ("issue", {"quantity": 6001, "store": "DRG"}, [("quantity", "6001", "stock_below_zero")]),
        ("wastage", {"quantity": 6001, "store": "STATE"}, [("quantity", "6001", "stock_below_zero")]),
        # The form's check, counting doses given: Raipur's movements leave 4,000, its stock on hand 2,500.
        ("wastage", {"quantity": 2501, "store": "RPR"}, [("quantity", "2501", "on_hand_below_zero")]),
        # On 19 June Raipur held 4,000, but the doses given on 20 and 22 June leave 2,500 at the end.
        (
            "wastage",
            {"quantity": 3000, "store": "RPR", "day": date(2021, 6, 19)},
            [("quantity", "3000", "on_hand_below_zero")],
        ),
        ("receipt", {"quantity": 10, "reference": "  "}, [("reference", "", "required")]),
        (
            "issue",
            {"quantity": None, "store": "DRG", "reference": ""},
            [("quantity", "", "required"), ("reference", "", "required")],
        ),
        ("adjustment", {"counted": None, "store": "RPR"}, [("quantity", "", "required")]),
        ("receipt", {"quantity": 10, "day": date(2021, 7, 2)}, [("date", "2021-07-02", "future_date")]),
        ("receipt", {"quantity": 10, "day": date(2020, 12, 31)}, [("date", "2020-12-31", "before_campaign")]),
        ("receipt", {"quantity": 10, "reference": "R" * 65}, [("reference", "R" * 65, "text_too_long")]),
        (
            "receipt",
            {"quantity": 10, "reference": "GRN-1", "day": date(2021, 6, 15)},
            [("reference", "GRN-1", "already_recorded")],
        ),
    ],
    ids=[
        "issue-beyond-state-store",
        "wastage-beyond-state-store",
        "wastage-beyond-doses-given",
        "wastage-earlier-beyond-later-stock",
        "reference-blank",
        "quantity-and-reference-missing",
        "count-missing",
        "future-date",
        "before-stock-began",
        "reference-too-long",
        "already-recorded",
    ],
)
def test_refused_entries_write_nothing(ledger, kind, fields, expected) -> None:
    before = snapshot(ledger)
    result = record(ledger, kind, **fields)
    assert (result.status, result.ok, result.batch_id) == ("refused", False, None)
    assert rules(result) == expected
    assert snapshot(ledger) == before
    for problem in result.problems:  # a message in both languages, never a template left unfilled
        for lang in ("en", "hi"):
            assert problem.message(lang) and "{" not in problem.message(lang)


def test_the_same_entry_twice_is_written_once(ledger) -> None:
    assert record(ledger, "receipt", quantity=2000).status == "committed"
    again = record(ledger, "receipt", quantity=3000)
    assert rules(again) == [("reference", "DOC-1", "already_recorded")]
    assert on_hand(ledger)["STATE"] == 8000
    assert len(entry_events(ledger)) == 1


def test_an_entry_recorded_meanwhile_by_someone_else_is_refused_not_corrected(ledger, monkeypatch) -> None:
    """The form's own check runs before the importer's lock; the importer checks again under it."""
    assert record(ledger, "receipt", quantity=2000).status == "committed"
    monkeypatch.setattr(stock_entry, "_recorded", lambda *args, **kwargs: [])  # as if the other entry came later
    again = record(ledger, "receipt", quantity=3000)
    assert (again.status, rules(again)) == ("refused", [(None, None, "already_recorded")])
    assert again.problems[0].message("hi") and "{" not in again.problems[0].message("en")
    assert on_hand(ledger)["STATE"] == 8000
    assert len(entry_events(ledger)) == 1


def test_below_zero_says_where_when_and_by_how_much(ledger) -> None:
    result = record(ledger, "wastage", quantity=3000, store="RPR", day=date(2021, 6, 19))
    (problem,) = result.problems
    assert problem.message("en") == (
        "Raipur has 2,500 doses of Covishield on hand on 22 June 2021 (after the doses given there); this movement "
        "would leave −500, below zero."
    )
    assert problem.message("hi").startswith("22 जून 2021 को रायपुर में कोविशील्ड की 2,500 खुराकें हैं")


def test_the_importers_problems_come_in_both_languages(ledger) -> None:
    result = record(ledger, "issue", quantity=6001, store="DRG")
    (problem,) = result.problems
    assert isinstance(problem, Problem) and problem.row == 2
    assert "below zero" in problem.message("en") and "शून्य से नीचे" in problem.message("hi")


def test_kinds_and_stores_the_form_cannot_use(ledger) -> None:
    with pytest.raises(ValueError, match="record_movement"):
        record(ledger, "adjustment-by-hand", quantity=1)
    with pytest.raises(ValueError, match="district"):
        record(ledger, "issue", quantity=1, store="STATE")
    with pytest.raises(ValueError, match="store"):
        record(ledger, "wastage", quantity=1, store=None)


# --- What the page reads --------------------------------------------------------------------------


def test_latest_movements_newest_first_with_who_and_when(ledger) -> None:
    record(ledger, "receipt", quantity=2000, reference="GRN-2")
    record(ledger, "issue", quantity=700, store="DRG", reference="ISS-2")
    with Session(ledger) as session:
        latest = stock.latest_movements.run(session, limit=3)
    assert list(latest.columns) == stock.LATEST_COLUMNS
    assert list(latest["reference"]) == ["ISS-2", "GRN-2", "ISS-1"]
    assert list(latest["quantity"]) == [700, 2000, 4000]
    assert list(latest["entered_by"]) == [OFFICER, OFFICER, "test-officer"]
    assert list(latest["file_name"][:2]) == ["stock-entry-issue-2021-06-22.csv", "stock-entry-receipt-2021-06-22.csv"]
    assert str(latest["entered_at"].dt.tz) == "UTC" and latest["entered_at"].notna().all()
    assert latest["date"].iloc[0] == DAY


def test_latest_movements_of_an_empty_ledger(engine) -> None:
    with Session(engine) as session:
        latest = stock.latest_movements.run(session)
    assert latest.empty and list(latest.columns) == stock.LATEST_COLUMNS


def test_stock_file_is_a_contract_file() -> None:
    content = stock_entry.stock_file(DAY, CS, stock_entry.Stores("STATE", "RPR", 1500), 'ISS/7, "urgent"')
    lines = content.decode("utf-8").splitlines()
    assert lines == [
        "date,vaccine,from_store,to_store,quantity,reference",
        '2021-06-22,COVISHIELD,STATE,RPR,1500,"ISS/7, ""urgent"""',
    ]
    assert pd.read_csv(io.BytesIO(content))["reference"].iloc[0] == 'ISS/7, "urgent"'
