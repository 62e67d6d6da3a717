"""Sessions through AppTest: a password reset ends the account's open sessions at their next interaction, and a
session ends users.SESSION_HOURS (12) after its sign-in however active; on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlmodel import Session

from data.accounts import users
from data.models import AuditEvent
from pages._auth import GENERATION_KEY, LAST_SEEN_KEY, STARTED_KEY, USER_KEY
from tests.pages.conftest import PASSWORD, open_page
from tests.pages.test_roles import everything

NEW_PASSWORD = "a brand new passphrase"


def sign_in(username: str, password: str):
    """A session begun through the sign-in form, as a person would."""
    app = open_page("sign_in", user=None)
    app.text_input(key="sign_in_user").input(username)
    app.text_input(key="sign_in_password").input(password)
    app.button[0].click().run()
    assert not app.exception and app.session_state[USER_KEY] == username
    return app


def reset(engine, username: str, password: str = NEW_PASSWORD, *, now: datetime | None = None) -> None:
    with Session(engine) as session:
        users.reset_password(username, password, session=session, actor="officer.test", now=now)


def test_a_password_reset_ends_the_accounts_open_sessions(any_app_db) -> None:
    phone = sign_in("collector.rpr", PASSWORD)
    laptop = sign_in("collector.rpr", PASSWORD)
    officer = sign_in("officer.test", PASSWORD)
    assert GENERATION_KEY in phone.session_state and STARTED_KEY in phone.session_state
    reset(any_app_db, "collector.rpr")
    for app in (phone, laptop):
        app.run()  # the next interaction
        assert not app.exception
        assert USER_KEY not in app.session_state and GENERATION_KEY not in app.session_state
        assert "password was changed. Sign in with the new password." in everything(app)
    officer.run()
    assert officer.session_state[USER_KEY] == "officer.test"  # another account's reset leaves it alone
    # A session begun with the new password lives on; the old password no longer signs in.
    fresh = sign_in("collector.rpr", NEW_PASSWORD)
    fresh.run()
    assert fresh.session_state[USER_KEY] == "collector.rpr"
    with any_app_db.connect() as conn:
        rows = conn.execute(select(AuditEvent.action, AuditEvent.subject).order_by(AuditEvent.id))
        actions = [tuple(row) for row in rows]
    reset_at = actions.index(("user-reset", "collector.rpr"))
    # Both ended sessions are recorded as sign-outs, then the new sign-in.
    assert actions[reset_at + 1 :] == [
        ("sign-out", "collector.rpr"),
        ("sign-out", "collector.rpr"),
        ("sign-in", "collector.rpr"),
    ]


def test_the_notice_of_a_reset_is_in_hindi_too(app_db) -> None:
    app = open_page("overview", lang="hi", user="collector.drg")
    reset(app_db, "collector.drg")
    app.run()
    assert USER_KEY not in app.session_state
    assert "आपका सत्र समाप्त हो गया है: खाते का पासवर्ड बदल दिया गया।" in everything(app)


@pytest.mark.parametrize(
    ("age", "signed_in"),
    [
        (timedelta(hours=11, minutes=59), True),
        (timedelta(hours=12, seconds=1), False),
        (timedelta(days=3), False),
    ],
    ids=["11h59m", "12h00m01s", "3-days"],
)
def test_a_session_lasts_at_most_twelve_hours_however_active(app_db, age: timedelta, signed_in: bool) -> None:
    assert users.SESSION_HOURS == 12
    app = sign_in("officer.test", PASSWORD)
    app.session_state[STARTED_KEY] = time.time() - age.total_seconds()
    app.session_state[LAST_SEEN_KEY] = time.time() - 60  # active a minute ago: never idle
    app.run()
    assert not app.exception
    assert (USER_KEY in app.session_state) is signed_in
    if not signed_in:
        assert "You were signed out: a session lasts at most 12 hours. Sign in again." in everything(app)
        app.run()
        assert USER_KEY not in app.session_state  # stays out; signing in again starts a new 12 hours
        again = sign_in("officer.test", PASSWORD)
        assert time.time() - again.session_state[STARTED_KEY] < 60
