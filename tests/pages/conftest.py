"""A small app database whose every figure can be worked out by hand, and AppTest helpers.

Doses (Covishield unless said):
  RPR-1 Raipur  18-44 dose 1: 100, 200, 300, 400, 500, 600, 700 on 16–22 June 2021
  RPR-2 Raipur  45-59 dose 2 Covaxin: 50 a day on 16–21 June (no report on 22 June)
  DRG-1 Durg    60+ dose 1: 30 a day on 16–22 June; 60+ dose 3 (precaution): 10 on 22 June
  BST-1 Bastar  18-44 dose 1: 500 on 20 June only
State per day: 16: 180, 17: 280, 18: 380, 19: 480, 20: 1,080, 21: 680, 22: 740; total 3,820.
Stock: SUPPLIER→STATE 10,000 Covishield and 2,000 Covaxin on 15 June; STATE→Raipur 4,000 Covishield and
1,000 Covaxin, STATE→Durg 1,000, STATE→Bastar 600 Covishield on 15 June.
Published CoWIN state total: 10,00,000 on 20 June, 10,00,700 on 21 June, 10,01,500 on 22 June.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
import streamlit as st
from argon2 import PasswordHasher
from sqlalchemy.engine import Engine
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from data.access import Context
from data.accounts import users
from data.db import create_schema, dispose_app_engines, make_engine
from data.read.query import current_version
from pages._auth import USER_KEY
from pages._frame import CONTEXT_KEY
from tests.conftest import _reset_postgres
from tests.files import doses_csv, run_import, series_csv, stock_csv
from tests.frame import frame_runs_every_time

APP = Path(__file__).resolve().parents[2] / "app.py"
FIRST, LAST = date(2021, 6, 16), date(2021, 6, 22)
DAYS = [FIRST + timedelta(days=i) for i in range(7)]


def _doses() -> list[dict]:
    rows = []
    for i, day in enumerate(DAYS, start=1):
        iso = day.isoformat()
        rows.append({"date": iso, "centre_code": "RPR-1", "centre_name": "PHC Mana", "doses": str(100 * i)})
        if day != LAST:
            rows.append(
                {
                    "date": iso,
                    "centre_code": "RPR-2",
                    "centre_name": "UPHC Ward 12",
                    "age_band": "45-59",
                    "dose_number": "2",
                    "vaccine": "Covaxin",
                    "doses": "50",
                }
            )
        rows.append(
            {
                "date": iso,
                "district": "Durg",
                "centre_code": "DRG-1",
                "centre_name": "CHC Patan",
                "age_band": "60+",
                "doses": "30",
            }
        )
    rows.append(
        {
            "date": LAST.isoformat(),
            "district": "Durg",
            "centre_code": "DRG-1",
            "centre_name": "CHC Patan",
            "age_band": "60+",
            "dose_number": "3",
            "doses": "10",
        }
    )
    rows.append(
        {
            "date": "2021-06-20",
            "district": "Bastar",
            "centre_code": "BST-1",
            "centre_name": "PHC Bakawand",
            "doses": "500",
        }
    )
    return rows


STOCK = [
    {"date": "2021-06-15", "from_store": "SUPPLIER", "to_store": "STATE", "quantity": "10000", "reference": "GRN-1"},
    {
        "date": "2021-06-15",
        "vaccine": "Covaxin",
        "from_store": "SUPPLIER",
        "to_store": "STATE",
        "quantity": "2000",
        "reference": "GRN-2",
    },
    {"date": "2021-06-15", "from_store": "STATE", "to_store": "Raipur", "quantity": "4000", "reference": "ISS-1"},
    {
        "date": "2021-06-15",
        "vaccine": "Covaxin",
        "from_store": "STATE",
        "to_store": "Raipur",
        "quantity": "1000",
        "reference": "ISS-2",
    },
    {"date": "2021-06-15", "from_store": "STATE", "to_store": "Durg", "quantity": "1000", "reference": "ISS-3"},
    {"date": "2021-06-15", "from_store": "STATE", "to_store": "Bastar", "quantity": "600", "reference": "ISS-4"},
]
SERIES = [
    {"date": "2021-06-20", "value": "1000000"},
    {"date": "2021-06-21", "value": "1000700"},
    {"date": "2021-06-22", "value": "1001500"},
]


@pytest.fixture(autouse=True)
def frame_always_runs() -> Iterator[None]:
    """Run app.py (the frame) on every AppTest run, as a server does (tests/frame.py says why and how)."""
    undo = frame_runs_every_time()
    yield
    undo()


def _clear_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()
    dispose_app_engines()


ACCOUNTS = {
    "officer.test": ("officer", None, "Test Officer"),
    "collector.rpr": ("collector", "RPR", "Collector Raipur"),
    "collector.drg": ("collector", "DRG", "Collector Durg"),
}
"""The accounts of every app database here: username -> (role, district, display name)."""
PASSWORD = "correct horse battery"
"""Their password."""


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """argon2 with the least work: the tests are about who may see what, not about hashing cost."""
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def add_accounts(engine) -> None:
    with Session(engine) as session:
        for username, (role, district, name) in ACCOUNTS.items():
            users.add_user(
                username, PASSWORD, session=session, role=role, district_code=district, display_name=name, actor="test"
            )


def _app_database(url: str, monkeypatch) -> Iterator[Engine]:
    """The app's database (DATABASE_URL) with the schema and the test ACCOUNTS; Streamlit caches cleared around it."""
    monkeypatch.setenv("DATABASE_URL", url)
    engine = make_engine(url)
    create_schema(engine)
    add_accounts(engine)
    _clear_caches()
    yield engine
    _clear_caches()  # disposes the app's engine too
    engine.dispose()


def _fill(engine: Engine) -> Engine:
    for content in (doses_csv(_doses()), stock_csv(STOCK), series_csv(SERIES)):
        report = run_import(engine, content)
        assert report.status == "committed", report.problems
    return engine


@pytest.fixture
def empty_app_db(tmp_path, monkeypatch, cheap_password_hashing):
    """A configured (non-demo) SQLite database with the schema and the test ACCOUNTS only."""
    yield from _app_database(f"sqlite:///{tmp_path / 'app.db'}", monkeypatch)


@pytest.fixture
def app_db(empty_app_db):
    """The database described at the top of this file (SQLite)."""
    return _fill(empty_app_db)


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def any_empty_app_db(request, tmp_path, monkeypatch, cheap_password_hashing):
    """empty_app_db on SQLite and on PostgreSQL in turn (a fresh schema on the test run's PostgreSQL database)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'app.db'}"
    else:
        url = request.getfixturevalue("_postgres_database")
        engine = make_engine(url)
        try:
            _reset_postgres(engine)
        finally:
            engine.dispose()
    yield from _app_database(url, monkeypatch)


@pytest.fixture
def any_app_db(any_empty_app_db):
    """app_db on SQLite and on PostgreSQL in turn."""
    return _fill(any_empty_app_db)


def open_page(page: str | None = None, lang: str = "en", user: str | None = "officer.test", **state) -> AppTest:
    """Run the app (in a language, signed in as user — None: a member of the public — with session state set),
    then switch to pages/<page>.py if given.

    Signing in sets only what the sign-in page sets (the username and the time of the last interaction): the
    frame checks the account against the database on every run, as it does for a real session.
    """
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["lang"] = lang
    if user is not None:
        app.session_state[USER_KEY] = user
    for key, value in state.items():
        app.session_state[key] = value
    app.run()
    if page:
        app.switch_page(f"pages/{page}.py")
        app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


NOT_AVAILABLE = "This page is not available to you. Sign in with an account that may open it."
"""What a page says, and all it shows, to a role that may not open it."""


def open_page_alone(page: str, user: str | None) -> AppTest:
    """The page run on its own (as if the navigation offered it) as the viewer the frame checked for user: the
    page's own role check, whatever the navigation shows."""
    viewer = open_page(user=user).session_state[CONTEXT_KEY].viewer
    app = AppTest.from_file(str(APP.parent / "pages" / f"{page}.py"), default_timeout=60)
    app.session_state["lang"] = "en"
    app.session_state[CONTEXT_KEY] = Context(viewer, current_version(), "en")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


SILENT_CENTRES = [
    (date(2021, 6, 21), "BST-1", "PHC Bakawand", "BST", 0, 4),
    (date(2021, 6, 22), "RPR-2", "UPHC Ward 12", "RPR", 0, 4),
]
"""What data.read.quality.centre_reports would count had BST-1 (silent on Monday 21 June) and RPR-2 (silent on
Tuesday 22 June) reported on each of their last 4 same weekdays: the fixture's week is too short for that habit."""


@pytest.fixture
def habitual_centres(monkeypatch) -> None:
    """data.read.quality.centre_reports as if the fixture's two silent centres reported every week, so that the
    missing-centres rule flags them (the query itself is tested on hand-worked calendars in tests/data/read)."""
    from data.read import quality

    def run(session, /, *, start, end, districts=None):
        rows = [r for r in SILENT_CENTRES if start <= r[0] <= end and (districts is None or r[3] in districts)]
        return pd.DataFrame(rows, columns=quality.CENTRE_REPORTS)

    monkeypatch.setattr(quality, "centre_reports", SimpleNamespace(run=run))
