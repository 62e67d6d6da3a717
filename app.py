"""Teeka: the frame of the dashboard (page config, first-start demo data, navigation)."""

import streamlit as st

from data import cached

st.set_page_config(page_title="Teeka · टीका", page_icon="💉", layout="wide")

if "demo_checked" not in st.session_state:
    bar = st.progress(0.0, text="Preparing the database… · डेटाबेस तैयार हो रहा है…")
    cached.ensure_demo_data(progress=lambda fraction, message: bar.progress(min(max(fraction, 0.0), 1.0), text=message))
    bar.empty()
    st.session_state["demo_checked"] = True

navigation = st.navigation([st.Page("pages/home.py", title="Home · मुखपृष्ठ", icon="🏠", default=True)])
navigation.run()
