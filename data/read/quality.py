"""What the data-quality rules read, and their flags for one day or a range of days."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

import pandas as pd
from sqlalchemy import case, func, select
from sqlmodel import Session

from data.access import district
from data.models import Centre, CentreRollup
from data.read.doses import daily_doses, total_doses
from data.read.published import published_values
from data.read.query import query
from data.read.reference import district_targets, districts, vaccine_intervals
from data.read.sql import frame
from data.read.stock import stock_movements
from stats import STATE
from stats.doses import calendar_days
from stats.quality import (
    MIN_SAME_WEEKDAYS,
    Flag,
    area_names,
    flags_from_frames,
    flags_over_range,
    rest_day,
    same_weekdays,
)

QUALITY_WINDOW_DAYS = 29
"""Days of history the quality rules look back over (a trailing 28-day median needs 29 published figures)."""
MISSING_CENTRES_DAYS = 7
"""quality_range_frames judges missing centres on at most the last this many days of a range."""
CENTRE_REPORTS_LIMIT = 31
"""centre_reports runs one grouped query per day: at most this many days per call."""
CENTRE_REPORTS = ["date", "centre_code", "centre_name", "district_code", "reported", "weekdays_reported"]


@query(district("districts"))
def centre_reports(session: Session, /, *, start: date, end: date, districts: list[str] | None = None) -> pd.DataFrame:
    """For each day from start to end that is not a rest day, the centres silent that day that reported on at
    least MIN_SAME_WEEKDAYS of its same weekdays (stats.quality.same_weekdays): the only centres the
    missing-centres rule can flag, counted in the database from centre_rollup (never centre by centre).

    Columns: date, centre_code, centre_name, district_code, reported (0), weekdays_reported (by date,
    district, centre); of districts only when given (a collector's own).
    """
    if (end - start).days + 1 > CENTRE_REPORTS_LIMIT:
        raise ValueError(f"centre_reports counts day by day: ask for at most {CENTRE_REPORTS_LIMIT} days")
    rollup, centre = CentreRollup.__table__, Centre.__table__
    parts = []
    for day in (d for d in calendar_days(start, end) if not rest_day(d)):
        reported = func.sum(case((rollup.c.date == day, 1), else_=0))
        earlier = func.sum(case((rollup.c.date != day, 1), else_=0))
        query = (
            select(centre.c.code, centre.c.name, centre.c.district_code, reported, earlier)
            .select_from(rollup.join(centre, centre.c.id == rollup.c.centre_id))
            .where(rollup.c.date.in_([day, *same_weekdays(day)]))
            .group_by(centre.c.code, centre.c.name, centre.c.district_code)
            .having(reported == 0, earlier >= MIN_SAME_WEEKDAYS)
            .order_by(centre.c.district_code, centre.c.code)
        )
        if districts is not None:
            query = query.where(centre.c.district_code.in_(list(districts)))
        parts.append(frame(session, query, CENTRE_REPORTS[1:]).assign(date=day))
    found = [p for p in parts if len(p)]
    reports = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=CENTRE_REPORTS)
    return reports[CENTRE_REPORTS].astype({"reported": "int64", "weekdays_reported": "int64"})


@query(district("centre_districts"))
def quality_frames(
    session: Session, /, *, day: date, centre_districts: list[str] | None = None
) -> dict[str, pd.DataFrame]:
    """What the data-quality rules read for one day (see stats.quality.flags_from_frames).

    The range version from the day before: totals up to the day instead of a whole history per day keeps
    this to a few thousand rows at state scale.
    """
    return quality_range_frames.run(session, start=day - timedelta(days=1), end=day, centre_districts=centre_districts)


@query(district("centre_districts"))
def quality_range_frames(
    session: Session, /, *, start: date, end: date, centre_districts: list[str] | None = None
) -> dict[str, pd.DataFrame]:
    """What the data-quality rules read for every day from start to end (stats.views.data_quality.flags_over_range).

    As quality_frames, for a range: published series and daily doses (state, districts) from the
    QUALITY_WINDOW_DAYS before start; doses per district, age band and dose summed up to end and dated end
    (coverage at the end of the range); doses per district and vaccine per day from start, with everything
    before start summed and dated the day before (the stock ledger's opening balance); centre_reports for
    the last MISSING_CENTRES_DAYS days of the range, of centre_districts only when given (a collector sees the
    centres of their own district only).
    """
    history = start - timedelta(days=QUALITY_WINDOW_DAYS)
    centres_from = max(start, end - timedelta(days=MISSING_CENTRES_DAYS - 1))
    bands = total_doses.run(session, end=end, by=("district_code", "age_band", "dose_number"))
    before = total_doses.run(session, end=start - timedelta(days=1), by=("district_code", "vaccine"))
    during = daily_doses.run(session, start=start, end=end, by=("district_code", "vaccine"))
    before = before.assign(date=start - timedelta(days=1))[during.columns]
    return {
        "series": published_values.run(session, start=history, end=end),
        "state": daily_doses.run(session, start=history, end=end),
        "districts": daily_doses.run(session, start=history, end=end, by=("district_code",)),
        "bands": bands.assign(date=end)[["date", "district_code", "age_band", "dose_number", "doses"]],
        "targets": district_targets.run(session),
        "centre_reports": centre_reports.run(session, start=centres_from, end=end, districts=centre_districts),
        "movements": stock_movements.run(session, end=end),
        "administered": pd.concat([before, during], ignore_index=True) if len(before) else during,
        "districts_names": districts.run(session),
        "vaccines": vaccine_intervals.run(session),
    }


@query(district("centre_districts"))
def day_flags(session: Session, /, *, day: date, centre_districts: list[str] | None = None) -> list[Flag]:
    """Every data-quality flag of the day, state-wide (centres: of centre_districts only, when given)."""
    return flags_from_frames(day, STATE, quality_frames.run(session, day=day, centre_districts=centre_districts))


class RangeChecks(NamedTuple):
    """The quality frames of a range and every flag over it (what the data-quality page shows)."""

    frames: dict[str, pd.DataFrame]
    flags: list[Flag]


@query(district("centre_districts"))
def range_checks(
    session: Session, /, *, start: date, end: date, centre_districts: list[str] | None = None
) -> RangeChecks:
    """quality_range_frames and the flags of every day from start to end, worked out once per data version (a
    year of days takes a good part of a second)."""
    frames = quality_range_frames.run(session, start=start, end=end, centre_districts=centre_districts)
    flags = flags_over_range(start, end, frames, names=area_names(frames["districts_names"]))
    return RangeChecks(frames, flags)
