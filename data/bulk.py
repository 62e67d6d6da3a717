"""Fast bulk inserts of plain tuples: DBAPI executemany on SQLite, COPY on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from sqlalchemy import Connection, Table

_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
COPY_LINES = 50_000
"""Rows per write to the COPY stream: bounds the text held in memory at once."""


def _copy_text(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(_COPY_ESCAPES)
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value)


def _copy_column(values: Sequence[object]) -> list[str]:
    """A column in COPY's text format, each distinct value converted once (columns repeat a few values a lot)."""
    texts = {value: _copy_text(value) for value in dict.fromkeys(values)}
    return list(map(texts.__getitem__, values))


def _sqlite_column(values: Sequence[object]) -> Sequence[object]:
    # SQLAlchemy stores dates in SQLite as ISO text; write them the same way.
    if any(isinstance(v, date) for v in values[:1]):
        texts = {v: v.isoformat() if isinstance(v, date) else v for v in dict.fromkeys(values)}  # a few dates
        return list(map(texts.__getitem__, values))
    return values


def insert_columns(conn: Connection, table: Table, data: dict[str, Sequence[object]]) -> int:
    """Insert rows given column-wise (equal-length lists) in the connection's transaction; returns the count.

    Skips SQLAlchemy's per-row parameter processing, which costs more than the write itself at 40k rows.
    """
    names = ", ".join(data)
    columns = [list(v) for v in data.values()]
    count = len(columns[0]) if columns else 0
    if any(len(column) != count for column in columns):
        raise ValueError("insert_columns: columns of different lengths")
    if conn.dialect.name == "postgresql":
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for start in range(0, count, COPY_LINES):
                texts = [_copy_column(column[start : start + COPY_LINES]) for column in columns]
                copy.write("\n".join(map("\t".join, zip(*texts, strict=True))) + "\n")
        return count
    if count:
        batch = list(zip(*(_sqlite_column(column) for column in columns), strict=True))
        placeholders = ", ".join("?" * len(data))
        conn.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({placeholders})", batch)
    return count


@contextmanager
def bulk_load(conn: Connection, table: Table) -> Iterator[None]:
    """A load into an empty or small table (the demo, a benchmark's build): on PostgreSQL, ANALYZE the table at the
    block's end, so the next queries are planned for its new size.

    daily_dose's references are checked once per statement there (revision 0002), not a query per row by foreign
    keys (17 µs a row for its five keys, about ten times a plain COPY of the row), so nothing needs dropping for
    the load: docs/decisions/daily-dose-reference-checks.md.
    """
    yield
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"ANALYZE {table.name}")
