"""The missing-centres rule on the default demo (few flags a working day, each a centre that reports every week on
that weekday; none on Sundays and public holidays) and on the real published series (no centres: no flag)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlmodel import Session

from data.db import make_engine
from data.demo import DemoData, generate
from data.read import quality
from stats.quality import MISSING_CENTRES, flags_for_day, missing_centres, rest_day, same_weekdays

# Centres flagged on each day of the default demo (seed 0), counted with the rule's SQL on the demo database and
# recounted here from the generated reports. The rule it replaced ("reported the day before, not today") flagged
# 15 centres on 31 March 2022, 447 on Sunday 27 March and 535 on Holi (18 March).
DEMO_DAYS = [
    (date(2022, 3, 31), 2, "Thursday 31 March 2022"),
    (date(2022, 3, 28), 6, "Monday 28 March 2022, after a Sunday"),
    (date(2022, 3, 29), 3, "Tuesday 29 March 2022"),
    (date(2022, 2, 10), 2, "Thursday 10 February 2022"),
    (date(2021, 12, 1), 4, "Wednesday 1 December 2021"),
    (date(2021, 6, 22), 3, "Tuesday 22 June 2021"),
    (date(2022, 3, 27), 0, "Sunday 27 March 2022"),
    (date(2022, 3, 18), 0, "Holi, 18 March 2022"),
    (date(2022, 1, 26), 0, "Republic Day 2022"),
]


@pytest.fixture(scope="module")
def reported() -> pd.DataFrame:
    """The default demo's centre days: date, centre_code, district_code (one row per centre that reported)."""
    data: DemoData = generate()
    days = data.doses[["date", "centre_code"]].drop_duplicates()
    days = days.assign(date=days["date"].dt.date, centre_code=days["centre_code"].astype(str))
    return days.merge(data.centres[["code", "district_code"]], left_on="centre_code", right_on="code")


def centre_reports(reported: pd.DataFrame, on: date) -> pd.DataFrame:
    """data.read.quality.centre_reports for one day, counted in pandas from the demo's centre days."""
    looked_at = same_weekdays(on)
    window = reported[reported["date"].isin([on, *looked_at])]
    counts = window.groupby(["centre_code", "district_code"]).agg(
        reported=("date", lambda d: int(on in set(d))), weekdays_reported=("date", lambda d: int((d != on).sum()))
    )
    return counts.reset_index().assign(date=on)


@pytest.mark.parametrize("on, expected", [c[:2] for c in DEMO_DAYS], ids=[c[2] for c in DEMO_DAYS])
def test_few_genuine_flags_on_the_demo(reported: pd.DataFrame, on: date, expected: int):
    flags = missing_centres(centre_reports(reported, on), on)
    flagged = [code for f in flags for code in f.figures["centre_codes"]]
    assert sum(f.figures["centres"] for f in flags) == expected
    assert len(flagged) == expected  # at most 5 codes a district: every one is named on these days
    assert not (expected and rest_day(on))
    for code in flagged:  # genuine: silent on the day after reporting on each of its last 4 same weekdays
        days = set(reported.loc[reported["centre_code"] == code, "date"])
        assert set(same_weekdays(on)) <= days and on not in days, code


def test_no_centre_flags_on_the_real_series(real_only_url: str):
    engine = make_engine(real_only_url)
    try:
        with Session(engine) as session:
            for on in (date(2021, 6, 22), date(2021, 9, 17), date(2021, 4, 30)):
                reports = quality.centre_reports.run(session, start=on, end=on)
                assert reports.empty
                flags = quality.day_flags.run(session, day=on)
                assert not [f for f in flags if f.rule == MISSING_CENTRES]
                assert flags_for_day(on, centre_reports=reports) == []
    finally:
        engine.dispose()
