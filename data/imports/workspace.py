"""What the workspace pages may do with imports: preview and commit an upload, undo an import, enter stock.

Each is a command (data.access): a collector may preview and commit daily doses of their own district only
(their district is the importer's allowed_districts, whatever the file says); undo and stock entry are the
state officer's. The signed-in user is the import's and the audit row's actor.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from data.access import OFFICER, STAFF, Context, command
from data.imports import stock_entry
from data.imports.importer import FileReport, import_bytes
from data.imports.stock_entry import EntryResult
from data.imports.undo import UndoReport, undo_import


def _allowed_districts(ctx: Context) -> list[str] | None:
    """A collector's own district; None (any) for the officer."""
    return [ctx.viewer.district_code] if ctx.viewer.role == "collector" else None


@command(STAFF, writes=False)
def preview_upload(session: Session, ctx: Context, /, content: bytes, file_name: str) -> FileReport:
    """A dry run of importing an uploaded file: what a commit would do, and every problem; writes nothing."""
    return import_bytes(
        content,
        file_name,
        session=session,
        dry_run=True,
        user=ctx.viewer.username,
        allowed_districts=_allowed_districts(ctx),
    )


@command(STAFF)
def commit_upload(session: Session, ctx: Context, /, content: bytes, file_name: str) -> FileReport:
    """Import an uploaded file, all or nothing, as the signed-in user."""
    return import_bytes(
        content, file_name, session=session, user=ctx.viewer.username, allowed_districts=_allowed_districts(ctx)
    )


@command(OFFICER)
def undo_upload(session: Session, ctx: Context, /, batch_id: int) -> UndoReport:
    """Undo a committed import (data.imports.undo), as the signed-in officer."""
    return undo_import(batch_id, session=session, actor=ctx.viewer.username)


@command(OFFICER)
def enter_movement(
    session: Session,
    ctx: Context,
    /,
    kind: str,
    *,
    day: date,
    vaccine: str,
    quantity: int | None,
    reference: str,
    store: str | None = None,
) -> EntryResult:
    """Record a receipt, an issue or a wastage from the stock form (data.imports.stock_entry.record_movement)."""
    return stock_entry.record_movement(
        kind,
        session=session,
        user=ctx.viewer.username,
        day=day,
        vaccine=vaccine,
        quantity=quantity,
        reference=reference,
        store=store,
    )


@command(OFFICER)
def enter_count(
    session: Session, ctx: Context, /, *, day: date, vaccine: str, store: str, counted: int | None, reference: str
) -> EntryResult:
    """Record a physical count from the stock form (data.imports.stock_entry.record_count)."""
    return stock_entry.record_count(
        session=session,
        user=ctx.viewer.username,
        day=day,
        vaccine=vaccine,
        store=store,
        counted=counted,
        reference=reference,
    )
