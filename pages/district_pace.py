"""District pace: every district's speed, coverage and target outlook side by side, and one district in detail."""

import streamlit as st

from data.read import doses, pace, reference, stock
from pages._frame import require_frame
from pages._published import show_district_published
from pages._shared import as_of, chart_with_table, downloads, label
from stats import league, names
from stats.coverage import dose_bands
from stats.figures import district_pace as figures
from stats.figures.charts import DOSE_COLOURS
from stats.formatting import indian_number, long_date
from stats.labels import t
from stats.views import district_pace as view
from stats.views import stock as stock_view

ctx = require_frame("district_pace")

st.title(label("district_pace.title"))
day = as_of()
if day is None:
    st.info(label("common.no_data"))
    st.stop()
language = ctx.lang
day_text = long_date(day, language)
st.caption(label("district_pace.intro", date=day_text))
own_first, own_last = doses.date_range(ctx)
if own_first is None or not own_first <= day <= own_last:
    # The league needs age bands and centres, which only the state's own reports have: say so, and show
    # what CoWIN's district series published for the day instead.
    st.info(label("district_pace.needs_own", date=day_text))
    show_district_published(ctx, day, language)
    st.stop()

# --- inputs ----------------------------------------------------------------------------------------
reference_names = reference.names(ctx)
band_col, dose_col, percent_col, date_col = st.columns([3, 2, 2, 2])
bands = band_col.multiselect(
    label("district_pace.age_bands"),
    options=list(reference_names.single_bands()),
    default=list(league.DEFAULT_BANDS),
    help=label("district_pace.age_bands_help"),
    key="dp_bands",
)
target_dose = dose_col.selectbox(
    label("district_pace.target_dose"),
    options=list(reference_names.doses),
    format_func=lambda number: reference_names.dose(number, language),
    key="dp_target_dose",
)
target_percent = percent_col.number_input(
    label("district_pace.target_percent"),
    min_value=1,
    max_value=100,
    value=league.DEFAULT_TARGET_PERCENT,
    step=5,
    help=label("district_pace.target_percent_help"),
    key="dp_target_percent",
)
target_date = date_col.date_input(
    label("district_pace.target_date"),
    value=league.default_target_date(day),
    help=label("district_pace.target_date_help"),
    format="DD/MM/YYYY",
    key="dp_target_date",
)
if not bands:
    st.info(label("district_pace.no_bands"))
    st.stop()

# --- data ------------------------------------------------------------------------------------------
districts = reference.districts(ctx)
targets = reference.district_targets(ctx)
recent = doses.daily_doses(ctx, start=league.history_start(day), end=day, by=("district_code", "age_band"))
if not view.has_doses_on(recent, day):
    st.info(label("common.no_data_for_day", date=day_text))

table = pace.league_table(
    ctx,
    day=day,
    bands=tuple(bands),
    target_percent=target_percent,
    target_date=target_date,
    target_dose=target_dose,
    lang=language,
)

# --- league table ----------------------------------------------------------------------------------
st.subheader(label("district_pace.league"))
st.caption(
    label(
        "district_pace.league_caption",
        count=indian_number(len(table), language),
        target=view.target_text(target_percent, language),
        dose=reference_names.dose(target_dose, language).lower(),
        date=long_date(target_date, language),
    )
)


def header(column: str) -> dict:
    """A column's short header, its help (its full name first) and its width on screen."""
    short, help_text = view.league_header(column, language)
    return {"label": short, "help": help_text, "width": view.SCREEN_WIDTHS[column]}


column_config = {
    "rank": st.column_config.NumberColumn(**header("rank")),
    "district": st.column_config.TextColumn(**header("district"), pinned=True),
    "last_28_days": st.column_config.LineChartColumn(**header("last_28_days"), y_min=0, color=figures.BAR_COLOUR),
    "stockout_date": st.column_config.Column(**header("stockout_date")),
    **{
        column: st.column_config.NumberColumn(**header(column))
        for column in ("per_thousand", "change_7d", "dropout", "days_of_cover", "required_daily_rate")
    },
}
for dose in reference_names.doses:
    column_config[f"coverage_{dose}"] = st.column_config.ProgressColumn(
        **header(f"coverage_{dose}"),
        min_value=0,
        max_value=1,
        format="percent",
        color=DOSE_COLOURS[dose],
    )
st.dataframe(
    view.league_styler(table, language),
    column_config=column_config,
    column_order=list(view.LEAGUE_SCREEN_COLUMNS),
    hide_index=True,
    height=view.table_height(len(table)),
    width="stretch",
    key="dp_league",
)
downloads(
    ctx, view.league_export(table, language, formatted=False), f"district-pace-{day.isoformat()}.csv", "dp_league_csv"
)

later = view.counted_in_parents(districts, day, language)
if later:
    st.caption(
        label(
            "district_pace.as_stood",
            date=long_date(league.standing_day(day), language),
            districts=", ".join(later),
        )
    )

# --- one district: chosen here, highlighted in the comparison below ----------------------------------
options = names.district_options(view.league_districts(districts, day), language)
codes = list(options)
viewer = ctx.viewer
code = st.session_state.get("dp_district") or viewer.district_code or table["code"].iloc[0]
code = view.district_as_stood(districts, code, day)
if st.session_state.get("dp_district") not in (None, *codes):  # a district not yet formed on the day
    del st.session_state["dp_district"]

# --- districts compared ----------------------------------------------------------------------------
st.subheader(label("district_pace.compare"))
indicator = st.selectbox(
    label("district_pace.indicator"),
    options=list(view.INDICATORS),
    format_func=lambda column: t(f"district_pace.col_{column}", language),
    key="dp_indicator",
)
indicator_name = label(f"district_pace.col_{indicator}")
bars = view.indicator_bars(table, indicator, language)
chart_with_table(
    ctx,
    figures.indicator_chart(
        bars,
        indicator,
        label("district_pace.compare_title", indicator=indicator_name, date=day_text),
        indicator_name,
        language,
        highlight=code,
    ),
    bars[["district", "text"]],
    f"district-compare-{indicator}",
    {"district": label("district_pace.col_district"), "text": indicator_name},
    raw=view.indicator_export(bars, indicator, language),
)
if indicator == "days_of_cover":
    st.caption(stock_view.cover_colours_note(language))

st.subheader(label("district_pace.district_heading"))
code = st.selectbox(
    label("district_pace.choose_district"),
    options=codes,
    index=codes.index(code),
    format_func=options.get,
    key="dp_district",
)
name = options[code]

trend = view.pace_trend(*view.as_stood(recent, targets, districts, day), code, day, bands)
if view.area_doses(trend, code) == 0:
    st.info(label("district_pace.no_doses_district", district=name, days=indian_number(view.TREND_DAYS, language)))
chart_with_table(
    ctx,
    figures.trend_chart(
        trend,
        code,
        {code: name, view.STATE: label("district_pace.state_average")},
        label("district_pace.trend_title", district=name),
        label("district_pace.col_per_thousand"),
        label("common.date"),
        language,
    ),
    view.trend_written(trend, code, language),
    f"district-trend-{code}",
    {"date": label("common.date"), code: name, view.STATE: label("district_pace.state_average")},
    raw=view.trend_export(trend, code),
)

# --- its stock: each vaccine's days of cover and projected stock-out ---------------------------------
st.subheader(label("stock.stockout_district_heading", district=name, date=day_text))
stockouts = stock.projected_stockouts(ctx, as_of=day)
own_stock = None if stockouts is None else stockouts[stockouts["store"] == code]
if own_stock is None or own_stock.empty:
    st.info(label("stock.stockout_none", area=name))
else:
    st.caption(label("stock.stockout_caption", date=day_text, start=long_date(stock_view.pace_start(day), language)))
    st.dataframe(
        stock_view.stockout_styler(own_stock, districts, reference.vaccine_intervals(ctx), language),
        hide_index=True,
        width="stretch",
        column_config={label("stock.col_store"): st.column_config.TextColumn(pinned=True)},  # a phone scrolls the rest
        key="dp_stockouts",
    )
    st.caption(stock_view.cover_colours_note(language))

# --- its centres -----------------------------------------------------------------------------------
first, last = view.centre_window(day)
first_text = long_date(first, language)
st.subheader(label("district_pace.centres_heading", first=first_text, last=day_text))
if viewer.sees_centres_of(code):
    performance = view.centre_performance(doses.centre_days(ctx, start=first, end=last, districts=[code]), day)
else:  # a collector looking at another district: its totals above, none of its centres
    performance = None
    st.info(label("workspace.not_allowed_detail"), icon=":material/lock:")
if performance is None:
    pass
elif performance.empty:
    st.info(label("district_pace.no_centres", district=name, first=first_text, last=day_text))
else:
    top, bottom = view.top_and_bottom(performance)
    # One above the other: side by side, each would scroll sideways at 1,400 px.
    st.markdown(f"**{label('district_pace.top')}**")
    st.dataframe(view.centres_written(top, language), hide_index=True, width="stretch", key="dp_top")
    st.markdown(f"**{label('district_pace.bottom')}**")
    if bottom.empty:
        st.info(label("district_pace.all_in_top", count=indian_number(len(top), language)))
    else:
        st.dataframe(view.centres_written(bottom, language), hide_index=True, width="stretch", key="dp_bottom")
    missing = view.missing_centres(performance)
    st.markdown(f"**{label('district_pace.missing', date=day_text)}**")
    if missing.empty:
        st.info(label("district_pace.none_missing", date=day_text))
    else:
        st.dataframe(view.centres_written(missing, language), hide_index=True, width="stretch", key="dp_missing")

# --- its second doses due ---------------------------------------------------------------------------
st.subheader(label("district_pace.due_heading"))
st.caption(label("district_pace.due_caption"))
given = doses.daily_doses(
    ctx,
    end=day,
    by=("vaccine", "dose_number"),
    districts=[code],
    dose_numbers=[1, 2],
    age_bands=dose_bands(bands),
)
due = view.second_doses(given, reference.vaccine_intervals(ctx), day, language)
sums = view.dose_totals(due, ("dose1", "due", "overdue"))
if sums["dose1"] == 0:
    st.info(label("district_pace.no_due", district=name))
else:
    due_col, overdue_col = st.columns(2)
    due_col.metric(label("district_pace.due_total"), indian_number(sums["due"], language))
    overdue_col.metric(label("district_pace.overdue_total"), indian_number(sums["overdue"], language))
    st.dataframe(
        view.written(due, dict.fromkeys(("dose1", "dose2", "due", "overdue"), "count"), language).rename(
            columns={
                "vaccine": label("common.vaccine"),
                "dose1": label("district_pace.due_dose1"),
                "dose2": label("district_pace.due_dose2"),
                "due": label("district_pace.due_total"),
                "overdue": label("district_pace.overdue_total"),
            }
        ),
        hide_index=True,
        width="stretch",
        key="dp_due",
    )
