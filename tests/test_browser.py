"""Real-browser tests: the app served by `streamlit run` on a small demo database, opened in Debian's Chromium
through Playwright, with the security headers the README's reverse proxy adds.

It waits the way Streamlit's own e2e suite does (``/_stcore/health`` answers ``ok``; then the app is connected,
the script is ``notRunning`` and no ``stSkeleton`` is left).

Every page is served with the Content-Security-Policy of the README's nginx example (read from README.md and
added by Playwright to each HTML response), and a violation the browser reports is a failure: the policy the
README gives is the one tested here.

``test_public_visitor_sees_only_the_public_pages`` comes first on purpose: the first request to the fresh server
is a visitor's deep link to a dashboard page (/bulletin, a bookmark after a restart), which must show no error and
no dashboard but the sign-in page naming the page asked for, at /sign_in?next=bulletin. Then the public summary
(figures, a Plotly chart), and the sign-in page; the navigation holds the public pages only.

``test_a_staff_deep_link_signs_in_then_opens_the_page_and_the_address_follows``: /overview opened by the public
gives the sign-in naming it, and signing in opens it at /overview; the address follows the navigation
(/district_pace); a reload signs out (a password session lives in the open page only: README, "Accounts and
roles") and, signed in again, reopens District pace; the root address shows the public summary at /summary.

``test_every_page_renders_in_chromium`` signs in as the officer through the sign-in form and opens every page of
the officer's navigation from the sidebar (a page load would start a new, signed-out session): no exception box,
the app's frame (the role's navigation, sections and the language switch), the page's title, a Plotly chart where
the page has charts, the overview's headline figures grouped the Indian way, the switch to Hindi, and signing out.

``test_collector_sees_their_pages`` does the same for each collector: exactly their pages (the dashboard and
Upload data, not Stock entry, Accounts or the Audit trail), each rendering without an exception box.

The accounts are the demo accounts' usernames, passwords and roles, added with ``python -m data.accounts add``: the
test's database is not the embedded demo one, where demo accounts are refused.

``test_citizen_gets_and_verifies_a_certificate`` is the citizen's flow end to end: a documented demo person asks
for the certificate on /certificate with the reference id and mobile, reads the one-time code from the SMS the
server sent through its HTTP gateway sender to a stub gateway on the loopback address (the database keeps no code,
and the test's database is not the embedded demo one, so the page does not show it), sees the
certificate and downloads its PDF; the QR code on the page holds the verification link of the token that
``python -m data.certificates issue`` prints. That link, opened in a fresh browser as a phone camera would, says
VALID with the person's name in the signed details; a token with an altered name, pasted into the form, says
INVALID (bad signature).

``test_officer_uploads_commits_and_undoes_an_import`` is the officer's upload flow: on Upload data, a daily-doses
CSV with a negative dose and an unknown district (set on the uploader's file input) shows its problems and no
commit button, and writes nothing; then a file of one unchanged, one changed and one new row of a Raipur centre on a
day of the test database shows exactly those counts in its preview, is committed (the message, the history row)
and undone (the batch chosen, the confirmation ticked: the message, the history's "Undone"), which gives the
database its rows back; the Audit trail then lists the import and its undo, and nothing of the refused file.

The server runs with test values of the registry's secrets (made here: tests/conftest.py sets them only per test
function, after this module's server has started). A full-page screenshot of each page and step goes to
``tests/screenshots/`` (git-ignored).

Skipped when /usr/bin/chromium (or Playwright) is absent, unless CI is set: .ci/run installs Chromium, so
there its absence is a failure.
"""

from __future__ import annotations

import base64
import contextlib
import http.server
import json
import os
import re
import secrets
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from data.access import PAGES as PAGE_ROLES
from data.accounts.users import DEMO_ACCOUNTS, DemoAccount
from data.certificates.qr import decode_qr
from data.certificates.sms import ENVIRONMENT as SMS_ENVIRONMENT
from data.demo import demo_people
from data.master import district_names
from data.settings import ENVIRONMENT as SECRETS_ENVIRONMENT
from stats.labels import CATALOGUE, t
from tests.files import doses_csv

try:
    from playwright.sync_api import Browser, Page, Route, expect, sync_playwright
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-proxy-server",
    # A response Playwright fulfils (to add the CSP) has no server address, so Chromium would treat the page as
    # public and block its WebSocket to 127.0.0.1 as a local-network request. Behind a real proxy there is no
    # such difference between the page and the WebSocket.
    "--disable-features=LocalNetworkAccessChecks",
]
DEMO_ARGS = ["--reset", "--end", "2021-10-31", "--centres", "400"]
"""About 4 s: January to October 2021 over 400 centres (and the demo registry of beneficiaries): its own reports
cover every day the published series do, so the default day (the latest with data) is one of its own."""

SERVER_START_S = 60
CLI_TIMEOUT_S = 60
PAGE_WAIT_MS = 60_000
ELEMENT_WAIT_MS = 10_000
"""For an element once the script has finished (Plotly's code loads lazily, then draws)."""
VIEWPORT = {"width": 1400, "height": 900}
MAX_SCREENSHOT_HEIGHT = 8000

INDIAN_NUMBER = re.compile(r"^[0-9]{1,2}(,[0-9]{2})*(,[0-9]{3})?$|^[0-9]{1,3}$")
"""A whole number grouped the Indian way: 7, 999, 1,234, 84,19,708 (not 8,419,708)."""
UNITS = re.compile(r"lakh|crore|लाख|करोड़")
NUMBER = re.compile(r"[0-9]+(?:,[0-9]+)*")
"""A number's integer part within a text such as "84.20 lakh" or "0.7 days"."""

CSP_LINE = re.compile(r'^\s*add_header Content-Security-Policy "([^"]+)" always;\s*$', re.MULTILINE)


def content_security_policy() -> str:
    """The Content-Security-Policy of the README's nginx example (the one place it is written down)."""
    found = CSP_LINE.findall(README.read_text(encoding="utf-8"))
    assert len(found) == 1, f"README.md should give one Content-Security-Policy header, found {len(found)}"
    return found[0]


@dataclass(frozen=True)
class AppPage:
    module: str  # pages/<module>.py, its url path, and the stats.labels module of its labels
    has_charts: bool
    title_key: str | None = None  # the label of its title when it is not <module>.title

    @property
    def path(self) -> str:
        return f"/{self.module}"


SPECS = {
    spec.module: spec
    for spec in [
        AppPage("summary", True),
        AppPage("about", False),
        AppPage("overview", True),
        AppPage("district_pace", True),
        AppPage("data_quality", True),
        AppPage("bulletin", False),
        AppPage("upload", False),
        AppPage("stock", False),
        AppPage("users", False),
        AppPage("audit_trail", False),
        AppPage("certificate", False, title_key="certificate.page_title"),
        AppPage("verify", False),
        AppPage("sign_in", False, title_key="workspace.title"),
    ]
}
NAVIGATION = [
    ("workspace.nav_section_public", ["summary", "about"]),
    ("common.nav_section_dashboard", ["overview", "district_pace", "data_quality", "bulletin"]),
    ("workspace.nav_section_workspace", ["upload", "stock", "users", "audit_trail"]),
    ("common.nav_section_public", ["certificate", "verify"]),
    ("workspace.nav_section_staff", ["sign_in"]),
]
"""The sidebar's sections and pages in order; a viewer sees the pages of their role (data.access.PAGES) and the
sections that hold one."""

OFFICER, RAIPUR, DURG = (
    next(account for account in DEMO_ACCOUNTS if account.username == name)
    for name in ("officer", "collector.raipur", "collector.durg")
)

PERSON = next(person for person in demo_people() if person.reference_id == "9234567890123")
"""A documented demo person (Ramesh Kumar Verma, Covishield), vaccinated before the demo's last day."""
TEST_SIGNING_KID = "browser-test-key"


def nav_label(module: str, lang: str = "en") -> str:
    keys = (f"workspace.nav_{module}", f"{module}.nav", f"common.nav_{module}")
    return t(next((key for key in keys if key in CATALOGUE), keys[-1]), lang)


def pages_of(role: str) -> list[str]:
    """The pages in the navigation of a role, in the sidebar's order."""
    return [module for _, modules in NAVIGATION for module in modules if role in PAGE_ROLES[module]]


def sections_of(role: str) -> list[str]:
    return [section for section, modules in NAVIGATION if any(role in PAGE_ROLES[module] for module in modules)]


def title(spec: AppPage, lang: str = "en") -> str:
    """The page's title: its title_key, else <module>.title when the page has its own, else its navigation name."""
    key = spec.title_key or f"{spec.module}.title"
    return t(key, lang) if key in CATALOGUE else nav_label(spec.module, lang)


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def _missing(reason: str) -> None:
    if _ci():
        pytest.fail(f"{reason} (CI is set, and .ci/run installs Chromium)", pytrace=False)
    pytest.skip(reason)


def _tail(path: Path, lines: int = 60) -> str:
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:]) or "(empty)"


def _test_secrets() -> dict[str, str]:
    """Test values of the registry's secrets for the server and the CLI: a random identifier key and a fresh
    Ed25519 signing key (PKCS#8 PEM). Required, as the database is not the embedded demo one."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = (
        Ed25519PrivateKey.generate()
        .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        .decode()
    )
    return {
        SECRETS_ENVIRONMENT["identifier_key"]: base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        SECRETS_ENVIRONMENT["signing_key"]: pem,
        SECRETS_ENVIRONMENT["signing_kid"]: TEST_SIGNING_KID,
    }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _health(url: str) -> str | None:
    """The body of /_stcore/health, or None when it does not answer (no proxy, even if one is set)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode("utf-8", errors="replace").strip()
    except (urllib.error.URLError, OSError):
        return None


def display_name(account: DemoAccount) -> str:
    return account.display_name.replace(" (demo)", "")


def _add_accounts(env: dict[str, str]) -> None:
    """The demo accounts' usernames, passwords and roles as ordinary accounts, through the CLI."""
    for account in (OFFICER, RAIPUR, DURG):
        command = [sys.executable, "-m", "data.accounts", "add", account.username, "--role", account.role]
        command += ["--district", account.district_code] if account.district_code else []
        command += ["--name", display_name(account), "--password-stdin"]
        result = subprocess.run(
            command,
            cwd=REPO,
            env=env,
            input=account.password + "\n",
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT_S,
            check=False,
        )
        assert result.returncode == 0, f"{' '.join(command[1:5])} failed:\n{result.stdout}\n{result.stderr}"


# --- Fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's Chromium and Playwright's Python package; skipped locally when absent, failed on CI."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _missing(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    if sync_playwright is None:
        _missing("Playwright is not installed (pip install -r requirements-dev.txt)")
    return CHROMIUM


@dataclass
class Server:
    url: str
    stdout: Path
    stderr: Path
    database: Path  # the SQLite file of DATABASE_URL
    env: dict[str, str]  # the server's environment, for the command-line tools

    def logs(self) -> str:
        return "\n".join(
            [
                "--- streamlit stderr (tail) ---",
                _tail(self.stderr),
                "--- streamlit stdout (tail) ---",
                _tail(self.stdout),
            ]
        )


class SmsGateway:
    """A stub SMS gateway on the loopback address: the codes the server sends, in order (the phone)."""

    def __init__(self) -> None:
        self.codes: list[str] = []
        gateway = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                gateway.codes.append(query["code"][0])
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args) -> None:  # quiet
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sms?to={{mobile}}&code={{code}}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def count(self) -> int:
        return len(self.codes)

    def code_after(self, sent_before: int) -> str:
        """The code of the one message sent after message number `sent_before` (waits for it a little: the
        server sends in the background)."""
        deadline = time.monotonic() + ELEMENT_WAIT_MS / 1000
        while len(self.codes) <= sent_before and time.monotonic() < deadline:
            time.sleep(0.1)
        new = self.codes[sent_before:]
        assert len(new) == 1, f"{len(new)} messages sent after the details were sent, expected 1"
        assert re.fullmatch(r"[0-9]{6}", new[0]), f"not a 6-digit code: {new[0]!r}"
        return new[0]


@pytest.fixture(scope="module")
def sms_gateway() -> Iterator[SmsGateway]:
    gateway = SmsGateway()
    yield gateway
    gateway.httpd.shutdown()
    gateway.httpd.server_close()


@pytest.fixture(scope="module")
def server(chromium: Path, sms_gateway: SmsGateway, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`streamlit run app.py` on a fresh small demo database with three accounts, its codes sent to the stub
    gateway; terminated at the end of the module."""
    tmp = tmp_path_factory.mktemp("browser")
    database = tmp / "teeka.db"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    # Codes go to the stub gateway, whatever the caller's environment holds (the outbox keeps no code).
    env = {name: value for name, value in os.environ.items() if name not in SMS_ENVIRONMENT.values()}
    env.update(_test_secrets())
    env.update({"DATABASE_URL": f"sqlite:///{database}", SECRETS_ENVIRONMENT["public_base_url"]: url})
    env[SMS_ENVIRONMENT["url"]] = sms_gateway.url
    env.update({"no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"})
    load_demo(env)

    server = Server(url, tmp / "streamlit.out", tmp / "streamlit.err", database, env)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    with server.stdout.open("wb") as out, server.stderr.open("wb") as err:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=err)
    try:
        deadline = time.monotonic() + SERVER_START_S
        while _health(server.url) != "ok":
            if process.poll() is not None:
                pytest.fail(f"streamlit exited with {process.returncode} before it was healthy\n{server.logs()}")
            if time.monotonic() > deadline:
                pytest.fail(f"{server.url}/_stcore/health did not answer ok within {SERVER_START_S} s\n{server.logs()}")
            time.sleep(0.25)
        yield server
    finally:
        stop_process(process)


def stop_process(process: subprocess.Popen) -> None:
    """Terminate a server process; kill it if it has not ended 10 s later."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def load_demo(env: dict[str, str], args: list[str] = DEMO_ARGS) -> None:
    """`python -m data.demo` (small: `args`) into env's DATABASE_URL, then the test accounts."""
    demo = subprocess.run(
        [sys.executable, "-m", "data.demo", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert demo.returncode == 0, f"python -m data.demo failed:\n{demo.stdout}\n{demo.stderr}"
    _add_accounts(env)


@contextlib.contextmanager
def launched(chromium: Path, *args: str) -> Iterator[Browser]:
    """Headless Chromium with CHROMIUM_ARGS and `args`."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=[*CHROMIUM_ARGS, *args])
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Browser]:
    """Headless Chromium, shared by the module's tests (each of its pages has a context of its own)."""
    with launched(chromium) as browser:
        yield browser


CSP_VIOLATIONS: dict[Page, list[str]] = {}
"""What the browser reported against the Content-Security-Policy, by page (see new_page)."""
REPORT_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (event) => window.reportCspViolation(
  `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} (from ${event.sourceFile || 'the page'})`));
"""


def _is_document(url: str) -> bool:
    """An app address (/, /overview, /verify?c=…), not a script, style, image, media file or API call."""
    path = urllib.parse.urlsplit(url).path
    return (
        not path.startswith(("/static/", "/_stcore/", "/media/", "/component/")) and "." not in path.rsplit("/", 1)[-1]
    )


def _with_csp(policy: str):
    def handle(route: Route) -> None:
        if route.request.resource_type != "document":
            route.fallback()
            return
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})

    return handle


@contextlib.contextmanager
def new_page(browser: Browser, *, add_csp: bool = True, headers: dict[str, str] | None = None) -> Iterator[Page]:
    """A page in a fresh browser context (no cookies: a new Streamlit session), in English (the app picks its
    language from the browser's locale), served with the README's Content-Security-Policy (added here unless
    `add_csp` is false: behind the real proxy, which adds it itself); what the browser reports against it is in
    csp_violations(page). `headers`: sent with every request."""
    context = browser.new_context(
        viewport=VIEWPORT,
        locale="en-US",
        timezone_id="Asia/Kolkata",
        accept_downloads=True,
        extra_http_headers=headers,
    )
    violations: list[str] = []
    page = None
    try:
        context.set_default_timeout(PAGE_WAIT_MS)
        if add_csp:
            context.route(_is_document, _with_csp(content_security_policy()))
        context.expose_function("reportCspViolation", lambda text: violations.append(text))
        context.add_init_script(REPORT_VIOLATIONS)
        page = context.new_page()
        CSP_VIOLATIONS[page] = violations
        yield page
    finally:
        context.close()
        CSP_VIOLATIONS.pop(page, None)


def csp_violations(page: Page) -> list[str]:
    """The violations reported so far (each once), and forget them."""
    found = list(dict.fromkeys(CSP_VIOLATIONS.get(page, [])))
    CSP_VIOLATIONS.get(page, []).clear()
    return found


@pytest.fixture(scope="module")
def page(browser: Browser, server: Server) -> Iterator[Page]:
    """The page the public visitor and the officer walk through the app with."""
    with new_page(browser) as page:
        yield page


# --- Helpers -----------------------------------------------------------------------------------


def wait_for_app_run(page: Page) -> None:
    """As Streamlit's e2e suite: connected, the script not running, and no element skeleton left."""
    page.wait_for_timeout(250)  # let a rerun start before looking for its end
    app = page.get_by_test_id("stApp")
    page.locator("[data-testid=stApp][data-test-connection-state=CONNECTED]").wait_for(state="attached")
    page.locator("[data-testid=stApp][data-test-script-state=notRunning]").wait_for(state="attached")
    expect(app.get_by_test_id("stSkeleton")).to_have_count(0, timeout=PAGE_WAIT_MS)
    page.wait_for_timeout(250)  # Plotly draws after the element mounts


def open_page(page: Page, url: str) -> None:
    """Load the page (a new session) and wait for its first run; the navigation appears once the script ran to it."""
    page.goto(url)
    page.get_by_test_id("stAppViewContainer").wait_for(state="attached")
    page.get_by_test_id("stSidebarNav").wait_for(state="attached")
    wait_for_app_run(page)


def nav_link(page: Page, module: str, lang: str = "en"):
    links = page.get_by_test_id("stSidebar").get_by_test_id("stSidebarNavLink")
    return links.filter(has=page.get_by_text(nav_label(module, lang), exact=True))


def go_to(page: Page, module: str, lang: str = "en") -> None:
    """Open a page from the sidebar's navigation (in the same session, as a signed-in user does)."""
    nav_link(page, module, lang).click()
    wait_for_app_run(page)


def sign_in(page: Page, account: DemoAccount, server: Server) -> None:
    """Through the sign-in form, in English; the officer's or collector's name then shows in the sidebar."""
    open_page(page, server.url + "/sign_in")
    main = page.get_by_test_id("stMain")
    main.get_by_label(t("workspace.username"), exact=True).fill(account.username)
    main.get_by_label(t("workspace.password"), exact=True).fill(account.password)
    main.get_by_role("button", name=t("workspace.submit"), exact=True).click()
    wait_for_app_run(page)
    signed_in = t("workspace.signed_in_as", name=display_name(account), role="ROLE")
    caption = re.compile(re.escape(signed_in).replace("ROLE", ".+"))
    expect(page.get_by_test_id("stSidebar").get_by_text(caption)).to_be_visible(timeout=ELEMENT_WAIT_MS)


def sign_out(page: Page, lang: str = "en") -> None:
    """The sidebar's sign-out button; the navigation falls back to the public pages and says why."""
    page.get_by_test_id("stSidebar").get_by_role("button", name=t("workspace.sign_out", lang)).click()
    wait_for_app_run(page)
    expect(page.get_by_text(t("workspace.notice_signed_out", lang), exact=True)).to_be_visible(timeout=ELEMENT_WAIT_MS)


def screenshot(page: Page, name: str) -> Path:
    """The whole page: the viewport is stretched to the main area's height (it scrolls inside, not the body)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    height = page.evaluate(
        "() => Math.max(...['stMain', 'stMainBlockContainer', 'stSidebarContent']"
        ".map(id => document.querySelector(`[data-testid=${id}]`)?.scrollHeight ?? 0))"
    )
    page.set_viewport_size(
        {"width": VIEWPORT["width"], "height": min(max(height, VIEWPORT["height"]), MAX_SCREENSHOT_HEIGHT)}
    )
    path = SCREENSHOTS / f"{name}.png"
    try:
        page.wait_for_timeout(250)
        page.screenshot(path=path, full_page=True, animations="disabled")
    finally:
        page.set_viewport_size(VIEWPORT)
    return path


def exceptions(page: Page) -> list[str]:
    return [text.strip() for text in page.get_by_test_id("stException").all_inner_texts()]


def check(problems: list[str], what: str, assertion) -> None:
    """Run a Playwright expectation; record its failure instead of stopping (every page gets looked at)."""
    try:
        assertion()
    except (AssertionError, PlaywrightError) as error:
        problems.append(f"{what}: " + " | ".join(line.strip() for line in str(error).strip().splitlines()[:3]))


def check_navigation(page: Page, role: str, problems: list[str], name: str, lang: str = "en") -> None:
    """Exactly the role's pages in the sidebar, in order, under their sections."""
    sidebar = page.get_by_test_id("stSidebar")
    links = sidebar.get_by_test_id("stSidebarNavLink")
    nav = [nav_label(module, lang) for module in pages_of(role)]
    check(problems, f"{name}: the {role}'s navigation", lambda: expect(links).to_have_count(len(nav)))
    check(
        problems,
        f"{name}: the {role}'s navigation",
        lambda: expect(links).to_contain_text(nav, timeout=ELEMENT_WAIT_MS),
    )
    sections = sidebar.get_by_test_id("stNavSectionHeader")
    headers = [t(key, lang) for key in sections_of(role)]
    check(problems, f"{name}: the navigation's sections", lambda: expect(sections).to_have_count(len(headers)))
    check(
        problems,
        f"{name}: the navigation's sections",
        lambda: expect(sections).to_contain_text(headers, timeout=ELEMENT_WAIT_MS),
    )


def check_page(
    page: Page, spec: AppPage, role: str, problems: list[str], lang: str = "en", heading: str | None = None
) -> None:
    """The page as a role sees it: no exception box, the role's navigation, the language switch, the title
    (`heading` when the page names more than its own title, e.g. a collector's district) and a chart."""
    main = page.get_by_test_id("stMain")
    sidebar = page.get_by_test_id("stSidebar")
    name = f"{role} {spec.module}" + ("" if lang == "en" else f"-{lang}")
    boxes = exceptions(page)
    if boxes:
        problems.append(f"{name}: {len(boxes)} exception box(es): {boxes}")
    # The frame (app.py): the role's navigation, and the language switch.
    check_navigation(page, role, problems, name, lang)
    switch = sidebar.get_by_text("हिन्दी", exact=True)
    check(problems, f"{name}: the language switch", lambda: expect(switch).to_be_visible(timeout=ELEMENT_WAIT_MS))
    heading = heading or title(spec, lang)
    title_shown = main.get_by_role("heading", name=heading, exact=True).first
    check(problems, f"{name}: title {heading!r}", lambda: expect(title_shown).to_be_visible(timeout=ELEMENT_WAIT_MS))
    if spec.has_charts and lang == "en":
        chart = main.locator("[data-testid=stPlotlyChart], .js-plotly-plot").first
        check(problems, f"{name}: a Plotly chart", lambda: expect(chart).to_be_visible(timeout=ELEMENT_WAIT_MS))


def check_headline_figures(page: Page, problems: list[str], name: str = "overview", least: int = 4) -> None:
    values = page.get_by_test_id("stMain").get_by_test_id("stMetricValue")
    check(problems, f"{name}: headline figures", lambda: expect(values.first).to_be_visible(timeout=ELEMENT_WAIT_MS))
    texts = [text.strip() for text in values.all_inner_texts()]
    if len(texts) < least:
        problems.append(f"{name}: {len(texts)} headline figures (stMetricValue), expected at least {least}: {texts}")
    if not any(INDIAN_NUMBER.match(text) or UNITS.search(text) for text in texts):
        problems.append(f"{name}: no headline figure is a count grouped the Indian way or in lakh/crore: {texts}")
    badly_grouped = [text for text in texts if not all(INDIAN_NUMBER.match(n) for n in NUMBER.findall(text))]
    if badly_grouped:
        problems.append(f"{name}: figures with numbers not grouped the Indian way: {badly_grouped}")


def check_csp(page: Page, problems: list[str], name: str) -> None:
    found = csp_violations(page)
    if found:
        problems.append(f"{name}: Content-Security-Policy violations: {found}")


def report(problems: list[str], errors: list[str], seconds: dict[str, float], server: Server) -> None:
    timings = "seconds to a finished run: " + ", ".join(f"{name} {value:.1f}" for name, value in seconds.items())
    print(timings)
    if errors:
        problems.append(f"JavaScript errors in the page: {errors}")
    assert not problems, "\n".join(["The browser found problems:", *problems, timings, "", server.logs()])


def check_asked_to_sign_in(page: Page, module: str, problems: list[str], name: str) -> None:
    """The sign-in page, naming the staff page asked for, at /sign_in?next=<module> (kept over a reload)."""
    main = page.get_by_test_id("stMain")
    heading = main.get_by_role("heading", name=title(SPECS["sign_in"]), exact=True)
    check(problems, f"{name}: the sign-in page", lambda: expect(heading).to_be_visible(timeout=ELEMENT_WAIT_MS))
    asked = main.get_by_text(t("workspace.asked_for", page=nav_label(module)), exact=True)
    check(problems, f"{name}: names the page asked for", lambda: expect(asked).to_be_visible(timeout=ELEMENT_WAIT_MS))
    address = re.compile(re.escape(f"/{SPECS['sign_in'].module}?next={module}") + "$")
    check(problems, f"{name}: the address {address.pattern}", lambda: expect(page).to_have_url(address))


def sign_in_here(page: Page, account: DemoAccount) -> None:
    """Fill in and submit the sign-in form on the page shown."""
    main = page.get_by_test_id("stMain")
    main.get_by_label(t("workspace.username"), exact=True).fill(account.username)
    main.get_by_label(t("workspace.password"), exact=True).fill(account.password)
    main.get_by_role("button", name=t("workspace.submit"), exact=True).click()
    wait_for_app_run(page)


# --- The public visitor, the officer and the collectors ------------------------------------------


def test_public_visitor_sees_only_the_public_pages(page: Page, server: Server) -> None:
    problems: list[str] = []
    errors: list[str] = []
    seconds: dict[str, float] = {}
    page.on("pageerror", lambda error: errors.append(str(error)))
    main = page.get_by_test_id("stMain")

    # The first request to the fresh server: a bookmark of a dashboard page.
    started = time.perf_counter()
    check(problems, "public: open /bulletin", lambda: open_page(page, server.url + SPECS["bulletin"].path))
    seconds["deep link"] = time.perf_counter() - started
    boxes = exceptions(page)
    if boxes:
        problems.append(f"public /bulletin: {len(boxes)} exception box(es): {boxes}")
    check_navigation(page, "public", problems, "public /bulletin")
    bulletin = main.get_by_role("heading", name=title(SPECS["bulletin"]), exact=True)
    check(problems, "public /bulletin: no bulletin", lambda: expect(bulletin).to_have_count(0))
    check_asked_to_sign_in(page, "bulletin", problems, "public /bulletin")
    check(problems, "public /bulletin: screenshot", lambda: screenshot(page, "public-deep-link"))

    # The public summary: figures and a chart, and the public pages only.
    started = time.perf_counter()
    check(problems, "public: open /", lambda: open_page(page, server.url + "/"))
    seconds["summary"] = time.perf_counter() - started
    check_page(page, SPECS["summary"], "public", problems)
    check_headline_figures(page, problems, "public summary", least=1)
    check(problems, "public summary: screenshot", lambda: screenshot(page, "summary"))

    def download_csv() -> None:
        button = main.get_by_test_id("stDownloadButton").filter(has_text=t("common.download_csv")).last
        with page.expect_download(timeout=ELEMENT_WAIT_MS) as download:
            button.click()
        assert download.value.suggested_filename.endswith(".csv"), download.value.suggested_filename

    check(problems, "public summary: download a table as CSV", download_csv)

    def download_xlsx() -> None:  # made when clicked, on the server's own thread
        button = main.get_by_test_id("stDownloadButton").filter(has_text=t("common.download_xlsx")).last
        with page.expect_download(timeout=ELEMENT_WAIT_MS) as download:
            button.click()
        assert download.value.suggested_filename.endswith(".xlsx"), download.value.suggested_filename
        with download.value.path().open("rb") as file:  # saved without an extension: openpyxl takes a file
            assert load_workbook(file).active.max_row > 1

    check(problems, "public summary: download a table as XLSX", download_xlsx)

    # The sign-in page, from the navigation; this is not the demo database: no demo accounts offered.
    check(problems, "public: sign-in page", lambda: go_to(page, "sign_in"))
    check_page(page, SPECS["sign_in"], "public", problems)
    demo = main.get_by_text(t("workspace.demo_accounts"))
    check(problems, "sign-in: no demo accounts outside the demo database", lambda: expect(demo).to_have_count(0))
    check(problems, "sign-in: screenshot", lambda: screenshot(page, "sign_in"))

    check_csp(page, problems, "public")
    report(problems, errors, seconds, server)


def test_every_page_renders_in_chromium(page: Page, server: Server) -> None:
    problems: list[str] = []
    errors: list[str] = []
    seconds: dict[str, float] = {}
    page.on("pageerror", lambda error: errors.append(str(error)))

    started = time.perf_counter()
    try:
        sign_in(page, OFFICER, server)
    except (AssertionError, PlaywrightError) as error:
        screenshot(page, "failed-officer-sign-in")
        pytest.fail(f"the officer could not sign in: {error}\n\n{server.logs()}", pytrace=False)
    seconds["sign-in"] = time.perf_counter() - started

    # The officer lands on the overview; every page of the navigation from there.
    modules = pages_of("officer")
    for module in ["overview", *(m for m in modules if m != "overview")]:
        spec = SPECS[module]
        started = time.perf_counter()
        if module != "overview":
            check(problems, f"officer: open {module}", lambda module=module: go_to(page, module))
        seconds[module] = time.perf_counter() - started
        check_page(page, spec, "officer", problems)
        if module == "overview":
            check_headline_figures(page, problems)
        check(problems, f"{module}: screenshot", lambda name=module: screenshot(page, name))

    # The language switch: English (the browser's locale) to Hindi, from the sidebar.
    check(problems, "officer: back to the overview", lambda: go_to(page, "overview"))
    started = time.perf_counter()
    hindi = page.get_by_test_id("stSidebar").get_by_text("हिन्दी", exact=True)
    check(problems, "sidebar: choose हिन्दी", lambda: (hindi.click(), wait_for_app_run(page)))
    seconds["overview-hi"] = time.perf_counter() - started
    check_page(page, SPECS["overview"], "officer", problems, lang="hi")
    check(problems, "overview-hi: screenshot", lambda: screenshot(page, "overview-hi"))

    # Signing out (in Hindi): the public pages again.
    check(problems, "officer: sign out", lambda: sign_out(page, "hi"))
    check_navigation(page, "public", problems, "after signing out", "hi")

    check_csp(page, problems, "officer")
    report(problems, errors, seconds, server)


def test_a_staff_deep_link_signs_in_then_opens_the_page_and_the_address_follows(page: Page, server: Server) -> None:
    """A bookmark of /overview, opened by the public: the sign-in naming it, then the overview at /overview; the
    address follows the navigation; a reload signs out (README, "Accounts and roles": why) and, signed in again,
    reopens the page reloaded; the root address shows the viewer's home at its own address."""
    problems: list[str] = []
    errors: list[str] = []
    seconds: dict[str, float] = {}
    page.on("pageerror", lambda error: errors.append(str(error)))
    main = page.get_by_test_id("stMain")

    def on(module: str, name: str) -> None:
        heading = main.get_by_role("heading", name=title(SPECS[module]), exact=True)
        check(problems, f"{name}: {module} shown", lambda: expect(heading).to_be_visible(timeout=ELEMENT_WAIT_MS))
        address = re.compile(re.escape(f"/{module}") + r"(\?[^/]*)?$")  # the public pages keep their day in the query
        check(problems, f"{name}: the address /{module}", lambda: expect(page).to_have_url(address))

    started = time.perf_counter()
    check(problems, "public: open /overview", lambda: open_page(page, server.url + "/overview"))
    seconds["deep link"] = time.perf_counter() - started
    check_asked_to_sign_in(page, "overview", problems, "public /overview")
    check(problems, "sign-in asking for the overview: screenshot", lambda: screenshot(page, "sign_in-asked"))

    def on_a_phone() -> None:
        page.set_viewport_size({"width": 390, "height": 1200})
        try:
            page.wait_for_timeout(500)
            page.screenshot(path=SCREENSHOTS / "sign_in-asked-390.png", full_page=True, animations="disabled")
            clipped = page.evaluate(
                "() => { const main = document.querySelector('[data-testid=stMain]');"
                " return main.scrollWidth > main.clientWidth }"
            )
            assert not clipped, "the sign-in page scrolls sideways at 390 px"
        finally:
            page.set_viewport_size(VIEWPORT)

    check(problems, "sign-in asking for the overview at 390 px", on_a_phone)
    check(problems, "public /overview: sign in", lambda: sign_in_here(page, OFFICER))
    on("overview", "signed in from /overview")
    check(problems, "officer: open District pace", lambda: go_to(page, "district_pace"))
    on("district_pace", "officer from the navigation")

    check(problems, "officer: reload /district_pace", lambda: (page.reload(), wait_for_app_run(page)))
    check_asked_to_sign_in(page, "district_pace", problems, "reloaded /district_pace")
    reload_note = main.get_by_text(t("workspace.reload_signs_out"), exact=True)
    check(problems, "sign-in: says why a reload signs out", lambda: expect(reload_note).to_be_visible())
    check(problems, "reloaded /district_pace: sign in", lambda: sign_in_here(page, OFFICER))
    on("district_pace", "signed in again after the reload")

    check(problems, "public: open /", lambda: open_page(page, server.url + "/"))
    on("summary", "public at the root address")

    check_csp(page, problems, "deep link")
    report(problems, errors, seconds, server)


@pytest.mark.parametrize("account", [RAIPUR, DURG], ids=lambda account: account.username)
def test_collector_sees_their_pages(browser: Browser, server: Server, account: DemoAccount) -> None:
    problems: list[str] = []
    errors: list[str] = []
    seconds: dict[str, float] = {}
    with new_page(browser) as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        started = time.perf_counter()
        try:
            sign_in(page, account, server)
        except (AssertionError, PlaywrightError) as error:
            screenshot(page, f"failed-{account.username}-sign-in")
            pytest.fail(f"{account.username} could not sign in: {error}\n\n{server.logs()}", pytrace=False)
        seconds["sign-in"] = time.perf_counter() - started
        check_navigation(page, "collector", problems, account.username)
        upload, users = nav_link(page, "upload"), nav_link(page, "users")
        check(problems, f"{account.username}: Upload data", lambda: expect(upload).to_have_count(1))
        check(problems, f"{account.username}: no Accounts", lambda: expect(users).to_have_count(0))

        dashboard = [module for module in pages_of("collector") if module not in {"certificate", "verify"}]
        for module in dashboard:
            started = time.perf_counter()
            if module != "overview" or module != dashboard[0]:  # signing in lands on the overview
                check(problems, f"{account.username}: open {module}", lambda module=module: go_to(page, module))
            seconds[module] = time.perf_counter() - started
            home = t("overview.title_district", district=district_names()[account.district_code][0])
            check_page(page, SPECS[module], "collector", problems, heading=home if module == "overview" else None)
        check(problems, "screenshot", lambda: screenshot(page, f"{account.username}-upload"))

        check(problems, f"{account.username}: sign out", lambda: sign_out(page))
        check_navigation(page, "public", problems, f"{account.username} signed out")
        check_csp(page, problems, account.username)
    report(problems, errors, seconds, server)


# --- The citizen's flow ------------------------------------------------------------------------

FORGED_NAME = "Someone Else"


def step(page: Page, server: Server, what: str, action) -> None:
    """Run one step of a flow (each needs the one before): on failure, a screenshot and the server's logs."""
    try:
        action()
    except (AssertionError, PlaywrightError) as error:
        with contextlib.suppress(PlaywrightError):
            screenshot(page, "failed-" + re.sub(r"[^a-z0-9]+", "-", what.lower()).strip("-"))
        pytest.fail(f"{what}: {error}\n\n{server.logs()}", pytrace=False)
    boxes = exceptions(page)
    if boxes:
        pytest.fail(f"{what}: {len(boxes)} exception box(es): {boxes}\n\n{server.logs()}", pytrace=False)


def issue_token(server: Server, reference_id: str) -> str:
    """The signed token `python -m data.certificates issue` prints, with the server's database and keys."""
    result = subprocess.run(
        [sys.executable, "-m", "data.certificates", "issue", reference_id],
        cwd=REPO,
        env=server.env,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, f"python -m data.certificates issue failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout.strip()


def with_name(token: str, name: str) -> str:
    """The token with the name in its payload replaced and the signature kept: a forged certificate."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["n"] = name
    forged = json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode()
    return ".".join([header, base64.urlsafe_b64encode(forged).rstrip(b"=").decode(), signature])


def test_citizen_gets_and_verifies_a_certificate(browser: Browser, server: Server, sms_gateway: SmsGateway) -> None:
    errors: list[str] = []
    seconds: dict[str, float] = {}

    # The citizen: details, the code from the SMS, the certificate and its PDF.
    with new_page(browser) as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        main = page.get_by_test_id("stMain")
        started = time.perf_counter()
        step(page, server, "certificate: open /certificate", lambda: open_page(page, server.url + "/certificate"))
        heading = main.get_by_role("heading", name=t("certificate.page_title"), exact=True).first
        step(page, server, "certificate: title", lambda: expect(heading).to_be_visible(timeout=ELEMENT_WAIT_MS))

        sent_before = sms_gateway.count()

        def send_details() -> None:
            main.get_by_label(t("certificate.reference"), exact=True).fill(PERSON.reference_id)
            main.get_by_label(t("certificate.mobile"), exact=True).fill(PERSON.mobile)
            main.get_by_role("button", name=t("certificate.send_code"), exact=True).click()
            wait_for_app_run(page)
            sent = main.get_by_text(t("certificate.code_sent"), exact=True)
            expect(sent).to_be_visible(timeout=ELEMENT_WAIT_MS)

        step(page, server, "certificate: send the reference id and mobile", send_details)
        screenshot(page, "certificate-code")
        code = sms_gateway.code_after(sent_before)

        def enter_code() -> None:
            main.get_by_label(t("certificate.code"), exact=True).fill(code)
            main.get_by_role("button", name=t("certificate.show"), exact=True).click()
            wait_for_app_run(page)
            name = main.get_by_role("heading", name=PERSON.name, exact=True)
            expect(name).to_be_visible(timeout=ELEMENT_WAIT_MS)
            expect(main.get_by_test_id("stDataFrame")).to_have_count(2, timeout=ELEMENT_WAIT_MS)
            expect(main.get_by_test_id("stImage").locator("img")).to_be_visible(timeout=ELEMENT_WAIT_MS)

        step(page, server, "certificate: enter the code from the SMS", enter_code)
        seconds["certificate"] = time.perf_counter() - started
        screenshot(page, "certificate")

        pdf: dict[str, object] = {}

        def download_pdf() -> None:
            button = main.get_by_test_id("stDownloadButton").filter(has_text=t("certificate.download_pdf"))
            expect(button).to_be_visible(timeout=ELEMENT_WAIT_MS)
            with page.expect_download(timeout=PAGE_WAIT_MS) as download:
                button.click()
            pdf["name"] = download.value.suggested_filename
            pdf["bytes"] = Path(download.value.path()).read_bytes()

        step(page, server, "certificate: download the PDF", download_pdf)
        assert str(pdf["name"]).endswith(".pdf"), f"the download is named {pdf['name']!r}, expected a .pdf"
        assert bytes(pdf["bytes"]).startswith(b"%PDF"), f"the download is not a PDF: {bytes(pdf['bytes'])[:20]!r}"

        token = issue_token(server, PERSON.reference_id)
        link = f"{server.url}/verify?c={token}"
        qr = decode_qr(main.get_by_test_id("stImage").locator("img").screenshot())
        assert qr == link, f"the QR code on the page holds {qr!r}, expected the verification link {link!r}"
        violations = csp_violations(page)

    # Anyone: the QR code's link opened in a fresh browser (as a phone camera would), then a forged token.
    with new_page(browser) as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        main = page.get_by_test_id("stMain")
        started = time.perf_counter()

        def open_link() -> None:
            open_page(page, link)
            expect(main.get_by_text(t("verify.valid"), exact=True)).to_be_visible(timeout=ELEMENT_WAIT_MS)
            verdict = main.locator(".st-key-verify-verdict")
            expect(verdict.locator("h2")).to_contain_text(t("verify.headline_valid"), timeout=ELEMENT_WAIT_MS)
            expect(verdict.get_by_role("heading", name=PERSON.name, exact=True)).to_be_visible(timeout=ELEMENT_WAIT_MS)

        step(page, server, "verify: open the QR code's link", open_link)
        seconds["verify"] = time.perf_counter() - started
        screenshot(page, "verify-valid")

        def verdict_first_on_a_phone() -> None:
            page.set_viewport_size({"width": 390, "height": 844})
            wait_for_app_run(page)
            box = main.locator(".st-key-verify-verdict h2").bounding_box()
            assert box is not None and box["y"] + box["height"] <= 844, f"the verdict is below the fold: {box}"
            form = main.get_by_test_id("stForm").bounding_box()
            assert form is not None and box["y"] < form["y"], "the verdict is not above the form"
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=SCREENSHOTS / "verify-valid-390.png")
            page.set_viewport_size(VIEWPORT)
            wait_for_app_run(page)

        step(page, server, "verify: the verdict above the fold at 390 px", verdict_first_on_a_phone)

        def paste_forged() -> None:
            open_page(page, server.url + "/verify")
            main.get_by_label(t("verify.paste"), exact=True).fill(with_name(token, FORGED_NAME))
            main.get_by_role("button", name=t("verify.check"), exact=True).click()
            wait_for_app_run(page)
            invalid = t("verify.invalid", reason=t("verify.reason_bad-signature"))
            expect(main.get_by_text(invalid, exact=True)).to_be_visible(timeout=ELEMENT_WAIT_MS)
            expect(main.get_by_text(t("verify.valid"), exact=True)).to_have_count(0)
            headline = main.locator(".st-key-verify-verdict h2")
            expect(headline).to_contain_text(t("verify.headline_invalid"), timeout=ELEMENT_WAIT_MS)
            expect(main.get_by_text(FORGED_NAME)).to_have_count(0)  # nothing of a forged token is shown

        step(page, server, "verify: paste a token with an altered name", paste_forged)
        screenshot(page, "verify-invalid")
        violations += csp_violations(page)

    print("seconds to a finished flow: " + ", ".join(f"{name} {value:.1f}" for name, value in seconds.items()))
    assert not errors, f"JavaScript errors in the page: {errors}"
    assert not violations, f"Content-Security-Policy violations: {violations}"


# --- The officer's upload flow -----------------------------------------------------------------

UPLOAD_DAY = "2021-06-22"
"""A day of the test database's data (16 January to 31 October 2021), before tests.files.TODAY and the real today."""
UPLOAD_DISTRICT = "RPR"
UPLOAD_FILE = "browser-upload.csv"
REFUSED_FILE = "browser-refused.csv"
NEW_KEYS = [
    (band, dose, vaccine)
    for band in ("18-44", "45-59", "60+")
    for dose in ("1", "2")
    for vaccine in ("Covishield", "Covaxin")
]
"""Keys (age band, dose, vaccine) a centre may lack on a day: the new row of the upload is one of them."""


def centre_doses(database: Path, day: str, district: str) -> tuple[dict[str, str], dict[tuple[str, str, str], int]]:
    """The first centre (by code) of the district with two rows or more on the day: its code, name and district
    as a doses file writes them, and its rows {(age band, dose, vaccine name): doses}."""
    query = """
        SELECT c.code, c.name, t.name_en, d.age_band, d.dose_number, v.name_en, d.doses
        FROM daily_dose d JOIN centre c ON c.id = d.centre_id JOIN district t ON t.code = c.district_code
        JOIN vaccine v ON v.code = d.vaccine
        WHERE d.date = ? AND c.district_code = ?
        ORDER BY c.code, d.age_band, d.dose_number, v.name_en
    """
    with contextlib.closing(sqlite3.connect(database, timeout=10)) as connection:
        rows = connection.execute(query, (day, district)).fetchall()
    centres: dict[tuple[str, str, str], dict[tuple[str, str, str], int]] = {}
    for code, name, district_name, band, dose, vaccine, doses in rows:
        centres.setdefault((code, name, district_name), {})[(band, str(dose), vaccine)] = doses
    for (code, name, district_name), doses in centres.items():
        if len(doses) >= 2 and any(key not in doses for key in NEW_KEYS):
            return {"date": day, "district": district_name, "centre_code": code, "centre_name": name}, doses
    raise AssertionError(f"no centre of {district} with two rows or more on {day} in the test database")


def stored_doses_of(database: Path, centre: dict[str, str]) -> dict[tuple[str, str, str], int]:
    """The centre's rows on its day now: {(age band, dose, vaccine name): doses}."""
    query = """
        SELECT d.age_band, d.dose_number, v.name_en, d.doses
        FROM daily_dose d JOIN centre c ON c.id = d.centre_id JOIN vaccine v ON v.code = d.vaccine
        WHERE d.date = ? AND c.code = ?
    """
    with contextlib.closing(sqlite3.connect(database, timeout=10)) as connection:
        rows = connection.execute(query, (centre["date"], centre["centre_code"])).fetchall()
    return {(band, str(dose), vaccine): doses for band, dose, vaccine, doses in rows}


def table(page: Page, header: str):
    """The dataframe of the main area with a column of this header (a dataframe has no st-key class)."""
    tables = page.get_by_test_id("stMain").get_by_test_id("stDataFrame")
    return tables.filter(has=page.get_by_role("columnheader", name=header, exact=True, include_hidden=True))


def batches(database: Path) -> list[tuple[int, str, str]]:
    """The import batches as (id, file name, status)."""
    with contextlib.closing(sqlite3.connect(database, timeout=10)) as connection:
        return connection.execute("SELECT id, file_name, status FROM import_batch ORDER BY id").fetchall()


def test_officer_uploads_commits_and_undoes_an_import(browser: Browser, server: Server) -> None:
    errors: list[str] = []
    seconds: dict[str, float] = {}
    centre, before = centre_doses(server.database, UPLOAD_DAY, UPLOAD_DISTRICT)
    (unchanged_key, unchanged), (changed_key, changed) = list(before.items())[:2]
    new_key = next(key for key in NEW_KEYS if key not in before)

    def row(key: tuple[str, str, str], doses: int) -> dict[str, str]:
        return {**centre, "age_band": key[0], "dose_number": key[1], "vaccine": key[2], "doses": str(doses)}

    good = doses_csv([row(unchanged_key, unchanged), row(changed_key, changed + 7), row(new_key, 25)])
    bad = doses_csv([row(unchanged_key, -5), {**row(new_key, 25), "district": "Atlantis"}])
    batches_before = batches(server.database)

    with new_page(browser) as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        main = page.get_by_test_id("stMain")
        uploader = main.get_by_test_id("stFileUploader").locator("input[type=file]")

        def metric(key: str):
            name = page.get_by_test_id("stMetricLabel").get_by_text(t(f"upload.{key}"), exact=True)
            return main.get_by_test_id("stMetric").filter(has=name).get_by_test_id("stMetricValue")

        def expect_metrics(**values: int) -> None:
            for key, value in values.items():
                expect(metric(f"metric_{key}")).to_have_text(str(value), timeout=ELEMENT_WAIT_MS)

        def upload(name: str, content: bytes) -> None:
            uploader.set_input_files({"name": name, "mimeType": "text/csv", "buffer": content})
            wait_for_app_run(page)
            caption = main.get_by_text(re.compile(re.escape(f" · {name} · SHA-256 ")))
            expect(caption).to_be_visible(timeout=ELEMENT_WAIT_MS)
            wait_for_app_run(page)

        started = time.perf_counter()
        step(page, server, "upload: the officer signs in", lambda: sign_in(page, OFFICER, server))

        def open_upload() -> None:
            go_to(page, "upload")
            heading = main.get_by_role("heading", name=t("upload.title"), exact=True)
            expect(heading).to_be_visible(timeout=ELEMENT_WAIT_MS)

        step(page, server, "upload: open Upload data", open_upload)
        seconds["sign-in and open"] = time.perf_counter() - started
        history = table(page, t("upload.col_id"))
        commit = main.get_by_role("button", name=t("upload.commit"))

        # A refused file: its problems in a table, no commit button, nothing written.
        started = time.perf_counter()

        def refused() -> None:
            upload(REFUSED_FILE, bad)
            expect(main.get_by_text(t("upload.rejected", rows=2), exact=True)).to_be_visible(timeout=ELEMENT_WAIT_MS)
            expect_metrics(rows=2, new=0, changed=0, unchanged=0, new_centres=0)
            problems = table(page, t("upload.col_rule"))
            expect(problems).to_be_visible(timeout=ELEMENT_WAIT_MS)
            for rule in ("non_negative", "unknown_district"):
                expect(problems.get_by_text(rule, exact=True)).to_be_attached(timeout=ELEMENT_WAIT_MS)
            expect(commit).to_have_count(0)
            expect(history.get_by_text(REFUSED_FILE, exact=True)).to_have_count(0)

        step(page, server, "upload: a file with a negative dose and an unknown district", refused)
        seconds["refused"] = time.perf_counter() - started
        screenshot(page, "upload-refused")
        assert batches(server.database) == batches_before, "the refused file wrote an import batch"

        # A good file: one unchanged, one changed and one new row; its preview, then the commit.
        started = time.perf_counter()

        def preview() -> None:
            upload(UPLOAD_FILE, good)
            expect_metrics(rows=3, new=1, changed=1, unchanged=1, new_centres=0)
            ready = main.get_by_text(t("upload.ready", new=1, changed=1), exact=True)
            expect(ready).to_be_visible(timeout=ELEMENT_WAIT_MS)
            expect(commit).to_be_visible(timeout=ELEMENT_WAIT_MS)
            expect(table(page, t("upload.col_rule"))).to_have_count(0)

        step(page, server, "upload: preview a file of one new, one changed and one unchanged row", preview)
        seconds["preview"] = time.perf_counter() - started
        screenshot(page, "upload-preview")
        assert batches(server.database) == batches_before, "the preview wrote an import batch"

        started = time.perf_counter()
        step(page, server, "upload: commit", lambda: (commit.click(), wait_for_app_run(page)))
        written = [batch for batch in batches(server.database) if batch not in batches_before]
        assert [(name, status) for _, name, status in written] == [(UPLOAD_FILE, "committed")], written
        batch_id = written[0][0]
        after = stored_doses_of(server.database, centre)
        assert after == {**before, changed_key: changed + 7, new_key: 25}, "the commit did not write the file's rows"

        def committed() -> None:
            message = t("upload.committed", batch=batch_id, new=1, changed=1, unchanged=1)
            expect(main.get_by_test_id("stAlert").get_by_text(message, exact=True)).to_be_visible(
                timeout=ELEMENT_WAIT_MS
            )
            line = history.get_by_role("row", include_hidden=True).filter(
                has=page.get_by_text(f"#{batch_id}", exact=True)
            )
            expect(line).to_have_count(1, timeout=ELEMENT_WAIT_MS)
            for cell in (UPLOAD_FILE, OFFICER.username, t("upload.kind_doses"), t("upload.status_committed")):
                expect(line.get_by_text(cell, exact=True)).to_be_attached(timeout=ELEMENT_WAIT_MS)

        step(page, server, "upload: the commit's message and history", committed)
        seconds["commit"] = time.perf_counter() - started
        screenshot(page, "upload-committed")

        # Undo it: choose the import, tick the confirmation, press the button.
        started = time.perf_counter()

        def undo() -> None:
            choice = page.locator("[class*=st-key-upload-undo-batch-]")
            choice.get_by_role("combobox").click()  # focuses the select (Streamlit 1.67: a combobox) ...
            choice.get_by_role("combobox").press("ArrowDown")  # ... and the arrow key opens its list
            option = page.get_by_role("option", name=re.compile(f"^#{batch_id} · {re.escape(UPLOAD_FILE)} · "))
            option.click()
            expect(choice.get_by_role("combobox")).to_have_value(re.compile(f"^#{batch_id} · "))
            main.get_by_text(t("upload.undo_confirm"), exact=True).click()
            main.get_by_role("button", name=t("upload.undo_button")).click()
            wait_for_app_run(page)
            message = t("upload.undone", batch=batch_id, restored=1, deleted=1)
            expect(main.get_by_test_id("stAlert").get_by_text(message, exact=True)).to_be_visible(
                timeout=ELEMENT_WAIT_MS
            )
            line = history.get_by_role("row", include_hidden=True).filter(
                has=page.get_by_text(f"#{batch_id}", exact=True)
            )
            expect(line.get_by_text(t("upload.status_undone"), exact=True)).to_be_attached(timeout=ELEMENT_WAIT_MS)

        step(page, server, "upload: undo the import", undo)
        seconds["undo"] = time.perf_counter() - started
        screenshot(page, "upload-undone")
        assert stored_doses_of(server.database, centre) == before, "the undo did not give the rows back"
        assert (batch_id, UPLOAD_FILE, "undone") in batches(server.database)

        # The audit trail: the import and its undo, and nothing of the refused file.
        started = time.perf_counter()

        def audit_trail() -> None:
            go_to(page, "audit_trail")
            rows = table(page, t("audit_trail.col_subject")).get_by_role("row", include_hidden=True)
            subject = f"import #{batch_id} {UPLOAD_FILE}"
            for action in ("import", "undo"):
                line = rows.filter(has=page.get_by_text(action, exact=True)).filter(
                    has=page.get_by_text(subject, exact=True)
                )
                expect(line).to_have_count(1, timeout=ELEMENT_WAIT_MS)
                name = t(f"audit_trail.action_{action}")
                expect(line.get_by_text(name, exact=True)).to_be_attached(timeout=ELEMENT_WAIT_MS)
                expect(line.get_by_text(OFFICER.username, exact=True)).to_be_attached(timeout=ELEMENT_WAIT_MS)
            expect(rows.filter(has_text=REFUSED_FILE)).to_have_count(0)

        step(page, server, "audit trail: the import and its undo", audit_trail)
        seconds["audit trail"] = time.perf_counter() - started
        screenshot(page, "upload-audit-trail")
        violations = csp_violations(page)

    print("seconds to a finished step: " + ", ".join(f"{name} {value:.1f}" for name, value in seconds.items()))
    assert not errors, f"JavaScript errors in the page: {errors}"
    assert not violations, f"Content-Security-Policy violations: {violations}"
