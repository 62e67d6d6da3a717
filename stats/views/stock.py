"""What the stock entry page works out: a form's movement as stores, the adjustment a physical count calls
for, a store's day-by-day stock on hand, and the tables shown below the form.

Pure functions (no Streamlit, no I/O): data/stock_entry.py and pages/stock.py hand frames and values here.
A store is STATE or a district code; SUPPLIER, WASTAGE and ADJUSTMENT hold no stock (stats.stock). Stock on
hand is what came in − what went out − doses administered there (as data.read.stock.stock_on_hand).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Protocol

import pandas as pd
from pandas.io.formats.style import Styler

from stats import STATE
from stats.doses import WINDOW, on_calendar
from stats.figures.charts import COVER_BACKGROUNDS
from stats.formatting import (
    MISSING,
    grouped_decimal,
    india_moment,
    india_time,
    indian_number,
    long_date,
    rounded,
    today_in_india,
)
from stats.labels import t
from stats.names import VACCINE_ORDER, district_options, names_from_frames
from stats.stock import (
    COVER_AMBER_DAYS,
    COVER_RED_DAYS,
    PSEUDO_STORES,
    Stores,
    cover_level,
    cover_tenths,
    days_of_cover,
)

SUPPLIER, WASTAGE, ADJUSTMENT = PSEUDO_STORES

LATEST_MOVEMENTS = 20
"""How many of the latest movements the page lists."""

MOVEMENTS_FILE = "stock-movements-latest.csv"
"""The file name of the latest movements' download."""

STORE_KINDS = {"receipt": "none", "issue": "district", "wastage": "any", "adjustment": "any"}
"""Which store the form asks for: none (receipt: always the state store), a district, or any store."""


# --- Dates ---------------------------------------------------------------------------------------------


def default_entry_date(last: date | None, now: datetime | None = None) -> date:
    """The form's date to start with: the latest day with data, or today in India when there is none."""
    return last if last is not None else today_in_india(now)


def stock_file_name(as_of: date) -> str:
    """The file name of the stock on hand's download."""
    return f"stock-on-hand-{as_of.isoformat()}.csv"


def pace_start(as_of: date) -> date:
    """The first day of the 7-day window whose average pace days of cover divide by."""
    return as_of - timedelta(days=WINDOW - 1)


def stock_cover(stock: pd.DataFrame, doses: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """stats.stock.days_of_cover over the full 7 days up to as_of: days of the window without doses count as 0
    (days_of_cover's calendar would otherwise start at the first day with data and average over fewer days).

    stock: stock.stock_on_hand on as_of; doses: date, district_code, vaccine, doses (at least the window)."""
    window = on_calendar(doses, ("district_code", "vaccine"), start=pace_start(as_of), end=as_of)
    return days_of_cover(stock, window, as_of)


# --- Names ---------------------------------------------------------------------------------------------


def kind_name(kind: str, lang: str = "en") -> str:
    """A kind of movement in words."""
    return t(f"stock.kind_{kind}", lang)


def vaccine_options(vaccines: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """Vaccine code → name in the language (reference.vaccine_intervals: code, name_en, name_hi), in the
    dashboard's order of vaccines (Covishield first), any other after them by code."""
    return names_from_frames(vaccines=vaccines).options("vaccines", lang)


def _vaccine_rank(code: str) -> tuple[int, str]:
    return (VACCINE_ORDER.index(code) if code in VACCINE_ORDER else len(VACCINE_ORDER), code)


def store_options(kind: str, districts: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """The stores the form offers for a kind of movement (code → name): the state store first, then districts."""
    which = STORE_KINDS[kind]
    if which == "none":
        return {}
    state = {} if which == "district" else {STATE: t("stock.store_STATE", lang)}
    return state | district_options(districts, lang)


def store_name(code: str, districts: Mapping[str, str], lang: str = "en") -> str:
    """STATE, a pseudo-store or a district code as a name in the language (districts: code → name)."""
    key = f"stock.store_{code}"
    if code in (STATE, *PSEUDO_STORES):
        return t(key, lang)
    return districts.get(code, code)


# --- Text ---------------------------------------------------------------------------------------------


# --- Tables --------------------------------------------------------------------------------------------


def cover_text(days: float, lang: str = "en") -> str:
    """Days of cover with one decimal, rounded down (stats.stock.cover_tenths); — where stock remains but nothing
    was given (no pace to divide by)."""
    if days is None or not math.isfinite(days):
        return MISSING
    return grouped_decimal(rounded(cover_tenths(days), 1), lang, 1)


def on_hand_text(on_hand: int, lang: str = "en") -> str:
    """A balance as stock on hand; below zero, an alert to check the ledger (never a negative stock figure)."""
    return indian_number(on_hand, lang) if on_hand >= 0 else t("stock.ledger_cell", lang)


def _stock_rows(cover: pd.DataFrame, district_names: Mapping[str, str]) -> pd.DataFrame:
    """cover in the stock table's order: the state store first, then districts by name, vaccines in order."""
    order = {code: i for i, code in enumerate([STATE, *district_names])}
    rows = cover.assign(
        _order=cover["store"].map(order).fillna(len(order)), _vaccine=[_vaccine_rank(v) for v in cover["vaccine"]]
    )
    return rows.sort_values(["_order", "store", "_vaccine"], kind="stable")


def stock_styler(cover: pd.DataFrame, districts: pd.DataFrame, vaccines: pd.DataFrame, lang: str = "en") -> Styler:
    """stock_table with its days of cover on their warning colours (none for a balance below zero)."""
    rows = _stock_rows(cover, district_options(districts, lang))
    levels = [None if n < 0 else cover_level(d) for n, d in zip(rows["on_hand"], rows["days_of_cover"], strict=True)]
    return cover_styler(stock_table(cover, districts, vaccines, lang), levels, lang)


def stock_table(
    cover: pd.DataFrame, districts: pd.DataFrame, vaccines: pd.DataFrame, lang: str = "en", *, formatted: bool = True
) -> pd.DataFrame:
    """Each store's stock on hand by vaccine with days of cover (cover as stock_cover returns it),
    the state store first and then districts by name; headers in the language, numbers written the Indian way
    (not formatted, for the downloads: stock as a whole number, the pace and days of cover to one decimal, days of
    cover empty for a balance below zero and inf for stock never used).

    The state store's days of cover count every store in the state against the whole state's pace (a balance
    below zero is not netted off). A balance below zero reads "more issued than received: check the ledger"."""
    district_names = district_options(districts, lang)
    vaccine_names = vaccine_options(vaccines, lang)
    rows = _stock_rows(cover, district_names)
    if not formatted:
        return pd.DataFrame(
            {
                t("stock.col_store", lang): [store_name(s, district_names, lang) for s in rows["store"]],
                t("stock.col_vaccine", lang): [vaccine_names.get(v, v) for v in rows["vaccine"]],
                t("stock.col_on_hand", lang): pd.array(rows["on_hand"], dtype="int64"),
                t("stock.col_average_7d", lang): rows["average_7d"].astype("float64").round(1).to_numpy(),
                t("stock.col_days_of_cover", lang): rows["days_of_cover"]
                .astype("float64")
                .where(rows["on_hand"] >= 0)
                .round(1)
                .to_numpy(),
            }
        )
    return pd.DataFrame(
        {
            t("stock.col_store", lang): [store_name(s, district_names, lang) for s in rows["store"]],
            t("stock.col_vaccine", lang): [vaccine_names.get(v, v) for v in rows["vaccine"]],
            t("stock.col_on_hand", lang): [on_hand_text(n, lang) for n in rows["on_hand"]],
            t("stock.col_average_7d", lang): [indian_number(int(rounded(x, 0)), lang) for x in rows["average_7d"]],
            t("stock.col_days_of_cover", lang): [
                cover_text(d, lang) if n >= 0 else MISSING
                for n, d in zip(rows["on_hand"], rows["days_of_cover"], strict=True)
            ],
        },
        dtype="object",
    )


def cover_colours_note(lang: str = "en") -> str:
    """What the warning colours of days of cover mean, with the thresholds (stats.stock)."""
    return t(
        "stock.cover_colours",
        lang,
        red=indian_number(COVER_RED_DAYS, lang),
        amber=indian_number(COVER_AMBER_DAYS, lang),
    )


def cover_styler(table: pd.DataFrame, levels: Iterable[str | None], lang: str = "en") -> Styler:
    """table (written text) with its days-of-cover cells on their warning background (levels: one per row, as
    stats.stock.cover_level; None or ok keeps the table's own)."""
    column = t("stock.col_days_of_cover", lang)
    css = [_cover_css(level) for level in levels]
    return table.style.apply(lambda _: css, subset=[column], axis=0)


def _cover_css(level: str | None) -> str:
    colour = COVER_BACKGROUNDS.get(level or "")
    return f"background-color: {colour}; color: #000000" if colour else ""


def lasts_until_text(state: str, day: date | None, lang: str = "en") -> str:
    """The projected stock-out of a store's vaccine (stats.stock.STOCKOUT_STATES) in words."""
    if state == "ledger":
        return t("stock.ledger_cell", lang)
    if state == "out":
        return t("stock.stockout_out", lang)
    if state == "no_use" or day is None:
        return t("stock.stockout_no_use", lang)
    return long_date(day, lang)


STOCKOUT_HEIGHT = 12 * 35 + 3
"""Pixels of the overview's stock-out table: about 11 rows and the header, the rest by scrolling."""


def stockout_table(
    rows: pd.DataFrame, districts: pd.DataFrame, vaccines: pd.DataFrame, lang: str = "en"
) -> pd.DataFrame:
    """Projected stock-outs (rows as stats.stock.stockouts, in their order): store (the state as every store),
    vaccine, days of cover (one decimal) and the day it lasts until first (what a phone shows without
    scrolling), then stock and doses a day, written for the screen."""
    district_names = district_options(districts, lang)
    vaccine_names = vaccine_options(vaccines, lang)
    stores = [t("stock.store_STATE_all", lang) if s == STATE else district_names.get(s, s) for s in rows["store"]]
    return pd.DataFrame(
        {
            t("stock.col_store", lang): stores,
            t("stock.col_vaccine", lang): [vaccine_names.get(v, v) for v in rows["vaccine"]],
            t("stock.col_days_of_cover", lang): [
                MISSING if state == "ledger" else cover_text(d, lang)
                for state, d in zip(rows["state"], rows["days_of_cover"], strict=True)
            ],
            t("stock.col_lasts_until", lang): [
                lasts_until_text(state, d, lang) for state, d in zip(rows["state"], rows["stockout_date"], strict=True)
            ],
            t("stock.col_on_hand", lang): [
                on_hand_text(n if n < 0 else s, lang) for n, s in zip(rows["on_hand"], rows["stock"], strict=True)
            ],
            t("stock.col_average_7d", lang): [indian_number(int(rounded(x, 0)), lang) for x in rows["average_7d"]],
        },
        dtype="object",
    )


def stockout_styler(rows: pd.DataFrame, districts: pd.DataFrame, vaccines: pd.DataFrame, lang: str = "en") -> Styler:
    """stockout_table with its days of cover on their warning colours."""
    return cover_styler(stockout_table(rows, districts, vaccines, lang), rows["level"], lang)


def urgent_count(rows: pd.DataFrame) -> int:
    """How many stores and vaccines of the stockouts rows are red (or out of stock)."""
    return int((rows["level"] == "red").sum())


def entered_at_text(moment: datetime | None, lang: str = "en") -> str:
    """A UTC moment as the date and time of day in India."""
    if moment is None or (isinstance(moment, float) and math.isnan(moment)):
        return MISSING
    return india_time(moment, lang)


def movements_table(
    movements: pd.DataFrame,
    districts: pd.DataFrame,
    vaccines: pd.DataFrame,
    lang: str = "en",
    *,
    formatted: bool = True,
) -> pd.DataFrame:
    """The latest movements (data.imports.stock_entry.latest_movements), newest first, as shown (formatted) or as
    downloaded (dates, whole quantities, the time entered in India)."""
    district_names = district_options(districts, lang)
    vaccine_names = vaccine_options(vaccines, lang)
    if not formatted:
        return pd.DataFrame(
            {
                t("stock.col_date", lang): list(movements["date"]),
                t("stock.col_vaccine", lang): [vaccine_names.get(v, v) for v in movements["vaccine"]],
                t("stock.col_from", lang): [store_name(s, district_names, lang) for s in movements["from_store"]],
                t("stock.col_to", lang): [store_name(s, district_names, lang) for s in movements["to_store"]],
                t("stock.col_quantity", lang): pd.array(movements["quantity"], dtype="int64"),
                t("stock.col_reference", lang): list(movements["reference"]),
                t("stock.col_entered_by", lang): list(movements["entered_by"]),
                f"{t('stock.col_entered_at', lang)} (IST)": [india_moment(m) for m in movements["entered_at"]],
            }
        )
    return pd.DataFrame(
        {
            t("stock.col_date", lang): [long_date(d, lang) for d in movements["date"]],
            t("stock.col_vaccine", lang): [vaccine_names.get(v, v) for v in movements["vaccine"]],
            t("stock.col_from", lang): [store_name(s, district_names, lang) for s in movements["from_store"]],
            t("stock.col_to", lang): [store_name(s, district_names, lang) for s in movements["to_store"]],
            t("stock.col_quantity", lang): [indian_number(n, lang) for n in movements["quantity"]],
            t("stock.col_reference", lang): list(movements["reference"]),
            t("stock.col_entered_by", lang): list(movements["entered_by"]),
            t("stock.col_entered_at", lang): [entered_at_text(m, lang) for m in movements["entered_at"]],
        },
        dtype="object",
    )


class Refusal(Protocol):
    """What a refused entry reports per problem (data.imports.problems.Problem and its kin)."""

    column: str | None
    value: str | None
    rule: str

    def message(self, lang: str = "en") -> str: ...


FIELDS = {"date": "date", "vaccine": "vaccine", "from_store": "store", "to_store": "store", "quantity": "quantity"}
"""A stock file's column → the form field it came from (reference is its own)."""


def field_name(column: str | None, lang: str = "en") -> str:
    """The form's label for a column of the stock file a problem names (— for none)."""
    if not column:
        return MISSING
    key = f"stock.field_{FIELDS.get(column, column)}"
    try:
        return t(key, lang)
    except KeyError:
        return column


def problem_table(problems: Iterable[Refusal], lang: str = "en") -> pd.DataFrame:
    """Why an entry was refused: the form field, the value, the rule and the message in the language."""
    problems = list(problems)
    return pd.DataFrame(
        {
            t("stock.col_field", lang): [field_name(p.column, lang) for p in problems],
            t("stock.col_value", lang): [p.value or "" for p in problems],
            t("stock.col_rule", lang): [p.rule for p in problems],
            t("stock.col_message", lang): [p.message(lang) for p in problems],
        },
        dtype="object",
    )


def movement_text(
    stores: Stores, vaccine: str, day: date, districts: pd.DataFrame, vaccines: pd.DataFrame, lang: str = "en"
) -> str:
    """One movement in words: "1,000 doses of Covishield from SUPPLIER to the state store on 22 June 2021"."""
    names = district_options(districts, lang)
    return t(
        "stock.movement_text",
        lang,
        quantity=indian_number(stores.quantity, lang),
        vaccine=vaccine_options(vaccines, lang).get(vaccine, vaccine),
        source=store_name(stores.from_store, names, lang),
        target=store_name(stores.to_store, names, lang),
        date=long_date(day, lang),
    )
