"""Sessions of the officer workspace: who is signed in, checked afresh against the database on every rerun.

The frame (app.py) calls `current_viewer()` before anything else; the Viewer it returns goes into the Context
every page and every gated call runs with. A session ends on sign-out, after `data.accounts.users.idle_minutes()`
without an interaction, `data.accounts.users.SESSION_HOURS` after it began whatever the activity, and at the
next interaction after the account is disabled or its password is reset (the account's `password_changed_at`,
read afresh on every rerun, is the session's generation: a reset makes every session begun before it stale).
Only the username, when the session began, its generation and the time of the last interaction are kept in
session state, so a reload (a new Streamlit session) signs a password session out; single sign-on's own cookie
survives it. README ("Accounts and roles") says why no cookie of our own keeps a password session.
"""

from __future__ import annotations

import time
from datetime import UTC

import streamlit as st

from data.access import PUBLIC, Context, Viewer
from data.accounts import users
from data.settings import secrets_table
from pages import _frame
from pages._shared import client_address, label

USER_KEY = "signed_in_user"
LAST_SEEN_KEY = "last_interaction"
STARTED_KEY = "session_started"
"""When the session began (time.time()): it ends users.SESSION_HOURS later."""
GENERATION_KEY = "session_generation"
"""The account's password_changed_at when the session began (a UTC timestamp); another one ends the session."""
NOTICE_KEY = "auth_notice"
"""Why the last session ended (signed_out | idle | expired | reset | refused | sso_unmapped), shown once on the
next page."""
SSO_REFUSED_KEY = "sso_refused"
"""Set when this session's single sign-on identity maps to no active account (not asked again)."""

ANYONE = Context(PUBLIC)
"""The context of the calls made before anyone is known to be signed in (the sign-in itself)."""


def sso_configured() -> bool:
    """True when secrets have an [auth] section: Streamlit's st.login (OIDC) is then offered."""
    return bool(secrets_table("auth"))


def _viewer(account) -> Viewer:
    return Viewer(
        role=account.role,
        district_code=account.district_code,
        username=account.username,
        display_name=account.display_name,
    )


def sign_in(username: str, password: str) -> bool:
    """The sign-in form: True when the account signed in (its session starts; the next run goes on to the
    page a deep link asked for, or the overview)."""
    account = users.sign_in(ANYONE, username, password, client=client_address())
    if account is None:
        return False
    _start_session(account)
    return True


def _generation(account) -> float:
    """The account's session generation: when its password last changed, as a UTC timestamp (SQLite gives the
    time back without its zone, PostgreSQL with it)."""
    changed = account.password_changed_at
    return (changed if changed.tzinfo else changed.replace(tzinfo=UTC)).timestamp()


def _start_session(account) -> Viewer:
    now = time.time()
    st.session_state[USER_KEY] = account.username
    st.session_state[LAST_SEEN_KEY] = now
    st.session_state[STARTED_KEY] = now
    st.session_state[GENERATION_KEY] = _generation(account)
    st.session_state.pop(NOTICE_KEY, None)
    viewer = _viewer(account)
    _frame.after_sign_in(viewer)
    return viewer


def end_session(reason: str) -> None:
    """Forget the signed-in user (and the single sign-on cookie, if any); `reason` is shown once."""
    username = st.session_state.pop(USER_KEY, None)
    for key in (LAST_SEEN_KEY, STARTED_KEY, GENERATION_KEY):
        st.session_state.pop(key, None)
    st.session_state[NOTICE_KEY] = reason
    if username and reason in ("signed_out", "idle", "expired", "reset"):
        users.record_sign_out(ANYONE, username)
    if sso_configured() and _sso_signed_in():
        st.logout()


def sign_out() -> None:
    """The sidebar's sign-out button: end the session and show the public summary."""
    end_session("signed_out")
    _frame.ask_for("summary")


def _sso_signed_in() -> bool:
    try:
        return bool(st.user.is_logged_in)
    except Exception:  # no [auth] configuration, or an older session cookie Streamlit cannot read
        return False


def _sso_account():
    """The local account a verified single sign-on identity maps to (None: not signed in or not mapped)."""
    if st.session_state.get(SSO_REFUSED_KEY) or not sso_configured() or not _sso_signed_in():
        return None
    # An address the identity provider says it has not verified proves nothing (None: the provider does not say).
    email = st.user.get("email") if st.user.get("email_verified") is not False else None
    account = users.sign_in_sso(ANYONE, email, client=client_address())
    if account is None:
        st.session_state[SSO_REFUSED_KEY] = True
        st.session_state[NOTICE_KEY] = "sso_unmapped"
    return account


def show_notice() -> None:
    """Say once why the last session ended (or why single sign-on did not sign anyone in)."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        text = label(f"workspace.notice_{notice}", minutes=users.idle_minutes(), hours=users.SESSION_HOURS)
        st.info(text, icon=":material/info:")


def current_viewer() -> Viewer:
    """Who is looking on this rerun: the signed-in account if it is still active, its password unchanged since the
    session began, the session neither idle nor older than users.SESSION_HOURS; else public."""
    username = st.session_state.get(USER_KEY)
    if not username:
        account = _sso_account()
        return _start_session(account) if account is not None else PUBLIC
    now = time.time()
    if now - st.session_state.get(LAST_SEEN_KEY, now) > users.idle_minutes() * 60:
        end_session("idle")
        return PUBLIC
    # Every sign-in sets both (_start_session); a session made up without one (a test's) starts counting here.
    if now - st.session_state.setdefault(STARTED_KEY, now) > users.SESSION_HOURS * 3600:
        end_session("expired")
        return PUBLIC
    account = users.signed_in_account(ANYONE, username)
    if account is None:
        end_session("refused")
        return PUBLIC
    if st.session_state.setdefault(GENERATION_KEY, _generation(account)) != _generation(account):
        end_session("reset")
        return PUBLIC
    st.session_state[LAST_SEEN_KEY] = now
    return _viewer(account)
