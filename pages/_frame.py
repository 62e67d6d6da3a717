"""What the frame (app.py) hands every page: this rerun's Context, the page's role check, and the way round
Streamlit's legacy pages/ mode — the one place that knows about it.

Legacy mode: with a pages/ folder beside app.py, a fresh server whose app.py has not yet called st.navigation
serves a deep link such as /bulletin by running pages/bulletin.py alone, without the frame (Streamlit 1.67;
st.navigation turns the mode off for the rest of the process). A page that finds no Context asks for itself
(`ask_for`) and goes through app.py, which then switches to it (`follow_request`). Signing in and out use the
same request to say where to go next.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from data.access import Context, Viewer
from data.read.query import current_version

CONTEXT_KEY = "frame_context"
"""Session-state key of the Context the frame built for this rerun."""
REQUESTED_PAGE_KEY = "requested_page"
"""Session-state key of the page (its file under pages/) the frame should switch to on its next run."""
AFTER_SIGN_IN_KEY = "after_sign_in"
"""Session-state key of the staff page a deep link asked for before signing in: where signing in goes."""
SIGN_IN_PAGE = "sign_in"


def keep_context(ctx: Context) -> None:
    """The frame: this rerun's Context, for the page it runs."""
    st.session_state[CONTEXT_KEY] = ctx


def refreshed(ctx: Context) -> Context:
    """The Context with the data version read again: for a page that changed the data (a stock entry) and
    shows it in the same run."""
    ctx = replace(ctx, version=current_version())
    keep_context(ctx)
    return ctx


def ask_for(page: str) -> None:
    """Have the frame switch to pages/<page>.py on its next run."""
    st.session_state[REQUESTED_PAGE_KEY] = f"pages/{page}.py"


def follow_request(viewer: Viewer) -> None:
    """The frame, once its navigation is built: switch to the page asked for, if any — or, for a staff page
    asked for by somebody not signed in, to the sign-in page first (which then goes there)."""
    requested = st.session_state.pop(REQUESTED_PAGE_KEY, None)
    if not requested:
        return
    name = Path(requested).stem
    if viewer.may_open(name):
        st.switch_page(requested)
    elif not viewer.signed_in:
        st.session_state[AFTER_SIGN_IN_KEY] = name
        st.switch_page(f"pages/{SIGN_IN_PAGE}.py")


def after_sign_in(viewer: Viewer) -> None:
    """Ask for the page a deep link wanted before signing in (if this role may open it), else the overview."""
    wanted = st.session_state.pop(AFTER_SIGN_IN_KEY, None)
    ask_for(wanted if wanted and viewer.may_open(wanted) else "overview")


def require_frame(page: str) -> Context:
    """This rerun's Context, once the frame has run and the viewer's role may open the page; call it first on
    a page. Without a Context (legacy mode) the page asks for itself and goes through app.py; a role that may
    not open the page gets a notice and nothing else (the navigation only hides it; this refuses it)."""
    ctx = st.session_state.get(CONTEXT_KEY)
    if not isinstance(ctx, Context):
        ask_for(page)
        st.switch_page("app.py")
    if not ctx.viewer.may_open(page):
        from pages._shared import label

        st.warning(label("workspace.not_allowed"), icon=":material/lock:")
        st.stop()
    return ctx
