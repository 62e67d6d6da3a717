"""Sessions of the officer workspace: who is signed in, checked afresh against the database on every rerun.

The frame (app.py) calls `current_viewer()` before anything else; the Viewer it returns is what every page
and every cached query runs as (data.read.cached.viewer). A session ends on sign-out, after
`data.accounts.users.idle_minutes()` without an interaction, and at the next interaction after the account is
disabled. Only the username and the time of the last interaction are kept in session state.
"""

from __future__ import annotations

import time

import streamlit as st

from data.access import PUBLIC, Viewer
from data.accounts import users
from data.read import cached
from data.settings import secrets_table

USER_KEY = "signed_in_user"
LAST_SEEN_KEY = "last_interaction"
NOTICE_KEY = "auth_notice"
"""Why the last session ended (signed_out | idle | refused | sso_unmapped), shown once on the next page."""
AFTER_SIGN_IN_KEY = "after_sign_in"
"""The staff page a deep link asked for before signing in: where signing in goes."""
SSO_REFUSED_KEY = "sso_refused"
"""Set when this session's single sign-on identity maps to no active account (not asked again)."""


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


def start_session(account) -> Viewer:
    """Remember who signed in (an account as data.accounts.users returns it), start their idle clock, and go on to the
    page a deep link asked for (if the role may open it) or the state overview."""
    st.session_state[USER_KEY] = account.username
    st.session_state[LAST_SEEN_KEY] = time.time()
    st.session_state.pop(NOTICE_KEY, None)
    viewer = _viewer(account)
    st.session_state[cached.VIEWER_KEY] = viewer
    wanted = st.session_state.pop(AFTER_SIGN_IN_KEY, None)
    st.session_state["intended_page"] = f"pages/{wanted if wanted and viewer.may_open(wanted) else 'overview'}.py"
    return viewer


def end_session(reason: str) -> None:
    """Forget the signed-in user (and the single sign-on cookie, if any); `reason` is shown once."""
    username = st.session_state.pop(USER_KEY, None)
    st.session_state.pop(LAST_SEEN_KEY, None)
    st.session_state[cached.VIEWER_KEY] = PUBLIC
    st.session_state[NOTICE_KEY] = reason
    if username and reason in ("signed_out", "idle"):
        cached.in_session(users.sign_out, username)
    if sso_configured() and _sso_signed_in():
        st.logout()


def _sso_signed_in() -> bool:
    try:
        return bool(st.user.is_logged_in)
    except Exception:  # no [auth] configuration, or an older session cookie Streamlit cannot read
        return False


def _sso_account():
    """The local account a verified single sign-on identity maps to (None: not signed in or not mapped)."""
    if st.session_state.get(SSO_REFUSED_KEY) or not sso_configured() or not _sso_signed_in():
        return None
    from pages._shared import client_address

    # An address the identity provider says it has not verified proves nothing (None: the provider does not say).
    email = st.user.get("email") if st.user.get("email_verified") is not False else None
    account = cached.in_session(users.sign_in_identity, email, client=client_address())
    if account is None:
        st.session_state[SSO_REFUSED_KEY] = True
        st.session_state[NOTICE_KEY] = "sso_unmapped"
    return account


def show_notice() -> None:
    """Say once why the last session ended (or why single sign-on did not sign anyone in)."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        from pages._shared import label

        st.info(label(f"workspace.notice_{notice}", minutes=users.idle_minutes()), icon=":material/info:")


def current_viewer() -> Viewer:
    """Who is looking on this rerun: the signed-in account if it is still active and not idle, else public."""
    username = st.session_state.get(USER_KEY)
    if not username:
        account = _sso_account()
        viewer = start_session(account) if account is not None else PUBLIC
        st.session_state[cached.VIEWER_KEY] = viewer
        return viewer
    now = time.time()
    if now - st.session_state.get(LAST_SEEN_KEY, now) > users.idle_minutes() * 60:
        end_session("idle")
        return PUBLIC
    account = cached.in_session(users.active_account, username)
    if account is None:
        end_session("refused")
        return PUBLIC
    st.session_state[LAST_SEEN_KEY] = now
    viewer = _viewer(account)
    st.session_state[cached.VIEWER_KEY] = viewer
    return viewer
