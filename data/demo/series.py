"""The published daily doses the demo follows, read from data/published/: by day and dose number (1, 2), for
the state and, to 25 April 2021, for each district. data.demo's docstring states the rule; EXCEPTION_DAYS lists
the days it does not take literally.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from data.demo.shares import largest_remainder
from data.master import districts as district_lookup

PUBLISHED_DIR = Path(__file__).resolve().parents[1] / "published"
COWIN_STATE = "cg_state_daily.csv"
COWIN_DISTRICT = "cg_district_daily.csv"
MOHFW_STATE = "cg_state_mohfw_daily.csv"
DOSE_COLUMNS = {1: "First Dose Administered", 2: "Second Dose Administered"}
MOHFW_RECONCILIATION = date(2021, 5, 20)
"""The ministry's cumulative jumps by 7,32,212 on this day: a reconciliation, never a day's doses."""


@dataclass(frozen=True)
class ExceptionDay:
    """A day and dose number whose CoWIN state difference is not taken literally, and why."""

    day: date
    dose: int
    reason: str


EXCEPTION_DAYS = (
    ExceptionDay(date(2021, 3, 9), 1, "correction: cumulative first doses fall by 94,889 (a recount)"),
    ExceptionDay(date(2021, 3, 16), 1, "definition change: first doses jump by 1,89,458 (2,02,576 doses in all)"),
    ExceptionDay(date(2021, 6, 25), 1, "catch-up jump (2,25,235 doses in all), most likely doses recorded late"),
    ExceptionDay(date(2021, 6, 25), 2, "catch-up jump (2,25,235 doses in all), most likely doses recorded late"),
    ExceptionDay(date(2021, 6, 26), 1, "catch-up jump (3,56,249 doses in all), most likely doses recorded late"),
    ExceptionDay(date(2021, 6, 26), 2, "catch-up jump (3,56,249 doses in all), most likely doses recorded late"),
)
"""CoWIN state days and doses taken from the ministry's daily figure instead (else 0); see data.demo."""


@dataclass(frozen=True)
class Followed:
    """Daily doses by dose number the demo follows: the state's (with the source of each day) and the districts'."""

    state: pd.DataFrame  # index: day (Timestamp); columns 1, 2; int64
    source: pd.Series  # index: day; "cowin" or "mohfw"
    districts: dict[int, pd.DataFrame]  # dose -> days × district codes; int64

    @property
    def days(self) -> tuple[date, date]:
        """First and last day with a state figure."""
        return self.state.index[0].date(), self.state.index[-1].date()


def _cumulative(file_name: str) -> pd.DataFrame:
    """A state file's cumulative first and second doses by day (columns 1, 2)."""
    table = pd.read_csv(PUBLISHED_DIR / file_name, usecols=["date", *DOSE_COLUMNS.values()], parse_dates=["date"])
    return table.set_index("date").rename(columns={v: k for k, v in DOSE_COLUMNS.items()}).astype("int64")


def daily_figures(cumulative: pd.DataFrame, first_day: date | None = None) -> pd.DataFrame:
    """Daily figures: today's cumulative − yesterday's, where yesterday is in the table; on `first_day` (the
    campaign's first day) its cumulative; NaN on any other day without the day before."""
    days = cumulative.index
    previous = cumulative.reindex(days - pd.Timedelta(days=1)).set_axis(days)
    daily = cumulative - previous
    if first_day is not None and pd.Timestamp(first_day) in days:
        daily.loc[pd.Timestamp(first_day)] = cumulative.loc[pd.Timestamp(first_day)]
    return daily


def ministry_daily() -> pd.DataFrame:
    """The ministry's daily figures (NaN where it has no figure for the day before, and on its reconciliation)."""
    cumulative = _cumulative(MOHFW_STATE)
    daily = daily_figures(cumulative, cumulative.index[0].date())
    daily.loc[daily.index == pd.Timestamp(MOHFW_RECONCILIATION)] = np.nan
    return daily


def exception_days(cowin: pd.DataFrame) -> list[ExceptionDay]:
    """EXCEPTION_DAYS and any other negative CoWIN state difference (a correction), in day and dose order."""
    listed = {(e.day, e.dose) for e in EXCEPTION_DAYS}
    negative = [
        ExceptionDay(day.date(), dose, "correction: the cumulative falls")
        for dose in DOSE_COLUMNS
        for day in cowin.index[cowin[dose] < 0]
        if (day.date(), dose) not in listed
    ]
    return sorted([*EXCEPTION_DAYS, *negative], key=lambda e: (e.day, e.dose))


def cowin_daily() -> pd.DataFrame:
    """CoWIN's state differences by dose number, as published (the first day: its cumulative)."""
    cumulative = _cumulative(COWIN_STATE)
    return daily_figures(cumulative, cumulative.index[0].date())


def state_daily() -> tuple[pd.DataFrame, pd.Series]:
    """The state's daily doses by dose number to follow, and each day's source: CoWIN's differences (the
    exception days from the ministry, else 0), then the ministry's daily figures after CoWIN's last day."""
    cowin = cowin_daily()
    ministry = ministry_daily()
    for exception in exception_days(cowin):
        day = pd.Timestamp(exception.day)
        figure = ministry[exception.dose].get(day, np.nan)
        cowin.loc[day, exception.dose] = 0 if pd.isna(figure) else figure
    after = ministry[ministry.index > cowin.index[-1]].dropna()
    state = pd.concat([cowin, after]).astype("int64")
    source = pd.Series(["cowin"] * len(cowin) + ["mohfw"] * len(after), index=state.index)
    return state, source


def district_cumulative() -> dict[int, pd.DataFrame]:
    """CoWIN's cumulative doses per district (days × master-list codes), by dose number."""
    table = pd.read_csv(
        PUBLISHED_DIR / COWIN_DISTRICT, usecols=["date", "district", *DOSE_COLUMNS.values()], parse_dates=["date"]
    )
    lookup = district_lookup()
    table["code"] = table["district"].map(lookup.resolve)
    unknown = sorted(set(table.loc[table["code"].isna(), "district"]))
    if unknown:
        raise ValueError(f"districts of {COWIN_DISTRICT} not in the master list: {unknown}")
    return {
        dose: table.pivot(index="date", columns="code", values=column).sort_index(axis=1).astype("int64")
        for dose, column in DOSE_COLUMNS.items()
    }


def district_daily(state: pd.DataFrame) -> dict[int, pd.DataFrame]:
    """Each district's daily doses by dose number: the state's figure of the day split in proportion to the
    districts' own differences, a negative one counted as 0 (largest remainder). Where the differences add up
    to the state's and none is negative this is the district series itself. Days without any positive
    difference while the state has doses are left out (the model splits those)."""
    out = {}
    for dose, cumulative in district_cumulative().items():
        differences = daily_figures(cumulative, cumulative.index[0].date()).clip(lower=0).astype("int64")
        totals = state[dose].reindex(differences.index)
        shares, unplaced = largest_remainder(totals.to_numpy(), differences.to_numpy())
        split = pd.DataFrame(shares, index=differences.index, columns=differences.columns)
        out[dose] = split[unplaced == 0]
    return out


@cache
def followed() -> Followed:
    """The published daily doses the demo follows (read once per process)."""
    state, source = state_daily()
    return Followed(state, source, district_daily(state))


def published_files() -> list[Path]:
    """The published series shipped with the app, in name order."""
    return sorted(PUBLISHED_DIR.glob("*.csv"))


def file_hashes() -> dict[str, str]:
    """sha256 of each published file by name (the demo's description names the figures it follows)."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in published_files()}
