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
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from data.access import Context
from data.master.boundaries import district_points, district_shapes
from data.read import figures, reference
from data.read.doses import daily_doses
from data.read.published import published_values
from pages._shared import AS_OF_KEY, downloads, label
from stats import STATE
from stats.districts import districts_on
from stats.export import safe_csv
from stats.figures import overview as charts
from stats.figures import summary as maps
from stats.formatting import long_date
from stats.views import summary as view
from stats.views.day_detail import Breakdown, day_detail
from stats.views.district_map import indicator_table, map_sources

DOTTED = frozenset(district_points())
"""The districts drawn as a dot (formed after the outlines were drawn)."""
LINKED_DATE = "summary-linked-date"
"""The query's date last applied to the sidebar (a link's date is applied once, then the sidebar rules)."""
LINKED_DATE_NOTE = "summary-linked-date-note"
"""A link's date that could not be shown, for the summary's note."""

WEEK = 7
"""Days of a published series read before the summary's day: a day's figure is its cumulative minus the one
before (a gap of a few days still has one)."""
VIEWS_KEPT = 256
"""How many (data version, language, day) views a server keeps: both languages for four months of days."""


@dataclass(frozen=True)
class SummaryPage:
    """The public summary of one day and language: its view, the chart and the chart table's CSV."""

    view: view.Summary
    chart: go.Figure | None
    daily_csv: bytes
    detail: tuple[Breakdown, ...] = ()
    """The day in detail (stats.views.day_detail) of the summary's area."""


def summary(ctx: Context, day: date, area: str = STATE) -> SummaryPage:
    """The public summary of the state or a district for the day in the Context's language and data version
    (built on first use)."""
    return _summary(ctx.version, ctx.lang, day, area, ctx)


@st.cache_resource(show_spinner=False, max_entries=VIEWS_KEPT)
def _summary(version: str, lang: str, day: date, area: str, _ctx: Context) -> SummaryPage:
    """One summary per (data version, language, day, area); the reads go through the gate as the viewer (every
    one of them is open to everyone)."""
    built = view.summary(
        figures.state_days(_ctx),
        figures.district_days(_ctx),
        reference.names(_ctx),
        reference.districts(_ctx),
        reference.district_targets(_ctx),
        day,
        lang,
        area,
    )
    chart = charts.sourced_daily_figure(built.daily, list(built.records), lang) if built.has_figures else None
    districts = None if area == STATE else [area]
    by = ("age_band", "dose_number", "vaccine")
    own_day = daily_doses(_ctx, start=day, end=day, by=by, districts=districts)
    values = published_values(_ctx, source="cowin", areas=[area], start=day - timedelta(days=WEEK), end=day)
    detail = day_detail(
        built.state,
        own_day,
        figures.sites_on(_ctx, day=day, districts=districts),
        values,
        day,
        area,
        reference.names(_ctx),
        lang,
    )
    return SummaryPage(built, chart, safe_csv(built.daily_raw) if built.has_figures else b"", tuple(detail))


def chart_with_table(ctx: Context, page: SummaryPage, name: str) -> None:
    """The summary's chart, and its data as a table with CSV and XLSX downloads (pages._shared.chart_with_table
    with what was built once)."""
    chart_tab, table_tab = st.tabs([label("common.chart"), label("common.table")])
    chart_tab.plotly_chart(page.chart, width="stretch", key=f"chart-{name}")
    table_tab.dataframe(page.view.daily_table, width="stretch", hide_index=True, key=f"table-{name}")
    downloads(ctx, page.view.daily_raw, f"{name}.csv", f"download-{name}", table_tab, csv=page.daily_csv)


@dataclass(frozen=True)
class DistrictMap:
    """The district map of a day and indicator: the figure, the table beside it and the sources under it."""

    figure: go.Figure
    table: pd.DataFrame
    sources: str


def district_map(ctx: Context, page: SummaryPage, day: date, indicator: str) -> DistrictMap:
    """The district map of the summary's day coloured by the indicator, the summary's district drawn with a dark
    edge, and its table (built once per data version, language, day, area and indicator)."""
    return _district_map(ctx.version, ctx.lang, day, page.view.area, indicator, page)


@st.cache_resource(show_spinner=False, max_entries=VIEWS_KEPT)
def _district_map(version: str, lang: str, day: date, area: str, indicator: str, _page: SummaryPage) -> DistrictMap:
    chosen = None if area == STATE else area
    indicators = _page.view.indicators
    figure = maps.district_map(indicators, indicator, district_shapes(), district_points(), lang, chosen)
    return DistrictMap(figure, indicator_table(indicators, indicator, lang), map_sources(indicators, lang))


def districts_of_day(ctx: Context, day: date) -> dict[str, str]:
    """Code -> name of the districts that existed on the day, in name order of the language."""
    return _districts_of_day(ctx.version, ctx.lang, day, ctx)


@st.cache_resource(show_spinner=False, max_entries=VIEWS_KEPT)
def _districts_of_day(version: str, lang: str, day: date, _ctx: Context) -> dict[str, str]:
    of_day = districts_on(reference.districts(_ctx), day, lang)
    return dict(zip(of_day["code"], of_day["name_hi" if lang == "hi" else "name_en"], strict=True))


def every_district(ctx: Context) -> dict[str, str]:
    """Code -> name of every district of the master list (also those formed later than a day)."""
    every = reference.districts(ctx)
    return dict(zip(every["code"], every["name_hi" if ctx.lang == "hi" else "name_en"], strict=True))


def follow_linked_date(first: date, last: date) -> None:
    """Before the sidebar's date picker: a link's ?date=YYYY-MM-DD becomes the sidebar's date once (when it is a
    day with figures; else a note for the summary says why the link's date is not shown)."""
    raw = st.query_params.get("date")
    if raw is None or raw == st.session_state.get(LINKED_DATE):
        return
    st.session_state[LINKED_DATE] = raw
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        day = None
    if day is not None and first <= day <= last:
        st.session_state[AS_OF_KEY] = day
        st.session_state.pop(LINKED_DATE_NOTE, None)
    else:
        st.session_state[LINKED_DATE_NOTE] = (raw, first, last)


def linked_date_note(lang: str, shown: date) -> str | None:
    """The note for a link's date that could not be shown (once), or None."""
    note = st.session_state.pop(LINKED_DATE_NOTE, None)
    if note is None:
        return None
    raw, first, last = note
    return label(
        "summary.bad_date",
        value=raw,
        first=long_date(first, lang),
        last=long_date(last, lang),
        date=long_date(shown, lang),
    )


def keep_in_link(area: str, day: date) -> None:
    """The page's address keeps the district (none for the state) and the date, so it can be shared."""
    if area == STATE:
        st.query_params.pop("district", None)
    elif st.query_params.get("district") != area:
        st.query_params["district"] = area
    if st.query_params.get("date") != day.isoformat():
        st.query_params["date"] = day.isoformat()
    st.session_state[LINKED_DATE] = day.isoformat()
