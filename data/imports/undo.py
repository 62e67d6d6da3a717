"""Undoing an import: its changed rows get their previous values back, its new rows go.

`undo_import` works from what a committed import keeps (data.imports.importer): the days it wrote rows on
(import_batch_day), and for each value it replaced the correction with the old value and the import that had
written it (correction_batch). In one transaction, under the import lock:

1. refuse, changing nothing, when the import is unknown or already undone, is a certificate-registry file
   (its corrections revoke certificates: import a corrected file instead), predates this history, when a
   later import changed any row it wrote (every row it wrote must still carry its batch id: undo the later
   import first), or, for stock, when taking its movements back would leave a store below zero on any day
   where it was not as low before;
2. give each changed row its old value and the batch id of the import that had written it (so that import
   can be undone in its turn), and delete the rows it inserted — read day by day through the date-leading
   keys of the fact tables, never by scanning them for the batch id;
3. recompute the rollups of the days and districts it touched, mark the import `undone` and add an `undo`
   row to the audit trail.

Centres the import created stay in the centre list: they may have other rows by then (finding out would
scan the fact table), and a corrected file imported later uses them again. A centre without doses appears
in no report.

A later import that only repeated a row (reported it unchanged) does not hold the row: undoing the import
that wrote it removes it all the same, since that later import changed nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from sqlalchemy import Connection, and_, bindparam, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from data.accounts import audit
from data.imports import registry
from data.imports.files import KIND_COLUMNS
from data.imports.importer import DB_KEY, TABLES, _centre_ids, first_worse_balances, take_import_lock
from data.imports.problems import Problem, details
from data.imports.validate import KEY_COLUMNS, VALUE_COLUMN, contract_kind
from data.models import Centre, Correction, CorrectionBatch, ImportBatch, ImportBatchDay
from data.rollup import CHUNK, refresh_derived_rollups, refresh_district_rollups

UNDOABLE_KINDS = ("doses", "stock", "series")
"""Stored kinds an import can be undone of (the wide published layouts are stored as series)."""
UNDOABLE_FILE_KINDS = tuple(kind for kind in KIND_COLUMNS if contract_kind(kind) in UNDOABLE_KINDS)
"""The file kinds (import_batch.kind) of those."""


@dataclass
class UndoReport:
    """What undoing an import did, or why it was refused (then nothing changed)."""

    batch_id: int
    status: str = "refused"  # undone | refused
    kind: str | None = None
    file_name: str = ""
    restored: int = 0  # changed rows given their previous values back
    deleted: int = 0  # rows the import had added, removed
    days: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "undone"

    def message(self, lang: str = "en") -> str:
        """Why it was refused, in the language ("" when it was not)."""
        return " ".join(problem.message(lang) for problem in self.problems)


class _Refused(Exception):
    def __init__(self, rule: str, detail: str = "") -> None:
        super().__init__(rule)
        self.rule = rule
        self.detail = detail


def undo_import(batch_id: int, *, session: Session, actor: str) -> UndoReport:
    """Undo a committed import in one transaction (this commits the session); see the module's docstring."""
    report = UndoReport(batch_id=int(batch_id))
    try:
        conn = session.connection()
        take_import_lock(conn)
        _undo(report, conn)
        audit.record(
            "undo",
            session=session,
            actor=actor,
            subject=f"import #{report.batch_id} {report.file_name}",
            counts={"restored": report.restored, "deleted": report.deleted},
            detail=f"{report.kind}",
        )
        session.commit()
        report.status = "undone"
    except _Refused as refusal:
        session.rollback()
        report.restored = report.deleted = report.days = 0
        report.problems = [Problem(None, None, str(report.batch_id), refusal.rule, refusal.detail)]
    except SQLAlchemyError as error:
        session.rollback()
        report.restored = report.deleted = report.days = 0
        report.problems = [Problem(None, None, None, "database", type(error.orig or error).__name__)]
    return report


def _undo(report: UndoReport, conn: Connection) -> None:
    batch_table = ImportBatch.__table__
    batch = conn.execute(select(batch_table).where(batch_table.c.id == report.batch_id)).first()
    if batch is None:
        raise _Refused("undo_unknown")
    report.kind, report.file_name = batch.kind, batch.file_name
    if batch.status != "committed":
        raise _Refused("undo_not_committed")
    if batch.kind in registry.KINDS:
        raise _Refused("undo_kind")
    kind = contract_kind(batch.kind)
    if kind not in UNDOABLE_KINDS:
        raise _Refused("undo_kind")
    day_table = ImportBatchDay.__table__
    days = sorted(conn.execute(select(day_table.c.date).where(day_table.c.batch_id == report.batch_id)).scalars())
    corrections = _corrections(kind, report.batch_id, conn)
    written = batch.rows_new + batch.rows_changed
    if (written and not days) or corrections["previous_batch_id"].isna().any():
        raise _Refused("undo_no_history")
    carried = _carried(kind, days, report.batch_id, conn)
    still = int(carried["rows"].sum()) if len(carried) else 0
    if still != written:
        later = ", ".join(f"#{n}" for n in _later_imports(report.batch_id, conn)) or "?"
        raise _Refused("undo_overwritten", details(written - still, later))
    if kind == "stock":
        _check_stock(report.batch_id, days, corrections, conn)
    _restore(kind, corrections, conn)
    report.restored = len(corrections)
    report.deleted = _delete_new(kind, days, report.batch_id, conn)
    report.days = len(days)
    if kind == "doses" and len(carried):
        for day, districts in carried.groupby("date")["district_code"]:
            refresh_district_rollups(conn, [day], districts.unique())
        refresh_derived_rollups(conn, carried["date"].unique(), carried["district_code"].unique())
    conn.execute(update(batch_table).where(batch_table.c.id == report.batch_id).values(status="undone"))


def _corrections(kind: str, batch_id: int, conn: Connection) -> pd.DataFrame:
    """The values the import replaced: key columns (as in files: a centre by code), old value, previous batch."""
    correction, previous = Correction.__table__, CorrectionBatch.__table__
    query = (
        select(correction.c.natural_key, correction.c.old_value, previous.c.previous_batch_id)
        .select_from(correction.outerjoin(previous, previous.c.correction_id == correction.c.id))
        .where(correction.c.batch_id == batch_id)
        .order_by(correction.c.id)
    )
    key = list(KEY_COLUMNS[kind])
    rows = []
    for natural_key, old_value, previous_batch_id in conn.execute(query):
        values = json.loads(natural_key)
        values["date"] = date.fromisoformat(values["date"])
        rows.append([*(values[c] for c in key), old_value, previous_batch_id])
    return pd.DataFrame(rows, columns=[*key, "old", "previous_batch_id"])


def _carried(kind: str, days: list[date], batch_id: int, conn: Connection) -> pd.DataFrame:
    """How many rows still carry the batch id, per day (and district, for daily doses)."""
    table = TABLES[kind]
    frames = []
    for start in range(0, len(days), CHUNK):
        chunk = days[start : start + CHUNK]
        where = [table.c.date.in_(chunk), table.c.batch_id == batch_id]
        if kind == "doses":
            centre = Centre.__table__
            query = (
                select(table.c.date, centre.c.district_code, func.count())
                .select_from(table.join(centre, centre.c.id == table.c.centre_id))
                .where(*where)
                .group_by(table.c.date, centre.c.district_code)
            )
            columns = ["date", "district_code", "rows"]
        else:
            query = select(table.c.date, func.count()).where(*where).group_by(table.c.date)
            columns = ["date", "rows"]
        frames.append(pd.DataFrame([tuple(row) for row in conn.execute(query)], columns=columns))
    if not frames:
        return pd.DataFrame(columns=["date", "district_code", "rows"])
    return pd.concat(frames, ignore_index=True)


def _later_imports(batch_id: int, conn: Connection) -> list[int]:
    """The committed imports that replaced values this import had written."""
    correction, previous, batch = Correction.__table__, CorrectionBatch.__table__, ImportBatch.__table__
    query = (
        select(correction.c.batch_id)
        .select_from(
            correction.join(previous, previous.c.correction_id == correction.c.id).join(
                batch, batch.c.id == correction.c.batch_id
            )
        )
        .where(previous.c.previous_batch_id == batch_id, batch.c.status == "committed")
        .distinct()
        .order_by(correction.c.batch_id)
    )
    return list(conn.execute(query).scalars())


def _check_stock(batch_id: int, days: list[date], corrections: pd.DataFrame, conn: Connection) -> None:
    """Refuse when taking the import's movements back leaves a store lower, below zero, than it was."""
    table = TABLES["stock"]
    key = list(KEY_COLUMNS["stock"])
    vaccines: set[str] = set()
    for start in range(0, len(days), CHUNK):
        chunk = days[start : start + CHUNK]
        where = [table.c.date.in_(chunk), table.c.batch_id == batch_id]
        vaccines.update(conn.execute(select(table.c.vaccine).where(*where).distinct()).scalars())
    query = select(*(table.c[c] for c in key), table.c.quantity, table.c.batch_id).where(
        table.c.vaccine.in_(sorted(vaccines))
    )
    before = pd.DataFrame([tuple(row) for row in conn.execute(query)], columns=[*key, "quantity", "batch_id"])
    before = before.astype({"quantity": "int64"})
    ours = before["batch_id"] == batch_id
    restored = before[ours].merge(corrections[[*key, "old"]], on=key, how="inner")
    restored = restored.assign(quantity=restored["old"].astype("int64")).drop(columns="old")
    after = pd.concat([before[~ours], restored], ignore_index=True)
    worse = first_worse_balances(before, after)
    if len(worse):
        first = worse.iloc[0]
        raise _Refused(
            "undo_stock_below_zero", details(first["store"], first["vaccine"], first["date"], int(first["balance"]))
        )


def _restore(kind: str, corrections: pd.DataFrame, conn: Connection) -> None:
    """Give each replaced row its old value and the batch id of the import that had written it."""
    if corrections.empty:
        return
    table = TABLES[kind]
    key = list(DB_KEY.get(kind, KEY_COLUMNS[kind]))
    rows = corrections
    if kind == "doses":
        ids = _centre_ids(rows["centre_code"].unique(), conn)
        rows = rows.assign(centre_id=rows["centre_code"].map(ids))
    statement = (
        update(table)
        .where(and_(*(table.c[c] == bindparam(f"k_{c}") for c in key)))
        .values({VALUE_COLUMN[kind]: bindparam("v_value"), "batch_id": bindparam("v_batch")})
    )
    parameters = [
        {
            **{f"k_{c}": record[c] for c in key},
            "v_value": int(record["old"]),
            "v_batch": int(record["previous_batch_id"]),
        }
        for record in rows[[*key, "old", "previous_batch_id"]].to_dict("records")
    ]
    conn.execute(statement, parameters)


def _delete_new(kind: str, days: list[date], batch_id: int, conn: Connection) -> int:
    """Delete the rows the import inserted (once its changed rows are restored, the only ones left carrying
    its batch id), day by day; returns how many."""
    table = TABLES[kind]
    deleted = 0
    for start in range(0, len(days), CHUNK):
        chunk = days[start : start + CHUNK]
        deleted += conn.execute(delete(table).where(table.c.date.in_(chunk), table.c.batch_id == batch_id)).rowcount
    return deleted
