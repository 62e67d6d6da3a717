"""The officer workspace's audit trail: who did what, when, to what — append-only in the database.

`record` adds a row in the caller's transaction (so an import and its audit row commit or roll back
together). The table refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) by triggers that
`SQLModel.metadata.create_all` installs with the table (see `data.models.append_only_sql`), as it does for
`lookup_audit`; `install_append_only` installs them again on an existing database, idempotently.

A subject names what an event was about (a batch id, a username, a file name), never a person's data: as a
second line of defence, any run of 10 or more digits in a subject or detail (a mobile, an ID number, a
reference id) is masked to its last four digits before it is stored.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from data.access import STAFF, Context, command
from data.models import APPEND_ONLY_TABLES, AuditEvent, append_only_sql

if TYPE_CHECKING:
    import pandas as pd

ACTIONS = (
    "import",
    "correction",
    "undo",
    "stock-entry",
    "export",
    "user-add",
    "user-disable",
    "user-reset",
    "user-link",
    "sign-in",
    "sign-in-failed",
    "sign-out",
    "lookup-trail",
)
"""The action codes in use (others of the same shape are accepted: lower-case words joined by hyphens)."""

COLUMNS = ["id", "at", "actor", "action", "subject", "counts", "detail"]
"""Columns of the frame `browse` returns."""

_ACTION = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_LONG_DIGITS = re.compile(r"\d{10,}")
_LIMITS = {"actor": 64, "action": 32, "subject": 200, "detail": 500}


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _mask_digits(text: str) -> str:
    return _LONG_DIGITS.sub(lambda match: "X" * (len(match.group()) - 4) + match.group()[-4:], text)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def record(
    action: str,
    *,
    session: Session,
    actor: str,
    subject: str = "",
    counts: dict[str, int] | None = None,
    detail: str = "",
    now: datetime | None = None,
) -> None:
    """Add one audit row in the caller's transaction (the caller commits)."""
    if not _ACTION.fullmatch(action or "") or len(action) > _LIMITS["action"]:
        raise ValueError(f"audit action must be a short lower-case code such as 'import', not {action!r}")
    if not (actor or "").strip():
        raise ValueError("audit actor is required (a username, 'system' or 'cli')")
    values = {
        "at": _utc(now or datetime.now(UTC)),
        "actor": _clip(actor.strip(), _LIMITS["actor"]),
        "action": action,
        "subject": _clip(_mask_digits(str(subject or "")), _LIMITS["subject"]),
        "counts": json.dumps(counts, sort_keys=True, ensure_ascii=False) if counts else None,
        "detail": _clip(_mask_digits(str(detail or "")), _LIMITS["detail"]),
    }
    session.connection().execute(insert(AuditEvent.__table__).values(**values))


def record_now(action: str, *, session: Session, **fields) -> None:
    """record(), then commit: for an event that writes nothing else (a download, an export)."""
    record(action, session=session, **fields)
    session.commit()


@command(STAFF)
def record_download(session: Session, ctx: Context, /, file_name: str, rows: int, detail: str = "") -> None:
    """A signed-in user's download (what, how many rows; not the data): its "export" row, committed."""
    record_now(
        "export", session=session, actor=ctx.viewer.username, subject=file_name, counts={"rows": rows}, detail=detail
    )


def browse(
    *,
    session: Session,
    since: datetime | None = None,
    until: datetime | None = None,
    actor: str | None = None,
    action: str | None = None,
    limit: int = 1000,
) -> pd.DataFrame:
    """The latest audit rows first (at most `limit`), from `since` (inclusive) to `until` (exclusive), for one
    actor and/or action. `at` is a UTC timestamp; `counts` is the JSON text as recorded (None when none)."""
    table = AuditEvent.__table__
    query = select(*(table.c[name] for name in COLUMNS)).order_by(table.c.at.desc(), table.c.id.desc())
    if since is not None:
        query = query.where(table.c.at >= _utc(since))
    if until is not None:
        query = query.where(table.c.at < _utc(until))
    if actor:
        query = query.where(table.c.actor == actor)
    if action:
        query = query.where(table.c.action == action)
    import pandas as pd  # here, so that the CLI of data.accounts.users starts without it

    rows = session.connection().execute(query.limit(max(0, int(limit)))).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=COLUMNS)
    frame["at"] = pd.to_datetime(frame["at"], utc=True)
    return frame


def install_append_only(bind: Engine | Connection) -> None:
    """Install (again) the triggers that refuse UPDATE, DELETE (and TRUNCATE on PostgreSQL) on audit_event and
    lookup_audit.

    Idempotent. `create_all` already runs this when it creates the tables; this is for a database whose tables
    were created otherwise."""
    if isinstance(bind, Engine):
        with bind.begin() as connection:
            install_append_only(connection)
        return
    if not append_only_sql("audit_event", bind.dialect.name):
        raise NotImplementedError(f"no append-only triggers for {bind.dialect.name}")
    for table in APPEND_ONLY_TABLES:
        for statement in append_only_sql(table, bind.dialect.name):
            bind.exec_driver_sql(statement)
