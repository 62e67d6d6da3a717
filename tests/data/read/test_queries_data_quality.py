"""The queries of the data-quality page (centre_counts, quality_range_frames) on SQLite and PostgreSQL.

The fixture, worked by hand (the range asked for is 10–21 June 2021: history from 12 May, centres from 14 June):

    doses   01/05  RPR-01 (Raipur) 18-44 d1 Covishield 40       before the history: only in bands and stock
            01/06  RPR-01 18-44 d1 Covishield 100;  DRG-01 (Durg) 60+ d1 Covaxin 30
            10/06  RPR-02 (Raipur) 45-59 d2 Covaxin 20
            20/06  RPR-01 18-44 d1 Covishield 50
            21/06  RPR-01 18-44 d1 Covishield 70;  DRG-01 60+ d1 Covishield 5
    stock   01/05  SUPPLIER → STATE Covishield 1,000;  15/06  STATE → Raipur 300;  25/06  STATE → Durg 100 (after)
    series  CoWIN state total 01/05 (before the history) 5,00,000; 09/06 6,00,000; 21/06 6,50,000
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from data.read import doses, quality
from stats import quality as quality_rules
from tests.files import doses_csv, run_import, series_csv, stock_csv

D = {n: date(2021, 6, n) for n in range(1, 31)}
MAY_1 = date(2021, 5, 1)


def _dose(day: str, district: str, centre: str, band: str, dose: str, vaccine: str, doses: str) -> dict:
    return {
        "date": day,
        "district": district,
        "centre_code": centre,
        "centre_name": f"Centre {centre}",
        "age_band": band,
        "dose_number": dose,
        "vaccine": vaccine,
        "doses": doses,
    }


DOSES = [
    _dose("2021-05-01", "Raipur", "RPR-01", "18-44", "1", "Covishield", "40"),
    _dose("2021-06-01", "Raipur", "RPR-01", "18-44", "1", "Covishield", "100"),
    _dose("2021-06-01", "Durg", "DRG-01", "60+", "1", "Covaxin", "30"),
    _dose("2021-06-10", "Raipur", "RPR-02", "45-59", "2", "Covaxin", "20"),
    _dose("2021-06-20", "Raipur", "RPR-01", "18-44", "1", "Covishield", "50"),
    _dose("2021-06-21", "Raipur", "RPR-01", "18-44", "1", "Covishield", "70"),
    _dose("2021-06-21", "Durg", "DRG-01", "60+", "1", "Covishield", "5"),
]
STOCK = [
    {"date": "2021-05-01", "from_store": "SUPPLIER", "to_store": "STATE", "quantity": "1000", "reference": "G-1"},
    {"date": "2021-06-15", "from_store": "STATE", "to_store": "Raipur", "quantity": "300", "reference": "I-1"},
    {"date": "2021-06-25", "from_store": "STATE", "to_store": "Durg", "quantity": "100", "reference": "I-2"},
]
SERIES = [
    {"date": "2021-05-01", "value": "500000"},
    {"date": "2021-06-09", "value": "600000"},
    {"date": "2021-06-21", "value": "650000"},
]


def _load(engine) -> None:
    for content in (doses_csv(DOSES), stock_csv(STOCK), series_csv(SERIES)):
        report = run_import(engine, content)
        assert report.status == "committed", report.problems


def ask(engine, read, **kwargs):
    """A read query (or data.read.query.data_version) run in a session of its own, unscoped."""
    with Session(engine) as session:
        return read.run(session, **kwargs) if hasattr(read, "run") else read(session, **kwargs)


def rows(frame) -> list[tuple]:
    """The rows as tuples of plain values, dates as (month, day) when in May, else the day of June."""

    def plain(v):
        if isinstance(v, date):
            return v.day if v.month == 6 else (v.month, v.day)
        return v

    return [tuple(plain(v) for v in row) for row in frame.astype(object).itertuples(index=False)]


def test_centre_counts(engine):
    assert ask(engine, doses.centre_counts).empty
    _load(engine)
    counts = ask(engine, doses.centre_counts)
    assert list(counts.columns) == ["district_code", "centres"]
    assert rows(counts) == [("DRG", 1), ("RPR", 2)]
    assert counts["centres"].dtype == "int64"


def test_quality_range_frames(engine):
    _load(engine)
    frames = ask(engine, quality.quality_range_frames, start=D[10], end=D[21])
    assert set(frames) == {
        "series",
        "state",
        "districts",
        "bands",
        "targets",
        "centre_reports",
        "movements",
        "administered",
        "districts_names",
        "vaccines",
    }
    assert [(r[0], r[1], r[4]) for r in rows(frames["series"])] == [(9, "cowin", 600_000), (21, "cowin", 650_000)]
    assert rows(frames["state"]) == [(1, 130), (10, 20), (20, 50), (21, 75)]
    assert rows(frames["districts"]) == [
        (1, "DRG", 30),
        (1, "RPR", 100),
        (10, "RPR", 20),
        (20, "RPR", 50),
        (21, "DRG", 5),
        (21, "RPR", 70),
    ]
    # Everything up to the end of the range, dated its last day (coverage on that day).
    assert rows(frames["bands"]) == [
        (21, "DRG", "60+", 1, 35),
        (21, "RPR", "18-44", 1, 260),
        (21, "RPR", "45-59", 2, 20),
    ]
    # Before the range summed on the day before it (the stock's opening balance), then every day of it.
    assert rows(frames["administered"]) == [
        (9, "DRG", "COVAXIN", 30),
        (9, "RPR", "COVISHIELD", 140),
        (10, "RPR", "COVAXIN", 20),
        (20, "RPR", "COVISHIELD", 50),
        (21, "DRG", "COVISHIELD", 5),
        (21, "RPR", "COVISHIELD", 70),
    ]
    # Centres judged on the last 7 days of the range (15–21 June): none reported on its last 4 same weekdays.
    assert list(frames["centre_reports"].columns) == quality.CENTRE_REPORTS
    assert frames["centre_reports"].empty
    assert [(r[0], r[2], r[3], r[4]) for r in rows(frames["movements"])] == [
        ((5, 1), "SUPPLIER", "STATE", 1_000),
        (15, "STATE", "RPR", 300),
    ]
    assert len(frames["targets"]) > 0 and len(frames["districts_names"]) == 33
    assert {"COVISHIELD", "COVAXIN"} <= set(frames["vaccines"]["code"])  # named in stock alerts
    for name in ("state", "districts", "bands", "administered"):
        assert frames[name]["doses"].dtype == "int64", name


def test_quality_range_frames_for_a_long_range_judge_centres_on_the_last_days(engine):
    _load(engine)
    frames = ask(engine, quality.quality_range_frames, start=MAY_1, end=D[21])  # longer than centre_reports allows
    assert frames["centre_reports"].empty
    assert rows(frames["administered"])[:2] == [((5, 1), "RPR", "COVISHIELD", 40), (1, "DRG", "COVAXIN", 30)]
    assert quality.MISSING_CENTRES_DAYS == quality_rules.MISSING_CENTRES_DAYS


def test_quality_range_frames_on_an_empty_database(engine):
    frames = ask(engine, quality.quality_range_frames, start=D[10], end=D[21])
    for name in ("series", "state", "districts", "bands", "centre_reports", "movements", "administered"):
        assert frames[name].empty, name
    assert list(frames["administered"].columns) == ["date", "district_code", "vaccine", "doses"]
    assert list(frames["bands"].columns) == ["date", "district_code", "age_band", "dose_number", "doses"]
    assert quality_rules.flags_over_range(D[10], D[21], frames) == []


# Thursdays of March 2022 (3, 10, 17, 24, 31), worked by hand: RPR-01 and DRG-01 reported on each of the four
# before 31 March and not on it (flagged); RPR-02 on three of them (no habit yet); RPR-03 on all five (reported);
# RPR-04 on the Sundays 6, 13 and 20 March and not on Sunday 27 March (Sundays are never judged).
MARCH_CALENDAR = {
    ("Raipur", "RPR-01"): (3, 10, 17, 24),
    ("Durg", "DRG-01"): (3, 10, 17, 24),
    ("Raipur", "RPR-02"): (10, 17, 24),
    ("Raipur", "RPR-03"): (3, 10, 17, 24, 31),
    ("Raipur", "RPR-04"): (6, 13, 20),
}


def test_centre_reports_on_a_hand_worked_calendar(engine):
    rows_in = [
        _dose(f"2022-03-{n:02d}", district, centre, "18-44", "1", "Covishield", "10")
        for (district, centre), days in MARCH_CALENDAR.items()
        for n in days
    ]
    report = run_import(engine, doses_csv(rows_in), today=date(2022, 4, 1))
    assert report.status == "committed", report.problems
    found = ask(engine, quality.centre_reports, start=date(2022, 3, 25), end=date(2022, 3, 31))
    assert [(r[0].day, r[1], r[3], r[4], r[5]) for r in found.astype(object).itertuples(index=False)] == [
        (31, "DRG-01", "DRG", 0, 4),
        (31, "RPR-01", "RPR", 0, 4),
    ]
    assert list(found.columns) == quality.CENTRE_REPORTS
    own = ask(engine, quality.centre_reports, start=date(2022, 3, 31), end=date(2022, 3, 31), districts=["RPR"])
    assert list(own["centre_code"]) == ["RPR-01"]
    flags = quality_rules.missing_centres(found, date(2022, 3, 31))
    assert [(f.area, f.figures["centre_codes"]) for f in flags] == [("DRG", ["DRG-01"]), ("RPR", ["RPR-01"])]
