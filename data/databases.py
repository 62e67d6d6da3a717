"""PostgreSQL databases made and dropped on a server: the backup drill's scratch copy, the tests' own database."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url


def quoted(name: str) -> str:
    """A database, table or column name quoted for SQL."""
    return '"' + name.replace('"', '""') + '"'


def sibling_url(url: str, name: str) -> str:
    """The URL of another database on the same server (password kept)."""
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _admin(url: str) -> Engine:
    """An autocommit engine on the server's maintenance database (postgres)."""
    return create_engine(
        make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5}
    )


def _run(url: str, sql: str, parameters: dict | None = None) -> bool:
    """Run one statement on the maintenance database; True when it returned a row."""
    admin = _admin(url)
    try:
        with admin.connect() as conn:
            result = conn.exec_driver_sql(sql, parameters or {})
            return result.returns_rows and result.first() is not None
    finally:
        admin.dispose()


def database_exists(url: str) -> bool:
    return _run(url, "SELECT 1 FROM pg_database WHERE datname = %(name)s", {"name": make_url(url).database})


def create_database(url: str, template: str | None = None) -> None:
    """Create it, empty or as a copy of the database `template` (which must have no connection open)."""
    copy = f" TEMPLATE {quoted(template)}" if template else ""
    _run(url, f"CREATE DATABASE {quoted(str(make_url(url).database))}{copy}")


def drop_database(url: str) -> None:
    """Drop it, closing its connections first; nothing when it does not exist."""
    _run(url, f"DROP DATABASE IF EXISTS {quoted(str(make_url(url).database))} WITH (FORCE)")


@contextmanager
def scratch_database(url: str, prefix: str) -> Iterator[str]:
    """A new empty database on url's server, named prefix + 12 random hex digits; dropped on the way out."""
    scratch = sibling_url(url, f"{prefix}{secrets.token_hex(6)}")
    create_database(scratch)
    try:
        yield scratch
    finally:
        drop_database(scratch)
