"""What the frame shows when it cannot run, through AppTest: the configuration page (the missing settings named in
English and Hindi, never a value), and a fault — a database that cannot be reached, an exception in a page — as
a message with an 8-character reference that the server log holds with the traceback; never its details."""

from __future__ import annotations

import logging
import re

import pytest
from streamlit.testing.v1 import AppTest

from data.settings import ENVIRONMENT
from tests.pages.conftest import APP, _clear_caches, open_page
from tests.pages.test_roles import everything

FAULT_EN = "This page could not be shown: the data could not be reached or an unexpected fault occurred."
FAULT_HI = "यह पृष्ठ नहीं दिखाया जा सका"
REFERENCE = re.compile(r"give this reference to the state data team: ([0-9a-f]{8})\.")


def run(user: str | None = None) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["lang"] = "en"
    if user:
        app.session_state["signed_in_user"] = user
    app.run()
    return app


def test_a_missing_setting_shows_the_configuration_page(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'teeka.db'}")
    monkeypatch.delenv(ENVIRONMENT["public_base_url"])
    monkeypatch.delenv(ENVIRONMENT["identifier_key"])
    monkeypatch.setattr("data.settings._from_secrets_file", lambda _name: None)
    app = run()
    assert not app.exception
    assert [t.value for t in app.title] == ["Teeka is not configured · टीका कॉन्फ़िगर नहीं है"]
    english, hindi = (e.value for e in app.error)
    assert english.startswith("The dashboard cannot start: the database is not the demo one, and these settings")
    assert (
        "TEEKA_IDENTIFIER_KEY ([certificates] identifier_key), TEEKA_PUBLIC_BASE_URL ([certificates] public_base_url)"
        in english
    )
    assert "TEEKA_IDENTIFIER_KEY" in hindi and "सेटिंग्स नहीं दी गई हैं" in hindi
    assert "BEGIN PRIVATE KEY" not in everything(app)  # the signing key is set: its value is never shown
    assert not (tmp_path / "teeka.db").exists()  # nothing touched the database
    assert not app.sidebar.radio  # no dashboard


@pytest.mark.parametrize("user", [None, "officer.test"], ids=["public", "signed-in"])
def test_a_database_that_cannot_be_reached_shows_a_reference(monkeypatch, caplog, user) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://teeka@127.0.0.1:1/nowhere?connect_timeout=2")
    _clear_caches()
    try:
        with caplog.at_level(logging.ERROR, logger="teeka.faults"):
            app = run(user)
    finally:
        _clear_caches()
    assert not app.exception  # no traceback on the page
    shown = everything(app)
    english, hindi = (e.value for e in app.error)
    assert english.startswith(FAULT_EN) and hindi.startswith(FAULT_HI)
    code = REFERENCE.search(english).group(1)
    assert code in hindi
    assert "OperationalError" not in shown and "127.0.0.1" not in shown and "nowhere" not in shown
    [logged] = [r for r in caplog.records if r.name == "teeka.faults"]
    assert logged.getMessage() == f"fault {code}: OperationalError"
    assert logged.exc_info is not None and "127.0.0.1" in str(logged.exc_info[1])  # the details: in the log only


def test_an_exception_in_a_page_shows_a_reference(app_db, monkeypatch, caplog) -> None:
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("internal detail: divisor of RPR-1")

    monkeypatch.setattr("stats.views.summary.headline", broken)
    with caplog.at_level(logging.ERROR, logger="teeka.faults"):
        app = run()
    assert not app.exception
    english = app.error[0].value
    assert english.startswith(FAULT_EN)
    code = REFERENCE.search(english).group(1)
    assert "internal detail" not in everything(app) and "ZeroDivisionError" not in everything(app)
    [logged] = [r for r in caplog.records if r.name == "teeka.faults"]
    assert logged.getMessage() == f"fault {code}: ZeroDivisionError"
    assert "divisor of RPR-1" in logged.exc_text or "divisor of RPR-1" in str(logged.exc_info[1])
    # Each fault its own reference; the sidebar still lets the person choose the language.
    again = app.run()
    assert REFERENCE.search(again.error[0].value).group(1) != code
    assert again.sidebar.radio


def test_a_working_page_shows_no_fault(app_db) -> None:
    app = open_page("summary", user=None)
    assert not app.error


def test_a_fault_in_a_widget_callback_shows_a_reference(app_db, monkeypatch, caplog) -> None:
    """Streamlit runs callbacks before the script: the certificate page's are guarded, and the frame says so."""

    def broken(*_args, **_kwargs):
        raise KeyError("internal detail of the lookup")

    monkeypatch.setattr("data.certificates.lookup.detail_problems", broken)
    app = open_page("certificate", user=None)
    app.text_input(key="cert_reference").input("1000000000001")
    app.text_input(key="cert_mobile").input("9876543210")
    with caplog.at_level(logging.ERROR, logger="teeka.faults"):
        app.button[0].click().run()
    assert not app.exception
    code = REFERENCE.search(app.error[0].value).group(1)
    assert "internal detail" not in everything(app)
    [logged] = [r for r in caplog.records if r.name == "teeka.faults"]
    assert logged.getMessage() == f"fault {code}: KeyError"
    app.run()
    assert not app.error  # shown once
