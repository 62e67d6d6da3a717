"""Undoing an import, and the history and audit rows of imports, on SQLite and PostgreSQL.

Hand-worked example (Covishield unless said):

  A  21 June  Raipur RPR-01  18-44 dose 1: 100     45-59 dose 2: 40
     22 June  Durg   DRG-01  60+   dose 1: 30
     → 21 June: Raipur 140; 22 June: Durg 30; June: 170.
  B  the same keys with 18-44 → 120 (changed), 45-59 → 40 (unchanged), Durg 60+ → 35 (changed);
     new: 22 June Raipur RPR-02 18-44 dose 1 Covaxin 50; 23 June Bastar BST-01 18-44 dose 1: 70
     → 21 June: Raipur 160; 22 June: Durg 35, Raipur 50; 23 June: Bastar 70; June: 315.
  undo B → exactly A again (values, batch ids and every rollup); then undo A → nothing.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import delete, event, func, select
from sqlmodel import Session

from data.accounts import audit
from data.imports.undo import UndoReport, undo_import
from data.models import (
    Centre,
    Correction,
    CorrectionBatch,
    DailyDose,
    ImportBatch,
    ImportBatchDay,
    MonthDoseRollup,
    StateDoseRollup,
)
from data.read.workspace import HISTORY_COLUMNS, import_history
from tests.conftest import snapshot
from tests.files import (
    beneficiaries_csv,
    doses_csv,
    expected_rollups,
    run_import,
    series_csv,
    stock_csv,
    stored_doses,
    stored_rollups,
    stored_series,
    stored_stock,
)

D21, D22, D23 = date(2021, 6, 21), date(2021, 6, 22), date(2021, 6, 23)
JUNE = date(2021, 6, 1)
FACT_AND_ROLLUP_TABLES = (
    "daily_dose",
    "dose_rollup",
    "centre_rollup",
    "reporting_rollup",
    "state_dose_rollup",
    "month_dose_rollup",
)

A = [
    {"date": "2021-06-21", "centre_code": "RPR-01", "doses": "100"},
    {"date": "2021-06-21", "centre_code": "RPR-01", "age_band": "45-59", "dose_number": "2", "doses": "40"},
    {"date": "2021-06-22", "district": "Durg", "centre_code": "DRG-01", "centre_name": "DH Durg", "age_band": "60+",
     "doses": "30"},
]  # fmt: skip
A_FACTS = {
    (D21, "RPR", "RPR-01", "18-44", 1, "COVISHIELD"): 100,
    (D21, "RPR", "RPR-01", "45-59", 2, "COVISHIELD"): 40,
    (D22, "DRG", "DRG-01", "60+", 1, "COVISHIELD"): 30,
}
B = [
    {**A[0], "doses": "120"},
    A[1],
    {**A[2], "doses": "35"},
    {"date": "2021-06-22", "centre_code": "RPR-02", "centre_name": "CHC Tilda", "vaccine": "Covaxin", "doses": "50"},
    {"date": "2021-06-23", "district": "Bastar", "centre_code": "BST-01", "centre_name": "PHC Bakawand", "doses": "70"},
]
B_FACTS = A_FACTS | {
    (D21, "RPR", "RPR-01", "18-44", 1, "COVISHIELD"): 120,
    (D22, "DRG", "DRG-01", "60+", 1, "COVISHIELD"): 35,
    (D22, "RPR", "RPR-02", "18-44", 1, "COVAXIN"): 50,
    (D23, "BST", "BST-01", "18-44", 1, "COVISHIELD"): 70,
}


def _undo(engine, batch_id: int, actor: str = "officer.test") -> UndoReport:
    with Session(engine) as session:
        return undo_import(batch_id, session=session, actor=actor)


def _history(engine, **kwargs):
    with Session(engine) as session:
        return import_history.run(session, **kwargs)


def _audit(engine, action: str | None = None):
    with Session(engine) as session:
        return audit.browse(session=session, action=action).sort_values("id").reset_index(drop=True)


def _state_by_day(engine) -> dict[date, int]:
    table = StateDoseRollup.__table__
    with engine.connect() as conn:
        return dict(conn.execute(select(table.c.date, func.sum(table.c.doses)).group_by(table.c.date)).all())


def _month_by_district(engine) -> dict[tuple, int]:
    table = MonthDoseRollup.__table__
    query = select(table.c.month, table.c.district_code, func.sum(table.c.doses)).group_by(
        table.c.month, table.c.district_code
    )
    with engine.connect() as conn:
        return {(month, district): doses for month, district, doses in conn.execute(query)}


def _facts_and_rollups(engine) -> dict[str, list[tuple]]:
    everything = snapshot(engine)
    return {name: everything[name] for name in FACT_AND_ROLLUP_TABLES}


def _import(engine, content: bytes, file_name: str = "upload.csv", **kwargs):
    report = run_import(engine, content, file_name, **kwargs)
    assert report.status == "committed", report.problems
    return report


# --- Undoing daily doses ---------------------------------------------------------------------------


def test_undo_restores_the_previous_values_and_totals(engine) -> None:
    a = _import(engine, doses_csv(A), "a.csv")
    after_a = _facts_and_rollups(engine)
    assert _state_by_day(engine) == {D21: 140, D22: 30}
    b = _import(engine, doses_csv(B), "b.csv")
    assert (b.new, b.changed, b.unchanged) == (2, 2, 1)
    assert stored_doses(engine) == B_FACTS
    assert _state_by_day(engine) == {D21: 160, D22: 85, D23: 70}
    assert _month_by_district(engine) == {(JUNE, "RPR"): 210, (JUNE, "DRG"): 35, (JUNE, "BST"): 70}

    report = _undo(engine, b.batch_id)

    assert report.ok, report.message()
    assert (report.status, report.kind, report.file_name) == ("undone", "doses", "b.csv")
    assert (report.restored, report.deleted, report.days) == (2, 2, 3)
    assert stored_doses(engine) == A_FACTS
    assert stored_rollups(engine) == expected_rollups(A_FACTS)
    assert _state_by_day(engine) == {D21: 140, D22: 30}
    assert _month_by_district(engine) == {(JUNE, "RPR"): 140, (JUNE, "DRG"): 30}
    # Every row as after A, batch ids included: the restored rows carry A's batch again.
    assert _facts_and_rollups(engine) == after_a
    with engine.connect() as conn:
        batch_ids = set(conn.execute(select(DailyDose.__table__.c.batch_id)).scalars())
        centres = set(conn.execute(select(Centre.__table__.c.code)).scalars())
    assert batch_ids == {a.batch_id}
    assert centres == {"RPR-01", "DRG-01", "RPR-02", "BST-01"}  # centres the import created stay
    history = _history(engine)
    assert history[["id", "status"]].values.tolist() == [[b.batch_id, "undone"], [a.batch_id, "committed"]]


def test_an_earlier_import_can_be_undone_once_the_later_one_is(engine) -> None:
    a = _import(engine, doses_csv(A))
    b = _import(engine, doses_csv(B))
    assert _undo(engine, b.batch_id).ok
    report = _undo(engine, a.batch_id)
    assert report.ok, report.message()
    assert (report.restored, report.deleted) == (0, 3)
    assert stored_doses(engine) == {}
    assert all(rows == [] for rows in _facts_and_rollups(engine).values())
    # The same file imported again after its undo is new again.
    again = _import(engine, doses_csv(A))
    assert (again.new, again.changed, again.unchanged) == (3, 0, 0)
    assert stored_doses(engine) == A_FACTS


def test_undo_is_refused_while_a_later_import_holds_its_rows(engine) -> None:
    a = _import(engine, doses_csv(A))
    b = _import(engine, doses_csv(B))
    before = snapshot(engine)

    report = _undo(engine, a.batch_id)

    assert report.status == "refused"
    assert [(p.rule, p.value, p.detail) for p in report.problems] == [
        ("undo_overwritten", str(a.batch_id), f"2|#{b.batch_id}")
    ]
    assert report.message() == (
        f"a later import (#{b.batch_id}) changed 2 of the rows import #{a.batch_id} wrote; undo that import first."
    )
    assert report.message("hi").startswith(f"बाद के आयात (#{b.batch_id}) ने आयात #{a.batch_id} की लिखी 2 पंक्तियाँ")
    assert snapshot(engine) == before  # nothing changed, no audit row


def test_undo_twice_is_refused_the_second_time(engine) -> None:
    _import(engine, doses_csv(A))
    b = _import(engine, doses_csv(B))
    assert _undo(engine, b.batch_id).ok
    before = snapshot(engine)
    report = _undo(engine, b.batch_id)
    assert [(p.rule, p.value) for p in report.problems] == [("undo_not_committed", str(b.batch_id))]
    assert report.message() == f"import #{b.batch_id} has already been undone: there is nothing left to undo."
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("case", "rule"),
    [("unknown", "undo_unknown"), ("registry", "undo_kind"), ("no_history", "undo_no_history")],
    ids=["unknown import", "registry file", "imported before undo existed"],
)
def test_undo_is_refused_and_changes_nothing(engine, case: str, rule: str) -> None:
    batch_id = 99
    if case == "registry":
        batch_id = _import(engine, beneficiaries_csv([{}])).batch_id
    elif case == "no_history":
        batch_id = _import(engine, doses_csv(A)).batch_id
        with engine.begin() as conn:  # as a database from before undo was possible: no days recorded
            conn.execute(delete(ImportBatchDay.__table__))
    before = snapshot(engine)
    report = _undo(engine, batch_id)
    assert report.status == "refused"
    assert [p.rule for p in report.problems] == [rule]
    assert report.message() and report.message("hi") and report.message() != report.message("hi")
    assert snapshot(engine) == before


def test_an_unchanged_reimport_does_not_hold_the_rows(engine) -> None:
    a = _import(engine, doses_csv(A))
    assert run_import(engine, doses_csv(A)).status == "unchanged"
    assert _undo(engine, a.batch_id).ok
    assert stored_doses(engine) == {}


# --- Undoing stock movements and published series ------------------------------------------------------

RECEIPT = {
    "date": "2021-06-01",
    "from_store": "SUPPLIER",
    "to_store": "STATE",
    "quantity": "1000",
    "reference": "GRN-1",
}
ISSUE = {"date": "2021-06-02", "from_store": "STATE", "to_store": "Raipur", "quantity": "800", "reference": "ISS-1"}


def test_stock_undo_is_refused_when_a_store_would_go_below_zero(engine) -> None:
    receipt = _import(engine, stock_csv([RECEIPT]))
    issue = _import(engine, stock_csv([ISSUE]))
    before = snapshot(engine)

    report = _undo(engine, receipt.batch_id)

    assert [(p.rule, p.detail) for p in report.problems] == [
        (
            "undo_stock_below_zero",
            "STATE|COVISHIELD|2021-06-02|-800|State store|राज्य भंडार|Covishield|कोविशील्ड|"
            "2 June 2021|2 जून 2021|−800|−800|the state store|राज्य भंडार",
        )
    ]
    assert report.message() == (
        f"undoing import #{receipt.batch_id} would take the state store's Covishield stock below zero on 2 June "
        "2021 (it would be −800 doses); undo the later stock imports that rely on it first."
    )
    assert snapshot(engine) == before
    # In the other order both go.
    assert _undo(engine, issue.batch_id).ok
    assert _undo(engine, receipt.batch_id).ok
    assert stored_stock(engine) == {}


def test_stock_correction_undo_restores_the_quantity(engine) -> None:
    key = (date(2021, 6, 1), "COVISHIELD", "SUPPLIER", "STATE", "GRN-1")
    _import(engine, stock_csv([RECEIPT]))
    corrected = _import(engine, stock_csv([{**RECEIPT, "quantity": "1200"}, ISSUE]))
    assert stored_stock(engine)[key] == 1200
    report = _undo(engine, corrected.batch_id)
    assert (report.restored, report.deleted) == (1, 1)
    assert stored_stock(engine) == {key: 1000}


def test_stock_undo_refused_when_a_correction_taken_back_leaves_too_little(engine) -> None:
    _import(engine, stock_csv([RECEIPT]))
    raised = _import(engine, stock_csv([{**RECEIPT, "quantity": "1200"}]))
    _import(engine, stock_csv([{**ISSUE, "quantity": "1100"}]))
    report = _undo(engine, raised.batch_id)  # the receipt back at 1,000 cannot cover an issue of 1,100
    assert [(p.rule, p.detail) for p in report.problems] == [
        (
            "undo_stock_below_zero",
            "STATE|COVISHIELD|2021-06-02|-100|State store|राज्य भंडार|Covishield|कोविशील्ड|"
            "2 June 2021|2 जून 2021|−100|−100|the state store|राज्य भंडार",
        )
    ]


def test_series_undo_restores_the_published_value(engine) -> None:
    _import(engine, series_csv([{}]))
    original = stored_series(engine)
    changed = _import(engine, series_csv([{"value": "6605600"}, {"date": "2021-06-23", "value": "6700000"}]))
    assert len(stored_series(engine)) == 2
    report = _undo(engine, changed.batch_id)
    assert report.ok, report.message()
    assert (report.restored, report.deleted) == (1, 1)
    assert stored_series(engine) == original
    assert list(original.values()) == [6605593]


# --- What imports keep, the history, and the audit trail -------------------------------------------------


def test_an_import_records_its_days_and_the_batches_it_replaced(engine) -> None:
    a = _import(engine, doses_csv(A))
    b = _import(engine, doses_csv(B))
    with engine.connect() as conn:
        days = conn.execute(select(ImportBatchDay.__table__).order_by("batch_id", "date")).all()
        previous = set(conn.execute(select(CorrectionBatch.__table__.c.previous_batch_id)).scalars())
    assert [tuple(row) for row in days] == [
        (a.batch_id, D21),
        (a.batch_id, D22),
        (b.batch_id, D21),
        (b.batch_id, D22),
        (b.batch_id, D23),
    ]
    assert previous == {a.batch_id}


def test_undo_reads_the_fact_table_by_day_only(engine) -> None:
    _import(engine, doses_csv(A))
    b = _import(engine, doses_csv(B))
    statements: list[str] = []

    def remember(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        assert _undo(engine, b.batch_id).ok
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    on_facts = [s for s in statements if "FROM daily_dose" in s or s.startswith("UPDATE daily_dose")]
    assert on_facts
    for statement in on_facts:
        where = statement.split(" WHERE ", 1)[1]
        assert where.startswith("daily_dose.date"), statement


def test_history_lists_imports_newest_first_and_by_user(engine) -> None:
    a = _import(engine, doses_csv(A), "a.csv", user="collector.rpr")
    b = _import(engine, doses_csv(B), "b.csv", user="officer.test")
    history = _history(engine)
    assert list(history.columns) == HISTORY_COLUMNS
    assert history["id"].tolist() == [b.batch_id, a.batch_id]
    first = history.iloc[1]
    assert (first["imported_by"], first["kind"], first["file_name"], first["sha256"]) == (
        "collector.rpr",
        "doses",
        "a.csv",
        a.sha256,
    )
    assert (first["rows_new"], first["rows_changed"], first["rows_unchanged"], first["status"]) == (
        3,
        0,
        0,
        "committed",
    )
    assert str(history["imported_at"].dt.tz) == "UTC"
    assert _history(engine, imported_by="collector.rpr")["id"].tolist() == [a.batch_id]
    assert _history(engine, limit=1)["id"].tolist() == [b.batch_id]
    assert _history(engine, imported_by="nobody").empty


def test_imports_corrections_and_undo_are_audited(engine) -> None:
    a = _import(engine, doses_csv(A), "a.csv", user="officer.test")
    assert run_import(engine, doses_csv(A)).status == "unchanged"  # writes nothing, audits nothing
    assert run_import(engine, doses_csv([{"doses": "-1"}])).status == "rejected"
    assert run_import(engine, doses_csv(B), dry_run=True).status == "dry-run"
    b = _import(engine, doses_csv(B), "b.csv", user="officer.test")
    assert _undo(engine, b.batch_id, actor="officer.boss").ok

    events = _audit(engine)
    rows = [
        (e.action, e.actor, e.subject, json.loads(e.counts) if e.counts else None, e.detail)
        for e in events.itertuples()
    ]
    assert rows == [
        ("import", "officer.test", f"import #{a.batch_id} a.csv", {"new": 3, "changed": 0, "unchanged": 0},
         f"doses sha256 {a.sha256[:8]}"),
        ("import", "officer.test", f"import #{b.batch_id} b.csv", {"new": 2, "changed": 2, "unchanged": 1},
         f"doses sha256 {b.sha256[:8]}"),
        ("correction", "officer.test", f"import #{b.batch_id} b.csv", {"changed": 2}, ""),
        ("undo", "officer.boss", f"import #{b.batch_id} b.csv", {"restored": 2, "deleted": 2}, "doses"),
    ]  # fmt: skip


def test_the_audit_action_of_an_import_can_be_named(engine) -> None:
    report = _import(engine, stock_csv([RECEIPT]), "entry.csv", user="officer.test", audit_action="stock-entry")
    assert _audit(engine)["action"].tolist() == ["stock-entry"]
    assert _audit(engine)["subject"].tolist() == [f"import #{report.batch_id} entry.csv"]


def test_undo_and_history_of_the_batch_table(engine) -> None:
    """The batch row itself is kept (only its status changes): the history shows what was undone."""
    _import(engine, doses_csv(A))
    b = _import(engine, doses_csv(B))
    _undo(engine, b.batch_id)
    with engine.connect() as conn:
        statuses = dict(conn.execute(select(ImportBatch.__table__.c.id, ImportBatch.__table__.c.status)).all())
    assert statuses[b.batch_id] == "undone"


def test_a_correction_of_two_imports_rows_keeps_each_ones_import_and_gives_it_back(engine) -> None:
    """C corrects the rows of A (21 and 22 June) and of B's new rows (22 and 23 June) at once: each correction names
    the import whose value it replaced, and undoing C gives every row its value and its import back."""
    a = _import(engine, doses_csv(A))
    b = _import(engine, doses_csv(B[3:]))  # B's two new rows only: RPR-02 on 22 June, BST-01 on 23 June
    c = _import(engine, doses_csv([{**row, "doses": str(int(row["doses"]) + 1)} for row in [*A, *B[3:]]]))
    assert (c.new, c.changed, c.unchanged) == (0, 5, 0)
    correction, previous = Correction.__table__, CorrectionBatch.__table__
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                correction.c.natural_key, correction.c.old_value, correction.c.new_value, previous.c.previous_batch_id
            )
            .join(previous, previous.c.correction_id == correction.c.id)
            .where(correction.c.batch_id == c.batch_id)
        ).all()
    replaced = {
        (json.loads(key)["centre_code"], json.loads(key)["age_band"], old, new, by) for key, old, new, by in rows
    }
    assert replaced == {
        ("RPR-01", "18-44", 100, 101, a.batch_id),
        ("RPR-01", "45-59", 40, 41, a.batch_id),
        ("DRG-01", "60+", 30, 31, a.batch_id),
        ("RPR-02", "18-44", 50, 51, b.batch_id),
        ("BST-01", "18-44", 70, 71, b.batch_id),
    }
    report = _undo(engine, c.batch_id)
    assert (report.restored, report.deleted) == (5, 0)
    dose, centre = DailyDose.__table__, Centre.__table__
    with engine.connect() as conn:
        batches = dict(
            conn.execute(select(centre.c.code, dose.c.batch_id).join(centre, centre.c.id == dose.c.centre_id)).all()
        )
    assert batches == {"RPR-01": a.batch_id, "DRG-01": a.batch_id, "RPR-02": b.batch_id, "BST-01": b.batch_id}
    assert stored_doses(engine) == B_FACTS | {(D21, "RPR", "RPR-01", "18-44", 1, "COVISHIELD"): 100,
                                              (D22, "DRG", "DRG-01", "60+", 1, "COVISHIELD"): 30}  # fmt: skip
    assert stored_rollups(engine) == expected_rollups(stored_doses(engine))
