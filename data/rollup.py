"""Keeping the rollups equal to the fact table for the days a write touched.

dose_rollup and centre_rollup are summed from daily_dose, reporting_rollup from centre_rollup;
state_dose_rollup (no districts) and month_dose_rollup (calendar months) from dose_rollup, so they cost
little to keep. A new day's import, whose rows are the only ones of their days and districts, sums its own rows
instead of reading them back (add_district_rollups).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import pandas as pd
from sqlalchemy import Connection, Date, delete, func, insert, literal, select

from data.bulk import insert_columns
from data.models import (
    Centre,
    CentreRollup,
    DailyDose,
    DoseRollup,
    MonthDoseRollup,
    ReportingRollup,
    StateDoseRollup,
)
from stats.doses import month_start

CHUNK = 200


def _chunks(values: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def refresh_rollups(conn: Connection, dates: Iterable[date], districts: Iterable[str] | None = None) -> None:
    """Recompute every rollup for these dates (and districts; None means all)."""
    dates = sorted(set(dates))
    refresh_district_rollups(conn, dates, districts)
    refresh_derived_rollups(conn, dates, districts)


def refresh_district_rollups(conn: Connection, dates: Iterable[date], districts: Iterable[str] | None = None) -> None:
    """Recompute dose_rollup, centre_rollup and reporting_rollup for these dates (and districts)."""
    dose, centre = DailyDose.__table__, Centre.__table__
    rollup, centres, reporting = DoseRollup.__table__, CentreRollup.__table__, ReportingRollup.__table__
    district_list = sorted(set(districts)) if districts is not None else None
    for chunk in _chunks(sorted(set(dates))):
        where_fact = [dose.c.date.in_(chunk)]
        if district_list is not None:
            where_fact.append(dose.c.centre_id.in_(_centres_of(district_list)))
        _delete_district_rollups(conn, chunk, district_list)
        joined = dose.join(centre, centre.c.id == dose.c.centre_id)
        group = (dose.c.date, centre.c.district_code, dose.c.age_band, dose.c.dose_number, dose.c.vaccine)
        conn.execute(
            insert(rollup).from_select(
                ["date", "district_code", "age_band", "dose_number", "vaccine", "doses"],
                select(*group, func.sum(dose.c.doses)).select_from(joined).where(*where_fact).group_by(*group),
            )
        )
        conn.execute(
            insert(centres).from_select(
                ["date", "centre_id", "doses"],
                select(dose.c.date, dose.c.centre_id, func.sum(dose.c.doses))
                .where(*where_fact)
                .group_by(dose.c.date, dose.c.centre_id),
            )
        )
        # A centre that reported only zeros still reported: it has a centre_rollup row.
        by_centre = centres.join(centre, centre.c.id == centres.c.centre_id)
        where_reported = [centres.c.date.in_(chunk)]
        if district_list is not None:
            where_reported.append(centre.c.district_code.in_(district_list))
        conn.execute(
            insert(reporting).from_select(
                ["date", "district_code", "centres", "doses"],
                select(centres.c.date, centre.c.district_code, func.count(), func.sum(centres.c.doses))
                .select_from(by_centre)
                .where(*where_reported)
                .group_by(centres.c.date, centre.c.district_code),
            )
        )


def _centres_of(districts: list[str]):
    centre = Centre.__table__
    return select(centre.c.id).where(centre.c.district_code.in_(districts))


def _delete_district_rollups(conn: Connection, days: Sequence[date], districts: list[str] | None) -> None:
    """Delete the dose_rollup, centre_rollup and reporting_rollup rows of these days (and districts)."""
    rollup, centres, reporting = DoseRollup.__table__, CentreRollup.__table__, ReportingRollup.__table__
    where_rollup = [rollup.c.date.in_(days)]
    where_centres = [centres.c.date.in_(days)]
    where_reporting = [reporting.c.date.in_(days)]
    if districts is not None:
        where_rollup.append(rollup.c.district_code.in_(districts))
        where_centres.append(centres.c.centre_id.in_(_centres_of(districts)))
        where_reporting.append(reporting.c.district_code.in_(districts))
    conn.execute(delete(rollup).where(*where_rollup))
    conn.execute(delete(centres).where(*where_centres))
    conn.execute(delete(reporting).where(*where_reporting))


def add_district_rollups(conn: Connection, rows: pd.DataFrame) -> None:
    """dose_rollup, centre_rollup and reporting_rollup of days and districts whose only fact rows are `rows` (date,
    district_code, centre_id, age_band, dose_number, vaccine, doses; a new day's import): summed from them, as
    refresh_district_rollups sums the fact table. A state day's 41,600 rows: SQLite's GROUP BY sorts them
    (~70 ms), a hash grouping here takes ~15 ms."""
    days, districts = sorted(rows["date"].unique()), sorted(rows["district_code"].unique())
    for chunk in _chunks(days):
        _delete_district_rollups(conn, chunk, districts)
    cells = ["date", "district_code", "age_band", "dose_number", "vaccine"]
    doses = rows.groupby(cells, sort=False)["doses"].sum().reset_index()
    by_centre = rows.groupby(["date", "centre_id", "district_code"], sort=False)["doses"].sum().reset_index()
    reporting = (
        by_centre.groupby(["date", "district_code"], sort=False)["doses"].agg(centres="size", doses="sum").reset_index()
    )
    for table, frame, columns in (
        (DoseRollup.__table__, doses, [*cells, "doses"]),
        (CentreRollup.__table__, by_centre, ["date", "centre_id", "doses"]),
        (ReportingRollup.__table__, reporting, ["date", "district_code", "centres", "doses"]),
    ):
        insert_columns(conn, table, {column: frame[column].tolist() for column in columns})


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def refresh_derived_rollups(conn: Connection, dates: Iterable[date], districts: Iterable[str] | None = None) -> None:
    """Recompute state_dose_rollup for these dates and month_dose_rollup for their months (and districts)."""
    rollup, state, months = DoseRollup.__table__, StateDoseRollup.__table__, MonthDoseRollup.__table__
    dates = sorted(set(dates))
    district_list = sorted(set(districts)) if districts is not None else None
    cells = (rollup.c.age_band, rollup.c.dose_number, rollup.c.vaccine)
    for chunk in _chunks(dates):
        conn.execute(delete(state).where(state.c.date.in_(chunk)))
        conn.execute(
            insert(state).from_select(
                ["date", "age_band", "dose_number", "vaccine", "doses"],
                select(rollup.c.date, *cells, func.sum(rollup.c.doses))
                .where(rollup.c.date.in_(chunk))
                .group_by(rollup.c.date, *cells),
            )
        )
    for month in sorted({month_start(day) for day in dates}):
        where_months = [months.c.month == month]
        where_rollup = [rollup.c.date >= month, rollup.c.date < _next_month(month)]
        if district_list is not None:
            where_months.append(months.c.district_code.in_(district_list))
            where_rollup.append(rollup.c.district_code.in_(district_list))
        conn.execute(delete(months).where(*where_months))
        conn.execute(
            insert(months).from_select(
                ["month", "district_code", "age_band", "dose_number", "vaccine", "doses"],
                select(literal(month, Date), rollup.c.district_code, *cells, func.sum(rollup.c.doses))
                .where(*where_rollup)
                .group_by(rollup.c.district_code, *cells),
            )
        )


def ensure_derived_rollups(conn: Connection) -> bool:
    """Fill the rollups a database made before they existed lacks (once; True when it did)."""
    rollup, state, centres = DoseRollup.__table__, StateDoseRollup.__table__, CentreRollup.__table__
    if conn.execute(select(rollup.c.date).limit(1)).first() is None:
        return False
    filled = False
    if conn.execute(select(centres.c.date).limit(1)).first() is None:
        refresh_district_rollups(conn, [row[0] for row in conn.execute(select(rollup.c.date).distinct())])
        filled = True
    if conn.execute(select(state.c.date).limit(1)).first() is None:
        refresh_derived_rollups(conn, [row[0] for row in conn.execute(select(rollup.c.date).distinct())])
        filled = True
    return filled
