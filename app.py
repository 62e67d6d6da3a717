"""Teeka: the frame of the dashboard (page config, first-start demo data, who is signed in, the Context every
page runs with, the sidebar, and the navigation of the viewer's role)."""

import streamlit as st

from data import demo
from data.access import PAGES as PAGE_ROLES
from data.access import Context
from data.read import figures, reference, workspace
from data.read.query import current_version
from data.schema import SchemaError, require_current_schema
from data.settings import missing_settings
from pages import _auth, _faults, _frame, _public
from pages._shared import AS_OF_KEY, LANG_KEY, SOURCE_KEY, label
from stats.formatting import india_time, long_date
from stats.labels import both
from stats.names import district_options
from stats.sources import BEST, PINNABLE

st.set_page_config(page_title=label("common.page_title"), page_icon="💉", layout="wide")

missing = missing_settings()  # a database other than the demo one needs its keys and public address
if missing:
    _faults.show_configuration(missing)
    st.stop()

with _faults.friendly_faults():  # a fault anywhere below: a message and a reference, the traceback in the log
    try:
        require_current_schema()  # the demo database upgrades itself; any other must be at the code's revision
    except SchemaError as error:
        _faults.show_schema(error)
        st.stop()
    if "demo_checked" not in st.session_state:
        bar = st.progress(0.0, text=both("common.preparing"))
        demo.prepare(progress=lambda fraction, text: bar.progress(min(max(fraction, 0.0), 1.0), text=text))
        bar.empty()
        st.session_state["demo_checked"] = True

    if LANG_KEY not in st.session_state:
        locale = (st.context.locale or "en").lower()
        st.session_state[LANG_KEY] = "hi" if locale.startswith("hi") else "en"

    _frame.keep_sidebar_choices()
    viewer = _auth.current_viewer()  # checked against the database on every rerun
    ctx = Context(viewer, current_version(), st.session_state[LANG_KEY])  # the data version: read once per rerun
    _frame.keep_context(ctx)

    with st.sidebar:
        st.radio(
            both("common.language"),
            options=["hi", "en"],
            format_func=lambda code: label(f"common.language_{code}"),
            key=LANG_KEY,
            horizontal=True,
        )
        first, last = figures.figure_span(ctx)  # the state's reports and the published series
        if last is not None:
            _public.follow_linked_date(first, last)  # a shared link's ?date= (the public summary's district view)
            if st.session_state.get(AS_OF_KEY) is None or not first <= st.session_state[AS_OF_KEY] <= last:
                st.session_state[AS_OF_KEY] = last
            st.date_input(
                label("common.as_of"),
                min_value=first,
                max_value=last,
                key=AS_OF_KEY,
                help=label("common.as_of_help"),
                format="DD/MM/YYYY",
            )
            updated = workspace.last_update(ctx)  # for everyone: when, not who or which file
            if updated is None:
                st.caption(label("common.freshness", date=long_date(last, ctx.lang)))
            else:
                when = india_time(updated, ctx.lang)
                st.caption(label("common.freshness_updated", date=long_date(last, ctx.lang), when=when))
        else:
            st.session_state[AS_OF_KEY] = None
        if viewer.signed_in:
            pins = {pin: label(f"sources.pin_{pin}") for pin in PINNABLE}
            if st.session_state.get(SOURCE_KEY) not in pins:
                st.session_state[SOURCE_KEY] = BEST
            st.selectbox(
                label("sources.pin"),
                options=list(pins),
                format_func=pins.__getitem__,  # bound to this run's language, as every picker
                key=SOURCE_KEY,
                help=label("sources.pin_help"),
            )
        else:
            st.session_state[SOURCE_KEY] = BEST  # the public sees the default order
        if viewer.signed_in:
            latest = workspace.last_import(ctx)
            if latest:
                st.caption(
                    label(
                        "common.last_import",
                        when=india_time(latest["imported_at"], ctx.lang),
                        who=latest["imported_by"],
                        file=latest["file_name"],
                    )
                )
            else:
                st.caption(label("common.no_import"))
            if viewer.role == "officer":
                role = label("workspace.role_officer")
            else:
                district = district_options(reference.districts(ctx), ctx.lang).get(viewer.district_code, "")
                role = label("workspace.role_collector", district=district)
            st.caption(label("workspace.signed_in_as", name=viewer.display_name, role=role))
            if st.button(label("workspace.sign_out"), icon=":material/logout:", key="sign-out"):
                _auth.sign_out()
                st.rerun()
        if demo.is_demo():
            st.info(label("common.demo_notice"))

    # url_path = the file's name, so a deep link on a fresh server (served by Streamlit's legacy pages/ mode
    # until app.py first runs: pages/_frame.py) finds its page and is routed through app.py.
    SECTIONS = {
        "workspace.nav_section_public": (("summary", ":material/public:"), ("about", ":material/info:")),
        "common.nav_section_dashboard": (
            ("overview", ":material/dashboard:"),
            ("district_pace", ":material/speed:"),
            ("data_quality", ":material/fact_check:"),
            ("bulletin", ":material/article:"),
        ),
        "workspace.nav_section_workspace": (
            ("upload", ":material/upload_file:"),
            ("stock", ":material/inventory_2:"),
            ("users", ":material/group:"),
            ("audit_trail", ":material/history:"),
        ),
        "common.nav_section_public": (
            ("certificate", ":material/badge:"),
            ("verify", ":material/verified:"),
        ),
        "workspace.nav_section_staff": (("sign_in", ":material/login:"),),
    }
    home = "overview" if viewer.signed_in else "summary"
    # Every page is in every role's navigation, those of other roles hidden: a deep link to any page resolves, and
    # the frame (follow_request) then decides — sign-in first for the public, the role's home for a role that may
    # not open it. The root address is a hidden page of its own, so every page shows its own address.
    pages = {
        label(section): [
            st.Page(
                f"pages/{name}.py",
                title=label(_frame.title_key(name)),
                icon=icon,
                url_path=name,
                visibility="visible" if viewer.role in PAGE_ROLES[name] else "hidden",
            )
            for name, icon in entries
        ]
        for section, entries in SECTIONS.items()
    }
    root = st.Page(
        _frame.home_page, title=label("common.app_title"), url_path=_frame.HOME_PAGE, default=True, visibility="hidden"
    )
    first = next(iter(pages))
    pages[first] = [root, *pages[first]]
    st.set_option("client.showSidebarNavigation", True)  # off in config.toml only to hide the legacy listing
    navigation = st.navigation(pages)
    _frame.follow_request(viewer, _frame.HOME_PAGE if navigation is root else navigation.url_path, home)
    _auth.show_notice()
    _frame.show_refusal()
    navigation.run()
