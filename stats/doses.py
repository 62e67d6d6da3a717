"""Doses per day: full daily calendars, cumulative totals, the 7-day average, changes, record day, centres.

Input is a frame as ``data.read.doses.daily_doses`` returns it: ``date`` (``datetime.date``), any breakdown
columns (``district_code``, ``age_band``, ``dose_number``, ``vaccine``, ...) and ``doses``, one row per day
and breakdown with data. A day with no row is a day with zero doses: every function here first lays the
rows on a full daily calendar (``on_calendar``), so a gap counts as zero days, never as a skipped day.

The calendar runs from ``start`` (default: the first date in the frame) to ``end`` (default: the last
date); rows outside it are dropped. The 7-day average is trailing (the day and the 6 before); in the first
6 days of the calendar it is the average over the days available since its start, so a constant series
averages to that constant everywhere. Pass the history from the programme's start (or 6 days before the
first day you show) so that the first days shown average over full weeks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

import pandas as pd

WINDOW = 7
"""Days in the trailing average: the day and the 6 before."""


def calendar_days(first: date, last: date) -> list[date]:
    """Every day from first to last, both included (empty when last is before first)."""
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def within(frame: pd.DataFrame, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """The rows dated from start to end, both included (no bound where None)."""
    keep = pd.Series(True, index=frame.index)
    if start is not None:
        keep &= frame["date"] >= start
    if end is not None:
        keep &= frame["date"] <= end
    return frame[keep]


def merge_on(left: pd.DataFrame, right: pd.DataFrame, by: Sequence[str], how: str = "outer") -> pd.DataFrame:
    """left joined to right on the by columns; with no by columns, the (one-row) frames side by side."""
    return left.merge(right, on=list(by), how=how) if by else left.merge(right, how="cross")


def grouped(frame: pd.DataFrame, by: Sequence[str]):
    """frame grouped by the by columns in their order of appearance; with none, one group of all rows."""
    keys = list(by) or pd.Series(0, index=frame.index)
    return frame.groupby(keys, sort=False)


def grouped_sum(frame: pd.DataFrame, keys: Sequence[str], values: Sequence[str]) -> pd.DataFrame:
    """values summed per keys, keys as columns; an empty frame gives an empty frame of the same column types."""
    keys, values = list(keys), list(values)
    if frame.empty:
        # Built afresh: pandas 3.1 groupby on no rows yields string columns that later merges choke on.
        return pd.DataFrame({c: pd.Series([], dtype=frame[c].dtype) for c in [*keys, *values]})
    return frame.groupby(keys, as_index=False)[values].sum()


def on_calendar(
    frame: pd.DataFrame,
    by: Sequence[str] = (),
    values: Sequence[str] = ("doses",),
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """Values summed per day and by-group, on every day from start (first date) to end (last date), gaps as 0."""
    by, values = list(by), list(values)
    columns = ["date", *by, *values]
    dated = within(frame, start, end)
    first = start if start is not None else (min(frame["date"]) if len(frame) else None)
    last = end if end is not None else (max(frame["date"]) if len(frame) else None)
    if first is None or last is None:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in values else "object") for c in columns})
    grid = pd.DataFrame({"date": pd.Series(calendar_days(first, last), dtype="object")})
    if by:
        groups = frame[by].drop_duplicates().sort_values(by, kind="stable")
        grid = grid.merge(groups, how="cross")
    totals = grouped_sum(dated, ["date", *by], values)
    out = grid.merge(totals, on=["date", *by], how="left")
    out[values] = out[values].fillna(0).astype("int64")
    return out[columns].reset_index(drop=True)


def daily_doses(
    doses: pd.DataFrame, by: Sequence[str] = (), start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Doses per day and by-group on a full calendar (missing days are 0): date, *by, doses."""
    return on_calendar(doses, by, ("doses",), start, end)


def summed(frame: pd.DataFrame, by: Sequence[str] = (), column: str = "doses") -> pd.DataFrame:
    """column summed per by-group, sorted by group: *by, column (one row, 0 if no rows, when by is empty)."""
    if not by:
        return pd.DataFrame({column: [int(frame[column].sum())]}, dtype="int64")
    totals = grouped_sum(frame, by, [column])
    return totals.astype({column: "int64"}).sort_values(list(by), kind="stable").reset_index(drop=True)


def total_doses(doses: pd.DataFrame, by: Sequence[str] = (), end: date | None = None) -> pd.DataFrame:
    """Doses summed over every day up to end, per by-group: *by, doses (one row when by is empty)."""
    return summed(within(doses, end=end), by)


def cumulative_doses(
    doses: pd.DataFrame, by: Sequence[str] = (), start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Daily doses plus cumulative: the running total per by-group since the calendar's first day."""
    daily = daily_doses(doses, by, start, end)
    return daily.assign(cumulative=grouped(daily, by)["doses"].cumsum().astype("int64"))


def rolling_daily_doses(
    doses: pd.DataFrame,
    by: Sequence[str] = (),
    start: date | None = None,
    end: date | None = None,
    window: int = WINDOW,
) -> pd.DataFrame:
    """Daily doses plus average_7d: the mean of the day and the 6 before (gaps 0; fewer in the first 6 days)."""
    daily = daily_doses(doses, by, start, end)
    groups = grouped(daily, by)
    running = groups["doses"].cumsum()
    before_window = grouped(daily.assign(running=running), by)["running"].shift(window, fill_value=0)
    days = (groups.cumcount() + 1).clip(upper=window)
    # Exact integer window sums (running total minus the running total a window earlier), then one division:
    # a constant series averages to exactly that constant.
    return daily.assign(average_7d=(running - before_window) / days)


def average_daily_doses(doses: pd.DataFrame, as_of: date, by: Sequence[str] = (), window: int = WINDOW) -> pd.DataFrame:
    """The 7-day average on as_of per by-group (days up to as_of without data count as 0): *by, average_7d."""
    rolling = rolling_daily_doses(doses, by, end=as_of, window=window)
    latest = rolling[rolling["date"] == as_of][[*by, "average_7d"]].reset_index(drop=True)
    if not by and latest.empty:
        return pd.DataFrame({"average_7d": [0.0]})
    return latest


def relative_change(change: pd.Series, base: pd.Series) -> pd.Series:
    """change ÷ base as a fraction (0.25 = +25%); NaN where the base is 0 or missing."""
    return change / base.where(base != 0)


def dose_changes(
    doses: pd.DataFrame, by: Sequence[str] = (), start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Daily doses plus change (and relative change) against the previous day and the same day a week before."""
    daily = daily_doses(doses, by, start, end)
    groups = grouped(daily, by)["doses"]
    out = daily.copy()
    for suffix, lag in (("1d", 1), ("7d", 7)):
        base = groups.shift(lag)  # NaN before the calendar's first day: no base, no change
        out[f"change_{suffix}"] = daily["doses"] - base
        out[f"relative_change_{suffix}"] = relative_change(out[f"change_{suffix}"], base)
    return out


class RecordDay(NamedTuple):
    """The day with the most doses, and how many."""

    date: date
    doses: int


def record_day(doses: pd.DataFrame, before: date | None = None, inclusive: bool = False) -> RecordDay | None:
    """The day with most doses (rows summed) strictly before `before` (on or before if inclusive); ties: earliest."""
    daily = daily_doses(doses)
    if before is not None:
        daily = daily[daily["date"] <= before] if inclusive else daily[daily["date"] < before]
    if daily.empty:
        return None
    best = daily["doses"].idxmax()  # first occurrence of the maximum: the day the record was set
    return RecordDay(daily.at[best, "date"], int(daily.at[best, "doses"]))


def centres_reporting(
    centres: pd.DataFrame, by: Sequence[str] = (), start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Centres that reported, and their doses, per day and by-group on a full calendar: date, *by, centres, doses."""
    return on_calendar(centres, by, ("centres", "doses"), start, end)


def doses_per_centre(
    centres: pd.DataFrame, by: Sequence[str] = (), start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Centres reporting plus doses_per_centre = doses ÷ centres (NaN on a day with no centre reporting)."""
    daily = centres_reporting(centres, by, start, end)
    return daily.assign(doses_per_centre=daily["doses"] / daily["centres"].where(daily["centres"] > 0))


def month_start(day: date) -> date:
    """The first day of day's calendar month."""
    return day.replace(day=1)


class DayChanges(NamedTuple):
    """The day against the day before and the 7-day average (None: no earlier day in the data)."""

    doses: int
    previous_doses: int | None
    centres: int
    previous_centres: int | None
    average_7d: float


def day_changes(centres: pd.DataFrame, day: date) -> DayChanges:
    """From date, centres, doses per day (as doses.centres_reporting): the day, the day before, the average.

    A day without a row is a day with 0 doses and 0 centres; the day before the first day with data has
    no value (None), nor has any day when the frame is empty.
    """
    if centres.empty:
        return DayChanges(0, None, 0, None, 0.0)
    first = min(min(centres["date"]), day)
    daily = on_calendar(centres, (), ("centres", "doses"), start=first, end=day)
    rolling = rolling_daily_doses(centres[["date", "doses"]], start=first, end=day)
    today, before = daily.iloc[-1], (daily.iloc[-2] if len(daily) > 1 else None)
    return DayChanges(
        doses=int(today["doses"]),
        previous_doses=None if before is None else int(before["doses"]),
        centres=int(today["centres"]),
        previous_centres=None if before is None else int(before["centres"]),
        average_7d=float(rolling["average_7d"].iloc[-1]),
    )
