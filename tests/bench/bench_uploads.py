"""Hostile uploads, timed: each file goes through what the Upload page does with it (data.imports.uploads.check_upload,
then a dry-run import_bytes on a fresh SQLite database), in a process of its own, measuring seconds and peak RSS.

    python tests/bench/bench_uploads.py [--root /work/main] [--cases csv-bad-5mb,...] [--timeout 300]

--root runs the same files against another checkout (its data/ and stats/ packages), to compare before and after.
Prints a Markdown table: the file, its size, what was answered (the first rule and how many problems), seconds,
the process's peak RSS and its growth over the baseline after start-up. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.data.imports import bombs  # noqa: E402

GOOD_ROW = "2021-06-22,Raipur,RPR-PHC-01,PHC Mana,18-44,1,Covishield,5"

CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "xlsx-100mb-no-dimension": ("doses.xlsx", lambda: bombs.xlsx_bad_rows(100 << 20)),
    "xlsx-45mb-no-dimension": ("doses.xlsx", lambda: bombs.xlsx_bad_rows(45 << 20)),
    "xlsx-far-cells-100k": (
        "doses.xlsx",
        lambda: bombs.with_parts(bombs.template(), {bombs.SHEET: bombs.far_cells_sheet(100_000)}),
    ),
    "xlsx-dimension-claims-whole-sheet": (
        "doses.xlsx",
        lambda: bombs.with_parts(bombs.template(), {bombs.SHEET: bombs.dimension_bomb()}),
    ),
    "xlsx-billion-laughs": (
        "doses.xlsx",
        lambda: bombs.with_parts(bombs.template(), {bombs.SHEET: bombs.BILLION_LAUGHS}),
    ),
    "csv-bad-5mb": ("doses.csv", lambda: bombs.csv_bad_rows(5 << 20)),
    "csv-bad-20mb": ("doses.csv", lambda: bombs.csv_bad_rows(20 << 20)),
    "csv-200k-identical-rows": ("doses.csv", lambda: bombs.csv_rows(200_000, GOOD_ROW)),
}

CHILD = r"""
import json, resource, sys, time
from datetime import date
root, path, name, url = sys.argv[1:5]
sys.path.insert(0, root)
from sqlmodel import Session
from data.db import create_schema, make_engine
from data.imports.importer import import_bytes
from data.imports.uploads import check_upload
engine = make_engine(url)
create_schema(engine)
content = open(path, "rb").read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
problems = check_upload(name, content)
if not problems:
    with Session(engine) as session:
        problems = import_bytes(content, name, session=session, dry_run=True, today=date(2021, 7, 1)).problems
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
rules = [p.rule for p in problems]
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "growth_mb": (peak - base) / 1024,
                  "first": rules[0] if rules else "", "problems": len(rules),
                  "last": problems[-1].message("en")[:90] if problems else ""}))
"""


def run(root: Path, case: str, timeout: float, folder: Path) -> dict:
    name, build = CASES[case]
    content = build()
    path = folder / f"{case}-{name}"
    path.write_bytes(content)
    url = f"sqlite:///{folder / (case + '.db')}"
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(root), str(path), name, url],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"case": case, "size_mb": len(content) / 2**20, "first": f"timeout after {timeout:.0f} s"}
    if done.returncode != 0:
        return {"case": case, "size_mb": len(content) / 2**20, "first": "error: " + done.stderr.strip()[-200:]}
    return {"case": case, "size_mb": len(content) / 2**20} | json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    print(f"root: {args.root}\n")
    print("| file | size | answer | problems | seconds | peak RSS | growth |")
    print("|---|---:|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for case in args.cases.split(","):
            r = run(args.root.resolve(), case, args.timeout, Path(folder))
            print(
                f"| {r['case']} | {r['size_mb']:.2f} MB | {r['first']} | {r.get('problems', '')} | "
                f"{r.get('seconds', float('nan')):.1f} | {r.get('peak_mb', float('nan')):.0f} MB | "
                f"{r.get('growth_mb', float('nan')):.0f} MB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
