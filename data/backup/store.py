"""dump and restore for either database kind, each writing or checking the manifest beside the dump."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from data.backup import postgres, sqlite
from data.backup.checksum import TableSum, database_sums
from data.backup.errors import BackupError, shown, unreachable
from data.backup.manifest import Manifest, TableCheck, compare, read_manifest, schema_revision, write_manifest
from data.db import database_url

KINDS = ("sqlite", "postgresql")
SUFFIX = {"sqlite": ".db", "postgresql": ".dump"}


def kind_of(url: str) -> str:
    """sqlite or postgresql; a BackupError for any other URL."""
    try:
        backend = make_url(url).get_backend_name()
    except (ArgumentError, ValueError):  # a malformed URL; a port that is not a number
        raise BackupError(f"not a database URL: {shown(url)!r}") from None
    if backend not in KINDS:
        raise BackupError(f"unsupported database {backend!r} in {shown(url)}: only sqlite and postgresql")
    return backend


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError(f"{shown(url)} is not a SQLite file")
    return Path(database)


@contextmanager
def engine_for(url: str) -> Iterator[Engine]:
    """An engine on the URL, disposed afterwards; a database that does not answer is a BackupError."""
    url = database_url(url)
    kind_of(url)
    engine = create_engine(url)  # no app pragmas: reading a dump must not turn it into WAL
    try:
        yield engine
    except DBAPIError as error:
        raise unreachable(url, error) from None
    finally:
        engine.dispose()


def default_target(kind: str, folder: Path) -> Path:
    """backups/teeka-<UTC time>.dump (or .db) in the folder."""
    return folder / f"teeka-{datetime.now(UTC):%Y%m%dT%H%M%SZ}{SUFFIX[kind]}"


@dataclass(frozen=True)
class Dumped:
    path: Path
    manifest: Manifest


def dump(url: str | None = None, to: Path | None = None) -> Dumped:
    """Back up the database (the configured one by default) into `to` and write its manifest beside it. `to` is
    the dump file when it has a suffix (teeka.dump), else a folder for a dated name (default ./backups/)."""
    url = database_url(url)
    kind = kind_of(url)
    folder = to is None or to.is_dir() or not to.suffix
    target = default_target(kind, to or Path("backups")) if folder else to
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    created = datetime.now(UTC).isoformat(timespec="seconds")
    server = None
    if kind == "sqlite":
        source = sqlite_path(url)
        if target.resolve() == source.resolve():
            raise BackupError(f"the dump {target} would overwrite the database itself: choose another --to")
        sqlite.copy(source, target)
        sums, revision = read_sums(f"sqlite:///{target}")
    else:
        with engine_for(url) as engine:
            sums, _, server = postgres.dump(engine, url, target)
            with engine.connect() as conn:
                revision = schema_revision(conn, list(sums))
    manifest = Manifest(
        kind=kind,
        created_at=created,
        dump=target.name,
        dump_bytes=target.stat().st_size,
        revision=revision,
        server_version=server,
        seconds=round(time.perf_counter() - started, 3),
        tables=sums,
    )
    write_manifest(manifest, target)
    return Dumped(target, manifest)


def read_sums(url: str) -> tuple[dict[str, TableSum], str | None]:
    """Every table's sums and the schema revision, read in one snapshot (a live database may be written meanwhile):
    REPEATABLE READ on PostgreSQL, an explicit BEGIN on SQLite (pysqlite would not begin before a SELECT)."""
    with engine_for(url) as engine:
        snapshot = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
        with engine.connect().execution_options(**snapshot) as conn, conn.begin():
            if engine.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN")
            sums = database_sums(conn)
            return sums, schema_revision(conn, list(sums))


def restore(dump_file: Path, into: str, force: bool = False) -> Manifest:
    """Restore a dump into the database at `into` (PostgreSQL: created when missing); a non-empty target only
    with force. The dump's manifest says which kind it is."""
    if not dump_file.is_file():
        raise BackupError(f"no dump at {dump_file}")
    manifest = read_manifest(dump_file)
    into = database_url(into)
    kind = kind_of(into)
    if kind != manifest.kind:
        raise BackupError(f"{dump_file} is a {manifest.kind} dump; it cannot be restored into {kind} ({shown(into)})")
    if kind == "sqlite":
        target = sqlite_path(into)
        if not force and sqlite.has_tables(target):
            raise BackupError(f"{target} is not empty: restore into a new file, or add --force to replace it")
        if not sqlite.is_sqlite_file(dump_file):
            raise BackupError(f"{dump_file} is not a SQLite database")
        target.parent.mkdir(parents=True, exist_ok=True)
        for leftover in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
            leftover.unlink(missing_ok=True)
        sqlite.copy(dump_file, target, source_mode="ro")
        sqlite.check_integrity(target)
    else:
        try:
            postgres.restore(dump_file, into, force, create_engine)
        except DBAPIError as error:
            raise unreachable(into, error) from None
    return manifest


def verify(manifest: Manifest, url: str) -> list[TableCheck]:
    """The database at url table by table against the manifest."""
    found, _ = read_sums(url)
    return compare(manifest.tables, found)
