"""SQLite: an online backup with the sqlite3 backup API (safe while the app writes), and a restore that copies a
backup into a target file the same way."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from data.backup.errors import BackupError

HEADER = b"SQLite format 3\x00"
PAGES_PER_STEP = 4096
"""Pages copied per backup step: the app's writers get the lock between steps."""


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(HEADER)) == HEADER


def _open(path: Path, mode: str) -> sqlite3.Connection:
    """mode: ro (read only), rw (an existing file; a WAL database may need its -shm written), rwc (created)."""
    if mode != "rwc" and not path.is_file():
        raise BackupError(f"no SQLite database at {path}")
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=30)
    except sqlite3.Error as error:
        raise BackupError(f"cannot open the SQLite database {path}: {error}") from None


def copy(source: Path, target: Path, source_mode: str = "rw") -> None:
    """Copy one SQLite database into another (created or replaced) with the backup API; the target is left in
    rollback-journal mode, a single self-contained file."""
    with closing(_open(source, source_mode)) as src, closing(_open(target, "rwc")) as dst:
        try:
            src.backup(dst, pages=PAGES_PER_STEP)
            dst.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error as error:
            raise BackupError(f"the SQLite backup of {source} into {target} failed: {error}") from None


def check_integrity(path: Path) -> None:
    """PRAGMA integrity_check on a copy; a BackupError naming what it found."""
    with closing(_open(path, "ro")) as conn:
        found = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if found != ["ok"]:
        raise BackupError(f"{path} fails SQLite's integrity check: {'; '.join(found[:3])}")


def has_tables(path: Path) -> bool:
    """True when the file exists and holds a table."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with closing(_open(path, "ro")) as conn:
        try:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone() is not None
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not a SQLite database ({error}); add --force to replace it") from None
