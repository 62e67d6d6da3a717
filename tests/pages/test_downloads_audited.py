"""Every download a signed-in user makes on a staff page leaves one "export" row in the audit trail: who, which
file, how many rows (never the data). The public summary's download leaves none (the public is not audited).

The walk is generic: a spy on Streamlit's download button notes where each button was made (file and line
of pages/) and what it offered (key, file name, data); every button the pages show is clicked as the officer
and as Raipur's collector, in every state that shows one (the test database of tests/pages/conftest.py, a
file with problems and a refused file on the upload page, and the published series alone for the published
sections), and the test fails when a `download_button` call in a staff page's code was never walked, or when
a click leaves no audit row naming the file and its rows.
"""

from __future__ import annotations

import ast
import csv
import inspect
import io
import json
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.engine import Engine
from streamlit.elements.widgets.button import ButtonMixin
from streamlit.testing.v1 import AppTest

from data.access import PAGES, Viewer
from data.db import make_engine
from data.models import AuditEvent
from pages import _shared
from stats.labels import t
from tests.pages.conftest import ACCOUNTS, APP, _clear_caches, add_accounts, open_page
from tests.pages.test_upload_page import BAD, upload

PAGES_DIR = APP.parent / "pages"
STAFF_PAGES = [page for page, roles in PAGES.items() if "public" not in roles]
"""The pages only staff may open (a page the public may open is not audited)."""
PUBLIC_HELPERS = {"_public.py"}
"""Helpers of the public pages only (the public summary's views built once and shared): not staff code."""
STAFF_FILES = sorted(
    [PAGES_DIR / f"{page}.py" for page in STAFF_PAGES]
    + [path for path in PAGES_DIR.glob("_*.py") if path.name not in PUBLIC_HELPERS]
)
"""The staff pages' code: the pages and the helpers they share (pages/_*.py)."""
DATE_HEADERS = {"Date", "तारीख़"}
"""The date column's header in both languages (stats/labels/common.py)."""
QUOTED_HEADERS = {t(key, lang) for key in ("upload.col_value", "stock.col_value") for lang in ("en", "hi")}
"""Columns quoting what a user typed ("-5" in a problem report): text, neutralised like any text."""
USERS = ("officer.test", "collector.rpr")
REAL_DAY = date(2021, 4, 4)
"""A day of CoWIN's district series, before the state's own reports: the overview's published section (its
charts) and district pace's table of CoWIN's districts."""


def download_calls(path: Path) -> list[ast.Call]:
    """Every `<something>.download_button(...)` call in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "download_button"
    ]


def call_sites() -> set[tuple[str, int]]:
    """(file, line) of every download button in the staff pages' code."""
    return {(path.name, call.lineno) for path in STAFF_FILES for call in download_calls(path)}


def test_the_walk_finds_the_staff_pages_download_buttons() -> None:
    # The spy matches the AST's lines: a sanity check that the walk below has something to find.
    names = {name for name, _ in call_sites()}
    assert {"_shared.py", "overview.py", "bulletin.py"} <= names  # every table's two buttons are made in _shared
    assert not any(name in ("summary.py", "certificate.py", "verify.py") for name in names)


@pytest.mark.parametrize("path", STAFF_FILES, ids=lambda path: path.name)
def test_every_staff_download_button_calls_record_download(path: Path) -> None:
    """On the code: every staff download button's on_click is record_download (directly or through partial);
    "ignore" or no on_click would download unaudited."""
    for call in download_calls(path):
        on_click = next((k.value for k in call.keywords if k.arg == "on_click"), None)
        names = {n.id for n in ast.walk(on_click) if isinstance(n, ast.Name)} if on_click is not None else set()
        assert "record_download" in names, f"{path.name}:{call.lineno}: a download button without record_download"


@dataclass(frozen=True)
class Offer:
    """What one download button offered on the latest run: where it was made, its file and data."""

    site: tuple[str, int]
    file_name: str
    data: bytes


def _site() -> tuple[str, int]:
    frame = sys._getframe(2)
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if path.parent == PAGES_DIR:
            return path.name, frame.f_lineno
        frame = frame.f_back
    raise AssertionError("a download button made outside pages/")


@pytest.fixture
def offers(monkeypatch) -> dict[str, Offer]:
    """key -> Offer of every download button made (the latest run's wins), by st.download_button or by a
    container's (a tab's) download_button."""
    made: dict[str, Offer] = {}
    signature = inspect.signature(ButtonMixin.download_button)

    def note(container, args, kwargs) -> None:
        bound = signature.bind(container, *args, **kwargs).arguments
        data = bound["data"]
        data = data() if callable(data) else data  # an XLSX is made when clicked: make it now to read it
        made[bound["key"]] = Offer(_site(), bound["file_name"], data.encode("utf-8") if isinstance(data, str) else data)

    original_method = ButtonMixin.download_button
    original_st = st.download_button

    def method(self, *args, **kwargs):
        note(self, args, kwargs)
        return original_method(self, *args, **kwargs)

    def function(*args, **kwargs):
        note(original_st.__self__, args, kwargs)
        return original_st(*args, **kwargs)

    monkeypatch.setattr(ButtonMixin, "download_button", method)
    monkeypatch.setattr(st, "download_button", function)
    return made


def rows_in(offer: Offer) -> int:
    """The rows of the file as a reader counts them: a CSV's data rows, a workbook's rows under its header, a
    text's lines."""
    if offer.file_name.endswith(".csv"):
        return len(pd.read_csv(io.BytesIO(offer.data), encoding="utf-8-sig", dtype=str))
    if offer.file_name.endswith(".xlsx"):
        return load_workbook(io.BytesIO(offer.data), read_only=True).active.max_row - 1
    return len(offer.data.decode("utf-8").splitlines())


SCREEN_WRITTEN = re.compile(
    r"'?[+\u2212-]?[0-9]{1,3}(,[0-9]{2,3})+(\.[0-9]+)?%?"  # grouped: 1,50,778
    r"|'[+\u2212-]?[0-9][0-9.,]*%?"  # an apostrophe before a number: '+36.8%
    r"|[+\u2212-]?[0-9][0-9.,]*%"  # a percentage as text: 36.8%
    r"|\u2212[0-9][0-9.,]*"  # a true minus: −1.9
    r"|[0-9]{1,2} \S+ [0-9]{4}"  # a date written out: 1 January 2022, 1 जनवरी 2022
)
"""A cell written for the screen rather than for a program."""


def assert_program_readable(offer: Offer) -> None:
    """A CSV as a program reads it: no cell written for the screen (SCREEN_WRITTEN), its date columns ISO 8601;
    a workbook opens."""
    if offer.file_name.endswith(".csv"):
        rows = list(csv.reader(io.StringIO(offer.data.decode("utf-8-sig"), newline="")))
        typed = [i for i, header in enumerate(rows[0]) if header not in QUOTED_HEADERS]
        written = [row[i] for row in rows[1:] for i in typed if i < len(row) and SCREEN_WRITTEN.fullmatch(row[i])]
        assert not written, (offer.file_name, written[:5])
        frame = pd.read_csv(io.BytesIO(offer.data))
        for column in frame.columns:
            if str(column) in DATE_HEADERS:
                pd.to_datetime(frame[column].dropna(), format="ISO8601")
    elif offer.file_name.endswith(".xlsx"):
        load_workbook(io.BytesIO(offer.data))


def exports(engine: Engine, after: int = 0) -> list[tuple]:
    """(id, actor, subject, counts) of the "export" audit rows after an id, oldest first."""
    table = AuditEvent.__table__
    query = (
        select(table.c.id, table.c.actor, table.c.subject, table.c.counts)
        .where(table.c.action == "export", table.c.id > after)
        .order_by(table.c.id)
    )
    with engine.connect() as conn:
        return [
            (i, actor, subject, json.loads(counts) if counts else None)
            for i, actor, subject, counts in conn.execute(query)
        ]


def last_id(engine: Engine) -> int:
    table = AuditEvent.__table__
    with engine.connect() as conn:
        return conn.execute(select(table.c.id).order_by(table.c.id.desc()).limit(1)).scalar_one_or_none() or 0


def click_every_download(app: AppTest, user: str, engine: Engine, offers: dict[str, Offer], walked: set) -> int:
    """Click each download button the page shows, in turn; each must add one export row naming its file and
    rows, by the user. Returns how many were clicked."""
    keys = [button.key for button in app.get("download_button")]
    for key in keys:
        (button,) = [b for b in app.get("download_button") if b.key == key]
        offer = offers[key]
        before = last_id(engine)
        button.click()
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        added = [(actor, subject, counts) for _, actor, subject, counts in exports(engine, before)]
        assert_program_readable(offer)
        site = "{}:{}".format(*offer.site)
        assert added == [(user, offer.file_name, {"rows": rows_in(offer)})], (site, key)
        walked.add(offer.site)
    return len(keys)


def opens(user: str, page: str) -> bool:
    role, district, _ = ACCOUNTS[user]
    return Viewer(role=role, district_code=district, username=user).may_open(page)


def test_every_staff_download_is_audited(
    any_app_db, tmp_path, monkeypatch, real_only_url, offers, habitual_centres
) -> None:
    app_db = any_app_db  # habitual_centres: the data-quality page has flags to download
    walked: set[tuple[str, int]] = set()
    clicked: dict[tuple[str, str], int] = {}
    # Every staff page as each role, on the test database.
    for user in USERS:
        for page in STAFF_PAGES:
            if opens(user, page):
                clicked[user, page] = click_every_download(open_page(page, user=user), user, app_db, offers, walked)
        # The upload page's problem reports: a file with bad rows, and a file refused before it is read.
        for name, content in (("bad.csv", BAD), ("notes.exe", b"MZ\x90\x00")):
            app = upload(open_page("upload", user=user), name, content)
            clicked[user, name] = click_every_download(app, user, app_db, offers, walked)
    # The published sections, on the published series alone (the state's own reports do not cover the day).
    copy = tmp_path / "real.db"
    shutil.copy(real_only_url.removeprefix("sqlite:///"), copy)
    real = make_engine(f"sqlite:///{copy}")
    try:
        add_accounts(real)
        monkeypatch.setenv("DATABASE_URL", f"sqlite:///{copy}")
        _clear_caches()
        for user in USERS:
            for page in ("overview", "district_pace"):
                app = open_page(page, user=user, as_of=REAL_DAY)
                clicked[user, f"{page} {REAL_DAY}"] = click_every_download(app, user, real, offers, walked)
    finally:
        _clear_caches()
        real.dispose()
    missed = sorted(call_sites() - walked)
    assert not missed, f"download buttons no state of this walk shows (add one): {missed}; clicked: {clicked}"
    assert sum(clicked.values()) >= len(call_sites())


def test_the_public_summarys_downloads_are_not_recorded(app_db, offers) -> None:
    app = open_page(user=None)
    assert app.title[0].value == "COVID-19 vaccination in Chhattisgarh"
    keys = [button.key for button in app.get("download_button")]
    assert {offers[key].site[0] for key in keys} == {"_shared.py"}  # its table's and its chart's, both formats
    assert {offers[key].file_name for key in keys} >= {"districts.csv", "districts.xlsx"}
    for key in keys:
        (button,) = [b for b in app.get("download_button") if b.key == key]
        button.click()
        app.run()
        assert not app.exception, [e.value for e in app.exception]
    assert exports(app_db) == []


def test_record_download_records_a_signed_in_user_only(app_db) -> None:
    from data.access import Context
    from data.read.query import current_version

    version = current_version()
    _shared.record_download(Context(Viewer(), version), "districts.csv", 28)
    assert exports(app_db) == []
    officer = Viewer(role="officer", username="officer.test")
    _shared.record_download(Context(officer, version), "flags-2021-06-16-2021-06-22.csv", 3, "x")
    assert [row[1:] for row in exports(app_db)] == [("officer.test", "flags-2021-06-16-2021-06-22.csv", {"rows": 3})]
