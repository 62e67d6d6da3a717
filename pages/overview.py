"""Overview: the state immunisation officer's morning view of the chosen day; a collector's home, their district's.

Headline cards for the sidebar's date, charts over a date range, the day's data checks and its bulletin. The area is
the one the read API's district scope gives: the state for the officer, a collector's own district (with the state's
figures beside its cards). Fetches through data.read only; every figure and text comes from stats/.
"""

from functools import partial

import streamlit as st

from data.read import daily, doses, figures, reference, stock
from data.read.daily import STATE_AREA
from pages._frame import require_frame
from pages._published import show_published
from pages._shared import as_of, chart_with_table, label, pinned_source, record_download
from stats import STATE, sources, trend
from stats.bulletin import area_for, ledger_line, render
from stats.figures import overview as charts
from stats.formatting import indian_number, long_date
from stats.stock import COVER_RED_DAYS as RED
from stats.views import overview as view
from stats.views import sources as sourced
from stats.views import stock as stock_view

ctx = require_frame("overview")
language = ctx.lang
day = as_of()
if day is None:
    st.title(label("overview.title"))
    st.info(label("common.no_data"))
    st.stop()

when = long_date(day, language)
flags, own_figures, changes, state_figures, state_changes = daily.day_figures(ctx, day=day)  # a collector's: theirs
area = own_figures.area
names = reference.names(ctx)
if area == STATE:
    st.title(label("overview.title"))
    st.caption(label("overview.intro", date=when))
else:
    district_name = names.district(area, language)
    st.title(label("overview.title_district", district=district_name))
    state_name = label("common.state_name")
    st.caption(label("overview.intro_district", district=district_name, state=state_name, date=when))
pin = pinned_source(ctx)
order = sources.pinned_order(pin, area)
days = figures.state_days(ctx) if area == STATE else view.area_days(figures.district_days(ctx), area)
first, last = sources.span(days)
stand = sources.standing(days, day, order)
state = stand.iloc[0] if len(stand) else None

# --- Headline cards -------------------------------------------------------------------------------
st.subheader(label("overview.headline", date=when))
if state is None:
    pinned = "" if pin == sources.BEST else f" ({label(f'sources.pin_{pin}')})"
    st.info(label("sources.none_for_day", date=when, pinned=pinned))
    cards = []
elif state["source"] == sources.OWN:
    if not view.reported(changes):
        st.info(label("common.no_data_for_day", date=when))
    if own_figures.stock_to_check:  # never a stock figure: an alert to check the ledger
        st.warning(ledger_line(own_figures, language), icon=":material/inventory_2:")
    cards = view.headline_cards(own_figures, changes, language)
    if state_figures is not None:  # a district's cards, the state's figures beside them
        cards = view.with_state_context(cards, (own_figures, changes), (state_figures, state_changes), language)
else:
    cards = view.sourced_cards(state, language)
for row in cards:
    for column, card in zip(st.columns(len(row)), row, strict=True):
        with column.container(border=True, height="stretch"):
            st.metric(
                card.label,
                card.value,
                card.delta.text if card.delta else None,
                delta_color=card.delta.color if card.delta else "normal",
                delta_arrow=card.delta.arrow if card.delta else "auto",
                delta_description=card.delta_description,
                help=card.help,
            )
            st.caption(card.when)
            if card.context:
                st.caption(card.context)
if state is not None:
    st.caption(label("sources.source_line", source=sourced.source_name(state["source"], language)))
    for note in sourced.day_notes(state, sources.on_day(days, day), language):
        st.caption(note)

# --- Projected stock-outs ---------------------------------------------------------------------------
stockouts = stock.projected_stockouts(ctx, as_of=day) if state is not None and state["source"] == sources.OWN else None
if stockouts is not None and len(stockouts):
    st.subheader(label("stock.stockout_heading", date=when))
    st.caption(label("stock.stockout_caption", date=when, start=long_date(stock_view.pace_start(day), language)))
    urgent = stock_view.urgent_count(stockouts)
    if urgent:
        st.warning(
            label("stock.stockout_urgent", count=indian_number(urgent, language), red=indian_number(RED, language)),
            icon=":material/inventory_2:",
        )
    st.dataframe(
        stock_view.stockout_styler(stockouts, reference.districts(ctx), reference.vaccine_intervals(ctx), language),
        hide_index=True,
        width="stretch",
        height=stock_view.STOCKOUT_HEIGHT,
        column_config={label("stock.col_store"): st.column_config.TextColumn(pinned=True)},  # a phone scrolls the rest
        key="overview-stockouts",
    )
    st.caption(stock_view.cover_colours_note(language))

# --- Charts over the dates picked -----------------------------------------------------------------
st.subheader(label("overview.trends"))
default = trend.default_range(day, first)
picked = st.date_input(
    label("overview.range"),
    value=default,
    min_value=first,
    max_value=last,
    key=f"overview-range-{day.isoformat()}",
    help=label("overview.range_help"),
    format="DD/MM/YYYY",
)
start, end = view.chart_range(picked, default, first, last)
st.caption(label("overview.range_caption", start=long_date(start, language), end=long_date(end, language)))

best = sources.best(days, order)
per_day = sourced.daily_series(best, start, end, language)
if not sourced.has_figures(per_day):
    st.info(label("overview.no_doses_in_range", start=long_date(start, language), end=long_date(end, language)))
else:
    records = sourced.named_records(sources.records(best, end=end), language)
    left, right = st.columns(2)
    with left:
        chart_with_table(
            ctx,
            charts.sourced_daily_figure(per_day, records, language),
            sourced.daily_table(per_day, language),
            "daily-doses",
            raw=sourced.daily_table(per_day, language, formatted=False),
        )
        for line in sourced.record_lines(records, end, start, language):
            st.caption(line)
    with right:
        cumulative = view.cumulative_from_days(best, start, end)
        chart_with_table(
            ctx,
            charts.cumulative_figure(cumulative, names, language),
            view.cumulative_table(cumulative, names, language),
            "cumulative-by-dose",
            raw=view.cumulative_table(cumulative, names, language, formatted=False),
        )
    if view.own_in_range(best, start, end):
        left, right = st.columns(2)
        with left:
            only = view.area_districts(area)
            by_band = doses.daily_doses(ctx, start=start, end=end, by=("age_band",), districts=only)
            bands = view.band_series(by_band, start, end, names)
            chart_with_table(
                ctx,
                charts.bands_figure(bands, names, language),
                view.band_table(bands, names, language),
                "doses-by-age-band",
                raw=view.band_table(bands, names, language, formatted=False),
            )
        with right:
            mix = view.vaccine_mix(doses.total_doses(ctx, start=start, end=end, by=("vaccine",), districts=only), names)
            chart_with_table(
                ctx,
                charts.vaccine_mix_figure(mix, start, end, names, language),
                view.vaccine_table(mix, names, language),
                "vaccine-mix",
                raw=view.vaccine_table(mix, names, language, formatted=False),
            )
    else:
        st.info(label("overview.no_breakdowns", start=long_date(start, language), end=long_date(end, language)))
        show_published(ctx, area, start, end, language)

# --- Data checks ------------------------------------------------------------------------------------
st.subheader(label("overview.alerts", date=when))
messages = view.flag_messages(flags, language)
heading = view.alerts_heading(len(messages), day, language)
if messages:
    st.warning(heading)
    with st.container(height=320 if len(messages) > 6 else "content", border=True, key="overview-alerts"):
        st.markdown("\n".join(f"- {message}" for message in messages))
else:
    st.success(heading)

# --- Bulletin ---------------------------------------------------------------------------------------
st.subheader(label("overview.bulletin", date=when))
note_area = STATE_AREA if area == STATE else area_for(area, reference.districts(ctx))
note_figures = daily.note_figures(ctx, day=day, area=note_area, source=pin)
if note_figures is None:
    st.info(label("sources.none_for_day", date=when, pinned=""))
    st.stop()
bulletin = render(note_figures, language, names=names)
st.caption(label("overview.bulletin_help"))
st.code(bulletin, language=None, wrap_lines=True)
bulletin_file = view.bulletin_file_name(day, language, area)
st.download_button(
    label("overview.bulletin_download"),
    data=bulletin.encode("utf-8"),
    file_name=bulletin_file,
    mime="text/plain",
    key="overview-bulletin-download",
    on_click=partial(record_download, ctx, bulletin_file, len(bulletin.splitlines())),
)
