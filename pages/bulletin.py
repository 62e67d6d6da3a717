"""Bulletin: the daily press note for a day and an area, in Hindi or English, with the figures behind it."""

from functools import partial

import streamlit as st

from data.read import daily, figures, reference
from pages._frame import require_frame
from pages._shared import as_of, downloads, label, pinned_source, record_download
from stats import bulletin
from stats.districts import districts_on, owner_on
from stats.formatting import long_date
from stats.views.bulletin import area_name, band_dose_table, band_table_file_name, figures_table, note_file_name

ctx = require_frame("bulletin")


st.title(label("bulletin.title"))
st.caption(label("bulletin.intro"))

first, last = figures.figure_span(ctx)  # the state's reports and the published series
if last is None:
    st.info(label("common.no_data"))
    st.stop()

if st.session_state.get("bulletin_day") is None or not first <= st.session_state["bulletin_day"] <= last:
    st.session_state["bulletin_day"] = as_of() or last
if st.session_state.get("bulletin_lang") not in ("hi", "en"):
    st.session_state["bulletin_lang"] = ctx.lang

districts = reference.districts(ctx)
areas = {
    area.code: area for area in bulletin.areas(districts_on(districts, st.session_state["bulletin_day"]), ctx.lang)
}
if st.session_state.get("bulletin_area") not in (None, *areas):  # a district not yet formed on the day: its parent
    st.session_state["bulletin_area"] = owner_on(
        districts, st.session_state["bulletin_area"], st.session_state["bulletin_day"]
    )
area_names = {code: area_name(area, ctx.lang) for code, area in areas.items()}
note_langs = {code: label(f"bulletin.note_lang_{code}") for code in ("hi", "en")}

day_column, area_column, lang_column = st.columns([1, 1, 1])
day = day_column.date_input(
    label("bulletin.day"),
    min_value=first,
    max_value=last,
    key="bulletin_day",
    help=label("bulletin.day_help"),
    format="DD/MM/YYYY",
)
code = area_column.selectbox(
    label("bulletin.area"),
    options=list(areas),
    format_func=area_names.__getitem__,
    key="bulletin_area",
    help=label("bulletin.area_help"),
)
note_lang = lang_column.radio(
    label("bulletin.note_lang"),
    options=list(note_langs),
    format_func=note_langs.__getitem__,
    key="bulletin_lang",
    horizontal=True,
)


area = areas[code]
names = reference.names(ctx)
facts = daily.note_figures(ctx, day=day, area=area, source=pinned_source(ctx))
if facts is None:
    st.info(label("bulletin.no_data_for_area", area=area_names[code], date=long_date(day, ctx.lang)))
    st.stop()
note = bulletin.render(facts, note_lang, names=names)

st.subheader(label("bulletin.note"))
st.code(note, language=None, wrap_lines=True)
st.caption(label("bulletin.note_help"))
note_file = note_file_name(day, area.code, note_lang)
st.download_button(
    label("bulletin.download_note"),
    data=note.encode("utf-8"),
    file_name=note_file,
    mime="text/plain",
    icon=":material/download:",
    key="bulletin_download_note",
    on_click=partial(record_download, ctx, note_file, len(note.splitlines())),
)

figures_column, bands_column = st.columns([1, 1])
with figures_column:
    st.subheader(label("bulletin.figures"))
    figure_header, value_header = label("bulletin.figure"), label("bulletin.value")
    st.dataframe(
        figures_table(facts, ctx.lang),
        width="stretch",
        height="content",
        hide_index=True,
        column_config={  # room for the longest label; the values (a date at most) take the rest, even at 390 px
            figure_header: st.column_config.TextColumn(figure_header, width="medium"),
            value_header: st.column_config.TextColumn(value_header),
        },
        key="bulletin_figures",
    )
with bands_column:
    st.subheader(label("bulletin.by_band"))
    if facts.by_age_band_and_dose:
        doses_header = label("common.doses")
        st.dataframe(
            band_dose_table(facts, names, ctx.lang),
            width="stretch",
            height="content",
            hide_index=True,
            column_config={doses_header: st.column_config.TextColumn(doses_header, alignment="right")},
            key="bulletin_by_band",
        )
        band_rows = band_dose_table(facts, names, ctx.lang, formatted=False)
        downloads(ctx, band_rows, band_table_file_name(day, area.code), "bulletin_download_by_band")
    else:
        st.info(label("bulletin.by_band_none"))
