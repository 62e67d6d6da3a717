"""What the frame (app.py) hands every page: this rerun's Context, the page's role check, where a viewer goes
before a page runs, and the way round Streamlit's legacy pages/ mode — the one place that knows about it.

Addresses: every page is registered with st.navigation for every role (those of other roles hidden), so any
address resolves; the root address is a hidden page of its own (HOME_PAGE). `follow_request` then sends the
viewer on: the root to their home page's own address, a staff page asked for by the public to the sign-in
(/sign_in?next=<page>, which signing in opens), a page the role may not open to the role's home with a note.

Legacy mode: with a pages/ folder beside app.py, a fresh server whose app.py has not yet called st.navigation
serves a deep link such as /bulletin by running pages/bulletin.py alone, without the frame (Streamlit 1.67;
st.navigation turns the mode off for the rest of the process). A page that finds no Context asks for itself
(`ask_for`) and goes through app.py, which then switches to it (`follow_request`). Signing in and out use the
same request to say where to go next.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from data.access import PAGES, Context, Viewer
from data.read.query import current_version
from pages._shared import AS_OF_KEY, LANG_KEY, SOURCE_KEY

CONTEXT_KEY = "frame_context"
"""Session-state key of the Context the frame built for this rerun."""
REQUESTED_PAGE_KEY = "requested_page"
"""Session-state key of the page (its file under pages/) the frame should switch to on its next run."""
AFTER_SIGN_IN_KEY = "after_sign_in"
"""Session-state key of the staff page a deep link asked for before signing in: where signing in goes."""
REFUSED_PAGE_KEY = "refused_page"
"""Session-state key of a page the viewer's role may not open, asked for on the last run (said once at home)."""
SIGN_IN_PAGE = "sign_in"
HOME_PAGE = "home"
"""The url_path of the default page, the root address, which sends every viewer to their home page."""
NEXT_PARAM = "next"
"""The sign-in page's query parameter naming the staff page to open after signing in (/sign_in?next=overview)."""
PAGES_OF_PUBLIC = frozenset(page for page, roles in PAGES.items() if roles == ("public",))
"""The public-only pages (sign-in, the public summary): a signed-in viewer goes home from them without a note."""
TITLE_KEYS = {
    name: f"workspace.nav_{name}" for name in ("summary", "upload", "stock", "users", "audit_trail", "sign_in")
} | {"about": "about.nav"}
"""Catalogue keys of the page titles that are not common.nav_<page>."""


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


def title_key(page: str) -> str:
    """The catalogue key of a page's title (its name in the navigation)."""
    return TITLE_KEYS.get(page, f"common.nav_{page}")


def home_page() -> None:
    """The root address ("/"): never shown, the frame sends every viewer on to their home page's own address."""


SIDEBAR_KEYS = (LANG_KEY, AS_OF_KEY, SOURCE_KEY)
"""The keys of the sidebar's widgets (language, day, source)."""


def keep_sidebar_choices() -> None:
    """The frame, before its sidebar widgets: write their values back through session state, which makes them the
    app's own. A switch made on the server (follow_request) carries no widget states, and on a page change
    Streamlit drops the value of every widget the switch did not carry: the language would fall back to English."""
    for key in SIDEBAR_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def follow_request(viewer: Viewer, current: str, home: str) -> None:
    """The frame, once its navigation (every page, those of other roles hidden) has picked `current` (HOME_PAGE
    at the root address): switch to where this viewer should be, or return to run `current`.

    - a page asked for (ask_for: a deep link served by legacy mode, a sign-in, a sign-out): that page;
    - the root address: the viewer's home, at its own address (the query kept: a shared link's district and day);
    - a staff page asked for by the public (a bookmark, a reload after the session ended): the sign-in page,
      naming the page in its address (?next=), which signing in then opens;
    - a page this role may not open: the role's home, with a note unless it is a public-only page (sign-in,
      the public summary) that the role's own pages replace.
    """
    requested = st.session_state.pop(REQUESTED_PAGE_KEY, None)
    if requested:
        st.switch_page(requested)
    if current == HOME_PAGE:
        st.switch_page(f"pages/{home}.py", query_params=st.query_params.to_dict())
    if viewer.may_open(current):
        if current == SIGN_IN_PAGE:
            _remember_next(viewer)
        return
    if not viewer.signed_in:
        st.session_state[AFTER_SIGN_IN_KEY] = current
        st.switch_page(f"pages/{SIGN_IN_PAGE}.py", query_params={NEXT_PARAM: current})
    if current not in PAGES_OF_PUBLIC:
        st.session_state[REFUSED_PAGE_KEY] = current
    st.switch_page(f"pages/{home}.py")


def _remember_next(viewer: Viewer) -> None:
    """On the sign-in page: the staff page its address names (?next=, kept over a reload), if it is one."""
    wanted = st.query_params.get(NEXT_PARAM)
    if wanted in PAGES and not viewer.may_open(wanted):
        st.session_state[AFTER_SIGN_IN_KEY] = wanted


def asked_for() -> str | None:
    """The staff page signing in will open (the sign-in page names it)."""
    return st.session_state.get(AFTER_SIGN_IN_KEY)


def after_sign_in(viewer: Viewer) -> None:
    """Ask for the page a deep link wanted before signing in; without one the frame sends the viewer home (and
    one the role may not open is refused there, with a note)."""
    wanted = st.session_state.pop(AFTER_SIGN_IN_KEY, None)
    if wanted:
        ask_for(wanted)


def show_refusal() -> None:
    """Say once why the viewer is on their home page instead of the page they asked for."""
    refused = st.session_state.pop(REFUSED_PAGE_KEY, None)
    if refused:
        from pages._shared import label

        text = label("workspace.not_for_role", page=label(title_key(refused)))
        st.info(text, icon=":material/lock:")


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
