"""The read side: small DataFrames aggregated in SQL from the rollups; never the fact table whole."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from sqlalchemy import BigInteger, case, cast, func, literal, select, union_all
from sqlmodel import Session

from data.models import (
    PSEUDO_STORES,
    STATE,
    Centre,
    CentreRollup,
    District,
    DistrictTarget,
    DoseRollup,
    ImportBatch,
    MonthDoseRollup,
    PublishedValue,
    ReportingRollup,
    StateDoseRollup,
    StockMovement,
    Vaccine,
)
from stats.doses import month_start

DIMENSIONS = ("district_code", "age_band", "dose_number", "vaccine")
"""What daily_doses can be broken down by."""


def _sum(column):
    """SUM as a BIGINT (PostgreSQL's SUM of BIGINT is NUMERIC, which arrives as Decimal)."""
    return cast(func.sum(column), BigInteger)


def _frame(session: Session, query, columns: list[str]) -> pd.DataFrame:
    # Plain tuples: building a frame from SQLAlchemy Row objects is about five times slower.
    return pd.DataFrame([tuple(row) for row in session.connection().execute(query)], columns=columns)


def data_version(*, session: Session) -> str:
    """Changes whenever an import commits or is undone: the key for every cached result (on every app server)."""
    batch = ImportBatch.__table__
    undone = func.coalesce(func.sum(case((batch.c.status == "undone", 1), else_=0)), 0)
    latest, count, undone = session.connection().execute(select(func.max(batch.c.id), func.count(), undone)).one()
    return f"{latest or 0}.{count}.{undone}"


def date_range(*, session: Session) -> tuple[date | None, date | None]:
    """First and last day with any dose reported."""
    rollup = ReportingRollup.__table__
    first, last = session.connection().execute(select(func.min(rollup.c.date), func.max(rollup.c.date))).one()
    return first, last


def last_import(*, session: Session) -> dict | None:
    """The most recent import still in force (committed, not undone): when, by whom, which file."""
    batch = ImportBatch.__table__
    row = (
        session.connection()
        .execute(
            select(batch.c.id, batch.c.kind, batch.c.file_name, batch.c.imported_by, batch.c.imported_at)
            .where(batch.c.status != "undone")
            .order_by(batch.c.id.desc())
            .limit(1)
        )
        .first()
    )
    return dict(row._mapping) if row else None


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
        return select(*group, _sum(parts.c.doses).label("doses")).group_by(*group).order_by(*group)
    return _grouped(DoseRollup.__table__, by, per_day, start, end, filters)


def _filtered(query, table, filters: dict[str, list | None]):
    for column, values in filters.items():
        if values is not None:
            query = query.where(table.c[column].in_(list(values)))
    return query


def _grouped(table, by: tuple[str, ...], per_day: bool, start, end, filters: dict[str, list | None]):
    group = ([table.c.date] if per_day else []) + [table.c[d] for d in by]
    query = _filtered(select(*group, _sum(table.c.doses).label("doses")), table, filters)
    if start is not None:
        query = query.where(table.c.date >= start)
    if end is not None:
        query = query.where(table.c.date <= end)
    return query.group_by(*group).order_by(*group)


def daily_doses(
    *,
    session: Session,
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
        frame = centres_reporting(session=session, start=start, end=end, by_district=bool(by), districts=districts)
        return frame[["date", *by, "doses"]]
    query = _dose_query(by, True, start, end, filters)
    return _frame(session, query, ["date", *by, "doses"]).astype({"doses": "int64"})


def total_doses(
    *,
    session: Session,
    start: date | None = None,
    end: date | None = None,
    by: tuple[str, ...] = (),
    districts: list[str] | None = None,
) -> pd.DataFrame:
    """Doses summed over the whole period (default: everything up to end), broken down as daily_doses."""
    filters = {"district_code": districts}
    query = _dose_query(by, False, start, end, filters)
    frame = _frame(session, query, [*by, "doses"])
    if frame.empty and not by:
        frame = pd.DataFrame({"doses": [0]})
    return frame.fillna({"doses": 0}).astype({"doses": "int64"})


def centres_reporting(
    *,
    session: Session,
    start: date | None = None,
    end: date | None = None,
    by_district: bool = False,
    districts: list[str] | None = None,
) -> pd.DataFrame:
    """Centres that reported any dose, and their doses, per day (and district)."""
    rollup = ReportingRollup.__table__
    group = [rollup.c.date, rollup.c.district_code] if by_district else [rollup.c.date]
    query = (
        select(*group, _sum(rollup.c.centres).label("centres"), _sum(rollup.c.doses).label("doses"))
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
    return _frame(session, query, columns).astype({"centres": "int64", "doses": "int64"})


def stock_on_hand(*, session: Session, as_of: date) -> pd.DataFrame:
    """Per store and vaccine at the end of as_of: received, sent out, administered, and on hand."""
    movement = StockMovement.__table__
    received = select(
        movement.c.to_store.label("store"),
        movement.c.vaccine,
        movement.c.quantity.label("received"),
        literal(0).label("sent"),
        literal(0).label("administered"),
    ).where(movement.c.date <= as_of, movement.c.to_store.not_in(PSEUDO_STORES))
    sent = select(
        movement.c.from_store.label("store"),
        movement.c.vaccine,
        literal(0).label("received"),
        movement.c.quantity.label("sent"),
        literal(0).label("administered"),
    ).where(movement.c.date <= as_of, movement.c.from_store.not_in(PSEUDO_STORES))
    given = _dose_query(("district_code", "vaccine"), False, None, as_of, {}).subquery()
    administered = select(
        given.c.district_code.label("store"),
        given.c.vaccine,
        literal(0).label("received"),
        literal(0).label("sent"),
        given.c.doses.label("administered"),
    )
    ledger = union_all(received, sent, administered).subquery()
    query = (
        select(
            ledger.c.store,
            ledger.c.vaccine,
            _sum(ledger.c.received),
            _sum(ledger.c.sent),
            _sum(ledger.c.administered),
        )
        .group_by(ledger.c.store, ledger.c.vaccine)
        .order_by(ledger.c.store, ledger.c.vaccine)
    )
    frame = _frame(session, query, ["store", "vaccine", "received", "sent", "administered"])
    frame = frame.astype({"received": "int64", "sent": "int64", "administered": "int64"})
    frame["on_hand"] = frame["received"] - frame["sent"] - frame["administered"]
    return frame


def districts(*, session: Session) -> pd.DataFrame:
    """Every district with its English and Hindi name, in English alphabetical order."""
    table = District.__table__
    query = select(table.c.code, table.c.name_en, table.c.name_hi, table.c.formed_on, table.c.parent_code)
    return _frame(session, query.order_by(table.c.name_en), ["code", "name_en", "name_hi", "formed_on", "parent_code"])


def district_targets(*, session: Session) -> pd.DataFrame:
    """Target population per district and age band, with the source of the figure."""
    table = DistrictTarget.__table__
    query = select(table.c.district_code, table.c.age_band, table.c.population, table.c.source)
    frame = _frame(
        session, query.order_by(table.c.district_code, table.c.age_band), list(query.selected_columns.keys())
    )
    return frame.astype({"population": "int64"})


def _values(value) -> list | None:
    """A filter argument as a list: None stays None (no filter), one string becomes a list of one."""
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def published_values(
    *,
    session: Session,
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
    for column, values in (("source", _values(source)), ("area", _values(areas)), ("metric", _values(metrics))):
        if values is not None:
            query = query.where(table.c[column].in_(values))
    if start is not None:
        query = query.where(table.c.date >= start)
    if end is not None:
        query = query.where(table.c.date <= end)
    query = query.order_by(table.c.source, table.c.area, table.c.metric, table.c.date)
    return _frame(session, query, ["date", "source", "area", "metric", "value"]).astype({"value": "int64"})


CENTRE_DAYS_LIMIT = 92
"""centre_days reads the fact table: at most this many days (a quarter) per call."""


def centre_days(
    *,
    session: Session,
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
    return _frame(session, query, columns).astype({"doses": "int64"})


def stock_movements(*, session: Session, end: date | None = None) -> pd.DataFrame:
    """The stock ledger up to end (all of it by default), quantities summed over references.

    Columns: date, vaccine, from_store, to_store, quantity (by date, vaccine, from_store, to_store): what
    stats.stock and stats.quality read.
    """
    table = StockMovement.__table__
    group = [table.c.date, table.c.vaccine, table.c.from_store, table.c.to_store]
    query = select(*group, _sum(table.c.quantity).label("quantity")).group_by(*group).order_by(*group)
    if end is not None:
        query = query.where(table.c.date <= end)
    columns = ["date", "vaccine", "from_store", "to_store", "quantity"]
    return _frame(session, query, columns).astype({"quantity": "int64"})


QUALITY_WINDOW_DAYS = 29
"""Days of history the quality rules look back over (a trailing 28-day median needs 29 published figures)."""


def quality_frames(
    *, session: Session, day: date, centre_districts: list[str] | None = None
) -> dict[str, pd.DataFrame]:
    """What the data-quality rules read for one day (see stats.quality.flags_from_frames).

    The range version from the day before: totals up to the day instead of a whole history per day keeps
    this to a few thousand rows at state scale.
    """
    return quality_range_frames(
        session=session, start=day - timedelta(days=1), end=day, centre_districts=centre_districts
    )


def bulletin_frames(*, session: Session, day: date, area: str) -> dict[str, pd.DataFrame]:
    """What the daily note reads for an area (STATE or a district code) up to day."""
    only = None if area == STATE else [area]
    return {
        "doses": daily_doses(session=session, end=day, by=("age_band", "dose_number"), districts=only),
        "centres": centres_reporting(session=session, end=day, districts=only),
        "stock": stock_on_hand(session=session, as_of=day),
    }


def centre_counts(*, session: Session) -> pd.DataFrame:
    """Known centres per district (every centre ever imported): district_code, centres (by district_code)."""
    table = Centre.__table__
    query = (
        select(table.c.district_code, func.count().label("centres"))
        .group_by(table.c.district_code)
        .order_by(table.c.district_code)
    )
    return _frame(session, query, ["district_code", "centres"]).astype({"centres": "int64"})


MISSING_CENTRES_DAYS = 7
"""quality_range_frames judges missing centres on at most the last this many days of a range (fact table)."""


def quality_range_frames(
    *, session: Session, start: date, end: date, centre_districts: list[str] | None = None
) -> dict[str, pd.DataFrame]:
    """What the data-quality rules read for every day from start to end (stats.views.data_quality.flags_over_range).

    As quality_frames, for a range: published series and daily doses (state, districts) from the
    QUALITY_WINDOW_DAYS before start; doses per district, age band and dose summed up to end and dated end
    (coverage at the end of the range); doses per district and vaccine per day from start, with everything
    before start summed and dated the day before (the stock ledger's opening balance); centre_days only for
    the last MISSING_CENTRES_DAYS days of the range and the day before them, of centre_districts only when
    given (a collector sees the centres of their own district only).
    """
    history = start - timedelta(days=QUALITY_WINDOW_DAYS)
    centres_from = max(start, end - timedelta(days=MISSING_CENTRES_DAYS - 1))
    bands = total_doses(session=session, end=end, by=("district_code", "age_band", "dose_number"))
    before = total_doses(session=session, end=start - timedelta(days=1), by=("district_code", "vaccine"))
    during = daily_doses(session=session, start=start, end=end, by=("district_code", "vaccine"))
    before = before.assign(date=start - timedelta(days=1))[during.columns]
    return {
        "series": published_values(session=session, start=history, end=end),
        "state": daily_doses(session=session, start=history, end=end),
        "districts": daily_doses(session=session, start=history, end=end, by=("district_code",)),
        "bands": bands.assign(date=end)[["date", "district_code", "age_band", "dose_number", "doses"]],
        "targets": district_targets(session=session),
        "centre_days": centre_days(
            session=session, start=centres_from - timedelta(days=1), end=end, districts=centre_districts
        ),
        "movements": stock_movements(session=session, end=end),
        "administered": pd.concat([before, during], ignore_index=True) if len(before) else during,
        "districts_names": districts(session=session),
    }


def vaccine_intervals(*, session: Session) -> pd.DataFrame:
    """Every vaccine with its names and dose intervals in days (what stats.dropout reads), by code.

    Columns: code, name_en, name_hi, dose2_min_days, dose2_max_days, precaution_min_days.
    """
    table = Vaccine.__table__
    columns = ["code", "name_en", "name_hi", "dose2_min_days", "dose2_max_days", "precaution_min_days"]
    query = select(*(table.c[c] for c in columns)).order_by(table.c.code)
    days = dict.fromkeys(columns[3:], "int64")
    return _frame(session, query, columns).astype(days)
