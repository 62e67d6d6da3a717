"""Engines (from DATABASE_URL, default the embedded SQLite file), the app's one engine per process, sessions
and schema creation."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, SQLModel, create_engine

from data import models  # noqa: F401  (registers every table on SQLModel.metadata)

DEFAULT_DB_PATH = Path(__file__).resolve().parent / "teeka.db"
DEFAULT_URL = f"sqlite:///{DEFAULT_DB_PATH}"


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else DATABASE_URL, else the embedded SQLite file."""
    url = url or os.environ.get("DATABASE_URL") or DEFAULT_URL
    # Plain postgresql:// means psycopg 3 here, the only PostgreSQL driver we ship.
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def is_default_database(url: str | None = None) -> bool:
    """True when the engine would use the embedded demo database."""
    return database_url(url) == DEFAULT_URL


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not pysqlite, decide where transactions begin (pysqlite would defer BEGIN
    # until the first write, so reads before it would see another snapshot).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.close()


WRITES = "teeka_writes"
"""Execution option of an engine whose units of work write (see `writing`)."""


def _sqlite_begin(conn) -> None:
    # A unit of work that writes takes SQLite's write lock before its first read (BEGIN IMMEDIATE, waiting up
    # to the busy timeout for it): under WAL, a transaction that read first and writes second fails with
    # SQLITE_BUSY_SNAPSHOT whenever another one wrote in between, so two simultaneous sign-ins lost one.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITES) else "BEGIN")


def writing(engine: Engine) -> Engine:
    """The engine for units of work that read and then write: on SQLite their transactions begin with the write
    lock, so simultaneous ones wait for each other instead of failing; elsewhere the same engine."""
    return engine.execution_options(**{WRITES: True}) if engine.dialect.name == "sqlite" else engine


def make_engine(url: str | None = None) -> Engine:
    """A new engine for the URL; SQLite gets foreign keys, WAL and real transactions."""
    url = database_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


_APP_ENGINES: dict[str, Engine] = {}
_APP_ENGINES_LOCK = threading.Lock()


def app_engine() -> Engine:
    """The app's engine for the configured database: one per process (and URL), schema created on first use."""
    url = database_url()
    with _APP_ENGINES_LOCK:
        engine = _APP_ENGINES.get(url)
        if engine is None:
            engine = make_engine(url)
            create_schema(engine)
            _APP_ENGINES[url] = engine
    return engine


def dispose_app_engines() -> None:
    """Close and forget the app's engines (tests, between databases)."""
    with _APP_ENGINES_LOCK:
        for engine in _APP_ENGINES.values():
            engine.dispose()
        _APP_ENGINES.clear()


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def create_schema(engine: Engine) -> None:
    """Create every table that does not exist yet and seed the reference data from data/master/."""
    from data import master as reference
    from data.rollup import ensure_derived_rollups

    SQLModel.metadata.create_all(engine)
    with engine.begin() as connection:  # a table made before it was append-only gets its triggers too
        for table in models.APPEND_ONLY_TABLES:
            for statement in models.append_only_sql(table, connection.dialect.name):
                connection.exec_driver_sql(statement)
    with Session(engine) as session:
        reference.seed(session=session)
        if session.get(models.ImportLock, 1) is None:
            session.add(models.ImportLock(id=1, imports=0))
        ensure_derived_rollups(session.connection())
        session.commit()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One session for one unit of work: committed at the end, rolled back on any error."""
    with Session(engine) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
