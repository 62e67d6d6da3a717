"""Doses: the days with data, doses per day or in total by any breakdown, centres reporting, centre days."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import func, select, union_all
from sqlmodel import Session

from data.access import EVERYONE, STAFF, district
from data.models import Centre, CentreRollup, DoseRollup, MonthDoseRollup, ReportingRollup, StateDoseRollup
from data.read.query import query
from data.read.sql import bigint_sum, frame
from stats.doses import month_start

DIMENSIONS = ("district_code", "age_band", "dose_number", "vaccine")
"""What daily_doses can be broken down by."""

CENTRE_DAYS_LIMIT = 92
"""centre_days reads centres one by one: at most this many days (a quarter) per call."""


@query(EVERYONE)
def date_range(session: Session, /) -> tuple[date | None, date | None]:
    """First and last day with any dose reported."""
    rollup = ReportingRollup.__table__
    first, last = session.connection().execute(select(func.min(rollup.c.date), func.max(rollup.c.date))).one()
    return first, last


def _dose_query(by: tuple[str, ...], per_day: bool, start, end, filters: dict[str, list | None]):
    """Doses grouped by `by` (and date when per_day), from the smallest rollup that holds the answer."""
    unknown = set(by) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"cannot break doses down by {sorted(unknown)}; choose from {DIMENSIONS}")
    if "district_code" not in by and filters.get("district_code") is None:
        return _grouped(StateDoseRollup.__table__, by, per_day, start, end, filters)
    if not per_day and start is None and end is not None:
        # Totals up to a date: whole months from month_dose_rollup, the last month's days from dose_rollup.
        month, rollup = MonthDoseRollup.__table__, DoseRollup.__table__
        first = month_start(end)
        parts = union_all(
            _filtered(select(*(month.c[d] for d in by), month.c.doses), month, filters).where(month.c.month < first),
            _filtered(select(*(rollup.c[d] for d in by), rollup.c.doses), rollup, filters).where(
                rollup.c.date >= first, rollup.c.date <= end
            ),
        ).subquery()
        group = [parts.c[d] for d in by]
        return select(*group, bigint_sum(parts.c.doses).label("doses")).group_by(*group).order_by(*group)
    return _grouped(DoseRollup.__table__, by, per_day, start, end, filters)


def doses_by(by: tuple[str, ...], start: date | None, end: date | None, districts: list[str] | None = None):
    """The SQL of total doses from start to end (everything up to end by default) by `by`: for other queries
    that build on it (stock on hand)."""
    return _dose_query(by, False, start, end, {"district_code": districts})


def _filtered(query, table, filters: dict[str, list | None]):
    for column, values in filters.items():
        if values is not None:
            query = query.where(table.c[column].in_(list(values)))
    return query


def _grouped(table, by: tuple[str, ...], per_day: bool, start, end, filters: dict[str, list | None]):
    group = ([table.c.date] if per_day else []) + [table.c[d] for d in by]
    query = _filtered(select(*group, bigint_sum(table.c.doses).label("doses")), table, filters)
    if start is not None:
        query = query.where(table.c.date >= start)
    if end is not None:
        query = query.where(table.c.date <= end)
    return query.group_by(*group).order_by(*group)


@query(EVERYONE)
def daily_doses(
    session: Session,
    /,
    *,
    start: date | None = None,
    end: date | None = None,
    by: tuple[str, ...] = (),
    districts: list[str] | None = None,
    age_bands: list[str] | None = None,
    dose_numbers: list[int] | None = None,
    vaccines: list[str] | None = None,
) -> pd.DataFrame:
    """Doses per day, broken down by any of district_code, age_band, dose_number, vaccine."""
    filters = {"district_code": districts, "age_band": age_bands, "dose_number": dose_numbers, "vaccine": vaccines}
    if set(by) <= {"district_code"} and age_bands is dose_numbers is vaccines is None:
        # Totals per day (and district) are in the smaller reporting rollup: ~10x fewer rows to sum.
        reporting = centres_reporting.run(session, start=start, end=end, by_district=bool(by), districts=districts)
        return reporting[["date", *by, "doses"]]
    query = _dose_query(tuple(by), True, start, end, filters)
    return frame(session, query, ["date", *by, "doses"]).astype({"doses": "int64"})


@query(EVERYONE)
def total_doses(
    session: Session,
    /,
    *,
    start: date | None = None,
    end: date | None = None,
    by: tuple[str, ...] = (),
    districts: list[str] | None = None,
) -> pd.DataFrame:
    """Doses summed over the whole period (default: everything up to end), broken down as daily_doses."""
    totals = frame(session, doses_by(tuple(by), start, end, districts), [*by, "doses"])
    if totals.empty and not by:
        totals = pd.DataFrame({"doses": [0]})
    return totals.fillna({"doses": 0}).astype({"doses": "int64"})


@query(STAFF)
def centres_reporting(
    session: Session,
    /,
    *,
    start: date | None = None,
    end: date | None = None,
    by_district: bool = False,
    districts: list[str] | None = None,
) -> pd.DataFrame:
    """Centres that reported any dose, and their doses, per day (and district)."""
    rollup = ReportingRollup.__table__
    group = [rollup.c.date, rollup.c.district_code] if by_district else [rollup.c.date]
    query = (
        select(*group, bigint_sum(rollup.c.centres).label("centres"), bigint_sum(rollup.c.doses).label("doses"))
        .group_by(*group)
        .order_by(*group)
    )
    if districts is not None:
        query = query.where(rollup.c.district_code.in_(list(districts)))
    if start is not None:
        query = query.where(rollup.c.date >= start)
    if end is not None:
        query = query.where(rollup.c.date <= end)
    columns = ["date", "district_code", "centres", "doses"] if by_district else ["date", "centres", "doses"]
    return frame(session, query, columns).astype({"centres": "int64", "doses": "int64"})


@query(district("districts"))
def centre_days(
    session: Session,
    /,
    *,
    start: date,
    end: date,
    districts: list[str] | None = None,
) -> pd.DataFrame:
    """Doses per centre and day: date, centre_code, centre_name, district_code, doses (by date, district, centre).

    Read from centre_rollup (one row per centre and day that reported) joined to centre: "which centres
    reported" needs centres, which the district rollups do not keep. Meant for a few days (the missing-
    centres flag needs the day and the day before); a range longer than CENTRE_DAYS_LIMIT days is refused.
    """
    if (end - start).days + 1 > CENTRE_DAYS_LIMIT:
        raise ValueError(f"centre_days reads centres one by one: ask for at most {CENTRE_DAYS_LIMIT} days")
    rollup, centre = CentreRollup.__table__, Centre.__table__
    query = (
        select(rollup.c.date, centre.c.code, centre.c.name, centre.c.district_code, rollup.c.doses)
        .select_from(rollup.join(centre, centre.c.id == rollup.c.centre_id))
        .where(rollup.c.date >= start, rollup.c.date <= end)
        .order_by(rollup.c.date, centre.c.district_code, centre.c.code)
    )
    if districts is not None:
        query = query.where(centre.c.district_code.in_(list(districts)))
    columns = ["date", "centre_code", "centre_name", "district_code", "doses"]
    return frame(session, query, columns).astype({"doses": "int64"})


@query(STAFF)
def centre_counts(session: Session, /) -> pd.DataFrame:
    """Known centres per district (every centre ever imported): district_code, centres (by district_code)."""
    table = Centre.__table__
    query = (
        select(table.c.district_code, func.count().label("centres"))
        .group_by(table.c.district_code)
        .order_by(table.c.district_code)
    )
    return frame(session, query, ["district_code", "centres"]).astype({"centres": "int64"})
