"""Certificate benchmark: lookup by reference id among 2 crore (20 million) beneficiaries, and the whole public flow.

    python tests/bench/bench_certificates.py [--db PATH] [--people 20000000] [--samples 20000] [--flows 15]

Builds (unless --db exists) a SQLite registry of --people synthetic beneficiaries and their vaccinations with
data.demo.registry_people (chunks of 10 lakh, hashed as the importer hashes) beside the demo's centres, then
measures, each as the median and p99 of many runs:
  1. the registry read by reference id (SQLAlchemy Core, the query lookup.start runs), random known ids;
  2. the same for unknown ids (the path an enumeration attempt takes);
  3. lookup.start + lookup.redeem + issue.issue (data.certificates) for one person (database, hashing,
     signing), and the time of a matching against a non-matching start (they must not differ);
  4. the page flow through AppTest: details submitted → code submitted → certificate rendered (two reruns),
     measured from the first click to the rendered certificate.
Prints a Markdown table and writes it to tests/bench/out/ (git-ignored). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT_DIR = Path(__file__).resolve().parent / "out"
DEFAULT_DB = Path("/tmp/teeka-bench-registry.db")
TARGET_LOOKUP_P99_MS = 5.0
TARGET_FLOW_MS = 300.0
BENCH_KEYS = {
    "TEEKA_IDENTIFIER_KEY": "bench-identifier-key-not-a-secret",
    "TEEKA_SIGNING_KID": "bench-key",
    "TEEKA_PUBLIC_BASE_URL": "https://teeka.bench",
}


def _signing_key() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def build(path: Path, people: int) -> None:
    """The registry database: schema, the demo's centres, `people` beneficiaries with their vaccinations."""
    from sqlalchemy import insert

    from data import demo, settings
    from data.bulk import insert_columns
    from data.db import create_schema, make_engine
    from data.models import Beneficiary, ImportBatch, Vaccination

    building = path.with_name(path.name + ".building")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{building}")
    create_schema(engine)
    centres = demo.make_centres(__import__("numpy").random.default_rng(7), 2600, demo.district_targets())
    hasher = settings.identifier_hasher()
    started = time.perf_counter()
    with engine.begin() as conn:
        batch_id = conn.execute(
            insert(ImportBatch.__table__)
            .values(
                kind="bench",
                file_name="bench-registry",
                sha256="0" * 64,
                imported_by="bench",
                imported_at=datetime.now().astimezone(),
                status="committed",
            )
            .returning(ImportBatch.__table__.c.id)
        ).scalar_one()
        centre_ids = demo._insert_centres(conn, centres)
        for first in range(0, people, demo.REGISTRY_CHUNK):
            beneficiaries, vaccinations = demo.registry_people(
                11, first, min(demo.REGISTRY_CHUNK, people - first), centres
            )
            columns = demo.beneficiary_columns(beneficiaries, hasher)
            insert_columns(conn, Beneficiary.__table__, columns | {"batch_id": [batch_id] * len(beneficiaries)})
            columns = demo.vaccination_columns(vaccinations, centre_ids)
            insert_columns(conn, Vaccination.__table__, columns | {"batch_id": [batch_id] * len(vaccinations)})
            print(f"  {first + len(beneficiaries):,} people, {time.perf_counter() - started:.0f} s", flush=True)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    building.replace(path)
    print(f"built {path} ({path.stat().st_size / 1e9:.2f} GB) in {time.perf_counter() - started:.0f} s", flush=True)


def percentiles(seconds: list[float]) -> tuple[float, float]:
    """Median and 99th percentile, in milliseconds."""
    ordered = sorted(seconds)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


def sample_ids(path: Path, count: int) -> list[str]:
    """Random stored reference ids (by rowid of a random sample; the table is read once)."""
    with sqlite3.connect(path) as conn:
        total = conn.execute("SELECT max(rowid) FROM beneficiary").fetchone()[0]
        rows = random.Random(5).sample(range(1, total + 1), count)
        return [
            conn.execute("SELECT reference_id FROM beneficiary WHERE rowid = ?", (rowid,)).fetchone()[0]
            for rowid in rows
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--people", type=int, default=20_000_000)
    parser.add_argument("--samples", type=int, default=20_000)
    parser.add_argument("--flows", type=int, default=15)
    args = parser.parse_args(argv)
    os.environ.update(BENCH_KEYS)
    os.environ["TEEKA_SIGNING_KEY"] = _signing_key()
    if not args.db.exists():
        print(f"building a registry of {args.people:,} people in {args.db} …", flush=True)
        build(args.db, args.people)
    url = f"sqlite:///{args.db}"
    os.environ["DATABASE_URL"] = url

    from sqlalchemy import bindparam, select
    from sqlmodel import Session

    from data.certificates import issue as certificates
    from data.certificates import lookup
    from data.certificates.sms import DELIVERED, OutboxSender
    from data.db import make_engine
    from data.models import Beneficiary

    engine = make_engine(url)
    with sqlite3.connect(args.db) as raw:
        people = raw.execute("SELECT count(*) FROM beneficiary").fetchone()[0]
        doses = raw.execute("SELECT count(*) FROM vaccination").fetchone()[0]
    known = sample_ids(args.db, args.samples)
    unknown = [f"9{random.Random(n).randrange(10**12):012d}" for n in range(args.samples)]
    table = Beneficiary.__table__
    rows: list[tuple[str, float, float, float, str]] = []
    with engine.connect() as conn:
        statement = select(table.c.mobile_hash).where(table.c.reference_id == bindparam("r"))
        for name, ids in (("registry read, known id", known), ("registry read, unknown id", unknown)):
            times = []
            for reference in ids:
                begin = time.perf_counter()
                conn.execute(statement, {"r": reference}).scalar_one_or_none()
                times.append(time.perf_counter() - begin)
            median, p99 = percentiles(times)
            rows.append((name, median, p99, TARGET_LOOKUP_P99_MS, "p99"))

    # Whole data path, one person at a time: lookup.start (hashes, throttles, challenge, outbox), redeem, issue.
    # People of the first chunk, whose mobiles the generator gives again (the database keeps only hashes).
    mobiles = _first_chunk_mobiles(args.flows * 4, people)
    flow_ids = list(mobiles)
    starts_match, starts_miss, whole = [], [], []
    for client, reference in enumerate(flow_ids):
        mobile = mobiles[reference]
        with Session(engine) as session:
            begin = time.perf_counter()
            challenge = lookup.start(reference, mobile, session=session, sender=OutboxSender(), client=f"c{client}")
            middle = time.perf_counter()
            code = DELIVERED.code(challenge) or "000000"  # the outbox keeps no code: the sender's memory does
            redeemed = lookup.redeem(challenge, code, session=session, client=f"c{client}")
            issued = certificates.issue(redeemed, session=session) if redeemed else None
            end = time.perf_counter()
            starts_match.append(middle - begin)
            whole.append(end - begin)
            assert issued is not None, reference
        with Session(engine) as session:
            begin = time.perf_counter()
            lookup.start(reference, "9000000000", session=session, sender=OutboxSender(), client=f"m{client}")
            starts_miss.append(time.perf_counter() - begin)
    for name, times in (
        ("lookup.start, details match", starts_match),
        ("lookup.start, details do not match", starts_miss),
        ("start + redeem + issue (data path)", whole),
    ):
        median, p99 = percentiles(times)
        rows.append((name, median, p99, TARGET_FLOW_MS, "median"))
    ratio = statistics.median(starts_match) / statistics.median(starts_miss)

    flow = _apptest_flow(flow_ids[: args.flows], mobiles)
    median, p99 = percentiles(flow)
    rows.append(("page flow through AppTest (details → code → certificate)", median, p99, TARGET_FLOW_MS, "median"))

    import sqlalchemy

    header = (
        f"Measured {datetime.now():%Y-%m-%d} on {os.cpu_count()} CPU(s), Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}; {args.db} "
        f"({args.db.stat().st_size / 1e9:.2f} GB, {people:,} beneficiaries, {doses:,} vaccinations)."
    )
    lines = [
        header,
        "",
        "| what | median | p99 | target | ratio |",
        "|---|--:|--:|--:|--:|",
    ]
    for name, median, p99, target, measure in rows:
        value = p99 if measure == "p99" else median
        lines.append(f"| {name} | {median:.2f} ms | {p99:.2f} ms | {measure} ≤ {target:g} ms | {value / target:.2f} |")
    lines += ["", f"Matching / non-matching lookup.start, ratio of medians: {ratio:.2f} (1.00 = no difference)."]
    text = "\n".join(lines)
    print(text)
    OUT_DIR.mkdir(exist_ok=True)
    out = OUT_DIR / f"certificates-{datetime.now():%Y%m%d-%H%M%S}.md"
    out.write_text(text + "\n", encoding="utf-8")
    print(f"\nwritten to {out}")
    engine.dispose()
    return 0


def _first_chunk_mobiles(count: int, people: int) -> dict[str, str]:
    """Reference id → mobile of `count` people of the first generated chunk (as build made it), spread over it."""
    import numpy as np

    from data import demo

    centres = demo.make_centres(np.random.default_rng(7), 2600, demo.district_targets())
    beneficiaries, _ = demo.registry_people(11, 0, min(demo.REGISTRY_CHUNK, people), centres)
    picked = beneficiaries.sample(count, random_state=3)
    return dict(zip(picked["reference_id"], picked["mobile"], strict=True))


def _apptest_flow(references: list[str], mobiles: dict[str, str]) -> list[float]:
    """Seconds from submitting the details to the certificate rendered, through AppTest, per person."""
    from streamlit.testing.v1 import AppTest

    import pages._shared
    from data.certificates.sms import DELIVERED
    from tests.frame import frame_runs_every_time

    undo = frame_runs_every_time()
    times = []
    for n, reference in enumerate(references):
        pages._shared.client_address = lambda n=n: f"bench-page-{n}"  # one client per person: no throttle
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        app.session_state["lang"] = "en"
        app.run()
        app.switch_page("pages/certificate.py")
        app.run()
        app.text_input(key="cert_reference").input(reference)
        app.text_input(key="cert_mobile").input(mobiles[reference])
        begin = time.perf_counter()
        app.button[0].click()
        app.run()
        app.text_input(key="cert_code").input(DELIVERED.code(app.session_state["cert_challenge"]))
        next(b for b in app.button if b.label == "Show my certificate").click()
        app.run()
        elapsed = time.perf_counter() - begin
        assert app.dataframe, f"no certificate shown for person {n}"
        if n:  # the first includes loading the page's modules
            times.append(elapsed)
    undo()
    return times


if __name__ == "__main__":
    sys.exit(main())
