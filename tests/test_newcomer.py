"""The app as a newcomer starts it: a fresh copy of the repository, `streamlit run app.py` with no DATABASE_URL
and no secrets, so the first start fills the embedded demo database (data/teeka.db of the copy) and generates
the demo keys; then, in Chromium under the README's Content-Security-Policy, the public summary, the demo
people on "Get your certificate" and a demo person's certificate from the code the DEMO banner shows.

The copy holds the files git tracks and the untracked files it does not ignore (what a clone of the work in
progress would hold), never the developer's own data/teeka.db. Skipped like tests/test_browser.py when
Chromium is absent (a failure on CI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from data.certificates.sms import ENVIRONMENT as SMS_ENVIRONMENT
from data.demo import demo_people
from data.settings import ENVIRONMENT as SECRETS_ENVIRONMENT
from stats.labels import t
from tests.test_browser import (  # noqa: F401  (browser and chromium are fixtures)
    REPO,
    Server,
    _free_port,
    _health,
    browser,
    chromium,
    csp_violations,
    exceptions,
    new_page,
    open_page,
    screenshot,
    stop_process,
    wait_for_app_run,
)

pytestmark = pytest.mark.browser

FIRST_START_S = 180
"""The first start generates the whole demo (10–20 s here; more on a busy machine)."""
PERSON = next(person for person in demo_people() if person.reference_id == "9234567890123")


def _copy_of_the_repository(target: Path) -> Path:
    """The files a clone of the work in progress holds (tracked, and untracked but not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (entry.decode() for entry in listed)):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    assert not (target / "data" / "teeka.db").exists()
    return target


@pytest.fixture(scope="module")
def newcomer(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:  # noqa: F811
    """`streamlit run app.py` in a fresh copy of the repository, with no database or secrets configured."""
    tmp = tmp_path_factory.mktemp("newcomer")
    checkout = _copy_of_the_repository(tmp / "teeka")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    unset = {"DATABASE_URL", *SECRETS_ENVIRONMENT.values(), *SMS_ENVIRONMENT.values()}
    env = {name: value for name, value in os.environ.items() if name not in unset}
    server = Server(url, tmp / "streamlit.out", tmp / "streamlit.err", checkout / "data" / "teeka.db", env)
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    with server.stdout.open("wb") as out, server.stderr.open("wb") as err:
        process = subprocess.Popen(command, cwd=checkout, env=env, stdout=out, stderr=err)
    try:
        deadline = time.monotonic() + 60
        while _health(url) != "ok":
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start\n{server.logs()}")
            time.sleep(0.25)
        yield server
    finally:
        stop_process(process)


def test_a_newcomer_sees_the_demo_and_gets_a_demo_certificate(browser, newcomer: Server) -> None:  # noqa: F811
    with new_page(browser) as page:
        page.set_default_timeout(FIRST_START_S * 1000)
        started = time.monotonic()
        open_page(page, newcomer.url)  # the first run fills the demo database
        first_start = time.monotonic() - started
        screenshot(page, "newcomer-summary")
        assert exceptions(page) == [], newcomer.logs()
        assert newcomer.database.exists()
        main = page.get_by_test_id("stMain")
        assert main.get_by_role("heading", name=t("summary.title"), exact=True).is_visible()
        assert page.get_by_test_id("stSidebar").get_by_text(t("common.demo_notice")).is_visible()

        open_page(page, newcomer.url + "/certificate")
        assert exceptions(page) == [], newcomer.logs()
        people = main.get_by_test_id("stAlert").filter(has_text=PERSON.reference_id)
        assert people.is_visible(), "the demo people are not listed"
        assert PERSON.name in people.inner_text()
        main.get_by_label(t("certificate.reference"), exact=True).fill(PERSON.reference_id)
        main.get_by_label(t("certificate.mobile"), exact=True).fill(PERSON.mobile)
        main.get_by_role("button", name=t("certificate.send_code"), exact=True).click()
        wait_for_app_run(page)
        banner = main.get_by_test_id("stAlert").filter(has_text="DEMO")
        code = "".join(ch for ch in banner.inner_text().rsplit(" ", 1)[-1] if ch.isdigit())
        assert len(code) == 6, banner.inner_text()
        main.get_by_label(t("certificate.code"), exact=True).fill(code)
        main.get_by_role("button", name=t("certificate.show"), exact=True).click()
        wait_for_app_run(page)
        screenshot(page, "newcomer-certificate")
        assert exceptions(page) == [], newcomer.logs()
        assert main.get_by_role("heading", name=PERSON.name, exact=True).is_visible()
        assert csp_violations(page) == []
    print(f"first start of a fresh copy, demo included: {first_start:.1f} s")
