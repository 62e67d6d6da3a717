"""Deep links and the address: the public asking for a staff page gets the sign-in (naming it) and then that page;
a role that may not open a page goes home with a note; the root address sends everyone to their home page; the
sidebar says when the figures were last imported, in India time, to everyone."""

from __future__ import annotations

import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from pages._auth import USER_KEY
from pages._frame import NEXT_PARAM
from tests.pages.conftest import APP, PASSWORD, open_page


def sign_in_on(app: AppTest, username: str) -> AppTest:
    """Fill in and submit the sign-in form the app shows (at the sign-in's address, where a browser now is: AppTest
    keeps asking for the page it was last switched to, where a browser follows st.switch_page)."""
    assert titles(app) == ["Staff sign-in"]
    app.switch_page("pages/sign_in.py")
    app.text_input(key="sign_in_user").input(username)
    app.text_input(key="sign_in_password").input(PASSWORD)
    app.button[0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.session_state[USER_KEY] == username
    return app


def titles(app: AppTest) -> list[str]:
    return [title.value for title in app.title]


def infos(app: AppTest) -> list[str]:
    return [info.value for info in app.info]


@pytest.mark.parametrize(
    ("user", "title"),
    [(None, "COVID-19 vaccination in Chhattisgarh"), ("officer.test", "State overview")],
    ids=["public-summary", "officer-overview"],
)
def test_the_root_address_opens_the_viewers_home(app_db, user, title) -> None:
    assert titles(open_page(user=user)) == [title]


@pytest.mark.parametrize(
    ("page", "named"),
    [("overview", "State overview"), ("district_pace", "District pace"), ("audit_trail", "Audit trail")],
)
def test_the_public_asking_for_a_staff_page_gets_the_sign_in_naming_it(app_db, page, named) -> None:
    app = open_page(page, user=None)
    assert titles(app) == ["Staff sign-in"]
    assert f"You asked for {named}, a staff page. Sign in to open it." in infos(app)
    assert app.query_params[NEXT_PARAM] == page  # the address keeps it: a reload of the sign-in still knows


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("district_pace", "District pace"),
        ("upload", "Upload data"),
        ("data_quality", "Data quality and reconciliation"),
    ],
)
def test_signing_in_after_a_deep_link_lands_on_the_page_asked_for(app_db, page, title) -> None:
    app = sign_in_on(open_page(page, user=None), "collector.rpr")
    assert titles(app)[0] == title
    assert not any("asked for" in text for text in infos(app))


def test_a_collector_asking_for_an_officer_page_signs_in_to_their_home_with_a_note(app_db) -> None:
    app = sign_in_on(open_page("audit_trail", user=None), "collector.rpr")
    assert titles(app) == ["Raipur: district overview"]  # a collector's home is their district
    assert "Audit trail is not among your pages, so you are on your home page instead." in infos(app)
    app.switch_page("pages/overview.py").run()  # said once
    assert not any("not among your pages" in text for text in infos(app))


@pytest.mark.parametrize("page", ["users", "stock", "audit_trail"])
def test_a_signed_in_collector_opening_an_officer_page_goes_home_with_a_note(app_db, page) -> None:
    app = open_page(page, user="collector.rpr")
    assert titles(app) == ["Raipur: district overview"]
    assert any(text.endswith("is not among your pages, so you are on your home page instead.") for text in infos(app))


@pytest.mark.parametrize("page", ["sign_in", "summary"])
def test_a_signed_in_viewer_on_a_public_only_page_goes_home_without_a_note(app_db, page) -> None:
    app = open_page(page, user="officer.test")
    assert titles(app) == ["State overview"]
    assert not any("not among your pages" in text for text in infos(app))


def test_signing_in_without_a_deep_link_lands_on_the_home_page(app_db) -> None:
    app = sign_in_on(open_page("sign_in", user=None), "officer.test")
    assert titles(app) == ["State overview"]


def test_a_reload_of_the_sign_in_keeps_the_page_asked_for_from_its_address(app_db) -> None:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["lang"] = "en"
    app.query_params[NEXT_PARAM] = "upload"
    app.switch_page("pages/sign_in.py").run()
    assert "You asked for Upload data, a staff page. Sign in to open it." in infos(app)
    assert titles(sign_in_on(app, "officer.test")) == ["Upload data"]


@pytest.mark.parametrize("wanted", ["summary", "verify", "nonsense", "../app"])
def test_the_sign_in_names_only_staff_pages_from_its_address(app_db, wanted) -> None:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["lang"] = "en"
    app.query_params[NEXT_PARAM] = wanted
    app.switch_page("pages/sign_in.py").run()
    assert not app.exception
    assert not any("asked for" in text for text in infos(app))
    assert titles(sign_in_on(app, "officer.test")) == ["State overview"]


@pytest.mark.parametrize("page", ["verify", "certificate", "about"])
def test_a_public_pages_deep_link_opens_it(app_db, page) -> None:
    app = open_page(page, user=None)
    assert titles(app) and titles(app) != ["Staff sign-in"]
    assert not any("asked for" in text for text in infos(app))


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "a reload or a link opened in a new tab signs you out"), ("hi", "साइन आउट हो जाते हैं")],
)
def test_the_sign_in_says_a_reload_signs_you_out_and_why(app_db, lang, text) -> None:
    app = open_page("sign_in", user=None, lang=lang)
    assert any(text in caption.value for caption in app.caption)


IST = r"\d{1,2} \w+ \d{4}, \d\d:\d\d IST"


@pytest.mark.parametrize("user", [None, "collector.rpr", "officer.test"], ids=["public", "collector", "officer"])
def test_the_freshness_line_gives_the_last_import_in_india_time_to_everyone(app_db, user) -> None:
    captions = [caption.value for caption in open_page(user=user).sidebar.caption]
    assert re.fullmatch(rf"Figures to 22 June 2021 · last import {IST}", captions[0]), captions
    if user is None:
        assert not any("test-officer" in caption or ".csv" in caption for caption in captions)  # nobody's name


def test_the_freshness_line_in_hindi(app_db) -> None:
    caption = open_page(user=None, lang="hi").sidebar.caption[0].value
    assert re.fullmatch(r"आँकड़े 22 जून 2021 तक · अंतिम आयात \d{1,2} \S+ \d{4}, \d\d:\d\d IST", caption), caption


def test_the_sidebar_s_choices_survive_a_switch_made_by_the_frame(app_db) -> None:
    """A switch made on the server carries no widget states: the language and day chosen must still hold."""
    app = open_page("overview", user="officer.test")
    app.sidebar.radio[0].set_value("hi").run()
    app.sidebar.date_input[0].set_value(date(2021, 6, 20)).run()
    app.switch_page("pages/sign_in.py").run()  # the frame sends the officer home
    assert titles(app) == ["राज्य अवलोकन"]
    assert (app.sidebar.radio[0].value, app.sidebar.date_input[0].value) == ("hi", date(2021, 6, 20))
    app.switch_page("pages/overview.py")
    app.sidebar.button(key="sign-out").click().run()  # the frame sends the public to the summary
    assert app.sidebar.radio[0].value == "hi"
    assert "आप साइन आउट हो गए हैं।" in infos(app)


def test_the_root_address_keeps_a_shared_link_s_query(app_db) -> None:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["lang"] = "en"
    app.query_params["district"] = "RPR"
    app.run()
    assert titles(app) == ["Raipur district"]  # the district's public view
    assert app.query_params.get("district") == "RPR"
