"""The district league table: every district's pace, coverage, dropout, stock cover and required rate."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlmodel import Session

from data.access import STAFF
from data.read.doses import daily_doses, total_doses
from data.read.query import query
from data.read.reference import district_targets, districts
from data.read.stock import stock_on_hand
from stats import league


@query(STAFF)
def league_table(
    session: Session,
    /,
    *,
    day: date,
    bands: tuple[str, ...],
    target_percent: float,
    target_date: date,
    target_dose: int,
    lang: str,
) -> pd.DataFrame:
    """stats.league.league_table for the day and the choices made, cached by data version."""
    return league.league_table(
        districts.run(session),
        district_targets.run(session),
        total_doses.run(session, end=day, by=("district_code", "age_band", "dose_number")),
        daily_doses.run(session, start=league.history_start(day), end=day, by=("district_code", "age_band")),
        stock_on_hand.run(session, as_of=day),
        day,
        tuple(bands),
        target_percent,
        target_date,
        target_dose,
        lang,
    )
