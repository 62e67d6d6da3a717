"""The public summary: state and district totals to a day, and nothing finer (no centres, no imports)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from stats.coverage import coverage_by_dose
from stats.export import safe_csv
from stats.formatting import indian_number, long_date, percent, total_text
from stats.labels import t
from stats.names import Names, district_options


@dataclass(frozen=True)
class Figure:
    """One headline figure: what it is, its value, and the day it is for."""

    label: str
    value: str
    when: str


def headline(totals: pd.DataFrame, on_day: int, day: date, names: Names, lang: str = "en") -> list[Figure]:
    """Doses on the day, all doses to the day, and first / second / precaution doses to the day.

    totals: dose_number, doses (summed to the day); on_day: the state's doses on the day; names: the doses' names.
    """
    by_dose = dict(zip(totals["dose_number"].astype(int), totals["doses"].astype(int), strict=True))
    when_on = t("summary.when_on", lang, date=long_date(day, lang))
    when_to = t("summary.when_to", lang, date=long_date(day, lang))
    figures = [
        Figure(t("summary.on_day", lang), indian_number(on_day, lang), when_on),
        Figure(t("summary.to_date", lang), total_text(sum(by_dose.values()), lang), when_to),
    ]
    # Three to a row: the full figure only (with lakh or crore beside it, it would not fit a laptop's width).
    figures += [Figure(names.dose(n, lang), indian_number(by_dose.get(n, 0), lang), when_to) for n in names.doses]
    return figures


def district_table(
    totals: pd.DataFrame,
    districts: pd.DataFrame,
    targets: pd.DataFrame,
    names: Names,
    lang: str = "en",
    formatted: bool = True,
) -> pd.DataFrame:
    """One row per district (in name order): doses by dose number to the day and coverage of the first two doses
    against the eligible population.

    totals: district_code, age_band, dose_number, doses (summed to the day); districts: code, name_en, name_hi;
    targets: district_code, age_band, population (data.read.reference.district_targets); names: the doses' names.
    """
    numbers = tuple(names.doses)
    cover = coverage_by_dose(totals, targets, by=("district_code",), dose_numbers=numbers)
    doses = cover.pivot_table(index="district_code", columns="dose_number", values="doses", aggfunc="sum")
    rate = cover.pivot_table(index="district_code", columns="dose_number", values="coverage", aggfunc="sum")
    district_names = district_options(districts, lang)
    doses = doses.reindex(index=list(district_names), columns=list(numbers)).fillna(0).astype("int64")
    rate = rate.reindex(index=list(district_names), columns=[1, 2])
    out = pd.DataFrame({t("common.district", lang): list(district_names.values())})
    out[t("summary.total", lang)] = doses.sum(axis=1).to_numpy()
    for n in numbers:
        out[names.dose(n, lang)] = doses[n].to_numpy()
    for n in (1, 2):
        out[t(f"summary.coverage_{n}", lang)] = rate[n].to_numpy()
    if not formatted:
        return out
    for column in out.columns[1:-2]:
        out[column] = [indian_number(int(v), lang) for v in out[column]]
    for column in out.columns[-2:]:
        out[column] = [percent(v, lang) for v in out[column]]
    return out


def district_csv(
    totals: pd.DataFrame, districts: pd.DataFrame, targets: pd.DataFrame, names: Names, lang: str = "en"
) -> bytes:
    """The district table with plain numbers (coverage as a fraction), for a spreadsheet."""
    return safe_csv(district_table(totals, districts, targets, names, lang, formatted=False))
