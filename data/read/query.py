"""The read gate: @query(scope) turns `def f(session, /, ...)` into a query a page calls as f(ctx, ...).

A call is checked and narrowed for the viewer (data.access.Scope), then answered from Streamlit's data cache,
keyed by the query, the data version the frame read for this rerun (Context.version) and the arguments as
narrowed. The viewer is not part of the key: what a collector may not see never reaches the function (their
calls are narrowed or refused first), so one district's narrowed result is another call's key, and what the
public sees is cached once for everybody. An import or an undo changes the data version (on every app
server, since the version is read from the database), so nothing needs clearing.

With a read replica (DATABASE_READ_URL), a cached result is computed there only when the replica's own data
version is the one the frame read from the primary; otherwise (the replica is behind, ahead, or down) from the
primary, said in the log. So a page never shows data older than the version it read. Everything else reads the
primary: the data version itself, uncached reads (accounts, audit trail, import history) and every command.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Concatenate

import streamlit as st
from sqlalchemy import case, func, select
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from data.access import Context, Gated, P, R, Scope
from data.db import app_engine, replica_engine
from data.models import ImportBatch


class Query(Gated[P, R]):
    """A gated read: cached by data version unless declared `cached=False` (what changes without an import:
    accounts, the audit trail, the import history)."""

    def __init__(self, function: Callable[..., R], scope: Scope, cached: bool = True) -> None:
        super().__init__(function, scope)
        self.cached = cached

    def __call__(self, ctx: Context, /, *args: P.args, **kwargs: P.kwargs) -> R:
        arguments = self.arguments(ctx.viewer, *args, **kwargs)
        if not self.cached:
            with Session(app_engine()) as session:
                return self.function(session, **arguments)
        return _cached_result(self.name, ctx.version, tuple(arguments.items()), self)

    def run(self, session: Session, /, *args: P.args, **kwargs: P.kwargs) -> R:
        """The function itself in the caller's session: no scope check, no cache (data/ and its tests only;
        pages never call this)."""
        return self.function(session, *args, **kwargs)


def query(scope: Scope, *, cached: bool = True) -> Callable[[Callable[Concatenate[Session, P], R]], Query[P, R]]:
    """Declare a read and who may make it: @query(STAFF) above `def f(session, /, ...)`; pages call f(ctx, ...)."""

    def gate(function: Callable[Concatenate[Session, P], R]) -> Query[P, R]:
        return Query(function, scope, cached)

    return gate


@st.cache_data(show_spinner=False, max_entries=1024)
def _cached_result(name: str, version: str, arguments: tuple, _query: Query) -> object:
    """One query's result for one data version and argument list (name and arguments make the key)."""
    return read_at_version(version, lambda session: _query.function(session, **dict(arguments)))


REPLICA_REST_SECONDS = 30.0
"""After the replica failed to answer, reads skip it this long (a host that drops packets would otherwise cost
every read the connection timeout)."""
_replica_rests_until = 0.0
log = logging.getLogger(__name__)


def read_at_version(version: str, read: Callable[[Session], R]) -> R:
    """read(session) on the replica when it holds exactly the data version `version` (the one the frame read from
    the primary), else on the primary: never older data than that version."""
    global _replica_rests_until
    replica = replica_engine()
    if replica is not None and time.monotonic() >= _replica_rests_until:
        try:
            with Session(replica) as session:
                # Read before the query: anything replayed in between only makes its answer newer.
                replayed = data_version(session)
                if replayed == version:
                    return read(session)
            log.info("read replica at data version %s, not %s: reading from the primary", replayed, version)
        except DBAPIError as error:  # down, unreachable, a query cancelled by replay, a migration not yet replayed
            _replica_rests_until = time.monotonic() + REPLICA_REST_SECONDS
            cause = str(getattr(error, "orig", error)).strip().splitlines() or [type(error).__name__]
            log.warning("read replica failed (%s): reading from the primary for %d s", cause[0], REPLICA_REST_SECONDS)
    with Session(app_engine()) as session:
        return read(session)


def data_version(session: Session) -> str:
    """Changes whenever an import commits or is undone: the key for every cached result (on every app server)."""
    batch = ImportBatch.__table__
    undone = func.coalesce(func.sum(case((batch.c.status == "undone", 1), else_=0)), 0)
    latest, count, undone = session.connection().execute(select(func.max(batch.c.id), func.count(), undone)).one()
    return f"{latest or 0}.{count}.{undone}"


def current_version() -> str:
    """The data version now (the frame reads it once per rerun into the Context)."""
    with Session(app_engine()) as session:
        return data_version(session)
