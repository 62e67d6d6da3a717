"""Seeded demo data for the whole state: centres, daily doses and stock whose totals are the real campaign's.

CLI: python -m data.demo [--reset] [--seed N] [--end YYYY-MM-DD] [--centres N] [--reporting-share F] [--people N]

What is real and what is synthetic. The demo's centre-level reports add up to the published figures
(data/published/, read by data.demo.series): every day from 16 January to 29 September 2021 the state's
first and second doses are CoWIN's daily figures (today's cumulative − yesterday's; on 16 January the first
day's cumulative), and to 25 April 2021 each district's are CoWIN's district figures; from 30 September to
24 October 2021 the state's are the health ministry's daily figures, the last published ones. Everything those
figures do not fix is the model's: the split of a day's doses over age bands, vaccines, districts (after 25 April)
and centres, which centres report, the stock ledger and the certificate registry. From 25 October 2021 to 31
March 2022 the doses are the model's alone, its rates scaled so that it goes on at the pace of the last four
published weeks (JUNCTION_DAYS); 15-17 year olds from 3 January 2022, precaution doses from 10 January 2022,
12-14 year olds from 16 March 2022. DemoData.params["published"] says which days follow which series.

Days the published difference cannot be taken literally follow one rule:

* a CoWIN state day and dose in series.EXCEPTION_DAYS (a correction, the definition change of 16 March 2021,
  the catch-up jumps of 25-26 June 2021; and any other day the cumulative falls) takes the ministry's daily
  figure for that day and dose, where the ministry has one (both days published, and not its 20 May 2021
  reconciliation), else 0. The demo's cumulative therefore differs from CoWIN's after those days (by the
  differences of the figures swapped), while every other day equals it;
* the state series wins over the district series: each district's figure of a day and dose is the state's
  figure split in proportion to the districts' own differences, a negative one (a correction) counted as 0
  (largest remainder, series.district_daily). Where the districts' differences add up to the state's and none
  is negative that is the district series itself: 16 January - 8 March and 5 - 25 April 2021, but for five
  days with first-dose steps of −1 to −35 in a district. From 9 March to 4 April 2021 they do not add up (the
  districts' cumulative is not the state's from 9 March to 3 April; see data/published/README.md), and on
  4 April second doses fall in eight districts: there the district figures are the split;
* flat days (17 January, 27 February - 1 March 2021) are taken literally: no doses.

Where the published figures fix a day, its doses are split over the model's cells (district, group, vaccine)
in proportion to what the model expects that day (people waiting × rate), in whole numbers (largest
remainder, data.demo.shares), never more in a cell than the people waiting in it, nor second doses than
its first; what does not fit goes to the cells with room, then in proportion to the open population. The
model goes on from there, so it never vaccinates anyone twice.

The model works per district, day, *group* of people (GROUPS), vaccine and dose number:

* each day a binomial share of the eligible people who have not had the dose yet gets it
  (`_serve`); first doses open by phase, second doses open a vaccine's interval after the first
  (with a dropout), precaution doses 273 days after the second. So at every district, vaccine and
  date the cumulative second doses never exceed the first, nor the precaution doses the second;
* health-care and front-line workers (from 16 Jan 2021) have no age band of their own in the data
  contract: they are recorded as dose 1, 2 and precaution under 18-44 and 45-59. They are the only
  18-44 doses before 1 May 2021; a district has at least as many as its published first doses need
  (group_population);
* the districts are those of the demo's first day (the master list's formation dates): the five districts
  formed in 2022 do not exist in the demo (it ends before 2 September 2022), their people are counted in
  their parents' populations and their places among their parents' centres; Gaurela-Pendra-Marwahi (2020)
  is a district of its own;
* each day a share of the centres report (far fewer on Sundays and holidays, fewer in the first weeks);
  a district's doses of a vaccine are split among its reporting centres that ran that vaccine;
* stock follows weekly: SUPPLIER → STATE receipts, STATE → district issues sized to the next 10-14 days
  of use, occasional 1-2 % WASTAGE. No store's stock (for a district: minus the doses given at its
  centres) is ever negative.

Beside the aggregate figures, a certificate registry of DEFAULT_PEOPLE synthetic beneficiaries (a third of
the households' names in Devanagari, some households on one mobile) with their doses at the demo centres,
following the vaccine table's intervals (`registry_people`), and three documented people (`demo_people`).

`load` writes it in one transaction: an ImportBatch (kind "demo"), the centres, daily_dose in chunks of
50,000 rows through data.bulk (executemany of tuples on SQLite, COPY on PostgreSQL), the rollups, the
stock movements through the validated importer (data.imports.importer.import_bytes, in a savepoint), the registry
through data.bulk with mobile and ID numbers hashed (a second "demo" batch, file name "demo-registry"),
and the three published files as published (data.imports.importer.import_path, in savepoints: one batch and
one audit row each), so the first start's database holds the real series beside the demo's own reports.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, func, insert, select
from sqlmodel import Session, SQLModel

from data import settings
from data.accounts.users import DEMO_ACCOUNTS, DemoAccount, ensure_demo_accounts
from data.bulk import bulk_load, insert_columns
from data.db import app_engine, is_default_database
from data.demo import series, shares
from data.imports import registry
from data.imports.importer import describe, import_bytes, import_path, take_import_lock
from data.master import MASTER_DIR
from data.models import (
    STATE,
    SUPPLIER,
    WASTAGE,
    Beneficiary,
    Centre,
    DailyDose,
    ImportBatch,
    PublishedValue,
    Vaccination,
)
from data.rollup import refresh_rollups
from data.settings import MissingSecret
from stats.formatting import indian_number
from stats.labels import both

Progress = Callable[[float, str], None]

DEFAULT_SEED = 2021
DEFAULT_START = date(2021, 1, 16)
DEFAULT_END = date(2022, 3, 31)
DEFAULT_CENTRES = 2600
DEFAULT_REPORTING_SHARE = 0.25
CHUNK_ROWS = 50_000

VACCINES = ("COVISHIELD", "COVAXIN", "SPUTNIK", "CORBEVAX")
BANDS = ("12-14", "15-17", "18-44", "45-59", "60+")
DOSES = (1, 2, 3)

ADULT_MIX = (0.84, 0.15, 0.01, 0.0)
"""Share of each vaccine (in VACCINES order) among adults' first doses; SPUTNIK only once available."""
VACCINE_FROM = {"SPUTNIK": "2021-06-01", "CORBEVAX": "2022-03-16"}
"""First day a vaccine is given (the others from the start)."""
EARLY_COVISHIELD = (date(2021, 3, 22), 28)
"""Covishield first doses before this day were due for dose 2 after 28 days (vaccines.csv applies later)."""
PRECAUTION_FROM = date(2022, 1, 10)
DOSE2_SHARE = (0.75, 0.90)
"""Range of the share of first-dose takers who ever come back for dose 2 (dropout 10-25 %), per district."""
DOSE2_PROMPTNESS = 3.0
"""Daily dose-2 rate of the due is this over the width of the vaccine's window (most come within it)."""
PRECAUTION_RATE = 0.02
"""Daily precaution-dose rate of the eligible who want one."""


@dataclass(frozen=True)
class Group:
    """People with one eligibility calendar: the age band they are recorded under, and how they take doses."""

    band: str
    share: float  # of the band's target population
    opens: tuple[tuple[str, float], ...]  # (day, share of the group eligible from that day)
    uptake: float  # base daily first-dose rate of the eligible not yet vaccinated
    mix: tuple[float, float, float, float]  # first doses by vaccine (VACCINES order)
    precaution: float = 0.0  # share of the fully vaccinated who take a precaution dose


HCW_OPENS = (("2021-01-16", 0.5), ("2021-02-02", 1.0))
"""Health-care workers from 16 Jan 2021, front-line workers from 2 Feb 2021."""
GROUPS = {
    "hcw_flw_18_44": Group("18-44", 0.03, HCW_OPENS, 0.030, ADULT_MIX, 0.55),
    "hcw_flw_45_59": Group("45-59", 0.06, HCW_OPENS, 0.030, ADULT_MIX, 0.55),
    "60_plus": Group("60+", 0.96, (("2021-03-01", 1.0),), 0.012, ADULT_MIX, 0.35),
    "45_59": Group("45-59", 0.90, (("2021-03-01", 0.15), ("2021-04-01", 1.0)), 0.012, ADULT_MIX),
    "18_44": Group("18-44", 0.93, (("2021-05-01", 1.0),), 0.006, ADULT_MIX),
    "15_17": Group("15-17", 0.82, (("2022-01-03", 1.0),), 0.030, (0.0, 1.0, 0.0, 0.0)),
    "12_14": Group("12-14", 0.75, (("2022-03-16", 1.0),), 0.030, (0.0, 0.0, 0.0, 1.0)),
}

SUPPLY = (
    ("2021-01-16", 1.0),
    ("2021-03-25", 1.0),
    ("2021-04-03", 2.6),
    ("2021-04-22", 1.4),
    ("2021-05-01", 0.25),
    ("2021-06-05", 0.35),
    ("2021-06-20", 1.2),
    ("2021-07-10", 0.8),
    ("2021-08-25", 0.9),
    ("2021-09-10", 1.6),
    ("2021-12-31", 1.6),
    ("2022-03-31", 1.2),
)
"""Multiplier of first-dose uptake over time (the May 2021 shortage, the autumn push); linear in between."""
ACTIVITY = (("2021-01-16", 0.12), ("2021-03-01", 0.5), ("2021-04-01", 1.0))
"""Share of centres holding sessions at all (few sites in the first weeks); linear in between."""
SUNDAY = 0.3
HOLIDAY = 0.15
HOLIDAYS = ("2021-01-26", "2021-03-29", "2021-08-15", "2021-10-02", "2021-11-04", "2022-01-26", "2022-03-18")
"""Republic Day, Holi 2021, Independence Day, Gandhi Jayanti, Diwali 2021, Republic Day, Holi 2022."""
DRIVES = {"2021-04-11": 1.6, "2021-04-12": 1.6, "2021-04-13": 1.6, "2021-04-14": 1.6, "2021-09-17": 2.5}
"""Vaccination drives: Tika Utsav (11-14 Apr 2021) and the mega drive of 17 Sep 2021."""
MIN_SESSION_DOSES = 30
"""A district opens at most one session (centre reporting) per this many doses of the day."""

STOCK_LEAD_DAYS = 4
"""Stock calendar starts this many days before the first dose: receipt on day 0, first issue on day 1."""
COVER_DAYS = (10, 15)
"""A district issue covers the district's use of the next 10-14 days."""
WASTAGE_CHANCE = 0.25
WASTAGE_SHARE = (0.01, 0.02)
ISSUE_ROUND = 10  # doses per vial
RECEIPT_ROUND = 1000

# Two to seven real block (or town) names per district: the first is the headquarters.
PLACES = {
    "BLD": "Balod Dondi Gunderdehi Gurur Dondi-Lohara",
    "BLB": "Baloda-Bazar Bhatapara Kasdol Palari Simga",
    "BRP": "Balrampur Ramanujganj Rajpur Kusmi Shankargarh Wadrafnagar",
    "BST": "Jagdalpur Bakawand Bastanar Darbha Lohandiguda Tokapal",
    "BMT": "Bemetara Berla Nawagarh Saja",
    "BJR": "Bijapur Bhairamgarh Bhopalpatnam Usoor",
    "BSP": "Bilaspur Bilha Kota Masturi Takhatpur",
    "DTW": "Dantewada Geedam Katekalyan Kuakonda",
    "DMT": "Dhamtari Kurud Magarlod Nagri",
    "DRG": "Durg Bhilai Dhamdha Patan",
    "GRB": "Gariaband Chhura Deobhog Fingeshwar Mainpur",
    "GPM": "Gaurela Pendra Marwahi",
    "JJG": "Janjgir Akaltara Baloda Bamhnidih Champa Pamgarh",
    "JSH": "Jashpur Bagicha Duldula Farsabahar Kansabel Kunkuri Pathalgaon",
    "KNK": "Kanker Antagarh Bhanupratappur Charama Durgkondal Narharpur",
    "KBD": "Kawardha Bodla Pandariya Sahaspur-Lohara",
    "KDG": "Kondagaon Baderajpur Farasgaon Keshkal Makdi",
    "KRB": "Korba Kartala Katghora Pali Podi-Uproda",
    "KRY": "Baikunthpur Sonhat Patna",
    "MSM": "Mahasamund Bagbahara Basna Pithora Saraipali",
    "MGL": "Mungeli Lormi Pathariya",
    "NRP": "Narayanpur Orchha",
    "RGH": "Raigarh Dharamjaigarh Gharghoda Kharsia Lailunga Pussore Tamnar",
    "RPR": "Raipur Abhanpur Arang Dharsiwa Tilda",
    "RJN": "Rajnandgaon Dongargaon Dongargarh Chhuriya",
    "SKM": "Sukma Chhindgarh Konta",
    "SJP": "Surajpur Bhaiyathan Odgi Pratappur Premnagar Ramanujnagar",
    "SGJ": "Ambikapur Batauli Lakhanpur Lundra Mainpat Sitapur Udaipur",
    "MCB": "Manendragarh Chirmiri Bharatpur Khadgawan",
    "MMA": "Mohla Manpur Ambagarh-Chowki",
    "SBG": "Sarangarh Bilaigarh Baramkela",
    "KCG": "Khairagarh Chhuikhadan Gandai",
    "SKT": "Sakti Dabhra Malkharoda Jaijaipur",
}
URBAN = {"RPR": 0.12, "DRG": 0.12, "BSP": 0.10, "KRB": 0.06, "RJN": 0.05, "RGH": 0.05, "SGJ": 0.05, "BST": 0.05}
"""Share of a district's centres that are urban primary health centres (wards)."""
CENTRE_SIZE = {"District Hospital": 6.0, "CHC": 3.0, "UPHC": 2.0, "PHC": 1.0}


@dataclass
class DemoData:
    """Generated demo data: centres, one row per non-zero dose cell, and stock movements.

    params: the generation parameters, and under "published" which days follow which published series
    (published_params) with a sentence saying what is real and what is synthetic.
    """

    centres: pd.DataFrame  # code, name, district_code
    doses: pd.DataFrame  # date, centre_code, age_band, dose_number, vaccine, doses
    stock: pd.DataFrame  # date, vaccine, from_store, to_store, quantity, reference
    params: dict = field(default_factory=dict)
    beneficiaries: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(BENEFICIARY_COLUMNS)))
    vaccinations: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(VACCINATION_COLUMNS)))

    def description(self) -> str:
        """The generation parameters as canonical JSON (its sha256 identifies the demo batch)."""
        return json.dumps({"demo": self.params, "rows": len(self.doses)}, sort_keys=True)


class DatabaseNotEmpty(RuntimeError):
    """Demo data only goes into a database without daily doses."""


# --- Calendar ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Calendar:
    """The days of the demo and the per-day factors that shape doses and reporting."""

    days: pd.DatetimeIndex

    def index(self, day: str | date) -> int:
        """Position of a day in the calendar (may lie outside 0..len-1)."""
        return int((pd.Timestamp(day) - self.days[0]).days)

    def linear(self, knots: tuple[tuple[str, float], ...]) -> np.ndarray:
        """Knots (day, value) interpolated linearly, held constant before the first and after the last."""
        x = [self.index(day) for day, _ in knots]
        return np.interp(np.arange(len(self.days)), x, [value for _, value in knots])

    def steps(self, knots: tuple[tuple[str, float], ...]) -> np.ndarray:
        """Knots (day, value) as a step function: 0 before the first knot."""
        out = np.zeros(len(self.days))
        for day, value in knots:
            out[max(self.index(day), 0) :] = value
        return out

    def day_factor(self) -> np.ndarray:
        """Relative activity of each day: Sundays and holidays low, drive days high."""
        factor = np.where(self.days.day_of_week == 6, SUNDAY, 1.0)
        factor[self.days.isin(pd.to_datetime(HOLIDAYS))] = HOLIDAY
        for day, boost in DRIVES.items():
            if 0 <= self.index(day) < len(self.days):
                factor[self.index(day)] = boost
        return factor


# --- Reference data ----------------------------------------------------------------------------


@cache
def _formations() -> pd.DataFrame:
    """Each district's formation date (NaT for the districts of 2012) and parent, by code."""
    table = pd.read_csv(MASTER_DIR / "districts.csv", usecols=["code", "formed_on", "parent_code"])
    return table.assign(formed_on=pd.to_datetime(table["formed_on"])).set_index("code")


def district_on(day: date) -> dict[str, str]:
    """Every master-list district mapped to the district its area belonged to on `day` (itself once formed)."""
    table = _formations()
    formed = table["formed_on"].isna() | (table["formed_on"] <= pd.Timestamp(day))
    owner = {code: code if formed[code] else table.loc[code, "parent_code"] for code in table.index}
    while any(owner[parent] != parent for parent in owner.values()):  # a parent formed later than the day
        owner = {code: owner[parent] for code, parent in owner.items()}
    return owner


def next_formation(day: date) -> date | None:
    """The first day after `day` on which a district was formed (None if none was)."""
    later = _formations()["formed_on"].dropna()
    later = later[later > pd.Timestamp(day)]
    return later.min().date() if len(later) else None


def district_targets(on: date = DEFAULT_START) -> pd.DataFrame:
    """Target population, districts × age bands, districts in code order: the districts that existed `on` that
    day, a district formed later counted in its parent."""
    targets = pd.read_csv(MASTER_DIR / "district_targets.csv", dtype={"population": "int64"})
    targets["district_code"] = targets["district_code"].map(district_on(on))
    table = targets.pivot_table(index="district_code", columns="age_band", values="population", aggfunc="sum")
    return table.sort_index()[list(BANDS)]


def _vaccine_windows() -> pd.DataFrame:
    """dose2_min_days, dose2_max_days and precaution_min_days by vaccine, in VACCINES order."""
    table = pd.read_csv(MASTER_DIR / "vaccines.csv").set_index("code")
    return table.loc[list(VACCINES), ["dose2_min_days", "dose2_max_days", "precaution_min_days"]]


# --- Centres -----------------------------------------------------------------------------------


def _apportion(weights: np.ndarray, total: int, minimum: int) -> np.ndarray:
    """Split `total` in proportion to weights (largest remainder), giving each at least `minimum`."""
    spare = total - minimum * len(weights)
    exact = weights / weights.sum() * spare
    counts = np.floor(exact).astype(np.int64)
    remainder_order = np.argsort(-(exact - counts), kind="stable")
    counts[remainder_order[: spare - counts.sum()]] += 1
    return counts + minimum


def _places(district: str) -> list[str]:
    """The district's places, then those of the districts later carved out of it (Manendragarh was in Koriya)."""
    owner = district_on(DEFAULT_START)
    children = [code for code in PLACES if code != district and owner[code] == district]
    return [place for code in (district, *children) for place in PLACES[code].split()]


def _district_centres(district: str, count: int) -> pd.DataFrame:
    """One district's centres: the district hospital, a CHC per block, PHCs, then urban wards."""
    places = [place.replace("-", " ") for place in _places(district)]
    wards = round(URBAN.get(district, 0.0) * count)
    chcs = min(len(places), count - 1 - wards)
    phcs = count - 1 - chcs - wards
    names = (
        [f"District Hospital {places[0]}"]
        + [f"CHC {place}" for place in places[:chcs]]
        + [f"PHC {places[i % len(places)]} {i // len(places) + 1}" for i in range(phcs)]
        + [f"UPHC {places[0]} Ward {i + 1}" for i in range(wards)]
    )
    kinds = ["District Hospital"] + ["CHC"] * chcs + ["PHC"] * phcs + ["UPHC"] * wards
    codes = [f"{district}-{n:04d}" for n in range(1, count + 1)]
    return pd.DataFrame({"code": codes, "name": names, "district_code": district, "kind": kinds})


def make_centres(rng: np.random.Generator, count: int, targets: pd.DataFrame) -> pd.DataFrame:
    """`count` centres over the districts in proportion to population; with a relative size each."""
    per_district = _apportion(targets.sum(axis=1).to_numpy(dtype=float), count, minimum=3)
    frames = [_district_centres(code, int(n)) for code, n in zip(targets.index, per_district, strict=True)]
    centres = pd.concat(frames, ignore_index=True).sort_values("code", ignore_index=True)
    centres["size"] = centres["kind"].map(CENTRE_SIZE).to_numpy() * rng.gamma(4.0, 0.25, len(centres))
    return centres[["code", "name", "district_code", "kind", "size"]]


# --- Doses by district -------------------------------------------------------------------------


MODEL, STATE_FIGURE, DISTRICT_FIGURES = 0, 1, 2
"""What fixes a day's doses of one dose number: the model's own draw, the state's figure or each district's."""
JUNCTION_DAYS = 28
"""After the last published day the model's rates are scaled by what the published figures of the last four
weeks were against what the model expected on those days, so the trend goes on from where they leave off."""


@dataclass(frozen=True)
class Follow:
    """The published daily doses of one dose number the model follows (days of the demo's calendar)."""

    level: np.ndarray  # days: MODEL, STATE_FIGURE or DISTRICT_FIGURES
    state: np.ndarray  # days
    district: np.ndarray  # days × districts

    @property
    def last(self) -> int:
        """Index of the last followed day (-1 when none is)."""
        followed = np.flatnonzero(self.level != MODEL)
        return int(followed[-1]) if len(followed) else -1


def follow_published(calendar: Calendar, districts: list[str], dose: int) -> Follow:
    """The published figures of a dose number on the calendar's days: each district's where series.followed
    has them for every district of the demo, else the state's, else none (the model's draw)."""
    published = series.followed()
    state = published.state[dose].reindex(calendar.days)
    per_district = published.districts[dose].reindex(index=calendar.days, columns=districts)
    level = np.where(state.notna(), STATE_FIGURE, MODEL)
    level[per_district.notna().all(axis=1).to_numpy() & state.notna().to_numpy()] = DISTRICT_FIGURES
    return Follow(
        level.astype(np.int8),
        state.fillna(0).to_numpy(dtype=np.int64),
        per_district.fillna(0).to_numpy(dtype=np.int64),
    )


def _followed_day(
    follow: Follow, day: int, expected: np.ndarray, room: np.ndarray, spill: np.ndarray | None
) -> np.ndarray:
    """A followed day's doses per cell (districts × …): its figures split in proportion to what the model
    expects (waiting × rate) within each cell's room; what does not fit, over the cells with room, then over
    `spill` (no caps). A district figure is split over its district's cells, a state figure over all cells."""
    shape = room.shape
    by_district = follow.level[day] == DISTRICT_FIGURES
    rows = shape[0] if by_district else 1
    totals = follow.district[day] if by_district else follow.state[day : day + 1]

    def as_rows(values: np.ndarray) -> np.ndarray:
        return np.broadcast_to(values, shape).reshape(rows, -1)

    stages = [(as_rows(expected), as_rows(room)), (as_rows(room), as_rows(room))]
    if spill is not None:
        stages.append((as_rows(spill), None))
    return shares.in_stages(totals, stages).reshape(shape)


def _serve(
    rng: np.random.Generator,
    eligible: np.ndarray,
    rate: np.ndarray,
    follow: Follow | None = None,
    ceiling: np.ndarray | None = None,
    spill: np.ndarray | None = None,
) -> np.ndarray:
    """Doses per day: a binomial share `rate` of the eligible (cumulative, per day) not served yet.

    On a day `follow` fixes, its published figures instead, split over the cells as the model expects them
    (_followed_day): no cell above what it has waiting, or, given `ceiling` (cumulative, per day), above the
    ceiling less what it was served before. After the last followed day the rates are scaled (JUNCTION_DAYS).
    `spill` (per day): where doses go that fit nowhere else.
    """
    served = np.zeros(eligible.shape, dtype=np.int64)
    total = np.zeros(eligible.shape[1:], dtype=np.int64)
    last = -1 if follow is None else follow.last
    pace, expected_sum, served_sum = 1.0, 0.0, 0
    for day in range(eligible.shape[0]):
        waiting = np.maximum(np.floor(eligible[day]).astype(np.int64) - total, 0)
        chance = np.clip(rate[day] * (pace if day > last else 1.0), 0.0, 1.0)
        if follow is None or follow.level[day] == MODEL:
            served[day] = rng.binomial(waiting, chance)
        else:
            expected = waiting * chance
            room = waiting if ceiling is None else np.maximum(ceiling[day] - total, 0)
            served[day] = _followed_day(follow, day, expected, room, None if spill is None else spill[day])
            if day > last - JUNCTION_DAYS:
                expected_sum, served_sum = expected_sum + expected.sum(), served_sum + served[day].sum()
        if day == last and expected_sum > 0:
            pace = served_sum / expected_sum
        total += served[day]
    return served


def _shift(values: np.ndarray, lag: np.ndarray) -> np.ndarray:
    """values[t] moved to day t + lag[t] (lag per day and vaccine, last axis); later than the end is dropped."""
    out = np.zeros((values.shape[0] + int(lag.max()) + 1, *values.shape[1:]), dtype=values.dtype)
    for v in range(values.shape[-1]):
        np.add.at(out[..., v], np.arange(values.shape[0]) + lag[:, v], values[..., v])
    return out[: values.shape[0]]


@dataclass(frozen=True)
class Model:
    """Everything the dose model draws on: calendar, per-day factors and populations by district and group."""

    calendar: Calendar
    population: np.ndarray  # districts × groups
    day: np.ndarray  # day factor (days)
    noise: np.ndarray  # days × districts
    keenness: np.ndarray  # districts


WORKER_GROUPS = ("hcw_flw_18_44", "hcw_flw_45_59")
WORKER_MARGIN = 0.1
"""Health-care and front-line workers of a district are at least this much more than the published first
doses need (group_population)."""


def _open_shares(calendar: Calendar) -> np.ndarray:
    """Share of each group's people who may take a first dose of each vaccine (days × groups × vaccines): the
    group's phase has opened, the vaccine is in use, and it is the group's mix of vaccines."""
    opened = np.stack([calendar.steps(g.opens) for g in GROUPS.values()], axis=1)  # days × groups
    available = np.stack([calendar.steps(((VACCINE_FROM.get(v, str(DEFAULT_START)), 1.0),)) for v in VACCINES], axis=1)
    mix = np.array([g.mix for g in GROUPS.values()])  # groups × vaccines
    return opened[:, :, None] * mix[None] * available[:, None, :]


def group_population(targets: pd.DataFrame) -> pd.DataFrame:
    """People per district and group (GROUPS' shares of the band targets), with each district's health-care and
    front-line workers at least what its published first doses need.

    To 25 April 2021 the district series fix each district's first doses; before 1 March only the workers could
    take one, and to 1 May the workers and the 45+ opened then. Where the shares give fewer workers than that
    (Sukma and Bijapur published about twice as many first doses before March), the 18-44 workers are
    raised, WORKER_MARGIN above the need, and the rest of the 18-44 band lowered by as many.
    """
    names = list(GROUPS)
    population = targets[[g.band for g in GROUPS.values()]].to_numpy(dtype=float) * [g.share for g in GROUPS.values()]
    first = series.followed().districts[1].reindex(columns=targets.index, fill_value=0).cumsum()
    calendar = Calendar(pd.DatetimeIndex(first.index))
    open_share = _open_shares(calendar).sum(axis=2)  # days × groups
    workers = [names.index(name) for name in WORKER_GROUPS]
    others = [g for g in range(len(names)) if g not in workers]
    others_open = open_share[:, others] @ population[:, others].T  # days × districts
    worker_open = open_share[:, workers[0]][:, None]  # the workers' groups open together
    need = np.max((first.to_numpy() - others_open) / np.where(worker_open > 0, worker_open, np.inf), axis=0)
    extra = np.maximum(need * (1 + WORKER_MARGIN) - population[:, workers].sum(axis=1), 0.0)
    population[:, names.index("hcw_flw_18_44")] += extra
    population[:, names.index("18_44")] -= extra
    return pd.DataFrame(population, index=targets.index, columns=names)


def _model(rng: np.random.Generator, calendar: Calendar, targets: pd.DataFrame) -> Model:
    """Draw the district noise and keenness and build the populations by group."""
    days, districts = len(calendar.days), len(targets)
    population = group_population(targets).to_numpy()
    noise = rng.lognormal(0.0, 0.25, (days, districts))
    keenness = rng.lognormal(0.0, 0.15, districts)
    return Model(calendar, population, calendar.day_factor(), noise, keenness)


def _first_doses(rng: np.random.Generator, model: Model, follow: Follow) -> np.ndarray:
    """First doses, days × districts × groups × vaccines; on published days their figures."""
    cal = model.calendar
    eligible = model.population[None, :, :, None] * _open_shares(cal)[:, None]
    uptake = np.array([g.uptake for g in GROUPS.values()])
    rate = (cal.linear(SUPPLY) * model.day)[:, None, None, None] * model.noise[:, :, None, None]
    rate = rate * model.keenness[None, :, None, None] * uptake[None, None, :, None]
    return _serve(rng, eligible, rate, follow, spill=eligible)


def _dose2_lag(calendar: Calendar, windows: pd.DataFrame) -> np.ndarray:
    """Days from a first dose to the start of its dose-2 window, per day of the first dose and vaccine."""
    lag = np.tile(windows["dose2_min_days"].to_numpy(), (len(calendar.days), 1))
    early = np.arange(len(calendar.days)) < calendar.index(EARLY_COVISHIELD[0])
    lag[early, VACCINES.index("COVISHIELD")] = EARLY_COVISHIELD[1]
    return lag


def _second_doses(
    rng: np.random.Generator, model: Model, first: np.ndarray, windows: pd.DataFrame, follow: Follow
) -> np.ndarray:
    """Second doses: the returning share of first doses, once due, come at a rate set by the window width.

    On published days their figures, never more in a cell (district, group, vaccine) than its first doses.
    """
    comeback = rng.uniform(*DOSE2_SHARE, first.shape[1])[None, :, None, None]
    due = np.cumsum(_shift(first, _dose2_lag(model.calendar, windows)), axis=0) * comeback
    width = (windows["dose2_max_days"] - windows["dose2_min_days"]).to_numpy()
    rate = (model.day[:, None] * model.noise)[:, :, None, None] * (DOSE2_PROMPTNESS / width)[None, None, None, :]
    given = np.cumsum(first, axis=0)
    return _serve(rng, due, np.minimum(rate, 1.0), follow, ceiling=given, spill=given)


def _precaution_doses(rng: np.random.Generator, model: Model, second: np.ndarray, windows: pd.DataFrame) -> np.ndarray:
    """Precaution doses: from PRECAUTION_FROM, for groups that have one, a gap after the second dose."""
    days = len(model.calendar.days)
    gap = np.tile(windows["precaution_min_days"].to_numpy(), (days, 1))
    takers = np.array([g.precaution for g in GROUPS.values()])[None, None, :, None]
    open_from = (np.arange(days) >= model.calendar.index(PRECAUTION_FROM))[:, None, None, None]
    eligible = np.cumsum(_shift(second, gap), axis=0) * takers * open_from
    rate = (model.day[:, None] * model.noise * PRECAUTION_RATE)[:, :, None, None]
    return _serve(rng, eligible, np.broadcast_to(rate, eligible.shape))


def district_doses(rng: np.random.Generator, calendar: Calendar, targets: pd.DataFrame) -> np.ndarray:
    """Doses per day × district × age band × vaccine × dose number (BANDS, VACCINES, DOSES order)."""
    model = _model(rng, calendar, targets)
    windows = _vaccine_windows()
    districts = list(targets.index)
    first = _first_doses(rng, model, follow_published(calendar, districts, 1))
    second = _second_doses(rng, model, first, windows, follow_published(calendar, districts, 2))
    precaution = _precaution_doses(rng, model, second, windows)
    by_group = np.stack([first, second, precaution], axis=-1)  # days × districts × groups × vaccines × doses
    to_band = np.zeros((len(GROUPS), len(BANDS)), dtype=np.int64)
    to_band[np.arange(len(GROUPS)), [BANDS.index(g.band) for g in GROUPS.values()]] = 1
    return np.einsum("tdgvk,gb->tdbvk", by_group, to_band)


# --- Centres' share of the doses ---------------------------------------------------------------


def _group_bounds(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and length of each run of equal keys in a sorted array."""
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return starts, np.diff(np.r_[starts, len(keys)])


PERSISTENCE = 0.95
"""How much of a centre's daily chance to report is its own habit (the rest is the day's luck): real
session sites mostly report day after day, so the same centres should, and a gap means something."""


def _uniform_mix(habit: np.ndarray, luck: np.ndarray) -> np.ndarray:
    """PERSISTENCE × habit + (1 − PERSISTENCE) × luck for uniform habit and luck, mapped back to uniform.

    The exact distribution function of the sum of two uniforms (a trapezoid) keeps every centre's daily
    chance what it was, while the same centres tend to report from one day to the next.
    """
    a, b = PERSISTENCE, 1.0 - PERSISTENCE
    x = a * habit + b * luck
    return np.where(x < b, x * x / (2 * a * b), np.where(x <= a, (x - b / 2) / a, 1 - (a + b - x) ** 2 / (2 * a * b)))


def _reporting(rng: np.random.Generator, calendar: Calendar, centres: pd.DataFrame, share: float) -> np.ndarray:
    """Which centres report each day (days × centres): weighted by centre size, mostly the same centres."""
    relative = centres["size"] / centres.groupby("district_code")["size"].transform("mean")
    level = share * calendar.day_factor() * calendar.linear(ACTIVITY)
    chance = np.clip(level[:, None] * relative.to_numpy()[None, :], 0.0, 0.95)
    habit = rng.random(len(centres))[None, :]
    return _uniform_mix(habit, rng.random(chance.shape)) < chance


def _sessions(
    rng: np.random.Generator, calendar: Calendar, centres: pd.DataFrame, volume: np.ndarray, share: float
) -> pd.DataFrame:
    """Centre-days with one vaccine each (day, district, vaccine, centre), at least one for every dose.

    volume: doses per day × district × vaccine.
    """
    district = pd.Categorical(centres["district_code"]).codes.astype(np.int64)
    day, centre = np.nonzero(_reporting(rng, calendar, centres, share))
    # At most one session per MIN_SESSION_DOSES doses of the district's day; the same centres come first.
    priority = rng.random(len(centres))
    order = np.lexsort((priority[centre], district[centre], day))
    day, centre = day[order], centre[order]
    starts, lengths = _group_bounds(day * len(volume[0]) + district[centre])
    rank = np.arange(len(day)) - np.repeat(starts, lengths)
    cap = np.ceil(volume.sum(axis=2) / MIN_SESSION_DOSES).astype(np.int64)
    keep = rank < cap[day, district[centre]]
    day, centre = day[keep], centre[keep]
    # One vaccine per session, in proportion to the district's doses of each that day.
    mix = (
        np.cumsum(volume[day, district[centre]], axis=1) / np.maximum(volume[day, district[centre]].sum(1), 1)[:, None]
    )
    vaccine = np.minimum((rng.random(len(day))[:, None] >= mix).sum(axis=1), len(VACCINES) - 1)
    sessions = pd.DataFrame({"day": day, "district": district[centre], "vaccine": vaccine, "centre": centre})
    return pd.concat([sessions, _hospital_sessions(sessions, centres, volume)], ignore_index=True)


def _hospital_sessions(sessions: pd.DataFrame, centres: pd.DataFrame, volume: np.ndarray) -> pd.DataFrame:
    """Sessions at the district hospital for district-day-vaccines that have doses but no session."""
    covered = np.zeros(volume.shape, dtype=bool)
    covered[sessions["day"], sessions["district"], sessions["vaccine"]] = True
    day, district, vaccine = np.nonzero((volume > 0) & ~covered)
    hospital = np.flatnonzero(centres["kind"].to_numpy() == "District Hospital")
    hospital_of = hospital[np.argsort(centres["district_code"].to_numpy()[hospital], kind="stable")]
    return pd.DataFrame({"day": day, "district": district, "vaccine": vaccine, "centre": hospital_of[district]})


def _allocate(cells: pd.DataFrame, sessions: pd.DataFrame, districts: int) -> pd.DataFrame:
    """Split each district cell's doses over the sessions of its day and vaccine, in proportion to weight.

    Cumulative rounding (floor of the running total) keeps every cell's sum exact.
    """
    vaccines = len(VACCINES)
    sessions = sessions.assign(
        key=(sessions["day"] * districts + sessions["district"]) * vaccines + sessions["vaccine"]
    )
    sessions = sessions.sort_values(["key", "centre"], kind="stable", ignore_index=True)
    key, weight = sessions["key"].to_numpy(), sessions["weight"].to_numpy()
    starts, lengths = _group_bounds(key)
    running = np.cumsum(weight)
    before = np.repeat(running[starts] - weight[starts], lengths)
    upper = (running - before) / np.repeat(np.add.reduceat(weight, starts), lengths)
    upper[starts + lengths - 1] = 1.0
    lower = np.r_[0.0, upper[:-1]]
    lower[starts] = 0.0
    cell_key = (cells["day"].to_numpy() * districts + cells["district"].to_numpy()) * vaccines + cells["vaccine"]
    group = np.searchsorted(key[starts], cell_key.to_numpy())
    per_cell = lengths[group]
    cell = np.repeat(np.arange(len(cells)), per_cell)
    session = (
        np.repeat(starts[group], per_cell) + np.arange(len(cell)) - np.repeat(np.cumsum(per_cell) - per_cell, per_cell)
    )
    count = cells["doses"].to_numpy()[cell]
    doses = (np.floor(count * upper[session]) - np.floor(count * lower[session])).astype(np.int64)
    out = cells.iloc[cell].reset_index(drop=True).assign(centre=sessions["centre"].to_numpy()[session], doses=doses)
    return out[out["doses"] > 0]


def _dose_frame(cells: pd.DataFrame, calendar: Calendar, codes: pd.Series) -> pd.DataFrame:
    """The public dose frame (sorted like the table's key) from index-coded allocated cells."""
    cells = cells.sort_values(["day", "centre", "band", "dose", "vaccine"], ignore_index=True)
    return pd.DataFrame(
        {
            "date": calendar.days[cells["day"].to_numpy()],
            "centre_code": pd.Categorical.from_codes(cells["centre"], categories=list(codes)),
            "age_band": pd.Categorical.from_codes(cells["band"], categories=list(BANDS)),
            "dose_number": np.asarray(DOSES)[cells["dose"].to_numpy()],
            "vaccine": pd.Categorical.from_codes(cells["vaccine"], categories=list(VACCINES)),
            "doses": cells["doses"].to_numpy(dtype=np.int64),
        }
    )


def centre_doses(
    rng: np.random.Generator, calendar: Calendar, centres: pd.DataFrame, counts: np.ndarray, share: float
) -> pd.DataFrame:
    """District doses (days × districts × bands × vaccines × doses) spread over reporting centres."""
    day, district, band, vaccine, dose = np.nonzero(counts)
    cells = pd.DataFrame(
        {
            "day": day,
            "district": district,
            "band": band,
            "vaccine": vaccine,
            "dose": dose,
            "doses": counts[day, district, band, vaccine, dose],
        }
    )
    sessions = _sessions(rng, calendar, centres, counts.sum(axis=(2, 4)), share)
    sessions["weight"] = centres["size"].to_numpy()[sessions["centre"]] * rng.gamma(2.0, 0.5, len(sessions))
    allocated = _allocate(cells, sessions, counts.shape[1])
    return _dose_frame(allocated, calendar, centres["code"])


# --- Stock -------------------------------------------------------------------------------------


def _round_up(values: np.ndarray, unit: int) -> np.ndarray:
    """Values rounded up to whole units (vials, consignments)."""
    return (np.ceil(values / unit) * unit).astype(np.int64)


def _district_issues(rng: np.random.Generator, used: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weekly issues and wastage (weeks × districts × vaccines) so that no district store runs short.

    used: doses given per stock day × district × vaccine; week k's issue is on day 7k + 1. An issue near the
    end sizes the days after it at the pace of the last four weeks, so the demo's last day still has its
    10-14 days of cover (not just what the calendar's remaining days use).
    """
    days, shape = used.shape[0], used.shape[1:]
    weeks = (days - 2) // 7 + 1
    given = np.concatenate([np.zeros((1, *shape)), np.cumsum(used, axis=0)])  # given[t]: used before day t
    pace = (given[days] - given[max(days - 28, 0)]) / min(days, 28)
    beyond = given[days] + np.arange(1, COVER_DAYS[1] + 1)[:, None, None] * pace
    given = np.concatenate([given, np.floor(beyond)])
    district, vaccine = np.indices(shape)
    issues = np.zeros((weeks, *shape), dtype=np.int64)
    wastage = np.zeros((weeks, *shape), dtype=np.int64)
    on_hand = np.zeros(shape, dtype=np.int64)  # at the end of the day before the issue
    for week in range(weeks):
        day = 7 * week + 1
        recent = given[day] - given[max(day - 28, 0)]
        spoiled = np.floor(recent * rng.uniform(*WASTAGE_SHARE, shape)) * (rng.random(shape) < WASTAGE_CHANCE)
        wastage[week] = np.minimum(spoiled.astype(np.int64), on_hand)
        cover = day + rng.integers(*COVER_DAYS, shape)
        need = given[cover, district, vaccine] - given[day]
        issues[week] = _round_up(np.maximum(need - on_hand + wastage[week], 0), ISSUE_ROUND)
        on_hand = on_hand - wastage[week] + issues[week] - (given[min(day + 7, days)] - given[day]).astype(np.int64)
    return issues, wastage


def _state_receipts(rng: np.random.Generator, issued: np.ndarray) -> np.ndarray:
    """Receipts from the supplier (weeks × vaccines), the day before each issue, when the next two weeks
    of issues are not in stock: enough for them and a margin."""
    receipts = np.zeros(issued.shape, dtype=np.int64)
    on_hand = np.zeros(issued.shape[1], dtype=np.int64)
    coming = issued + np.concatenate([issued[1:], np.zeros_like(issued[:1])])
    for week in range(len(issued)):
        short = on_hand < coming[week]
        wanted = coming[week] * rng.uniform(1.0, 1.25, len(on_hand)) - on_hand
        receipts[week] = np.where(short, _round_up(np.maximum(wanted, 0), RECEIPT_ROUND), 0)
        on_hand = on_hand + receipts[week] - issued[week]
    return receipts


def _movement_frame(quantity: np.ndarray, origin: pd.Timestamp, day_offset: int, ends: Callable) -> pd.DataFrame:
    """Movements from a weeks × … × vaccines array of quantities; `ends(index)` gives (from, to, prefix)."""
    index = np.nonzero(quantity)
    from_store, to_store, prefix = ends(index)
    return pd.DataFrame(
        {
            "date": origin + pd.to_timedelta(7 * index[0] + day_offset, unit="D"),
            "vaccine": np.asarray(VACCINES)[index[-1]],
            "from_store": from_store,
            "to_store": to_store,
            "quantity": quantity[index],
            "prefix": prefix,
        }
    )


def _with_references(movements: pd.DataFrame) -> pd.DataFrame:
    """Number the documents per prefix and year in date order: GRN/2021/0001, ISS/RPR/2021/0001."""
    movements = movements.sort_values(["date", "prefix", "vaccine"], kind="stable", ignore_index=True)
    year = movements["date"].dt.year.astype(str)
    number = movements.groupby([movements["prefix"], year]).cumcount() + 1
    movements["reference"] = movements["prefix"] + "/" + year + "/" + number.map("{:04d}".format)
    return movements.drop(columns="prefix")


def stock_movements(
    rng: np.random.Generator, calendar: Calendar, used: np.ndarray, districts: list[str]
) -> pd.DataFrame:
    """Receipts, issues and wastage for doses used per day × district × vaccine; never short anywhere."""
    used = np.concatenate([np.zeros((STOCK_LEAD_DAYS, *used.shape[1:]), dtype=used.dtype), used])
    origin = calendar.days[0] - pd.Timedelta(days=STOCK_LEAD_DAYS)
    issues, wastage = _district_issues(rng, used)
    receipts = _state_receipts(rng, issues.sum(axis=1))
    code = np.asarray(districts, dtype=object)
    frames = [
        _movement_frame(receipts, origin, 0, lambda i: (SUPPLIER, STATE, "GRN")),
        _movement_frame(issues, origin, 1, lambda i: (STATE, code[i[1]], "ISS/" + code[i[1]])),
        _movement_frame(wastage, origin, 1, lambda i: (code[i[1]], WASTAGE, "WST/" + code[i[1]])),
    ]
    return _with_references(pd.concat(frames, ignore_index=True))


# --- Certificate registry: beneficiaries and their vaccinations --------------------------------------

DEFAULT_PEOPLE = 25_000
REGISTRY_STREAM = 7
"""The registry's own random stream (numpy seed sequence [seed, 7, first]): the aggregate demo keeps its
draws, and each chunk of people is reproducible on its own (a benchmark can build 2 crore in chunks)."""
REGISTRY_CHUNK = 1_000_000

PEOPLE_BANDS = {"12-14": 0.03, "15-17": 0.07, "18-44": 0.55, "45-59": 0.21, "60+": 0.14}
"""Share of the people in each age band (BANDS order) when no first-dose curve is given (first_doses=None)."""
BAND_AGES = {"12-14": (12, 14), "15-17": (15, 17), "18-44": (18, 44), "45-59": (45, 59), "60+": (60, 95)}
BAND_OPENS = {
    "12-14": "2022-03-16",
    "15-17": "2022-01-03",
    "18-44": "2021-05-01",
    "45-59": "2021-03-01",
    "60+": "2021-03-01",
}
"""First day a band's first doses were given; an 18-59 first dose before it is a health-care or front-line
worker's (from 16 Jan 2021), who may take a precaution dose like the 60+."""
WORKER_WEIGHT = 0.05
"""Without a first-dose curve: weight of a day before an adult band opens (workers) against one after."""
DOSE2_RETURN = 0.85
PRECAUTION_TAKERS = 0.5
"""Share of the eligible (60+, workers) with a second dose who take a precaution dose once due."""
PRECAUTION_DELAY = 45
"""A precaution dose comes within this many days of becoming due."""
SAME_CENTRE = 0.8
SHARED_MOBILE = 0.15
"""Share of people registered with the mobile of a member of their household (each household one number)."""
DEVANAGARI_SHARE = 0.35
"""Share of households whose names are written in Devanagari."""
GENDER_SHARES = {"M": 0.51, "F": 0.489, "O": 0.001}
ID_SHARES = {
    "AADHAAR": 0.80,
    "VOTER_ID": 0.08,
    "PAN": 0.04,
    "DRIVING_LICENCE": 0.04,
    "RATION_CARD": 0.02,
    "PASSPORT": 0.01,
    "PENSION_PASSBOOK": 0.01,
}
"""ID documents of adults; under-18s show Aadhaar (90 %) or a student photo ID."""
LOT_PREFIX = {"COVISHIELD": "4121Z", "COVAXIN": "EE", "SPUTNIK": "II", "CORBEVAX": "CB"}

NAMES_FILE = Path(__file__).resolve().parent / "names.csv"
"""Common names of Chhattisgarh, romanised and in Devanagari (kind: male, female, surname, or middle: the middle name
of a fifth of the men); data, kept beside the code rather than in it."""
NAMES = pd.read_csv(NAMES_FILE, dtype=str, keep_default_na=False)


def _in_devanagari(name: str) -> str:
    """A romanised name of the names file written in Devanagari, word by word."""
    script = dict(zip(NAMES["roman"], NAMES["devanagari"], strict=True))
    return " ".join(script[word] for word in name.split())


BENEFICIARY_COLUMNS = (
    "reference_id",
    "name",
    "birth_year",
    "gender",
    "mobile",
    "id_type",
    "id_number",
    "district_code",
)
VACCINATION_COLUMNS = ("reference_id", "dose_number", "date", "vaccine", "centre_code", "lot")


def _names(kind: str) -> np.ndarray:
    """The names of a kind as an array (names × 2): romanised, Devanagari."""
    return NAMES.loc[NAMES["kind"] == kind, ["roman", "devanagari"]].to_numpy(dtype=str)


@dataclass(frozen=True)
class DemoPerson:
    """A documented demo beneficiary (README, tests): the reference id and mobile a citizen would type."""

    reference_id: str
    mobile: str
    name: str


@dataclass(frozen=True)
class _Known:
    person: DemoPerson
    birth_year: int
    gender: str
    id_type: str
    id_number: str
    district_code: str
    doses: tuple[tuple[int, str, str, str, str], ...]  # (dose, date, vaccine, centre, lot)


_KNOWN = (
    _Known(
        DemoPerson("9123456789012", "9912345678", _in_devanagari("Sunita Sahu")),
        1994,
        "F",
        "AADHAAR",
        "234123412346",
        "RPR",
        ((1, "2021-05-10", "COVAXIN", "RPR-0002", "EE0051"),),
    ),
    _Known(
        DemoPerson("9234567890123", "9987654321", "Ramesh Kumar Verma"),
        1975,
        "M",
        "VOTER_ID",
        "CGV1234567",
        "DRG",
        (
            (1, "2021-04-05", "COVISHIELD", "DRG-0001", "4121Z033"),
            (2, "2021-07-05", "COVISHIELD", "DRG-0001", "4121Z064"),
        ),
    ),
    _Known(
        DemoPerson("9345678901234", "9987654321", "Kamla Bai Verma"),
        1950,
        "F",
        "AADHAAR",
        "345634563457",
        "DRG",
        (
            (1, "2021-03-08", "COVISHIELD", "DRG-0001", "4121Z022"),
            (2, "2021-04-12", "COVISHIELD", "DRG-0001", "4121Z037"),
            (3, "2022-01-20", "COVISHIELD", "DRG-0002", "4121Z128"),
        ),
    ),
)
"""Three people every demo holds (their doses up to the demo's last day): a Devanagari name with one dose
(Covaxin), a man with both doses (Covishield), and his mother with a precaution dose, on his mobile."""


def demo_people() -> list[DemoPerson]:
    """The documented demo beneficiaries: (reference_id, mobile, name) of a Devanagari name with one dose, a fully
    vaccinated man, and his mother with a precaution dose (the same mobile). Their numbers are synthetic."""
    return [known.person for known in _KNOWN]


def _padded(values: np.ndarray, width: int) -> np.ndarray:
    """Whole numbers as text, zero-padded to `width` digits."""
    return np.char.mod(f"%0{width}d", values).astype(str)


def _scramble(index: np.ndarray, multiplier: int, offset: int, span: int) -> np.ndarray:
    """index → (index × multiplier + offset) mod span: distinct for distinct indexes below span (coprime multiplier)."""
    return (index.astype(np.int64) * multiplier + offset) % span


def _aadhaar(index: np.ndarray, offset: int) -> np.ndarray:
    """Distinct valid Aadhaar numbers: 11 digits (the first 2-9) and the Verhoeff check digit."""
    body = 20_000_000_000 + _scramble(index, 3_183_098_861, offset, 80_000_000_000)
    digits = (body[:, None] // 10 ** np.arange(10, -1, -1)) % 10
    return np.char.add(body.astype(str), registry.verhoeff_check_digits(digits).astype(str))


def _letters(rng: np.random.Generator, count: int, length: int) -> np.ndarray:
    codes = rng.integers(ord("A"), ord("Z") + 1, (count, length)).astype(np.uint32)
    return codes.view(f"<U{length}").ravel()


def _id_numbers(
    rng: np.random.Generator, index: np.ndarray, offset: int, types: np.ndarray, initials: np.ndarray
) -> np.ndarray:
    """A number of the right form for each person's ID type (Aadhaar valid and distinct)."""

    def serial(n: int) -> np.ndarray:
        return _padded(rng.integers(0, 10_000_000, n), 7)

    forms = {
        "AADHAAR": lambda n, chosen: _aadhaar(index[chosen], offset),
        "VOTER_ID": lambda n, chosen: np.char.add(_letters(rng, n, 3), serial(n)),
        "PAN": lambda n, chosen: np.char.add(
            np.char.add(np.char.add(_letters(rng, n, 3), "P"), initials[chosen]),
            np.char.add(_padded(rng.integers(0, 10_000, n), 4), _letters(rng, n, 1)),
        ),
        "DRIVING_LICENCE": lambda n, chosen: np.char.add(
            np.char.add("CG", _padded(rng.integers(1, 31, n), 2)),
            np.char.add(rng.integers(1990, 2021, n).astype(str), serial(n)),
        ),
        "RATION_CARD": lambda n, chosen: np.char.add("CG", _padded(rng.integers(0, 10**10, n), 10)),
        "PASSPORT": lambda n, chosen: np.char.add(_letters(rng, n, 1), serial(n)),
        "PENSION_PASSBOOK": lambda n, chosen: np.char.add("PPO", serial(n)),
        "STUDENT_ID": lambda n, chosen: np.char.add("STU", _padded(rng.integers(0, 10**8, n), 8)),
    }
    out = np.empty(len(index), dtype=object)
    for code, form in forms.items():
        chosen = types == code
        out[chosen] = form(int(chosen.sum()), chosen)
    return out


def _households(rng: np.random.Generator, count: int) -> np.ndarray:
    """For each person, the household member whose mobile, district and surname they share (often themselves)."""
    index = np.arange(count)
    owner = np.where(rng.random(count) < SHARED_MOBILE, np.maximum(index - rng.integers(1, 4, count), 0), index)
    while not np.array_equal(owner[owner], owner):  # a member's member: follow to the head of the household
        owner = owner[owner]
    return owner


def first_dose_curve(calendar: Calendar) -> np.ndarray:
    """Relative first doses per day and band (days × BANDS) without the aggregate model: the campaign's pace
    (SUPPLY, day factors) from each band's opening, a trickle of workers before it, PEOPLE_BANDS in all."""
    pace = calendar.linear(SUPPLY) * calendar.day_factor()
    curve = np.zeros((len(calendar.days), len(BANDS)))
    for b, band in enumerate(BANDS):
        opened = np.arange(len(calendar.days)) >= calendar.index(BAND_OPENS[band])
        before = WORKER_WEIGHT if band in ("18-44", "45-59") else 0.0
        curve[:, b] = pace * np.where(opened, 1.0, before)
        if curve[:, b].sum() > 0:
            curve[:, b] *= PEOPLE_BANDS[band] / curve[:, b].sum()
    return curve


def _draw_first_doses(rng: np.random.Generator, curve: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Band (index into BANDS) and day (calendar index) of each first dose, drawn from a days × bands curve."""
    cumulative = np.cumsum(curve.ravel(order="F"))
    cell = np.searchsorted(cumulative, rng.random(count) * cumulative[-1], side="right").clip(max=curve.size - 1)
    return cell // len(curve), cell % len(curve)


def _centre_picker(centres: pd.DataFrame) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """pick(district codes, uniform draws) → for each, a centre code of that district."""
    ordered = centres.sort_values(["district_code", "code"], kind="stable")
    counts = ordered.groupby("district_code").size()
    starts = np.r_[0, np.cumsum(counts.to_numpy())[:-1]]
    codes = ordered["code"].to_numpy()

    def pick(district: np.ndarray, draw: np.ndarray) -> np.ndarray:
        position = counts.index.get_indexer(district)
        count = counts.to_numpy()[position]
        return codes[starts[position] + np.minimum((draw * count).astype(np.int64), count - 1)]

    return pick


def _lots(rng: np.random.Generator, vaccine: np.ndarray, day: pd.DatetimeIndex) -> np.ndarray:
    """Lot numbers: the vaccine's prefix, the month of use and one of ten lots that month."""
    month = (day.year - 2021) * 12 + day.month
    number = _padded(month.to_numpy() * 10 + rng.integers(0, 10, len(day)), 3)
    return np.char.add(np.vectorize(LOT_PREFIX.get, otypes=[str])(vaccine), number)


def registry_people(
    seed: int,
    first: int,
    count: int,
    centres: pd.DataFrame,
    end: date = DEFAULT_END,
    first_doses: np.ndarray | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """People number first … first + count − 1 of the synthetic registry, and their vaccinations.

    Vectorised; chunks of one seed are independent and their reference ids, mobiles and Aadhaar numbers never
    collide (2 crore people: 20 calls of REGISTRY_CHUNK). First doses follow `first_doses` (days × BANDS from
    the demo's start; the aggregate model's, in generate) or else first_dose_curve. Later doses follow the
    vaccine table's intervals (Covishield first doses before 22 March 2021: 28-42 days), consecutive, the
    same vaccine throughout, at a centre of the person's district, up to `end`. Raw mobiles and ID numbers
    are in the frames: load() hashes them.
    """
    rng = np.random.default_rng([seed, REGISTRY_STREAM, first])
    offsets = np.random.default_rng([seed, REGISTRY_STREAM]).integers(0, 10**9, 3)  # the same for every chunk
    calendar = Calendar(pd.date_range(DEFAULT_START, end, freq="D"))
    index = np.arange(first, first + count, dtype=np.int64)
    head = _households(rng, count)
    targets = district_targets()
    population = targets.sum(axis=1).to_numpy(dtype=float)
    district = np.asarray(targets.index)[rng.choice(len(targets), count, p=population / population.sum())][head]
    # Age band and day of the first dose; an adult's before the band opened is a worker's.
    curve = first_dose_curve(calendar) if first_doses is None else first_doses[: len(calendar.days)]
    band_index, day1 = _draw_first_doses(rng, curve, count)
    band = np.asarray(BANDS)[band_index]
    opens = np.array([calendar.index(BAND_OPENS[b]) for b in BANDS])[band_index]
    worker = np.isin(band, ["18-44", "45-59"]) & (day1 < opens)
    mix = np.array(ADULT_MIX) / sum(ADULT_MIX)
    vaccine = np.asarray(VACCINES)[rng.choice(len(VACCINES), count, p=mix)]
    vaccine[(vaccine == "SPUTNIK") & (day1 < calendar.index(VACCINE_FROM["SPUTNIK"]))] = "COVISHIELD"
    vaccine[band == "15-17"] = "COVAXIN"
    vaccine[band == "12-14"] = "CORBEVAX"
    ages = np.array([BAND_AGES[b] for b in BANDS])[band_index]
    age = rng.integers(ages[:, 0], ages[:, 1] + 1)
    old = band == "60+"
    age[old] = np.minimum(60 + rng.exponential(8.0, int(old.sum())).astype(np.int64), BAND_AGES["60+"][1])
    birth_year = calendar.days[day1].year.to_numpy() - age
    # Dose 2 within the vaccine's window, if the person came back before the end; precaution for 60+ and workers.
    windows = _vaccine_windows()
    v = pd.Index(VACCINES).get_indexer(vaccine)
    minimum = windows["dose2_min_days"].to_numpy()[v]
    width = (windows["dose2_max_days"] - windows["dose2_min_days"]).to_numpy()[v]
    early = (vaccine == "COVISHIELD") & (day1 < calendar.index(EARLY_COVISHIELD[0]))
    minimum[early], width[early] = EARLY_COVISHIELD[1], 14
    day2 = day1 + minimum + (rng.random(count) * (width + 1)).astype(np.int64)
    has2 = (rng.random(count) < DOSE2_RETURN) & (day2 < len(calendar.days))
    due3 = np.maximum(day2 + windows["precaution_min_days"].to_numpy()[v], calendar.index(PRECAUTION_FROM))
    day3 = due3 + rng.integers(0, PRECAUTION_DELAY, count)
    has3 = has2 & ((band == "60+") | worker) & (rng.random(count) < PRECAUTION_TAKERS) & (day3 < len(calendar.days))
    # Names: the household's surname and script.
    male, female, surnames = _names("male"), _names("female"), _names("surname")
    gender = np.asarray(list(GENDER_SHARES))[rng.choice(len(GENDER_SHARES), count, p=list(GENDER_SHARES.values()))]
    script = (rng.random(count) < DEVANAGARI_SHARE).astype(np.int64)[head]
    surname = rng.integers(0, len(surnames), count)[head]
    is_male = (gender == "M") | ((gender == "O") & (rng.random(count) < 0.5))
    given = np.where(
        is_male, male[rng.integers(0, len(male), count), script], female[rng.integers(0, len(female), count), script]
    )
    middle = np.where(is_male & (rng.random(count) < 0.2), _names("middle")[0][script], "")
    name = np.char.add(
        np.char.add(np.char.add(given, " "), np.char.add(middle, np.where(middle != "", " ", ""))),
        surnames[surname, script],
    )
    # Mobile (shared in a household), ID document.
    mobile = (6_000_000_000 + _scramble(index[head], 271_828_183, int(offsets[0]), 3_900_000_000)).astype(str)
    minor = ~np.isin(band, ["18-44", "45-59", "60+"])
    id_codes = np.asarray(list(ID_SHARES))[rng.choice(len(ID_SHARES), count, p=list(ID_SHARES.values()))]
    id_codes[minor] = np.where(rng.random(int(minor.sum())) < 0.9, "AADHAAR", "STUDENT_ID")
    beneficiaries = pd.DataFrame(
        {
            "reference_id": (10**12 + _scramble(index, 3_141_592_653, int(offsets[1]), 8 * 10**12)).astype(str),
            "name": name,
            "birth_year": birth_year,
            "gender": gender,
            "mobile": mobile,
            "id_type": id_codes,
            "id_number": _id_numbers(rng, index, int(offsets[2]), id_codes, surnames[surname, 0].astype("<U1")),
            "district_code": district,
        }
    )
    pick = _centre_picker(centres)
    centre1 = pick(district, rng.random(count))
    centre2 = np.where(rng.random(count) < SAME_CENTRE, centre1, pick(district, rng.random(count)))
    centre3 = pick(district, rng.random(count))
    doses = []
    for number, given_day, centre, chosen in (
        (1, day1, centre1, np.ones(count, bool)),
        (2, day2, centre2, has2),
        (3, day3, centre3, has3),
    ):
        days = calendar.days[given_day[chosen]]
        doses.append(
            pd.DataFrame(
                {
                    "reference_id": beneficiaries["reference_id"].to_numpy()[chosen],
                    "dose_number": number,
                    "date": days.date,
                    "vaccine": vaccine[chosen],
                    "centre_code": centre[chosen],
                    "lot": _lots(rng, vaccine[chosen], days),
                }
            )
        )
    vaccinations = pd.concat(doses, ignore_index=True).sort_values(["reference_id", "dose_number"], ignore_index=True)
    return beneficiaries, vaccinations


def known_people(end: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The documented demo people (demo_people) and their doses up to `end`."""
    beneficiaries = pd.DataFrame(
        [
            (
                k.person.reference_id,
                k.person.name,
                k.birth_year,
                k.gender,
                k.person.mobile,
                k.id_type,
                k.id_number,
                k.district_code,
            )
            for k in _KNOWN
        ],
        columns=list(BENEFICIARY_COLUMNS),
    )
    doses = [
        (k.person.reference_id, number, date.fromisoformat(day), vaccine, centre, lot)
        for k in _KNOWN
        for number, day, vaccine, centre, lot in k.doses
        if date.fromisoformat(day) <= end
    ]
    return beneficiaries, pd.DataFrame(doses, columns=list(VACCINATION_COLUMNS))


def demo_registry(
    seed: int, people: int, centres: pd.DataFrame, end: date, first_doses: np.ndarray | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The demo registry: `people` generated beneficiaries (in chunks) and the documented ones, with their doses."""
    parts = [
        registry_people(seed, first, min(REGISTRY_CHUNK, people - first), centres, end, first_doses)
        for first in range(0, people, REGISTRY_CHUNK)
    ]
    parts.append(known_people(end))
    beneficiaries, vaccinations = (pd.concat([p[i] for p in parts], ignore_index=True) for i in (0, 1))
    # In key order: the tables' primary-key indexes then fill from one end (faster inserts).
    return (
        beneficiaries.sort_values("reference_id", ignore_index=True),
        vaccinations.sort_values(["reference_id", "dose_number"], ignore_index=True),
    )


def beneficiaries_csv(beneficiaries: pd.DataFrame) -> bytes:
    """Beneficiaries as a file of the data contract (CSV, UTF-8): raw synthetic mobiles and ID numbers."""
    return beneficiaries.rename(columns={"district_code": "district"}).to_csv(index=False).encode("utf-8")


def vaccinations_csv(vaccinations: pd.DataFrame) -> bytes:
    """Vaccinations as a file of the data contract (CSV, UTF-8)."""
    return vaccinations.rename(columns={"lot": "batch"}).to_csv(index=False).encode("utf-8")


def beneficiary_columns(beneficiaries: pd.DataFrame, hasher: Callable[[str], str]) -> dict[str, list]:
    """The beneficiary table's columns (but batch_id): mobile and ID number as keyed hash and last four digits."""
    mobile_hash, mobile_last4 = registry.hashed(beneficiaries["mobile"], hasher)
    id_hash, id_last4 = registry.hashed(beneficiaries["id_type"] + ":" + beneficiaries["id_number"], hasher)
    columns = {
        c: beneficiaries[c].to_numpy(dtype=object).tolist()
        for c in ("reference_id", "name", "birth_year", "gender", "id_type", "district_code")
    }
    return columns | {
        "id_last4": id_last4.tolist(),
        "mobile_hash": mobile_hash.tolist(),
        "mobile_last4": mobile_last4.tolist(),
        "id_hash": id_hash.tolist(),
    }


def vaccination_columns(vaccinations: pd.DataFrame, centre_ids: dict[str, int]) -> dict[str, list]:
    """The vaccination table's columns (but batch_id)."""
    columns = {c: vaccinations[c].to_numpy(dtype=object).tolist() for c in ("reference_id", "date", "vaccine", "lot")}
    return columns | {
        "dose_number": vaccinations["dose_number"].tolist(),
        "centre_id": _python_values(vaccinations["centre_code"], lambda code: centre_ids[code]).tolist(),
    }


# --- Generation --------------------------------------------------------------------------------


def _day_span(days: pd.DatetimeIndex) -> list[str] | None:
    """[first, last] day (ISO) of a set of days, None when empty."""
    return [days.min().date().isoformat(), days.max().date().isoformat()] if len(days) else None


def published_params(calendar: Calendar, districts: list[str]) -> dict:
    """What of the demo is real (DemoData.params["published"]): the days whose doses by dose number follow
    each published series, the exception days, the first synthetic day and the files followed (sha256)."""
    published = series.followed()
    followed = {dose: follow_published(calendar, districts, dose) for dose in (1, 2)}
    state_days = calendar.days[followed[1].level != MODEL]
    district_days = calendar.days[followed[1].level == DISTRICT_FIGURES]
    source = published.source.reindex(state_days)
    last = max(f.last for f in followed.values())
    spans = {
        "cowin_state_daily": _day_span(state_days[source == "cowin"]),
        "cowin_district_daily": _day_span(district_days),
        "mohfw_state_daily": _day_span(state_days[source == "mohfw"]),
        "exceptions": [
            [e.day.isoformat(), e.dose, e.reason]
            for e in series.exception_days(series.cowin_daily())
            if pd.Timestamp(e.day) in calendar.days
        ],
        "synthetic_from": calendar.days[last + 1].date().isoformat() if last + 1 < len(calendar.days) else None,
        "files": series.file_hashes(),
    }
    return spans | {"note": _published_note(spans)}


def _published_note(spans: dict) -> str:
    """What of the demo is real, in a sentence, from published_params' spans."""
    parts = [
        f"{name} {span[0]} to {span[1]}"
        for name, span in (
            ("CoWIN's state series", spans["cowin_state_daily"]),
            ("CoWIN's district series", spans["cowin_district_daily"]),
            ("the health ministry's state series", spans["mohfw_state_daily"]),
        )
        if span
    ]
    real = (
        f"Daily first and second doses follow {', '.join(parts)} ({len(spans['exceptions'])} exception days)"
        if parts
        else "No day follows a published series"
    )
    synthetic = f"; synthetic from {spans['synthetic_from']}." if spans["synthetic_from"] else "."
    made_up = "Age bands, vaccines, centres, district shares beyond the district series, stock, registry: synthetic."
    return f"{real}{synthetic} {made_up}"


def _check_parameters(start: date, end: date, centres: int, reporting_share: float, people: int = 0) -> None:
    """Refuse parameters the model cannot honour, with a sentence saying why."""
    if people < 0:
        raise ValueError("people is a number of beneficiaries: 0 or more")
    if start < DEFAULT_START or end < start:
        raise ValueError(f"the demo runs from {DEFAULT_START} (or later) to an end after its start")
    formed = next_formation(start)
    if formed is not None and end >= formed:
        raise ValueError(f"the demo ends before {formed}, when a district was formed (after its first day)")
    districts = len(district_targets(start))
    if centres < 3 * districts:
        raise ValueError(f"at least {3 * districts} centres (three per district)")
    if not 0.0 < reporting_share <= 1.0:
        raise ValueError("reporting_share is a share of the centres: more than 0, at most 1")


def generate(
    seed: int = DEFAULT_SEED,
    start: date = DEFAULT_START,
    end: date = DEFAULT_END,
    centres: int = DEFAULT_CENTRES,
    reporting_share: float = DEFAULT_REPORTING_SHARE,
    people: int = DEFAULT_PEOPLE,
) -> DemoData:
    """The demo data for these parameters: pure and deterministic (the same arguments, the same frames)."""
    _check_parameters(start, end, centres, reporting_share, people)
    rng = np.random.default_rng(seed)
    calendar = Calendar(pd.date_range(start, end, freq="D"))
    targets = district_targets(start)
    centre_table = make_centres(rng, centres, targets)
    counts = district_doses(rng, calendar, targets)
    doses = centre_doses(rng, calendar, centre_table, counts, reporting_share)
    stock = stock_movements(rng, calendar, counts.sum(axis=(2, 4)), list(targets.index))
    params = {
        "seed": seed,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "centres": centres,
        "reporting_share": reporting_share,
        "people": people,
        "published": published_params(calendar, list(targets.index)),
    }
    centres_out = centre_table[["code", "name", "district_code"]].copy()
    # The registry's first doses follow the campaign's (days × bands, from the first day of the campaign).
    first_doses = np.concatenate(
        [np.zeros((calendar.index(DEFAULT_START) * -1, len(BANDS))), counts[..., 0].sum(axis=(1, 3))]
    )
    beneficiaries, vaccinations = demo_registry(seed, people, centres_out, end, first_doses)
    return DemoData(centres_out, doses, stock, params, beneficiaries, vaccinations)


# --- Loading -----------------------------------------------------------------------------------


def _silent(_fraction: float, _message: str) -> None:
    """A progress callback that shows nothing."""


def _has_doses(conn: Connection) -> bool:
    """True when daily_dose holds any row (a cheap SELECT 1 … LIMIT 1)."""
    table = DailyDose.__table__
    return conn.execute(select(1).select_from(table).limit(1)).first() is not None


def _insert_batch(conn: Connection, data: DemoData) -> int:
    """The ImportBatch row the demo doses belong to."""
    batch = ImportBatch.__table__
    return conn.execute(
        insert(batch)
        .values(
            kind="demo",
            file_name="demo",
            sha256=hashlib.sha256(data.description().encode()).hexdigest(),
            imported_by="demo",
            imported_at=datetime.now(UTC),
            rows_new=len(data.doses),
            status="committed",
        )
        .returning(batch.c.id)
    ).scalar_one()


def _insert_centres(conn: Connection, centres: pd.DataFrame) -> dict[str, int]:
    """Insert the centres the database lacks; the id of every demo centre by code."""
    table = Centre.__table__
    codes = centres["code"].tolist()
    known = dict(conn.execute(select(table.c.code, table.c.id)).all())
    missing = centres[~centres["code"].isin(list(known))]
    if not missing.empty:
        conn.execute(
            insert(table), missing.assign(active=True)[["code", "name", "district_code", "active"]].to_dict("records")
        )
        known = dict(conn.execute(select(table.c.code, table.c.id)).all())
    return {code: known[code] for code in codes}


def _python_values(column: pd.Series, convert: Callable = str) -> np.ndarray:
    """A column as an object array of plain Python values (each distinct value converted once)."""
    codes, uniques = pd.factorize(column)
    return np.array([convert(value) for value in uniques], dtype=object)[codes]


def _dose_columns(doses: pd.DataFrame, centre_ids: dict[str, int]) -> dict[str, np.ndarray]:
    """The daily_dose columns (but batch_id) as arrays ready for DBAPI parameters."""
    return {
        "date": _python_values(doses["date"], lambda ts: ts.date()),
        "centre_id": _python_values(doses["centre_code"], lambda code: centre_ids[code]),
        "age_band": _python_values(doses["age_band"]),
        "dose_number": doses["dose_number"].to_numpy(dtype=np.int64),
        "vaccine": _python_values(doses["vaccine"]),
        "doses": doses["doses"].to_numpy(dtype=np.int64),
    }


def _insert_doses(conn: Connection, columns: dict[str, np.ndarray], batch_id: int, progress: Progress) -> None:
    """Bulk insert of daily_dose in chunks of CHUNK_ROWS rows; progress from 0.15 to 0.75."""
    total = len(columns["date"])
    progress(0.15, f"{both('demo.doses')}: {indian_number(total)}")
    for start in range(0, total, CHUNK_ROWS):
        chunk = {name: column[start : start + CHUNK_ROWS].tolist() for name, column in columns.items()}
        chunk["batch_id"] = [batch_id] * len(chunk["date"])
        insert_columns(conn, DailyDose.__table__, chunk)
        done = min(start + CHUNK_ROWS, total)
        progress(0.15 + 0.6 * done / total, f"{both('demo.doses')}: {indian_number(done)} / {indian_number(total)}")


def stock_csv(stock: pd.DataFrame) -> bytes:
    """The stock movements as a stock-movements file of the data contract (CSV, UTF-8)."""
    return stock.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8")


def _import_stock(conn: Connection, stock: pd.DataFrame) -> None:
    """Stock through the validated importer (it refuses any store below zero), inside this transaction."""
    last_day = max(stock["date"].max().date(), date.today())
    with Session(bind=conn, join_transaction_mode="create_savepoint") as session:
        report = import_bytes(stock_csv(stock), "demo-stock.csv", session=session, user="demo", today=last_day)
    if report.status != "committed":
        raise RuntimeError("the demo stock movements were not accepted:\n" + describe(report))


def _import_published(conn: Connection) -> int:
    """The published series (data/published/*.csv) through the validated importer, one batch and one audit row
    each, inside this transaction; the number of values stored."""
    stored = 0
    for path in series.published_files():
        with Session(bind=conn, join_transaction_mode="create_savepoint") as session:
            report = import_path(path, session=session, user="demo")
        if report.status not in ("committed", "unchanged"):
            raise RuntimeError(f"the published series {path.name} were not accepted:\n" + describe(report))
        stored += report.new
    return stored


def _insert_registry(conn: Connection, data: DemoData, centre_ids: dict[str, int]) -> None:
    """The registry (hashed: no raw mobile or ID number is written) in its own "demo" batch, through the bulk writer."""
    if data.beneficiaries.empty:
        return
    batch = ImportBatch.__table__
    batch_id = conn.execute(
        insert(batch)
        .values(
            kind="demo",
            file_name="demo-registry",
            sha256=hashlib.sha256(data.description().encode()).hexdigest(),
            imported_by="demo",
            imported_at=datetime.now(UTC),
            rows_new=len(data.beneficiaries) + len(data.vaccinations),
            status="committed",
        )
        .returning(batch.c.id)
    ).scalar_one()
    hasher = settings.identifier_hasher()
    for frame, table, columns in (
        (data.beneficiaries, Beneficiary.__table__, lambda chunk: beneficiary_columns(chunk, hasher)),
        (data.vaccinations, Vaccination.__table__, lambda chunk: vaccination_columns(chunk, centre_ids)),
    ):
        for start in range(0, len(frame), CHUNK_ROWS):
            chunk = columns(frame.iloc[start : start + CHUNK_ROWS])
            insert_columns(conn, table, chunk | {"batch_id": [batch_id] * len(chunk["reference_id"])})


def load(data: DemoData, *, engine: Engine, progress: Progress | None = None, published: bool = True) -> int:
    """Write the demo into an empty database in one transaction; returns the number of dose rows.

    With `published`, the real published series go in too (_import_published), beside the demo's centre reports.
    Raises DatabaseNotEmpty (and writes nothing) when daily_dose already holds rows.
    """
    progress = progress or _silent
    with engine.begin() as conn:
        take_import_lock(conn)  # one loader at a time; a second one then finds the doses
        if _has_doses(conn):
            raise DatabaseNotEmpty("the database already holds daily doses; demo data goes into an empty one")
        batch_id = _insert_batch(conn, data)
        progress(0.1, f"{both('demo.centres')}: {indian_number(len(data.centres))}")
        centre_ids = _insert_centres(conn, data.centres)
        columns = _dose_columns(data.doses, centre_ids)
        with bulk_load(conn, DailyDose.__table__):  # then analysed: planned for its new size
            _insert_doses(conn, columns, batch_id, progress)
        progress(0.75, both("demo.totals"))
        refresh_rollups(conn, sorted(set(columns["date"].tolist())))
        progress(0.9, f"{both('demo.stock')}: {indian_number(len(data.stock))}")
        _import_stock(conn, data.stock)
        progress(0.93, f"{both('demo.beneficiaries')}: {indian_number(len(data.beneficiaries))}")
        _insert_registry(conn, data, centre_ids)
        if published:
            progress(0.96, both("demo.published"))
            _import_published(conn)
    progress(1.0, both("demo.ready"))
    return len(data.doses)


def has_doses(engine: Engine) -> bool:
    """True when the database holds any daily dose."""
    with engine.connect() as conn:
        return _has_doses(conn)


def ensure_demo(engine: Engine, progress: Progress | None = None) -> bool:
    """Fill an empty database (schema already created) with the default demo; True when it loaded."""
    if has_doses(engine):
        return False
    progress = progress or _silent
    progress(0.0, both("demo.generating"))
    try:
        load(generate(), engine=engine, progress=progress)
    except DatabaseNotEmpty:  # another process loaded it meanwhile
        return False
    return True


# --- What the frame and the pages ask of the demo -------------------------------------------------


def is_demo() -> bool:
    """True when the app runs on the embedded demo database."""
    return is_default_database()


def prepare(progress: Progress | None = None) -> bool:
    """The frame's first run: fill the embedded database with the demo (and its accounts) if it is empty;
    never touches a configured database. True when it loaded the demo."""
    if not is_demo():
        return False
    engine = app_engine()
    loaded = ensure_demo(engine, progress=progress)
    with Session(engine) as session:
        ensure_demo_accounts(session=session)
    return loaded


def people() -> list[DemoPerson]:
    """The documented demo registrations the certificate page offers to try; none outside the demo."""
    return demo_people() if is_demo() else []


def accounts() -> list[DemoAccount]:
    """The documented demo accounts the sign-in page lists; none outside the demo."""
    return list(DEMO_ACCOUNTS) if is_demo() else []


# --- Command line ------------------------------------------------------------------------------


def _stage_printer() -> Progress:
    """A progress callback for the terminal: one line per stage (the text before a colon)."""
    shown: set[str] = set()

    def show(fraction: float, message: str) -> None:
        stage = message.split(":")[0]
        if stage not in shown:
            shown.add(stage)
            print(f"  {fraction:4.0%}  {message}", flush=True)

    return show


def _database_size(engine: Engine) -> int | None:
    """Size in bytes of the database (SQLite file with its WAL, or PostgreSQL database)."""
    if engine.dialect.name == "sqlite":
        path = Path(engine.url.database or "")
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    with engine.connect() as conn:
        return conn.execute(select(func.pg_database_size(func.current_database()))).scalar_one()


def _published_values(engine: Engine) -> int:
    """Published values stored (the real series)."""
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(PublishedValue.__table__)).scalar_one()


def _summary(data: DemoData, seconds: tuple[float, float], size: int | None, published: int = 0) -> str:
    """What the CLI wrote, in a few lines (numbers grouped the Indian way)."""
    doses = data.doses["doses"].sum()
    lines = [
        f"centres          {indian_number(len(data.centres))}",
        f"daily_dose rows  {indian_number(len(data.doses))} ({indian_number(doses)} doses, "
        f"{data.doses['date'].min():%Y-%m-%d} to {data.doses['date'].max():%Y-%m-%d})",
        f"stock movements  {indian_number(len(data.stock))}",
        f"published values {indian_number(published)} (CoWIN and MoHFW series of 2021, as published)",
        f"beneficiaries    {indian_number(len(data.beneficiaries))} "
        f"({indian_number(len(data.vaccinations))} vaccinations)",
        f"time             {sum(seconds):.1f} s (generate {seconds[0]:.1f} s, load {seconds[1]:.1f} s)",
    ]
    if size is not None:
        lines.append(f"database size    {size / 1e6:.0f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.demo", description="Fill the database with demo data.")
    parser.add_argument("--reset", action="store_true", help="drop and recreate every table first")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--end", type=date.fromisoformat, default=DEFAULT_END, help="last day (YYYY-MM-DD)")
    parser.add_argument("--centres", type=int, default=DEFAULT_CENTRES)
    parser.add_argument("--reporting-share", type=float, default=DEFAULT_REPORTING_SHARE)
    parser.add_argument("--people", type=int, default=DEFAULT_PEOPLE, help="beneficiaries in the registry")
    args = parser.parse_args(argv)

    from data.db import make_engine, prepare_command_schema

    engine = make_engine()
    try:
        if args.reset:
            SQLModel.metadata.drop_all(engine)
        prepare_command_schema(engine, "python -m data.demo")
        started = time.perf_counter()
        data = generate(args.seed, DEFAULT_START, args.end, args.centres, args.reporting_share, args.people)
        generated = time.perf_counter()
        try:
            load(data, engine=engine, progress=_stage_printer())
        except DatabaseNotEmpty as error:
            print(f"{error} (use --reset to replace everything)", file=sys.stderr)
            return 1
        except MissingSecret as error:  # a configured database: its registry needs the real identifier key
            print(f"{error}; nothing was written", file=sys.stderr)
            return 2
        seconds = (generated - started, time.perf_counter() - generated)
        published = _published_values(engine)
    finally:
        engine.dispose()
    print(_summary(data, seconds, _database_size(engine), published))
    return 0
