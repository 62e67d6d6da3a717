"""Staff sign-in: username and password (throttled, one message for every failure), or single sign-on.

The form clears on submit, so the password never stays in session state; data.accounts.users.authenticate does
the checking, the throttling and the audit row.
"""

import streamlit as st

from data import demo
from data.accounts import users
from pages import _auth
from pages._frame import asked_for, require_frame, title_key
from pages._shared import label

require_frame("sign_in")

st.title(label("workspace.title"))
st.caption(label("workspace.intro"))
wanted = asked_for()
if wanted:
    st.info(label("workspace.asked_for", page=label(title_key(wanted))), icon=":material/login:")

with st.form("sign-in", clear_on_submit=True, enter_to_submit=True):
    username = st.text_input(label("workspace.username"), max_chars=32, autocomplete="username", key="sign_in_user")
    password = st.text_input(
        label("workspace.password"),
        type="password",
        max_chars=users.MAX_PASSWORD,
        autocomplete="current-password",
        key="sign_in_password",
    )
    submitted = st.form_submit_button(label("workspace.submit"), type="primary", icon=":material/login:")

if submitted:
    signed_in = _auth.sign_in(username, password)
    del password
    if not signed_in:
        st.error(label("workspace.failed"), icon=":material/block:")
    else:
        st.rerun()

st.caption(label("workspace.reload_signs_out"))

if _auth.sso_configured():
    st.divider()
    st.button(label("workspace.sso"), icon=":material/key:", on_click=st.login)

demo_accounts = demo.accounts()
if demo_accounts:
    with st.expander(label("workspace.demo_accounts"), icon=":material/science:"):
        for account in demo_accounts:
            st.markdown(f"- `{account.username}` / `{account.password}` — {account.display_name}")
