"""Keeping the rollups (dose_rollup, reporting_rollup) equal to the fact table for the days a write touched."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import Connection, delete, func, insert, select

from data.models import Centre, DailyDose, DoseRollup, ReportingRollup

CHUNK = 200


def _chunks(values: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def refresh_rollups(conn: Connection, dates: Iterable[date], districts: Iterable[str] | None = None) -> None:
    """Recompute both rollups from daily_dose for these dates (and districts; None means all)."""
    dose, centre = DailyDose.__table__, Centre.__table__
    rollup, reporting = DoseRollup.__table__, ReportingRollup.__table__
    district_list = sorted(set(districts)) if districts is not None else None
    for chunk in _chunks(sorted(set(dates))):
        where_rollup = [rollup.c.date.in_(chunk)]
        where_reporting = [reporting.c.date.in_(chunk)]
        where_fact = [dose.c.date.in_(chunk)]
        if district_list is not None:
            where_rollup.append(rollup.c.district_code.in_(district_list))
            where_reporting.append(reporting.c.district_code.in_(district_list))
            where_fact.append(centre.c.district_code.in_(district_list))
        conn.execute(delete(rollup).where(*where_rollup))
        conn.execute(delete(reporting).where(*where_reporting))
        joined = dose.join(centre, centre.c.id == dose.c.centre_id)
        group = (dose.c.date, centre.c.district_code, dose.c.age_band, dose.c.dose_number, dose.c.vaccine)
        conn.execute(
            insert(rollup).from_select(
                ["date", "district_code", "age_band", "dose_number", "vaccine", "doses"],
                select(*group, func.sum(dose.c.doses)).select_from(joined).where(*where_fact).group_by(*group),
            )
        )
        conn.execute(
            insert(reporting).from_select(
                ["date", "district_code", "centres", "doses"],
                select(
                    dose.c.date,
                    centre.c.district_code,
                    func.count(func.distinct(dose.c.centre_id)),
                    func.sum(dose.c.doses),
                )
                .select_from(joined)
                .where(*where_fact)
                .group_by(dose.c.date, centre.c.district_code),
            )
        )
