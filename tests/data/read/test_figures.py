"""data.read.figures on the three real files (data/published), on SQLite and PostgreSQL: every day of every
published series equals a computation made here straight from the CSV files with pandas, with its status;
the known oddities are marked; each source's record day skips corrections and jumps; the state's own reports
win the days they cover.

The expectations are worked out from the CSV files in this module (read with pandas, the day's figure the
difference of the cumulative, a series' first row the cumulative itself, a district's total its first + second
doses), never from what the product returns.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data.db import create_schema, make_engine
from data.imports.importer import import_bytes
from data.read import figures
from stats import STATE, sources
from stats.sources import CORRECTION, COWIN, COWIN_DISTRICT, DAY, JUMP, MOHFW, OWN, SPAN, START, Record
from tests.conftest import PUBLISHED_DIR
from tests.conftest import _reset_postgres as reset_postgres
from tests.data.imports.test_load_real import DISTRICTS  # the hand-made map of the district file's names to codes
from tests.files import doses_csv, run_import

STATE_FILE, DISTRICT_FILE, MOHFW_FILE = "cg_state_daily.csv", "cg_district_daily.csv", "cg_state_mohfw_daily.csv"
FILES = (STATE_FILE, DISTRICT_FILE, MOHFW_FILE)
TOTAL, FIRST, SECOND = "Total Doses Administered", "First Dose Administered", "Second Dose Administered"

"""The district file's names and the master list's codes, matched by hand."""

JUMPS = {
    (COWIN, date(2021, 3, 16)),  # the definition change: +2,02,576
    (COWIN, date(2021, 6, 25)),  # catch-up: +2,25,235
    (COWIN, date(2021, 6, 26)),  # catch-up: +3,56,249
    (MOHFW, date(2021, 5, 20)),  # the ministry's reconciliation: +7,32,212
}
"""The days of the state series the README calls jumps; no other day of the real files is one."""


def d(month: int, day: int) -> date:
    return date(2021, month, day)


# --- The expectations, from the CSV files --------------------------------------------------------------


def derived(rows: pd.DataFrame, source: str, area: str, total: pd.Series) -> pd.DataFrame:
    """One series' days: the difference of each cumulative (the first row: the cumulative), the days since the
    previous row, and the status the README's rules give it."""
    rows = rows.assign(total=total).sort_values("date").reset_index(drop=True)
    cumulative = rows[["total", FIRST, SECOND]].astype("int64")
    change = cumulative.diff()
    change.iloc[0] = cumulative.iloc[0]
    when = pd.to_datetime(rows["date"])
    out = pd.DataFrame(
        {
            "date": [x.date() for x in when],
            "source": source,
            "area": area,
            "doses": change["total"].astype("int64"),
            "first": change[FIRST].astype("int64"),
            "second": change[SECOND].astype("int64"),
            "cumulative": cumulative["total"],
            "cumulative_first": cumulative[FIRST],
            "cumulative_second": cumulative[SECOND],
            "days": when.diff().dt.days,
        }
    )
    status = []
    for i, row in out.iterrows():
        if i == 0:
            status.append(START)
        elif min(row["doses"], row["first"], row["second"]) < 0:
            status.append(CORRECTION)
        elif row["days"] > 1:
            status.append(SPAN)
        elif (source, row["date"]) in JUMPS:
            status.append(JUMP)
        else:
            status.append(DAY)
    return out.assign(status=status)


def expected_state() -> pd.DataFrame:
    parts = []
    for name, source in ((STATE_FILE, COWIN), (MOHFW_FILE, MOHFW)):
        rows = pd.read_csv(PUBLISHED_DIR / name)
        parts.append(derived(rows, source, STATE, rows[TOTAL]))
    return pd.concat(parts, ignore_index=True)


def expected_districts() -> pd.DataFrame:
    rows = pd.read_csv(PUBLISHED_DIR / DISTRICT_FILE)
    assert set(rows["district"]) == set(DISTRICTS)
    return pd.concat(
        [
            derived(mine, COWIN_DISTRICT, DISTRICTS[name], mine[FIRST] + mine[SECOND])
            for name, mine in rows.groupby("district")
        ],
        ignore_index=True,
    )


COMPARED = ["doses", "first", "second", "cumulative", "cumulative_first", "cumulative_second", "days", "status"]


def differences(product: pd.DataFrame, expected: pd.DataFrame) -> list[tuple]:
    """(source, area, date, column, product's, expected) for every figure that differs, and every day one of
    the two lacks."""
    key = ["source", "area", "date"]
    both = product.merge(expected, on=key, how="outer", suffixes=("", "_expected"), indicator=True)
    out = [(*row[key], "row", row["_merge"], None) for _, row in both[both["_merge"] != "both"].iterrows()]
    for name in COMPARED:
        mine, theirs = both[name].astype(object), both[f"{name}_expected"].astype(object)
        same = (mine == theirs) | (mine.isna() & theirs.isna())
        out += [(*row[key], name, row[name], row[f"{name}_expected"]) for _, row in both[~same].iterrows()]
    return out


# --- The database holding only the three real files ---------------------------------------------------


def _import_real(engine: Engine) -> None:
    for name in FILES:
        with Session(engine) as session:
            report = import_bytes((PUBLISHED_DIR / name).read_bytes(), name, session=session, user="figures-test")
        assert report.status == "committed", (name, report.problems)


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ],
)
def real(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The product's figures on a fresh database holding the three real files (read once per backend)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('figures') / 'teeka.db'}")
        create_schema(engine)
    else:
        engine = make_engine(request.getfixturevalue("_postgres_database"))
        reset_postgres(engine)
    try:
        _import_real(engine)
        with Session(engine) as session:  # closed before the tests: no lock outlives the reading
            read = {
                "state": figures.state_days.run(session),
                "districts": figures.district_days.run(session),
                "span": figures.figure_span.run(session),
                "state to 30 June": figures.state_days.run(session, end=d(6, 30)),
                "districts to 31 March": figures.district_days.run(session, end=d(3, 31)),
            }
    finally:
        engine.dispose()
    return read


@pytest.fixture(scope="module")
def state() -> pd.DataFrame:
    return expected_state()


@pytest.fixture(scope="module")
def districts() -> pd.DataFrame:
    return expected_districts()


def test_every_state_day_equals_the_csv_files(real, state):
    assert differences(real["state"], state) == []
    assert len(real["state"]) == 257 + 280


def test_every_district_day_equals_the_csv_file(real, districts):
    assert differences(real["districts"], districts) == []
    assert len(real["districts"]) == 28 * 100


def test_an_end_date_keeps_the_days_before_it(real, state, districts):
    assert differences(real["state to 30 June"], state[state["date"] <= d(6, 30)]) == []
    assert differences(real["districts to 31 March"], districts[districts["date"] <= d(3, 31)]) == []


def row(days: pd.DataFrame, source: str, day: date, area: str = STATE) -> dict:
    rows = days[(days["source"] == source) & (days["area"] == area) & (days["date"] == day)]
    assert len(rows) == 1, (source, area, day)
    return rows.iloc[0].to_dict()


KNOWN = [
    # (source, day, status, doses, days): the README's oddities and the 22 June 2021 check
    (COWIN, d(1, 16), START, 1_040, None),
    (COWIN, d(3, 9), CORRECTION, -83_734, 1),  # the recount: a correction, never doses given
    (COWIN, d(3, 16), JUMP, 2_02_576, 1),
    (COWIN, d(6, 21), DAY, 99_889, 1),
    (COWIN, d(6, 22), DAY, 1_25_214, 1),
    (COWIN, d(6, 25), JUMP, 2_25_235, 1),
    (COWIN, d(6, 26), JUMP, 3_56_249, 1),
    (MOHFW, d(1, 18), SPAN, 5_280, 2),  # no bulletin figure for 17 January
    (MOHFW, d(5, 20), JUMP, 7_32_212, 1),
    (MOHFW, d(6, 21), DAY, 91_284, 1),
    (MOHFW, d(6, 22), DAY, 1_10_143, 1),
    (MOHFW, d(8, 29), SPAN, 1_42_103, 2),  # none for 28 August: the day after spans two
]


@pytest.mark.parametrize("source, day, status, doses, days", KNOWN, ids=[f"{s} {d}" for s, d, *_ in KNOWN])
def test_the_known_days(real, source, day, status, doses, days):
    got = row(real["state"], source, day)
    assert (got["status"], got["doses"]) == (status, doses)
    assert (None if pd.isna(got["days"]) else got["days"]) == days


def test_9_march_is_a_correction_not_negative_doses(real):
    day = d(3, 9)
    assert row(real["state"], COWIN, day)["status"] == CORRECTION
    regular = sources.regular(real["state"])
    assert day not in set(regular[regular["source"] == COWIN]["date"])
    assert (regular[["doses", "first", "second"]] >= 0).all().all()
    # CoWIN comes before the ministry in the order, so the day's best figure is CoWIN's: still a correction.
    assert row(sources.best(real["state"]), COWIN, day)["status"] == CORRECTION


def test_21_and_22_june_are_regular_days(real):
    for source in (COWIN, MOHFW):
        assert [row(real["state"], source, d(6, n))["status"] for n in (21, 22)] == [DAY, DAY]


def test_the_only_jumps_are_the_known_ones(real, districts):
    jumps = real["state"][real["state"]["status"] == JUMP]
    assert set(zip(jumps["source"], jumps["date"], strict=True)) == JUMPS
    assert not (real["districts"]["status"] == JUMP).any()
    # The district corrections are the README's: 4 April second doses in eight districts, and small steps.
    corrections = real["districts"][real["districts"]["status"] == CORRECTION]
    on_4_april = set(corrections[corrections["date"] == d(4, 4)]["area"])
    assert on_4_april == {"BJR", "DTW", "KNK", "KBD", "KRB", "NRP", "SKM", "SJP"}
    assert len(corrections) == len(districts[districts["status"] == CORRECTION])


# --- Record days ------------------------------------------------------------------------------------------


def pandas_record(days: pd.DataFrame, source: str, end: date | None = None) -> tuple[date, int]:
    """A source's record day worked out here: the regular day (by this module's statuses) with most doses,
    summed over the areas; ties go to the earlier day."""
    rows = days[(days["source"] == source) & (days["status"] == DAY)]
    if end is not None:
        rows = rows[rows["date"] <= end]
    per_day = rows.groupby("date")["doses"].sum().sort_index()
    return per_day.idxmax(), int(per_day.max())


def raw_maximum(days: pd.DataFrame, source: str, end: date) -> date:
    """The day with the largest difference of all, whatever its status."""
    rows = days[(days["source"] == source) & (days["date"] <= end) & (days["status"] != START)]
    return rows.groupby("date")["doses"].sum().idxmax()


ENDS = [None, d(3, 20), d(6, 30), d(9, 30)]


@pytest.mark.parametrize("end", ENDS, ids=[str(e) for e in ENDS])
def test_the_record_day_per_source_skips_corrections_and_jumps(real, state, districts, end):
    expected = [Record(COWIN_DISTRICT, *pandas_record(districts, COWIN_DISTRICT, end))]
    expected += [Record(source, *pandas_record(state, source, end)) for source in (COWIN, MOHFW)]
    both = sources.covering([real["state"], real["districts"]])
    assert sources.records(both, end) == expected


def test_the_records_are_not_the_largest_differences(state):
    # Where the largest difference is a jump, the record is another day (worked out from the files).
    assert raw_maximum(state, COWIN, d(3, 20)) == d(3, 16)
    assert pandas_record(state, COWIN, d(3, 20))[0] != d(3, 16)
    assert raw_maximum(state, COWIN, d(6, 30)) == d(6, 26)
    assert pandas_record(state, COWIN, d(6, 30))[0] not in (d(6, 25), d(6, 26))
    assert raw_maximum(state, MOHFW, d(9, 30)) == d(5, 20)
    assert pandas_record(state, MOHFW) == (d(9, 20), 3_86_862)
    assert pandas_record(state, COWIN) == (d(9, 20), 3_86_204)


# --- The span of the figures --------------------------------------------------------------------------


def test_figure_span_covers_the_published_series(real):
    dates = [pd.read_csv(PUBLISHED_DIR / name)["date"] for name in FILES]
    first, last = min(min(x) for x in dates), max(max(x) for x in dates)
    assert real["span"] == (date.fromisoformat(first), date.fromisoformat(last)) == (d(1, 16), d(10, 24))


# --- The state's own reports win their days -------------------------------------------------------------

OWN_REPORTS = [
    {"date": "2021-04-10", "district": "Raipur", "dose_number": "1", "doses": "120"},
    {"date": "2021-04-10", "district": "Raipur", "dose_number": "2", "doses": "30", "centre_code": "RPR-PHC-02"},
    {"date": "2021-06-22", "district": "Durg", "dose_number": "1", "doses": "75", "centre_code": "DRG-PHC-01"},
]


def test_own_reports_win_their_days(engine):
    _import_real(engine)
    report = run_import(engine, doses_csv(OWN_REPORTS), "doses.csv")
    assert report.status == "committed", report.problems
    with Session(engine) as session:
        state = figures.state_days.run(session)
        by_district = figures.district_days.run(session)
        span = figures.figure_span.run(session)
    assert span == (d(1, 16), d(10, 24))

    best = sources.best(state)
    picked = {day: (r["source"], r["doses"]) for day, r in zip(best["date"], best.to_dict("records"), strict=True)}
    assert picked[d(4, 10)] == (OWN, 150)
    assert picked[d(6, 22)] == (OWN, 75)
    assert picked[d(4, 9)][0] == picked[d(4, 11)][0] == picked[d(6, 21)][0] == picked[d(6, 23)][0] == COWIN
    assert picked[d(10, 1)][0] == MOHFW  # after CoWIN's state series ends
    assert sum(source == OWN for source, _ in picked.values()) == 2

    best_districts = sources.best(by_district)
    picked = {
        (r["area"], r["date"]): (r["source"], r["doses"], r["first"], r["second"])
        for r in best_districts.to_dict("records")
    }
    assert picked[("RPR", d(4, 10))] == (OWN, 150, 120, 30)
    assert picked[("DRG", d(4, 10))][0] == COWIN_DISTRICT  # Durg reported nothing of its own that day
    assert picked[("RPR", d(4, 9))][0] == COWIN_DISTRICT
    assert picked[("DRG", d(6, 22))] == (OWN, 75, 75, 0)  # after the district series: the own reports only
    # Within the own reports' dates a district without a report has a day of 0 doses (no published figure).
    assert picked[("RPR", d(6, 22))] == (OWN, 0, 0, 0)

    # A pinned source ignores the own reports; the published days are unchanged by them.
    pinned = sources.best(state, sources.pinned_order(COWIN))
    assert row(pinned, COWIN, d(4, 10))["doses"] == row(expected_state(), COWIN, d(4, 10))["doses"]
    published = state[state["source"] != OWN]
    assert differences(published, expected_state()) == []


def test_figure_span_covers_own_reports_and_published_series(engine):
    report = run_import(engine, doses_csv([{"date": "2021-11-05"}]), "doses.csv", today=d(12, 1))
    assert report.status == "committed", report.problems
    with Session(engine) as session:
        assert figures.figure_span.run(session) == (d(11, 5), d(11, 5))
    with Session(engine) as session:
        report = import_bytes((PUBLISHED_DIR / MOHFW_FILE).read_bytes(), MOHFW_FILE, session=session, user="t")
    assert report.status == "committed", report.problems
    with Session(engine) as session:
        assert figures.figure_span.run(session) == (d(1, 16), d(11, 5))


def test_figure_span_of_an_empty_database(engine):
    with Session(engine) as session:
        assert figures.figure_span.run(session) == (None, None)
        assert figures.state_days.run(session).empty
