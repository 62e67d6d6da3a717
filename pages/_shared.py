"""What every page shares: the chosen language and date, and charts with their data beside them."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from data.accounts import audit
from data.read import cached
from stats.export import safe_csv
from stats.labels import t


def require_frame(page: str) -> None:
    """Make sure app.py (the frame: sign-in, sidebar, language, date) ran before this page, and that the
    signed-in role may open it; call it first on a page.

    While a fresh server has not yet run app.py, Streamlit's legacy pages/ mode serves a deep link such as
    /bulletin by running pages/bulletin.py alone. Such a request is sent through app.py, which then
    switches to the page that was asked for. The role is checked here on every run (the navigation only
    hides what a role may not open; this refuses it).
    """
    if "lang" not in st.session_state:
        st.session_state["intended_page"] = f"pages/{page}.py"
        st.switch_page("app.py")
    if not cached.viewer().may_open(page):
        st.warning(label("workspace.not_allowed"), icon=":material/lock:")
        st.stop()


def lang() -> str:
    """The language chosen in the sidebar (en or hi)."""
    return st.session_state.get("lang", "en")


def label(key: str, **values: object) -> str:
    """t() in the chosen language."""
    return t(key, lang(), **values)


def client_address() -> str:
    """The client's address as the server sees it (behind a proxy: the proxy's, unless it forwards it)."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "unknown"


def as_of() -> date | None:
    """The day the figures are for (the sidebar's date); None when there is no data."""
    return st.session_state.get("as_of")


def chart_with_table(figure: go.Figure, frame: pd.DataFrame, name: str, columns: dict[str, str] | None = None) -> None:
    """The chart, and its data as a table with a CSV download (for screen readers and spreadsheets)."""
    chart_tab, table_tab = st.tabs([label("common.chart"), label("common.table")])
    chart_tab.plotly_chart(figure, width="stretch", key=f"chart-{name}")
    shown = frame.rename(columns=columns or {})
    table_tab.dataframe(shown, width="stretch", hide_index=True, key=f"table-{name}")
    table_tab.download_button(
        label("common.download_csv"),
        data=safe_csv(shown),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"download-{name}",
        on_click=partial(record_export, f"{name}.csv", len(shown)),
    )


def record_export(file_name: str, rows: int) -> None:
    """Download callback: a signed-in user's export goes into the audit trail (what, how many rows; not the data)."""
    viewer = cached.viewer()
    if viewer.signed_in:
        cached.in_session(audit.record_now, "export", actor=viewer.username, subject=file_name, counts={"rows": rows})
