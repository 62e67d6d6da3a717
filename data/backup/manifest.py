"""The JSON manifest written beside a dump: when, which database kind, the schema revision, and per table the row
count, columns and checksum; and the comparison of a database against it."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy.engine import Connection

from data.backup.checksum import TableSum
from data.backup.errors import BackupError
from data.databases import quoted

FORMAT = 1
"""Version of the manifest's layout."""


@dataclass
class Manifest:
    """What a dump holds, to check a restored copy against."""

    kind: str  # sqlite | postgresql
    created_at: str  # ISO 8601, UTC
    dump: str  # the dump's file name (beside the manifest)
    dump_bytes: int = 0
    revision: str | None = None  # alembic_version's, when the table exists
    server_version: str | None = None
    seconds: float = 0.0
    tables: dict[str, TableSum] = field(default_factory=dict)
    format: int = FORMAT

    def to_json(self) -> str:
        data = asdict(self)
        data["tables"] = {name: {**asdict(s), "columns": list(s.columns)} for name, s in self.tables.items()}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        tables = {
            name: TableSum(rows=int(s["rows"]), checksum=str(s["checksum"]), columns=tuple(s["columns"]))
            for name, s in data.pop("tables").items()
        }
        return cls(**data, tables=tables)


def manifest_path(dump: Path) -> Path:
    """Where a dump's manifest lives: beside it, named after it."""
    return dump.with_name(dump.name + ".manifest.json")


def write_manifest(manifest: Manifest, dump: Path) -> Path:
    path = manifest_path(dump)
    path.write_text(manifest.to_json(), encoding="utf-8")
    return path


def read_manifest(dump: Path) -> Manifest:
    """The manifest beside a dump; a clear BackupError when it is missing or unreadable."""
    path = manifest_path(dump)
    try:
        return Manifest.from_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"no manifest beside the dump: {path} is missing") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BackupError(f"the manifest {path} is not readable: {error}") from None


def schema_revision(conn: Connection, tables: list[str]) -> str | None:
    """The alembic revision recorded in the database, if it has an alembic_version table."""
    if "alembic_version" not in tables:
        return None
    rows = conn.exec_driver_sql(f"SELECT version_num FROM {quoted('alembic_version')}").scalars().all()
    return ",".join(sorted(rows)) or None


@dataclass(frozen=True)
class TableCheck:
    """One table of a manifest beside the same table in a restored copy (None: absent there)."""

    table: str
    expected: TableSum | None
    found: TableSum | None

    @property
    def ok(self) -> bool:
        return self.expected == self.found

    @property
    def problem(self) -> str:
        """Why the table does not match ('' when it does)."""
        if self.ok:
            return ""
        if self.found is None:
            return "missing from the restored copy"
        if self.expected is None:
            return "not in the dump's manifest"
        if self.expected.columns != self.found.columns:
            return "columns differ"
        if self.expected.rows != self.found.rows:
            return f"{self.found.rows - self.expected.rows:+d} rows"
        return "checksum differs"


def compare(expected: dict[str, TableSum], found: dict[str, TableSum]) -> list[TableCheck]:
    """Every table of either side, by name."""
    return [TableCheck(name, expected.get(name), found.get(name)) for name in sorted(set(expected) | set(found))]
