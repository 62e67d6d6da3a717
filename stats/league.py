"""The district league table: every district's pace, coverage, dropout, stock cover and required daily rate, from
the frames data.read returns (the district-pace page writes it; data.read.pace caches it).

Inputs (as the queries return them):
  districts  code, name_en, name_hi (every district of the master list)
  targets    district_code, age_band, population
  totals     district_code, age_band, dose_number, doses: cumulative up to as_of (doses.total_doses)
  recent     date, district_code, age_band, doses from history_start(as_of) to as_of (doses.daily_doses)
  stock      store, vaccine, on_hand (stock.stock_on_hand on as_of)

Pace is the 7-day average of the doses of the selected age bands (every dose number), per 1,000 eligible
people of those bands. The rank is by that pace (1 = fastest); districts with the same pace share a rank.

The districts are compared as they stood on standing_day(as_of), the first day of the two weeks the pace and
its change on last week cover: a district formed after that day is counted in its parent (its doses, stock and
target population), so a comparison across a split compares like with like (data/master/README.md, "Districts
over time").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pandas as pd

from stats.coverage import (
    coverage,
    coverage_by_dose,
    district_rank,
    doses_in_bands,
    eligible_population,
    required_daily_rate,
)
from stats.districts import as_districts_on, districts_on, targets_on
from stats.doses import WINDOW, relative_change, rolling_daily_doses
from stats.dropout import crude_dropout
from stats.stock import cover_days, stockout_date

TREND_DAYS = 90
"""Days of the trend chart (the league table's sparkline shows the last SPARK_DAYS of them)."""
SPARK_DAYS = 28
DEFAULT_BANDS = ("18-44", "45-59", "60+")
DEFAULT_TARGET_PERCENT = 90
TARGET_DATE = date(2021, 12, 31)
TARGET_LEAD_DAYS = 90

LEAGUE_COLUMNS = (
    "rank",
    "district",
    "per_thousand",
    "change_7d",
    "last_28_days",
    "coverage_1",
    "coverage_2",
    "coverage_3",
    "dropout",
    "required_daily_rate",
    "days_of_cover",
    "stockout_date",
    "on_hand",
    "average_7d",
    "population",
)
"""The league table's columns in the order shown (code is kept beside them, not shown)."""


# --- dates ----------------------------------------------------------------------------------------


def default_target_date(as_of: date) -> date:
    """31 December 2021, or as_of + 90 days when that is later."""
    return max(TARGET_DATE, as_of + timedelta(days=TARGET_LEAD_DAYS))


def standing_day(as_of: date) -> date:
    """The day whose districts the league compares: the first of the two weeks behind the pace on as_of and
    its change on the week before."""
    return as_of - timedelta(days=2 * WINDOW - 1)


def history_start(as_of: date, days: int = TREND_DAYS) -> date:
    """First day to fetch so that each of the last `days` days up to as_of averages over a full week."""
    return as_of - timedelta(days=days + WINDOW - 2)


# --- names ---------------------------------------------------------------------------------------


def district_names(districts: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """code, district (the name in the language), sorted by that name."""
    column = "name_hi" if lang == "hi" else "name_en"
    out = districts[["code", column]].rename(columns={column: "district"})
    return out.sort_values("district", kind="stable").reset_index(drop=True)


# --- the league table ----------------------------------------------------------------------------


def _on_calendar_by_district(frame: pd.DataFrame, start: date, as_of: date) -> pd.DataFrame:
    """date, district_code, doses, average_7d on every day from start to as_of (districts with rows only)."""
    summed = frame[["date", "district_code", "doses"]]
    return rolling_daily_doses(summed, ("district_code",), start=start, end=as_of)


def _pace(daily: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """district_code, average_7d on as_of, average_7d_before (7 days earlier), last_28_days (list of doses)."""
    now = daily[daily["date"] == as_of][["district_code", "average_7d"]]
    before = daily[daily["date"] == as_of - timedelta(days=WINDOW)][["district_code", "average_7d"]]
    spark = daily[daily["date"] > as_of - timedelta(days=SPARK_DAYS)]
    lists = spark.groupby("district_code", sort=False)["doses"].agg(list).rename("last_28_days").reset_index()
    out = now.merge(before.rename(columns={"average_7d": "average_7d_before"}), on="district_code", how="left")
    return out.merge(lists, on="district_code", how="left")


def _coverage_wide(totals: pd.DataFrame, targets: pd.DataFrame, age_bands: Sequence[str]) -> pd.DataFrame:
    """district_code, doses_1..3 and coverage_1..3 (raw fractions) of the selected bands."""
    long = coverage_by_dose(totals, targets, age_bands, ("district_code",))
    wide = long.pivot(index="district_code", columns="dose_number", values=["doses", "coverage"])
    wide.columns = [f"{name}_{number}" for name, number in wide.columns]
    return wide.reset_index()


def _stock_cover(stock: pd.DataFrame, recent: pd.DataFrame, start: date, as_of: date) -> pd.DataFrame:
    """district_code, on_hand (every vaccine), all_bands_7d (7-day average of every dose given there)."""
    on_hand = stock.groupby("store", as_index=False)["on_hand"].sum().rename(columns={"store": "district_code"})
    daily = _on_calendar_by_district(recent, start, as_of)
    pace = daily[daily["date"] == as_of][["district_code", "average_7d"]].rename(columns={"average_7d": "all_bands_7d"})
    return on_hand.merge(pace, on="district_code", how="outer")


def league_table(
    districts: pd.DataFrame,
    targets: pd.DataFrame,
    totals: pd.DataFrame,
    recent: pd.DataFrame,
    stock: pd.DataFrame,
    as_of: date,
    age_bands: Sequence[str] = DEFAULT_BANDS,
    target_percent: float = DEFAULT_TARGET_PERCENT,
    target_date: date | None = None,
    target_dose: int = 1,
    lang: str = "en",
) -> pd.DataFrame:
    """One row per district as the districts stood on standing_day(as_of) (with zeros where it has no doses),
    sorted by rank.

    Columns: code, LEAGUE_COLUMNS, average_7d_before, doses_1..3. That is: district (name in the language),
    rank (by per_thousand; ties share it), population (eligible in the bands), average_7d (doses a day,
    7-day average), per_thousand (average_7d per 1,000 eligible), average_7d_before (the 7 days before),
    change_7d (relative change on the week before; NaN without doses then), last_28_days (list of daily
    doses), doses_1..3 (cumulative), coverage_1..3 (raw fractions), dropout (crude, dose 1 to 2), on_hand
    (stock of every vaccine), days_of_cover (on hand ÷ the 7-day average of every dose given there; inf:
    stock but no doses), stockout_date (as_of + whole days of cover: the last day the stock lasts at this pace;
    None when it is not used), required_daily_rate (doses a day for target_percent coverage of target_dose by
    target_date; 0 when reached; NaN when no day is left or there is no target population).
    """
    target_date = target_date or default_target_date(as_of)
    start = history_start(as_of)
    stood = standing_day(as_of)
    targets = targets_on(targets, districts, stood)
    totals = as_districts_on(totals, districts, stood, ("doses",))
    recent = as_districts_on(recent, districts, stood, ("doses",))
    stock = as_districts_on(stock[["store", "vaccine", "on_hand"]], districts, stood, ("on_hand",), column="store")
    districts = districts_on(districts, stood)
    names = district_names(districts, lang)
    in_bands = doses_in_bands(recent, age_bands)
    daily = _on_calendar_by_district(in_bands, start, as_of)

    out = names.merge(
        eligible_population(targets, age_bands).rename(columns={"district_code": "code"}), on="code", how="left"
    )
    out = out.merge(_pace(daily, as_of).rename(columns={"district_code": "code"}), on="code", how="left")
    out = out.merge(
        _coverage_wide(totals, targets, age_bands).rename(columns={"district_code": "code"}), on="code", how="left"
    )
    dropout = crude_dropout(doses_in_bands(totals, age_bands))[["district_code", "dropout"]]
    out = out.merge(dropout.rename(columns={"district_code": "code"}), on="code", how="left")
    out = out.merge(
        _stock_cover(stock, recent, start, as_of).rename(columns={"district_code": "code"}), on="code", how="left"
    )

    counts = ["population", "doses_1", "doses_2", "doses_3", "on_hand"]
    out = out.fillna({**dict.fromkeys(counts, 0), "average_7d": 0.0, "all_bands_7d": 0.0})
    out = out.astype(dict.fromkeys(counts, "int64"))
    out["last_28_days"] = [x if isinstance(x, list) else [0] * SPARK_DAYS for x in out["last_28_days"]]
    out["per_thousand"] = coverage(out["average_7d"], out["population"]) * 1000
    out["change_7d"] = relative_change(out["average_7d"] - out["average_7d_before"], out["average_7d_before"])
    out["days_of_cover"] = cover_days(out["on_hand"].astype("float64"), out["all_bands_7d"])
    lasts = [stockout_date(days, as_of) for days in out["days_of_cover"]]
    out["stockout_date"] = pd.Series(lasts, index=out.index, dtype="object")
    given = out[f"doses_{target_dose}"]
    rates = [
        required_daily_rate(d, p, target_percent / 100, as_of, target_date)
        for d, p in zip(given, out["population"], strict=True)
    ]
    # No target population, no target: the rate is unknown, not "reached".
    out["required_daily_rate"] = pd.Series(rates, index=out.index, dtype="float64").where(out["population"] > 0)
    ranked = district_rank(out, "per_thousand", order_by="district")
    return ranked[["code", *LEAGUE_COLUMNS, "average_7d_before", "doses_1", "doses_2", "doses_3"]]
