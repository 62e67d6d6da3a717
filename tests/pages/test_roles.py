"""Roles on every page: what the public, a collector and an officer may open and see, checked on the server.

The database is app_db plus one more Durg centre, DRG-2 (PHC Dhamdha), which reported 20 doses on each of the
four Tuesdays before 22 June (25 May, 1, 8 and 15 June) and on 21 June, and nothing on Tuesday 22 June: as of
22 June the data-quality rules name it as a centre that stopped reporting, so a page that leaked another
district's centres to a collector would show "DRG-2" or "PHC Dhamdha".
Raipur's collector (collector.rpr) must see Durg only as district totals.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import streamlit as st
from sqlmodel import Session
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from data.access import PAGES
from data.accounts import audit, users
from pages._auth import LAST_SEEN_KEY, USER_KEY
from tests.files import doses_csv, run_import
from tests.pages.conftest import NOT_AVAILABLE, PASSWORD, open_page, open_page_alone

DASHBOARD = ("overview", "district_pace", "data_quality", "bulletin")
DURG_CENTRE = ("DRG-2", "PHC Dhamdha")


@pytest.fixture
def role_db(any_app_db):
    days = ("2021-05-25", "2021-06-01", "2021-06-08", "2021-06-15", "2021-06-21")
    content = doses_csv(
        [
            {"date": day, "district": "Durg", "centre_code": "DRG-2", "centre_name": "PHC Dhamdha", "doses": "20"}
            for day in days
        ]
    )
    assert run_import(any_app_db, content).status == "committed"
    return any_app_db


@pytest.fixture
def downloads(monkeypatch) -> list[bytes]:
    """The data of every file handed to a download button."""
    saved: list[bytes] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        saved.append(path_or_data if isinstance(path_or_data, bytes) else str(path_or_data).encode())
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return saved


def everything(app: AppTest) -> str:
    """All the page shows: every element's text, every table's cells (as CSV)."""
    parts: list[str] = []

    def walk(node) -> None:
        children = getattr(node, "children", None)
        if children:
            for child in children.values():
                walk(child)
            return
        value = getattr(node, "value", None)
        if hasattr(value, "to_csv"):
            parts.append(value.to_csv())
        proto = getattr(node, "proto", None)
        parts.append(str(proto) if proto is not None else str(value))

    walk(app._tree)
    return "\n".join(parts)


OFFERED: list[set[str]] = []
"""The pages (file names) each st.navigation call of the app offered: visible ones (others' are hidden pages)."""


@pytest.fixture(autouse=True)
def offered(monkeypatch) -> None:
    """Record what the frame's st.navigation shows (AppTest keeps every registered page, hidden or not)."""
    original = st.navigation

    def record(pages, **kwargs):
        entries = [page for section in pages.values() for page in section]
        OFFERED.append({Path(str(page._page)).stem for page in entries if page.visibility == "visible"})
        return original(pages, **kwargs)

    OFFERED.clear()
    monkeypatch.setattr(st, "navigation", record)


def navigation(app: AppTest) -> set[str]:
    """The pages (file names) the navigation of the app's last run offered."""
    return OFFERED[-1]


def visit(app: AppTest, page: str) -> AppTest:
    app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


# --- Navigation and the server-side check ------------------------------------------------------------


@pytest.mark.parametrize("user, role", [(None, "public"), ("collector.rpr", "collector"), ("officer.test", "officer")])
def test_the_navigation_offers_exactly_the_pages_of_the_role(app_db, user, role) -> None:
    app = open_page(user=user)
    assert navigation(app) == {page for page, roles in PAGES.items() if role in roles}


def test_the_public_lands_on_the_summary_and_cannot_switch_to_a_dashboard_page(app_db) -> None:
    app = open_page(user=None)
    assert app.title[0].value == "COVID-19 vaccination in Chhattisgarh"
    app.switch_page("pages/overview.py").run()  # a hidden page (a deep link resolves): the sign-in instead
    assert [title.value for title in app.title] == ["Staff sign-in"]
    assert "State overview" not in everything(app).replace("You asked for State overview", "")


@pytest.mark.parametrize("page", [page for page, roles in PAGES.items() if "public" not in roles])
def test_a_page_run_without_a_signed_in_role_refuses_and_shows_nothing(app_db, page) -> None:
    """Hiding a page is not protection: run on its own (no navigation), the page itself refuses."""
    app = open_page_alone(page, None)
    assert [w.value for w in app.warning] == [NOT_AVAILABLE]
    assert not app.title and not app.dataframe and not app.metric


@pytest.mark.parametrize("page", ["stock", "users", "audit_trail"])
def test_a_collector_cannot_open_the_officer_pages(app_db, page) -> None:
    assert page not in navigation(open_page(user="collector.rpr"))
    app = open_page_alone(page, "collector.rpr")
    assert [w.value for w in app.warning] == [NOT_AVAILABLE]
    assert not app.title and not app.dataframe


# --- A collector sees other districts only as totals ------------------------------------------------


def test_an_officer_sees_every_district_s_centres(role_db) -> None:
    app = open_page("data_quality", user="officer.test")
    assert "DRG-2" in everything(app)
    app = open_page("district_pace", user="officer.test", dp_district="DRG")
    shown = everything(app)
    assert "CHC Patan" in shown and "PHC Dhamdha" in shown


def test_a_collector_gets_nothing_of_another_district_beyond_its_totals(role_db, downloads) -> None:
    officer = open_page("data_quality", user="officer.test")  # fills the caches with every centre first
    assert "DRG-2" in everything(officer)
    downloads.clear()
    app = open_page(user="collector.rpr")
    seen = [everything(app)]
    for page in DASHBOARD:
        seen.append(everything(visit(app, page)))
    visit(app, "district_pace")
    app.selectbox(key="dp_district").set_value("DRG").run()
    assert not app.exception
    seen.append(everything(app))
    assert "Centre-level detail is shown for your own district only." in seen[-1]
    assert "Durg" in seen[-1]  # its totals and trend are there
    text = "\n".join(seen) + "\n".join(data.decode("utf-8", "replace") for data in downloads)
    for secret in (*DURG_CENTRE, "CHC Patan", "DRG-1", "BST-1", "PHC Bakawand"):
        assert secret not in text
    # ... while its own centres are all there
    app.selectbox(key="dp_district").set_value("RPR").run()
    assert "PHC Mana" in everything(app)


def test_the_bulletin_of_another_district_is_its_totals(role_db) -> None:
    app = open_page("bulletin", user="collector.rpr")
    app.selectbox(key="bulletin_area").set_value("DRG").run()
    assert not app.exception
    text = everything(app)
    assert "Durg" in text and not any(secret in text for secret in DURG_CENTRE)


# --- Sessions ------------------------------------------------------------------------------------


def test_signing_in_through_the_page_opens_the_role_s_pages_and_keeps_no_password(app_db) -> None:
    app = open_page("sign_in", user=None)
    app.text_input(key="sign_in_user").input("collector.rpr")
    app.text_input(key="sign_in_password").input(PASSWORD)
    app.button[0].click().run()
    assert not app.exception
    assert app.title[0].value == "Raipur: district overview"  # a collector's home is their district
    assert navigation(app) == {page for page, roles in PAGES.items() if "collector" in roles}
    assert all(PASSWORD not in repr(app.session_state[key]) for key in app.session_state)


@pytest.mark.parametrize(
    "username, password",
    [("collector.rpr", "wrong password!"), ("nobody.here", PASSWORD), ("collector.rpr", "")],
    ids=["wrong-password", "unknown-user", "empty"],
)
def test_every_failed_sign_in_gets_the_same_message(app_db, username, password) -> None:
    app = open_page("sign_in", user=None)
    app.text_input(key="sign_in_user").input(username)
    app.text_input(key="sign_in_password").input(password)
    app.button[0].click().run()
    assert [e.value for e in app.error] == [
        "Sign-in failed. Check the username and password, or try again in a few minutes."
    ]
    assert USER_KEY not in app.session_state


def test_sign_in_is_throttled_after_five_failures(any_app_db) -> None:
    app = open_page("sign_in", user=None)
    for _ in range(5):
        app.text_input(key="sign_in_user").input("collector.rpr")
        app.text_input(key="sign_in_password").input("wrong password!")
        app.button[0].click().run()
    app.text_input(key="sign_in_user").input("collector.rpr")
    app.text_input(key="sign_in_password").input(PASSWORD)
    app.button[0].click().run()
    assert app.error and USER_KEY not in app.session_state


def test_a_disabled_account_is_refused_at_its_next_interaction(any_app_db) -> None:
    app = open_page("overview", user="collector.rpr")
    assert app.title[0].value == "Raipur: district overview"  # a collector's home is their district
    with Session(any_app_db) as session:
        users.disable_user("collector.rpr", session=session, actor="officer.test")
    app.run()
    assert not app.exception
    assert USER_KEY not in app.session_state
    assert navigation(app) == {page for page, roles in PAGES.items() if "public" in roles}
    assert "the account is no longer active" in everything(app)
    assert "Raipur: district overview" not in [t.value for t in app.title]


def test_an_idle_session_ends(app_db, monkeypatch) -> None:
    monkeypatch.setenv("TEEKA_IDLE_MINUTES", "30")
    app = open_page("overview", user="officer.test")
    app.session_state[LAST_SEEN_KEY] = time.time() - 31 * 60
    app.run()
    assert USER_KEY not in app.session_state
    assert "You were signed out after 30 minutes without activity." in everything(app)


def test_signing_out_returns_to_the_public_pages(app_db) -> None:
    app = open_page("overview", user="officer.test")
    app.sidebar.button(key="sign-out").click().run()
    assert not app.exception
    assert USER_KEY not in app.session_state
    assert app.title[0].value == "COVID-19 vaccination in Chhattisgarh"
    assert "You have signed out." in everything(app)


def test_a_result_cached_for_one_district_is_never_shown_to_another(role_db) -> None:
    durg = open_page("data_quality", user="collector.drg")
    assert "DRG-2" in everything(durg)
    raipur = open_page("data_quality", user="collector.rpr")
    assert "DRG-2" not in everything(raipur)


def test_a_staff_download_is_audited(any_app_db) -> None:
    app = open_page("overview", user="officer.test")
    app.get("download_button")[0].click().run()
    with Session(any_app_db) as session:
        exports = audit.browse(session=session, action="export")
    assert list(exports["actor"]) == ["officer.test"]
    assert list(exports["subject"]) == ["daily-doses.csv"]


def test_a_staff_deep_link_asks_to_sign_in_then_opens_the_page(app_db) -> None:
    app = open_page(user=None, requested_page="pages/bulletin.py")
    assert app.title[0].value == "Staff sign-in"
    app.text_input(key="sign_in_user").input("collector.rpr")
    app.text_input(key="sign_in_password").input(PASSWORD)
    app.button[0].click().run()
    assert not app.exception
    assert app.title[0].value == "Daily bulletin"


def test_a_deep_link_to_a_page_the_role_may_not_open_lands_on_its_home_page(app_db) -> None:
    app = open_page(user="collector.rpr", requested_page="pages/users.py")
    assert app.title[0].value == "Raipur: district overview"
    assert "users" not in navigation(app)
