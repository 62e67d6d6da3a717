"""What an import does to the database, on SQLite and PostgreSQL: commit, idempotence, corrections with
their audit trail, dry runs that match commits, all-or-nothing writes, and the import batch record."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

import data.imports.importer as load
from data.imports import facts
from data.imports.kinds import doses
from data.models import Centre, Correction, DailyDose, ImportBatch
from tests.conftest import snapshot, table_counts
from tests.files import (
    DOSES_COLUMNS,
    doses_csv,
    expected_rollups,
    problems_of,
    run_import,
    series_csv,
    stock_csv,
    stored_doses,
    stored_rollups,
    stored_series,
    stored_stock,
    to_xlsx,
)

D21, D22 = date(2021, 6, 21), date(2021, 6, 22)


def _row(day: str, district: str, code: str, name: str, band: str, dose: str, vaccine: str, doses: str) -> dict:
    return dict(zip(DOSES_COLUMNS, (day, district, code, name, band, dose, vaccine, doses), strict=True))


BASE = [
    _row("2021-06-21", "Raipur", "RPR-01", "PHC Mana", "18-44", "1", "Covishield", "120"),
    _row("2021-06-21", "Raipur", "RPR-01", "PHC Mana", "45-59", "2", "Covishield", "35"),
    _row("2021-06-21", "Raipur", "RPR-02", "CHC Tilda", "18-44", "1", "Covaxin", "80"),
    _row("2021-06-21", "Durg", "DRG-01", "DH Durg", "60+", "1", "Covishield", "40"),
    _row("22/06/2021", "Raipur", "RPR-01", "PHC Mana", "18-44", "1", "Covishield", "1,250"),
    _row("22/06/2021", "रायपुर", "RPR-02", "CHC Tilda", "18-44", "2", "Covaxin", "0"),
    _row("22/06/2021", "Durg", "DRG-01", "DH Durg", "18-44", "1", "Covishield", "75"),
    _row("22/06/2021", "Bastar", "BST-01", "PHC Bastar", "45-59", "precaution", "Covi Shield", "15"),
]
BASE_FACTS = {
    (D21, "RPR", "RPR-01", "18-44", 1, "COVISHIELD"): 120,
    (D21, "RPR", "RPR-01", "45-59", 2, "COVISHIELD"): 35,
    (D21, "RPR", "RPR-02", "18-44", 1, "COVAXIN"): 80,
    (D21, "DRG", "DRG-01", "60+", 1, "COVISHIELD"): 40,
    (D22, "RPR", "RPR-01", "18-44", 1, "COVISHIELD"): 1250,
    (D22, "RPR", "RPR-02", "18-44", 2, "COVAXIN"): 0,
    (D22, "DRG", "DRG-01", "18-44", 1, "COVISHIELD"): 75,
    (D22, "BST", "BST-01", "45-59", 3, "COVISHIELD"): 15,
}
BASE_CENTRES = [
    {"code": "RPR-01", "name": "PHC Mana", "district": "RPR"},
    {"code": "RPR-02", "name": "CHC Tilda", "district": "RPR"},
    {"code": "DRG-01", "name": "DH Durg", "district": "DRG"},
    {"code": "BST-01", "name": "PHC Bastar", "district": "BST"},
]

# The same file sent again with two values corrected and one key added.
CORRECTED = [dict(row) for row in BASE] + [
    _row("2021-06-22", "Durg", "DRG-01", "DH Durg", "60+", "1", "Covishield", "12")
]
CORRECTED[0]["doses"] = "125"
CORRECTED[6]["doses"] = "70"
CORRECTED_FACTS = BASE_FACTS | {
    (D21, "RPR", "RPR-01", "18-44", 1, "COVISHIELD"): 125,
    (D22, "DRG", "DRG-01", "18-44", 1, "COVISHIELD"): 70,
    (D22, "DRG", "DRG-01", "60+", 1, "COVISHIELD"): 12,
}

BASE_CSV, CORRECTED_CSV = doses_csv(BASE), doses_csv(CORRECTED)


def _assert_rollups_follow_facts(engine) -> None:
    assert stored_rollups(engine) == expected_rollups(stored_doses(engine))


# --- A good file -------------------------------------------------------------------------------


def test_good_doses_file_commits_with_centres_and_rollups(engine) -> None:
    report = run_import(engine, BASE_CSV, "doses.csv")

    assert (report.status, report.kind, report.problems) == ("committed", "doses", [])
    assert (report.rows, report.new, report.changed, report.unchanged, report.rejected) == (8, 8, 0, 0, 0)
    assert report.new_centres == BASE_CENTRES
    assert stored_doses(engine) == BASE_FACTS
    with engine.connect() as conn:
        centres = {(c.code, c.name, c.district_code) for c in conn.execute(select(Centre.__table__))}
    assert centres == {(c["code"], c["name"], c["district"]) for c in BASE_CENTRES}

    rollup, reporting = stored_rollups(engine)
    assert (rollup, reporting) == expected_rollups(BASE_FACTS)
    # Worked by hand: a centre that reported 0 doses still reported.
    assert reporting[(D22, "RPR")] == (2, 1250)
    assert reporting[(D21, "RPR")] == (2, 235)
    assert rollup[(D22, "BST", "45-59", 3, "COVISHIELD")] == 15


def test_same_file_five_times_changes_nothing(engine) -> None:
    first = run_import(engine, BASE_CSV, "doses.csv")
    assert first.status == "committed"
    before = snapshot(engine)

    for _ in range(5):
        report = run_import(engine, BASE_CSV, "doses.csv")
        assert (report.status, report.problems, report.batch_id) == ("unchanged", [], None)
        assert (report.rows, report.unchanged, report.new, report.changed) == (8, 8, 0, 0)
        assert report.new_centres == []

    assert snapshot(engine) == before
    assert table_counts(engine)["import_batch"] == 1
    assert sum(stored_doses(engine).values()) == sum(BASE_FACTS.values())


def test_same_values_written_differently_are_unchanged(engine) -> None:
    assert run_import(engine, BASE_CSV).status == "committed"
    before = snapshot(engine)
    spelled = [
        {
            **row,
            "district": {"Raipur": "रायपुर", "Durg": "DRG"}.get(row["district"], row["district"]),
            "vaccine": row["vaccine"].upper(),
            "doses": row["doses"].replace(",", ""),
        }
        for row in reversed(BASE)
    ]
    xlsx = to_xlsx(DOSES_COLUMNS, [list(row.values()) for row in spelled])

    report = run_import(engine, xlsx, "doses.xlsx")

    assert (report.status, report.unchanged, report.problems) == ("unchanged", 8, [])
    assert snapshot(engine) == before


# --- Corrections -------------------------------------------------------------------------------


def test_corrected_file_changes_exactly_the_corrected_keys(engine) -> None:
    base = run_import(engine, BASE_CSV, "doses.csv")
    with engine.connect() as conn:
        batch_of = dict(conn.execute(select(DailyDose.__table__.c.doses, DailyDose.__table__.c.batch_id)).all())
    assert set(batch_of.values()) == {base.batch_id}

    report = run_import(engine, CORRECTED_CSV, "doses-corrected.csv", user="officer-b")

    assert (report.status, report.problems) == ("committed", [])
    assert (report.rows, report.new, report.changed, report.unchanged) == (9, 1, 2, 6)
    assert report.new_centres == []
    assert report.batch_id != base.batch_id
    facts = stored_doses(engine)
    assert facts == CORRECTED_FACTS
    assert {k for k in facts if facts[k] != BASE_FACTS.get(k)} == {
        (D21, "RPR", "RPR-01", "18-44", 1, "COVISHIELD"),
        (D22, "DRG", "DRG-01", "18-44", 1, "COVISHIELD"),
        (D22, "DRG", "DRG-01", "60+", 1, "COVISHIELD"),
    }

    with engine.connect() as conn:
        corrections = conn.execute(select(Correction.__table__).order_by(Correction.__table__.c.old_value)).all()
        batches = {r.doses: r.batch_id for r in conn.execute(select(DailyDose.__table__))}
    assert [(c.table_name, json.loads(c.natural_key), c.old_value, c.new_value, c.batch_id) for c in corrections] == [
        (
            "daily_dose",
            {
                "date": "2021-06-22",
                "centre_code": "DRG-01",
                "age_band": "18-44",
                "dose_number": 1,
                "vaccine": "COVISHIELD",
            },
            75,
            70,
            report.batch_id,
        ),
        (
            "daily_dose",
            {
                "date": "2021-06-21",
                "centre_code": "RPR-01",
                "age_band": "18-44",
                "dose_number": 1,
                "vaccine": "COVISHIELD",
            },
            120,
            125,
            report.batch_id,
        ),
    ]
    # The rows written by the correction carry its batch; the others keep the first one.
    assert batches[125] == batches[70] == batches[12] == report.batch_id
    assert batches[1250] == batches[35] == base.batch_id

    rollup, reporting = stored_rollups(engine)
    assert (rollup, reporting) == expected_rollups(CORRECTED_FACTS)
    assert reporting[(D22, "DRG")] == (1, 82)
    assert reporting[(D21, "RPR")] == (2, 240)


# --- Dry run -----------------------------------------------------------------------------------

DRY_RUN_CASES = {
    "first-import": ((), BASE_CSV),
    "correction": ((BASE_CSV,), CORRECTED_CSV),
    "new-centre": ((BASE_CSV,), doses_csv([{"centre_code": "KBD-9", "district": "Kawardha", "centre_name": "PHC"}])),
    "unchanged": ((BASE_CSV,), BASE_CSV),
    "stock": ((), stock_csv([{}, {"from_store": "STATE", "to_store": "Durg", "quantity": "400", "reference": "I-1"}])),
    "series": ((), series_csv([{}, {"metric": "Sites", "value": "3,337"}])),
}


@pytest.mark.parametrize(("earlier", "content"), DRY_RUN_CASES.values(), ids=DRY_RUN_CASES.keys())
def test_dry_run_reports_what_the_commit_then_does(engine, earlier: tuple[bytes, ...], content: bytes) -> None:
    for file in earlier:
        assert run_import(engine, file).status == "committed"
    before = snapshot(engine)

    dry = run_import(engine, content, dry_run=True)
    assert dry.status == "dry-run"
    assert dry.batch_id is None
    assert snapshot(engine) == before

    real = run_import(engine, content)
    assert real.status in ("committed", "unchanged")

    def counts(r: load.FileReport) -> tuple:
        return (r.kind, r.rows, r.new, r.changed, r.unchanged, r.rejected, r.new_centres, r.problems, r.sha256)

    assert counts(dry) == counts(real)


# --- All or nothing ----------------------------------------------------------------------------


def _db_error(statement: str) -> OperationalError:
    return OperationalError(statement, {}, sqlite3.OperationalError("disk I/O error"))


def _fail_after_rows(original, rows: int, seen: list):
    """Wrap _insert_rows / _update_rows: write the first `rows` rows of the frame, then fail like a database."""

    def wrapper(table, frame, batch_id, conn):
        original(table, frame.iloc[:rows], batch_id, conn)
        seen.append(conn.execute(select(func.count()).select_from(DailyDose.__table__)).scalar_one())
        raise _db_error("INSERT INTO daily_dose ...")

    return wrapper


def _fail_on_call(original, call: int, seen: list):
    """Wrap any writer: the first `call - 1` calls go through, the next one runs and then fails."""

    def wrapper(*args, **kwargs):
        original(*args, **kwargs)
        seen.append(args)
        if len(seen) >= call:
            raise _db_error("UPDATE ...")

    return wrapper


FAILURES = {
    "insert-rows-after-2": (facts, "_insert_rows", _fail_after_rows, 2),
    "update-rows-after-1": (facts, "_update_rows", _fail_after_rows, 1),
    "insert-centres": (doses, "_insert_centres", _fail_on_call, 1),
    "record-corrections": (facts, "_record_corrections", _fail_on_call, 1),
    "second-rollup-refresh": (doses, "refresh_district_rollups", _fail_on_call, 2),
    "derived-rollup-refresh": (doses, "refresh_derived_rollups", _fail_on_call, 1),
}
"""Where each write of a daily-doses file is made: the shared fact-table path (data.imports.facts) or the kind's
own hooks (data.imports.kinds.doses)."""


@pytest.mark.parametrize(("module", "target", "wrap", "at"), FAILURES.values(), ids=FAILURES.keys())
def test_failure_while_writing_leaves_the_database_as_it_was(engine, monkeypatch, module, target, wrap, at) -> None:
    assert run_import(engine, BASE_CSV).status == "committed"
    content = doses_csv([*CORRECTED, _row("2021-06-22", "Durg", "DRG-02", "PHC Bhilai", "18-44", "1", "Covaxin", "9")])
    before = snapshot(engine)
    seen: list = []
    monkeypatch.setattr(module, target, wrap(getattr(module, target), at, seen))

    report = run_import(engine, content, "doses-corrected.csv")

    assert seen, f"{target} was never called: the failure was not injected"
    if wrap is _fail_after_rows and target == "_insert_rows":
        assert seen[0] == len(BASE_FACTS) + at  # the rows were written in the transaction before it failed
    assert (report.status, report.batch_id) == ("failed", None)
    assert problems_of(report) == [(None, None, None, "database")]
    message = report.problems[0].message()
    assert "nothing was changed" in message and "Traceback" not in message
    assert snapshot(engine) == before

    monkeypatch.undo()
    again = run_import(engine, content, "doses-corrected.csv")
    assert (again.status, again.new, again.changed, again.unchanged) == ("committed", 2, 2, 6)
    assert again.new_centres == [{"code": "DRG-02", "name": "PHC Bhilai", "district": "DRG"}]
    _assert_rollups_follow_facts(engine)


# --- Stock and series --------------------------------------------------------------------------

STOCK = [
    {"date": "2021-06-01", "from_store": "SUPPLIER", "to_store": "STATE", "quantity": "1,00,000", "reference": "GOI-1"},
    {"date": "2021-06-01", "vaccine": "Covaxin", "to_store": "STATE", "quantity": "20000", "reference": "GOI-2"},
    {"date": "2021-06-02", "from_store": "STATE", "to_store": "Raipur", "quantity": "40,000", "reference": "ISS-1"},
    {"date": "2021-06-02", "from_store": "STATE", "to_store": "दुर्ग", "quantity": "30000", "reference": "ISS-2"},
    {"date": "2021-06-05", "from_store": "Raipur", "to_store": "WASTAGE", "quantity": "120", "reference": "W-1"},
    {"date": "2021-06-06", "from_store": "ADJUSTMENT", "to_store": "Durg", "quantity": "10", "reference": "PHY-1"},
]
STOCK_FACTS = {
    (date(2021, 6, 1), "COVISHIELD", "SUPPLIER", "STATE", "GOI-1"): 100000,
    (date(2021, 6, 1), "COVAXIN", "SUPPLIER", "STATE", "GOI-2"): 20000,
    (date(2021, 6, 2), "COVISHIELD", "STATE", "RPR", "ISS-1"): 40000,
    (date(2021, 6, 2), "COVISHIELD", "STATE", "DRG", "ISS-2"): 30000,
    (date(2021, 6, 5), "COVISHIELD", "RPR", "WASTAGE", "W-1"): 120,
    (date(2021, 6, 6), "COVISHIELD", "ADJUSTMENT", "DRG", "PHY-1"): 10,
}


def test_stock_file_commits_reimports_unchanged_and_corrects(engine) -> None:
    content = stock_csv(STOCK)
    report = run_import(engine, content, "stock.csv")
    assert (report.status, report.kind, report.new, report.problems) == ("committed", "stock", 6, [])
    assert stored_stock(engine) == STOCK_FACTS
    before = snapshot(engine)

    again = run_import(engine, content, "stock.csv")
    assert (again.status, again.unchanged, again.new, again.changed) == ("unchanged", 6, 0, 0)
    assert snapshot(engine) == before

    corrected = [dict(r) for r in STOCK]
    corrected[2]["quantity"] = "45000"
    fixed = run_import(engine, stock_csv(corrected), "stock-corrected.csv")
    assert (fixed.status, fixed.changed, fixed.unchanged) == ("committed", 1, 5)
    assert stored_stock(engine)[(date(2021, 6, 2), "COVISHIELD", "STATE", "RPR", "ISS-1")] == 45000
    with engine.connect() as conn:
        correction = conn.execute(select(Correction.__table__)).one()
    assert (correction.table_name, correction.old_value, correction.new_value) == ("stock_movement", 40000, 45000)
    assert json.loads(correction.natural_key)["reference"] == "ISS-1"


def test_series_file_commits_reimports_unchanged_and_corrects(engine) -> None:
    rows = [{}, {"date": "2021-06-21", "value": "64,80,379"}, {"area": "Raipur", "value": "9,87,654"}]
    assert run_import(engine, series_csv(rows)).status == "committed"
    before = snapshot(engine)
    assert run_import(engine, series_csv(rows)).status == "unchanged"
    assert snapshot(engine) == before

    rows[1]["value"] = "6480380"
    report = run_import(engine, series_csv(rows))
    assert (report.status, report.changed, report.unchanged) == ("committed", 1, 2)
    assert stored_series(engine)[("cowin", "STATE", date(2021, 6, 21), "Total Doses Administered")] == 6480380
    with engine.connect() as conn:
        correction = conn.execute(select(Correction.__table__)).one()
    assert (correction.table_name, correction.old_value, correction.new_value) == ("published_value", 6480379, 6480380)


# --- The import batch --------------------------------------------------------------------------


def test_import_batch_records_kind_file_hash_user_and_counts(engine) -> None:
    first = run_import(engine, BASE_CSV, "doses 2021-06-22.csv", user="officer-a")
    run_import(engine, BASE_CSV, "again.csv", user="officer-a")  # unchanged: no batch
    second = run_import(engine, CORRECTED_CSV, "doses-corrected.csv", user="officer-b")
    stock = run_import(engine, stock_csv(STOCK[:1]), "stock.csv", user="store-keeper")

    with engine.connect() as conn:
        batches = conn.execute(select(ImportBatch.__table__).order_by(ImportBatch.__table__.c.id)).all()
    assert [
        (b.id, b.kind, b.file_name, b.sha256, b.imported_by, b.rows_new, b.rows_changed, b.rows_unchanged, b.status)
        for b in batches
    ] == [
        (
            first.batch_id,
            "doses",
            "doses 2021-06-22.csv",
            hashlib.sha256(BASE_CSV).hexdigest(),
            "officer-a",
            8,
            0,
            0,
            "committed",
        ),
        (
            second.batch_id,
            "doses",
            "doses-corrected.csv",
            hashlib.sha256(CORRECTED_CSV).hexdigest(),
            "officer-b",
            1,
            2,
            6,
            "committed",
        ),
        (stock.batch_id, "stock", "stock.csv", stock.sha256, "store-keeper", 1, 0, 0, "committed"),
    ]
    assert all(b.imported_at is not None for b in batches)
    assert batches[0].imported_at <= batches[1].imported_at <= batches[2].imported_at


def test_counts_beyond_float_precision_are_refused_before_the_database(engine) -> None:
    """2^53 + 1, the first integer a float64 cannot hold, is above every count's maximum: no stored count, nor a
    file's sum of them, can lose precision as a float (data.imports.cells.MAX_PUBLISHED_VALUE)."""
    before = snapshot(engine)
    report = run_import(engine, series_csv([{"value": str(2**53 + 1)}]))
    assert report.status == "rejected"
    assert [(p.row, p.column, p.rule, p.detail) for p in report.problems] == [
        (2, "value", "count_above_maximum", "10,00,00,00,000")
    ]
    assert snapshot(engine) == before


def test_a_large_dose_count_is_treated_alike_on_both_backends(engine) -> None:
    """3,00,00,00,000 doses in one cell is refused with the rule's message on both backends; 1,00,000 is stored."""
    report = run_import(engine, doses_csv([{"doses": "3,00,00,00,000"}]))
    assert (report.status, [p.rule for p in report.problems]) == ("rejected", ["count_above_maximum"])
    report = run_import(engine, doses_csv([{"doses": "1,00,000"}]))
    assert (report.status, report.problems) == ("committed", [])
    assert stored_doses(engine) == {(D22, "RPR", "RPR-PHC-01", "18-44", 1, "COVISHIELD"): 100_000}
