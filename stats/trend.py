"""The state's (or any area's) doses day by day over a range of dates, with the 7-day average: the trend that the
overview and the public summary both chart, the range they open on, and the table beside the chart."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from stats.doses import WINDOW, rolling_daily_doses, within
from stats.formatting import indian_number, long_date, whole
from stats.labels import t

RANGE_DAYS = 90
"""The charts start as the 90 days up to the chosen date."""


def default_range(as_of: date, first: date, days: int = RANGE_DAYS) -> tuple[date, date]:
    """The days up to as_of (days of them), starting no earlier than the first day with data."""
    return max(first, as_of - timedelta(days=days - 1)), as_of


def history_start(start: date, window: int = WINDOW) -> date:
    """The first day to fetch so that the 7-day average on start averages over a full week."""
    return start - timedelta(days=window - 1)


def daily_series(doses: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """date, doses, average_7d from start to end (days without reports as 0).

    doses: date, doses from the first day with data (or from history_start(start) at least). The average's
    calendar starts at the later of history_start(start) and the first day in doses, so the first days shown
    average over full weeks, and the programme's first days over the days since it began (as stats.doses).
    """
    first = max(history_start(start), min(doses["date"])) if len(doses) else start
    rolling = rolling_daily_doses(doses[["date", "doses"]], start=min(first, start), end=end)
    return within(rolling, start, end).reset_index(drop=True)


def has_doses(frame: pd.DataFrame) -> bool:
    """True when the frame holds any dose (a chart with nothing to show is replaced by a message)."""
    return bool(len(frame)) and int(frame["doses"].sum()) > 0


def daily_table(daily: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Date, doses, 7-day average: long dates and Indian-grouped numbers, headers in the language."""
    return pd.DataFrame(
        {
            t("common.date", lang): _dates(daily, lang),
            t("common.doses", lang): [indian_number(n, lang) for n in daily["doses"]],
            t("overview.average_7d", lang): [whole(x, lang) for x in daily["average_7d"]],
        },
        dtype="object",
    )


def _dates(frame: pd.DataFrame, lang: str) -> list[str]:
    return [long_date(d, lang) for d in frame["date"]]
