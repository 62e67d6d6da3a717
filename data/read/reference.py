"""Reference data as stored from data/master/: districts, target populations, vaccines and their intervals, and the
names (and orders) of districts, vaccines, age bands and dose numbers as one stats.names.Names."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data.access import EVERYONE
from data.models import AgeBand, District, DistrictTarget, DoseNumber, Vaccine
from data.read.query import query
from data.read.sql import frame
from stats.names import Names, names_from_frames


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


def _table(session: Session, model: type, columns: list[str]) -> pd.DataFrame:
    table = model.__table__
    return frame(session, select(*(table.c[c] for c in columns)), columns)


@query(EVERYONE)
def names(session: Session, /) -> Names:
    """Every district, vaccine, age band and dose number named in English and Hindi, each kind in its one order
    (stats.names.names_from_frames: bands by age_band.sort_order, vaccines in stats.names.VACCINE_ORDER)."""
    return names_from_frames(
        districts=_table(session, District, ["code", "name_en", "name_hi"]),
        vaccines=_table(session, Vaccine, ["code", "name_en", "name_hi"]),
        bands=_table(session, AgeBand, ["code", "label_en", "label_hi", "min_age", "max_age", "sort_order"]),
        doses=_table(session, DoseNumber, ["number", "label_en", "label_hi"]),
    )
