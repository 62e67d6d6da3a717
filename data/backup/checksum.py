"""Row counts and order-independent checksums of tables, streamed in chunks (never a whole table in memory).

A row is written as one line of tab-separated tokens (`encode_row`); its digest is the first 8 bytes of the line's
SHA-256 read as an unsigned number; a table's checksum is the sum of its rows' digests modulo 2**64, as 16 hex
digits. The sum does not depend on the order rows come in, so no ORDER BY (and no collation) is involved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from data.databases import quoted

CHUNK_ROWS = 10_000
"""Rows fetched per round trip."""

MODULUS = 2**64
EMPTY = f"{0:016x}"
"""The checksum of a table without rows."""


def encode_value(value: object) -> str:
    """One value as text: NULL is \\N, text escapes backslash, tab and newline, bytes are \\x + hex."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    if isinstance(value, bytes | bytearray | memoryview):
        return "\\x" + bytes(value).hex()
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dict | list):
        return encode_value(json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
    return encode_value(str(value))


def _fast(value: object) -> str:
    """encode_value, with the common cases first (the checksum's hot loop)."""
    kind = type(value)
    if kind is int:
        return str(value)
    if kind is str:
        if "\\" in value or "\t" in value or "\n" in value or "\r" in value:  # type: ignore[operator]
            return encode_value(value)
        return value  # type: ignore[return-value]
    if value is None:
        return "\\N"
    if kind is dt.date or kind is dt.datetime:
        return value.isoformat()  # type: ignore[attr-defined]
    return encode_value(value)


def encode_row(row: Iterable[object]) -> str:
    """A row as one line: its values' tokens joined by tabs."""
    return "\t".join(map(_fast, row))


def row_digest(line: str) -> int:
    """The first 8 bytes of the line's SHA-256 (UTF-8), as an unsigned number."""
    return int.from_bytes(hashlib.sha256(line.encode("utf-8")).digest()[:8], "big")


def combine(lines: Iterable[str]) -> tuple[int, str]:
    """Row count and checksum of rows given as encoded lines."""
    count = total = 0
    sha256, from_bytes = hashlib.sha256, int.from_bytes
    for line in lines:
        count += 1
        total += from_bytes(sha256(line.encode("utf-8")).digest()[:8], "big")  # row_digest, inlined
    return count, f"{total % MODULUS:016x}"


@dataclass(frozen=True)
class TableSum:
    """What a manifest records of one table."""

    rows: int
    checksum: str
    columns: tuple[str, ...]


def table_names(conn: Connection) -> list[str]:
    """The tables of the connection's default schema, sorted."""
    return sorted(inspect(conn).get_table_names())


def table_sum(conn: Connection, table: str) -> TableSum:
    """Rows and checksum of one table, fetched CHUNK_ROWS at a time on the driver's own cursor (a server-side
    one on PostgreSQL), inside the connection's transaction."""
    raw = conn.connection.dbapi_connection
    if raw is None:
        raise RuntimeError("the connection is closed")
    cursor = raw.cursor(name=f"teeka_backup_{table}") if conn.dialect.name == "postgresql" else raw.cursor()
    try:
        cursor.execute(f"SELECT * FROM {quoted(table)}")
        columns = tuple(column[0] for column in cursor.description)

        def lines() -> Iterable[str]:
            join = "\t".join
            while chunk := cursor.fetchmany(CHUNK_ROWS):
                for row in chunk:
                    yield join(map(_fast, row))  # encode_row, inlined

        rows, checksum = combine(lines())
    finally:
        cursor.close()
    return TableSum(rows=rows, checksum=checksum, columns=columns)


def database_sums(conn: Connection) -> dict[str, TableSum]:
    """Every table's rows and checksum, by table name (run it inside one transaction for one snapshot)."""
    return {table: table_sum(conn, table) for table in table_names(conn)}
