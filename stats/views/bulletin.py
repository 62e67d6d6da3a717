"""What the Bulletin page shows beside the note: its figures as small labelled tables, and the note's file name."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from stats.bulletin import Area, BulletinFigures
from stats.formatting import MISSING, grouped_decimal, indian_number, long_date, rounded
from stats.labels import t
from stats.names import Names

COUNTS = (
    "doses",
    "centres",
    "first_doses",
    "second_doses",
    "precaution_doses",
    "cumulative_doses",
    "cumulative_first_doses",
    "cumulative_second_doses",
    "cumulative_precaution_doses",
)
"""The whole-number fields of BulletinFigures, in the order the figures table lists them."""


def area_name(area: Area, lang: str) -> str:
    """The area's name in the language."""
    return area.name_hi if lang == "hi" else area.name_en


def note_file_name(day: date, area_code: str, lang: str) -> str:
    """The note's download name: bulletin-2021-06-22-STATE-hi.txt."""
    return f"bulletin-{day.isoformat()}-{area_code}-{lang}.txt"


def band_table_file_name(day: date, area_code: str) -> str:
    """The CSV download name of the by-age-band-and-dose table: bulletin-by-band-2021-06-22-STATE.csv."""
    return f"bulletin-by-band-{day.isoformat()}-{area_code}.csv"


def _one_decimal(x: float, lang: str) -> str:
    return grouped_decimal(rounded(x, 1), lang, 1)


def _record(figures: BulletinFigures, lang: str) -> tuple[str, str]:
    """The record day before this one and its doses, as two short values (a narrow table keeps them whole)."""
    record = figures.record_day
    if record is None:
        return MISSING, MISSING
    return long_date(record["date"], lang), indian_number(record["doses"], lang)


def _cover(days: float | None, lang: str) -> str:
    if days is None:
        return MISSING
    if math.isinf(days):
        return t("bulletin.cover_unlimited", lang)
    return _one_decimal(days, lang)


def figures_table(figures: BulletinFigures, lang: str) -> pd.DataFrame:
    """Every figure of the note as a row (figure, value), labelled and written in the language (Indian grouping)."""
    values = {
        "date": long_date(figures.date, lang),
        "area": figures.area_name_hi if lang == "hi" else figures.area_name_en,
        **{name: indian_number(getattr(figures, name), lang) for name in COUNTS},
        "record_day": _record(figures, lang)[0],
        "record_doses": _record(figures, lang)[1],
        "average_7d": _one_decimal(figures.average_7d, lang),
        "stock_on_hand": MISSING if figures.stock_on_hand is None else indian_number(figures.stock_on_hand, lang),
        "days_of_cover": _cover(figures.days_of_cover, lang),
    }
    return pd.DataFrame(
        {
            t("bulletin.figure", lang): [t(f"bulletin.row_{name}", lang) for name in values],
            t("bulletin.value", lang): list(values.values()),
        }
    )


def band_dose_table(figures: BulletinFigures, names: Names, lang: str, *, formatted: bool = True) -> pd.DataFrame:
    """The day's doses by age band and dose number (bands in names' order), headers in the language.

    formatted: doses written with Indian grouping (for the screen); otherwise whole numbers (for CSV).
    """
    rows = pd.DataFrame(figures.by_age_band_and_dose, columns=["age_band", "dose_number", "doses"])
    order = {band: i for i, band in enumerate(names.ordered("bands", rows["age_band"]))}
    rows = rows.assign(order=rows["age_band"].map(order)).sort_values(["order", "dose_number"], kind="stable")
    doses = rows["doses"].map(lambda n: indian_number(n, lang)) if formatted else rows["doses"].astype("int64")
    return pd.DataFrame(
        {
            t("common.age_band", lang): rows["age_band"].astype(str).to_list(),
            t("common.dose_number", lang): [names.dose(n, lang) for n in rows["dose_number"]],
            t("common.doses", lang): doses.to_list(),
        }
    )
