"""PostgreSQL: pg_dump/pg_restore matching the server, a dump consistent with its manifest (one exported
snapshot), and scratch databases made and dropped on the same server."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import Connection, Engine, make_url

from data.backup.checksum import TableSum, database_sums
from data.backup.errors import BackupError, shown
from data.databases import create_database, database_exists

PG_LIB = Path("/usr/lib/postgresql")
"""Where Debian installs each PostgreSQL version's programs (<major>/bin)."""

TIMEOUT_SECONDS = 6 * 3600


def server_major(conn: Connection) -> int:
    """The server's major version (150020 -> 15)."""
    return int(conn.exec_driver_sql("SHOW server_version_num").scalar_one()) // 10000


def _major_of(program: str) -> int | None:
    try:
        out = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=30, check=False).stdout
    except OSError:
        return None
    found = re.search(r"(\d+)(?:\.\d+)?", out)
    return int(found.group(1)) if found else None


def find_tool(name: str, major: int) -> str:
    """pg_dump or pg_restore for a server of this major version: /usr/lib/postgresql/<major>/bin first, else the
    one on PATH if it is as new as the server (older ones refuse a newer server)."""
    candidate = PG_LIB / str(major) / "bin" / name
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return str(candidate)
    on_path = shutil.which(name)
    if on_path and (_major_of(on_path) or 0) >= major:
        return on_path
    newer = sorted(PG_LIB.glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    for path in reversed(newer):
        if path.parts[-3].isdigit() and int(path.parts[-3]) >= major:
            return str(path)
    found = f" (the one on PATH, {on_path}, is older than the server)" if on_path else ""
    raise BackupError(
        f"{name} for PostgreSQL {major} not found{found}: install postgresql-client-{major} "
        f"(it puts {name} in {PG_LIB / str(major) / 'bin'})"
    )


def libpq(url: str) -> tuple[str, dict[str, str]]:
    """The URL as a libpq connection string without its password, and the environment that carries it."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except OSError as error:
        raise BackupError(f"cannot run {command[0]}: {error}") from None
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()
        raise BackupError(f"{what} failed (exit {result.returncode}): {detail[-1] if detail else 'no message'}")


def dump(engine: Engine, url: str, target: Path) -> tuple[dict[str, TableSum], int, str]:
    """pg_dump --format=custom into target while the checksums are read from the same exported snapshot; the
    tables' sums, the server's major version and its full version."""
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn, conn.begin():
        major = server_major(conn)
        version = str(conn.exec_driver_sql("SHOW server_version").scalar_one())
        program = find_tool("pg_dump", major)
        snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
        dsn, env = libpq(url)
        command = [program, "--format=custom", f"--snapshot={snapshot}", f"--file={target}", f"--dbname={dsn}"]
        try:
            process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        except OSError as error:
            raise BackupError(f"cannot run {program}: {error}") from None
        try:
            sums = database_sums(conn)
        finally:
            _, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
        if process.returncode != 0:
            detail = stderr.strip().splitlines()
            raise BackupError(f"pg_dump failed (exit {process.returncode}): {detail[-1] if detail else 'no message'}")
    return sums, major, version


def has_tables(conn: Connection) -> bool:
    """True when any schema but the system ones holds a table."""
    found = conn.exec_driver_sql(
        "SELECT 1 FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') LIMIT 1"
    )
    return found.first() is not None


def restore(dump_file: Path, url: str, force: bool, connect: Callable[[str], Engine]) -> None:
    """pg_restore into the database at url (made when it does not exist); a non-empty one only with force, then
    the dump's objects are dropped first (--clean). The append-only triggers come after the data: none disabled."""
    if not database_exists(url):
        create_database(url)
    engine = connect(url)
    try:
        with engine.connect() as conn:
            major = server_major(conn)
            occupied = has_tables(conn)
    finally:
        engine.dispose()
    if occupied and not force:
        raise BackupError(f"{shown(url)} is not empty: restore into an empty database, or add --force to replace it")
    dsn, env = libpq(url)
    command = [find_tool("pg_restore", major), "--no-owner", "--exit-on-error", "--single-transaction"]
    if occupied:
        command += ["--clean", "--if-exists"]
    _run([*command, f"--dbname={dsn}", str(dump_file)], env, "pg_restore")
