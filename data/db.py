"""Engines (from DATABASE_URL, default the embedded SQLite file), the app's one engine per process, sessions,
and the schema: made and upgraded by the migrations in data/migrations/ (`python -m data.db upgrade | check |
current`)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, create_engine

from data import migrations, models
from data.migrations import SchemaBehind, SchemaError, SchemaMismatch, SchemaUnknown

__all__ = ["SchemaBehind", "SchemaError", "SchemaMismatch", "SchemaUnknown"]

DEFAULT_DB_PATH = Path(__file__).resolve().parent / "teeka.db"
DEFAULT_URL = f"sqlite:///{DEFAULT_DB_PATH}"
READ_URL_ENV = "DATABASE_READ_URL"
"""The read replica's URL (optional): cached page reads go there when it is up to date (data.read.query)."""
REPLICA_CONNECT_SECONDS = 3
"""How long a page read waits for the replica to answer a connection before it reads from the primary."""

log = logging.getLogger(__name__)


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


_APP_ENGINES: dict[str, Engine | None] = {}
_APP_ENGINES_LOCK = threading.Lock()


def app_engine() -> Engine:
    """The app's engine for the configured database: one per process (and URL), its schema readied on first use
    (`prepare_schema`: SchemaError, and no engine kept, when the database is not at the code's revision)."""
    url = database_url()
    with _APP_ENGINES_LOCK:
        engine = _APP_ENGINES.get(url)
        if engine is None:
            engine = make_engine(url)
            try:
                prepare_schema(engine)
            except BaseException:
                engine.dispose()
                raise
            _APP_ENGINES[url] = engine
    return engine


def replica_engine() -> Engine | None:
    """The app's engine for the read replica (DATABASE_READ_URL), one per process; None when none is set, or when
    it is not PostgreSQL (said once in the log). Never prepared or written: a standby gets all from its primary."""
    url = os.environ.get(READ_URL_ENV)
    if not url:
        return None
    key = f"read {database_url(url)}"
    with _APP_ENGINES_LOCK:
        if key not in _APP_ENGINES:
            parsed = make_url(database_url(url))
            if parsed.get_backend_name() == "postgresql":
                connect = {"connect_timeout": REPLICA_CONNECT_SECONDS}
                _APP_ENGINES[key] = create_engine(parsed, pool_pre_ping=True, connect_args=connect)
            else:
                shown = parsed.render_as_string(hide_password=True)
                log.warning("%s is not PostgreSQL (%s): pages read from the primary", READ_URL_ENV, shown)
                _APP_ENGINES[key] = None
        return _APP_ENGINES[key]


def dispose_app_engines() -> None:
    """Close and forget the app's engines (tests, between databases)."""
    with _APP_ENGINES_LOCK:
        for engine in _APP_ENGINES.values():
            if engine is not None:
                engine.dispose()
        _APP_ENGINES.clear()


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def create_schema(engine: Engine) -> tuple[str | None, str]:
    """Upgrade the database to head (data/migrations/: empty, made by create_all, or at an older revision) and
    seed the reference data from data/master/; the revisions before and after."""
    revisions = migrations.upgrade(writing(engine))
    seed_reference(engine)
    return revisions


def prepare_schema(engine: Engine) -> None:
    """Ready a database for the app or a command line: the embedded demo one, or an empty one, is upgraded to head;
    any other must be at head already (SchemaBehind, SchemaUnknown: run `python -m data.db upgrade`). Seeded."""
    if not is_default_database(engine.url.render_as_string(hide_password=False)):
        with engine.connect() as connection:
            if migrations.tables(connection):
                migrations.require_head(connection)
    create_schema(engine)


def prepare_command_schema(engine: Engine, program: str) -> None:
    """`prepare_schema` for a command line: when the database is not at the code's revision, exit with status 2
    and a message saying what to run (never a traceback); nothing is done then."""
    try:
        prepare_schema(engine)
    except SchemaError as error:
        engine.dispose()
        print(f"{program}: {error}. Nothing was done.", file=sys.stderr)
        raise SystemExit(2) from None


def seed_reference(engine: Engine) -> None:
    """The reference data, the import lock's row and the derived rollups (idempotent)."""
    from data import master as reference
    from data.rollup import ensure_derived_rollups

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


# --- python -m data.db upgrade | check | current ------------------------------------------------------------


def _shown(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _check(engine: Engine) -> int:
    with engine.connect() as connection:
        revision, head = migrations.current(connection), migrations.head()
        found = [migrations.describe(diff) for diff in migrations.differences(connection)]
        found += migrations.missing_triggers(connection)
    if revision != head:
        found.insert(0, f"the database is at revision {revision or 'none'}, the code at {head}")
    if not found:
        print(f"The database ({_shown(engine)}) is at revision {head} and matches the models.")
        return 0
    print(f"The database ({_shown(engine)}) differs from the models:")
    print("\n".join(f"  - {line}" for line in found))
    return 1


def main(argv: list[str] | None = None) -> int:
    """Exit status: 0 done (check: in step), 1 check found differences or the schema was refused, 2 no database."""
    parser = argparse.ArgumentParser(
        prog="python -m data.db",
        description="The schema of the configured database (DATABASE_URL, else the embedded demo file).",
    )
    parser.add_argument(
        "command",
        choices=("upgrade", "check", "current"),
        help="upgrade: to the code's revision; check: compare the models with the database; current: its revision",
    )
    args = parser.parse_args(argv)
    try:
        engine = make_engine()
    except SQLAlchemyError as error:  # not a URL, or a driver we do not ship
        print(f"python -m data.db {args.command}: DATABASE_URL cannot be used: {error}", file=sys.stderr)
        return 2
    try:
        if args.command == "upgrade":
            before, after = create_schema(engine)
            print(
                f"Already at revision {after}." if before == after else f"Upgraded from {before or 'none'} to {after}."
            )
            return 0
        if args.command == "check":
            return _check(engine)
        with engine.connect() as connection:
            revision = migrations.current(connection)
            empty = not migrations.tables(connection)
        print(revision or ("none (an empty database)" if empty else "none (tables made before migrations)"))
        return 0
    except SchemaError as error:
        print(f"python -m data.db {args.command}: {error}", file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        first_line = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        print(
            f"python -m data.db {args.command}: cannot use the database {_shown(engine)}: {first_line}", file=sys.stderr
        )
        return 2
    finally:
        engine.dispose()


if __name__ == "__main__":
    from data import db  # the module the rest of the code imports, not a second copy of it

    sys.exit(db.main())
