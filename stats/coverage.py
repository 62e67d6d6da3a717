"""Coverage against target populations, pace per 1,000 eligible, district ranks, and the pace a target needs.

Targets come as ``data.read.reference.district_targets`` returns them: ``district_code, age_band, population``,
one row per district and split band (12-14, 15-17, 18-44, 45-59, 60+). A derived band such as 45+ is
the sum of its parts: selecting 45+ selects the population of 45-59 and 60+, and the doses recorded as
45+, 45-59 or 60+. Doses recorded as 45+ count only when the whole of 45+ is selected (45+ itself, or
both 45-59 and 60+), since they cannot be split.

Coverage and targets are fractions (0.9 = 90%); ``stats.formatting.percent`` writes them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import pandas as pd

from stats.doses import average_daily_doses, merge_on, summed, total_doses, within

DERIVED_BANDS = {"45+": ("45-59", "60+")}
"""Bands that some sources do not split, and their parts (as data.master.DERIVED_BANDS)."""

DOSE_NUMBERS = (1, 2, 3)


def population_bands(age_bands: Iterable[str]) -> list[str]:
    """The split bands whose population makes up the selection (a derived band becomes its parts)."""
    bands: list[str] = []
    for band in age_bands:
        for part in DERIVED_BANDS.get(band, (band,)):
            if part not in bands:
                bands.append(part)
    return bands


def dose_bands(age_bands: Iterable[str]) -> list[str]:
    """The bands whose doses count for the selection: the split bands, plus a derived band wholly selected."""
    split = population_bands(age_bands)
    derived = [band for band, parts in DERIVED_BANDS.items() if set(parts) <= set(split)]
    return split + derived


def doses_in_bands(doses: pd.DataFrame, age_bands: Iterable[str] | None) -> pd.DataFrame:
    """The dose rows of the selected age bands (all rows when age_bands is None)."""
    return doses if age_bands is None else doses[doses["age_band"].isin(dose_bands(age_bands))]


def eligible_population(
    targets: pd.DataFrame, age_bands: Iterable[str] | None = None, by: Sequence[str] = ("district_code",)
) -> pd.DataFrame:
    """Target population of the selected age bands (all when None), summed per by-group: *by, population."""
    rows = targets if age_bands is None else targets[targets["age_band"].isin(population_bands(age_bands))]
    return summed(rows, by, "population")


def coverage(given: pd.Series, population: pd.Series) -> pd.Series:
    """given ÷ population as a fraction, uncapped; NaN where the population is 0."""
    return given / population.where(population > 0)


def coverage_by_dose(
    doses: pd.DataFrame,
    targets: pd.DataFrame,
    age_bands: Iterable[str] | None = None,
    by: Sequence[str] = ("district_code",),
    as_of: date | None = None,
    dose_numbers: Sequence[int] = DOSE_NUMBERS,
) -> pd.DataFrame:
    """Per by-group and dose: cumulative doses of the selected bands ÷ their population; capped copy and over_100 flag.

    Columns: *by, dose_number, doses, population, coverage (raw, may exceed 1), coverage_capped (at most 1),
    over_100 (True where the raw coverage is above 100%). Population 0 gives NaN coverage, not over 100%.
    """
    by = list(by)
    population = eligible_population(targets, age_bands, by)
    given = total_doses(within(doses_in_bands(doses, age_bands), end=as_of), [*by, "dose_number"])
    groups = pd.concat([population[by], given[by]]).drop_duplicates() if by else pd.DataFrame(index=[0])
    grid = groups.merge(pd.DataFrame({"dose_number": list(dose_numbers)}), how="cross")
    grid = grid.merge(given, on=[*by, "dose_number"], how="left")
    out = merge_on(grid, population, by, "left").fillna({"doses": 0, "population": 0})
    out = out.astype({"doses": "int64", "population": "int64", "dose_number": "int64"})
    raw = coverage(out["doses"], out["population"])
    out = out.assign(coverage=raw, coverage_capped=raw.clip(upper=1.0), over_100=raw > 1.0)
    return out.sort_values([*by, "dose_number"], kind="stable").reset_index(drop=True)


def doses_per_thousand(
    doses: pd.DataFrame,
    targets: pd.DataFrame,
    as_of: date,
    age_bands: Iterable[str] | None = None,
    by: Sequence[str] = ("district_code",),
) -> pd.DataFrame:
    """Doses per day per 1,000 eligible: the 7-day average on as_of ÷ population of the selected bands × 1000.

    Columns: *by, average_7d, population, per_thousand (NaN where the population is 0).
    """
    population = eligible_population(targets, age_bands, by)
    pace = average_daily_doses(doses_in_bands(doses, age_bands), as_of, by)
    out = merge_on(population, pace, by, "outer").fillna({"average_7d": 0.0, "population": 0})
    out = out.astype({"population": "int64"})
    out["per_thousand"] = coverage(out["average_7d"], out["population"]) * 1000
    return out.sort_values(list(by), kind="stable").reset_index(drop=True) if by else out


def district_rank(
    frame: pd.DataFrame, column: str, higher_is_better: bool = True, order_by: str = "district_code"
) -> pd.DataFrame:
    """frame plus rank by column (1 = best; ties share the lower rank; NaN unranked, last), sorted by rank, order_by."""
    rank = frame[column].rank(method="min", ascending=not higher_is_better, na_option="keep")
    ranked = frame.assign(rank=rank.astype("Int64"))
    return ranked.sort_values(["rank", order_by], kind="stable", na_position="last").reset_index(drop=True)


def doses_to_target(cumulative: float, population: float, target: float) -> float:
    """Doses still needed to reach target coverage: target × population − cumulative (≤ 0 when reached)."""
    return target * population - cumulative


def required_daily_rate(
    cumulative: float, population: float, target: float, as_of: date, target_date: date
) -> float | None:
    """Doses a day needed after as_of up to target_date: remaining ÷ days left; 0 if reached; None if no day left."""
    remaining = doses_to_target(cumulative, population, target)
    if remaining <= 0:
        return 0.0
    days_left = (target_date - as_of).days
    return remaining / days_left if days_left > 0 else None


def date_target_reached(cumulative: float, population: float, target: float, pace: float, as_of: date) -> date | None:
    """The day the pace (doses a day after as_of) reaches target coverage; as_of if reached; None if pace is 0."""
    remaining = doses_to_target(cumulative, population, target)
    if remaining <= 0:
        return as_of
    if not pace > 0:  # also catches NaN
        return None
    try:
        return as_of + timedelta(days=math.ceil(remaining / pace))
    except OverflowError:  # beyond the year 9999: never, for any purpose
        return None


def target_outlook(
    doses: pd.DataFrame,
    targets: pd.DataFrame,
    target: float,
    as_of: date,
    target_date: date,
    dose_number: int = 1,
    age_bands: Iterable[str] | None = None,
    by: Sequence[str] = ("district_code",),
) -> pd.DataFrame:
    """Per by-group, for one dose: coverage, the 7-day pace, the daily rate the target needs and when pace reaches it.

    Columns: *by, doses, population, coverage, average_7d, required_daily_rate, target_reached_on.
    """
    by = list(by)
    one_dose = doses[doses["dose_number"] == dose_number]
    covered = coverage_by_dose(one_dose, targets, age_bands, by, as_of, (dose_number,))
    pace = average_daily_doses(doses_in_bands(one_dose, age_bands), as_of, by)
    out = merge_on(covered[[*by, "doses", "population", "coverage"]], pace, by, "left").fillna({"average_7d": 0.0})
    rows = list(zip(out["doses"], out["population"], out["average_7d"], strict=True))
    out["required_daily_rate"] = [required_daily_rate(c, p, target, as_of, target_date) for c, p, _ in rows]
    out["target_reached_on"] = [date_target_reached(c, p, target, v, as_of) for c, p, v in rows]
    return out
