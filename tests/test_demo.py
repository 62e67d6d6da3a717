"""Synthetic demo data: the campaign's phases, the dose and stock invariants, the rollups, loading once."""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import BigInteger, cast, func, select
from sqlalchemy.engine import Engine

from data import demo
from data.demo import GROUPS, DatabaseNotEmpty, DemoData, generate, load
from data.models import (
    PSEUDO_STORES,
    Centre,
    DailyDose,
    DoseRollup,
    ImportBatch,
    ReportingRollup,
    StockMovement,
)
from stats.formatting import indian_number
from tests.conftest import snapshot, table_counts

SMALL = {"end": date(2021, 5, 31), "centres": 300}
"""A small demo (about 56,000 dose rows): January to May 2021 over 300 centres."""
TARGETS = demo.district_targets()


@pytest.fixture(scope="module")
def small() -> DemoData:
    return generate(**SMALL)


@pytest.fixture(scope="module")
def full() -> DemoData:
    """The default demo (the one the app loads), generated once for the module; no database."""
    return generate()


@pytest.fixture(scope="module")
def full_doses(full: DemoData) -> pd.DataFrame:
    """The default demo's doses with each centre's district (see _with_district)."""
    return _with_district(full)


@pytest.fixture
def loaded(engine: Engine, small: DemoData) -> Engine:
    """The small demo loaded into a fresh database (each backend)."""
    assert load(small, engine=engine) == len(small.doses)
    return engine


# --- Helpers -----------------------------------------------------------------------------------


def _sum(column, name: str = "doses"):
    """SUM as a BIGINT on both backends (PostgreSQL sums BIGINT to NUMERIC, which comes back as Decimal)."""
    return cast(func.sum(column), BigInteger).label(name)


def _read(engine: Engine, query) -> pd.DataFrame:
    """A query's result as a DataFrame."""
    with engine.connect() as conn:
        result = conn.execute(query)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def _with_district(data: DemoData) -> pd.DataFrame:
    """The dose frame with each centre's district and plain (non-categorical) columns."""
    district = data.centres.set_index("code")["district_code"]
    doses = data.doses.astype({"centre_code": str, "age_band": str, "vaccine": str})
    return doses.assign(district_code=doses["centre_code"].map(district), date=doses["date"].dt.date)


def _assert_cumulative_doses_ordered(doses: pd.DataFrame) -> None:
    """Cumulative dose 2 <= dose 1 and dose 3 <= dose 2 at every district, vaccine and date."""
    daily = doses.pivot_table(
        index=["district_code", "vaccine", "date"], columns="dose_number", values="doses", aggfunc="sum", fill_value=0
    ).reindex(columns=[1, 2, 3], fill_value=0)
    cumulative = daily.groupby(level=["district_code", "vaccine"]).cumsum()
    assert (cumulative[2] <= cumulative[1]).all(), cumulative[cumulative[2] > cumulative[1]].head()
    assert (cumulative[3] <= cumulative[2]).all(), cumulative[cumulative[3] > cumulative[2]].head()


def _stock_balances(stock: pd.DataFrame, administered: pd.DataFrame) -> pd.DataFrame:
    """End-of-day stock of every store and vaccine on every day it changed: ledger minus doses given.

    stock: date, vaccine, from_store, to_store, quantity; administered: date, district_code, vaccine, doses.
    """
    inflow = stock.rename(columns={"to_store": "store"})[["store", "vaccine", "date", "quantity"]]
    outflow = stock.rename(columns={"from_store": "store"})[["store", "vaccine", "date", "quantity"]]
    used = administered.rename(columns={"district_code": "store", "doses": "quantity"})
    changes = pd.concat(
        [inflow, outflow.assign(quantity=-outflow["quantity"]), used.assign(quantity=-used["quantity"])],
        ignore_index=True,
    )
    changes = changes[~changes["store"].isin(PSEUDO_STORES)]
    daily = changes.groupby(["store", "vaccine", "date"], as_index=False)["quantity"].sum()
    daily["balance"] = daily.groupby(["store", "vaccine"])["quantity"].cumsum()
    return daily


def _assert_no_negative_stock(balances: pd.DataFrame) -> None:
    """No store holds less than nothing on any day, and the state store is among them."""
    negative = balances[balances["balance"] < 0]
    assert negative.empty, negative.head()
    assert {"STATE"} < set(balances["store"]), "the state store and the district stores all hold stock"


def _state_daily(data: DemoData) -> pd.Series:
    """State doses per day."""
    return data.doses.groupby("date")["doses"].sum()


# --- Generation (no database) ------------------------------------------------------------------


def test_generate_is_deterministic(small: DemoData) -> None:
    again = generate(**SMALL)
    for name in ("centres", "doses", "stock"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(small, name), obj=name)
    other = generate(seed=7, **SMALL)
    assert not other.doses.equals(small.doses)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"start": date(2021, 1, 1)}, "runs from"),
        ({"end": date(2020, 12, 31)}, "runs from"),
        ({"centres": 50}, "at least 99 centres"),
        ({"reporting_share": 0.0}, "reporting_share"),
        ({"reporting_share": 1.5}, "reporting_share"),
    ],
    ids=["start-before-campaign", "end-before-start", "too-few-centres", "share-zero", "share-above-one"],
)
def test_generate_rejects_parameters_it_cannot_honour(arguments: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        generate(**arguments)


def test_centres_are_spread_over_districts_by_population(full: DemoData) -> None:
    centres = full.centres
    assert len(centres) == demo.DEFAULT_CENTRES
    assert centres["code"].is_unique and centres["name"].is_unique
    assert all(re.fullmatch(r"[A-Z]{3}-\d{4}", code) for code in centres["code"])
    assert (centres["code"].str[:3] == centres["district_code"]).all()
    assert centres["name"].str.match(r"(District Hospital|CHC|PHC|UPHC) ").all()
    per_district = centres["district_code"].value_counts().reindex(TARGETS.index)
    expected = TARGETS.sum(axis=1) / TARGETS.to_numpy().sum() * len(centres)
    assert ((per_district - expected).abs() <= 0.03 * expected + 3).all()
    assert (
        centres.groupby("district_code")["name"].agg(lambda n: n.str.startswith("District Hospital").sum()) == 1
    ).all()


PHASES = [
    ("60+ from 1 Mar 2021", lambda d: (d["age_band"] == "60+") & (d["date"] < date(2021, 3, 1))),
    ("15-17 from 3 Jan 2022", lambda d: (d["age_band"] == "15-17") & (d["date"] < date(2022, 1, 3))),
    ("12-14 from 16 Mar 2022", lambda d: (d["age_band"] == "12-14") & (d["date"] < date(2022, 3, 16))),
    ("precaution from 10 Jan 2022", lambda d: (d["dose_number"] == 3) & (d["date"] < date(2022, 1, 10))),
    ("dose 2 from 13 Feb 2021", lambda d: (d["dose_number"] == 2) & (d["date"] < date(2021, 2, 13))),
    ("precaution only 60+ and HCW/FLW", lambda d: (d["dose_number"] == 3) & d["age_band"].isin(["12-14", "15-17"])),
    ("Sputnik from 1 Jun 2021", lambda d: (d["vaccine"] == "SPUTNIK") & (d["date"] < date(2021, 6, 1))),
    ("15-17 only Covaxin", lambda d: (d["age_band"] == "15-17") & (d["vaccine"] != "COVAXIN")),
    ("12-14 only Corbevax", lambda d: (d["age_band"] == "12-14") & (d["vaccine"] != "CORBEVAX")),
    ("Corbevax only 12-14", lambda d: (d["vaccine"] == "CORBEVAX") & (d["age_band"] != "12-14")),
]


@pytest.mark.parametrize(("rule", "breaks"), PHASES, ids=[rule for rule, _ in PHASES])
def test_phases_follow_the_campaign(full_doses: pd.DataFrame, rule: str, breaks) -> None:
    assert not breaks(full_doses).any(), full_doses[breaks(full_doses)].head()


@pytest.mark.parametrize(
    ("band", "opens", "group"),
    [("18-44", date(2021, 5, 1), "hcw_flw_18_44"), ("45-59", date(2021, 3, 1), "hcw_flw_45_59")],
    ids=["18-44-before-May-2021", "45-59-before-March-2021"],
)
def test_early_adult_doses_are_only_health_and_front_line_workers(
    full_doses: pd.DataFrame, band: str, opens: date, group: str
) -> None:
    """HCW/FLW are recorded under 18-44 and 45-59: before their band opens, those are the only doses."""
    early = full_doses[(full_doses["age_band"] == band) & (full_doses["date"] < opens)]
    first = early[early["dose_number"] == 1].groupby("district_code")["doses"].sum()
    workers = TARGETS[band] * GROUPS[group].share
    assert first.sum() > 0
    assert (first <= workers.reindex(first.index)).all()


def test_a_share_of_centres_reports_each_day(full: DemoData) -> None:
    """About 25 % of centres on a working day once the campaign is under way; far fewer on Sundays, holidays."""
    reporting = full.doses.groupby("date")["centre_code"].nunique()["2021-06-01":"2021-12-31"] / len(full.centres)
    weekdays = reporting[reporting.index.day_of_week < 6]
    sundays = reporting[reporting.index.day_of_week == 6]
    assert 0.18 < weekdays.median() < 0.30
    assert 0.15 < sundays.mean() / weekdays.mean() < 0.45
    for holiday in ("2021-08-15", "2021-10-02", "2021-11-04"):
        assert reporting[holiday] < 0.3 * weekdays.median(), holiday


def test_mostly_the_same_centres_report_from_one_weekday_to_the_next(full: DemoData) -> None:
    """Session sites report day after day, so "reported yesterday, not today" stays a signal, not noise."""
    reported = full.doses[["date", "centre_code"]].drop_duplicates()
    reported = reported[pd.to_datetime(reported["date"]).dt.day_of_week.between(1, 5)]  # Tuesday to Saturday
    by_day = reported.groupby("date")["centre_code"].apply(set)
    pairs = zip(by_day.iloc[:-1], by_day.iloc[1:], strict=True)
    kept = [len(today & yesterday) / len(yesterday) for yesterday, today in pairs if yesterday]
    # Consecutive rows here are mostly consecutive days; a Monday gap only lowers the share.
    assert np.median(kept) >= 0.9


@pytest.mark.parametrize("cut", [0.05, 0.25, 0.5, 0.9], ids=["5%", "25%", "50%", "90%"])
def test_mixing_habit_and_luck_keeps_each_centres_chance(cut: float) -> None:
    rng = np.random.default_rng(7)
    mixed = demo._uniform_mix(rng.random(200_000), rng.random(200_000))
    assert abs((mixed < cut).mean() - cut) < 0.005


def test_cumulative_doses_never_run_ahead_in_the_default_demo(full_doses: pd.DataFrame) -> None:
    _assert_cumulative_doses_ordered(full_doses)


def test_stock_never_goes_below_zero_in_the_default_demo(full: DemoData, full_doses: pd.DataFrame) -> None:
    administered = full_doses.groupby(["date", "district_code", "vaccine"], as_index=False)["doses"].sum()
    stock = full.stock.assign(date=full.stock["date"].dt.date)
    _assert_no_negative_stock(_stock_balances(stock, administered))


def test_stock_references_and_wastage(full: DemoData) -> None:
    stock = full.stock
    assert stock["reference"].str.fullmatch(r"(GRN|ISS/[A-Z]{3}|WST/[A-Z]{3})/20\d\d/\d{4}").all()
    assert not stock.duplicated(["date", "vaccine", "from_store", "to_store", "reference"]).any()
    wasted = stock.loc[stock["to_store"] == "WASTAGE", "quantity"].sum()
    assert 0.005 < wasted / full.doses["doses"].sum() < 0.02


def test_default_demo_size_and_state_totals_are_plausible(full: DemoData) -> None:
    """Within the row cap; state totals of the order of the real campaign (about 3.4 crore by March 2022)."""
    assert 1_000_000 <= len(full.doses) <= 1_500_000
    daily = _state_daily(full)
    assert 3.0e7 <= daily.sum() <= 3.8e7
    weekdays = daily[daily.index.day_of_week < 6]
    assert 2_000 <= weekdays["2021-01-18":"2021-02-28"].median() <= 40_000
    assert 1e5 <= weekdays["2021-04-01":"2021-04-30"].max() <= 3.5e5
    assert 2.5e5 <= daily["2021-06-01":"2021-12-31"].max() <= 4.5e5
    sundays = daily[daily.index.day_of_week == 6]["2021-06-01":"2021-12-31"]
    assert sundays.mean() < 0.5 * weekdays["2021-06-01":"2021-12-31"].mean()
    shares = full.doses.groupby("vaccine", observed=True)["doses"].sum() / daily.sum()
    assert 0.7 < shares["COVISHIELD"] < 0.9 and 0.1 < shares["COVAXIN"] < 0.3 and shares["SPUTNIK"] < 0.02


# --- Loading (SQLite and PostgreSQL) -----------------------------------------------------------


def test_load_writes_centres_doses_and_a_demo_batch(loaded: Engine, small: DemoData) -> None:
    counts = table_counts(loaded)
    assert counts["centre"] == len(small.centres)
    assert counts["daily_dose"] == len(small.doses)
    batches = _read(loaded, select(ImportBatch.kind, ImportBatch.file_name, ImportBatch.imported_by))
    assert ("demo", "demo", "demo") in set(batches.itertuples(index=False, name=None))
    total = _read(loaded, select(_sum(DailyDose.doses)))["doses"].iloc[0]
    assert total == small.doses["doses"].sum()


def test_load_sends_stock_through_the_validated_importer(loaded: Engine, small: DemoData) -> None:
    batches = _read(loaded, select(ImportBatch.kind, ImportBatch.rows_new, ImportBatch.imported_by))
    stock = batches[batches["kind"] == "stock"]
    assert stock[["rows_new", "imported_by"]].values.tolist() == [[len(small.stock), "demo"]]
    assert table_counts(loaded)["stock_movement"] == len(small.stock)


def test_loaded_rollups_equal_the_fact_table(loaded: Engine) -> None:
    dose, centre = DailyDose.__table__, Centre.__table__
    keys = (dose.c.date, centre.c.district_code, dose.c.age_band, dose.c.dose_number, dose.c.vaccine)
    joined = dose.join(centre, centre.c.id == dose.c.centre_id)
    fact = _read(loaded, select(*keys, _sum(dose.c.doses)).select_from(joined).group_by(*keys))
    rollup = _read(loaded, select(DoseRollup.__table__))
    order = ["date", "district_code", "age_band", "dose_number", "vaccine"]
    pd.testing.assert_frame_equal(
        rollup.sort_values(order, ignore_index=True)[fact.columns], fact.sort_values(order, ignore_index=True)
    )
    reporting_keys = (dose.c.date, centre.c.district_code)
    centres = _read(
        loaded,
        select(*reporting_keys, func.count(func.distinct(dose.c.centre_id)).label("centres"))
        .select_from(joined)
        .group_by(*reporting_keys),
    )
    reporting = _read(loaded, select(ReportingRollup.date, ReportingRollup.district_code, ReportingRollup.centres))
    pd.testing.assert_frame_equal(
        reporting.sort_values(["date", "district_code"], ignore_index=True),
        centres.sort_values(["date", "district_code"], ignore_index=True),
    )


def test_loaded_cumulative_doses_never_run_ahead(loaded: Engine) -> None:
    rollup = _read(loaded, select(DoseRollup.__table__))
    assert set(rollup["dose_number"]) == {1, 2}
    _assert_cumulative_doses_ordered(rollup)


def test_loaded_stock_never_goes_below_zero(loaded: Engine) -> None:
    stock = _read(loaded, select(StockMovement.__table__))
    rollup = DoseRollup.__table__
    keys = (rollup.c.date, rollup.c.district_code, rollup.c.vaccine)
    administered = _read(loaded, select(*keys, _sum(rollup.c.doses)).group_by(*keys))
    _assert_no_negative_stock(_stock_balances(stock, administered))


def test_load_refuses_a_database_that_has_doses(loaded: Engine, small: DemoData) -> None:
    before = snapshot(loaded)
    with pytest.raises(DatabaseNotEmpty):
        load(small, engine=loaded)
    assert snapshot(loaded) == before


def test_ensure_demo_loads_once(engine: Engine, small: DemoData, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "generate", lambda: small)
    steps: list[tuple[float, str]] = []
    assert demo.ensure_demo(engine, progress=lambda fraction, message: steps.append((fraction, message)))
    fractions = [fraction for fraction, _ in steps]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert all(message for _, message in steps)
    counts = table_counts(engine)
    assert counts["daily_dose"] == len(small.doses)

    monkeypatch.setattr(demo, "generate", lambda: pytest.fail("a second call must not generate"))
    assert not demo.ensure_demo(engine)
    assert table_counts(engine) == counts


def test_cli_fills_resets_and_refuses_to_mix(tmp_path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    arguments = ["--end", "2021-02-28", "--centres", "120", "--seed", "5"]
    assert demo.main(arguments) == 0
    out = capsys.readouterr().out
    rows = len(generate(seed=5, end=date(2021, 2, 28), centres=120).doses)
    assert f"daily_dose rows  {indian_number(rows)} " in out
    assert "database size" in out
    assert demo.main(arguments) == 1
    assert "--reset" in capsys.readouterr().err
    assert demo.main(["--reset", *arguments]) == 0
