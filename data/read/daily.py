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
from data.read.reference import names
from data.read.stock import stock_on_hand
from stats import STATE, sources
from stats.bulletin import Area, BulletinFigures, bulletin_figures, note_inputs, others_on, sourced_figures
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


@query(district("centre_districts"))
def note_figures(
    session: Session,
    /,
    *,
    day: date,
    area: Area,
    centre_districts: list[str] | None = None,
    source: str = sources.BEST,
) -> BulletinFigures | None:
    """The note's figures for the area on the day from the source that stands for it (stats.sources: the
    default order, or the source pinned), with the other sources' figures for the day; None: no source has a
    figure for the area that day. The flags it names are those of the centres the viewer may see."""
    days = state_days.run(session) if area.code == STATE else district_days.run(session)
    days = days[days["area"] == area.code]
    order = sources.pinned_order(source, area.code)
    stand = sources.standing(days, day, order)
    if stand.empty:
        return None
    flags = [flag.to_dict() for flag in day_flags.run(session, day=day, centre_districts=centre_districts)]
    flags = [flag for flag in flags if area.code == STATE or flag["area"] == area.code]
    if stand.iloc[0]["source"] != sources.OWN:
        return sourced_figures(day, area, days, order, flags)
    frames = bulletin_frames.run(session, day=day, area=area.code)
    inputs = note_inputs(day, area, frames, []) | {"flags": flags}
    figures = bulletin_figures(day, **inputs, names=names.run(session))
    figures.others = others_on(sources.on_day(days, day, area.code), sources.OWN)
    return figures


class DayFigures(NamedTuple):
    """The overview's day: its flags, the state's bulletin figures and the changes on the day before."""

    flags: list[Flag]
    figures: BulletinFigures
    changes: DayChanges


@query(district("centre_districts"))
def day_figures(session: Session, /, *, day: date, centre_districts: list[str] | None = None) -> DayFigures:
    """The state's figures of the day for the overview, worked out once per day and data version (the flags
    take most of a second on a year of data)."""
    frames = bulletin_frames.run(session, day=day, area=STATE)
    flags = day_flags.run(session, day=day, centre_districts=centre_districts)
    stock = known_stock(frames["stock"])
    figures = bulletin_figures(
        day,
        STATE_AREA,
        frames["doses"],
        frames["centres"],
        stock,
        [flag.to_dict() for flag in flags],
        names=names.run(session),
    )
    return DayFigures(flags, figures, day_changes(frames["centres"], day))
