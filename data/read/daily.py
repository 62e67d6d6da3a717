"""The figures of a day: the daily note's frames and figures for an area, and the overview's figures of the day."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pandas as pd
from sqlmodel import Session

from data.access import STAFF, district
from data.read.doses import centres_reporting, daily_doses
from data.read.figures import district_days, state_days
from data.read.quality import day_flags
from data.read.query import query
from data.read.reference import districts as reference_districts
from data.read.reference import names
from data.read.stock import stock_on_hand
from stats import STATE, sources
from stats.bulletin import (
    Area,
    BulletinFigures,
    area_for,
    bulletin_figures,
    note_inputs,
    others_on,
    sourced_figures,
)
from stats.doses import DayChanges, day_changes
from stats.labels import t
from stats.quality import Flag
from stats.stock import known_stock

STATE_AREA = Area(STATE, t("common.state_name", "en"), t("common.state_name", "hi"))


@query(STAFF)
def bulletin_frames(session: Session, /, *, day: date, area: str) -> dict[str, pd.DataFrame]:
    """What the daily note reads for an area (STATE or a district code) up to day."""
    only = None if area == STATE else [area]
    return {
        "doses": daily_doses.run(session, end=day, by=("age_band", "dose_number"), districts=only),
        "centres": centres_reporting.run(session, end=day, districts=only),
        "stock": stock_on_hand.run(session, as_of=day),
    }


@query(STAFF)
def note_figures(session: Session, /, *, day: date, area: Area, source: str = sources.BEST) -> BulletinFigures | None:
    """The note's figures for the area on the day from the source that stands for it (stats.sources: the
    default order, or the source pinned), with the other sources' figures for the day; None: no source has a
    figure for the area that day. The same for every viewer: the note carries no data checks."""
    days = state_days.run(session) if area.code == STATE else district_days.run(session)
    days = days[days["area"] == area.code]
    order = sources.pinned_order(source, area.code)
    stand = sources.standing(days, day, order)
    if stand.empty:
        return None
    if stand.iloc[0]["source"] != sources.OWN:
        return sourced_figures(day, area, days, order)
    frames = bulletin_frames.run(session, day=day, area=area.code)
    figures = bulletin_figures(day, **note_inputs(area, frames), names=names.run(session))
    figures.others = others_on(sources.on_day(days, day, area.code), sources.OWN)
    return figures


class DayFigures(NamedTuple):
    """The overview's day for its area (the state, or a collector's district): its flags, its bulletin figures and
    the changes on the day before; beside a district's, the state's figures and changes (None for the state)."""

    flags: list[Flag]
    figures: BulletinFigures
    changes: DayChanges
    state: BulletinFigures | None = None
    state_changes: DayChanges | None = None


@query(district("districts"))
def day_figures(session: Session, /, *, day: date, districts: list[str] | None = None) -> DayFigures:
    """The figures of the day for the overview, worked out once per day and data version (the flags take most of a
    second on a year of data): the state's (districts None: the officer's) or one district's with the state's
    beside it (a collector's: the scope narrows districts to their own). Flags: the area's, of the centres the
    viewer may see."""
    if districts is not None and len(districts) != 1:
        raise ValueError("the overview is for the state or for one district")
    flags = day_flags.run(session, day=day, centre_districts=districts)
    if districts is None:
        return DayFigures(flags, *_area_day(session, day, STATE_AREA))
    area = area_for(districts[0], reference_districts.run(session))
    flags = [flag for flag in flags if flag.area == area.code]
    return DayFigures(flags, *_area_day(session, day, area), *_area_day(session, day, STATE_AREA))


def _area_day(session: Session, day: date, area: Area) -> tuple[BulletinFigures, DayChanges]:
    """An area's bulletin figures of the day (stock: known balances only) and its changes on the day before."""
    frames = bulletin_frames.run(session, day=day, area=area.code)
    stock = known_stock(frames["stock"])
    figures = bulletin_figures(day, area, frames["doses"], frames["centres"], stock, names=names.run(session))
    return figures, day_changes(frames["centres"], day)
