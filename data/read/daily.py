"""The figures of a day: the daily note's frames and figures for an area, and the overview's figures of the day."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pandas as pd
from sqlmodel import Session

from data.access import STAFF, district
from data.read.doses import centres_reporting, daily_doses
from data.read.quality import day_flags
from data.read.query import query
from data.read.reference import names
from data.read.stock import stock_on_hand
from stats import STATE
from stats.bulletin import Area, BulletinFigures, bulletin_figures, note_inputs, reports_on
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
    session: Session, /, *, day: date, area: Area, centre_districts: list[str] | None = None
) -> BulletinFigures | None:
    """The note's figures for the area on the day (None: the area reported nothing that day); the flags it
    names are those of the centres the viewer may see."""
    frames = bulletin_frames.run(session, day=day, area=area.code)
    if not reports_on(day, frames):
        return None
    flags = day_flags.run(session, day=day, centre_districts=centre_districts)
    return bulletin_figures(day, **note_inputs(day, area, frames, flags), names=names.run(session))


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
