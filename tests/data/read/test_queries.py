"""data.read on SQLite and PostgreSQL against a small imported fixture, every figure worked out by hand.

The fixture (imported through data.imports.importer, as an officer would):

    doses      21/06  RPR-01 PHC Mana   (Raipur)  18-44 d1 Covishield 100;  45-59 d2 Covaxin 20
                      RPR-02 CHC Tilda  (Raipur)  18-44 d1 Covishield  50
                      DRG-01 PHC Bhilai (Durg)    60+   d1 Covishield  30              day: 200
               22/06  RPR-01                      18-44 d1 Covishield 120;  18-44 d2 Covishield 10
                      DRG-01                      18-44 d1 Covaxin     40;  60+   d2 Covishield  5   day: 175
               (23/06: nothing)
               24/06  RPR-02                      45-59 d1 Covaxin      7
                      DRG-01                      18-44 d1 Covishield   0  (reported, no doses)   day:   7
    stock      01/06  SUPPLIER → STATE  Covishield 1,000; Covaxin 500
               10/06  STATE → Raipur    Covishield 400 + 100 (two references); Covaxin 50
                      STATE → Durg      Covishield 200; Covaxin 60
               23/06  Raipur → WASTAGE  Covishield 10
    series     CoWIN state total 20/06 63,80,490; 21/06 64,80,379; 22/06 66,05,593; first doses 22/06 55,53,337
               MoHFW state total 21/06 76,54,760; 22/06 77,64,903; CoWIN Raipur first doses 22/06 1,000
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data.db import create_schema, make_engine
from data.read import doses, published, query, stock, workspace
from tests.conftest import _reset_postgres as reset_postgres
from tests.files import doses_csv, run_import, series_csv, stock_csv

D = {n: date(2021, 6, n) for n in range(1, 31)}

DOSES = [
    ("2021-06-21", "Raipur", "RPR-01", "PHC Mana", "18-44", "1", "Covishield", "100"),
    ("2021-06-21", "Raipur", "RPR-01", "PHC Mana", "45-59", "2", "Covaxin", "20"),
    ("2021-06-21", "Raipur", "RPR-02", "CHC Tilda", "18-44", "1", "Covishield", "50"),
    ("2021-06-21", "Durg", "DRG-01", "PHC Bhilai", "60+", "1", "Covishield", "30"),
    ("2021-06-22", "Raipur", "RPR-01", "PHC Mana", "18-44", "1", "Covishield", "120"),
    ("2021-06-22", "Raipur", "RPR-01", "PHC Mana", "18-44", "2", "Covishield", "10"),
    ("2021-06-22", "Durg", "DRG-01", "PHC Bhilai", "18-44", "1", "Covaxin", "40"),
    ("2021-06-22", "Durg", "DRG-01", "PHC Bhilai", "60+", "2", "Covishield", "5"),
    ("2021-06-24", "Raipur", "RPR-02", "CHC Tilda", "45-59", "1", "Covaxin", "7"),
    ("2021-06-24", "Durg", "DRG-01", "PHC Bhilai", "18-44", "1", "Covishield", "0"),
]
DOSE_KEYS = ("date", "district", "centre_code", "centre_name", "age_band", "dose_number", "vaccine", "doses")
STOCK = [
    ("2021-06-01", "Covishield", "SUPPLIER", "STATE", "1000", "GOI-001"),
    ("2021-06-01", "Covaxin", "SUPPLIER", "STATE", "500", "GOI-002"),
    ("2021-06-10", "Covishield", "STATE", "Raipur", "400", "ST-01"),
    ("2021-06-10", "Covishield", "STATE", "Raipur", "100", "ST-02"),
    ("2021-06-10", "Covishield", "STATE", "Durg", "200", "ST-03"),
    ("2021-06-10", "Covaxin", "STATE", "Raipur", "50", "ST-04"),
    ("2021-06-10", "Covaxin", "STATE", "Durg", "60", "ST-05"),
    ("2021-06-23", "Covishield", "Raipur", "WASTAGE", "10", "W-01"),
]
STOCK_KEYS = ("date", "vaccine", "from_store", "to_store", "quantity", "reference")
TOTAL, FIRST = "Total Doses Administered", "First Dose Administered"
SERIES = [
    ("2021-06-20", "Chhattisgarh", "cowin", TOTAL, "6380490"),
    ("2021-06-21", "Chhattisgarh", "cowin", TOTAL, "6480379"),
    ("2021-06-22", "Chhattisgarh", "cowin", TOTAL, "6605593"),
    ("2021-06-22", "Chhattisgarh", "cowin", FIRST, "5553337"),
    ("2021-06-21", "Chhattisgarh", "mohfw", TOTAL, "7654760"),
    ("2021-06-22", "Chhattisgarh", "mohfw", TOTAL, "7764903"),
    ("2021-06-22", "Raipur", "cowin", FIRST, "1000"),
]
SERIES_KEYS = ("date", "area", "source", "metric", "value")


def _rows(keys: tuple[str, ...], rows: list[tuple]) -> list[dict]:
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _import_fixture(engine) -> None:
    for content, name in (
        (doses_csv(_rows(DOSE_KEYS, DOSES)), "doses.csv"),
        (stock_csv(_rows(STOCK_KEYS, STOCK)), "stock.csv"),
        (series_csv(_rows(SERIES_KEYS, SERIES)), "series.csv"),
    ):
        report = run_import(engine, content, name)
        assert report.status == "committed", (name, report.problems)


def _holds_fixture(engine) -> bool:
    return (
        ask(engine, query.data_version) == "3.3.0"
        and len(ask(engine, published.published_values)) == len(SERIES)
        and records(ask(engine, doses.total_doses)) == [(382,)]
    )


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ],
)
def _fixture_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One database per backend for the read-only tests of this module (the fixture is imported by loaded)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('queries') / 'teeka.db'}")
        create_schema(engine)
    else:
        engine = make_engine(request.getfixturevalue("_postgres_database"))
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def loaded(_fixture_engine: Engine) -> Engine:
    """A database holding the fixture (three committed imports: doses, stock, series), for tests that only read.

    Imported once per backend; imported again into an emptied database when another test has reset the
    shared PostgreSQL test database in between (the tests that write use the engine fixture).
    """
    if not _holds_fixture(_fixture_engine):
        if _fixture_engine.dialect.name == "postgresql":
            reset_postgres(_fixture_engine)
        _import_fixture(_fixture_engine)
        assert _holds_fixture(_fixture_engine)
    return _fixture_engine


def ask(engine, read, **kwargs):
    """A read query (or data.read.query.data_version) run in a session of its own, unscoped."""
    with Session(engine) as session:
        return read.run(session, **kwargs) if hasattr(read, "run") else read(session, **kwargs)


def records(frame) -> list[tuple]:
    """The rows of a frame as tuples of plain values (dates as day-of-June numbers)."""
    rows = frame.astype(object).itertuples(index=False)
    return [tuple(v.day if isinstance(v, date) else v for v in row) for row in rows]


# --- daily_doses, total_doses, centres_reporting (rollups) -----------------------------------------

DAILY = [
    ({}, [(21, 200), (22, 175), (24, 7)], "state per day"),
    (
        {"by": ("district_code",)},
        [(21, "DRG", 30), (21, "RPR", 170), (22, "DRG", 45), (22, "RPR", 130), (24, "DRG", 0), (24, "RPR", 7)],
        "by district",
    ),
    (
        {"by": ("age_band",)},
        [(21, "18-44", 150), (21, "45-59", 20), (21, "60+", 30), (22, "18-44", 170), (22, "60+", 5)]
        + [(24, "18-44", 0), (24, "45-59", 7)],
        "by age band",
    ),
    ({"by": ("dose_number",)}, [(21, 1, 180), (21, 2, 20), (22, 1, 160), (22, 2, 15), (24, 1, 7)], "by dose"),
    (
        {"by": ("vaccine",)},
        [(21, "COVAXIN", 20), (21, "COVISHIELD", 180), (22, "COVAXIN", 40), (22, "COVISHIELD", 135)]
        + [(24, "COVAXIN", 7), (24, "COVISHIELD", 0)],
        "by vaccine",
    ),
    (
        {"by": ("district_code", "dose_number"), "start": D[22], "end": D[22]},
        [(22, "DRG", 1, 40), (22, "DRG", 2, 5), (22, "RPR", 1, 120), (22, "RPR", 2, 10)],
        "by district and dose, one day",
    ),
    ({"districts": ["RPR"]}, [(21, 170), (22, 130), (24, 7)], "one district"),
    ({"age_bands": ["18-44"], "dose_numbers": [1]}, [(21, 150), (22, 160), (24, 0)], "band and dose filters"),
    ({"vaccines": ["COVAXIN"], "start": D[22]}, [(22, 40), (24, 7)], "vaccine filter from a start"),
    ({"districts": ["BST"]}, [], "a district without doses"),
]


@pytest.mark.parametrize("kwargs, expected", [c[:2] for c in DAILY], ids=[c[2] for c in DAILY])
def test_daily_doses(loaded, kwargs, expected):
    out = ask(loaded, doses.daily_doses, **kwargs)
    assert list(out.columns) == ["date", *kwargs.get("by", ()), "doses"]
    assert records(out) == expected
    assert str(out["doses"].dtype) == "int64"


def test_daily_doses_refuses_an_unknown_breakdown(loaded):
    with pytest.raises(ValueError, match="centre"):
        ask(loaded, doses.daily_doses, by=("centre",))


TOTALS = [
    ({}, [(382,)], "everything"),
    ({"end": D[22]}, [(375,)], "up to a day"),
    ({"start": D[22]}, [(182,)], "from a day"),
    ({"by": ("district_code",)}, [("DRG", 75), ("RPR", 307)], "by district"),
    ({"by": ("dose_number",), "districts": ["RPR"]}, [(1, 277), (2, 30)], "one district by dose"),
    ({"start": D[25]}, [(0,)], "no doses in the period: 0"),
]


@pytest.mark.parametrize("kwargs, expected", [c[:2] for c in TOTALS], ids=[c[2] for c in TOTALS])
def test_total_doses(loaded, kwargs, expected):
    assert records(ask(loaded, doses.total_doses, **kwargs)) == expected


CENTRES = [
    ({}, [(21, 3, 200), (22, 2, 175), (24, 2, 7)], "state"),
    (
        {"by_district": True},
        [(21, "DRG", 1, 30), (21, "RPR", 2, 170), (22, "DRG", 1, 45), (22, "RPR", 1, 130)]
        + [(24, "DRG", 1, 0), (24, "RPR", 1, 7)],
        "by district (a centre reporting 0 doses counts)",
    ),
    ({"by_district": True, "districts": ["RPR"], "end": D[21]}, [(21, "RPR", 2, 170)], "one district, one day"),
]


@pytest.mark.parametrize("kwargs, expected", [c[:2] for c in CENTRES], ids=[c[2] for c in CENTRES])
def test_centres_reporting(loaded, kwargs, expected):
    assert records(ask(loaded, doses.centres_reporting, **kwargs)) == expected


# --- stock -----------------------------------------------------------------------------------------

STOCK_ON_HAND = [
    (D[5], [("STATE", "COVAXIN", 500, 0, 0, 500), ("STATE", "COVISHIELD", 1000, 0, 0, 1000)], "before any issue"),
    (
        D[22],
        [
            ("DRG", "COVAXIN", 60, 0, 40, 20),
            ("DRG", "COVISHIELD", 200, 0, 35, 165),  # 30 + 5 given
            ("RPR", "COVAXIN", 50, 0, 20, 30),
            ("RPR", "COVISHIELD", 500, 0, 280, 220),  # 100 + 50 + 120 + 10 given
            ("STATE", "COVAXIN", 500, 110, 0, 390),
            ("STATE", "COVISHIELD", 1000, 700, 0, 300),
        ],
        "22 June",
    ),
    (
        D[24],
        [
            ("DRG", "COVAXIN", 60, 0, 40, 20),
            ("DRG", "COVISHIELD", 200, 0, 35, 165),  # the 0-dose row changes nothing
            ("RPR", "COVAXIN", 50, 0, 27, 23),
            ("RPR", "COVISHIELD", 500, 10, 280, 210),  # 10 wasted on 23/06
            ("STATE", "COVAXIN", 500, 110, 0, 390),
            ("STATE", "COVISHIELD", 1000, 700, 0, 300),
        ],
        "24 June",
    ),
]


@pytest.mark.parametrize("as_of, expected", [c[:2] for c in STOCK_ON_HAND], ids=[c[2] for c in STOCK_ON_HAND])
def test_stock_on_hand(loaded, as_of, expected):
    out = ask(loaded, stock.stock_on_hand, as_of=as_of)
    assert list(out.columns) == ["store", "vaccine", "received", "sent", "administered", "on_hand"]
    assert records(out) == expected


def test_projected_stockouts_most_urgent_first(loaded):
    # The window is 16–22 June (7 days, days without doses as 0); on hand as test_stock_on_hand's 22 June:
    # DRG Covaxin 20 ÷ (40 / 7) = 3.5 (red, lasts until 22 + 3 = 25 June); RPR Covishield 220 ÷ (280 / 7 = 40)
    # = 5.5 (red, 27 June); RPR Covaxin 30 ÷ (20 / 7) = 10.5 (amber, 2 July); the state's Covishield, every
    # store: (300 + 220 + 165) ÷ (315 / 7 = 45) = 15.2 (7 July); DRG Covishield 165 ÷ (35 / 7 = 5) = 33.0
    # (25 July); the state's Covaxin (390 + 30 + 20) ÷ (60 / 7) = 51.3 (12 August).
    out = ask(loaded, stock.projected_stockouts, as_of=D[22])
    got = [
        (r.store, r.vaccine, int(r.stock), math.floor(r.days_of_cover * 10) / 10, r.stockout_date, r.level)
        for r in out.itertuples(index=False)
    ]
    assert got == [
        ("DRG", "COVAXIN", 20, 3.5, D[25], "red"),
        ("RPR", "COVISHIELD", 220, 5.5, D[27], "red"),
        ("RPR", "COVAXIN", 30, 10.5, date(2021, 7, 2), "amber"),
        ("STATE", "COVISHIELD", 685, 15.2, date(2021, 7, 7), "ok"),
        ("DRG", "COVISHIELD", 165, 33.0, date(2021, 7, 25), "ok"),
        ("STATE", "COVAXIN", 440, 51.3, date(2021, 8, 12), "ok"),
    ]


def test_projected_stockouts_without_a_ledger(engine):
    assert ask(engine, stock.projected_stockouts, as_of=D[22]) is None


MOVEMENTS = [
    (
        {},
        [
            (1, "COVAXIN", "SUPPLIER", "STATE", 500),
            (1, "COVISHIELD", "SUPPLIER", "STATE", 1000),
            (10, "COVAXIN", "STATE", "DRG", 60),
            (10, "COVAXIN", "STATE", "RPR", 50),
            (10, "COVISHIELD", "STATE", "DRG", 200),
            (10, "COVISHIELD", "STATE", "RPR", 500),  # 400 + 100 under two references
            (23, "COVISHIELD", "RPR", "WASTAGE", 10),
        ],
        "the whole ledger",
    ),
    ({"end": D[9]}, [(1, "COVAXIN", "SUPPLIER", "STATE", 500), (1, "COVISHIELD", "SUPPLIER", "STATE", 1000)], "end"),
]


@pytest.mark.parametrize("kwargs, expected", [c[:2] for c in MOVEMENTS], ids=[c[2] for c in MOVEMENTS])
def test_stock_movements(loaded, kwargs, expected):
    out = ask(loaded, stock.stock_movements, **kwargs)
    assert list(out.columns) == ["date", "vaccine", "from_store", "to_store", "quantity"]
    assert records(out) == expected
    assert str(out["quantity"].dtype) == "int64"


# --- centre_days (the fact table, a few days at a time) ------------------------------------------

CENTRE_DAYS = [
    (
        {"start": D[21], "end": D[22]},
        [
            (21, "DRG-01", "PHC Bhilai", "DRG", 30),
            (21, "RPR-01", "PHC Mana", "RPR", 120),  # 100 + 20 over two bands
            (21, "RPR-02", "CHC Tilda", "RPR", 50),
            (22, "DRG-01", "PHC Bhilai", "DRG", 45),
            (22, "RPR-01", "PHC Mana", "RPR", 130),
        ],
        "two days",
    ),
    (
        {"start": D[23], "end": D[24], "districts": ["DRG"]},
        [(24, "DRG-01", "PHC Bhilai", "DRG", 0)],
        "one district; a centre reporting 0 doses is there",
    ),
    ({"start": D[25], "end": D[30]}, [], "no doses"),
]


@pytest.mark.parametrize("kwargs, expected", [c[:2] for c in CENTRE_DAYS], ids=[c[2] for c in CENTRE_DAYS])
def test_centre_days(loaded, kwargs, expected):
    out = ask(loaded, doses.centre_days, **kwargs)
    assert list(out.columns) == ["date", "centre_code", "centre_name", "district_code", "doses"]
    assert records(out) == expected


def test_centre_days_refuses_a_long_range(loaded):
    with pytest.raises(ValueError, match="at most 92 days"):
        ask(loaded, doses.centre_days, start=date(2021, 1, 1), end=date(2021, 4, 3))  # 93 days
    assert len(ask(loaded, doses.centre_days, start=date(2021, 4, 1), end=date(2021, 7, 1))) == 7  # 92 days: fine


# --- published_values ------------------------------------------------------------------------------

PUBLISHED = [
    (
        {},
        [
            (22, "cowin", "RPR", FIRST, 1000),
            (22, "cowin", "STATE", FIRST, 5553337),
            (20, "cowin", "STATE", TOTAL, 6380490),
            (21, "cowin", "STATE", TOTAL, 6480379),
            (22, "cowin", "STATE", TOTAL, 6605593),
            (21, "mohfw", "STATE", TOTAL, 7654760),
            (22, "mohfw", "STATE", TOTAL, 7764903),
        ],
        "everything, by source, area, metric, date",
    ),
    ({"source": "mohfw"}, [(21, "mohfw", "STATE", TOTAL, 7654760), (22, "mohfw", "STATE", TOTAL, 7764903)], "source"),
    (
        {"source": ["cowin"], "areas": ["STATE"], "metrics": [TOTAL], "start": D[21], "end": D[21]},
        [(21, "cowin", "STATE", TOTAL, 6480379)],
        "every filter",
    ),
    ({"areas": ["RPR"]}, [(22, "cowin", "RPR", FIRST, 1000)], "a district"),
    ({"metrics": ["Sites"]}, [], "a metric not there"),
]


@pytest.mark.parametrize("kwargs, expected", [c[:2] for c in PUBLISHED], ids=[c[2] for c in PUBLISHED])
def test_published_values(loaded, kwargs, expected):
    out = ask(loaded, published.published_values, **kwargs)
    assert list(out.columns) == ["date", "source", "area", "metric", "value"]
    assert records(out) == expected
    assert str(out["value"].dtype) == "int64"


# --- versions and dates ----------------------------------------------------------------------------


def test_empty_database(engine):
    assert ask(engine, query.data_version) == "0.0.0"
    assert ask(engine, doses.date_range) == (None, None)
    assert ask(engine, workspace.last_import) is None
    assert records(ask(engine, doses.total_doses)) == [(0,)]
    assert ask(engine, doses.daily_doses).empty
    assert ask(engine, published.published_values).empty
    assert ask(engine, stock.stock_movements).empty
    assert ask(engine, stock.stock_on_hand, as_of=D[30]).empty


def test_data_version_dates_and_last_import_follow_imports(engine):
    _import_fixture(engine)
    assert ask(engine, query.data_version) == "3.3.0"
    assert ask(engine, doses.date_range) == (D[21], D[24])
    last = ask(engine, workspace.last_import)
    assert (last["id"], last["kind"], last["file_name"], last["imported_by"]) == (
        3,
        "series",
        "series.csv",
        "test-officer",
    )

    # The same file again changes nothing: no batch, the same version.
    assert run_import(engine, series_csv(_rows(SERIES_KEYS, SERIES)), "again.csv").status == "unchanged"
    assert ask(engine, query.data_version) == "3.3.0"

    # A correction and a new day: a new batch, a new version, later dates.
    changed = [{"date": "2021-06-25", "district": "Durg", "centre_code": "DRG-01", "centre_name": "PHC Bhilai"}]
    assert run_import(engine, doses_csv(changed), "late.csv").status == "committed"
    assert ask(engine, query.data_version) == "4.4.0"
    assert ask(engine, doses.date_range) == (D[21], D[25])
    assert ask(engine, workspace.last_import)["file_name"] == "late.csv"
    assert records(ask(engine, doses.daily_doses, start=D[25])) == [(25, 100)]

    # Undoing it: no new batch, but a new version (every app server's caches must forget the undone figures).
    from data.imports.undo import undo_import

    with Session(engine) as session:
        assert undo_import(4, session=session, actor="test-officer").ok
    assert ask(engine, query.data_version) == "4.4.1"
    assert ask(engine, doses.daily_doses, start=D[25]).empty
    assert ask(engine, workspace.last_import)["file_name"] == "series.csv"  # the undone import is no longer the last


def test_the_last_update_is_the_last_import_in_force_for_everyone(engine):
    assert ask(engine, workspace.last_update) is None
    _import_fixture(engine)
    assert ask(engine, workspace.last_update) == ask(engine, workspace.last_import)["imported_at"]
    changed = [{"date": "2021-06-25", "district": "Durg", "centre_code": "DRG-01", "centre_name": "PHC Bhilai"}]
    assert run_import(engine, doses_csv(changed), "late.csv").status == "committed"
    late = ask(engine, workspace.last_update)
    from data.imports.undo import undo_import

    with Session(engine) as session:
        assert undo_import(4, session=session, actor="test-officer").ok
    assert ask(engine, workspace.last_update) == ask(engine, workspace.last_import)["imported_at"] <= late
    assert workspace.last_update.scope.roles == {"public", "collector", "officer"}  # the public sidebar shows it
