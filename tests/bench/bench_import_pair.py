"""Two versions of the code, one day's import each in turn: ratios that hold on a machine whose speed changes.

    python tests/bench/bench_import_pair.py BEFORE AFTER --database DB [--before-database DB0] [--pairs 9]

BEFORE and AFTER are checkouts of this repository (``git worktree add /tmp/before <commit>``); DB is a database
that ``bench_data.py --keep`` built (a SQLite file, or a PostgreSQL URL, which must have no connection open). Each
checkout runs in its own process on its own copy of DB (a file copy; ``CREATE DATABASE … TEMPLATE`` on
PostgreSQL; --before-database gives BEFORE a database of its own, when a revision between them changed the
schema), and they import in turn — a new day's file (bench_data.day_file), then the same file again — the
order of each pair alternating. Prints each side's median and the median of the pairs' ratios (after ÷ before):
on a shared machine whose speed changes by 2× from one minute to the next, the ratio of two runs a few seconds
apart holds where two medians taken minutes apart do not. Copies are removed at the end.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("new", "same")


@contextmanager
def database_copy(database: str):
    """A copy of the database, removed on the way out: its SQLAlchemy URL (this checkout's data.databases makes it;
    imported here, as a worker imports its own checkout's data package)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from data.databases import create_database, drop_database, sibling_url

    if "://" in database and not database.startswith("sqlite"):
        source = database.rsplit("/", 1)[1]
        url = sibling_url(database, f"teeka_pair_{secrets.token_hex(4)}")
        create_database(url, template=source)
        try:
            yield url
        finally:
            drop_database(url)
        return
    path = Path(database.removeprefix("sqlite:///"))
    copy = Path(tempfile.gettempdir()) / f"teeka-pair-{secrets.token_hex(4)}.db"
    shutil.copyfile(path, copy)
    try:
        yield f"sqlite:///{copy}"
    finally:
        for leftover in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm")):
            leftover.unlink(missing_ok=True)


def worker(code: str, url: str) -> None:
    """Run in a checkout's process: on each line "new" or "same" from stdin, import and print the milliseconds."""
    sys.path.insert(0, code)
    from datetime import date, timedelta

    import pandas as pd
    from sqlalchemy import text

    from data.db import make_engine
    from tests.bench.bench_data import day_file, import_file

    engine = make_engine(url)
    with engine.connect() as conn:
        query = text("SELECT id, code, name, district_code FROM centre ORDER BY id")
        centres = pd.DataFrame(conn.execute(query).all(), columns=["id", "code", "name", "district_code"])
        last = date.fromisoformat(str(conn.execute(text("SELECT max(date) FROM daily_dose")).scalar()))
    print("ready", flush=True)
    content, day = b"", 0
    for line in sys.stdin:
        if line.strip() == "new":
            day += 1
            content = day_file(centres, last + timedelta(days=day), seed=day)
        started = time.perf_counter()
        import_file(engine, content, "committed" if line.strip() == "new" else "unchanged")
        print(f"{(time.perf_counter() - started) * 1000:.1f}", flush=True)
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="checkout of the code before")
    parser.add_argument("after", help="checkout of the code after")
    parser.add_argument("--database", required=True, help="a kept bench database: SQLite file or PostgreSQL URL")
    parser.add_argument("--before-database", help="BEFORE's own database (default: a copy of --database too)")
    parser.add_argument("--pairs", type=int, default=9)
    args = parser.parse_args(argv)
    with ExitStack() as stack:
        sources = (args.before_database or args.database, args.database)
        urls = [stack.enter_context(database_copy(source)) for source in sources]
        workers = [
            subprocess.Popen(
                [sys.executable, __file__, "--worker", str(Path(code).resolve()), url],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
            for code, url in zip((args.before, args.after), urls, strict=True)
        ]
        try:
            for process in workers:
                if process.stdout.readline().strip() != "ready":
                    raise RuntimeError("a worker did not start")
            times = {kind: ([], []) for kind in KINDS}
            for pair in range(args.pairs):
                for kind in KINDS:
                    for side in (0, 1) if pair % 2 == 0 else (1, 0):
                        workers[side].stdin.write(kind + "\n")
                        workers[side].stdin.flush()
                        times[kind][side].append(float(workers[side].stdout.readline()))
        finally:
            for process in workers:
                process.stdin.close()
                process.wait()
    for kind, (before, after) in times.items():
        ratios = [b / a for a, b in zip(before, after, strict=True)]
        label = "new date" if kind == "new" else "same file again"
        print(
            f"{label}: before {statistics.median(before):.0f} ms, after {statistics.median(after):.0f} ms, "
            f"median of the paired ratios {statistics.median(ratios):.2f} ({args.pairs} pairs)"
        )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(sys.argv[2], sys.argv[3])
    else:
        sys.exit(main())
