"""Public summary: the state's and each district's totals to the sidebar's date (no centres, no imports)."""

import streamlit as st

from data.read import doses, reference
from pages._frame import require_frame
from pages._shared import as_of, chart_with_table, label
from stats import trend
from stats.doses import record_day
from stats.figures import overview as charts
from stats.formatting import long_date
from stats.views import summary as view

ctx = require_frame("summary")

language = ctx.lang
day = as_of()
st.title(label("summary.title"))
if day is None:
    st.info(label("common.no_data"))
    st.stop()
st.caption(label("summary.intro", date=long_date(day, language)))

first, _ = doses.date_range(ctx)
by_dose = doses.total_doses(ctx, end=day, by=("dose_number",))
history = doses.daily_doses(ctx, end=day)
daily = trend.daily_series(history, *trend.default_range(day, first))
on_day = daily.loc[daily["date"] == day, "doses"]
names = reference.names(ctx)
figures = view.headline(by_dose, int(on_day.sum()), day, names, language)
for row in (figures[:2], figures[2:]):  # the day and the total, then each dose: wide enough for crores
    for column, figure in zip(st.columns(len(row)), row, strict=True):
        with column.container(border=True, height="stretch"):
            st.metric(figure.label, figure.value)
            st.caption(figure.when)

st.subheader(label("summary.trend"))
if trend.has_doses(daily):
    record = record_day(history, before=day, inclusive=True)
    chart_with_table(
        ctx,
        charts.daily_doses_figure(daily, record, language),
        trend.daily_table(daily, language),
        "summary-daily-doses",
    )
else:
    st.info(label("common.no_data_for_day", date=long_date(day, language)))

st.subheader(label("summary.districts"))
st.caption(label("summary.districts_help"))
totals = doses.total_doses(ctx, end=day, by=("district_code", "age_band", "dose_number"))
districts, targets = reference.districts(ctx), reference.district_targets(ctx)
table = view.district_table(totals, districts, targets, names, language)
numbers = {column: st.column_config.TextColumn(column, alignment="right") for column in table.columns[1:]}
st.dataframe(table, width="stretch", height="content", hide_index=True, column_config=numbers, key="summary-districts")
st.download_button(
    label("common.download_csv"),
    data=view.district_csv(totals, districts, targets, names, language),
    file_name="districts.csv",
    mime="text/csv",
    key="summary-districts-download",
    on_click="ignore",
)
st.caption(label("summary.staff"))
