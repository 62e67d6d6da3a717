"""Data quality and reconciliation: the flags over a range of days, the state's own daily doses against the
published series, and the share of each district's centres that reported."""

import streamlit as st

from data.read import doses, figures, quality, reference
from pages._frame import require_frame
from pages._shared import as_of, chart_with_table, downloads, label
from stats.figures.data_quality import completeness_figure, sources_figure
from stats.formatting import indian_number, long_date
from stats.quality import RULES, area_names
from stats.views import data_quality as view

ctx = require_frame("data_quality")

st.title(label("data_quality.title"))
st.caption(label("data_quality.intro"))

day = as_of()
if day is None:
    st.info(label("common.no_data"))
    st.stop()

first, last = figures.figure_span(ctx)  # the state's reports and the published series
names = area_names(reference.districts(ctx))
default = view.default_range(day, first)
picked = st.date_input(
    label("data_quality.range"),
    value=default,
    min_value=first,
    max_value=last,
    key=f"dq-range-{day.isoformat()}",  # a new sidebar date starts a new default range
    help=label("data_quality.range_help"),
    format="DD/MM/YYYY",
)
start, end = view.chosen_range(picked, default)
st.caption(label("data_quality.range_shown", start=long_date(start, ctx.lang), end=long_date(end, ctx.lang)))

# A select widget keeps its choice as the label shown: one key per language, and labels fixed at this run.
shown_in = ctx.lang
rules_column, area_column = st.columns(2)
rules = rules_column.multiselect(
    label("data_quality.rules"),
    options=list(RULES),
    format_func=lambda rule: view.rule_label(rule, shown_in),
    placeholder=label("data_quality.all_rules"),
    help=label("data_quality.rules_help"),
    key=f"dq-rules-{shown_in}",
)
area = area_column.selectbox(
    label("data_quality.area"),
    options=view.area_options(names),
    format_func=lambda code: view.area_label(code, shown_in, names),
    key=f"dq-area-{shown_in}",
)

frames, all_flags = quality.range_checks(ctx, start=start, end=end)
flags = view.flags_table(all_flags, ctx.lang, names, rules, area)
compared = view.source_comparison(frames["state"], frames["series"], start, end)
counts = doses.centre_counts(ctx)
reporting = doses.centres_reporting(ctx, start=start, end=end, by_district=True)
completeness = view.reporting_completeness(reporting, counts, start, end, area)

flags_metric, gap_metric, reporting_metric = st.columns(3)
flags_metric.metric(label("data_quality.flags_count"), indian_number(len(flags), ctx.lang))
gap, where = view.largest_gap_text(compared, ctx.lang)
gap_metric.metric(label("data_quality.largest_gap_metric"), gap)
gap_metric.caption(where)
reporting_metric.metric(label("data_quality.reporting_metric"), view.reporting_on(completeness, end, ctx.lang))
reporting_metric.caption(long_date(end, ctx.lang))

# --- Flags -------------------------------------------------------------------------------------------
st.header(label("data_quality.flags_header"))
st.caption(label("data_quality.flags_note"))
if flags.empty:
    st.info(label("data_quality.no_flags"))
else:
    shown = flags.rename(
        columns={
            "date": label("common.date"),
            "area": label("data_quality.area"),
            "rule": label("data_quality.rule"),
            "message": label("data_quality.message"),
        }
    )
    st.dataframe(
        shown,
        width="stretch",
        hide_index=True,
        key="dq-flags",
        column_config={label("data_quality.message"): st.column_config.TextColumn(width="large")},
    )
    downloads(
        ctx,
        view.flags_table(all_flags, ctx.lang, names, rules, area, formatted=False).rename(
            columns=dict(zip(flags.columns, shown.columns, strict=True))
        ),
        f"flags-{start.isoformat()}-{end.isoformat()}.csv",
        "dq-flags-csv",
        labels=(label("data_quality.download_flags"), label("data_quality.download_flags_xlsx")),
    )

# --- Own reports against the published series ----------------------------------------------------------
st.header(label("data_quality.sources_header"))
st.caption(label("data_quality.sources_caption"))
comparison_columns = {
    "date": label("common.date"),
    "source": label("data_quality.source"),
    "own": label("data_quality.own"),
    "published": label("data_quality.published"),
    "gap": label("data_quality.gap"),
    "relative_gap": label("data_quality.relative_gap"),
    "days": label("data_quality.days"),
}
if compared.empty and frames["series"].empty:
    st.info(label("data_quality.no_published"))
elif compared.empty:  # published figures, but no own reports on those dates to set against them
    st.info(label("data_quality.no_own_to_compare"))
else:
    chart_with_table(
        ctx,
        sources_figure(view.own_doses(frames["state"], start, end), compared, ctx.lang),
        view.comparison_table(compared, ctx.lang),
        "own-vs-published",
        comparison_columns,
        raw=view.comparison_table(compared, ctx.lang, formatted=False),
    )
    st.subheader(label("data_quality.largest_gaps"))
    st.dataframe(
        view.comparison_table(view.largest_gaps(compared), ctx.lang).rename(columns=comparison_columns),
        width="stretch",
        hide_index=True,
        key="dq-largest-gaps",
    )

# --- Reporting completeness ----------------------------------------------------------------------------
st.header(label("data_quality.completeness_header"))
st.caption(label("data_quality.completeness_caption"))
if counts.empty:
    st.info(label("data_quality.no_centres"))
elif completeness.empty:
    st.info(label("data_quality.district_no_centres", district=view.area_label(area, ctx.lang, names)))
else:
    chart_with_table(
        ctx,
        completeness_figure(completeness, ctx.lang, names),
        view.completeness_table(completeness, ctx.lang, names),
        "reporting-completeness",
        {
            "district": label("common.district"),
            "date": label("common.date"),
            "reported": label("data_quality.reported"),
            "known": label("data_quality.known"),
            "share": label("data_quality.share"),
            "share_percent": f"{label('data_quality.share')} (%)",
        },
        raw=view.completeness_table(completeness, ctx.lang, names, formatted=False),
    )
    st.dataframe(
        view.completeness_summary(completeness, ctx.lang, names),
        width="stretch",
        hide_index=True,
        key="dq-completeness-summary",
        column_config={
            "district": st.column_config.TextColumn(label("common.district")),
            "known": st.column_config.NumberColumn(label("data_quality.known"), format="%d"),
            "average_share": st.column_config.ProgressColumn(
                label("data_quality.average_share"), format="percent", min_value=0.0, max_value=1.0
            ),
            "last_share": st.column_config.ProgressColumn(
                label("data_quality.last_share"), format="percent", min_value=0.0, max_value=1.0
            ),
        },
    )
