"""Data-layer benchmark at state scale: bulk build, one day's validated import, the headline queries.

    python tests/bench/bench_data.py [--url URL] [--rows 15000000] [--repeat 5] [--loader bulk|core]

Default: a fresh SQLite file under /tmp (removed afterwards unless --keep). With
``--url postgresql+psycopg://user@host/db`` a uniquely named database is created next to the given one
and dropped at the end. Prints a Markdown table (median, target, ratio) and writes it to
tests/bench/out/ (git-ignored). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sqlalchemy import Engine, func, insert, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlmodel import Session  # noqa: E402

from data import demo  # noqa: E402
from data.bulk import bulk_load, insert_columns  # noqa: E402
from data.databases import create_database, drop_database, sibling_url  # noqa: E402
from data.db import create_schema, make_engine  # noqa: E402
from data.imports.importer import import_bytes  # noqa: E402
from data.models import Centre, DailyDose, DoseRollup, ImportBatch, ReportingRollup  # noqa: E402
from data.read import doses  # noqa: E402
from data.rollup import refresh_rollups  # noqa: E402

OUT_DIR = Path(__file__).resolve().parent / "out"
FIRST_DAY = date(2021, 4, 1)
CENTRES = 2600
CELLS = sorted(
    [
        (band, dose, vaccine)
        for band in ("18-44", "45-59", "60+")
        for dose in (1, 2)
        for vaccine in ("COVAXIN", "COVISHIELD")
    ]
    + [("15-17", 1, "COVAXIN"), ("15-17", 2, "COVAXIN"), ("60+", 3, "COVAXIN"), ("60+", 3, "COVISHIELD")]
)
"""The 16 (age band, dose, vaccine) cells every centre reports every day, in the table's key order."""
YEAR_DAYS = 361
"""Days of the state year at 15 M rows (2,600 centres × 16 cells a day); the queries' window."""
COLUMNS = ("date", "centre_id", "age_band", "dose_number", "vaccine", "doses", "batch_id")
TARGET_LOAD_S = 120.0
TARGET_IMPORT_S = {"sqlite": 0.3, "postgresql": 0.5}
"""One day's validated import at state-year scale, rollups included (issue 15)."""
TARGET_QUERY_S = 0.020


@dataclass
class Figure:
    """One line of the result table."""

    what: str
    seconds: float
    target: float | None = None
    rows: int | None = None

    def markdown(self) -> str:
        """The figure as a Markdown table row."""
        rows = f"{self.rows:,}" if self.rows is not None else ""
        target = _duration(self.target) if self.target else "–"
        ratio = f"{self.seconds / self.target:.2f}" if self.target else "–"
        return f"| {self.what} | {rows} | {_duration(self.seconds)} | {target} | {ratio} |"


def _duration(seconds: float) -> str:
    """Seconds in the unit a reader expects: ms below one second."""
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _median_time(run: Callable[[int], object], repeat: int) -> float:
    """Median wall time of run(i) for i in range(repeat)."""
    times = []
    for i in range(repeat):
        started = time.perf_counter()
        run(i)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# --- Databases ---------------------------------------------------------------------------------


@contextmanager
def fresh_database(url: str | None, keep: bool) -> Iterator[Engine]:
    """A new empty database with the schema: a SQLite file under /tmp, or a new PostgreSQL database."""
    if url is None or make_url(url).get_backend_name() == "sqlite":
        path = Path(tempfile.gettempdir()) / f"teeka-bench-{secrets.token_hex(4)}.db"
        engine = make_engine(url or f"sqlite:///{path}")
        path = Path(engine.url.database)
        try:
            create_schema(engine)
            yield engine
        finally:
            engine.dispose()
            if not keep:
                for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    leftover.unlink(missing_ok=True)
        return
    server = make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    url = sibling_url(server, f"teeka_bench_{secrets.token_hex(4)}")
    create_database(url)
    engine = make_engine(url)
    try:
        create_schema(engine)
        yield engine
    finally:
        engine.dispose()
        if not keep:
            drop_database(url)


def database_size(engine: Engine) -> int:
    """Bytes on disk: the SQLite file (after a checkpoint) or the PostgreSQL database."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return Path(engine.url.database).stat().st_size
        return conn.execute(select(func.pg_database_size(func.current_database()))).scalar_one()


# --- Building the state-year database ----------------------------------------------------------


def insert_centres(engine: Engine) -> pd.DataFrame:
    """The demo's 2,600 centres (same names and districts), with their ids."""
    centres = demo.make_centres(np.random.default_rng(1), CENTRES, demo.district_targets())
    with engine.begin() as conn:
        rows = centres.assign(active=True)[["code", "name", "district_code", "active"]].to_dict("records")
        conn.execute(insert(Centre.__table__), rows)
        ids = dict(conn.execute(select(Centre.code, Centre.id)).all())
    return centres.assign(id=centres["code"].map(ids))[["id", "code", "name", "district_code"]]


def day_rows(rng: np.random.Generator, centre_ids: np.ndarray, day: date, batch_id: int) -> dict[str, list]:
    """All centres × all CELLS for one day as plain Python lists (COLUMNS), small random counts, never zero."""
    count = len(centre_ids) * len(CELLS)
    bands, doses, vaccines = (list(column) for column in zip(*CELLS, strict=True))
    return {
        "date": [day] * count,
        "centre_id": np.repeat(centre_ids, len(CELLS)).tolist(),
        "age_band": bands * len(centre_ids),
        "dose_number": doses * len(centre_ids),
        "vaccine": vaccines * len(centre_ids),
        "doses": (rng.poisson(6, count) + 1).tolist(),
        "batch_id": [batch_id] * count,
    }


def _bulk(conn, days: Iterator[dict[str, list]]) -> None:
    """data.bulk.insert_columns inside bulk_load, as data.demo loads (then ANALYZE on PostgreSQL)."""
    with bulk_load(conn, DailyDose.__table__):
        _rows(conn, days)


def _rows(conn, days: Iterator[dict[str, list]]) -> None:
    """data.bulk.insert_columns, as the importer uses it: executemany of tuples (SQLite), COPY (PostgreSQL)."""
    for day in days:
        insert_columns(conn, DailyDose.__table__, day)


def _core(conn, days: Iterator[dict[str, list]]) -> None:
    """SQLAlchemy Core executemany of dicts."""
    for day in days:
        rows = zip(*(day[column] for column in COLUMNS), strict=True)
        conn.execute(insert(DailyDose.__table__), [dict(zip(COLUMNS, row, strict=True)) for row in rows])


def build(engine: Engine, rows: int, loader: str) -> tuple[list[Figure], list[date], pd.DataFrame]:
    """The state-year database: ~rows daily_dose rows, all centres every day, then the rollups."""
    centres = insert_centres(engine)
    days = [FIRST_DAY + timedelta(days=i) for i in range(max(1, round(rows / (len(centres) * len(CELLS)))))]
    rng = np.random.default_rng(2021)
    ids = centres["id"].to_numpy()
    with engine.begin() as conn:
        batch_id = _batch(conn, "bench", len(days) * len(ids) * len(CELLS))
    generating = [0.0]
    frames = _timed((day_rows(rng, ids, day, batch_id) for day in days), generating)
    method, write = _loader(engine, loader)
    started = time.perf_counter()
    with engine.begin() as conn:
        write(conn, frames)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    with engine.begin() as conn:
        refresh_rollups(conn, days)
    rolled = time.perf_counter() - started
    total = len(days) * len(ids) * len(CELLS)
    target = TARGET_LOAD_S * total / 15_000_000 if engine.dialect.name == "sqlite" else None
    figures = [
        Figure(
            f"bulk load daily_dose, {len(days)} days × {len(ids):,} centres ({method}; "
            f"includes {generating[0]:.1f} s making the rows)",
            loaded,
            target,
            total,
        ),
    ]
    if engine.dialect.name == "postgresql":
        plain = plain_copy(engine)
        figures += [
            Figure("plain COPY of the same rows (text from a file) into a same-primary-key table", plain, None, total),
            Figure(
                f"bulk load without making the rows ÷ plain COPY: {(loaded - generating[0]) / plain:.2f}×",
                loaded - generating[0],
                None,
                total,
            ),
        ]
    figures.append(Figure(f"refresh_rollups over all {len(days)} days", rolled, None, total))
    return figures, days, centres


def plain_copy(engine: Engine) -> float:
    """Seconds to COPY daily_dose's rows, as text from a file, into a new table with its columns, primary key and
    check but no foreign key (a DBA's plain COPY); the table and file are removed afterwards."""
    with tempfile.TemporaryFile() as text:
        with engine.connect() as conn:
            cursor = conn.connection.driver_connection.cursor()
            with cursor.copy("COPY daily_dose TO STDOUT") as copy:
                for block in copy:
                    text.write(block)
            conn.exec_driver_sql("CREATE TABLE bench_plain_copy (LIKE daily_dose INCLUDING ALL)")
            conn.commit()
        text.seek(0)
        try:
            started = time.perf_counter()
            with engine.begin() as conn:
                cursor = conn.connection.driver_connection.cursor()
                with cursor.copy("COPY bench_plain_copy FROM STDIN") as copy:
                    while block := text.read(1 << 20):
                        copy.write(block)
            return time.perf_counter() - started
        finally:
            with engine.begin() as conn:
                conn.exec_driver_sql("DROP TABLE bench_plain_copy")


def _timed(items: Iterator, spent: list[float]) -> Iterator:
    """The items, adding the time spent producing them to spent[0]."""
    iterator = iter(items)
    while True:
        started = time.perf_counter()
        item = next(iterator, None)
        spent[0] += time.perf_counter() - started
        if item is None:
            return
        yield item


def _loader(engine: Engine, loader: str) -> tuple[str, Callable]:
    """The bulk writer for this choice, with how it is described in the output."""
    if loader == "core":
        return "SQLAlchemy Core executemany of dicts, one transaction", _core
    method = "DBAPI executemany of tuples" if engine.dialect.name == "sqlite" else "COPY FROM STDIN"
    checks = "references checked per row" if engine.dialect.name == "sqlite" else "references checked per statement"
    if loader == "rows":
        return f"data.bulk.insert_columns: {method}, {checks}, one transaction", _rows
    analyse = ", then ANALYZE (bulk_load)" if engine.dialect.name == "postgresql" else ""
    return f"data.bulk.insert_columns: {method}, {checks}{analyse}, one transaction", _bulk


def _batch(conn, kind: str, rows: int) -> int:
    """An ImportBatch row for the bulk-loaded rows."""
    table = ImportBatch.__table__
    values = {"kind": kind, "file_name": kind, "sha256": "0" * 64, "imported_by": "bench", "rows_new": rows}
    statement = insert(table).values(imported_at=datetime.now(UTC), **values).returning(table.c.id)
    return conn.execute(statement).scalar_one()


# --- One day's import through the validated path -----------------------------------------------


def day_file(centres: pd.DataFrame, day: date, seed: int) -> bytes:
    """One day's daily-doses CSV of the data contract for every centre (~42,000 rows)."""
    frame = pd.DataFrame(day_rows(np.random.default_rng(seed), centres["id"].to_numpy(), day, 0))
    by_id = centres.set_index("id")
    frame = frame.assign(
        district=frame["centre_id"].map(by_id["district_code"]),
        centre_code=frame["centre_id"].map(by_id["code"]),
        centre_name=frame["centre_id"].map(by_id["name"]),
        date=day.isoformat(),
    )
    columns = ["date", "district", "centre_code", "centre_name", "age_band", "dose_number", "vaccine", "doses"]
    return frame[columns].to_csv(index=False).encode("utf-8")


def import_file(engine: Engine, content: bytes, expected: str) -> None:
    """import_bytes in its own session; fails loudly unless the status is the expected one."""
    with Session(engine) as session:
        report = import_bytes(content, "day.csv", session=session, user="bench")
    if report.status != expected:
        raise RuntimeError(f"import {report.status}, expected {expected}: {report.problems[:3]}")


def time_imports(engine: Engine, centres: pd.DataFrame, last_day: date, repeat: int) -> list[Figure]:
    """Median of `repeat` imports of a new day's file, then of re-importing the last one unchanged."""
    files = [day_file(centres, last_day + timedelta(days=i + 1), seed=i) for i in range(repeat)]
    rows = files[0].count(b"\n") - 1
    new = _median_time(lambda i: import_file(engine, files[i], "committed"), repeat)
    same = _median_time(lambda i: import_file(engine, files[-1], "unchanged"), repeat)
    target = TARGET_IMPORT_S[engine.dialect.name]
    return [
        Figure("import one day's CSV (validate, insert, rollups), new date", new, target, rows),
        Figure("re-import the same file (all rows unchanged)", same, target, rows),
    ]


# --- Headline queries --------------------------------------------------------------------------


def _frame(engine: Engine, query) -> pd.DataFrame:
    """The query's result; rows become plain tuples first (pandas is ~5× slower on SQLAlchemy Row objects)."""
    with engine.connect() as conn:
        result = conn.execute(query)
        return pd.DataFrame([tuple(row) for row in result], columns=list(result.keys()))


def state_per_day(engine: Engine, first: date, last: date) -> pd.DataFrame:
    """State doses per day (Core, reporting_rollup)."""
    table = ReportingRollup.__table__
    query = select(table.c.date, func.sum(table.c.doses).label("doses")).where(table.c.date.between(first, last))
    return _frame(engine, query.group_by(table.c.date).order_by(table.c.date))


def district_per_day(engine: Engine, first: date, last: date) -> pd.DataFrame:
    """Doses per day and district (Core, reporting_rollup)."""
    table = ReportingRollup.__table__
    query = select(table.c.date, table.c.district_code, table.c.doses).where(table.c.date.between(first, last))
    return _frame(engine, query.order_by(table.c.date, table.c.district_code))


def band_by_dose(engine: Engine, day: date) -> pd.DataFrame:
    """Age band × dose number for one date (Core, dose_rollup)."""
    table = DoseRollup.__table__
    keys = (table.c.age_band, table.c.dose_number)
    query = select(*keys, func.sum(table.c.doses).label("doses")).where(table.c.date == day).group_by(*keys)
    return _frame(engine, query).pivot(index="age_band", columns="dose_number", values="doses")


def top_bottom_districts(engine: Engine, day: date) -> pd.DataFrame:
    """The 5 fastest and 5 slowest districts by average daily doses over the 7 days to `day` (Core)."""
    table = ReportingRollup.__table__
    average = (func.sum(table.c.doses) / 7.0).label("average")
    query = (
        select(table.c.district_code, average)
        .where(table.c.date.between(day - timedelta(days=6), day))
        .group_by(table.c.district_code)
        .order_by(average.desc())
    )
    ranked = _frame(engine, query)
    return pd.concat([ranked.head(5), ranked.tail(5)])


def _with_session(engine: Engine, call: Callable[[Session], object]) -> object:
    with Session(engine) as session:
        return call(session)


def headline_queries(engine: Engine, first: date, last: date) -> list[tuple[str, Callable[[], object]]]:
    """The four headline queries, in Core and through data.read (in a session, without the page's gate)."""
    runs = [
        ("state doses per day, whole year (Core, reporting_rollup)", lambda: state_per_day(engine, first, last)),
        ("day × district, whole year (Core, reporting_rollup)", lambda: district_per_day(engine, first, last)),
        ("age band × dose, one date (Core, dose_rollup)", lambda: band_by_dose(engine, last)),
        (
            "top/bottom 5 districts by 7-day average (Core, reporting_rollup)",
            lambda: top_bottom_districts(engine, last),
        ),
    ]
    week = last - timedelta(days=6)
    return runs + [
        (
            "doses.daily_doses(): state per day, year",
            lambda: _with_session(engine, lambda s: doses.daily_doses.run(s, start=first, end=last)),
        ),
        (
            "doses.daily_doses(by=district): day × district, year",
            lambda: _with_session(
                engine, lambda s: doses.daily_doses.run(s, start=first, end=last, by=("district_code",))
            ),
        ),
        (
            "doses.total_doses(by=band, dose): one date",
            lambda: _with_session(
                engine, lambda s: doses.total_doses.run(s, start=last, end=last, by=("age_band", "dose_number"))
            ),
        ),
        (
            "doses.total_doses(by=district), 7 days → top/bottom 5",
            lambda: _with_session(
                engine,
                lambda s: (
                    doses.total_doses.run(s, start=week, end=last, by=("district_code",))
                    .sort_values("doses")
                    .iloc[[*range(5), *range(-5, 0)]]
                ),
            ),
        ),
    ]


def time_queries(engine: Engine, first: date, last: date, repeat: int) -> list[Figure]:
    """Median time of each headline query, result frame included (one warm-up run first)."""
    figures = []
    for what, run in headline_queries(engine, first, last):
        rows = len(run())
        figures.append(Figure(what, _median_time(lambda _i, run=run: run(), repeat), TARGET_QUERY_S, rows))
    return figures


# --- Report ------------------------------------------------------------------------------------


def report(figures: list[Figure], engine: Engine, size: int, started: datetime) -> str:
    """The Markdown table with a line saying where and how it was measured."""
    backend = engine.dialect.name
    version = sqlite3.sqlite_version if backend == "sqlite" else _server_version(engine)
    lines = [
        f"Measured {started:%Y-%m-%d} on {os.cpu_count()} CPU(s), Python {platform.python_version()}, "
        f"{backend} {version}; database size after the build: {size / 1e9:.2f} GB.",
        "",
        "| measure | rows | median | target | ratio to target |",
        "|---|--:|--:|--:|--:|",
        *(figure.markdown() for figure in figures),
    ]
    return "\n".join(lines)


def _server_version(engine: Engine) -> str:
    with engine.connect() as conn:
        return conn.exec_driver_sql("SHOW server_version").scalar_one()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="SQLAlchemy URL: a SQLite file, or a PostgreSQL server (a new db is made)")
    parser.add_argument("--rows", type=int, default=15_000_000, help="daily_dose rows to build (default 15M)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure; the median is reported")
    parser.add_argument("--loader", choices=("bulk", "rows", "core"), default="bulk", help="the bulk writer")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args(argv)

    started = datetime.now()
    with fresh_database(args.url, args.keep) as engine:
        print(f"building ~{args.rows:,} rows in {engine.url.render_as_string(hide_password=True)} …", flush=True)
        figures, days, centres = build(engine, args.rows, args.loader)
        size = database_size(engine)
        print(f"built in {sum(f.seconds for f in figures):.0f} s; timing imports and queries …", flush=True)
        figures += time_imports(engine, centres, days[-1], args.repeat)
        # The queries ask for the last year whatever the table holds: at 3× (three years) they read as much.
        figures += time_queries(engine, max(days[0], days[-1] - timedelta(days=YEAR_DAYS - 1)), days[-1], args.repeat)
        table = report(figures, engine, size, started)
    print(table)
    OUT_DIR.mkdir(exist_ok=True)
    out = OUT_DIR / f"bench-{engine.dialect.name}-{started:%Y%m%d-%H%M%S}.md"
    out.write_text(table + "\n", encoding="utf-8")
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
