"""Teeka: the frame of the dashboard (page config, first-start demo data, sidebar, navigation)."""

import streamlit as st

from data import cached
from pages._shared import label
from stats.formatting import long_date
from stats.labels import both

st.set_page_config(page_title="Teeka · टीका", page_icon=":material/vaccines:", layout="wide")

if "demo_checked" not in st.session_state:
    bar = st.progress(0.0, text=both("common.preparing"))
    loaded = cached.ensure_demo_data(
        progress=lambda fraction, text: bar.progress(min(max(fraction, 0.0), 1.0), text=text)
    )
    bar.empty()
    st.session_state["demo_checked"] = True

if "lang" not in st.session_state:
    locale = (st.context.locale or "en").lower()
    st.session_state["lang"] = "hi" if locale.startswith("hi") else "en"

with st.sidebar:
    st.radio(
        both("common.language"),
        options=["hi", "en"],
        format_func=lambda code: "हिन्दी" if code == "hi" else "English",
        key="lang",
        horizontal=True,
    )
    lang = st.session_state["lang"]
    first, last = cached.load("date_range")
    if last is not None:
        if st.session_state.get("as_of") is None or not first <= st.session_state["as_of"] <= last:
            st.session_state["as_of"] = last
        st.date_input(
            label("common.as_of"),
            min_value=first,
            max_value=last,
            key="as_of",
            help=label("common.as_of_help"),
            format="DD/MM/YYYY",
        )
        st.caption(label("common.freshness", date=long_date(last, lang)))
    else:
        st.session_state["as_of"] = None
    latest = cached.load("last_import")
    if latest:
        st.caption(
            label(
                "common.last_import",
                when=f"{latest['imported_at']:%Y-%m-%d %H:%M}",
                who=latest["imported_by"],
                file=latest["file_name"],
            )
        )
    else:
        st.caption(label("common.no_import"))
    if cached.is_demo():
        st.info(label("common.demo_notice"))

# url_path = the file's name, so a deep link on a fresh server (served by Streamlit's legacy pages/ mode
# until app.py first runs) finds its page and is routed through app.py by require_frame.
PAGES = {
    "common.nav_section_dashboard": (
        ("overview", ":material/dashboard:"),
        ("district_pace", ":material/speed:"),
        ("data_quality", ":material/fact_check:"),
        ("bulletin", ":material/article:"),
    ),
    "common.nav_section_public": (
        ("certificate", ":material/badge:"),
        ("verify", ":material/verified:"),
    ),
}
pages = {
    label(section): [
        st.Page(
            f"pages/{name}.py", title=label(f"common.nav_{name}"), icon=icon, url_path=name, default=name == "overview"
        )
        for name, icon in entries
    ]
    for section, entries in PAGES.items()
}
st.set_option("client.showSidebarNavigation", True)  # off in config.toml only to hide the legacy listing
navigation = st.navigation(pages)
intended = st.session_state.pop("intended_page", None)  # a deep link that arrived before the frame ran
if intended:
    st.switch_page(intended)
navigation.run()
