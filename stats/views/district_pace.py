"""What the district-pace page shows: the league table of every district (worked out by stats.league) written
for the screen and a file, one district's trend, its centres and its second doses due, as pure functions of the
frames data.read returns.

Inputs (as the queries return them):
  districts  code, name_en, name_hi (every district of the master list)
  targets    district_code, age_band, population
  totals     district_code, age_band, dose_number, doses: cumulative up to as_of (doses.total_doses)
  recent     date, district_code, age_band, doses from history_start(as_of) to as_of (doses.daily_doses)
  stock      store, vaccine, on_hand (stock.stock_on_hand on as_of)

Pace is the 7-day average of the doses of the selected age bands (every dose number), per 1,000 eligible
people of those bands. The rank is by that pace (1 = fastest); districts with the same pace share a rank.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

import pandas as pd
from pandas.io.formats.style import Styler

from stats import STATE
from stats.coverage import (
    coverage,
    doses_in_bands,
    eligible_population,
)
from stats.districts import as_districts_on, districts_on, owner_on, targets_on
from stats.doses import rolling_daily_doses
from stats.dropout import second_doses_due
from stats.figures.charts import COVER_BACKGROUNDS
from stats.formatting import (
    MINUS,
    MISSING,
    grouped_decimal,
    indian_number,
    is_missing,
    long_date,
    percent,
    rounded,
)
from stats.labels import CATALOGUE, t
from stats.league import DEFAULT_BANDS, LEAGUE_COLUMNS, TREND_DAYS, history_start, standing_day
from stats.stock import cover_level, cover_tenths

CENTRE_DAYS = 7
"""Days over which centres are compared (doses.centre_days of the chosen district only)."""
TOP = 5

INDICATORS = (
    "per_thousand",
    "average_7d",
    "coverage_1",
    "coverage_2",
    "coverage_3",
    "dropout",
    "days_of_cover",
    "required_daily_rate",
    "change_7d",
)
"""League-table columns a chart can compare districts on."""

SCREEN_WIDTHS = {
    "rank": 40,
    "district": 120,
    "per_thousand": 72,
    "change_7d": 64,
    "last_28_days": 60,
    "coverage_1": 84,  # narrower, the bar beside "87.39%" is not drawn
    "coverage_2": 84,
    "coverage_3": 84,
    "dropout": 72,
    "required_daily_rate": 92,
    "days_of_cover": 64,
    "stockout_date": 96,
}
"""Pixels of each league column on screen: together they fit the main block of a 1,400 px screen with the sidebar
open (938 px). Doses a day, eligible people and stock on hand are in the downloads only."""
HELP_KEYS = {f"coverage_{dose}": "district_pace.help_coverage" for dose in (1, 2, 3)}
"""Columns that share a help text (the coverage of every dose)."""
LEAGUE_SCREEN_COLUMNS = tuple(c for c in LEAGUE_COLUMNS if c in SCREEN_WIDTHS)
"""The league's columns on screen, in LEAGUE_COLUMNS' order (the CSV and XLSX keep every column)."""

KINDS = {
    "rank": "count",
    "population": "count",
    "average_7d": "count",
    "per_thousand": "rate",
    "coverage_1": "percent",
    "coverage_2": "percent",
    "coverage_3": "percent",
    "dropout": "percent",
    "on_hand": "count",
    "days_of_cover": "days",
    "stockout_date": "date",
    "required_daily_rate": "ceiling",
    "change_7d": "change",
}
"""How each numeric column of the league table is written (see format_value)."""

# --- dates ---------------------------------------------------------------------------------------


def centre_window(as_of: date, days: int = CENTRE_DAYS) -> tuple[date, date]:
    """The last `days` days up to as_of: (first, as_of)."""
    return as_of - timedelta(days=days - 1), as_of


# --- districts as they stood ---------------------------------------------------------------------


def league_districts(districts: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The districts the league on as_of compares (as they stood on stats.league.standing_day), by English name."""
    return districts_on(districts, standing_day(as_of))


def counted_in_parents(districts: pd.DataFrame, as_of: date, lang: str = "en") -> list[str]:
    """Names (in the language) of the districts formed after the league's standing day, counted in their parents;
    empty when every district stands on its own."""
    shown = set(league_districts(districts, as_of)["code"])
    column = "name_hi" if lang == "hi" else "name_en"
    later = districts[~districts["code"].isin(shown)]
    return sorted(later[column])


def district_as_stood(districts: pd.DataFrame, code: str, as_of: date) -> str:
    """The district of the league on as_of that holds `code`'s area (code itself, or its parent)."""
    return owner_on(districts, code, standing_day(as_of))


def as_stood(
    recent: pd.DataFrame, targets: pd.DataFrame, districts: pd.DataFrame, as_of: date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """recent doses and targets with the districts as the league on as_of compares them (for pace_trend)."""
    stood = standing_day(as_of)
    return as_districts_on(recent, districts, stood, ("doses",)), targets_on(targets, districts, stood)


def has_doses_on(recent: pd.DataFrame, day: date) -> bool:
    """True when any dose is recorded on day."""
    return bool((recent.loc[recent["date"] == day, "doses"] > 0).any())


def target_text(target_percent: float, lang: str = "en") -> str:
    """A target given in percent, written as one: 90 -> 90%."""
    return percent(target_percent / 100, lang, digits=0)


ROW_PIXELS = 35


def table_height(rows: int) -> int:
    """Pixels for a st.dataframe to show every row and its header without scrolling."""
    return (rows + 1) * ROW_PIXELS + 3


# --- writing numbers -----------------------------------------------------------------------------


def format_value(value, kind: str, lang: str = "en") -> str:
    """A number written for its kind: count (1,09,353), rate (0.27), percent (45.3%), change (+12.3%),
    days (one decimal: 9.4; ∞ when stock is never used), ceiling (rounded up: doses still needed a day),
    date (a day written out; — for none: the stock does not run out at this pace)."""
    if is_missing(value) or value is pd.NA:
        return MISSING
    if kind == "date":
        return long_date(value, lang)
    if kind == "percent":
        return percent(value, lang)
    if kind == "change":
        sign = "+" if value > 0 else MINUS if value < 0 else ""
        return sign + percent(abs(value), lang)
    if kind == "rate":
        return grouped_decimal(rounded(value, 2), lang, 2)
    if kind == "days":
        return "∞" if math.isinf(value) else grouped_decimal(rounded(cover_tenths(value), 1), lang, 1)
    if kind == "ceiling":
        return indian_number(math.ceil(value), lang)
    return indian_number(round(value), lang)


PERCENT_KINDS = ("percent", "change")
"""Kinds written as percentages: a download holds them in per cent, the unit in the column header."""


def plain_value(value, kind: str) -> object:
    """A number as a download holds it for its kind: whole counts (rounded; ceiling rounded up), rates to two
    decimals, percentages in per cent to two decimals, days to one decimal as shown (inf: stock never used), dates
    as dates; None missing."""
    if is_missing(value) or value is pd.NA:
        return None
    if kind in PERCENT_KINDS:
        return float(rounded(value * 100, 2))
    if kind == "rate":
        return float(rounded(value, 2))
    if kind == "days":
        return value if math.isinf(value) else float(rounded(cover_tenths(value), 1))
    if kind == "date":
        return value
    if kind == "ceiling":
        return math.ceil(value)
    return int(rounded(value, 0))


def plain(frame: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    """frame with the columns named in kinds as plain_value numbers (whole kinds as Int64), for the downloads."""
    out = frame.copy()
    for column, kind in kinds.items():
        values = [plain_value(v, kind) for v in frame[column]]
        if kind == "date":  # days stay days: ISO in a CSV, date cells in a workbook
            out[column] = pd.Series(values, index=frame.index, dtype=object)
            continue
        whole_kind = kind in ("count", "ceiling")
        out[column] = pd.array(values, dtype="Int64" if whole_kind else "Float64").astype(
            "Int64" if whole_kind else "float64"
        )
    return out


def unit_header(text: str, kind: str) -> str:
    """A column header with its unit when the download holds per cent: "Change on last week (%)"."""
    return f"{text} (%)" if kind in PERCENT_KINDS else text


def formatter(kind: str, lang: str = "en") -> Callable[[object], str]:
    """format_value for one kind and language, as a one-argument function (for Styler.format)."""
    return lambda value: format_value(value, kind, lang)


def cover_style(days: float) -> str:
    """CSS for a days-of-cover cell: its warning background (stats.stock.cover_level), none when ok."""
    colour = COVER_BACKGROUNDS.get(cover_level(days))
    return f"background-color: {colour}; color: #000000" if colour else ""


def league_styler(table: pd.DataFrame, lang: str = "en") -> Styler:
    """The league table with its numbers written the Indian way (the values stay numbers, so sorting works) and
    days of cover on their warning colour."""
    shown = table[["code", *LEAGUE_COLUMNS]]
    kinds = {c: k for c, k in KINDS.items() if c in shown.columns and not c.startswith("coverage")}
    return shown.style.format({c: formatter(k, lang) for c, k in kinds.items()}).map(
        cover_style, subset=["days_of_cover"]
    )


def league_header(column: str, lang: str = "en") -> tuple[str, str]:
    """A league column's short on-screen header (district_pace.head_<column>, else its name) and its help: the
    full name, as the downloads head it, then district_pace.help_<column> when there is one."""
    name = t(f"district_pace.col_{column}", lang)
    head = f"district_pace.head_{column}"
    short = t(head, lang) if head in CATALOGUE else name
    help_key = HELP_KEYS.get(column, f"district_pace.help_{column}")
    return short, f"{name}: {t(help_key, lang)}" if help_key in CATALOGUE else name


def written(frame: pd.DataFrame, kinds: dict[str, str], lang: str = "en") -> pd.DataFrame:
    """frame with the columns named in kinds written as text by format_value (for tables and CSV files)."""
    out = frame.copy()
    for column, kind in kinds.items():
        out[column] = pd.Series([format_value(v, kind, lang) for v in frame[column]], index=frame.index, dtype=object)
    return out


def league_export(table: pd.DataFrame, lang: str = "en", *, formatted: bool = True) -> pd.DataFrame:
    """The league table with headers in the language: as written on screen (formatted), or as the downloads hold
    it (plain numbers, percentages in per cent with (%) in the header)."""
    shown = table[[c for c in LEAGUE_COLUMNS if c != "last_28_days"]]
    kinds = {c: k for c, k in KINDS.items() if c in shown.columns}
    if formatted:
        out = written(shown, kinds, lang)
        return out.rename(columns={c: t(f"district_pace.col_{c}", lang) for c in out.columns})
    out = plain(shown, kinds)
    return out.rename(
        columns={c: unit_header(t(f"district_pace.col_{c}", lang), KINDS.get(c, "")) for c in out.columns}
    )


def indicator_export(bars: pd.DataFrame, indicator: str, lang: str = "en") -> pd.DataFrame:
    """The compared indicator per district (indicator_bars' order) as the downloads hold it."""
    kind = KINDS[indicator]
    out = plain(bars[["district", "value"]], {"value": kind})
    return out.rename(
        columns={
            "district": t("district_pace.col_district", lang),
            "value": unit_header(t(f"district_pace.col_{indicator}", lang), kind),
        }
    )


# --- comparing districts on one indicator ----------------------------------------------------------


def indicator_bars(table: pd.DataFrame, indicator: str, lang: str = "en") -> pd.DataFrame:
    """code, district, value (inf as NaN), text (written value), sorted best first (NaN last).

    Dropout and required daily rate are better low; everything else better high. Ties: by name.
    """
    values = table[indicator].astype("float64").replace([math.inf, -math.inf], math.nan)
    out = pd.DataFrame({"code": table["code"], "district": table["district"], "value": values})
    ascending = indicator in ("dropout", "required_daily_rate")
    out = out.sort_values(["value", "district"], ascending=[ascending, True], na_position="last", kind="stable")
    out["text"] = [format_value(v, KINDS[indicator], lang) for v in table.loc[out.index, indicator]]
    if indicator == "days_of_cover":
        out["level"] = [cover_level(v) for v in table.loc[out.index, indicator]]
    return out.reset_index(drop=True)


# --- one district --------------------------------------------------------------------------------


def pace_trend(
    recent: pd.DataFrame,
    targets: pd.DataFrame,
    code: str,
    as_of: date,
    age_bands: Sequence[str] = DEFAULT_BANDS,
    days: int = TREND_DAYS,
) -> pd.DataFrame:
    """The last `days` days up to as_of: date, area (code or STATE), doses, average_7d, per_thousand.

    The district's 7-day average per 1,000 eligible against the state's (all districts together).
    """
    start = history_start(as_of, days)
    rows = doses_in_bands(recent, age_bands)
    population = eligible_population(targets, age_bands)
    parts = []
    for area, subset, people in (
        (code, rows[rows["district_code"] == code], population.loc[population["district_code"] == code, "population"]),
        (STATE, rows, population["population"]),
    ):
        daily = rolling_daily_doses(subset[["date", "doses"]], start=start, end=as_of)
        parts.append(daily.assign(area=area, population=int(people.sum())))
    out = pd.concat(parts, ignore_index=True)
    out = out[out["date"] > as_of - timedelta(days=days)]
    out["per_thousand"] = coverage(out["average_7d"], out["population"]) * 1000
    return out[["date", "area", "doses", "average_7d", "per_thousand"]].reset_index(drop=True)


def area_doses(trend: pd.DataFrame, area: str) -> int:
    """Doses of one area (a code or STATE) over the trend's days."""
    return int(trend.loc[trend["area"] == area, "doses"].sum())


def trend_written(trend: pd.DataFrame, code: str, lang: str = "en") -> pd.DataFrame:
    """The trend as a table: date (long date), the district's and the state's per_thousand, written."""
    wide = trend.pivot(index="date", columns="area", values="per_thousand").reset_index()
    out = pd.DataFrame({"date": pd.Series([long_date(d, lang) for d in wide["date"]], dtype=object)})
    for area in (code, STATE):
        values = wide[area] if area in wide.columns else pd.Series(math.nan, index=wide.index)
        out[area] = [format_value(v, "rate", lang) for v in values]
    return out


def trend_export(trend: pd.DataFrame, code: str) -> pd.DataFrame:
    """The trend as the downloads hold it: date, the district's and the state's per_thousand to two decimals."""
    wide = trend.pivot(index="date", columns="area", values="per_thousand").reset_index()
    out = pd.DataFrame({"date": list(wide["date"])})
    for area in (code, STATE):
        values = wide[area] if area in wide.columns else pd.Series(math.nan, index=wide.index)
        out[area] = plain(pd.DataFrame({area: values}), {area: "rate"})[area].to_numpy()
    return out


def centre_performance(centre_days: pd.DataFrame, as_of: date, days: int = CENTRE_DAYS) -> pd.DataFrame:
    """Per centre over the last `days` days: centre_code, centre_name, doses, per_day (doses ÷ days),
    days_reported, last_reported, reported_on_as_of; sorted by per_day (highest first), then code."""
    first, last = centre_window(as_of, days)
    rows = centre_days[(centre_days["date"] >= first) & (centre_days["date"] <= last)]
    if rows.empty:
        return pd.DataFrame(
            {
                "centre_code": pd.Series(dtype=object),
                "centre_name": pd.Series(dtype=object),
                "doses": pd.Series(dtype="int64"),
                "per_day": pd.Series(dtype="float64"),
                "days_reported": pd.Series(dtype="int64"),
                "last_reported": pd.Series(dtype=object),
                "reported_on_as_of": pd.Series(dtype=bool),
            }
        )
    out = rows.groupby(["centre_code", "centre_name"], as_index=False).agg(
        doses=("doses", "sum"), days_reported=("date", "nunique"), last_reported=("date", "max")
    )
    out["per_day"] = out["doses"] / days
    out["reported_on_as_of"] = out["last_reported"] == as_of
    out = out.astype({"doses": "int64", "days_reported": "int64"})
    out = out.sort_values(["per_day", "centre_code"], ascending=[False, True], kind="stable")
    columns = ["centre_code", "centre_name", "doses", "per_day", "days_reported", "last_reported", "reported_on_as_of"]
    return out[columns].reset_index(drop=True)


def top_and_bottom(performance: pd.DataFrame, n: int = TOP) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The n centres with most doses a day, and the n with fewest among the rest (lowest first; no overlap)."""
    top = performance.head(n)
    rest = performance.iloc[n:]
    bottom = rest.iloc[::-1].head(n)
    return top.reset_index(drop=True), bottom.reset_index(drop=True)


def missing_centres(performance: pd.DataFrame) -> pd.DataFrame:
    """The centres that reported in the window but not on as_of, the longest silent first."""
    out = performance[~performance["reported_on_as_of"]]
    return out.sort_values(["last_reported", "centre_code"], kind="stable").reset_index(drop=True)


def centres_written(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A centre table as shown: code, name, doses, per day, days reported, last reported (long date)."""
    out = written(frame, {"doses": "count", "per_day": "rate", "days_reported": "count"}, lang)
    out["last_reported"] = pd.Series(
        [long_date(d, lang) for d in frame["last_reported"]], index=frame.index, dtype=object
    )
    out = out[["centre_code", "centre_name", "doses", "per_day", "days_reported", "last_reported"]]
    return out.rename(columns={c: t(f"district_pace.centre_{c}", lang) for c in out.columns})


def second_doses(doses: pd.DataFrame, intervals: pd.DataFrame, as_of: date, lang: str = "en") -> pd.DataFrame:
    """Per vaccine given in the district: vaccine (name in the language), dose1, dose2, due, overdue.

    doses: date, vaccine, dose_number, doses (one district, the chosen bands); intervals as
    reference.vaccine_intervals. Due includes the overdue (stats.dropout.second_doses_due).
    """
    due = second_doses_due(doses, intervals, as_of, by=())
    name = "name_hi" if lang == "hi" else "name_en"
    names = intervals.set_index("code")[name]
    out = due.assign(vaccine=due["vaccine"].map(names).fillna(due["vaccine"]))
    return out[["vaccine", "dose1", "dose2", "due", "overdue"]].reset_index(drop=True)


def dose_totals(frame: pd.DataFrame, columns: Iterable[str]) -> dict[str, int]:
    """The columns summed (for metrics above a table)."""
    return {c: int(frame[c].sum()) for c in columns}
