"""Audit trail (officers): browse who did what and when, filtered by dates (India time), actor and action, and
download it; the download itself writes an "export" row."""

import streamlit as st

from data.accounts import audit
from data.read import workspace
from pages._frame import require_frame
from pages._shared import downloads, label
from stats.formatting import indian_number, long_date, today_in_india
from stats.views import audit_trail as view

ctx = require_frame("audit_trail")

language = ctx.lang


st.title(label("audit_trail.title"))
st.caption(label("audit_trail.intro"))

today = today_in_india()
default = view.default_range(today)
dates_column, actor_column, action_column = st.columns(3)
picked = dates_column.date_input(
    label("audit_trail.range"),
    value=default,
    max_value=today,
    format="DD/MM/YYYY",
    help=label("audit_trail.range_help"),
    key="audit-range",
)
typed_actor = actor_column.text_input(
    label("audit_trail.actor"), max_chars=64, help=label("audit_trail.actor_help"), key="audit-actor"
)
action = action_column.selectbox(
    label("audit_trail.action"),
    options=("", *audit.ACTIONS),
    format_func=lambda code: view.action_choice(code, language),
    key="audit-action",
)
first, last = view.picked_range(picked, default)
actor = view.actor_filter(typed_actor)
since, until = view.utc_bounds(first, last)

rows = workspace.audit_trail(ctx, since=since, until=until, actor=actor, action=action or None, limit=view.LIMIT)
table = view.audit_table(rows, language)
st.caption(
    label(
        "audit_trail.shown",
        count=indian_number(len(table), language),
        first=long_date(first, language),
        last=long_date(last, language),
    )
)
if view.limit_reached(len(table)):
    st.warning(label("audit_trail.limit_reached", limit=indian_number(view.LIMIT, language)))
if table.empty:
    st.info(label("audit_trail.no_rows"))
st.dataframe(table, hide_index=True, width="stretch", key="audit-rows")
downloads(
    ctx,
    view.audit_table(rows, language, formatted=False),
    view.export_file_name(first, last),
    "audit-download",
    detail=view.export_detail(first, last, actor, action or None),
    note=label("audit_trail.download_help"),
)
