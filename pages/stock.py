"""Stock entry (officers): record a receipt, an issue, a wastage or a physical count through the validated
ledger, and see each store's stock on hand, days of cover and the latest movements."""

import streamlit as st

from data.imports import workspace
from data.read import doses, reference
from data.read import stock as stock_data
from pages._frame import refreshed, require_frame
from pages._shared import as_of, downloads, label
from stats import stock as stock_rules
from stats.formatting import doses_text, indian_number, long_date
from stats.stock import known_stock
from stats.views import stock as view

ctx = require_frame("stock")

language = ctx.lang
st.title(label("stock.title"))
st.caption(label("stock.intro"))

districts = reference.districts(ctx)
vaccines = reference.vaccine_intervals(ctx)
vaccine_names = view.vaccine_options(vaccines, language)
_, last = doses.date_range(ctx)

# --- The form ----------------------------------------------------------------------------------------
kind = st.radio(
    label("stock.kind"),
    options=stock_rules.KINDS,
    format_func=lambda code: view.kind_name(code, language),
    horizontal=True,
    key="stock-kind",
)
st.caption(label(f"stock.kind_{kind}_help"))
stores = view.store_options(kind, districts, language)
counting = kind == "adjustment"

with st.form(f"stock-entry-{kind}", border=True):
    left, right = st.columns(2)
    day = left.date_input(
        label("stock.field_date"),
        value=view.default_entry_date(last),
        format="DD/MM/YYYY",
        help=label("stock.field_date_help"),
        key=f"stock-date-{kind}",
    )
    vaccine = right.selectbox(
        label("stock.field_vaccine"),
        options=list(vaccine_names),
        format_func=vaccine_names.get,
        key=f"stock-vaccine-{kind}",
    )
    store = None
    if stores:
        store = left.selectbox(
            label("stock.field_district" if kind == "issue" else "stock.field_store"),
            options=list(stores),
            format_func=stores.get,
            key=f"stock-store-{kind}",
        )
    amount = right.number_input(
        label("stock.field_counted" if counting else "stock.field_quantity"),
        min_value=0 if counting else 1,
        value=None,
        step=1,
        help=label("stock.field_counted_help") if counting else None,
        key=f"stock-amount-{kind}",
    )
    reference = left.text_input(
        label("stock.field_reference"),
        max_chars=64,
        help=label("stock.field_reference_help"),
        key=f"stock-reference-{kind}",
    )
    submitted = st.form_submit_button(label("stock.submit"), type="primary", icon=":material/save:")

if submitted:
    entry = {"day": day, "vaccine": vaccine, "reference": reference}
    if counting:
        result = workspace.enter_count(ctx, store=store, counted=amount, **entry)
    else:
        result = workspace.enter_movement(ctx, kind, store=store, quantity=amount, **entry)
    if result.status == "committed":
        ctx = refreshed(ctx)  # the stock table below shows the movement just recorded
        movement = view.movement_text(result.stores, vaccine, day, districts, vaccines, language)
        if counting:
            on_hand, counted = doses_text(result.on_hand, language), doses_text(result.counted, language)
            st.success(label("stock.adjusted", on_hand=on_hand, counted=counted, movement=movement))
        else:
            st.success(label("stock.recorded", movement=movement))
    elif result.status == "nothing":
        st.info(label("stock.count_agrees", counted=doses_text(result.counted, language)))
    else:
        st.error(label("stock.refused" if result.status == "refused" else "stock.failed"))
        st.dataframe(
            view.problem_table(result.problems, language), hide_index=True, width="stretch", key="stock-problems"
        )

# --- Stock on hand and days of cover -----------------------------------------------------------------
shown = as_of() or view.default_entry_date(last)
st.subheader(label("stock.stock_header", date=long_date(shown, language)))
stock = known_stock(stock_data.stock_on_hand(ctx, as_of=shown))
if stock is None:
    st.info(label("stock.no_stock"))
else:
    pace = doses.daily_doses(ctx, start=view.pace_start(shown), end=shown, by=("district_code", "vaccine"))
    cover = view.stock_cover(stock, pace, shown)
    st.caption(label("stock.stock_caption"))
    st.dataframe(
        view.stock_styler(cover, districts, vaccines, language), hide_index=True, width="stretch", key="stock-on-hand"
    )
    st.caption(view.cover_colours_note(language))
    raw = view.stock_table(cover, districts, vaccines, language, formatted=False)
    downloads(ctx, raw, view.stock_file_name(shown), "stock-on-hand-download")

# --- Latest movements --------------------------------------------------------------------------------
st.subheader(label("stock.movements_header"))
latest = stock_data.latest_movements(ctx, limit=view.LATEST_MOVEMENTS)
if latest.empty:
    st.info(label("stock.no_movements"))
else:
    movements = view.movements_table(latest, districts, vaccines, language)
    st.caption(label("stock.movements_caption", count=indian_number(len(latest), language)))
    st.dataframe(movements, hide_index=True, width="stretch", key="stock-movements")
    downloads(
        ctx,
        view.movements_table(latest, districts, vaccines, language, formatted=False),
        view.MOVEMENTS_FILE,
        "stock-movements-download",
    )
