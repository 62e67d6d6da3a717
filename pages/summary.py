"""Public summary: the state's and each district's figures to the sidebar's date, each with its source (no
centres, no imports). The public sees the default order of the sources (stats.sources.ORDER). What it shows is
built once per data version, language and day and shared by every session (pages/_public.py)."""

import streamlit as st

from pages import _public as public
from pages._frame import require_frame
from pages._shared import as_of, downloads, label
from stats.formatting import long_date

ctx = require_frame("summary")

language = ctx.lang
day = as_of()
st.title(label("summary.title"))
if day is None:
    st.info(label("common.no_data"))
    st.stop()
st.caption(label("summary.intro", date=long_date(day, language)))

page = public.summary(ctx, day)
shown = page.view
for row in (shown.cards[:2], shown.cards[2:]):
    if not row:
        continue
    for column, figure in zip(st.columns(len(row)), row, strict=True):  # the day and the total, then each dose
        with column.container(border=True, height="stretch"):
            st.metric(figure.label, figure.value)
            st.caption(figure.when)
if not shown.has_state:
    st.info(label("sources.none_for_day", date=long_date(day, language), pinned=""))
for note in shown.notes:
    st.caption(note)

st.subheader(label("summary.trend"))
if shown.has_figures:
    public.chart_with_table(ctx, page, "summary-daily-doses")
    for line in shown.record_lines:
        st.caption(line)
else:
    st.info(label("common.no_data_for_day", date=long_date(day, language)))

st.subheader(label("summary.districts"))
if shown.districts is None:
    st.info(label("sources.lacks_districts", date=long_date(day, language)))
else:
    st.caption(label("summary.districts_help"))
    table = shown.districts
    numbers = {column: st.column_config.TextColumn(column, alignment="right") for column in table.columns[1:-1]}
    st.dataframe(
        table, width="stretch", height="content", hide_index=True, column_config=numbers, key="summary-districts"
    )
    downloads(ctx, shown.districts_raw, "districts.csv", "summary-districts-download", csv=shown.districts_csv)
st.caption(label("summary.staff"))
