"""data.read.about.source_imports on SQLite and PostgreSQL: when each source was last imported, the days it covers
and the values held, worked out by hand.

Imports, in order (each a batch of its own):
  1 doses.csv   RPR-01 on 21 and 22 June 2021, DRG-01 on 22 June          → own: 3 centre-days, 21–22 June
  2 series.csv  (long format) CoWIN state total 20 and 22 June, CoWIN Raipur first doses 22 June
                                                                          → cowin: 2 values, cowin_district: 1
  3 more.csv    RPR-02 on 24 June                                         → own: 4 centre-days, 21–24 June
  then 3 is undone                                                        → own: back to batch 1's time, 3 values
The ministry's series is never imported.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlmodel import Session

from data.imports.undo import undo_import
from data.models import ImportBatch
from data.read.about import source_imports
from tests.files import doses_csv, run_import, series_csv

D = {n: date(2021, 6, n) for n in range(1, 31)}
TOTAL, FIRST = "Total Doses Administered", "First Dose Administered"


def _imports(engine) -> list[dict]:
    with Session(engine) as session:
        return source_imports.run(session)


def _batch_times(engine) -> dict[str, datetime]:
    """file name → imported_at (UTC) of each batch."""
    batch = ImportBatch.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(batch.c.file_name, batch.c.imported_at)).all()
    return {name: (at if at.tzinfo else at.replace(tzinfo=UTC)) for name, at in rows}


def _utc(moment: datetime | None) -> datetime | None:
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)


def _plain(rows: list[dict]) -> list[tuple]:
    return [(r["source"], _utc(r["imported_at"]), r["first"], r["last"], r["values"]) for r in rows]


def _import(engine, rows: list[dict], name: str, kind=doses_csv) -> None:
    report = run_import(engine, kind(rows), name)
    assert report.status == "committed", report.problems


def test_an_empty_database_has_imported_nothing(engine) -> None:
    assert _plain(_imports(engine)) == [
        ("own", None, None, None, 0),
        ("cowin_district", None, None, None, 0),
        ("cowin", None, None, None, 0),
        ("mohfw", None, None, None, 0),
    ]


def test_each_source_s_last_import_days_and_values(engine) -> None:
    _import(
        engine,
        [
            {"date": "2021-06-21", "centre_code": "RPR-01", "doses": "100"},
            {"date": "2021-06-22", "centre_code": "RPR-01", "doses": "120"},
            {"date": "2021-06-22", "district": "Durg", "centre_code": "DRG-01", "doses": "30"},
        ],
        "doses.csv",
    )
    _import(
        engine,
        [
            {"date": "2021-06-20", "area": "Chhattisgarh", "source": "cowin", "metric": TOTAL, "value": "6380490"},
            {"date": "2021-06-22", "area": "Chhattisgarh", "source": "cowin", "metric": TOTAL, "value": "6605593"},
            {"date": "2021-06-22", "area": "Raipur", "source": "cowin", "metric": FIRST, "value": "1000"},
        ],
        "series.csv",
        kind=series_csv,
    )
    _import(engine, [{"date": "2021-06-24", "centre_code": "RPR-02", "doses": "7"}], "more.csv")
    at = _batch_times(engine)
    assert _plain(_imports(engine)) == [
        ("own", at["more.csv"], D[21], D[24], 4),
        ("cowin_district", at["series.csv"], D[22], D[22], 1),
        ("cowin", at["series.csv"], D[20], D[22], 2),
        ("mohfw", None, None, None, 0),
    ]

    with Session(engine) as session:
        latest = session.exec(select(ImportBatch.id).where(ImportBatch.file_name == "more.csv")).one()[0]
        report = undo_import(latest, session=session, actor="test-officer")
    assert report.status == "undone", report.problems
    assert _plain(_imports(engine))[0] == ("own", at["doses.csv"], D[21], D[22], 3)
