"""The workspace's records: the last import, the import history, the audit trail, the accounts."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data.access import EVERYONE, OFFICER, STAFF, own
from data.accounts import audit, users
from data.models import ImportBatch, UserPublic
from data.read.query import query
from data.read.sql import frame

HISTORY_COLUMNS = [
    "id",
    "imported_at",
    "imported_by",
    "kind",
    "file_name",
    "sha256",
    "rows_new",
    "rows_changed",
    "rows_unchanged",
    "status",
]
"""Columns of the frame import_history returns."""


@query(STAFF)
def last_import(session: Session, /) -> dict | None:
    """The most recent import still in force (committed, not undone): when, by whom, which file."""
    batch = ImportBatch.__table__
    row = (
        session.connection()
        .execute(
            select(batch.c.id, batch.c.kind, batch.c.file_name, batch.c.imported_by, batch.c.imported_at)
            .where(batch.c.status != "undone")
            .order_by(batch.c.id.desc())
            .limit(1)
        )
        .first()
    )
    return dict(row._mapping) if row else None


@query(EVERYONE)
def last_update(session: Session, /) -> datetime | None:
    """When the latest import still in force (of any source) was made, as UTC: nothing about who or which file."""
    batch = ImportBatch.__table__
    latest = select(batch.c.imported_at).where(batch.c.status != "undone").order_by(batch.c.id.desc()).limit(1)
    return session.connection().execute(latest).scalar()


@query(own("imported_by"))
def import_history(session: Session, /, *, imported_by: str | None = None, limit: int = 200) -> pd.DataFrame:
    """The latest imports first (at most `limit`; only those of one user when imported_by is given — a
    collector's own): HISTORY_COLUMNS, imported_at as a UTC timestamp."""
    batch = ImportBatch.__table__
    query = select(*(batch.c[name] for name in HISTORY_COLUMNS)).order_by(batch.c.id.desc())
    if imported_by is not None:
        query = query.where(batch.c.imported_by == imported_by)
    history = frame(session, query.limit(max(0, int(limit))), HISTORY_COLUMNS)
    history["imported_at"] = pd.to_datetime(history["imported_at"], utc=True)
    return history


@query(OFFICER, cached=False)
def audit_trail(
    session: Session,
    /,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    actor: str | None = None,
    action: str | None = None,
    limit: int = 1000,
) -> pd.DataFrame:
    """The audit trail's latest rows first (data.accounts.audit.browse)."""
    return audit.browse(session=session, since=since, until=until, actor=actor, action=action, limit=limit)


@query(OFFICER, cached=False)
def accounts(session: Session, /) -> list[UserPublic]:
    """Every account, without its password hash (data.accounts.users.list_users)."""
    return users.list_users(session=session)
