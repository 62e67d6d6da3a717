"""Page benchmark at state scale: each page's first run in a fresh process, warm reruns, data access, memory.

    python tests/bench/bench_pages.py [--db PATH] [--rows 15000000] [--repeat 7] [--pages overview,bulletin]
    python tests/bench/bench_pages.py --profile          # also profile (cProfile) every page that misses a target

The state-year SQLite database (bench_data's builder: all 2,600 demo centres × 16 cells × 361 days, rollups)
is built into --db (default /tmp/teeka-bench-pages.db) unless that file exists already, then given a stock
ledger sized to what each district gave (demo's generator, through data.imports.importer.import_bytes) and a published
CoWIN series. Each page then runs in its own child process (``--child PAGE``) under AppTest with
DATABASE_URL pointing at the file: the first run (imports, engine, first queries: from_file(app.py) → run →
switch_page → run; and, in another fresh process, the page opened by deep link), ``--repeat`` warm reruns
(median), the time spent in data access (every read query, data.read.query.Query, cache hits included, and the
frame's data-version read; outermost calls only), one run after st.cache_data.clear(), and the child's
peak RSS. Prints a Markdown table and writes it to tests/bench/out/ (git-ignored). Not collected by pytest.
"""

from __future__ import annotations

import time

_PROCESS_START = time.perf_counter()  # a child's cold path starts here: nothing heavy is imported above

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

APP = ROOT / "app.py"
OUT_DIR = Path(__file__).resolve().parent / "out"
DEFAULT_DB = Path("/tmp/teeka-bench-pages.db")
PAGES = ("overview", "district_pace", "data_quality", "bulletin")
RESULT_MARK = "BENCH-PAGES-RESULT "
TARGET_FIRST_S = 2.0
TARGET_WARM_S = 0.250
TARGET_DATA_S = 0.050
TARGET_RSS_MIB = 500.0
DEEP_LINK_RUNS = 3
"""Fresh processes per page for the first-run figure (its median): one process is a single, noisy sample."""
SERIES_NOISE = 0.01
"""Relative spread of the published CoWIN daily figures around the state's own (so the gaps are not all 0)."""


# --- Building the database -----------------------------------------------------------------------


def ensure_database(path: Path, rows: int) -> str:
    """The SQLite URL of the bench database: built into path (via a temporary file) unless it exists."""
    url = f"sqlite:///{path}"
    if path.exists():
        print(f"reusing {path} ({path.stat().st_size / 1e9:.2f} GB)", flush=True)
        _complete(url)
        return url
    building = path.with_name(path.name + ".building")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    from data.db import create_schema, make_engine
    from tests.bench.bench_data import build

    engine = make_engine(f"sqlite:///{building}")
    try:
        create_schema(engine)
        print(f"building ~{rows:,} daily_dose rows in {building} …", flush=True)
        figures, _days, _centres = build(engine, rows, "bulk")
        for figure in figures:
            print(f"  {figure.what}: {figure.seconds:.1f} s", flush=True)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    _complete(f"sqlite:///{building}")
    building.rename(path)
    print(f"built {path} ({path.stat().st_size / 1e9:.2f} GB)", flush=True)
    return url


def _complete(url: str) -> None:
    """Add the stock ledger and the published series when the database has none yet."""
    from sqlalchemy import func, select

    from data.db import make_engine
    from data.models import DailyDose, PublishedValue, StockMovement

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            if conn.execute(select(DailyDose.date).limit(1)).first() is None:
                raise SystemExit(f"{url} has no daily doses: remove it to rebuild")
            movements = conn.execute(select(func.count()).select_from(StockMovement.__table__)).scalar_one()
            published = conn.execute(select(func.count()).select_from(PublishedValue.__table__)).scalar_one()
        if not movements:
            _import(engine, stock_file(engine), "bench-stock.csv")
        if not published:
            _import(engine, series_file(engine), "bench-cowin.csv")
        _ensure_officer(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()


BENCH_OFFICER = "bench.officer"
"""The officer account the pages are opened as (the dashboard pages are for signed-in staff)."""


def _ensure_officer(engine) -> None:
    import secrets

    from sqlmodel import Session

    from data.accounts import users
    from data.models import UserAccount

    with Session(engine) as session:
        if session.get(UserAccount, BENCH_OFFICER) is None:
            users.add_user(BENCH_OFFICER, secrets.token_urlsafe(16), session=session, role="officer", actor="bench")


def _sign_in(app) -> None:
    """Open the app as the bench officer, as the sign-in page leaves a session (the frame checks the account)."""
    from pages._auth import USER_KEY

    app.session_state[USER_KEY] = BENCH_OFFICER


def _import(engine, content: bytes, name: str) -> None:
    """One file through the validated importer; stops the bench unless it is committed."""
    from sqlmodel import Session

    from data.imports.importer import describe, import_bytes

    started = time.perf_counter()
    with Session(engine) as session:
        report = import_bytes(content, name, session=session, user="bench")
    if report.status != "committed":
        raise SystemExit(f"{name} was not accepted:\n{describe(report)}")
    print(f"  imported {name}: {report.new:,} rows in {time.perf_counter() - started:.1f} s", flush=True)


def _given(engine):
    """Doses per day, district and vaccine from dose_rollup (date as Timestamp)."""
    import pandas as pd
    from sqlalchemy import func, select

    from data.models import DoseRollup

    table = DoseRollup.__table__
    keys = (table.c.date, table.c.district_code, table.c.vaccine)
    with engine.connect() as conn:
        rows = conn.execute(select(*keys, func.sum(table.c.doses)).group_by(*keys)).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=["date", "district_code", "vaccine", "doses"])
    return frame.assign(date=pd.to_datetime(frame["date"]))


def stock_file(engine) -> bytes:
    """A stock-movements CSV: weekly SUPPLIER → STATE receipts and STATE → district issues sized to what each
    district gave (data.demo's generator, which never takes a store below zero), plus occasional wastage."""
    import numpy as np
    import pandas as pd

    from data import demo

    given = _given(engine)
    calendar = demo.Calendar(pd.date_range(given["date"].min(), given["date"].max(), freq="D"))
    districts = list(demo.district_targets().index)
    used = np.zeros((len(calendar.days), len(districts), len(demo.VACCINES)))
    used[
        calendar.days.get_indexer(given["date"]),
        pd.Index(districts).get_indexer(given["district_code"]),
        pd.Index(demo.VACCINES).get_indexer(given["vaccine"]),
    ] = given["doses"].to_numpy()
    return demo.stock_csv(demo.stock_movements(np.random.default_rng(7), calendar, used, districts))


def series_file(engine) -> bytes:
    """A published CoWIN state series (Total Doses Administered, cumulative) within ~1 % of the own doses."""
    import numpy as np

    daily = _given(engine).groupby("date")["doses"].sum().sort_index()
    noise = np.random.default_rng(11).normal(1.0, SERIES_NOISE, len(daily))
    cumulative = np.cumsum(np.round(daily.to_numpy() * noise)).astype("int64")
    lines = ["date,area,source,metric,value"]
    lines += [
        f"{day:%Y-%m-%d},Chhattisgarh,cowin,Total Doses Administered,{value}"
        for day, value in zip(daily.index, cumulative, strict=True)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


# --- The child: one page in a fresh process ------------------------------------------------------


@dataclass
class Meter:
    """Wall time inside data access: only the outermost timed call counts (load → data_version → queries)."""

    seconds: float = 0.0
    calls: int = 0
    by_name: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    depth: int = 0

    def reset(self) -> None:
        self.seconds, self.calls, self.by_name = 0.0, 0, defaultdict(float)

    def wrap(self, function: Callable, name: Callable[..., str]) -> Callable:
        def timed(*args, **kwargs):
            if self.depth:
                return function(*args, **kwargs)
            self.depth += 1
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.perf_counter() - started
                self.depth -= 1
                self.seconds += spent
                self.calls += 1
                self.by_name[name(*args, **kwargs)] += spent

        timed.__wrapped__ = function
        return timed


def install_meter() -> Meter:
    """Time every read query a page or the frame makes (data.read.query.Query calls, cache hits included) and the
    frame's data-version read (data.read.query.current_version)."""
    from data.read import query

    meter = Meter()
    query.Query.__call__ = meter.wrap(query.Query.__call__, lambda self, *_, **__: self.name)
    query.current_version = meter.wrap(query.current_version, lambda: "data_version")
    return meter


class Profiles:
    """cProfile of the script thread (where AppTest runs app.py and the page) and of the main thread."""

    def __init__(self) -> None:
        import cProfile

        from streamlit.testing.v1.local_script_runner import LocalScriptRunner

        self.script, self.main = cProfile.Profile(), cProfile.Profile()
        original = LocalScriptRunner._run_script_thread
        profiles = self

        def profiled(runner) -> None:
            profiles.script.enable()
            try:
                original(runner)
            finally:
                profiles.script.disable()

        LocalScriptRunner._run_script_thread = profiled

    def start(self) -> None:
        import cProfile

        self.script, self.main = cProfile.Profile(), cProfile.Profile()
        self.main.enable()

    def save(self, stem: Path, runs: int = 1) -> list[str]:
        """Write <stem>-script.prof and <stem>-main.prof; the script thread's top functions as text: the
        project's own (per run), then all by cumulative and by own time. (Module-level page code shows as one
        call: each run compiles the scripts anew.)"""
        import io
        import pstats

        self.main.disable()
        self.script.dump_stats(f"{stem}-script.prof")
        self.main.dump_stats(f"{stem}-main.prof")
        stats = pstats.Stats(self.script)
        own = sorted(
            (
                (cumulative, total, calls, f"{Path(file).relative_to(ROOT)}:{line}({name})")
                for (file, line, name), (_, calls, total, cumulative, _) in stats.stats.items()
                if file.startswith(str(ROOT)) and not file.endswith("bench_pages.py")
            ),
            reverse=True,
        )
        lines = [f"--- {stem.name}: project functions in the script thread, per run ({runs} runs) ---"]
        lines += [
            f"{c / runs * 1000:9.1f} ms cumulative {t / runs * 1000:8.1f} ms own {n / runs:8.1f} calls  {where}"
            for c, t, n, where in own[:40]
        ]
        text = ["\n".join(lines)]
        for sort in ("cumulative", "tottime"):
            buffer = io.StringIO()
            pstats.Stats(self.script, stream=buffer).strip_dirs().sort_stats(sort).print_stats(35)
            text.append(f"--- {stem.name}: script thread, by {sort} ---\n{buffer.getvalue()}")
        return text


@dataclass
class Clocks:
    """Wall time in AppTest's script thread (app.py and the page, as a server runs them) and in the garbage
    collector, since the last reset: the rest of a run is AppTest's own work (parsing the messages)."""

    script: float = 0.0
    gc: float = 0.0
    _gc_started: float = 0.0

    def reset(self) -> None:
        self.script = self.gc = 0.0

    def install(self) -> Clocks:
        import gc

        from streamlit.testing.v1.local_script_runner import LocalScriptRunner

        original = LocalScriptRunner._run_script_thread
        clocks = self

        def timed(runner) -> None:
            started = time.perf_counter()
            try:
                original(runner)
            finally:
                clocks.script += time.perf_counter() - started

        def collecting(phase: str, _info: dict) -> None:
            if phase == "start":
                clocks._gc_started = time.perf_counter()
            else:
                clocks.gc += time.perf_counter() - clocks._gc_started

        LocalScriptRunner._run_script_thread = timed
        gc.callbacks.append(collecting)
        return self


def keep_navigation() -> None:
    """Run app.py (the frame) on every rerun, as a server does once app.py has called st.navigation (tests/frame.py;
    here only after the first run, which a server serves in legacy mode too)."""
    from tests.frame import frame_runs_every_time

    frame_runs_every_time()


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _page_summary(app) -> dict:
    """What the page showed, to check it is the page asked for and that it had data; fails on an exception
    or when app.py (the sidebar) did not run."""
    summary = {
        "title": app.title[0].value if len(app.title) else None,
        "info": [element.value for element in app.info][:5],
        "exceptions": [str(element.value) for element in app.exception],
        "dataframes": len(app.dataframe),
        "metrics": len(app.metric),
        "charts": len(app.get("plotly_chart")),
        "sidebar": len(app.sidebar),
    }
    if summary["exceptions"] or not summary["sidebar"]:
        raise RuntimeError(f"the page did not run as in a server: {summary}")
    return summary


def child(page: str, repeat: int, profile_dir: Path | None) -> dict:
    """Time one page in this (fresh) process: first run, warm reruns, a run after clearing cache_data."""
    import gc

    profiles = None
    if profile_dir is not None:
        profiles = Profiles()  # imports streamlit before the clock starts: profile runs are not timings
        profiles.start()
    started = _PROCESS_START if profiles is None else time.perf_counter()
    meter = install_meter()
    from streamlit.testing.v1 import AppTest

    imported = time.perf_counter() - started
    clocks = Clocks().install()
    app = AppTest.from_file(str(APP), default_timeout=600)
    app.session_state["lang"] = "en"
    _sign_in(app)
    frame_started = time.perf_counter()
    app.run()
    frame_run = time.perf_counter() - frame_started
    as_of = app.session_state["as_of"]
    keep_navigation()
    app.switch_page(f"pages/{page}.py")
    page_started = time.perf_counter()
    app.run()
    page_run = time.perf_counter() - page_started
    first = time.perf_counter() - started
    first_data = meter.seconds
    first_rss = _peak_mib()
    first_summary = _page_summary(app)
    if profiles:
        texts = profiles.save(profile_dir / f"{page}-first")
        profiles.start()

    warm, warm_data, warm_calls, warm_script, warm_gc = [], [], [], [], []
    for _ in range(repeat):
        app.session_state["as_of"] = as_of  # AppTest drops the sidebar's date on a rerun after switch_page
        meter.reset()
        clocks.reset()
        run_started = time.perf_counter()
        app.run()
        warm.append(time.perf_counter() - run_started)
        warm_data.append(meter.seconds)
        warm_calls.append(meter.calls)
        warm_script.append(clocks.script)
        warm_gc.append(clocks.gc)
    warm_summary = _page_summary(app)
    warm_by_name = dict(meter.by_name)
    if profiles:
        texts += profiles.save(profile_dir / f"{page}-warm", repeat)
        profiles.start()

    import streamlit as st

    st.cache_data.clear()
    gc.collect()
    app.session_state["as_of"] = as_of
    meter.reset()
    run_started = time.perf_counter()
    app.run()
    cold_run = time.perf_counter() - run_started
    cold_summary = _page_summary(app)
    if profiles:
        texts += profiles.save(profile_dir / f"{page}-cold")
        (profile_dir / f"{page}.txt").write_text("\n".join(texts), encoding="utf-8")
    return {
        "page": page,
        "as_of": as_of.isoformat(),
        "imports": imported,
        "frame_run": frame_run,
        "page_run": page_run,
        "first": first,
        "first_data": first_data,
        "first_rss_mib": first_rss,
        "warm": warm,
        "warm_data": warm_data,
        "warm_calls": warm_calls,
        "warm_script": warm_script,
        "warm_gc": warm_gc,
        "warm_by_name": warm_by_name,
        "cold_run": cold_run,
        "cold_data": meter.seconds,
        "cold_calls": meter.calls,
        "cold_by_name": dict(meter.by_name),
        "peak_rss_mib": _peak_mib(),
        "summary": {"first": first_summary, "warm": warm_summary, "cold": cold_summary},
    }


def child_deep_link(page: str) -> dict:
    """A fresh process's first view of the page as a deep link: one run of app.py, which switches to the page
    (the path a server takes for /district-pace: pages/_frame.py's REQUESTED_PAGE_KEY)."""
    install_meter()
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(APP), default_timeout=600)
    app.session_state["lang"] = "en"
    _sign_in(app)
    if page != "overview":  # the default page
        from pages._frame import REQUESTED_PAGE_KEY

        app.session_state[REQUESTED_PAGE_KEY] = f"pages/{page}.py"
    app.run()
    seconds = time.perf_counter() - _PROCESS_START
    summary = _page_summary(app)
    return {"page": page, "deep_link": seconds, "deep_link_rss_mib": _peak_mib(), "summary": summary}


def run_child(page: str, url: str, repeat: int, profile_dir: Path | None = None, deep_link: bool = False) -> dict:
    """bench_pages.py --child PAGE in a fresh interpreter with DATABASE_URL set; its result."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", page, "--repeat", str(repeat)]
    if profile_dir is not None:
        command += ["--profile-dir", str(profile_dir)]
    if deep_link:
        command += ["--deep-link"]
    from data.settings import ENVIRONMENT

    # A database other than the demo one needs its settings, or the app shows only its configuration page; the
    # dashboard pages measured here sign and hash nothing, so placeholders do (the environment's own win).
    placeholders = {name: f"bench-{name.lower()}" for name in ENVIRONMENT.values()}
    placeholders[ENVIRONMENT["public_base_url"]] = "https://teeka.bench"
    env = {**placeholders, **os.environ, "DATABASE_URL": url}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT_MARK)]
    if done.returncode or not lines:
        raise SystemExit(f"--child {page} failed ({done.returncode}):\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    result = json.loads(lines[-1][len(RESULT_MARK) :])
    result["process_wall"] = wall
    return result


# --- Report --------------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _ratio(value: float, target: float) -> str:
    ratio = value / target
    return f"**{ratio:.2f}**" if ratio > 1 else f"{ratio:.2f}"


def misses(result: dict) -> list[str]:
    """The targets this page misses."""
    checks = (
        ("first run", result["deep_link"], TARGET_FIRST_S),
        ("warm run", statistics.median(result["warm"]), TARGET_WARM_S),
        ("warm data access", statistics.median(result["warm_data"]), TARGET_DATA_S),
        ("peak RSS", result["peak_rss_mib"], TARGET_RSS_MIB),
    )
    return [what for what, value, target in checks if value > target]


def report(results: list[dict], header: str) -> str:
    """The Markdown tables: the figures against their targets, then where the time went."""
    lines = [
        header,
        "",
        f"| page | first run (≤ {TARGET_FIRST_S:g} s) | ratio | warm median (≤ {TARGET_WARM_S * 1000:g} ms) | ratio "
        f"| data access warm (≤ {TARGET_DATA_S * 1000:g} ms) | ratio | data access cold | "
        f"peak RSS (≤ {TARGET_RSS_MIB:g} MiB) | ratio |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        warm, data = statistics.median(r["warm"]), statistics.median(r["warm_data"])
        lines.append(
            f"| {r['page']} | {_ms(r['deep_link'])} | {_ratio(r['deep_link'], TARGET_FIRST_S)} | {_ms(warm)} | "
            f"{_ratio(warm, TARGET_WARM_S)} | {data * 1000:.1f} ms | {_ratio(data, TARGET_DATA_S)} | "
            f"{_ms(r['cold_data'])} | {r['peak_rss_mib']:.0f} MiB | {_ratio(r['peak_rss_mib'], TARGET_RSS_MIB)} |"
        )
    lines += [
        "",
        "First run = what the first visitor of a freshly started server waits for on the page's address: a fresh "
        "process (imports included) whose one run of app.py renders the page (for a page other than the "
        "overview, app.py switches straight to it (pages/_frame.py's requested page), as a server serves "
        f"/district_pace); the median of {DEEP_LINK_RUNS} processes, each listed under 'deep links'. Via overview = "
        "imports + app.py's first run with the default page (overview) + the page's run after switch_page, "
        "as a visitor who opens the overview first and then the page. Warm: median per rerun; "
        "script = AppTest's script thread (app.py and the page), the rest is AppTest parsing the messages. "
        "Cold-cache run = one rerun after st.cache_data.clear() (page caches included).",
        "",
        "| page | imports | first app.py run | page run | via overview | first-run data access | deep links "
        "| RSS after first run "
        "| warm min–max | warm script | warm GC | loads per warm run | cold-cache run | slowest cold data access |",
        "|---|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for r in results:
        slowest = sorted(r["cold_by_name"].items(), key=lambda item: -item[1])[:3]
        deep = ", ".join(_ms(seconds) for seconds in r.get("deep_links", [])) or "–"
        lines.append(
            f"| {r['page']} | {_ms(r['imports'])} | {_ms(r['frame_run'])} | {_ms(r['page_run'])} | "
            f"{_ms(r['first'])} | {_ms(r['first_data'])} | {deep} | {r['first_rss_mib']:.0f} MiB | "
            f"{_ms(min(r['warm']))}–{_ms(max(r['warm']))} | {_ms(statistics.median(r['warm_script']))} | "
            f"{_ms(statistics.median(r['warm_gc']))} | {statistics.median(r['warm_calls']):.0f} | "
            f"{_ms(r['cold_run'])} | " + ", ".join(f"{name} {_ms(seconds)}" for name, seconds in slowest) + " |"
        )
    return "\n".join(lines)


def _header(url: str, rows: int, repeat: int, as_of: str) -> str:
    from sqlalchemy import func, select

    from data.db import make_engine
    from data.models import DailyDose

    engine = make_engine(url)
    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(DailyDose.__table__)).scalar_one()
    engine.dispose()
    import streamlit

    path = Path(url.removeprefix("sqlite:///"))
    size = path.stat().st_size / 1e9
    return (
        f"Measured {datetime.now():%Y-%m-%d} on {os.cpu_count()} CPU(s), Python {platform.python_version()}, "
        f"Streamlit {streamlit.__version__}, SQLite {sqlite3.sqlite_version}; {path} ({size:.2f} GB, "
        f"{stored:,} daily_dose rows), as_of {as_of}; AppTest, one fresh process per page, "
        f"warm = median of {repeat} reruns. (--rows asked {rows:,}.)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", type=Path, default=DEFAULT_DB, help=f"SQLite file (default {DEFAULT_DB}); built if absent"
    )
    parser.add_argument("--rows", type=int, default=15_000_000, help="daily_dose rows when building (default 15M)")
    parser.add_argument("--repeat", type=int, default=7, help="warm reruns per page; the median is reported")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated pages (default all four)")
    parser.add_argument("--profile", action="store_true", help="then profile each page that misses a target")
    parser.add_argument("--child", choices=PAGES, help=argparse.SUPPRESS)
    parser.add_argument("--profile-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--deep-link", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        result = child_deep_link(args.child) if args.deep_link else child(args.child, args.repeat, args.profile_dir)
        print(RESULT_MARK + json.dumps(result), flush=True)
        return 0

    pages = [page.strip() for page in args.pages.split(",") if page.strip()]
    unknown = set(pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages {sorted(unknown)}; choose from {PAGES}")
    started = datetime.now()
    url = ensure_database(args.db.resolve(), args.rows)
    results = []
    for page in pages:
        print(f"timing {page} …", flush=True)
        result = run_child(page, url, args.repeat)
        deeps = [run_child(page, url, args.repeat, deep_link=True) for _ in range(DEEP_LINK_RUNS)]
        result.update(
            deep_link=statistics.median(d["deep_link"] for d in deeps),
            deep_links=[d["deep_link"] for d in deeps],
            deep_link_rss_mib=max(d["deep_link_rss_mib"] for d in deeps),
        )
        result["summary"]["deep_link"] = deeps[-1]["summary"]
        for when, summary in result["summary"].items():
            if summary["exceptions"] or summary["info"]:
                print(f"  {when}: {summary}", flush=True)
        results.append(result)
    table = report(results, _header(url, args.rows, args.repeat, results[0]["as_of"]))
    print(table)
    OUT_DIR.mkdir(exist_ok=True)
    stamp = f"{started:%Y%m%d-%H%M%S}"
    out = OUT_DIR / f"pages-{stamp}.md"
    out.write_text(table + "\n", encoding="utf-8")
    (OUT_DIR / f"pages-{stamp}.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"\nwritten to {out}")
    if args.profile:
        profile_dir = OUT_DIR / f"profiles-{stamp}"
        profile_dir.mkdir(exist_ok=True)
        for result in results:
            if misses(result):
                print(f"profiling {result['page']} (misses: {', '.join(misses(result))}) …", flush=True)
                run_child(result["page"], url, args.repeat, profile_dir)
        print(f"profiles (cProfile .prof and top functions as .txt) in {profile_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
