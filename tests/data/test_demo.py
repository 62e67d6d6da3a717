"""Demo data: its totals are the published figures, the campaign's phases, districts over time, the dose and stock
invariants, the rollups, loading once (with the published series)."""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import BigInteger, cast, func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from data import db, demo, settings
from data.demo import GROUPS, DatabaseNotEmpty, DemoData, generate, load
from data.demo.series import EXCEPTION_DAYS
from data.imports import registry
from data.imports.importer import import_bytes
from data.master import MASTER_DIR
from data.master import districts as district_lookup
from data.models import (
    PSEUDO_STORES,
    AuditEvent,
    Beneficiary,
    Centre,
    DailyDose,
    DoseRollup,
    ImportBatch,
    PublishedValue,
    ReportingRollup,
    StockMovement,
)
from stats.formatting import indian_number
from tests.conftest import PUBLISHED_DIR, snapshot, table_counts

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
    """The small demo loaded into a fresh database (each backend), without the published series (their import is
    tested once, in test_ensure_demo_loads_once and test_prepare_loads_the_published_series_too)."""
    assert load(small, engine=engine, published=False) == len(small.doses)
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
        ({"end": date(2022, 9, 2)}, "when a district was formed"),
        ({"centres": 50}, "at least 84 centres"),
        ({"reporting_share": 0.0}, "reporting_share"),
        ({"reporting_share": 1.5}, "reporting_share"),
    ],
    ids=[
        "start-before-campaign",
        "end-before-start",
        "end-after-a-district-formed",
        "too-few-centres",
        "share-zero",
        "share-above-one",
    ],
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
    """HCW/FLW are recorded under 18-44 and 45-59: before their band opens, those are the only doses, no more
    than the district's workers (GROUPS' share of the band, more where the published first doses need them)."""
    early = full_doses[(full_doses["age_band"] == band) & (full_doses["date"] < opens)]
    first = early[early["dose_number"] == 1].groupby("district_code")["doses"].sum()
    workers = demo.group_population(TARGETS)[group]
    assert first.sum() > 0
    assert (first <= workers.reindex(first.index)).all()
    assert (workers >= TARGETS[band] * GROUPS[group].share - 1e-6).all()
    assert (workers <= 0.12 * TARGETS[band]).all(), "workers stay a small part of their band"


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


def test_district_stores_hold_days_of_cover_on_the_demos_last_day(full: DemoData, full_doses: pd.DataFrame) -> None:
    # Issue 14: the last week's issues were sized to the calendar's few remaining days, so every district held a
    # handful of doses (0.0 days of cover) on the demo's last day. Issues cover 10-14 days of use, so after at
    # most 6 days of the week each district still holds more than 4 days' worth, and never above 14.
    administered = full_doses.groupby(["date", "district_code", "vaccine"], as_index=False)["doses"].sum()
    stock = full.stock.assign(date=full.stock["date"].dt.date)
    balances = _stock_balances(stock, administered)
    last = administered["date"].max()
    on_hand = balances[balances["store"] != "STATE"].sort_values("date").groupby(["store", "vaccine"]).last()
    on_hand = on_hand.groupby("store")["balance"].sum()
    week = administered[administered["date"] > last - pd.Timedelta(days=7).to_pytimedelta()]
    pace = week.groupby("district_code")["doses"].sum() / 7
    cover = (on_hand / pace).dropna()
    assert len(cover) == 28
    assert cover.between(4, 14).all(), cover.sort_values()


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
    # Sundays are the model's only where the published figures stop (real Sundays were not that quiet).
    synthetic = slice(full.params["published"]["synthetic_from"], "2021-12-31")
    sundays = daily[daily.index.day_of_week == 6][synthetic]
    assert sundays.mean() < 0.5 * weekdays[synthetic].mean()
    shares = full.doses.groupby("vaccine", observed=True)["doses"].sum() / daily.sum()
    assert 0.7 < shares["COVISHIELD"] < 0.9 and 0.1 < shares["COVAXIN"] < 0.3 and shares["SPUTNIK"] < 0.02


# --- The published figures (computed here with pandas from data/published/) --------------------------------

DOSE_COLUMNS = {1: "First Dose Administered", 2: "Second Dose Administered"}
COWIN_END = date(2021, 9, 29)
MOHFW_END = date(2021, 10, 24)
DISTRICTS_END = date(2021, 4, 25)
NOT_ADDING = (date(2021, 3, 9), date(2021, 4, 4))
"""Days whose district differences do not add up to the state's: from 9 March to 3 April the districts'
cumulative is not the state's, so neither is any difference from 9 March to 4 April."""

STATE_EXCEPTIONS = {
    # (day, dose): the rule's figure, the health ministry's daily figure for that day and dose.
    (date(2021, 3, 9), 1): 29_392,  # correction: CoWIN's cumulative first doses fall by 94,889
    (date(2021, 3, 16), 1): 48_519,  # definition change: CoWIN's first doses jump by 1,89,458
    (date(2021, 6, 25), 1): 1_86_907,  # catch-up jump: CoWIN's 1,78,204
    (date(2021, 6, 25), 2): 47_772,  # catch-up jump: CoWIN's 47,031
    (date(2021, 6, 26), 1): 2_90_223,  # catch-up jump: CoWIN's 2,93,871
    (date(2021, 6, 26), 2): 62_995,  # catch-up jump: CoWIN's 62,378
}
"""CoWIN state days not taken literally (rule: the ministry's figure where it has one, else 0)."""

DISTRICT_EXCEPTIONS = {
    # (day, dose) on days the districts add up, where a district's step is negative: it gets 0 and the state's
    # figure is split over the districts in proportion to their differences (negative ones as 0).
    (date(2021, 1, 18), 1): "Mungeli −2",
    (date(2021, 2, 18), 1): "Bametara −35",
    (date(2021, 4, 14), 1): "Kanker −12",
    (date(2021, 4, 15), 1): "Kanker −12",
    (date(2021, 4, 16), 1): "Bametara −1, Dantewada −5, Gaurela-Pendra-Marwahi −1, Kanker −21",
    (date(2021, 4, 4), 2): "Bijapur, Dantewada, Kanker, Kabeerdham, Korba, Narayanpur, Sukma, Surajpur (−13 to −1,159)",
}
"""District days not taken literally besides NOT_ADDING (same rule there: the state's figure split)."""

PUBLISHED_VALUES = {("cowin", "STATE"): 3494, ("cowin", "districts"): 28000, ("mohfw", "STATE"): 840}


def _cumulative(name: str, by: str | None = None) -> pd.DataFrame:
    """A published file's cumulative first and second doses: days × dose numbers (or × (dose, district code))."""
    table = pd.read_csv(PUBLISHED_DIR / name, parse_dates=["date"])
    table["date"] = table["date"].dt.date
    if by is None:
        return table.set_index("date")[list(DOSE_COLUMNS.values())].set_axis(list(DOSE_COLUMNS), axis=1)
    table["code"] = table[by].map(district_lookup().resolve)
    wide = table.pivot(index="date", columns="code", values=list(DOSE_COLUMNS.values()))
    return wide.rename(columns={v: k for k, v in DOSE_COLUMNS.items()}, level=0)


def _differences(cumulative: pd.DataFrame) -> pd.DataFrame:
    """Today's cumulative − yesterday's (NaN without yesterday); the campaign's first day: its cumulative."""
    days = pd.Index(pd.date_range(cumulative.index[0], cumulative.index[-1]).date)
    full = cumulative.reindex(days)
    daily = full - full.shift(1)
    daily.iloc[0] = full.iloc[0]
    return daily.loc[cumulative.index]


def _split(total: int, weights: pd.Series) -> pd.Series:
    """`total` in proportion to whole-number weights: the floors, and one more for the largest remainders."""
    floors, remainders = np.divmod(weights.to_numpy(dtype=np.int64) * total, int(weights.sum()))
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    floors[order[: total - floors.sum()]] += 1
    return pd.Series(floors, index=weights.index)


def _demo_daily(doses: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """The demo's doses summed by day and `by` (dose number, district): days × columns, missing as 0."""
    return doses.pivot_table(index="date", columns=by, values="doses", aggfunc="sum", fill_value=0)


@pytest.fixture(scope="module")
def expected_state() -> pd.DataFrame:
    """The state's daily doses by dose number the demo must show, 16 Jan - 24 Oct 2021, from the CSV files."""
    cowin = _differences(_cumulative("cg_state_daily.csv"))
    ministry = _differences(_cumulative("cg_state_mohfw_daily.csv"))
    for (day, dose), figure in STATE_EXCEPTIONS.items():
        assert ministry.loc[day, dose] == figure, (day, dose)
        cowin.loc[day, dose] = figure
    after = ministry.loc[COWIN_END:MOHFW_END].iloc[1:]
    return pd.concat([cowin, after]).astype("int64")


def test_the_exception_days_are_defined_once_and_listed_here() -> None:
    assert {(e.day, e.dose) for e in EXCEPTION_DAYS} == set(STATE_EXCEPTIONS)
    cowin = _differences(_cumulative("cg_state_daily.csv"))
    negative = {(day, dose) for dose in DOSE_COLUMNS for day in cowin.index[cowin[dose] < 0]}
    assert negative == {(date(2021, 3, 9), 1)} and negative <= set(STATE_EXCEPTIONS)


def test_state_totals_are_the_published_daily_figures(full: DemoData, expected_state: pd.DataFrame) -> None:
    """Every day 16 Jan - 29 Sep 2021 CoWIN's figures (exceptions: the ministry's), 30 Sep - 24 Oct the ministry's."""
    doses = full.doses.assign(date=full.doses["date"].dt.date)
    shown = _demo_daily(doses, ["dose_number"]).reindex(expected_state.index, fill_value=0)
    assert len(expected_state) == (MOHFW_END - demo.DEFAULT_START).days + 1
    pd.testing.assert_frame_equal(shown[[1, 2]], expected_state, check_names=False, check_column_type=False)
    assert 3 not in shown.columns or (shown[3] == 0).all(), "no precaution doses in 2021"
    assert full.params["published"]["synthetic_from"] == "2021-10-25"


def test_22_june_2021_is_the_published_figure(full_doses: pd.DataFrame) -> None:
    """CoWIN's 1,25,214 doses, of which 1,08,036 first (the ministry said 1,10,143; a news report 1,09,353)."""
    day = full_doses[full_doses["date"] == date(2021, 6, 22)]
    assert day["doses"].sum() == 1_25_214
    assert day.loc[day["dose_number"] == 1, "doses"].sum() == 1_08_036
    assert full_doses.loc[full_doses["date"] == date(2021, 6, 21), "doses"].sum() == 99_889


def test_district_totals_are_the_district_series(full_doses: pd.DataFrame, expected_state: pd.DataFrame) -> None:
    """To 25 Apr 2021 each district's first and second doses are CoWIN's district figures where the districts add
    up to the state; elsewhere (NOT_ADDING, DISTRICT_EXCEPTIONS) the state's figure split in proportion to them."""
    published = _differences(_cumulative("cg_district_daily.csv", by="district"))
    early = full_doses[full_doses["date"] <= DISTRICTS_END]
    shown = _demo_daily(early, ["dose_number", "district_code"]).reindex(
        index=published.index, columns=published.columns, fill_value=0
    )
    literal = 0
    for day in published.index:
        for dose in DOSE_COLUMNS:
            figures = published.loc[day, dose].astype("int64")
            state = int(expected_state.loc[day, dose])
            if NOT_ADDING[0] <= day <= NOT_ADDING[1] or (day, dose) in DISTRICT_EXCEPTIONS:
                expected = _split(state, figures.clip(lower=0))
            else:
                assert figures.sum() == state and (figures >= 0).all(), (day, dose)
                expected, literal = figures, literal + 1
            pd.testing.assert_series_equal(shown.loc[day, dose], expected, check_names=False, obj=f"{day} dose {dose}")
    assert literal == 2 * 73 - len(DISTRICT_EXCEPTIONS) + 1  # 52 + 21 days; 4 April's second doses are NOT_ADDING


# --- Districts over time --------------------------------------------------------------------------------------

FORMED = pd.read_csv(MASTER_DIR / "districts.csv", usecols=["code", "formed_on", "parent_code"]).set_index("code")
FORMED["formed_on"] = pd.to_datetime(FORMED["formed_on"]).dt.date


def _before_formation(codes: pd.Series, days: pd.Series) -> pd.Series:
    """True where a district code names a district not yet formed on the day (stores such as STATE: False)."""
    formed = codes.map(FORMED["formed_on"])
    return formed.notna() & (formed > days)


def test_nothing_in_a_district_before_it_was_formed(full: DemoData, full_doses: pd.DataFrame, people) -> None:
    assert not _before_formation(full_doses["district_code"], full_doses["date"]).any()
    stock = full.stock.assign(date=full.stock["date"].dt.date)
    for store in ("from_store", "to_store"):
        assert not _before_formation(stock[store], stock["date"]).any(), store
    assert not _before_formation(people["district_code"], people["date"]).any()
    of_2022 = set(FORMED.index[FORMED["formed_on"] > date(2022, 1, 1)])
    assert len(of_2022) == 5 and "GPM" not in of_2022
    for frame, column in ((full.centres, "district_code"), (full.beneficiaries, "district_code"), (stock, "to_store")):
        assert not set(frame[column]) & of_2022, column
    assert "GPM" in set(full.centres["district_code"]), "Gaurela-Pendra-Marwahi (2020) is a district of 2021"


def test_the_2022_districts_people_count_in_their_parents() -> None:
    raw = pd.read_csv(MASTER_DIR / "district_targets.csv").pivot(
        index="district_code", columns="age_band", values="population"
    )
    assert len(raw) == 33 and len(TARGETS) == 28
    pd.testing.assert_series_equal(TARGETS.sum(), raw[TARGETS.columns].sum(), check_names=False)
    for parent, children in (("KRY", ["MCB"]), ("RJN", ["MMA", "KCG"]), ("RGH", ["SBG"]), ("JJG", ["SKT"])):
        assert FORMED.loc[children, "parent_code"].eq(parent).all()
        expected = raw.loc[[parent, *children]].sum()
        pd.testing.assert_series_equal(TARGETS.loc[parent], expected[TARGETS.columns], check_names=False)
    assert demo.district_targets(date(2022, 9, 9)).shape[0] == 33


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
    assert _published_counts(engine) == PUBLISHED_VALUES

    monkeypatch.setattr(demo, "generate", lambda: pytest.fail("a second call must not generate"))
    assert not demo.ensure_demo(engine)
    assert table_counts(engine) == counts


def _published_counts(engine: Engine) -> dict[tuple[str, str], int]:
    """Published values stored, by source and area (the districts together)."""
    table = PublishedValue.__table__
    rows = _read(engine, select(table.c.source, table.c.area, func.count().label("n")).group_by("source", "area"))
    rows["area"] = rows["area"].where(rows["area"] == "STATE", "districts")
    return {key: int(n) for key, n in rows.groupby(["source", "area"])["n"].sum().items()}


def test_prepare_loads_the_published_series_too(tmp_path, monkeypatch: pytest.MonkeyPatch, small: DemoData) -> None:
    """The first start on a fresh embedded database: the demo and the three published files, through the
    importer (one batch and one audit row each, by "demo"); the next start changes nothing."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(db, "DEFAULT_URL", f"sqlite:///{tmp_path / 'teeka.db'}")
    monkeypatch.setattr(demo, "generate", lambda: small)
    try:
        assert demo.is_demo() and demo.prepare()
        engine = db.app_engine()
        assert table_counts(engine)["daily_dose"] == len(small.doses)
        assert _published_counts(engine) == PUBLISHED_VALUES
        batches = _read(engine, select(ImportBatch.kind, ImportBatch.file_name, ImportBatch.imported_by))
        published = batches[batches["file_name"].str.startswith("cg_")]
        assert sorted(published["file_name"]) == sorted(p.name for p in PUBLISHED_DIR.glob("*.csv"))
        assert set(published["imported_by"]) == {"demo"}
        audit = _read(engine, select(AuditEvent.actor, AuditEvent.action, AuditEvent.subject))
        imports = audit[(audit["action"] == "import") & audit["subject"].str.contains(" cg_")]
        assert len(imports) == 3 and set(imports["actor"]) == {"demo"}
        before = snapshot(engine)
        assert not demo.prepare()
        assert snapshot(engine) == before
    finally:
        db.dispose_app_engines()


def test_cli_fills_resets_and_refuses_to_mix(tmp_path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    arguments = ["--end", "2021-02-28", "--centres", "120", "--seed", "5"]
    assert demo.main(arguments) == 0
    out = capsys.readouterr().out
    rows = len(generate(seed=5, end=date(2021, 2, 28), centres=120).doses)
    assert f"daily_dose rows  {indian_number(rows)} " in out
    assert f"published values {indian_number(sum(PUBLISHED_VALUES.values()))} " in out
    assert "database size" in out
    assert demo.main(arguments) == 1
    assert "--reset" in capsys.readouterr().err
    assert demo.main(["--reset", *arguments]) == 0


# --- Certificate registry: beneficiaries and vaccinations -----------------------------------------


@pytest.fixture(scope="module")
def people(full: DemoData) -> pd.DataFrame:
    """The default demo's vaccinations with each person's birth year, district and each centre's district."""
    district = full.centres.set_index("code")["district_code"]
    persons = full.beneficiaries.set_index("reference_id")
    doses = full.vaccinations.assign(
        centre_district=full.vaccinations["centre_code"].map(district),
        district_code=full.vaccinations["reference_id"].map(persons["district_code"]),
        birth_year=full.vaccinations["reference_id"].map(persons["birth_year"]),
    )
    return doses


def _course(doses: pd.DataFrame) -> pd.DataFrame:
    """One row per person: date_1, vaccine_1, date_2, … (NaN/None where a dose is missing)."""
    wide = doses.pivot(index="reference_id", columns="dose_number", values=["date", "vaccine"])
    wide.columns = [f"{name}_{number}" for name, number in wide.columns]
    return wide


def test_registry_size_names_and_shared_mobiles(full: DemoData) -> None:
    people = full.beneficiaries
    assert demo.DEFAULT_PEOPLE <= len(people) <= 50_000
    assert people["reference_id"].str.fullmatch(r"[0-9]{13}").all() and people["reference_id"].is_unique
    devanagari = people["name"].str.contains("[\u0900-\u097f]", regex=True)
    assert 0.25 < devanagari.mean() < 0.45
    assert set(people["gender"]) == {"M", "F", "O"}
    assert people["mobile"].str.fullmatch(r"[6-9][0-9]{9}").all()
    per_mobile = people["mobile"].value_counts()
    assert (per_mobile >= 2).sum() > 1000 and per_mobile.max() <= 10  # households of up to ten
    shared = people[people["mobile"].isin(per_mobile[per_mobile >= 2].index)]
    assert (shared.groupby("mobile")["district_code"].nunique() == 1).all(), "a household lives in one district"
    assert set(people["district_code"]) == set(TARGETS.index)


def test_registry_ids_follow_the_importers_rules(full: DemoData) -> None:
    people = full.beneficiaries
    assert people["id_type"].value_counts(normalize=True)["AADHAAR"] > 0.7
    for row in people.drop_duplicates("id_type").itertuples():
        assert registry.id_number(row.id_type, row.id_number) == row.id_number
    aadhaar = people.loc[people["id_type"] == "AADHAAR", "id_number"]
    digits = np.array([[int(c) for c in number] for number in aadhaar])
    assert (registry.verhoeff_check_digits(digits[:, :-1]) == digits[:, -1]).all()
    assert aadhaar.is_unique


def test_registry_doses_are_consecutive_and_within_the_demo(people: pd.DataFrame, full: DemoData) -> None:
    numbers = people.groupby("reference_id")["dose_number"].agg(lambda d: tuple(sorted(d)))
    assert set(numbers) == {(1,), (1, 2), (1, 2, 3)}
    assert set(numbers.index) == set(full.beneficiaries["reference_id"])
    assert people["date"].min() >= demo.DEFAULT_START and people["date"].max() <= demo.DEFAULT_END
    assert (people["centre_district"] == people["district_code"]).all()
    assert people["lot"].str.len().max() <= 32
    shares = numbers.value_counts(normalize=True)
    assert 0.6 < shares[(1, 2)] + shares[(1, 2, 3)] < 0.95 and 0.0 < shares[(1, 2, 3)] < 0.1


def test_registry_intervals_follow_the_vaccine_table(people: pd.DataFrame) -> None:
    windows = demo._vaccine_windows()
    course = _course(people)
    both = course.dropna(subset=["date_2"])
    gap = pd.to_datetime(both["date_2"]) - pd.to_datetime(both["date_1"])
    minimum = both["vaccine_1"].map(windows["dose2_min_days"])
    covishield_then = (both["vaccine_1"] == "COVISHIELD") & (both["date_2"] < date(2021, 5, 13))
    minimum[covishield_then] = 28  # the interval in force before 13 May 2021
    assert (gap.dt.days >= minimum).all()
    assert (both["vaccine_1"] == both["vaccine_2"]).all()
    third = course.dropna(subset=["date_3"])
    gap3 = pd.to_datetime(third["date_3"]) - pd.to_datetime(third["date_2"])
    assert (gap3.dt.days >= third["vaccine_2"].map(windows["precaution_min_days"])).all()
    assert (third["date_3"] >= demo.PRECAUTION_FROM).all()


def test_registry_ages_fit_the_phases(people: pd.DataFrame) -> None:
    first = people[people["dose_number"] == 1]
    age = pd.to_datetime(first["date"]).dt.year - first["birth_year"]
    assert age.min() >= 12
    assert (first.loc[age < 18, "date"] >= date(2022, 1, 3)).all()
    assert set(first.loc[age < 15, "vaccine"]) == {"CORBEVAX"}
    assert set(first.loc[(age >= 15) & (age < 18), "vaccine"]) == {"COVAXIN"}
    assert (first.loc[age >= 60, "date"] >= date(2021, 1, 16)).all()


def test_demo_people_are_in_the_default_demo(full: DemoData, people: pd.DataFrame) -> None:
    known = demo.demo_people()
    assert [(p.reference_id, p.mobile) for p in known] == [
        ("9123456789012", "9912345678"),
        ("9234567890123", "9987654321"),
        ("9345678901234", "9987654321"),
    ]
    assert re.search("[\u0900-\u097f]", known[0].name)
    persons = full.beneficiaries.set_index("reference_id")
    for person in known:
        assert (persons.loc[person.reference_id, "name"], persons.loc[person.reference_id, "mobile"]) == (
            person.name,
            person.mobile,
        )
    doses = people.groupby("reference_id")["dose_number"].max()
    assert [doses[p.reference_id] for p in known] == [1, 2, 3]
    assert (full.beneficiaries["mobile"] == known[1].mobile).sum() == 2, "mother and son share a mobile"


def test_registry_chunks_are_reproducible_and_never_collide(full: DemoData) -> None:
    a, a_doses = demo.registry_people(5, 0, 400, full.centres)
    b, _ = demo.registry_people(5, 400, 400, full.centres)
    again, again_doses = demo.registry_people(5, 0, 400, full.centres)
    pd.testing.assert_frame_equal(a, again)
    pd.testing.assert_frame_equal(a_doses, again_doses)
    both = pd.concat([a, b])
    assert both["reference_id"].is_unique
    assert not set(a["mobile"]) & set(b["mobile"])
    aadhaar = both.loc[both["id_type"] == "AADHAAR", "id_number"]
    assert aadhaar.is_unique


def _digit_runs(cells: list[str], length: int) -> set[str]:
    """Every run of `length` consecutive digits inside the cells."""
    found = set()
    for cell in cells:
        for run in re.findall(f"[0-9]{{{length},}}", cell):
            found.update(run[i : i + length] for i in range(len(run) - length + 1))
    return found


def _stored_text(engine: Engine) -> list[str]:
    """Every value of every table as text, but reference ids and keyed hashes (64 hex digits): their digit runs
    match some of 30,000 mobiles by chance, and they are what a raw number would be stored as, never inside."""
    with engine.connect() as conn:
        cells = [
            str(value)
            for table in SQLModel.metadata.sorted_tables
            for row in conn.execute(select(*(c for c in table.columns if c.name != "reference_id")))
            for value in row
        ]
    return [cell for cell in cells if not re.fullmatch("[0-9a-f]{64}", cell)]


def test_loaded_registry_holds_no_raw_mobile_or_id_number(loaded: Engine, small: DemoData) -> None:
    counts = table_counts(loaded)
    assert (counts["beneficiary"], counts["vaccination"]) == (len(small.beneficiaries), len(small.vaccinations))
    cells = _stored_text(loaded)
    with loaded.connect() as conn:
        batches = conn.execute(select(ImportBatch.file_name, ImportBatch.rows_new)).all()
        stored = conn.execute(
            select(Beneficiary.mobile_hash, Beneficiary.mobile_last4, Beneficiary.name).where(
                Beneficiary.reference_id == demo.demo_people()[0].reference_id
            )
        ).one()
    assert ("demo-registry", len(small.beneficiaries) + len(small.vaccinations)) in batches
    person = demo.demo_people()[0]
    assert tuple(stored) == (settings.identifier_hash(person.mobile), person.mobile[-4:], person.name)
    assert not _digit_runs(cells, 10) & set(small.beneficiaries["mobile"])
    assert not _digit_runs(cells, 12) & set(small.beneficiaries["id_number"])
    assert not set(cells) & set(small.beneficiaries["id_number"])  # PAN, voter ids, … as whole values
    with loaded.connect() as conn:
        reference_ids = set(conn.execute(select(Beneficiary.reference_id)).scalars())
    assert not reference_ids & (set(small.beneficiaries["mobile"]) | set(small.beneficiaries["id_number"]))


def test_demo_registry_passes_the_importer(sqlite_engine: Engine, full: DemoData) -> None:
    """A sample of the default demo's people, through the validated importer: every rule holds."""
    sample = full.beneficiaries.sample(3000, random_state=1)
    doses = full.vaccinations[full.vaccinations["reference_id"].isin(sample["reference_id"])]
    with sqlite_engine.begin() as conn:
        demo._insert_centres(conn, full.centres)
    today = date(2022, 6, 30)
    with Session(sqlite_engine) as session:
        people = import_bytes(demo.beneficiaries_csv(sample), "people.csv", session=session, today=today)
    with Session(sqlite_engine) as session:
        course = import_bytes(demo.vaccinations_csv(doses), "doses.csv", session=session, today=today)
    assert (people.status, people.new, people.problems) == ("committed", len(sample), [])
    assert (course.status, course.new, course.problems) == ("committed", len(doses), [])
