"""stats.districts (districts over time) against the master list and small hand-worked tables, and the district
league across a split (stats.league compares the districts as they stood on its standing day)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from stats import league as league_rules
from stats.districts import (
    as_districts_on,
    districts_on,
    formed_between,
    owner_on,
    owners_on,
    targets_on,
)
from tests.stats import MASTER


def frame(columns: str, rows: list[tuple]) -> pd.DataFrame:
    """A small table with real dates (tests.stats.frame reads day numbers)."""
    return pd.DataFrame(rows, columns=columns.split())


def _master_districts() -> pd.DataFrame:
    table = pd.read_csv(MASTER / "districts.csv", dtype=str, keep_default_na=False)
    formed = [date.fromisoformat(d) if d else None for d in table["formed_on"]]
    return table.assign(formed_on=formed, parent_code=table["parent_code"].replace("", None))[
        ["code", "name_en", "name_hi", "formed_on", "parent_code"]
    ]


DISTRICTS = _master_districts()
TARGETS = pd.read_csv(MASTER / "district_targets.csv")

COUNTS = [
    (date(2020, 1, 1), 27, "before Gaurela-Pendra-Marwahi (10 February 2020)"),
    (date(2021, 6, 22), 28, "the campaign of 2021"),
    (date(2022, 8, 31), 28, "the day before September 2022"),
    (date(2022, 9, 2), 29, "Mohla-Manpur-Ambagarh Chowki on its day"),
    (date(2022, 9, 3), 31, "Sarangarh-Bilaigarh and Khairagarh-Chhuikhadan-Gandai"),
    (date(2022, 9, 8), 31, "the day before Manendragarh and Sakti"),
    (date(2022, 9, 9), 33, "all 33"),
]


@pytest.mark.parametrize("day, count", [c[:2] for c in COUNTS], ids=[c[2] for c in COUNTS])
def test_districts_on_counts_the_districts_of_the_day(day, count):
    assert len(districts_on(DISTRICTS, day)) == count


def test_districts_on_is_in_name_order_in_each_language():
    english = districts_on(DISTRICTS, date(2021, 6, 22))
    assert list(english["name_en"]) == sorted(english["name_en"])
    assert "SBG" not in set(english["code"])
    hindi = districts_on(DISTRICTS, date(2022, 10, 1), "hi")
    assert list(hindi["name_hi"]) == sorted(hindi["name_hi"])


OWNERS = [
    ("SBG", date(2021, 6, 22), "RGH", "before: its recorded parent"),
    ("SBG", date(2022, 9, 3), "SBG", "on its formation day: itself"),
    ("MMA", date(2022, 9, 1), "RJN", "Mohla-Manpur from Rajnandgaon"),
    ("KCG", date(2022, 9, 2), "RJN", "Khairagarh from Rajnandgaon"),
    ("MCB", date(2022, 9, 8), "KRY", "Manendragarh from Koriya"),
    ("SKT", date(2022, 9, 8), "JJG", "Sakti from Janjgir-Champa"),
    ("GPM", date(2020, 2, 9), "BSP", "Gaurela-Pendra-Marwahi from Bilaspur"),
    ("RPR", date(2020, 1, 1), "RPR", "a district of 2012 is always itself"),
    ("STATE", date(2021, 6, 22), "STATE", "a code that is no district is left alone"),
]


@pytest.mark.parametrize("code, day, owner", [c[:3] for c in OWNERS], ids=[c[3] for c in OWNERS])
def test_owner_on(code, day, owner):
    assert owner_on(DISTRICTS, code, day) == owner


def test_owner_on_follows_a_parent_formed_later_too():
    chain = frame(
        "code name_en name_hi formed_on parent_code",
        [
            ("A", "A", "अ", None, None),
            ("B", "B", "ब", date(2022, 1, 1), "A"),
            ("C", "C", "क", date(2023, 1, 1), "B"),
        ],
    )
    assert owners_on(chain, date(2021, 1, 1)) == {"A": "A", "B": "A", "C": "A"}
    assert owners_on(chain, date(2022, 6, 1)) == {"A": "A", "B": "B", "C": "B"}


# Hand-worked from district_targets.csv, 18-44: Rajnandgaon 4,50,266 + Mohla-Manpur 1,44,470 + Khairagarh 1,87,201
# = 7,81,937 before 2 September 2022; 6,37,467 (Rajnandgaon and Khairagarh) on 2 September; 4,50,266 from the 3rd.
TARGETS_18_44 = [
    ("RJN", date(2022, 9, 1), 781_937, "Rajnandgaon with both its children"),
    ("RJN", date(2022, 9, 2), 637_467, "Mohla-Manpur on its own from its day"),
    ("RJN", date(2022, 9, 3), 450_266, "Rajnandgaon alone"),
    ("RGH", date(2021, 6, 22), 876_988, "Raigarh 5,61,595 + Sarangarh-Bilaigarh 3,15,393"),
    ("SBG", date(2022, 9, 3), 315_393, "Sarangarh-Bilaigarh's own"),
    ("BSP", date(2020, 1, 1), 998_026, "Bilaspur 8,26,890 + Gaurela-Pendra-Marwahi 1,71,136"),
    ("BSP", date(2021, 6, 22), 826_890, "Bilaspur alone"),
]


@pytest.mark.parametrize("code, day, population", [c[:3] for c in TARGETS_18_44], ids=[c[3] for c in TARGETS_18_44])
def test_targets_on(code, day, population):
    targets = targets_on(TARGETS, DISTRICTS, day).set_index(["district_code", "age_band"])
    assert targets.loc[(code, "18-44"), "population"] == population


@pytest.mark.parametrize("day", [c[0] for c in COUNTS], ids=[c[2] for c in COUNTS])
def test_targets_on_keeps_the_state_total_and_one_row_per_district_and_band(day):
    targets = targets_on(TARGETS, DISTRICTS, day)
    assert targets["population"].sum() == TARGETS["population"].sum()
    assert set(targets["district_code"]) == set(districts_on(DISTRICTS, day)["code"])
    assert len(targets) == 5 * len(districts_on(DISTRICTS, day))
    assert list(targets.columns) == list(TARGETS.columns)


def test_as_districts_on_sums_a_later_district_into_its_parent():
    doses = frame(
        "date district_code doses",
        [(date(2022, 9, 2), "RGH", 50), (date(2022, 9, 3), "RGH", 30), (date(2022, 9, 3), "SBG", 20)],
    )
    before = as_districts_on(doses, DISTRICTS, date(2022, 9, 2), ("doses",))
    assert before.to_dict("list") == {
        "date": [date(2022, 9, 2), date(2022, 9, 3)],
        "district_code": ["RGH", "RGH"],
        "doses": [50, 50],
    }
    assert as_districts_on(doses, DISTRICTS, date(2022, 9, 3), ("doses",)).equals(doses)


def test_formed_between():
    assert formed_between(DISTRICTS, date(2022, 8, 28), date(2022, 9, 10)) == ["KCG", "MCB", "MMA", "SBG", "SKT"]
    assert formed_between(DISTRICTS, date(2022, 9, 3), date(2022, 9, 10)) == ["MCB", "SKT"]
    assert formed_between(DISTRICTS, date(2021, 1, 1), date(2021, 12, 31)) == []


# --- the league across a split ------------------------------------------------------------------------
# P, its child C (formed 3 September 2022) and Q. Eligible 18-44: P 800, C 200, Q 1,000.
# P gives 50 doses a day from 1 August; C 20 a day from its formation (its area's doses went to P before);
# Q 100 a day.
SPLIT = frame(
    "code name_en name_hi formed_on parent_code",
    [("P", "Parent", "पी", None, None), ("C", "Child", "सी", date(2022, 9, 3), "P"), ("Q", "Other", "क्यू", None, None)],
)
SPLIT_TARGETS = frame(
    "district_code age_band population", [("P", "18-44", 800), ("C", "18-44", 200), ("Q", "18-44", 1000)]
)


def _daily(first: date, last: date) -> pd.DataFrame:
    rows = []
    for offset in range((last - first).days + 1):
        d = first + timedelta(days=offset)
        rows += [(d, "P", "18-44", 50), (d, "Q", "18-44", 100)]
        if d >= date(2022, 9, 3):
            rows.append((d, "C", "18-44", 20))
    return frame("date district_code age_band doses", rows)


def _league(as_of: date) -> pd.DataFrame:
    recent = _daily(league_rules.history_start(as_of), as_of)
    totals = (
        _daily(date(2022, 8, 1), as_of)
        .groupby(["district_code", "age_band"], as_index=False)["doses"]
        .sum()
        .assign(dose_number=1)[["district_code", "age_band", "dose_number", "doses"]]
    )
    stock = frame("store vaccine on_hand", [("P", "COVISHIELD", 700), ("C", "COVISHIELD", 140)])
    return league_rules.league_table(SPLIT, SPLIT_TARGETS, totals, recent, stock, as_of).set_index("code")


def test_league_crossing_the_split_compares_the_parent_with_its_child_summed():
    # 10 September: the two weeks from 28 August cross 3 September, so C is counted in P (as on 28 August).
    assert league_rules.standing_day(date(2022, 9, 10)) == date(2022, 8, 28)
    table = _league(date(2022, 9, 10))
    assert list(table.index) == ["Q", "P"]
    parent = table.loc["P"]
    assert parent["population"] == 1000  # 800 + 200
    assert parent["average_7d"] == pytest.approx(70.0)  # 4-10 September: 50 + 20 a day
    assert parent["average_7d_before"] == pytest.approx(370 / 7)  # 28 Aug-3 Sep: 7 × 50 + 20 on the 3rd
    assert parent["change_7d"] == pytest.approx(70 / (370 / 7) - 1)  # +32.4%
    assert parent["per_thousand"] == pytest.approx(70.0)
    assert parent["doses_1"] == 41 * 50 + 8 * 20  # 1 August-10 September, and C's 3-10 September
    assert parent["on_hand"] == 840
    assert parent["days_of_cover"] == pytest.approx(12.0)  # 840 ÷ 70


def test_league_after_the_split_shows_each_district_with_its_own_population():
    # 1 October: the two weeks from 18 September are after the split.
    table = _league(date(2022, 10, 1))
    assert list(table.index) == ["C", "Q", "P"]  # per 1,000: C 100, Q 100 (tie, by name: Child, Other), P 62.5
    assert table.loc["C", "population"] == 200 and table.loc["P", "population"] == 800
    assert table.loc["C", "per_thousand"] == pytest.approx(100.0)
    assert table.loc["P", "per_thousand"] == pytest.approx(62.5)
    assert table.loc["C", "change_7d"] == pytest.approx(0.0)
    assert table.loc["C", "doses_1"] == 29 * 20  # 3 September-1 October: counted from its formation
    assert table.loc["C", "coverage_1"] == pytest.approx(580 / 200)


def test_league_before_the_split_has_no_child():
    table = _league(date(2022, 8, 31))
    assert sorted(table.index) == ["P", "Q"]
    assert table.loc["P", "population"] == 1000
    assert table.loc["P", "average_7d"] == pytest.approx(50.0)
