"""The public summary's day in detail (stats.views.day_detail), worked by hand."""

from __future__ import annotations

from datetime import date

import pandas as pd

from stats.views.day_detail import by_dose, day_detail, from_own, sites
from tests.stats import master_names

NAMES = master_names()
DAY = date(2021, 6, 22)


def _state(**values) -> pd.Series:
    base = {"source": "own", "status": "day", "first": 730, "second": 0, "precaution": 10}
    return pd.Series(base | values)


OWN = pd.DataFrame(
    {
        "age_band": ["18-44", "60+", "60+"],
        "dose_number": [1, 1, 3],
        "vaccine": ["COVISHIELD", "COVISHIELD", "COVAXIN"],
        "doses": [700, 30, 10],
    }
)
NO_VALUES = pd.DataFrame(columns=["date", "source", "area", "metric", "value"])


def test_by_dose_number_with_shares() -> None:
    got = by_dose(_state(), NAMES)
    assert got.table.values.tolist() == [
        ["First dose", "730", "98.6%"],
        ["Second dose", "0", "0.0%"],
        ["Precaution dose", "10", "1.4%"],
    ]
    assert got.source == "State reports"


def test_no_breakdown_by_dose_on_a_day_that_is_not_one_days_doses() -> None:
    assert by_dose(_state(status="correction"), NAMES) is None
    assert by_dose(None, NAMES) is None


def test_own_reports_by_band_and_vaccine_in_their_order() -> None:
    band, vaccine = from_own(OWN, NAMES)
    assert band.table.values.tolist() == [["18–44 years", "700", "94.6%"], ["60+ years", "40", "5.4%"]]
    assert vaccine.table.values.tolist() == [["Covishield", "730", "98.6%"], ["Covaxin", "10", "1.4%"]]
    assert from_own(OWN.iloc[0:0], NAMES) == []


def test_sites_from_own_reports_say_sessions_are_not_counted() -> None:
    got = sites(2, NO_VALUES, DAY, "STATE")
    assert got.table.values.tolist() == [["Centres that reported doses", "2"]]
    assert got.notes == ("The state's centre reports do not count sessions.",)
    assert sites(0, NO_VALUES, DAY, "STATE") is None


def test_the_whole_day_in_hindi() -> None:
    parts = day_detail(_state(), OWN, 2, NO_VALUES, DAY, "STATE", NAMES, "hi")
    assert [p.key for p in parts] == ["dose", "band", "vaccine", "sites"]
    assert parts[0].table.values.tolist()[0] == ["पहली खुराक", "730", "98.6%"]
