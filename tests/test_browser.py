"""Real-browser smoke test: the app served by `streamlit run` on a small demo database, every page opened in
Debian's Chromium through Playwright.

It waits the way Streamlit's own e2e suite does (``/_stcore/health`` answers ``ok``; then the app is connected,
the script is ``notRunning`` and no ``stSkeleton`` is left), then checks each page: no exception box, the
app's frame around it (its navigation of the four pages and the language switch), its title, a Plotly chart
where the page has charts, the overview's headline figures grouped the Indian way, and the switch to Hindi.
The first request to the fresh server is a deep link (/bulletin), as after a restart. A full-page
screenshot of each page goes to ``tests/screenshots/`` (git-ignored).

Skipped when /usr/bin/chromium (or Playwright) is absent, unless CI is set: .ci/run installs Chromium, so
there its absence is a failure.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from stats.labels import CATALOGUE, t

try:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
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
]
DEMO_ARGS = ["--reset", "--end", "2021-06-30", "--centres", "400"]
"""About 2 s: January to June 2021 over 400 centres."""

SERVER_START_S = 60
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


@dataclass(frozen=True)
class AppPage:
    module: str  # pages/<module>.py, and the stats.labels module of its labels
    path: str  # URL path
    has_charts: bool


PAGES = [
    AppPage("bulletin", "/bulletin", False),
    AppPage("district_pace", "/district_pace", True),
    AppPage("data_quality", "/data_quality", True),
    AppPage("overview", "/", True),
]
"""In this order on purpose: the first request to the fresh server is a deep link (a bookmark after a restart)."""
NAV_KEYS = ["common.nav_overview", "common.nav_district_pace", "common.nav_data_quality", "common.nav_bulletin"]


def title(module: str, lang: str = "en") -> str:
    """The page's title: <module>.title when the page has its own, else its name in the navigation."""
    key = f"{module}.title"
    return t(key if key in CATALOGUE else f"common.nav_{module}", lang)


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def _missing(reason: str) -> None:
    if _ci():
        pytest.fail(f"{reason} (CI is set, and .ci/run installs Chromium)", pytrace=False)
    pytest.skip(reason)


def _tail(path: Path, lines: int = 60) -> str:
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:]) or "(empty)"


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

    def logs(self) -> str:
        return "\n".join(
            [
                "--- streamlit stderr (tail) ---",
                _tail(self.stderr),
                "--- streamlit stdout (tail) ---",
                _tail(self.stdout),
            ]
        )


@pytest.fixture(scope="module")
def server(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`streamlit run app.py` on a fresh small demo database; terminated at the end of the module."""
    tmp = tmp_path_factory.mktemp("browser")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'teeka.db'}"}
    demo = subprocess.run(
        [sys.executable, "-m", "data.demo", *DEMO_ARGS],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert demo.returncode == 0, f"python -m data.demo failed:\n{demo.stdout}\n{demo.stderr}"

    port = _free_port()
    server = Server(f"http://127.0.0.1:{port}", tmp / "streamlit.out", tmp / "streamlit.err")
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
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def page(chromium: Path, server: Server) -> Iterator[Page]:
    """A headless Chromium page in English (the app picks its language from the browser's locale)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT, locale="en-US", timezone_id="Asia/Kolkata")
            context.set_default_timeout(PAGE_WAIT_MS)
            yield context.new_page()
            context.close()
        finally:
            browser.close()


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
    """Load the page and wait for its first run; the navigation only appears once the script ran to it."""
    page.goto(url)
    page.get_by_test_id("stAppViewContainer").wait_for(state="attached")
    page.get_by_test_id("stSidebarNav").wait_for(state="attached")
    wait_for_app_run(page)


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


def check_page(page: Page, spec: AppPage, problems: list[str], lang: str = "en") -> None:
    main = page.get_by_test_id("stMain")
    sidebar = page.get_by_test_id("stSidebar")
    name = spec.module if lang == "en" else f"{spec.module}-{lang}"
    boxes = exceptions(page)
    if boxes:
        problems.append(f"{name}: {len(boxes)} exception box(es): {boxes}")
    # The frame (app.py): its navigation of the four pages, and the language switch.
    links = sidebar.get_by_test_id("stSidebarNavLink")
    nav = [t(key, lang) for key in NAV_KEYS]
    check(
        problems, f"{name}: the app's navigation", lambda: expect(links).to_contain_text(nav, timeout=ELEMENT_WAIT_MS)
    )
    switch = sidebar.get_by_text("हिन्दी", exact=True)
    check(problems, f"{name}: the language switch", lambda: expect(switch).to_be_visible(timeout=ELEMENT_WAIT_MS))
    heading = title(spec.module, lang)
    title_shown = main.get_by_role("heading", name=heading, exact=True).first
    check(problems, f"{name}: title {heading!r}", lambda: expect(title_shown).to_be_visible(timeout=ELEMENT_WAIT_MS))
    if spec.has_charts and lang == "en":
        chart = main.locator("[data-testid=stPlotlyChart], .js-plotly-plot").first
        check(problems, f"{name}: a Plotly chart", lambda: expect(chart).to_be_visible(timeout=ELEMENT_WAIT_MS))


def check_headline_figures(page: Page, problems: list[str]) -> None:
    values = page.get_by_test_id("stMain").get_by_test_id("stMetricValue")
    check(problems, "overview: headline figures", lambda: expect(values.first).to_be_visible(timeout=ELEMENT_WAIT_MS))
    texts = [text.strip() for text in values.all_inner_texts()]
    if len(texts) < 4:
        problems.append(f"overview: {len(texts)} headline figures (stMetricValue), expected at least 4: {texts}")
    if not any(INDIAN_NUMBER.match(text) or UNITS.search(text) for text in texts):
        problems.append(f"overview: no headline figure is a count grouped the Indian way or in lakh/crore: {texts}")
    badly_grouped = [text for text in texts if not all(INDIAN_NUMBER.match(n) for n in NUMBER.findall(text))]
    if badly_grouped:
        problems.append(f"overview: figures with numbers not grouped the Indian way: {badly_grouped}")


# --- The test ----------------------------------------------------------------------------------


def test_every_page_renders_in_chromium(page: Page, server: Server) -> None:
    problems: list[str] = []
    errors: list[str] = []
    seconds: dict[str, float] = {}
    page.on("pageerror", lambda error: errors.append(str(error)))

    for spec in PAGES:
        started = time.perf_counter()
        url = server.url + spec.path
        check(problems, f"{spec.module}: open {spec.path}", lambda url=url: open_page(page, url))
        seconds[spec.module] = time.perf_counter() - started
        check_page(page, spec, problems)
        if spec.module == "overview":
            check_headline_figures(page, problems)
        check(problems, f"{spec.module}: screenshot", lambda name=spec.module: screenshot(page, name))

    # The language switch: English (the browser's locale) to Hindi, from the sidebar.
    overview = next(spec for spec in PAGES if spec.module == "overview")
    check(problems, "overview: open again", lambda: open_page(page, server.url + overview.path))
    started = time.perf_counter()
    hindi = page.get_by_test_id("stSidebar").get_by_text("हिन्दी", exact=True)
    check(problems, "sidebar: choose हिन्दी", lambda: (hindi.click(), wait_for_app_run(page)))
    seconds["overview-hi"] = time.perf_counter() - started
    check_page(page, overview, problems, lang="hi")
    check(problems, "overview-hi: screenshot", lambda: screenshot(page, f"{overview.module}-hi"))

    timings = "seconds to a finished run: " + ", ".join(f"{name} {value:.1f}" for name, value in seconds.items())
    print(timings)
    if errors:
        problems.append(f"JavaScript errors in the page: {errors}")
    assert not problems, "\n".join(["The browser found problems:", *problems, timings, "", server.logs()])
