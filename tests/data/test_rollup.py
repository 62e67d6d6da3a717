"""The derived rollups (state per day, district per month) always equal dose_rollup summed, and the queries
that read them answer exactly as dose_rollup would; the rollups an import sums from a new day's rows
(data.rollup.add_district_rollups) are those the fact table gives."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import delete, select
from sqlmodel import Session

from data.db import create_schema
from data.models import CentreRollup, DoseRollup, MonthDoseRollup, ReportingRollup, StateDoseRollup
from data.read import doses as dose_reads
from data.read import stock as stock_reads
from data.rollup import refresh_rollups
from tests.files import doses_csv, run_import

ROWS = [
    # Spans two months and two districts, so a total up to 2 June reads May from the month rollup.
    {"date": "2021-05-30", "district": "Raipur", "centre_code": "RPR-01", "doses": "40"},
    {"date": "2021-05-31", "district": "Raipur", "centre_code": "RPR-01", "vaccine": "Covaxin", "doses": "7"},
    {"date": "2021-05-31", "district": "Durg", "centre_code": "DRG-01", "age_band": "45-59", "doses": "30"},
    {"date": "2021-06-01", "district": "Durg", "centre_code": "DRG-01", "dose_number": "2", "doses": "11"},
    {"date": "2021-06-02", "district": "Raipur", "centre_code": "RPR-01", "doses": "5"},
    {"date": "2021-06-02", "district": "Raipur", "centre_code": "RPR-02", "doses": "6"},
]


def _derived(engine) -> tuple[Counter, Counter, Counter, Counter]:
    """(state rollup, month rollup) as stored, and both as dose_rollup summed in Python."""
    with engine.connect() as conn:
        rollup = list(conn.execute(select(DoseRollup.__table__)))
        state = Counter({tuple(r[:-1]): r[-1] for r in conn.execute(select(StateDoseRollup.__table__))})
        month = Counter({tuple(r[:-1]): r[-1] for r in conn.execute(select(MonthDoseRollup.__table__))})
    want_state, want_month = Counter(), Counter()
    for day, district, band, dose, vaccine, doses in rollup:
        want_state[(day, band, dose, vaccine)] += doses
        want_month[(day.replace(day=1), district, band, dose, vaccine)] += doses
    return state, want_state, month, want_month


def _assert_consistent(engine) -> None:
    state, want_state, month, want_month = _derived(engine)
    assert state == want_state
    assert month == want_month


def test_derived_rollups_follow_imports_and_corrections(engine) -> None:
    assert run_import(engine, doses_csv(ROWS), "doses.csv").status == "committed"
    _assert_consistent(engine)
    state, _, month, _ = _derived(engine)
    # Worked by hand: May in Raipur, 18-44, dose 1, Covishield is the 40 of 30 May.
    assert month[(date(2021, 5, 1), "RPR", "18-44", 1, "COVISHIELD")] == 40
    assert state[(date(2021, 6, 2), "18-44", 1, "COVISHIELD")] == 11

    corrected = [dict(row) for row in ROWS]
    corrected[0]["doses"] = "45"  # a correction in May, after June was imported
    assert run_import(engine, doses_csv(corrected), "doses-corrected.csv").status == "committed"
    _assert_consistent(engine)
    _, _, month, _ = _derived(engine)
    assert month[(date(2021, 5, 1), "RPR", "18-44", 1, "COVISHIELD")] == 45


@pytest.mark.parametrize("end", [date(2021, 5, 30), date(2021, 5, 31), date(2021, 6, 1), date(2021, 6, 2)])
def test_totals_up_to_a_date_equal_dose_rollup_summed(engine, end) -> None:
    run_import(engine, doses_csv(ROWS), "doses.csv")
    by = ("district_code", "age_band", "dose_number")
    with Session(engine) as session:
        totals = dose_reads.total_doses.run(session, end=end, by=by)
        stock = stock_reads.stock_on_hand.run(session, as_of=end)
        rows = session.connection().execute(select(DoseRollup.__table__).where(DoseRollup.date <= end)).all()
    want = Counter()
    given = Counter()
    for _day, district, band, dose, vaccine, doses in rows:
        want[(district, band, dose)] += doses
        given[(district, vaccine)] += doses
    assert {tuple(r[:-1]): r[-1] for r in totals.itertuples(index=False)} == dict(want)
    assert {(r.store, r.vaccine): r.administered for r in stock.itertuples()} == dict(given)


def test_centre_rollup_has_every_centre_that_reported_even_zero(engine) -> None:
    rows = [*ROWS, {"date": "2021-06-02", "district": "Durg", "centre_code": "DRG-02", "doses": "0"}]
    run_import(engine, doses_csv(rows), "doses.csv")
    with Session(engine) as session:
        centres = dose_reads.centre_days.run(session, start=date(2021, 6, 1), end=date(2021, 6, 2))
        reporting = dose_reads.centres_reporting.run(session, start=date(2021, 6, 2), end=date(2021, 6, 2))
    assert centres[["date", "centre_code", "doses"]].values.tolist() == [
        [date(2021, 6, 1), "DRG-01", 11],
        [date(2021, 6, 2), "DRG-02", 0],
        [date(2021, 6, 2), "RPR-01", 5],
        [date(2021, 6, 2), "RPR-02", 6],
    ]
    assert reporting[["centres", "doses"]].values.tolist() == [[3, 11]]


def test_schema_creation_fills_derived_rollups_of_an_older_database(engine) -> None:
    run_import(engine, doses_csv(ROWS), "doses.csv")
    with Session(engine) as session:
        session.connection().execute(delete(StateDoseRollup.__table__))
        session.connection().execute(delete(MonthDoseRollup.__table__))
        session.connection().execute(delete(CentreRollup.__table__))
        session.commit()
    create_schema(engine)
    _assert_consistent(engine)
    state, _, _, _ = _derived(engine)
    assert sum(state.values()) == 40 + 7 + 30 + 11 + 5 + 6
    with engine.connect() as conn:
        assert sum(row.doses for row in conn.execute(select(CentreRollup.__table__))) == 40 + 7 + 30 + 11 + 5 + 6


def _district_rollups(conn) -> dict[str, set[tuple]]:
    tables = (DoseRollup, CentreRollup, ReportingRollup, StateDoseRollup, MonthDoseRollup)
    return {model.__tablename__: set(map(tuple, conn.execute(select(model.__table__)))) for model in tables}


SAME_DAY = {"date": "2021-06-03", "district": "Raipur"}


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # A new day in two districts, one centre with only zeros: summed from the file's rows.
        (
            [[{**SAME_DAY, "doses": "4"}, {**SAME_DAY, "district": "Durg", "centre_code": "DRG-01", "doses": "0"}]],
            {("RPR", 1, 4), ("DRG", 1, 0)},
        ),
        # The same day again in another district only: Raipur's rows stay, Durg's are summed from the new file.
        (
            [[{**SAME_DAY, "doses": "4"}], [{**SAME_DAY, "district": "Durg", "centre_code": "DRG-01", "doses": "9"}]],
            {("RPR", 1, 4), ("DRG", 1, 9)},
        ),
        # Another centre of a district that has rows that day: summed again from the fact table.
        ([[{**SAME_DAY, "doses": "4"}], [{**SAME_DAY, "centre_code": "RPR-02", "doses": "6"}]], {("RPR", 2, 10)}),
        # A correction: summed again from the fact table.
        ([[{**SAME_DAY, "doses": "4"}], [{**SAME_DAY, "doses": "3"}]], {("RPR", 1, 3)}),
    ],
    ids=["new day", "new district of a day", "new centre of a district's day", "correction"],
)
def test_an_imports_rollups_equal_those_of_the_fact_table(engine, files: list[list[dict]], expected: set) -> None:
    for rows in files:
        assert run_import(engine, doses_csv(rows), "doses.csv").status == "committed"
    with engine.connect() as conn:
        written = _district_rollups(conn)
        reporting = {(r.district_code, r.centres, r.doses) for r in conn.execute(select(ReportingRollup.__table__))}
        refresh_rollups(conn, [date(2021, 6, 3)])  # every district, from daily_dose (rolled back on leaving)
        assert _district_rollups(conn) == written
    assert reporting == expected  # hand-worked: (district, centres that reported, doses)
