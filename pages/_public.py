"""Public views built once and shared: what the public summary shows, per data version, language and day, kept
as built objects (tables, CSV bytes, the Plotly figure) for every session of the server.

A warm view then only sends what was built (no pandas, no Plotly building, no number formatting). The key is the
data version the frame read for the rerun (data/read/query.py), so an import or an undo makes new views on every
app server; nothing in a view depends on who looks (the summary is the same for every role). st.cache_resource,
not st.cache_data: a hit hands out the object itself rather than unpickling a copy (a Plotly figure unpickled is
validated again, which costs what building it does). Nothing may change what it is given: Streamlit's elements
only read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go
import streamlit as st

from data.access import Context
from data.read import figures, reference
from pages._shared import downloads, label
from stats.export import safe_csv
from stats.figures import overview as charts
from stats.views import summary as view

VIEWS_KEPT = 256
"""How many (data version, language, day) views a server keeps: both languages for four months of days."""


@dataclass(frozen=True)
class SummaryPage:
    """The public summary of one day and language: its view, the chart and the chart table's CSV."""

    view: view.Summary
    chart: go.Figure | None
    daily_csv: bytes


def summary(ctx: Context, day: date) -> SummaryPage:
    """The public summary for the day in the Context's language and data version (built on first use)."""
    return _summary(ctx.version, ctx.lang, day, ctx)


@st.cache_resource(show_spinner=False, max_entries=VIEWS_KEPT)
def _summary(version: str, lang: str, day: date, _ctx: Context) -> SummaryPage:
    """One summary per (data version, language, day); the reads go through the gate as the viewer (every one of
    them is open to everyone)."""
    built = view.summary(
        figures.state_days(_ctx),
        figures.district_days(_ctx),
        reference.names(_ctx),
        reference.districts(_ctx),
        reference.district_targets(_ctx),
        day,
        lang,
    )
    chart = charts.sourced_daily_figure(built.daily, list(built.records), lang) if built.has_figures else None
    return SummaryPage(built, chart, safe_csv(built.daily_raw) if built.has_figures else b"")


def chart_with_table(ctx: Context, page: SummaryPage, name: str) -> None:
    """The summary's chart, and its data as a table with CSV and XLSX downloads (pages._shared.chart_with_table
    with what was built once)."""
    chart_tab, table_tab = st.tabs([label("common.chart"), label("common.table")])
    chart_tab.plotly_chart(page.chart, width="stretch", key=f"chart-{name}")
    table_tab.dataframe(page.view.daily_table, width="stretch", hide_index=True, key=f"table-{name}")
    downloads(ctx, page.view.daily_raw, f"{name}.csv", f"download-{name}", table_tab, csv=page.daily_csv)
