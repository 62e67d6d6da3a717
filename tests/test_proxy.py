"""Two app servers behind a real nginx: the README's configuration ("App servers behind a reverse proxy"), Debian's
nginx, two `streamlit run` processes on one PostgreSQL database, and Debian's Chromium through Playwright.

The nginx configuration is the ```nginx block of README.md, read from it and changed mechanically by
`proxy_block` (each change must match exactly the lines it expects, so a README edit that defeats one fails here):
the two ssl_certificate lines go and `listen 443 ssl;` becomes a plain listen on a free loopback port (TLS left
out); the port-80 redirect server goes; the upstream's servers become the two local Streamlit ports. Around the
block, which is http-level text, `proxy_config` puts the lines any nginx run from a test folder needs (pid, error
and access logs and temporary paths in that folder, one worker; `user root` when run as root, since the folder is
private). The access log names each request's client address, upstream server and the X-Forwarded-For it came
with: that is how the test knows where the proxy sent whom. Nothing else is added: no header, no real-IP rule.

Clients at addresses of their own. Chromium cannot choose its source address, and the kernel gives every loopback
connection the source 127.0.0.1, so through nginx every browser would be one client, which `ip_hash` sends to one
process. Each test client is therefore a `ClientAddress`: a small TCP relay on 127.0.0.1 that makes its onward
connections to nginx from an address of its own (127.0.N.1; Linux routes all of 127/8 to the loopback device,
and `ip_hash` keys an IPv4 address on its first three octets, hence a different third octet). For nginx these are
real, distinct client addresses; the relay only copies bytes, and can drop its connections as a network would.
The test picks the first address that nginx sends to process A and the first it sends to process B.

The browser opens the site by a host name, SITE_HOST, which Chromium maps to 127.0.0.1: Streamlit accepts a
WebSocket from any loopback origin, so with 127.0.0.1 in the address bar the Host header the proxy passes (which
Streamlit compares with the WebSocket's Origin) would go untested.

What is checked:

* Pages load through the proxy with the security headers and the README's Content-Security-Policy, served by
  nginx itself (no header is added by the test, unlike tests/test_browser.py), and the browser reports no
  violation and no JavaScript error. The time to a finished first run of the public summary is measured through
  the proxy and directly from the same process (median of a few loads, printed).
* A WebSocket reconnect stays on its process: the officer signed in through the proxy on process A loses the
  relay's connections; the browser reconnects through the proxy, `ip_hash` sends it to A again, and the session
  (the sign-in) is still there. The counter-check: the same drop with the relay now connecting from B's address
  reconnects to B, which starts a new, signed-out session (README: a reconnect to another process signs out).
* An import through process A is shown by process B at its next rerun: a visitor on B reads Raipur's figures of
  a day on the public summary; the officer on A imports a file that adds 25 doses that day at a new centre; B's
  next rerun shows the doses of the day and to date 25 higher (results are cached by data version, which every
  process reads from the shared database).
* The per-client throttles see each client's address through X-Forwarded-For: the audit rows of the sign-ins name
  the relays' addresses (Streamlit trusts X-Forwarded-For from 127.0.0.1 by default: FORWARDED_ALLOW_IPS, which
  the servers run without); with A's client address at its sign-in limit, A's client is refused while B's client,
  sending `X-Forwarded-For: <A's address>` itself, signs in (nginx replaces the header with the real address).

Skipped when nginx, Chromium or PostgreSQL is absent, unless CI is set (.ci/run installs nginx and Chromium and
starts PostgreSQL) or, for PostgreSQL, TEEKA_REQUIRE_POSTGRES=1: then an absence is a failure.
"""

from __future__ import annotations

import contextlib
import difflib
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import Session

from data.accounts import throttle
from data.accounts.users import PER_CLIENT
from data.db import make_engine
from data.settings import ENVIRONMENT as SECRETS_ENVIRONMENT
from data.settings import identifier_hash
from stats.labels import t
from tests.conftest import REQUIRE_POSTGRES_ENV, postgres_database
from tests.files import doses_csv
from tests.test_browser import (  # noqa: F401  (chromium is a fixture)
    ELEMENT_WAIT_MS,
    OFFICER,
    PAGE_WAIT_MS,
    README,
    REPO,
    SERVER_START_S,
    Browser,
    Page,
    _ci,
    _free_port,
    _health,
    _missing,
    _tail,
    _test_secrets,
    chromium,
    content_security_policy,
    csp_violations,
    display_name,
    expect,
    go_to,
    launched,
    load_demo,
    nav_label,
    new_page,
    open_page,
    sign_in,
    sign_in_here,
    stop_process,
    wait_for_app_run,
)

pytestmark = [pytest.mark.browser, pytest.mark.postgres]

NGINX = Path("/usr/sbin/nginx")
DEMO_END = "2021-06-30"
DEMO_ARGS = ["--reset", "--end", DEMO_END, "--centres", "90", "--people", "20"]
"""A small demo (January to June 2021 over 90 centres): the proxy, not the figures, is under test."""
LOADS = 3
"""Page loads per way (through the proxy, directly) for the median load time."""
CLIENT_CANDIDATES = 32
"""Client addresses 127.0.1.1 … 127.0.32.1 tried for one that nginx sends to each process."""
NEW_CENTRE = {
    "date": DEMO_END,
    "district": "Raipur",
    "centre_code": "RPR-PROXY-01",
    "centre_name": "Proxy test camp",
    "age_band": "18-44",
    "dose_number": "1",
    "vaccine": "Covishield",
    "doses": "25",
}
"""The imported row: 25 doses on the demo's last day (a day of its own reports) at a centre new to the data."""
UPLOADED = "proxy-test.csv"


# --- The README's configuration, made runnable here ----------------------------------------------------------


NGINX_BLOCK = re.compile(r"^```nginx\n(.*?)^```", re.MULTILINE | re.DOTALL)


def readme_nginx() -> str:
    """The nginx configuration of the README (the one place it is written down)."""
    found = NGINX_BLOCK.findall(README.read_text(encoding="utf-8"))
    assert len(found) == 1, f"README.md should hold one ```nginx block, found {len(found)}"
    return found[0]


HEADER_LINE = re.compile(r'^\s*add_header ([\w-]+) "([^"]+)" always;', re.MULTILINE)


def security_headers() -> dict[str, str]:
    """The headers the README's block adds to every response (lower-case name -> value)."""
    return {name.lower(): value for name, value in HEADER_LINE.findall(readme_nginx())}


def _rewrite(config: str, pattern: str, replacement: str, count: int) -> str:
    """Replace what `pattern` matches (one line each); it must match exactly `count` times."""
    lines = re.compile(pattern, re.MULTILINE)
    found = len(lines.findall(config))
    assert found == count, f"README's nginx block: {pattern!r} matched {found} lines, expected {count}"
    return lines.sub(replacement, config)


def proxy_block(readme: str, port: int, upstreams: list[int]) -> str:
    """The README's block with TLS left out, listening on 127.0.0.1:port, the upstream's servers the local ports."""
    block = _rewrite(readme, r"^\s*ssl_certificate(_key)?\s.*\n", "", 2)
    block = _rewrite(block, r"^(\s*)listen 443 ssl;", rf"\g<1>listen 127.0.0.1:{port};", 1)
    block = _rewrite(block, r"^server \{ listen 80;.*return 301 .*\}\n", "", 1)
    servers = "".join(f"    server 127.0.0.1:{upstream};\n" for upstream in upstreams)
    return _rewrite(block, r"^(\s*server [0-9.]+:[0-9]+;\n)+", servers, 1)


def proxy_config(block: str, folder: Path) -> str:
    """The block (http-level text) in the main and http lines an nginx run from a test folder needs."""
    main = [
        # The test folder is pytest's (mode 0700): workers running as nobody could not write their temp files.
        *(["user root;"] if os.geteuid() == 0 else []),
        "worker_processes 1;",
        f"pid {folder}/nginx.pid;",
        f"error_log {folder}/error.log;",
        "events { worker_connections 256; }",
    ]
    http = [
        *(f"{kind}_temp_path {folder}/{kind}_temp;" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")),
        'log_format clients \'$remote_addr $upstream_addr "$request" $status "$http_x_forwarded_for"\';',
        f"access_log {folder}/access.log clients;",
    ]
    inner = "\n".join("    " + line if line else line for line in [*http, *block.splitlines()])
    return "\n".join([*main, "http {", inner, "}", ""])


def test_the_tested_configuration_is_the_readmes_without_tls(tmp_path: Path) -> None:
    """Exactly these lines change (hand-listed against the README's block), and nginx accepts the result."""
    readme = readme_nginx()
    block = proxy_block(readme, 8080, [9001, 9002])
    changes = [line for line in difflib.ndiff(readme.splitlines(), block.splitlines()) if line[:2] in ("- ", "+ ")]
    removed = [line[2:].split("#")[0].strip() for line in changes if line.startswith("- ")]
    added = [line[2:].strip() for line in changes if line.startswith("+ ")]
    assert removed == [
        *[f"server 10.0.0.{host}:{port};" for host in (11, 12) for port in (8501, 8502)],
        "listen 443 ssl;",
        "ssl_certificate     /etc/ssl/teeka/fullchain.pem;",
        "ssl_certificate_key /etc/ssl/teeka/privkey.pem;",
        "server { listen 80; server_name teeka.example.gov.in; return 301 https://$host$request_uri; }",
    ]
    assert added == ["server 127.0.0.1:9001;", "server 127.0.0.1:9002;", "listen 127.0.0.1:8080;"]
    if NGINX.is_file():
        (tmp_path / "nginx.conf").write_text(proxy_config(block, tmp_path), encoding="utf-8")
        checked = subprocess.run(
            [str(NGINX), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert checked.returncode == 0, checked.stderr


# --- Clients at addresses of their own -----------------------------------------------------------------------


SITE_HOST = "teeka.test"
"""The site's host name in the browser (Chromium maps it to 127.0.0.1). With 127.0.0.1 in the address bar Streamlit
would accept the WebSocket whatever Host the proxy passed (it always allows loopback origins): untested."""


class ClientAddress:
    """A client at its own loopback address: a TCP relay on 127.0.0.1 whose onward connections to the proxy come
    from `source` (see the module's docstring). `drop()` cuts every connection, as a network outage would."""

    def __init__(self, source: str, proxy_port: int) -> None:
        self.source, self.proxy_port = source, proxy_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        port = self.listener.getsockname()[1]
        self.url = f"http://{SITE_HOST}:{port}"
        self.address = f"http://127.0.0.1:{port}"  # for requests made outside the browser
        self._live: set[socket.socket] = set()
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                inbound, _ = self.listener.accept()
            except OSError:  # closed
                return
            onward = socket.socket()
            try:
                onward.bind((self.source, 0))
                onward.connect(("127.0.0.1", self.proxy_port))
            except OSError:
                inbound.close()
                onward.close()
                continue
            with self._lock:
                self._live.update({inbound, onward})
            for reader, writer in ((inbound, onward), (onward, inbound)):
                threading.Thread(target=self._pump, args=(reader, writer), daemon=True).start()

    def _pump(self, reader: socket.socket, writer: socket.socket) -> None:
        try:
            while data := reader.recv(65536):
                writer.sendall(data)
        except OSError:
            pass
        finally:
            for end in (reader, writer):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
            with self._lock:
                self._live.discard(reader)
            reader.close()  # each socket is one pump's reader: that pump closes it

    def drop(self) -> None:
        """Cut every open connection (the browser sees its WebSocket close and reconnects)."""
        with self._lock:
            live = list(self._live)
        for end in live:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.listener.close()
        self.drop()


# --- Fixtures ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nginx() -> Path:
    if not (NGINX.is_file() and os.access(NGINX, os.X_OK)):
        _missing(f"nginx not found at {NGINX} (apt-get install nginx)")
    return NGINX


@pytest.fixture(scope="module")
def database(_postgres_probe: str | None) -> Iterator[str]:
    """A fresh PostgreSQL database for the module (the two app servers share it); dropped at the end."""
    if _postgres_probe is not None:
        if _ci() or os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
            pytest.fail(_postgres_probe, pytrace=False)
        pytest.skip(_postgres_probe)
    with postgres_database("teeka_proxy_", schema=False) as url:
        yield url


@dataclass
class Site:
    """The proxy and the two app servers behind it."""

    proxy_port: int
    app_ports: list[int]  # process A, process B
    folder: Path
    env: dict[str, str]  # the app servers' environment (DATABASE_URL, the secrets)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}"

    def requests_of(self, client: str) -> list[list[str]]:
        """Each logged request from a client address, in order: [client, upstream, "method, path, protocol",
        status, "the X-Forwarded-For it came with"]."""
        lines = (self.folder / "access.log").read_text(encoding="utf-8").splitlines()
        fields = [re.findall(r'"[^"]*"|\S+', line) for line in lines]
        return [line for line in fields if line[0] == client]

    def upstreams_of(self, client: str) -> list[str]:
        """The upstream server of each logged request from a client address, in order."""
        return [request[1] for request in self.requests_of(client)]

    def logs(self) -> str:
        parts = [f"--- nginx error.log ---\n{_tail(self.folder / 'error.log')}"]
        for name in ("a", "b"):
            parts.append(f"--- streamlit {name} stderr ---\n{_tail(self.folder / f'streamlit-{name}.err')}")
        return "\n".join(parts)


def _start(command: list[str], folder: Path, name: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    with (folder / f"{name}.out").open("wb") as out, (folder / f"{name}.err").open("wb") as err:
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=err)


@pytest.fixture(scope="module")
def site(nginx: Path, chromium: Path, database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:  # noqa: F811
    """nginx with the README's configuration in front of two `streamlit run` processes on a small demo in the
    module's PostgreSQL database, with the officer's account; all stopped at the end of the module."""
    folder = tmp_path_factory.mktemp("proxy")
    site = Site(_free_port(), [_free_port(), _free_port()], folder, {})
    env = {name: value for name, value in os.environ.items() if name != "FORWARDED_ALLOW_IPS"}  # the default
    env.update(_test_secrets())
    env.update({"DATABASE_URL": database, SECRETS_ENVIRONMENT["public_base_url"]: site.url})
    env.update({"no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"})
    site.env = env
    load_demo(env, DEMO_ARGS)

    block = proxy_block(readme_nginx(), site.proxy_port, site.app_ports)
    (folder / "nginx.conf").write_text(proxy_config(block, folder), encoding="utf-8")
    processes = []
    try:
        for name, port in zip("ab", site.app_ports, strict=True):
            command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1"]
            command += ["--server.port", str(port), "--server.fileWatcherType", "none"]
            processes.append(_start(command, folder, f"streamlit-{name}", env))
        nginx_command = [str(nginx), "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"]
        processes.append(_start(nginx_command, folder, "nginx"))
        deadline = time.monotonic() + SERVER_START_S
        for url in [f"http://127.0.0.1:{port}" for port in site.app_ports] + [site.url]:
            while _health(url) != "ok":
                exited = [process.args[0] for process in processes if process.poll() is not None]
                if exited or time.monotonic() > deadline:
                    pytest.fail(f"{url} not healthy (exited: {exited})\n{site.logs()}")
                time.sleep(0.25)
        yield site
    finally:
        for process in reversed(processes):
            stop_process(process)


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Browser]:  # noqa: F811
    """Headless Chromium that resolves SITE_HOST to 127.0.0.1."""
    with launched(chromium, f"--host-resolver-rules=MAP {SITE_HOST} 127.0.0.1") as browser:
        yield browser


def _upstream_for(site: Site, source: str) -> str:
    """Where nginx sends a request from this client address (one health check, then the access log)."""
    connection = http.client.HTTPConnection("127.0.0.1", site.proxy_port, timeout=5, source_address=(source, 0))
    try:
        connection.request("GET", "/_stcore/health")
        assert connection.getresponse().read() == b"ok"
    finally:
        connection.close()
    deadline = time.monotonic() + 5
    while not (upstreams := site.upstreams_of(source)) and time.monotonic() < deadline:
        time.sleep(0.05)  # nginx logs a request just after answering it
    assert upstreams, f"no request from {source} in nginx's access log"
    return upstreams[-1]


@pytest.fixture(scope="module")
def clients(site: Site) -> Iterator[tuple[ClientAddress, ClientAddress]]:
    """Client a, whom nginx's ip_hash sends to process A, and client b, sent to process B."""
    wanted = [f"127.0.0.1:{port}" for port in site.app_ports]
    chosen: dict[str, str] = {}
    for n in range(1, CLIENT_CANDIDATES + 1):
        source = f"127.0.{n}.1"
        chosen.setdefault(_upstream_for(site, source), source)
        if all(upstream in chosen for upstream in wanted):
            break
    assert all(upstream in chosen for upstream in wanted), f"no client address for each process: {chosen}"
    pair = tuple(ClientAddress(chosen[upstream], site.proxy_port) for upstream in wanted)
    try:
        yield pair
    finally:
        for client in pair:
            client.close()


@dataclass
class Visit:
    """A site as a client sees it: sign_in() and open_page() need only its `url`."""

    url: str


def signed_in_caption(page: Page):
    return page.get_by_test_id("stSidebar").get_by_text(
        re.compile(re.escape(t("workspace.signed_in_as", name=display_name(OFFICER), role="R")).replace("R", ".+"))
    )


def batch_of(site: Site, file_name: str) -> int:
    """The id of the import batch of this file."""
    engine = create_engine(site.env["DATABASE_URL"])
    try:
        with engine.connect() as conn:
            query = text("SELECT id FROM import_batch WHERE file_name = :name")
            return conn.execute(query, {"name": file_name}).scalar_one()
    finally:
        engine.dispose()


def audit_details(site: Site, action: str) -> list[str]:
    engine = create_engine(site.env["DATABASE_URL"])
    try:
        with engine.connect() as conn:
            query = text("SELECT detail FROM audit_event WHERE action = :action ORDER BY id")
            return list(conn.execute(query, {"action": action}).scalars())
    finally:
        engine.dispose()


# --- The tests -------------------------------------------------------------------------------------------------


def _load_seconds(page: Page, url: str) -> float:
    """Seconds from asking for the public summary to its first run finished: the chart drawn, the script done
    and no element skeleton left (no fixed pauses, unlike wait_for_app_run)."""
    started = time.perf_counter()
    page.goto(url)
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible(timeout=PAGE_WAIT_MS)
    page.locator("[data-testid=stApp][data-test-script-state=notRunning]").wait_for(state="attached")
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=PAGE_WAIT_MS)
    return time.perf_counter() - started


def test_pages_load_through_the_proxy_with_its_headers(
    browser: Browser,
    site: Site,
    clients: tuple[ClientAddress, ClientAddress],
) -> None:
    a, _ = clients
    errors: list[str] = []
    with new_page(browser, add_csp=False) as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        response = page.goto(a.url + "/summary")
        assert response is not None and response.ok
        added = security_headers()
        assert added["content-security-policy"] == content_security_policy()
        assert {name: response.headers.get(name) for name in added} == added
        wait_for_app_run(page)
        expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible(timeout=ELEMENT_WAIT_MS)
        assert not page.get_by_test_id("stException").count()
        health = page.request.get(a.address + "/_stcore/health")  # not only documents carry them
        assert {name: health.headers.get(name) for name in added} == added
        # Load times: through nginx (no relay) and directly from the process nginx sends 127.0.0.1 to.
        upstream = _upstream_for(site, "127.0.0.1")
        proxied = [_load_seconds(page, f"http://{SITE_HOST}:{site.proxy_port}/summary") for _ in range(LOADS)]
        direct = [_load_seconds(page, f"http://{upstream}/summary") for _ in range(LOADS)]
        violations = csp_violations(page)
    through, straight = statistics.median(proxied), statistics.median(direct)
    print(
        f"\npublic summary, seconds to its first run finished (median of {LOADS}): through nginx {through:.2f}, "
        f"directly {straight:.2f}, ratio {through / straight:.2f}"
    )
    assert not errors, f"JavaScript errors: {errors}"
    assert not violations, f"Content-Security-Policy violations: {violations}"
    assert set(site.upstreams_of(a.source)) == {f"127.0.0.1:{site.app_ports[0]}"}


def _reconnect(page: Page, client: ClientAddress) -> None:
    """Drop the client's connections and wait for the browser's new WebSocket and its connected state. Streamlit's
    page does not rerun on a reconnect: its next interaction shows which session it reached."""
    with page.expect_websocket(lambda socket: socket.url.endswith("/_stcore/stream"), timeout=PAGE_WAIT_MS):
        client.drop()
    app = page.locator("[data-testid=stApp][data-test-connection-state=CONNECTED]")
    app.wait_for(state="attached", timeout=PAGE_WAIT_MS)


def test_a_websocket_reconnect_stays_on_its_process(
    browser: Browser,
    site: Site,
    clients: tuple[ClientAddress, ClientAddress],
) -> None:
    a, b = clients
    with new_page(browser, add_csp=False) as page:
        sign_in(page, OFFICER, Visit(a.url))
        go_to(page, "overview")
        _reconnect(page, a)
        go_to(page, "district_pace")  # the next rerun: still the officer's session, on process A
        expect(page.get_by_role("heading", name=t("district_pace.title"), exact=True)).to_be_visible()
        expect(signed_in_caption(page)).to_be_visible(timeout=ELEMENT_WAIT_MS)
        # The counter-check: the same browser reaching nginx from b's address is sent to process B, where its
        # reconnect starts a new session: the next rerun asks for a sign-in.
        own = a.source
        a.source = b.source
        try:
            _reconnect(page, a)
            go_to(page, "overview")
        finally:
            a.source = own
        asked = t("workspace.asked_for", page=nav_label("overview"))
        expect(page.get_by_test_id("stMain").get_by_text(asked, exact=True)).to_be_visible(timeout=ELEMENT_WAIT_MS)
        expect(signed_in_caption(page)).to_have_count(0)
        violations = csp_violations(page)
    assert not violations, f"Content-Security-Policy violations: {violations}"
    assert set(site.upstreams_of(a.source)) == {f"127.0.0.1:{site.app_ports[0]}"}
    assert set(site.upstreams_of(b.source)) == {f"127.0.0.1:{site.app_ports[1]}"}


def day_figures(page: Page) -> dict[str, str]:
    """The summary's headline cards: label -> value."""
    cards = page.get_by_test_id("stMain").get_by_test_id("stMetric")
    expect(cards.first).to_be_visible(timeout=ELEMENT_WAIT_MS)
    return {
        card.get_by_test_id("stMetricLabel").inner_text().strip(): card.get_by_test_id("stMetricValue").inner_text()
        for card in cards.all()
    }


def test_an_import_through_one_process_is_shown_by_the_other_at_its_next_rerun(
    browser: Browser,
    site: Site,
    clients: tuple[ClientAddress, ClientAddress],
) -> None:
    a, b = clients
    summary = f"/summary?district=RPR&date={NEW_CENTRE['date']}"
    with new_page(browser, add_csp=False) as on_b, new_page(browser, add_csp=False) as on_a:
        open_page(on_b, b.url + summary)
        before = day_figures(on_b)
        sign_in(on_a, OFFICER, Visit(a.url))
        go_to(on_a, "upload")
        main = on_a.get_by_test_id("stMain")
        uploader = main.get_by_test_id("stFileUploader").locator("input[type=file]")
        uploader.set_input_files({"name": UPLOADED, "mimeType": "text/csv", "buffer": doses_csv([NEW_CENTRE])})
        wait_for_app_run(on_a)
        main.get_by_role("button", name=t("upload.commit")).click()
        wait_for_app_run(on_a)
        committed = t("upload.committed", batch=batch_of(site, UPLOADED), new=1, changed=0, unchanged=0)
        expect(main.get_by_test_id("stAlert").get_by_text(committed, exact=True)).to_be_visible(timeout=ELEMENT_WAIT_MS)
        assert day_figures(on_b) == before  # B shows nothing new until its next rerun
        go_to(on_b, "summary")
        after = day_figures(on_b)
        violations = csp_violations(on_a) + csp_violations(on_b)
    assert not violations, f"Content-Security-Policy violations: {violations}"
    for key in ("summary.on_day", "summary.to_date"):
        figure = t(key)
        assert number(after[figure]) == number(before[figure]) + int(NEW_CENTRE["doses"]), (figure, before, after)
    assert all(number(after[figure]) >= number(value) for figure, value in before.items()), (before, after)


def number(text: str) -> int:
    """A whole number as the cards write it (1,10,440)."""
    return int(text.replace(",", ""))


def test_the_throttles_see_each_clients_address(
    browser: Browser,
    site: Site,
    clients: tuple[ClientAddress, ClientAddress],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = clients
    with new_page(browser, add_csp=False) as page:
        sign_in(page, OFFICER, Visit(a.url))
    signed_in = audit_details(site, "sign-in")[-1]
    assert signed_in == f"client={a.source}", signed_in  # client a's address reached the app
    # Client a's address uses up its sign-in attempts of the minute (as 20 attempts would) ...
    monkeypatch.setenv(SECRETS_ENVIRONMENT["identifier_key"], site.env[SECRETS_ENVIRONMENT["identifier_key"]])
    engine = make_engine(site.env["DATABASE_URL"])
    try:
        with Session(engine) as session:
            for _ in range(PER_CLIENT.limit):
                throttle.count(
                    PER_CLIENT, identifier_hash("client:" + a.source), session=session, now=datetime.now(UTC)
                )
            session.commit()
    finally:
        engine.dispose()
    # ... so the officer's right password is refused through client a ...
    with new_page(browser, add_csp=False) as page:
        open_page(page, a.url + "/sign_in")
        sign_in_here(page, OFFICER)
        expect(page.get_by_test_id("stMain").get_by_text(t("workspace.failed"), exact=True)).to_be_visible()
        expect(signed_in_caption(page)).to_have_count(0)
    refused = audit_details(site, "sign-in-failed")[-1]
    assert refused == f"throttled client={a.source}", refused
    # ... but not through client b, although b claims a's address itself: nginx replaces X-Forwarded-For.
    with new_page(browser, add_csp=False, headers={"X-Forwarded-For": a.source}) as page:
        sign_in(page, OFFICER, Visit(b.url))
    signed_in = audit_details(site, "sign-in")[-1]
    assert signed_in == f"client={b.source}", signed_in
    # The claim did reach nginx, on the WebSocket too (logged once it closed, with the page).
    claimed = f'"{a.source}"'
    deadline = time.monotonic() + 5
    while not any("/_stcore/stream" in line[2] and line[4] == claimed for line in site.requests_of(b.source)):
        assert time.monotonic() < deadline, f"no WebSocket from {b.source} claiming {a.source} in the access log"
        time.sleep(0.1)
