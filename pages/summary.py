"""Public summary: the state's or one district's figures to the sidebar's date, each with its source (no centres,
no imports), and every district on a map with the table beside it. A link keeps the district and the date
(?district=RPR&date=2021-06-22). The public sees the default order of the sources (stats.sources.ORDER). What it
shows is built once per data version, language, day and area and shared by every session (pages/_public.py)."""

import streamlit as st

from pages import _public as public
from pages._frame import require_frame
from pages._shared import as_of, downloads, label
from stats import STATE
from stats.formatting import indian_number, long_date
from stats.labels import t
from stats.views.district_map import INDICATORS

AREA_KEY = "summary-area"
LINKED_AREA = "summary-linked-area"
"""The query's district last applied to the picker (a link's district is applied once, then the picker rules)."""

ctx = require_frame("summary")

language = ctx.lang
day = as_of()
if day is None:
    st.title(label("summary.title"))
    st.info(label("common.no_data"))
    st.stop()

districts = public.districts_of_day(ctx, day)
notes = [public.linked_date_note(language, day)]
requested = st.query_params.get("district")
if requested is not None and requested != st.session_state.get(LINKED_AREA):
    st.session_state[LINKED_AREA] = requested
    code = requested.strip().upper()
    if code in districts:
        st.session_state[AREA_KEY] = code
    else:
        st.session_state[AREA_KEY] = STATE
        known = public.every_district(ctx)
        if code in known:
            notes.append(label("summary.district_not_formed", district=known[code], date=long_date(day, language)))
        else:
            notes.append(label("summary.bad_district", value=requested))
if st.session_state.get(AREA_KEY) not in (STATE, *districts):
    st.session_state[AREA_KEY] = STATE  # a district picked on another day that did not exist on this one
options = {STATE: label("summary.area_state"), **districts}
picker, _ = st.columns([2, 3])
area = picker.selectbox(label("summary.area"), list(options), format_func=options.__getitem__, key=AREA_KEY)
public.keep_in_link(area, day)
st.session_state[LINKED_AREA] = None if area == STATE else area

if area == STATE:
    st.title(label("summary.title"))
    st.caption(label("summary.intro", date=long_date(day, language)))
else:
    st.title(label("summary.district_title", district=options[area]))
    st.caption(label("summary.district_intro", district=options[area], date=long_date(day, language)))
for note in notes:
    if note:
        st.info(note)

page = public.summary(ctx, day, area)
shown = page.view
for row in (shown.cards[:2], shown.cards[2:]):
    if not row:
        continue
    for column, figure in zip(st.columns(len(row)), row, strict=True):  # the day and the total, then each dose
        with column.container(border=True, height="stretch"):
            delta = figure.delta
            st.metric(
                figure.label,
                figure.value,
                delta=delta.text if delta else None,
                delta_arrow=delta.arrow if delta else "auto",
                delta_color=delta.color if delta else "normal",
                help=label("summary.delta_help") if delta else None,
            )
            st.caption(figure.when)
            if figure.note:
                st.caption(figure.note)
if not shown.has_state:
    st.info(label("sources.none_for_day", date=long_date(day, language), pinned=""))
for note in shown.notes:
    st.caption(note)

st.subheader(label("summary.detail_title"))
if not page.detail:
    st.info(label("summary.detail_none"))
for start in range(0, len(page.detail), 2):  # two to a row: a table with its notes fits half a laptop's width
    for column, part in zip(st.columns(2), page.detail[start : start + 2], strict=False):
        with column:
            st.markdown(f"**{part.title}**")
            st.dataframe(part.table, width="stretch", hide_index=True, key=f"summary-detail-{part.key}")
            st.caption(label("summary.detail_source", source=part.source))
            for note in part.notes:
                st.caption(note)
if not any(part.key.startswith("gender") for part in page.detail):
    st.caption(label("summary.detail_no_gender"))

if area == STATE:
    st.subheader(label("summary.trend"))
else:
    st.subheader(label("summary.district_trend", district=options[area]))
if shown.has_figures:
    public.chart_with_table(ctx, page, "summary-daily-doses")
    for line in shown.record_lines:
        st.caption(line)
else:
    st.info(label("common.no_data_for_day", date=long_date(day, language)))

st.subheader(label("summary.map_title"))
if shown.indicators is None:
    st.info(label("sources.lacks_districts", date=long_date(day, language)))
else:
    indicator = st.selectbox(
        label("summary.map_indicator"),
        INDICATORS,
        format_func=lambda key: t(f"summary.map_{key}", language),
        key="summary-indicator",
        help=label("summary.map_help"),
    )
    drawn = public.district_map(ctx, page, day, indicator)
    map_column, table_column = st.columns(2)
    map_column.plotly_chart(
        drawn.figure, width="stretch", key="summary-map", config={"displayModeBar": False, "scrollZoom": False}
    )
    table_column.dataframe(drawn.table, width="stretch", hide_index=True, height=560, key="summary-map-table")
    table_column.caption(label("summary.detail_source", source=drawn.sources))
    dots = [options[c] for c in shown.indicators["district_code"] if c in districts and c in public.DOTTED]
    st.caption(label("summary.map_points", districts=", ".join(dots) if dots else "—"))

st.subheader(label("summary.districts"))
if shown.districts is None:
    st.info(label("sources.lacks_districts", date=long_date(day, language)))
else:
    st.caption(label("summary.districts_help"))
    st.caption(label("summary.coverage_help", population=indian_number(shown.population, language)))
    table = shown.districts
    numbers = {column: st.column_config.TextColumn(column, alignment="right") for column in table.columns[1:-1]}
    numbers[table.columns[0]] = st.column_config.TextColumn(table.columns[0], pinned=True)  # a phone scrolls the rest
    st.dataframe(
        table, width="stretch", height="content", hide_index=True, column_config=numbers, key="summary-districts"
    )
    downloads(ctx, shown.districts_raw, "districts.csv", "summary-districts-download", csv=shown.districts_csv)
st.caption(label("summary.staff"))
