"""Every source's daily dose figures for an area, and the days any source covers (stats.sources says how a
published cumulative becomes a day's figure, and which source a figure is taken from)."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import func, select
from sqlmodel import Session

from data.access import EVERYONE
from data.models import PublishedValue
from data.read.doses import centres_reporting, daily_doses, date_range
from data.read.published import published_values
from data.read.query import query
from stats import STATE, sources
from stats.published import DOSE_METRICS


@query(EVERYONE)
def figure_span(session: Session, /) -> tuple[date | None, date | None]:
    """The first and last day any source has a dose figure for (the state's reports or a published series)."""
    table = PublishedValue.__table__
    published = session.connection().execute(
        select(func.min(table.c.date), func.max(table.c.date)).where(table.c.metric.in_(DOSE_METRICS))
    )
    days = [d for d in (*date_range.run(session), *published.one()) if d is not None]
    return (min(days), max(days)) if days else (None, None)


@query(EVERYONE)
def state_days(session: Session, /, *, end: date | None = None) -> pd.DataFrame:
    """Every source's daily figures for the whole state up to end (a days frame: stats.sources.COLUMNS), each
    published day with its status; the state's own reports confirm or question a published day."""
    own = sources.own_days(daily_doses.run(session, end=end, by=("dose_number",)))
    values = published_values.run(session, areas=[STATE], metrics=list(DOSE_METRICS), end=end)
    return sources.covering([own, sources.published_days(values, others=own)])


@query(EVERYONE)
def district_days(session: Session, /, *, end: date | None = None) -> pd.DataFrame:
    """Every source's daily figures for every district up to end (areas are district codes)."""
    own = sources.own_days(daily_doses.run(session, end=end, by=("district_code", "dose_number")))
    values = published_values.run(session, source="cowin", metrics=list(DOSE_METRICS), end=end)
    values = values[values["area"] != STATE]
    return sources.covering([own, sources.published_days(values, others=own)])


@query(EVERYONE)
def sites_on(session: Session, /, *, day: date, districts: list[str] | None = None) -> int:
    """How many centres reported any dose on the day (in the districts; all when None): a count, no centre named."""
    reporting = centres_reporting.run(session, start=day, end=day, districts=districts)
    return int(reporting["centres"].sum())
