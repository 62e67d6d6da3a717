"""Throttles kept in the database, so they hold across reloads, sessions and several app servers.

A caller asks `is_exhausted` before it acts and `count`s the event in the same transaction. Two requests of one
subject at the same moment must not both read a count below the limit: on PostgreSQL `is_exhausted` first takes
a transaction-scoped advisory lock of the bucket and subject (released at commit or rollback), so the second
reads the count the first wrote; on SQLite the caller's unit of work holds the database's write lock from its
start (data.db.writing). Locks are taken in the order the caller asks, always the same in one code path.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select, text
from sqlmodel import Session

from data.models import ThrottleEvent

KEEP = timedelta(days=1)
"""Events older than this are pruned (per subject, as it is counted): no bucket looks further back."""


@dataclass(frozen=True)
class Bucket:
    """At most `limit` counted events per subject within `window`."""

    name: str
    limit: int
    window: timedelta


def recent(bucket: Bucket, subject: str, *, session: Session, now: datetime) -> int:
    """Events of the subject within the bucket's window."""
    table = ThrottleEvent.__table__
    query = select(func.count()).where(
        table.c.bucket == bucket.name, table.c.subject == subject, table.c.at > now - bucket.window
    )
    return session.connection().execute(query).scalar_one()


def hold(bucket: Bucket, subject: str, *, session: Session) -> None:
    """Serialise the subject's events in this bucket until the transaction ends (PostgreSQL; see above)."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(f"{bucket.name}:{subject}".encode()).digest()[:8], "big", signed=True)
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def is_exhausted(bucket: Bucket, subject: str, *, session: Session, now: datetime) -> bool:
    """Whether the subject has used up the bucket (held for the rest of the transaction: see `hold`)."""
    hold(bucket, subject, session=session)
    return recent(bucket, subject, session=session, now=now) >= bucket.limit


def count(bucket: Bucket, subject: str, *, session: Session, now: datetime) -> None:
    """Record one event (in the caller's transaction) and prune the subject's old ones."""
    table = ThrottleEvent.__table__
    conn = session.connection()
    stale = (table.c.bucket == bucket.name, table.c.subject == subject, table.c.at < now - KEEP)
    conn.execute(delete(table).where(*stale))
    conn.execute(insert(table).values(bucket=bucket.name, subject=subject, at=now))
