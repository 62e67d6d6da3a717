"""Server CPU of one public page view, in process: AppTest runs app.py (the frame and the page) in a script
thread, whose CPU time (time.thread_time) is what a server spends running the scripts for the view; the
process's CPU (time.process_time) adds AppTest's own work (building the session, parsing the messages).

    DATABASE_URL=... python tests/bench/load_page_cpu.py --page summary --repeat 15 [--profile out.prof]

Three figures, medians of --repeat runs (CPU ms; wall ms beside):
* cold: the first view after st.cache_data / st.cache_resource were cleared (the first visitor of a data version);
* new session, warm: a fresh AppTest (a new visitor: new session state) once the caches are warm (what a public
  visitor costs on a busy server);
* rerun, warm: the same session run again (a widget touched, the language switched back and forth).
"""

from __future__ import annotations

import argparse
import cProfile
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.frame import frame_runs_every_time  # noqa: E402

PUBLIC_HOME = {"summary"}  # pages app.py opens by itself for the public
SCRIPT_CPU = [0.0]
"""CPU seconds spent in AppTest's script threads so far."""
PROFILE: list = []
"""The cProfile.Profile of the script threads, when --profile is given."""


def _count_script_cpu() -> None:
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    original = LocalScriptRunner._run_script_thread

    def counted(runner) -> None:
        started = time.thread_time()
        if PROFILE:
            PROFILE[0].enable()
        try:
            original(runner)
        finally:
            if PROFILE:
                PROFILE[0].disable()
            SCRIPT_CPU[0] += time.thread_time() - started

    LocalScriptRunner._run_script_thread = counted


def _clocks() -> tuple[float, float, float]:
    return SCRIPT_CPU[0], time.process_time(), time.perf_counter()


def _since(start: tuple[float, float, float]) -> tuple[float, float, float]:
    return tuple((now - then) * 1000 for now, then in zip(_clocks(), start, strict=True))


def _open(page: str, lang: str) -> tuple[AppTest, tuple[float, float, float]]:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    app.session_state["lang"] = lang
    start = _clocks()
    app.run()
    if page not in PUBLIC_HOME:
        app.switch_page(f"pages/{page}.py")
        app.run()
    spent = _since(start)
    assert not app.exception, [e.value for e in app.exception]
    return app, spent


def _rerun(app: AppTest) -> tuple[float, float, float]:
    start = _clocks()
    app.run()
    spent = _since(start)
    assert not app.exception, [e.value for e in app.exception]
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", default="summary")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--profile", type=Path, help="cProfile the warm new-session views into this file")
    args = parser.parse_args(argv)

    import streamlit as st

    frame_runs_every_time()
    _count_script_cpu()
    st.cache_data.clear()
    st.cache_resource.clear()
    _open(args.page, args.lang)  # imports, engine, schema check: not what a view costs
    cold, fresh, rerun = [], [], []
    for _ in range(max(3, args.repeat // 3)):
        st.cache_data.clear()
        st.cache_resource.clear()
        cold.append(_open(args.page, args.lang)[1])
    if args.profile:
        PROFILE.append(cProfile.Profile())
    for _ in range(args.repeat):
        app, spent = _open(args.page, args.lang)
        fresh.append(spent)
        rerun.append(_rerun(app))
    if args.profile:
        PROFILE[0].dump_stats(str(args.profile))
    print(f"page {args.page} ({args.lang}), medians: script-thread CPU / process CPU / wall, ms")
    for name, runs in (("cold", cold), ("new session, warm", fresh), ("rerun, warm", rerun)):
        script, cpu, wall = (statistics.median(r[i] for r in runs) for i in range(3))
        print(f"  {name:<18} {script:7.1f} {cpu:7.1f} {wall:7.1f}  (n={len(runs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
