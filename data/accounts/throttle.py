"""Throttles kept in the database, so they hold across reloads, sessions and several app servers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select
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


def is_exhausted(bucket: Bucket, subject: str, *, session: Session, now: datetime) -> bool:
    return recent(bucket, subject, session=session, now=now) >= bucket.limit


def count(bucket: Bucket, subject: str, *, session: Session, now: datetime) -> None:
    """Record one event (in the caller's transaction) and prune the subject's old ones."""
    table = ThrottleEvent.__table__
    conn = session.connection()
    stale = (table.c.bucket == bucket.name, table.c.subject == subject, table.c.at < now - KEEP)
    conn.execute(delete(table).where(*stale))
    conn.execute(insert(table).values(bucket=bucket.name, subject=subject, at=now))
