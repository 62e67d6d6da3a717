"""The public summary's district map: one figure per district of the day for an indicator the visitor chooses,
the same figures as the table beside the map.

Indicators (INDICATORS), each from the figure that stands for the district on the day (stats.sources.standing)
and the district's target population of every band (12+, data/master/README.md: estimates):

* ``on_day_per_lakh``: doses on the day per lakh eligible people (— when the day's figure is not one day's doses);
* ``week_per_thousand``: the 7-day average of doses a day per 1,000 eligible people (— unless all 7 days to the
  day are regular days of the district's chosen source);
* ``coverage_1``: cumulative first doses as a share of the eligible population 12+;
* ``cumulative``: all doses to the day.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from stats import sources
from stats.coverage import eligible_population
from stats.formatting import MISSING, grouped_decimal, indian_number, percent, rounded
from stats.labels import t
from stats.names import district_options

INDICATORS = ("on_day_per_lakh", "week_per_thousand", "coverage_1", "cumulative")
WINDOW = 7
COLUMNS = ("district_code", "district", "source", *INDICATORS)


def _week_average(best: pd.DataFrame, day: date) -> pd.Series:
    """area -> mean doses a day over the WINDOW days to day, only where every one of them is a regular day."""
    first = day - timedelta(days=WINDOW - 1)
    rows = best[(best["date"] >= first) & (best["date"] <= day)]
    regular = rows[rows["status"] == sources.DAY].groupby("area")["doses"].agg(["sum", "count"])
    full = regular[regular["count"] == WINDOW]
    return (full["sum"] / WINDOW).astype("float64")


def district_indicators(
    district_days: pd.DataFrame, of_day: pd.DataFrame, populations: pd.DataFrame, day: date, lang: str = "en"
) -> pd.DataFrame:
    """One row per district of the day (of_day: stats.districts.districts_on, in its order): COLUMNS, the
    indicators as plain numbers (NaN where there is no figure; coverage a fraction).

    district_days: every source's district figures (data.read.figures.district_days); populations: the targets
    as they applied on the day (stats.districts.targets_on)."""
    standing = sources.standing(district_days, day).set_index("area")
    best = sources.best(district_days[district_days["date"] <= day])
    week = _week_average(best, day)
    population = eligible_population(populations).set_index("district_code")["population"]
    names = district_options(of_day, lang)
    codes = list(names)
    people = population.reindex(codes).astype("float64")
    people = people.where(people > 0)
    stand = standing.reindex(codes)
    on_day = stand["doses"].astype("float64").where(stand["status"] == sources.DAY)
    first, cumulative = stand["cumulative_first"].astype("float64"), stand["cumulative"].astype("float64")
    source = stand["source"].where(stand["source"].notna(), None)
    if (standing["source"] == sources.OWN).any():
        # The state's reports cover every district: one without a report on the day gave 0 doses, and its
        # totals are those of its last report (as district_table counts it).
        quiet = source.isna()
        own = best[(best["source"] == sources.OWN) & (best["date"] <= day)]
        last = own.sort_values("date").groupby("area").tail(1).set_index("area").reindex(codes)
        on_day = on_day.where(~quiet, 0.0)
        first = first.where(~quiet, last["cumulative_first"].astype("float64").fillna(0.0))
        cumulative = cumulative.where(~quiet, last["cumulative"].astype("float64").fillna(0.0))
        source = source.where(~quiet, sources.OWN)
    out = pd.DataFrame(
        {
            "district_code": codes,
            "district": [names[c] for c in codes],
            "source": list(source),
            "on_day_per_lakh": (on_day / people * 100_000).to_numpy(),
            "week_per_thousand": (week.reindex(codes) / people * 1000).to_numpy(),
            "coverage_1": (first / people).to_numpy(),
            "cumulative": cumulative.to_numpy(),
        }
    )
    return out[list(COLUMNS)]


def indicator_text(indicator: str, value: float, lang: str = "en") -> str:
    """An indicator's value as shown: coverage as a percentage with one decimal, rates with one decimal,
    cumulative doses Indian-grouped; — without a figure."""
    if value is None or pd.isna(value):
        return MISSING
    if indicator == "coverage_1":
        return percent(value, lang)
    if indicator == "cumulative":
        return indian_number(int(value), lang)
    return grouped_decimal(rounded(value, 1), lang, 1)


def indicator_table(indicators: pd.DataFrame, indicator: str, lang: str = "en") -> pd.DataFrame:
    """The table beside the map: district and the indicator's value as shown, highest first (districts without
    a figure last); the sources are named under it (map_sources)."""
    rows = indicators.sort_values(indicator, ascending=False, na_position="last", kind="stable")
    return pd.DataFrame(
        {
            t("common.district", lang): list(rows["district"]),
            t(f"summary.map_{indicator}", lang): [indicator_text(indicator, v, lang) for v in rows[indicator]],
        },
        dtype="object",
    )


def map_sources(indicators: pd.DataFrame, lang: str = "en") -> str:
    """The sources of the map's figures, short names in the order of stats.sources.ORDER ("—" without any)."""
    present = set(s for s in indicators["source"] if isinstance(s, str))
    return ", ".join(sources.short_name(s, lang) for s in sources.ORDER if s in present) or MISSING
