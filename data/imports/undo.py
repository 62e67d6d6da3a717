"""Undoing an import: its changed rows get their previous values back, its new rows go.

`undo_import` works from what a committed import keeps (data.imports.facts): the days it wrote rows on
(import_batch_day), and for each value it replaced the correction with the old value and the import that had
written it (correction_batch). The import's kind (data.imports.kinds) undoes it. In one transaction, under the
import lock:

1. refuse, changing nothing, when the import is unknown or already undone, is of a kind that cannot be undone
   (a certificate-registry file: its corrections revoke certificates; import a corrected file instead),
   predates this history (or was written by no importer, as the demo's data), when a later import changed any
   row it wrote (every row it wrote must still carry its batch id: undo the later import first), or, for
   stock, when taking its movements back would leave a store below zero on any day where it was not as low
   before;
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

from dataclasses import dataclass, field

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from data.accounts import audit
from data.imports import kinds
from data.imports.importer import take_import_lock
from data.imports.kind import UndoRefused
from data.imports.problems import Problem
from data.models import ImportBatch

UNDOABLE_FILE_KINDS = tuple(kind.code for kind in kinds.KINDS if kind.undoable)
"""The file kinds (import_batch.kind) an import can be undone of."""


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
    except UndoRefused as refusal:
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
        raise UndoRefused("undo_unknown")
    report.kind, report.file_name = batch.kind, batch.file_name
    if batch.status != "committed":
        raise UndoRefused("undo_not_committed")
    kind = kinds.by_code(batch.kind)
    if kind is None:  # written by no importer (the demo's data): it kept nothing undoing needs
        raise UndoRefused("undo_no_history")
    if kind.undo is None:
        raise UndoRefused("undo_kind")
    undone = kind.undo(report.batch_id, batch.rows_new + batch.rows_changed, conn)
    report.restored, report.deleted, report.days = undone.restored, undone.deleted, undone.days
    conn.execute(update(batch_table).where(batch_table.c.id == report.batch_id).values(status="undone"))
