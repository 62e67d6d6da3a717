"""What every page shares: the chosen language and date, labels, the client's address, and charts with their
data beside them (a table with audited CSV and XLSX downloads)."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from data.access import Context
from data.accounts import audit
from stats.export import safe_csv, safe_xlsx
from stats.labels import t
from stats.sources import BEST, PINNABLE

LANG_KEY = "lang"
"""Session-state key of the language chosen in the sidebar (the radio's key)."""
AS_OF_KEY = "as_of"
"""Session-state key of the day chosen in the sidebar (the date input's key)."""
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SOURCE_KEY = "source_pin"
"""Session-state key of the source staff pinned in the sidebar (stats.sources.PINNABLE; the public: best)."""


def lang() -> str:
    """The language chosen in the sidebar (en or hi)."""
    return st.session_state.get(LANG_KEY, "en")


def label(key: str, **values: object) -> str:
    """t() in the chosen language."""
    return t(key, lang(), **values)


def client_address() -> str:
    """The client's address as the server sees it (behind a proxy: the proxy's, unless it forwards it)."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "unknown"


def as_of() -> date | None:
    """The day the figures are for (the sidebar's date); None when there is no data."""
    return st.session_state.get(AS_OF_KEY)


def pinned_source(ctx: Context) -> str:
    """The source the figures are taken from: what staff pinned in the sidebar; the default order for the public."""
    pin = st.session_state.get(SOURCE_KEY, BEST) if ctx.viewer.signed_in else BEST
    return pin if pin in PINNABLE else BEST


def chart_with_table(
    ctx: Context,
    figure: go.Figure,
    frame: pd.DataFrame,
    name: str,
    columns: dict[str, str] | None = None,
    *,
    raw: pd.DataFrame | None = None,
) -> None:
    """The chart, and its data as a table with CSV and XLSX downloads (for screen readers and spreadsheets); raw:
    the table's figures unwritten (numbers, dates) for the downloads, when the table shows them written."""
    chart_tab, table_tab = st.tabs([label("common.chart"), label("common.table")])
    chart_tab.plotly_chart(figure, width="stretch", key=f"chart-{name}")
    shown = frame.rename(columns=columns or {})
    table_tab.dataframe(shown, width="stretch", hide_index=True, key=f"table-{name}")
    downloads(
        ctx, shown if raw is None else raw.rename(columns=columns or {}), f"{name}.csv", f"download-{name}", table_tab
    )


def downloads(
    ctx: Context,
    frame: pd.DataFrame,
    file_name: str,
    key: str,
    container: object = st,
    *,
    csv: bytes | None = None,
    labels: tuple[str, str] | None = None,
    detail: str = "",
    note: str = "",
) -> None:
    """A raw frame's CSV (for programs) and XLSX (for spreadsheets) download buttons side by side; a signed-in
    user's click on either is recorded in the audit trail with its file name; the public's clicks do not rerun.
    file_name ends in .csv; the XLSX is made only when clicked. csv: the frame's CSV when already made; note: a
    sentence added to both buttons' help."""
    csv_label, xlsx_label = labels or (label("common.download_csv"), label("common.download_xlsx"))
    xlsx_name = file_name.removesuffix(".csv") + ".xlsx"
    rows = len(frame)
    row = container.container(horizontal=True, gap="small")
    row.download_button(
        csv_label,
        data=safe_csv(frame) if csv is None else csv,
        file_name=file_name,
        mime="text/csv",
        help=" ".join(filter(None, (label("common.download_csv_help"), note))),
        key=key,
        on_click=partial(record_download, ctx, file_name, rows, detail) if ctx.viewer.signed_in else "ignore",
    )
    row.download_button(
        xlsx_label,
        data=partial(safe_xlsx, frame, xlsx_name.removesuffix(".xlsx")),
        file_name=xlsx_name,
        mime=XLSX_MIME,
        help=" ".join(filter(None, (label("common.download_xlsx_help"), note))),
        key=f"{key}-xlsx",
        on_click=partial(record_download, ctx, xlsx_name, rows, detail) if ctx.viewer.signed_in else "ignore",
    )


def record_download(ctx: Context, file_name: str, rows: int, detail: str = "") -> None:
    """Download callback: a signed-in user's download goes into the audit trail (what, how many rows; not the
    data). The public's downloads are not recorded."""
    if ctx.viewer.signed_in:
        audit.record_download(ctx, file_name, rows, detail)
