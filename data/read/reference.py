"""Reference data as stored from data/master/: districts, target populations, vaccines and their intervals."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data.access import EVERYONE
from data.models import District, DistrictTarget, Vaccine
from data.read.query import query
from data.read.sql import frame


@query(EVERYONE)
def districts(session: Session, /) -> pd.DataFrame:
    """Every district with its English and Hindi name, in English alphabetical order."""
    table = District.__table__
    columns = ["code", "name_en", "name_hi", "formed_on", "parent_code"]
    return frame(session, select(*(table.c[c] for c in columns)).order_by(table.c.name_en), columns)


@query(EVERYONE)
def district_targets(session: Session, /) -> pd.DataFrame:
    """Target population per district and age band, with the source of the figure."""
    table = DistrictTarget.__table__
    query = select(table.c.district_code, table.c.age_band, table.c.population, table.c.source)
    targets = frame(
        session, query.order_by(table.c.district_code, table.c.age_band), list(query.selected_columns.keys())
    )
    return targets.astype({"population": "int64"})


@query(EVERYONE)
def vaccine_intervals(session: Session, /) -> pd.DataFrame:
    """Every vaccine with its names and dose intervals in days (what stats.dropout reads), by code.

    Columns: code, name_en, name_hi, dose2_min_days, dose2_max_days, precaution_min_days.
    """
    table = Vaccine.__table__
    columns = ["code", "name_en", "name_hi", "dose2_min_days", "dose2_max_days", "precaution_min_days"]
    query = select(*(table.c[c] for c in columns)).order_by(table.c.code)
    return frame(session, query, columns).astype(dict.fromkeys(columns[3:], "int64"))
