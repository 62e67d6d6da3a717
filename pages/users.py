"""Accounts (officers): list the accounts, add one, reset a password, disable an account, link a single
sign-on identity. Every change goes through data.accounts.users as the signed-in officer, which writes its audit row."""

import streamlit as st

from data.accounts import users
from data.read import reference, workspace
from pages._frame import require_frame
from pages._shared import downloads, label
from stats import names
from stats.views import users as view

ctx = require_frame("users")

ACCOUNTS_FILE = "accounts.csv"
# The confirmation of the last change, shown once after the page is drawn again.
NOTICE_KEY = "users-notice"
# The password fields: forgotten as soon as a form is handled, so no password stays in session state.
PASSWORD_KEYS = ("users-add-password", "users-add-again", "users-reset-password", "users-reset-again")

language = ctx.lang
officer = ctx.viewer


def forget_passwords() -> None:
    for key in PASSWORD_KEYS:
        st.session_state.pop(key, None)


def attempt(change, *args, **kwargs) -> tuple[bool, object]:
    """An account change (a command of data.accounts.users, made as the signed-in officer): (True, its result),
    or (False, None) after showing why it was refused (in the user's language)."""
    try:
        return True, change(ctx, *args, **kwargs)
    except users.UserError as error:
        st.error(error.text(language), icon=":material/block:")
        return False, None
    finally:
        forget_passwords()


def done(key: str, **values: str) -> None:
    """Say what was done (once, on the page drawn again with the accounts as they are now)."""
    st.session_state[NOTICE_KEY] = view.action_text(key, values, language)
    st.rerun()


st.title(label("users.title"))
st.caption(label("users.intro"))
notice = st.session_state.pop(NOTICE_KEY, None)
if notice:
    st.success(notice, icon=":material/check_circle:")

accounts = workspace.accounts(ctx)
districts = reference.districts(ctx)
district_names = names.district_options(districts, language)

# --- The accounts ------------------------------------------------------------------------------------
st.subheader(label("users.accounts_header"))
if not accounts:
    st.info(label("users.no_accounts"))
else:
    table = view.accounts_table(accounts, districts, language)
    st.dataframe(table, hide_index=True, width="stretch", key="users-accounts")
    downloads(
        ctx,
        view.accounts_table(accounts, districts, language, formatted=False),
        ACCOUNTS_FILE,
        "users-accounts-download",
    )

add_tab, reset_tab, disable_tab, link_tab = st.tabs(
    [label("users.tab_add"), label("users.tab_reset"), label("users.tab_disable"), label("users.tab_link")]
)

# --- Add an account ----------------------------------------------------------------------------------
with add_tab:
    role = st.selectbox(
        label("users.role"),
        options=view.ROLES,
        format_func=lambda code: view.role_name(code, language),
        key="users-role",
    )
    with st.form("users-add", clear_on_submit=True):
        username = st.text_input(label("users.username"), max_chars=32, help=label("users.username_help"))
        display_name = st.text_input(label("users.display_name"), max_chars=100)
        district = None
        if role == "collector":
            district = st.selectbox(
                label("users.district"), options=list(district_names), format_func=district_names.get, index=None
            )
        password = st.text_input(
            label("users.password"), type="password", help=label("users.password_help"), key="users-add-password"
        )
        again = st.text_input(label("users.password_again"), type="password", key="users-add-again")
        add = st.form_submit_button(label("users.submit_add"), type="primary", icon=":material/person_add:")
    if add:
        if view.passwords_differ(password, again):
            forget_passwords()
            st.error(label("users.error_passwords_differ"), icon=":material/block:")
        else:
            ok, account = attempt(
                users.add_account, username, password, role=role, district_code=district, display_name=display_name
            )
            if ok:
                done("add", username=account.username)

# --- Reset a password --------------------------------------------------------------------------------
with reset_tab:
    choices = view.account_options(accounts)
    with st.form("users-reset", clear_on_submit=True):
        target = st.selectbox(label("users.account"), options=list(choices), format_func=choices.get, index=None)
        password = st.text_input(
            label("users.password"), type="password", help=label("users.password_help"), key="users-reset-password"
        )
        again = st.text_input(label("users.password_again"), type="password", key="users-reset-again")
        reset = st.form_submit_button(label("users.submit_reset"), type="primary", icon=":material/key:")
    if reset:
        if target is None:
            forget_passwords()
            st.error(label("users.choose_account"), icon=":material/block:")
        elif view.passwords_differ(password, again):
            forget_passwords()
            st.error(label("users.error_passwords_differ"), icon=":material/block:")
        elif attempt(users.reset_account_password, target, password)[0]:
            done("reset", username=target)

# --- Disable an account ------------------------------------------------------------------------------
with disable_tab:
    choices = view.account_options(accounts, exclude=officer.username)
    st.caption(label("users.disable_own"))
    if not choices:
        st.info(label("users.no_other_accounts"))
    else:
        with st.form("users-disable", clear_on_submit=True):
            target = st.selectbox(label("users.account"), options=list(choices), format_func=choices.get, index=None)
            confirmed = st.checkbox(label("users.confirm_disable"))
            disable = st.form_submit_button(label("users.submit_disable"), icon=":material/person_off:")
        if disable:
            if target is None:
                st.error(label("users.choose_account"), icon=":material/block:")
            elif target == officer.username:
                st.error(label("users.cannot_disable_self"), icon=":material/block:")
            elif not confirmed:
                st.error(label("users.not_confirmed"), icon=":material/block:")
            else:
                ok, changed = attempt(users.disable_account, target)
                if ok:
                    done("disable" if changed else "already_disabled", username=target)

# --- Link a single sign-on identity ------------------------------------------------------------------
with link_tab:
    choices = view.account_options(accounts)
    with st.form("users-link", clear_on_submit=True):
        target = st.selectbox(label("users.account"), options=list(choices), format_func=choices.get, index=None)
        email = st.text_input(label("users.email"), max_chars=254, help=label("users.email_help"))
        link = st.form_submit_button(label("users.submit_link"), icon=":material/link:")
    if link:
        if target is None:
            st.error(label("users.choose_account"), icon=":material/block:")
        elif attempt(users.link_account_identity, target, email)[0]:
            done("link", email=email.strip(), username=target)
