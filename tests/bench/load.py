"""Load benchmark over Streamlit's own protocol: simulated users on the app's WebSocket against two `streamlit run`
servers on one PostgreSQL database (run by hand; not part of the test run).

    python tests/bench/load.py prepare          # fresh database teeka_load: the demo (Jan–Sep 2021) and an officer
    python tests/bench/load.py run              # two servers, then steps of concurrent sessions until one fails
    python tests/bench/load.py run --steps 10,20 --step-seconds 20 --mix 1,0,0   # public visitors only
    python tests/bench/load.py cpu              # server CPU per public summary view, one view at a time

Each simulated user opens /_stcore/stream (subprotocol "streamlit", the app's own Origin) and speaks the
protobufs of streamlit.proto: a BackMsg rerun_script (ClientState: page script hash or URL path, widget states,
context) and ForwardMsgs back until script_finished says the run finished (a run that ends early for a rerun or
a page switch is followed by the run that finishes). A page completion is the time from sending the BackMsg to
that script_finished; an error is an exception element, an error alert, a page not found, a closed connection or
a run not finished within --timeout seconds. Users, with think time between their actions (--think, uniform):

* public visitors: open the app (the summary), switch the language, leave; then a new visitor comes;
* certificate lookups: open the app, go to "Get your certificate", submit a reference id and a mobile (a demo
  person's half the time, else a random 13-digit id) and read the answer, leave;
* officers: open the app, go to the sign-in page, submit the form (argon2id), then switch between the four
  dashboard pages, staying signed in.

Users are spread over the two servers in turn. Each step holds --steps[i] users for --step-seconds and reports
the completions' median and p95 per kind, errors, the servers' CPU (from /proc) and RSS, and this process's CPU
(the load generator shares the machine). The run stops after the first step with p95 > 2 s or an error.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

REPO = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "out"
DATABASE = "teeka_load"
SERVER_URL = "postgresql+psycopg://postgres@127.0.0.1:5432"
OFFICER, PASSWORD = "load.officer", "load bench password 1"
OFFICERS = 40
"""Officer accounts load.officer1 … load.officer40 beside load.officer (sign-ins are throttled per account)."""
DEFAULT_PAGES = ("summary", "overview")
"""The pages app.py opens by default (the public's, staff's): their address is the app's own."""
DASHBOARD = ("overview", "district_pace", "data_quality", "bulletin")
P95_LIMIT_S = 2.0
TICKS = os.sysconf("SC_CLK_TCK")


# --- The servers -----------------------------------------------------------------------------------------------


def _secrets() -> dict[str, str]:
    """The registry's secrets (required with DATABASE_URL), made once and kept beside the output."""
    path = OUT / "load-secrets.json"
    if not path.is_file():
        import base64
        import secrets

        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        pem = (
            Ed25519PrivateKey.generate()
            .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
            .decode()
        )
        keys = {
            "TEEKA_IDENTIFIER_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
            "TEEKA_SIGNING_KEY": pem,
            "TEEKA_SIGNING_KID": "load-bench",
        }
        OUT.mkdir(exist_ok=True)
        path.write_text(json.dumps(keys))
        path.chmod(0o600)
    return json.loads(path.read_text())


def _environment(port: int | None = None) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("TEEKA_SMS")}
    env.update(_secrets())
    env["DATABASE_URL"] = f"{SERVER_URL}/{DATABASE}"
    env["TEEKA_PUBLIC_BASE_URL"] = f"http://127.0.0.1:{port or 8501}"
    return env


def prepare(args: argparse.Namespace) -> int:
    """A fresh database with the demo (January to --end) and the officer account."""
    from sqlalchemy import create_engine, text

    admin = create_engine(f"{SERVER_URL}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {DATABASE}"))
    admin.dispose()
    env = _environment()
    demo = [sys.executable, "-m", "data.demo", "--end", args.end]
    subprocess.run(demo, cwd=REPO, env=env, check=True)
    add_officers(env)
    return 0


def add_officers(env: dict[str, str]) -> None:
    for name in [OFFICER] + [f"{OFFICER}{n}" for n in range(1, OFFICERS + 1)]:
        account = [sys.executable, "-m", "data.accounts", "add", name, "--role", "officer"]
        account += ["--name", "Load Officer", "--password-stdin"]
        subprocess.run(account, cwd=REPO, env=env, input=PASSWORD + "\n", text=True, check=True)


@dataclass
class Server:
    port: int
    process: subprocess.Popen

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_servers(ports: list[int]) -> list[Server]:
    servers = []
    for port in ports:
        command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"]
        log = (OUT / f"load-server-{port}.log").open("wb")
        process = subprocess.Popen(command, cwd=REPO, env=_environment(port), stdout=log, stderr=subprocess.STDOUT)
        servers.append(Server(port, process))
    import urllib.request

    deadline = time.monotonic() + 60
    for server in servers:
        while True:
            try:
                with urllib.request.urlopen(f"http://{server.address}/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                pass
            if server.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server on {server.port} did not start: see {OUT}/load-server-{server.port}.log")
            time.sleep(0.25)
    return servers


def stop_servers(servers: list[Server]) -> None:
    for server in servers:
        server.process.terminate()
    for server in servers:
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=10)


# --- One simulated browser tab ------------------------------------------------------------------------------------


class PageError(Exception):
    """What makes a page completion an error."""


@dataclass
class Run:
    """What one script run sent: the widgets by form, the page hashes, errors."""

    inputs: dict[str, list[int]] = field(default_factory=dict)  # form -> indices into widgets
    widgets: list = field(default_factory=list)  # (kind, proto)
    errors: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


class Tab:
    """A WebSocket session speaking Streamlit's protobufs."""

    def __init__(self, address: str, timeout: float, language: int = 1, client: str = "10.0.0.1") -> None:
        self.address, self.timeout, self.language, self.client = address, timeout, language, client
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.run = Run()
        self.sticky: dict[str, WidgetState] = {}  # what the browser would send back: every widget's value
        self._finished: asyncio.Queue = asyncio.Queue()
        self._socket = None
        self._reader: asyncio.Task | None = None

    async def open(self) -> None:
        self._socket = await websockets.connect(
            f"ws://{self.address}/_stcore/stream",
            subprotocols=["streamlit"],
            origin=f"http://{self.address}",
            max_size=None,
            compression=None,
            open_timeout=self.timeout,
            # As behind the README's proxy: Streamlit trusts X-Forwarded-For from 127.0.0.1, so each simulated
            # user has an address of its own for the throttles (one address would be throttled at once).
            additional_headers={"X-Forwarded-For": self.client},
        )
        self._reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)

    async def _read(self) -> None:
        try:
            async for data in self._socket:
                message = ForwardMsg()
                message.ParseFromString(data)
                kind = message.WhichOneof("type")
                if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                    self._element(message.delta.new_element)
                elif kind == "navigation":  # the pages of the viewer's role; the default one's path is ""
                    self.pages = {p.url_pathname: p.page_script_hash for p in message.navigation.app_pages}
                    default = self.pages.get("", "")
                    self.pages.update({name: default for name in DEFAULT_PAGES})
                elif kind == "page_not_found":
                    self.run.errors.append(f"page not found: {message.page_not_found.page_name}")
                elif kind == "script_finished":
                    status = message.script_finished
                    if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                        self.run.errors.append("compile error")
                    if status != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        self._finished.put_nowait(status)
        except websockets.ConnectionClosed:
            pass
        finally:
            self._finished.put_nowait(None)

    def _element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.run.errors.append(f"exception: {element.exception.type}")
        elif kind == "alert":
            if element.alert.format == Alert.ERROR:
                self.run.errors.append(f"error: {element.alert.body[:80]}")
            self.run.texts.append(element.alert.body)
        elif kind == "heading":
            self.run.texts.append(element.heading.body)
        elif kind in ("text_input", "button", "radio", "selectbox", "date_input"):
            widget = getattr(element, kind)
            self.run.inputs.setdefault(widget.form_id, []).append(len(self.run.widgets))
            self.run.widgets.append((kind, widget))

    async def rerun(self, page: str | None = None, widgets: list[WidgetState] = ()) -> float:
        """One script run (to the page's URL path, or the page the session is on): seconds to script_finished."""
        self.run = Run()
        message = BackMsg()
        state = message.rerun_script
        state.query_string = ""
        if page is not None:
            state.page_script_hash = self.pages.get(page, "")
            state.page_name = page if page not in self.pages else ""
        else:
            state.page_script_hash = self._current
        sent = dict(self.sticky) | {w.id: w for w in widgets}
        state.widget_states.widgets.extend(sent.values())
        info = state.context_info
        info.timezone, info.timezone_offset = "Asia/Kolkata", -330
        info.locale = ("hi-IN", "en-IN")[self.language]
        info.url = f"http://{self.address}/{page or ''}"
        started = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        try:
            status = await asyncio.wait_for(self._finished.get(), self.timeout)
        except TimeoutError as error:
            raise PageError(f"no script_finished within {self.timeout} s") from error
        elapsed = time.perf_counter() - started
        if status is None:
            raise PageError("connection closed")
        if self.run.errors:
            raise PageError("; ".join(self.run.errors) + f" (page {page!r}; shown: {self.run.texts[:3]})")
        if page is not None:
            self._current = self.pages.get(page, self._current)
        self.sticky = dict(self._values())
        return elapsed

    def _values(self):
        """The values a browser holds for this run's widgets outside forms (the sidebar's language, day, source)."""
        for kind, widget in self.run.widgets:
            if widget.form_id or kind in ("text_input", "button"):
                continue
            if kind == "radio" and len(widget.options) == 2:  # the language: the one this user reads
                yield widget.id, WidgetState(id=widget.id, string_value=widget.options[self.language])
                continue
            if not widget.set_value:  # the server keeps the value (a keyed widget's session state)
                continue
            if kind == "date_input":
                yield widget.id, WidgetState(id=widget.id, string_array_value={"data": list(widget.value)})
            elif widget.raw_value:
                yield widget.id, WidgetState(id=widget.id, string_value=widget.raw_value)

    _current = ""

    def form(self, form_id: str, *values: str) -> list[WidgetState]:
        """The form's text inputs set to values (in order) and its submit button pressed."""
        states, texts = [], iter(values)
        for index in self.run.inputs.get(form_id, []):
            kind, widget = self.run.widgets[index]
            if kind == "text_input":
                states.append(WidgetState(id=widget.id, string_value=next(texts)))
            elif kind == "button" and widget.is_form_submitter:
                states.append(WidgetState(id=widget.id, trigger_value=True))
        if len(states) != len(values) + 1:
            raise PageError(f"form {form_id!r} not found as expected")
        return states

    def language_radio(self, option: int) -> list[WidgetState]:
        self.language = option
        for kind, widget in self.run.widgets:
            if kind == "radio" and len(widget.options) == 2:
                return [WidgetState(id=widget.id, string_value=widget.options[option])]
        raise PageError("no language radio")


# --- The users ---------------------------------------------------------------------------------------------------


@dataclass
class Results:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    measuring: bool = False

    def add(self, kind: str, seconds: float) -> None:
        if self.measuring:
            self.times[kind].append(seconds)


async def _think(args) -> None:
    await asyncio.sleep(random.uniform(*args.think))


async def _step(tab: Tab, results: Results, kind: str, page: str | None = None, widgets=()) -> None:
    results.add(kind, await tab.rerun(page, widgets))


REFERENCE_IDS: list[tuple[str, str]] = []
ACCOUNTS = (f"{OFFICER}{n % OFFICERS + 1}" for n in itertools.count())
"""The officer accounts in turn (a sign-in counts against its account's throttle: 5 in 15 minutes)."""
VISITORS = itertools.count(1)
"""Each visitor's number, which makes its client address."""


async def public_visitor(tab: Tab, args, results: Results) -> None:
    await _step(tab, results, "public summary", "")
    await _think(args)
    await _step(tab, results, "public summary (language)", None, tab.language_radio(0))
    await _think(args)


async def certificate_lookup(tab: Tab, args, results: Results) -> None:
    await _step(tab, results, "public summary", "")
    await _think(args)
    await _step(tab, results, "certificate page", "certificate")
    await _think(args)
    reference, mobile = random.choice(REFERENCE_IDS) if random.random() < 0.5 else (None, None)
    reference = reference or str(random.randrange(10**12, 10**13))
    mobile = mobile or f"9{random.randrange(10**8, 10**9)}"
    await _step(tab, results, "certificate lookup", None, tab.form("cert-details", reference, mobile))
    await _think(args)


async def officer(tab: Tab, args, results: Results, until: float, number: int) -> None:
    await _step(tab, results, "public summary", "")
    await _think(args)
    await _step(tab, results, "sign-in page", "sign_in")
    await _think(args)
    account = next(ACCOUNTS)
    await _step(tab, results, "sign in (argon2id)", None, tab.form("sign-in", account, PASSWORD))
    while time.monotonic() < until:
        await _think(args)
        await _step(tab, results, "officer page", random.choice(DASHBOARD))


async def user(number: int, kind: str, servers: list[Server], args, results: Results, until: float) -> None:
    """One user slot: visitors follow one another in it until the step ends."""
    server = servers[number % len(servers)]
    await asyncio.sleep(random.uniform(0, args.ramp))
    while time.monotonic() < until:
        # Lookups and officers read Hindi: after a page switch the sidebar's language radio comes back with a new
        # widget id and its default (Hindi) unless the client sends a value for it (tests/bench/README.md).
        visitor = next(VISITORS)
        client = f"10.{visitor // 65536 % 256}.{visitor // 256 % 256}.{visitor % 256}"
        tab = Tab(server.address, args.timeout, 1 if kind == "public" else 0, client)
        try:
            await tab.open()
            if kind == "public":
                await public_visitor(tab, args, results)
            elif kind == "certificate":
                await certificate_lookup(tab, args, results)
            else:
                await officer(tab, args, results, until, number)
        except (PageError, OSError, websockets.WebSocketException) as error:
            results.errors.append(f"{kind}: {error}")
            await asyncio.sleep(1)
        finally:
            await tab.close()


def _kinds(count: int, mix: tuple[float, float, float]) -> list[str]:
    """count users as public / certificate / officer in the proportions of mix (officers rounded down first)."""
    total = sum(mix)
    officers = int(count * mix[2] / total)
    lookups = int(round(count * mix[1] / total))
    return ["officer"] * officers + ["certificate"] * lookups + ["public"] * (count - officers - lookups)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


async def step(count: int, servers: list[Server], args) -> dict:
    results = Results()
    kinds = _kinds(count, args.mix)
    random.shuffle(kinds)
    start = time.monotonic()
    until = start + args.ramp + args.step_seconds
    tasks = [asyncio.create_task(user(i, kind, servers, args, results, until)) for i, kind in enumerate(kinds)]
    await asyncio.sleep(args.ramp)  # everybody has arrived: measure from here
    results.measuring = True
    cpu, own = [s.cpu_seconds() for s in servers], time.process_time()
    views_started = time.monotonic()
    peak = [0.0] * len(servers)
    while time.monotonic() < until:
        await asyncio.sleep(1)
        peak = [max(p, s.rss_mib()) for p, s in zip(peak, servers, strict=True)]
    seconds = time.monotonic() - views_started
    cpu = [s.cpu_seconds() - c for s, c in zip(servers, cpu, strict=True)]
    own = time.process_time() - own
    results.measuring = False
    await asyncio.gather(*tasks, return_exceptions=True)  # users finish their current action, then leave
    every = [t for times in results.times.values() for t in times]
    public_views = sum(len(times) for kind, times in results.times.items() if kind.startswith("public"))
    return {
        "sessions": count,
        "users": {kind: kinds.count(kind) for kind in ("public", "certificate", "officer")},
        "seconds": round(seconds, 1),
        "completions": len(every),
        "per_second": round(len(every) / seconds, 1),
        "median_s": round(statistics.median(every), 3) if every else None,
        "p95_s": round(_p95(every), 3) if every else None,
        "by_kind": {
            kind: {"n": len(times), "median_s": round(statistics.median(times), 3), "p95_s": round(_p95(times), 3)}
            for kind, times in sorted(results.times.items())
        },
        "errors": len(results.errors),
        "error_samples": sorted(set(results.errors))[:5],
        "server_cpu_s": [round(c, 2) for c in cpu],
        "server_cpu_share": round(sum(cpu) / seconds / (os.cpu_count() or 1), 2),
        "server_cpu_ms_per_completion": round(sum(cpu) * 1000 / len(every), 1) if every else None,
        "public_views": public_views,
        "generator_cpu_s": round(own, 2),
        "rss_peak_mib": [round(r, 1) for r in peak],
    }


async def warm(servers: list[Server], args) -> None:
    """Every page once per server and language, so the steps measure warm servers (as a running state's are)."""
    for server in servers:
        tab = Tab(server.address, 120, 1)  # a public visitor: the summary in English, then in Hindi
        await tab.open()
        await tab.rerun("")
        await tab.rerun(None, tab.language_radio(0))
        await tab.close()
        tab = Tab(server.address, 120, 0, f"10.255.0.{server.port % 250}")  # a lookup and an officer, in Hindi
        await tab.open()
        await tab.rerun("")
        await tab.rerun("certificate")
        await tab.rerun("sign_in")
        await tab.rerun(None, tab.form("sign-in", next(ACCOUNTS), PASSWORD))
        for page in DASHBOARD:
            await tab.rerun(page)
        await tab.close()


async def _cpu(args) -> dict:
    """Server CPU per public page view, one view at a time on one warm server: a new visitor each time, then
    reruns of one session (the summary in English; median of --repeat batches of --views views)."""
    servers = start_servers([_free_port()])
    batches: dict[str, list[float]] = {"new session": [], "rerun": []}
    try:
        await warm(servers, args)
        server = servers[0]
        for _ in range(args.repeat):
            before = server.cpu_seconds()
            for _ in range(args.views):
                tab = Tab(server.address, args.timeout, 1)
                await tab.open()
                await tab.rerun("")
                await tab.close()
            batches["new session"].append((server.cpu_seconds() - before) * 1000 / args.views)
            tab = Tab(server.address, args.timeout, 1)
            await tab.open()
            await tab.rerun("")
            before = server.cpu_seconds()
            for _ in range(args.views):
                await tab.rerun(None)
            batches["rerun"].append((server.cpu_seconds() - before) * 1000 / args.views)
            await tab.close()
    finally:
        stop_servers(servers)
    return {kind: round(statistics.median(values), 1) for kind, values in batches.items()} | {"batches": batches}


def cpu(args: argparse.Namespace) -> int:
    OUT.mkdir(exist_ok=True)
    report = asyncio.run(_cpu(args))
    print(f"server CPU per public summary view (ms, median of {args.repeat} x {args.views} views): ", end="")
    print(f"new visitor {report['new session']}, rerun {report['rerun']}")
    return 0


def _load_reference_ids() -> None:
    from data.demo import demo_people

    REFERENCE_IDS.extend((p.reference_id, p.mobile) for p in demo_people())


async def _run(args) -> list[dict]:
    _load_reference_ids()
    servers = start_servers(args.ports or [_free_port(), _free_port()])
    reports = []
    try:
        await warm(servers, args)
        await asyncio.sleep(2)
        baseline = [s.rss_mib() for s in servers]
        print(f"servers warm: RSS {', '.join(f'{r:.0f}' for r in baseline)} MiB", flush=True)
        for count in args.steps:
            report = await step(count, servers, args)
            report["rss_baseline_mib"] = [round(r, 1) for r in baseline]
            grown = sum(report["rss_peak_mib"]) - sum(baseline)
            report["rss_per_session_mib"] = round(grown / count, 2)
            reports.append(report)
            print(json.dumps(report, ensure_ascii=False), flush=True)
            if report["errors"] or (report["p95_s"] or 0) > P95_LIMIT_S:
                break
            await asyncio.sleep(3)
    finally:
        stop_servers(servers)
    return reports


def run(args: argparse.Namespace) -> int:
    OUT.mkdir(exist_ok=True)
    reports = asyncio.run(_run(args))
    held = [r for r in reports if not r["errors"] and (r["p95_s"] or 0) <= P95_LIMIT_S]
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"load-{stamp}.json").write_text(json.dumps(reports, indent=1, ensure_ascii=False))
    print(f"most concurrent sessions held (p95 <= {P95_LIMIT_S} s, 0 errors): {held[-1]['sessions'] if held else 0}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ready = commands.add_parser("prepare", help="a fresh database with the demo and the officer")
    ready.add_argument("--end", default="2021-09-30")
    go = commands.add_parser("run", help="two servers and steps of concurrent sessions")
    go.add_argument("--ports", type=lambda s: [int(p) for p in s.split(",")], help="default: two free ports")
    go.add_argument("--steps", type=lambda s: [int(n) for n in s.split(",")], default=[10, 20, 40, 60, 80, 120])
    go.add_argument("--step-seconds", type=float, default=30)
    go.add_argument("--ramp", type=float, default=5, help="seconds over which a step's users arrive")
    go.add_argument("--think", type=lambda s: tuple(float(x) for x in s.split(",")), default=(2.0, 6.0))
    go.add_argument("--mix", type=lambda s: tuple(float(x) for x in s.split(",")), default=(6.0, 2.0, 2.0))
    go.add_argument("--timeout", type=float, default=30)
    go.add_argument("--seed", type=int, default=13)
    views = commands.add_parser("cpu", help="server CPU per public page view, one view at a time")
    views.add_argument("--views", type=int, default=20)
    views.add_argument("--repeat", type=int, default=5)
    views.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args(argv)
    random.seed(getattr(args, "seed", 13))
    return {"prepare": prepare, "run": run, "cpu": cpu}[args.command](args)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
