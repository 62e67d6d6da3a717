"""Public summary: the state's and each district's figures to the sidebar's date, each with its source (no
centres, no imports). The public sees the default order of the sources (stats.sources.ORDER)."""

import streamlit as st

from data.read import figures, reference
from pages._frame import require_frame
from pages._shared import as_of, chart_with_table, label
from stats import sources, trend
from stats.districts import districts_on, targets_on
from stats.figures import overview as charts
from stats.formatting import long_date
from stats.views import sources as sourced
from stats.views import summary as view

ctx = require_frame("summary")

language = ctx.lang
day = as_of()
st.title(label("summary.title"))
if day is None:
    st.info(label("common.no_data"))
    st.stop()
st.caption(label("summary.intro", date=long_date(day, language)))

names = reference.names(ctx)
days = figures.state_days(ctx)
standing = sources.standing(days, day)
state = standing.iloc[0] if len(standing) else None
cards = view.headline(state, day, names, language)
for row in (cards[:2], cards[2:]):
    if not row:
        continue
    for column, figure in zip(st.columns(len(row)), row, strict=True):  # the day and the total, then each dose
        with column.container(border=True, height="stretch"):
            st.metric(figure.label, figure.value)
            st.caption(figure.when)
if state is None:
    st.info(label("sources.none_for_day", date=long_date(day, language), pinned=""))
for note in sourced.day_notes(state, sources.on_day(days, day), language):
    st.caption(note)

st.subheader(label("summary.trend"))
first, _ = sources.span(days)
start, end = trend.default_range(day, first)
daily = sourced.daily_series(sources.best(days), start, end, language)
if sourced.has_figures(daily):
    records = sourced.named_records(sources.records(days, end=day), language)
    chart_with_table(
        ctx,
        charts.sourced_daily_figure(daily, records, language),
        sourced.daily_table(daily, language),
        "summary-daily-doses",
    )
    for line in sourced.record_lines(records, day, start, language):
        st.caption(line)
else:
    st.info(label("common.no_data_for_day", date=long_date(day, language)))

st.subheader(label("summary.districts"))
districts_now = sources.standing(figures.district_days(ctx), day)
if districts_now.empty:
    st.info(label("sources.lacks_districts", date=long_date(day, language)))
else:
    st.caption(label("summary.districts_help"))
    every = reference.districts(ctx)
    districts = districts_on(every, day, language)  # the districts of the day (28 in 2021, 33 from 2022)
    targets = targets_on(reference.district_targets(ctx), every, day)
    table = view.district_table(districts_now, districts, targets, names, language)
    numbers = {column: st.column_config.TextColumn(column, alignment="right") for column in table.columns[1:-1]}
    st.dataframe(
        table, width="stretch", height="content", hide_index=True, column_config=numbers, key="summary-districts"
    )
    st.download_button(
        label("common.download_csv"),
        data=view.district_csv(districts_now, districts, targets, names, language),
        file_name="districts.csv",
        mime="text/csv",
        key="summary-districts-download",
        on_click="ignore",
    )
st.caption(label("summary.staff"))
