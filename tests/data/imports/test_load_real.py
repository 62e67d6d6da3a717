"""The three real published files shipped in data/published/ import as published, on both backends.

Expected values are read from the CSV files with the csv module, never through the importer's reader.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from data.imports.importer import FileReport, import_path
from data.models import PublishedValue
from tests.conftest import snapshot
from tests.files import stored_series

FILES = {
    # file: (kind, source, columns that identify a row rather than hold a figure)
    "cg_state_daily.csv": ("cowin_state", "cowin", ("date", "Updated On", "State")),
    "cg_district_daily.csv": (
        "cowin_district",
        "cowin",
        ("date", "source_date", "s_no", "state_code", "state", "district_key", "cowin_key", "district"),
    ),
    "cg_state_mohfw_daily.csv": ("mohfw_state", "mohfw", ("date", "Vaccinated As of", "State")),
}

# The 28 districts of 2021 as the district file spells them, and the master-list code each must resolve to.
DISTRICTS = {
    "Balod": "BLD",
    "Baloda Bazar": "BLB",
    "Balrampur": "BRP",
    "Bastar": "BST",
    "Bametara": "BMT",
    "Bijapur": "BJR",
    "Bilaspur": "BSP",
    "Dakshin Bastar Dantewada": "DTW",
    "Dhamtari": "DMT",
    "Durg": "DRG",
    "Gariaband": "GRB",
    "Gaurela Pendra Marwahi": "GPM",
    "Janjgir Champa": "JJG",
    "Jashpur": "JSH",
    "Uttar Bastar Kanker": "KNK",
    "Kabeerdham": "KBD",
    "Kondagaon": "KDG",
    "Korba": "KRB",
    "Koriya": "KRY",
    "Mahasamund": "MSM",
    "Mungeli": "MGL",
    "Narayanpur": "NRP",
    "Raigarh": "RGH",
    "Raipur": "RPR",
    "Rajnandgaon": "RJN",
    "Sukma": "SKM",
    "Surajpur": "SJP",
    "Surguja": "SGJ",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _published(real_data_dir: Path) -> dict[tuple, int]:
    """Every non-empty figure of the three files as {(source, area, date, metric): value}, read with csv."""
    figures = {}
    for name, (_, source, id_columns) in FILES.items():
        for row in _rows(real_data_dir / name):
            area = DISTRICTS[row["district"]] if "district" in row else "STATE"
            for metric, cell in row.items():
                if metric not in id_columns and cell != "":
                    figures[(source, area, date.fromisoformat(row["date"]), metric)] = int(cell)
    return figures


def _import_all(engine, real_data_dir: Path) -> list[FileReport]:
    reports = []
    for name in FILES:
        with Session(engine) as session:
            reports.append(import_path(real_data_dir / name, session=session, user="real-data-test"))
    return reports


def test_real_files_import_as_published(real_data_dir: Path, engine) -> None:
    reports = _import_all(engine, real_data_dir)

    for report, (name, (kind, _, _)) in zip(reports, FILES.items(), strict=True):
        assert (report.status, report.kind, report.problems) == ("committed", kind, []), name
        assert report.rows == len(_rows(real_data_dir / name))
    # Every non-empty cell is stored with its value, and nothing else (so no empty cell became a value).
    published = _published(real_data_dir)
    stored = stored_series(engine)
    assert sum(r.new for r in reports) == len(published)
    assert stored == published

    # A handful of cells checked by hand against the files.
    state = {r["date"]: r for r in _rows(real_data_dir / "cg_state_daily.csv")}
    mohfw = {r["date"]: r for r in _rows(real_data_dir / "cg_state_mohfw_daily.csv")}
    districts = _rows(real_data_dir / "cg_district_daily.csv")
    gpm = {r["date"]: r for r in districts if r["cowin_key"] == "Gaurela Pendra Marwahi "}
    assert len(gpm) == 100  # the source's trailing space in cowin_key is there, on every day

    def value(source: str, area: str, day: str, metric: str) -> int | None:
        return stored.get((source, area, date.fromisoformat(day), metric))

    # The 22 June 2021 figures of the press-note check in the data's README.
    assert state["2021-06-22"]["Total Doses Administered"] == "6605593"
    assert value("cowin", "STATE", "2021-06-22", "Total Doses Administered") == 6605593
    assert mohfw["2021-06-22"]["Total Doses Administered"] == "7764903"
    assert value("mohfw", "STATE", "2021-06-22", "Total Doses Administered") == 7764903
    assert value("cowin", "STATE", "2021-06-22", "Sites") == int(state["2021-06-22"]["Sites"]) == 3337
    # A published zero is stored; an empty cell is not.
    assert state["2021-07-28"]["Sites"] == "0"
    assert value("cowin", "STATE", "2021-07-28", "Sites") == 0
    assert state["2021-06-22"]["Male (Doses Administered)"] == ""
    assert value("cowin", "STATE", "2021-06-22", "Male (Doses Administered)") is None
    # The 09/03 recount: the cumulative total falls, and the fall is kept as published.
    before, after = (value("cowin", "STATE", day, "Total Doses Administered") for day in ("2021-03-08", "2021-03-09"))
    assert after < before
    # Gaurela-Pendra-Marwahi (cowin_key with a trailing space) is stored under its code.
    for day in ("2021-01-16", "2021-04-25"):
        for metric in ("First Dose Administered", "Total CoviShield Administered"):
            assert value("cowin", "GPM", day, metric) == int(gpm[day][metric])

    # Every one of the 28 districts of 2021 resolves to its own code.
    assert {r["district"] for r in districts} == set(DISTRICTS)
    with engine.connect() as conn:
        areas = set(conn.scalars(select(PublishedValue.area).where(PublishedValue.area != "STATE").distinct()))
    assert areas == set(DISTRICTS.values())
    assert len(areas) == 28
    for row in (r for r in districts if r["date"] == "2021-04-25"):
        assert value("cowin", DISTRICTS[row["district"]], "2021-04-25", "First Dose Administered") == int(
            row["First Dose Administered"]
        ), row["district"]


def test_real_files_reimport_unchanged(real_data_dir: Path, engine) -> None:
    first = _import_all(engine, real_data_dir)
    before = snapshot(engine)

    again = _import_all(engine, real_data_dir)

    assert [r.status for r in again] == ["unchanged"] * 3
    assert [r.unchanged for r in again] == [r.new for r in first]
    assert [(r.new, r.changed) for r in again] == [(0, 0)] * 3
    assert snapshot(engine) == before
