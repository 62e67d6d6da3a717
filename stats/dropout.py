"""Dropout between doses, and the second and precaution doses due and overdue, by the cohort method.

Doses are counts, not people, so a dose-1 cohort is the count given on one day with one vaccine. The
dose-1 doses given on day d with vaccine v are due for dose 2 from d + dose2_min_days and overdue after
d + dose2_max_days (+ grace). Second doses given so far are credited to the oldest cohorts first:

    due_by(t)     = dose-1 doses dated on or before t − dose2_min_days
    overdue_by(t) = dose-1 doses dated on or before t − dose2_max_days − grace
    due(t)        = max(0, due_by(t) − dose-2 doses given up to t)       (includes the overdue)
    overdue(t)    = max(0, overdue_by(t) − dose-2 doses given up to t)

Precaution doses work the same way from dose 2 with precaution_min_days (no overdue: no maximum is set).
Intervals come as master data: a frame with ``code, dose2_min_days, dose2_max_days, precaution_min_days``.
A dose is matched within its vaccine (dose 2 of Covaxin follows dose 1 of Covaxin).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd

from stats.doses import merge_on, summed, within


def crude_dropout(
    doses: pd.DataFrame,
    by: Sequence[str] = ("district_code",),
    as_of: date | None = None,
    first: int = 1,
    second: int = 2,
) -> pd.DataFrame:
    """Per by-group: (dose 1 − dose 2) ÷ dose 1 up to as_of, NaN when dose 1 is 0 (negative when dose 2 is more).

    Columns: *by, dose1, dose2, dropout (named after the doses compared).
    """
    dated = within(doses, end=as_of)
    counts = [
        summed(dated[dated["dose_number"] == n], by).rename(columns={"doses": f"dose{n}"}) for n in (first, second)
    ]
    out = merge_on(counts[0], counts[1], by, "outer")
    given = [f"dose{first}", f"dose{second}"]
    out = out.fillna(dict.fromkeys(given, 0)).astype(dict.fromkeys(given, "int64"))
    base = out[given[0]]
    return out.assign(dropout=(base - out[given[1]]) / base.where(base > 0))


def vaccine_intervals(intervals: pd.DataFrame, column: str, vaccines: pd.Series) -> pd.Series:
    """The interval in days of each row's vaccine, from the master frame's column; ValueError for an unknown vaccine."""
    days = intervals.set_index("code")[column]
    unknown = sorted(set(vaccines) - set(days.index))
    if unknown:
        raise ValueError(f"no {column} for vaccine(s) {unknown}")
    return vaccines.map(days).astype("int64")


def doses_given_before(
    doses: pd.DataFrame, dose_number: int, lag_days: pd.Series, as_of: date, keys: Sequence[str]
) -> pd.DataFrame:
    """Doses of dose_number dated at least lag_days (per row) before as_of, summed per keys: *keys, doses."""
    rows = doses[doses["dose_number"] == dose_number]
    age = (pd.Timestamp(as_of) - pd.to_datetime(rows["date"])).dt.days
    return summed(rows[age >= lag_days.loc[rows.index]], keys)


def doses_due(
    doses: pd.DataFrame,
    prior: int,
    following: int,
    lags: Mapping[str, pd.Series],
    as_of: date,
    by: Sequence[str],
) -> pd.DataFrame:
    """Per by-group and vaccine: the prior and following doses up to as_of, and for each lag name: name_by and name.

    name_by = prior doses at least that lag before as_of; name = max(0, name_by − following doses so far).
    """
    keys = [*by, "vaccine"]
    dated = within(doses, end=as_of)
    no_lag = pd.Series(0, index=dated.index)
    parts = [
        doses_given_before(dated, prior, no_lag, as_of, keys).rename(columns={"doses": f"dose{prior}"}),
        doses_given_before(dated, following, no_lag, as_of, keys).rename(columns={"doses": f"dose{following}"}),
    ]
    parts += [
        doses_given_before(dated, prior, lag.loc[dated.index], as_of, keys).rename(columns={"doses": f"{name}_by"})
        for name, lag in lags.items()
    ]
    out = parts[0]
    for part in parts[1:]:
        out = out.merge(part, on=keys, how="outer")
    counts = [c for c in out.columns if c not in keys]
    out = out.fillna(dict.fromkeys(counts, 0)).astype(dict.fromkeys(counts, "int64"))
    for name in lags:
        out[name] = (out[f"{name}_by"] - out[f"dose{following}"]).clip(lower=0)
    return out.sort_values(keys, kind="stable").reset_index(drop=True)


def second_doses_due(
    doses: pd.DataFrame,
    intervals: pd.DataFrame,
    as_of: date,
    grace_days: int = 0,
    by: Sequence[str] = ("district_code",),
) -> pd.DataFrame:
    """Per by-group and vaccine on as_of: second doses due (incl. overdue) and overdue, by the cohort method.

    Columns: *by, vaccine, dose1, dose2, due_by, overdue_by, due, overdue.
    """
    lags = {
        "due": vaccine_intervals(intervals, "dose2_min_days", doses["vaccine"]),
        "overdue": vaccine_intervals(intervals, "dose2_max_days", doses["vaccine"]) + grace_days,
    }
    out = doses_due(doses, 1, 2, lags, as_of, by)
    return out[[*by, "vaccine", "dose1", "dose2", "due_by", "overdue_by", "due", "overdue"]]


def precaution_doses_due(
    doses: pd.DataFrame, intervals: pd.DataFrame, as_of: date, by: Sequence[str] = ("district_code",)
) -> pd.DataFrame:
    """Per by-group and vaccine on as_of: precaution doses due, from dose 2 after precaution_min_days (cohort method).

    Columns: *by, vaccine, dose2, dose3, due_by, due.
    """
    lags = {"due": vaccine_intervals(intervals, "precaution_min_days", doses["vaccine"])}
    return doses_due(doses, 2, 3, lags, as_of, by)[[*by, "vaccine", "dose2", "dose3", "due_by", "due"]]
