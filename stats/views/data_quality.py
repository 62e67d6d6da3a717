"""What the data-quality page shows: the flags of stats.quality over a range of days, the state's own daily
doses against the published series, and the share of each district's centres that reported each day.

Frames come from data.read: ``quality_range_frames`` (the rules' inputs over a range), ``centres_reporting``
(by district) and ``centre_counts``. Tables for the screen and for CSV files hold text written the Indian way
(1,09,353; 22 June 2021 / 22 जून 2021) in the chosen language.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pandas as pd

from stats.doses import calendar_days, on_calendar, within
from stats.formatting import indian_number, long_date, percent, signed_change
from stats.labels import CATALOGUE, t
from stats.published import compare_daily_doses, published_daily_doses
from stats.quality import (
    STATE,
    Flag,
    Names,
    sort_flags,
)

DEFAULT_DAYS = 28
"""The page opens on the 28 days up to the sidebar's date."""
LARGEST_GAPS = 5
"""Rows in the table of largest gaps."""
ALL_AREAS = "*"
"""The area filter's choice of every area (as None)."""


def texts(values, write, lang: str) -> list[str]:
    """write(value, lang) for every value, each distinct value written once (long columns repeat them)."""
    values = list(values)
    written = {v: write(v, lang) for v in dict.fromkeys(values)}
    return [written[v] for v in values]


# --- The range -------------------------------------------------------------------------------------


def default_range(as_of: date, first: date | None = None, days: int = DEFAULT_DAYS) -> tuple[date, date]:
    """The days days up to as_of (both included), starting no earlier than first."""
    start = as_of - timedelta(days=days - 1)
    return (max(start, first) if first is not None else start), as_of


def chosen_range(value: object, fallback: tuple[date, date]) -> tuple[date, date]:
    """(start, end) from a date-range widget's value: a pair as it is; one date (while picking) to itself."""
    if isinstance(value, date):
        return value, value
    picked = [d for d in (value or ()) if d is not None]
    if not picked:
        return fallback
    return (picked[0], picked[-1]) if len(picked) > 1 else (picked[0], picked[0])


# --- Flags -----------------------------------------------------------------------------------------


def rule_label(rule: str, lang: str) -> str:
    """The rule's short name in the language (the rule's code when the catalogue does not know it)."""
    key = f"data_quality.rule_{rule}"
    return t(key, lang) if key in CATALOGUE else rule


def area_label(code: str | None, lang: str, names: Names | None = None) -> str:
    """An area's name in the language: ALL_AREAS (or None) is every area, STATE the state, a district its name."""
    if code in (None, ALL_AREAS):
        return t("data_quality.all_areas", lang)
    if names and code in names:
        return names[code][0 if lang == "en" else 1]
    return t("common.state_name", lang) if code == STATE else code


def area_options(names: Names) -> list[str]:
    """The area filter's choices: every area (ALL_AREAS), the state, then each district of names in its order."""
    return [ALL_AREAS, STATE, *(code for code in names if code != STATE)]


FLAG_TABLE = ["date", "area", "rule", "message"]


def flags_table(
    flags: Sequence[Flag],
    lang: str,
    names: Names | None = None,
    rules: Sequence[str] | None = None,
    area: str | None = None,
    *,
    formatted: bool = True,
) -> pd.DataFrame:
    """The flags of the chosen rules (None or empty: all) and area (None or ALL_AREAS: all) as text in the language.

    Columns: date (long date; a date when not formatted, for the downloads), area (name), rule (short name),
    message. Newest first, then area and rule.
    """
    chosen = [f for f in flags if (not rules or f.rule in rules) and (area in (None, ALL_AREAS) or f.area == area)]
    ordered = sorted(sort_flags(chosen), key=lambda f: f.date, reverse=True)  # stable: area, rule kept per day
    rows = [
        (
            long_date(f.date, lang) if formatted else f.date,
            area_label(f.area, lang, names),
            rule_label(f.rule, lang),
            f.message_en if lang == "en" else f.message_hi,
        )
        for f in ordered
    ]
    return pd.DataFrame(rows, columns=FLAG_TABLE, dtype="object")


# --- Own reports against the published series -------------------------------------------------------


def own_doses(state: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """The state's own doses on every day from start to end (a day without reports is 0): date, doses."""
    return on_calendar(state[["date", "doses"]], (), ("doses",), start, end)


def source_comparison(state: pd.DataFrame, series: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Own daily doses against each source's published daily doses, dated start to end.

    state: date, doses (with the days before start that a published figure spanning them needs). series:
    the cumulative published series (with the published date before start). Columns as
    stats.published.compare_daily_doses: date, source, days, own, published, gap, relative_gap.
    """
    compared = compare_daily_doses(state[["date", "doses"]], published_daily_doses(series))
    return within(compared, start, end).reset_index(drop=True)


def source_label(source: str, lang: str) -> str:
    """A published source's name in the language (its code when unknown)."""
    key = f"data_quality.source_{source}"
    return t(key, lang) if key in CATALOGUE else source


def signed_percent(x: float, lang: str) -> str:
    """A relative gap with its sign: +2.9% / −2.9% (true minus); — when missing."""
    if pd.isna(x):
        return percent(None, lang)
    return ("+" if x > 0 else "\u2212" if x < 0 else "") + percent(abs(x), lang)


COMPARISON_TABLE = ["date", "source", "own", "published", "gap", "relative_gap", "days"]


def comparison_table(compared: pd.DataFrame, lang: str, *, formatted: bool = True) -> pd.DataFrame:
    """compared (as source_comparison) as text: date, source, own, published, gap, relative_gap, days; not
    formatted (for the downloads): dates, whole numbers and relative_gap in per cent to two decimals."""
    if not formatted:
        return pd.DataFrame(
            {
                "date": list(compared["date"]),
                "source": texts(compared["source"], source_label, lang),
                "own": pd.array(compared["own"], dtype="Int64"),
                "published": pd.array(compared["published"], dtype="Int64"),
                "gap": pd.array(compared["gap"], dtype="Int64"),
                "relative_gap": (compared["relative_gap"].astype("float64") * 100).round(2),
                "days": pd.array(compared["days"], dtype="Int64"),
            },
            columns=COMPARISON_TABLE,
        )
    return pd.DataFrame(
        {
            "date": texts(compared["date"], long_date, lang),
            "source": texts(compared["source"], source_label, lang),
            "own": texts(compared["own"], indian_number, lang),
            "published": texts(compared["published"], indian_number, lang),
            "gap": texts(compared["gap"], signed_change, lang),
            "relative_gap": [signed_percent(v, lang) for v in compared["relative_gap"]],
            "days": texts(compared["days"], indian_number, lang),
        },
        columns=COMPARISON_TABLE,
        dtype="object",
    )


def largest_gaps(compared: pd.DataFrame, n: int = LARGEST_GAPS) -> pd.DataFrame:
    """The n rows of compared with the largest gaps in doses either way (ties: the later date first)."""
    size = compared["gap"].abs()
    ordered = compared.assign(_size=size).sort_values(["_size", "date"], ascending=[False, False], kind="stable")
    return ordered.drop(columns="_size").head(n).reset_index(drop=True)


def largest_gap_text(compared: pd.DataFrame, lang: str) -> tuple[str, str]:
    """The largest gap for a metric: (gap in doses, 'share · source, date'); ('—', '') without comparisons."""
    if compared.empty:
        return percent(None, lang), ""
    top = largest_gaps(compared, 1).iloc[0]
    where = f"{source_label(top['source'], lang)}, {long_date(top['date'], lang)}"
    return signed_change(top["gap"], lang), f"{signed_percent(top['relative_gap'], lang)} · {where}"


# --- Reporting completeness ------------------------------------------------------------------------

COMPLETENESS = ["district_code", "date", "reported", "known", "share"]


def reporting_completeness(
    reporting: pd.DataFrame, counts: pd.DataFrame, start: date, end: date, area: str | None = None
) -> pd.DataFrame:
    """Per district with known centres and every day from start to end: centres that reported, known, share.

    reporting: date, district_code, centres (data.read.doses.centres_reporting by district). counts:
    district_code, centres (data.read.doses.centre_counts). area: one district code (None, ALL_AREAS or
    STATE: every district).
    share = reported ÷ known. Sorted by district code, then date.
    """
    known = counts[counts["centres"] > 0]
    if area not in (None, ALL_AREAS, STATE):
        known = known[known["district_code"] == area]
    days = pd.DataFrame({"date": pd.Series(calendar_days(start, end), dtype="object")})
    grid = known[["district_code", "centres"]].rename(columns={"centres": "known"}).merge(days, how="cross")
    rows = within(reporting, start, end)[["date", "district_code", "centres"]].rename(columns={"centres": "reported"})
    out = grid.merge(rows, on=["district_code", "date"], how="left").fillna({"reported": 0})
    out = out.astype({"reported": "int64", "known": "int64"})
    out["share"] = (out["reported"] / out["known"]).astype("float64")
    return out.sort_values(["district_code", "date"], kind="stable").reset_index(drop=True)[COMPLETENESS]


def completeness_table(
    completeness: pd.DataFrame, lang: str, names: Names | None = None, *, formatted: bool = True
) -> pd.DataFrame:
    """completeness as text (the chart's table): district, date, reported, known, share; not formatted (for the
    downloads): dates, whole numbers and share_percent (in per cent to one decimal) in place of share."""
    if not formatted:
        return pd.DataFrame(
            {
                "district": texts(completeness["district_code"], lambda c, lg: area_label(c, lg, names), lang),
                "date": list(completeness["date"]),
                "reported": pd.array(completeness["reported"], dtype="int64"),
                "known": pd.array(completeness["known"], dtype="int64"),
                "share_percent": (completeness["share"].astype("float64") * 100).round(1),
            }
        )
    return pd.DataFrame(
        {
            "district": texts(completeness["district_code"], lambda c, lg: area_label(c, lg, names), lang),
            "date": texts(completeness["date"], long_date, lang),
            "reported": texts(completeness["reported"], indian_number, lang),
            "known": texts(completeness["known"], indian_number, lang),
            "share": texts(completeness["share"], percent, lang),
        },
        columns=["district", "date", "reported", "known", "share"],
        dtype="object",
    )


def completeness_summary(completeness: pd.DataFrame, lang: str, names: Names | None = None) -> pd.DataFrame:
    """Per district: district (name), known centres, average share over the days, share on the last day.

    Shares stay fractions (for a progress bar); sorted by average share, lowest first, then name.
    """
    columns = ["district", "known", "average_share", "last_share"]
    if completeness.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if "share" in c else "object") for c in columns})
    last = completeness["date"].max()
    groups = completeness.groupby("district_code", sort=True)
    out = pd.DataFrame(
        {
            "known": groups["known"].first(),
            "average_share": groups["share"].mean(),
            "last_share": completeness[completeness["date"] == last].set_index("district_code")["share"],
        }
    ).reset_index()
    out["district"] = [area_label(c, lang, names) for c in out["district_code"]]
    out = out.sort_values(["average_share", "district"], kind="stable").reset_index(drop=True)
    return out.astype({"known": "int64"})[columns]


def reporting_on(completeness: pd.DataFrame, day: date, lang: str) -> str:
    """'R of K' centres of the shown districts that reported on day, in the language (K = known centres)."""
    rows = completeness[completeness["date"] == day]
    reported, known = int(rows["reported"].sum()), int(rows["known"].sum())
    return t(
        "data_quality.reporting_value",
        lang,
        reported=indian_number(reported, lang),
        known=indian_number(known, lang),
    )
