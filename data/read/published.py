"""The published cumulative series (CoWIN, the health ministry) exactly as stored."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data.access import EVERYONE
from data.models import PublishedValue
from data.read.query import query
from data.read.sql import as_list, frame


@query(EVERYONE)
def published_values(
    session: Session,
    /,
    *,
    source: str | list[str] | None = None,
    areas: list[str] | None = None,
    metrics: list[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """Published cumulative figures as stored: date, source, area, metric, value (by source, area, metric, date).

    Filter by source ('cowin', 'mohfw', or a list), areas ('STATE' and/or district codes), metrics (the
    source's column names, e.g. 'Total Doses Administered') and dates. Daily values are derived in
    stats.published, never stored.
    """
    table = PublishedValue.__table__
    query = select(table.c.date, table.c.source, table.c.area, table.c.metric, table.c.value)
    for column, values in (("source", as_list(source)), ("area", as_list(areas)), ("metric", as_list(metrics))):
        if values is not None:
            query = query.where(table.c[column].in_(values))
    if start is not None:
        query = query.where(table.c.date >= start)
    if end is not None:
        query = query.where(table.c.date <= end)
    query = query.order_by(table.c.source, table.c.area, table.c.metric, table.c.date)
    return frame(session, query, ["date", "source", "area", "metric", "value"]).astype({"value": "int64"})
