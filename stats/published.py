"""Published cumulative series (CoWIN, health ministry): daily values derived from them, and the state's own
daily doses compared against them.

A published series comes as ``data.read.published.published_values`` returns it: ``date`` (``datetime.date``),
``source`` (optional: 'cowin', 'mohfw'), ``area`` ('STATE' or a district code), ``metric`` (the source's
column name, e.g. 'Total Doses Administered') and ``value``, the cumulative figure as published.

A daily value is the difference between two consecutive published figures of one source, area and metric.
Published dates have gaps (the health ministry has no figure for 2021-01-17 or 2021-08-28), so the
difference after a gap covers more than one day. Every derived row carries ``days``, the days since the
previous published date, so that a 2-day rise is never read as one day's doses. The first published date
of a series has no previous figure: its ``value`` is the cumulative figure itself and its ``days`` is NaN
(it covers everything up to that date, not one day). Derived values can be negative (a recount lowers a
cumulative count); they are kept as they are, since finding them is the point (see ``stats.quality``).

Some published metrics are not cumulative: CoWIN's state ``Sites`` and ``Sessions`` are counts for the day
from 2021-03-09 (cumulative before). ``published_daily`` keeps those as published.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from stats import STATE
from stats.doses import on_calendar, relative_change

TOTAL = "Total Doses Administered"
FIRST = "First Dose Administered"
SECOND = "Second Dose Administered"
DOSE_METRICS = (TOTAL, FIRST, SECOND)
"""Cumulative dose counts: a daily value is the difference of consecutive figures and must not be negative."""
SITE_METRICS = ("Sites", "Sessions")
"""CoWIN state counts published for the day (from 2021-03-09): read as published, never differenced."""
IMPLAUSIBLE: dict[tuple[str, str], str] = {
    ("cowin", "Sessions"): "CoWIN's session counts per day (from 2021-03-09) are not believable (1,149,374 on 22/06)",
    ("cowin", "Sites"): "CoWIN's site counts per day (from 2021-03-09) come with its implausible session counts",
}
"""Published fields known to be implausible, (source, metric) → why: never quoted as a typical figure
(data/published/README.md). Both read 0 on 2021-07-28."""
OWN = "doses"
"""The metric name of the state's own daily doses in a daily frame (``own_daily``)."""

SERIES_KEYS = ("source", "area", "metric")
DAILY_COLUMNS = ("date", "cumulative", "value", "days")


def series_keys(frame: pd.DataFrame) -> list[str]:
    """The columns of source, area and metric that the frame has: what identifies one series in it."""
    return [c for c in SERIES_KEYS if c in frame.columns]


def _empty_daily(keys: Sequence[str]) -> pd.DataFrame:
    columns = {"date": "object", **dict.fromkeys(keys, "object")}
    columns |= {"cumulative": "Int64", "value": "int64", "days": "float64"}
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


def _day_gaps(dates: pd.Series, previous: pd.Series) -> pd.Series:
    """Days from each previous date to its date (NaN where there is no previous date)."""
    gap = pd.to_datetime(dates) - pd.to_datetime(previous)
    return gap.dt.days.astype("float64")


def daily_from_cumulative(series: pd.DataFrame) -> pd.DataFrame:
    """Daily differences of a cumulative series per source, area and metric.

    Columns: date, [source], area, metric, cumulative (the published figure), value (cumulative minus the
    previous published figure; on a series' first date, the figure itself), days (days since the previous
    published date: 1 normally, 2 after a missing date, NaN on the first date). Sorted by series, then date.
    """
    keys = series_keys(series)
    if series.empty:
        return _empty_daily(keys)
    rows = series[["date", *keys, "value"]].sort_values([*keys, "date"], kind="stable").reset_index(drop=True)
    rows["value"] = rows["value"].astype("Int64")  # exact integers through the shift (float64 would round)
    if rows.duplicated([*keys, "date"]).any():
        raise ValueError("a series has two figures for one date; a published series has one per date")
    groups = rows.groupby(keys, sort=False) if keys else rows.groupby(pd.Series(0, index=rows.index))
    previous = groups["value"].shift(1)
    return pd.DataFrame(
        {
            "date": rows["date"],
            **{k: rows[k] for k in keys},
            "cumulative": rows["value"],
            "value": (rows["value"] - previous.fillna(0)).astype("int64"),
            "days": _day_gaps(rows["date"], groups["date"].shift(1)),
        }
    )


def published_daily(
    series: pd.DataFrame,
    cumulative: Sequence[str] = DOSE_METRICS,
    as_published: Sequence[str] = SITE_METRICS,
) -> pd.DataFrame:
    """The daily frame the quality rules read: cumulative metrics differenced, day counts kept as published.

    Columns as ``daily_from_cumulative``; rows of the as_published metrics have days 1 and cumulative <NA>.
    Metrics in neither list are left out.
    """
    derived = daily_from_cumulative(series[series["metric"].isin(list(cumulative))])
    counts = series[series["metric"].isin(list(as_published))]
    counts = counts[["date", *series_keys(series), "value"]].assign(cumulative=pd.NA, days=1.0)
    parts = [p for p in (derived, counts[derived.columns]) if not p.empty]
    if not parts:
        return derived
    out = pd.concat(parts, ignore_index=True).astype({"value": "int64", "days": "float64", "cumulative": "Int64"})
    return out.sort_values([*series_keys(out), "date"], kind="stable").reset_index(drop=True)


def own_daily(doses: pd.DataFrame, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """The state's own doses as a daily frame on a full calendar (a missing day is 0 doses).

    doses: date, [district_code], doses (as data.read.doses.daily_doses; other breakdowns are summed).
    Columns: date, area (the district code, or STATE without a district_code column), metric ('doses'),
    value, days (1).
    """
    by = ["district_code"] if "district_code" in doses.columns else []
    daily = on_calendar(doses, by, ("doses",), start, end)
    area = daily["district_code"] if by else pd.Series(STATE, index=daily.index, dtype="object")
    return pd.DataFrame(
        {"date": daily["date"], "area": area, "metric": OWN, "value": daily["doses"], "days": 1.0},
        index=daily.index,
    )


def state_daily_doses(series: pd.DataFrame, source: str) -> pd.DataFrame:
    """One source's daily doses for the whole state, from its 'Total Doses Administered': date, doses, days."""
    rows = series[(series["area"] == STATE) & (series["metric"] == TOTAL)]
    if "source" in rows.columns:
        rows = rows[rows["source"] == source]
    daily = daily_from_cumulative(rows.drop(columns=["source"], errors="ignore"))
    return daily[["date", "value", "days"]].rename(columns={"value": "doses"}).reset_index(drop=True)


def published_daily_doses(series: pd.DataFrame) -> pd.DataFrame:
    """Every source's daily doses for the whole state: date, source, doses, days (sorted by source, date)."""
    sources = sorted(series["source"].unique()) if "source" in series.columns else []
    parts = [state_daily_doses(series, s).assign(source=s) for s in sources]
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(
            {
                "date": pd.Series(dtype="object"),
                "source": pd.Series(dtype="object"),
                "doses": pd.Series(dtype="int64"),
                "days": pd.Series(dtype="float64"),
            }
        )
    return pd.concat(parts, ignore_index=True)[["date", "source", "doses", "days"]]


COMPARE_COLUMNS = {
    "date": "object",
    "source": "object",
    "days": "float64",
    "own": "int64",
    "published": "int64",
    "gap": "int64",
    "relative_gap": "float64",
}


def _empty_comparison() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COMPARE_COLUMNS.items()})


def compare_daily_doses(own: pd.DataFrame, published_daily: pd.DataFrame) -> pd.DataFrame:
    """The state's own daily doses against published daily doses, over the same days.

    own: date, doses (other columns summed per date); a day without a row within own's first..last date
    is a day of 0 doses. published_daily: date, source, doses, days (as ``published_daily_doses``).
    A published figure covering ``days`` days (2 after a missing date) is compared with own doses summed
    over those same days. Rows are kept only where own covers the whole span; a first published date
    (days NaN: a cumulative figure, not a day's) is left out.

    Columns: date, source, days, own, published, gap (own − published), relative_gap (gap ÷ published,
    NaN where published is 0). Sorted by date, then source.
    """
    if own.empty or published_daily.empty:
        return _empty_comparison()
    calendar = on_calendar(own, (), ("doses",))
    first, last = calendar["date"].iloc[0], calendar["date"].iloc[-1]
    running = dict(zip(calendar["date"], calendar["doses"].cumsum(), strict=True))
    rows = published_daily[published_daily["days"].notna()]
    span_start = pd.to_datetime(rows["date"]) - pd.to_timedelta(rows["days"] - 1, unit="D")
    inside = (span_start.dt.date >= first) & (rows["date"] <= last)
    rows, span_start = rows[inside], span_start[inside]
    if rows.empty:
        return _empty_comparison()
    before = (span_start - pd.Timedelta(days=1)).dt.date
    own_span = [running[d] - running.get(b, 0) for d, b in zip(rows["date"], before, strict=True)]
    out = pd.DataFrame(
        {
            "date": rows["date"].to_numpy(),
            "source": rows["source"].to_numpy(),
            "days": rows["days"].to_numpy(),
            "own": pd.array(own_span, dtype="int64"),
            "published": rows["doses"].astype("int64").to_numpy(),
        }
    )
    out["gap"] = out["own"] - out["published"]
    out["relative_gap"] = relative_change(out["gap"], out["published"]).astype("float64")
    return out.sort_values(["date", "source"], kind="stable").reset_index(drop=True)


def compare_sources(own: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """The state's own daily doses against every source's daily doses derived from its cumulative series.

    own: date, doses. published: the cumulative series (date, source, area, metric, value). One row per
    date and source; columns as ``compare_daily_doses``.
    """
    return compare_daily_doses(own, published_daily_doses(published))
