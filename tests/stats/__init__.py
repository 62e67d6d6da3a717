"""Tests for stats/: hand-worked tables and properties. Helpers to write small frames by day number.

Day numbers keep the tables readable: day 1 is 1 June 2021, day 2 the day after, and so on.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from pathlib import Path

import pandas as pd

from stats.names import Names, names_from_frames

DAY0 = dt.date(2021, 6, 1)
NaN = math.nan
MASTER = Path(__file__).resolve().parents[2] / "data" / "master"


@cache
def master_names() -> Names:
    """The Names data.read.reference.names builds, read straight from the CSV files of data/master/."""

    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(MASTER / name, dtype={"code": str}, keep_default_na=False, na_values={"max_age": [""]})

    return names_from_frames(
        districts=read("districts.csv"),
        vaccines=read("vaccines.csv"),
        bands=read("age_bands.csv"),
        doses=read("dose_numbers.csv"),
    )


def day(n: int) -> dt.date:
    """The date of day n (day 1 = 1 June 2021)."""
    return DAY0 + dt.timedelta(days=n - 1)


def day_number(d: dt.date) -> int:
    """The day number of a date (inverse of day)."""
    return (d - DAY0).days + 1


def frame(columns: str, rows: list[tuple]) -> pd.DataFrame:
    """A frame from space-separated column names and row tuples; a `date` column is given as day numbers."""
    names = columns.split()
    out = pd.DataFrame(rows, columns=names)
    if "date" in names:
        out["date"] = pd.Series([day(n) for n in out["date"]], index=out.index, dtype="object")
    if "doses" in names:
        out["doses"] = out["doses"].astype("int64")
    return out


def doses_frame(rows: list[tuple], breakdown: str = "") -> pd.DataFrame:
    """A daily_doses frame: rows of (day, *breakdown values, doses)."""
    return frame(f"date {breakdown} doses", rows)


def column(out: pd.DataFrame, name: str) -> list:
    """A column as a plain list (dates as day numbers)."""
    values = list(out[name])
    return [day_number(v) for v in values] if name == "date" else values
