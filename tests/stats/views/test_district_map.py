"""The district map's indicators and the table beside it (stats.views.district_map), worked by hand.

Two districts, Raipur (RPR) and Durg (DRG), each of 2,00,000 people 12+ (40,000 in each of the five bands). Raipur
has the state's reports on 7 days to 22 June 2021: 700 a day (4,900 in the week) to a cumulative of 10,000 (8,000
first doses); Durg has only 22 June: 300 doses, 600 cumulative (500 first).
  on the day per lakh: Raipur 700 / 2,00,000 × 1,00,000 = 350.0; Durg 150.0
  7-day average per 1,000: Raipur 700 / 2,00,000 × 1,000 = 3.5; Durg — (one regular day of seven)
  first-dose coverage: Raipur 8,000 / 2,00,000 = 4.0%; Durg 500 / 2,00,000 = 0.25% (0.3%)
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from stats.sources import covering
from stats.views.district_map import district_indicators, indicator_table, indicator_text, map_sources

DAY = date(2021, 6, 22)
BANDS = ("12-14", "15-17", "18-44", "45-59", "60+")


def _day(area: str, day: date, doses: int, cumulative: int, first: int, source: str = "own") -> dict:
    return {
        "date": day,
        "source": source,
        "area": area,
        "doses": doses,
        "first": doses,
        "second": 0,
        "precaution": 0,
        "cumulative": cumulative,
        "cumulative_first": first,
        "cumulative_second": cumulative - first,
        "cumulative_precaution": 0,
        "days": 1.0,
        "status": "day",
        "reported": True,
    }


def _days() -> pd.DataFrame:
    rows = [_day("RPR", DAY - timedelta(days=i), 700, 10_000 - 700 * i, 8_000 - 700 * i) for i in range(7)]
    rows.append(_day("DRG", DAY, 300, 600, 500))
    return covering([pd.DataFrame(rows)])


DISTRICTS = pd.DataFrame({"code": ["DRG", "RPR"], "name_en": ["Durg", "Raipur"], "name_hi": ["दुर्ग", "रायपुर"]})
TARGETS = pd.DataFrame(
    {"district_code": [c for c in ("DRG", "RPR") for _ in BANDS], "age_band": list(BANDS) * 2, "population": 40_000}
)


def test_indicators_of_each_district() -> None:
    got = district_indicators(_days(), DISTRICTS, TARGETS, DAY).set_index("district_code")
    assert got.loc["RPR", "on_day_per_lakh"] == pytest.approx(350.0)
    assert got.loc["DRG", "on_day_per_lakh"] == pytest.approx(150.0)
    assert got.loc["RPR", "week_per_thousand"] == pytest.approx(3.5)
    assert pd.isna(got.loc["DRG", "week_per_thousand"])
    assert got.loc["RPR", "coverage_1"] == pytest.approx(0.04)
    assert got.loc["DRG", "coverage_1"] == pytest.approx(0.0025)
    assert got.loc["RPR", "cumulative"] == 10_000
    assert list(got["district"]) == ["Durg", "Raipur"]


@pytest.mark.parametrize(
    ("indicator", "value", "lang", "expected"),
    [
        ("on_day_per_lakh", 36.365, "en", "36.4"),
        ("week_per_thousand", 1234.56, "en", "1,234.6"),
        ("coverage_1", 0.7723, "en", "77.2%"),
        ("coverage_1", 0.0025, "en", "0.3%"),
        ("cumulative", 1_09_353, "en", "1,09,353"),
        ("cumulative", 1_09_353, "hi", "1,09,353"),
        ("cumulative", float("nan"), "en", "—"),
    ],
    ids=["per-lakh", "per-thousand-grouped", "coverage", "coverage-rounded", "cumulative", "cumulative-hi", "none"],
)
def test_indicator_text(indicator, value, lang, expected) -> None:
    assert indicator_text(indicator, value, lang) == expected


def test_the_table_beside_the_map_is_highest_first_with_missing_last() -> None:
    indicators = district_indicators(_days(), DISTRICTS, TARGETS, DAY)
    table = indicator_table(indicators, "week_per_thousand")
    assert table.values.tolist() == [["Raipur", "3.5"], ["Durg", "—"]]
    assert list(table.columns) == ["District", "7-day average a day per 1,000 people 12+"]
    assert map_sources(indicators) == "State reports"
    hindi = indicator_table(district_indicators(_days(), DISTRICTS, TARGETS, DAY, "hi"), "on_day_per_lakh", "hi")
    assert hindi.values.tolist() == [["रायपुर", "350.0"], ["दुर्ग", "150.0"]]
