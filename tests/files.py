"""Building import files for tests (CSV and XLSX bytes), running an import, and reading back facts.

Rows are dicts; every column a row leaves out takes its default, so a test writes only what it is about:

    doses_csv([{"doses": "1,09,353"}])              # one good row of daily doses, one value changed
    doses_csv([{}], header=[c for c in DOSES_COLUMNS if c != "vaccine"])   # a column left out
    to_xlsx(DOSES_COLUMNS, [[date(2021, 6, 22), "Raipur", ...]])          # typed cells
    beneficiaries_csv([{}, {"reference_id": "1234567890124", "name": "सुनीता साहू"}])   # the registry

`TODAY` is the "today" every import in the tests is given, so that date rules are deterministic.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import numpy as np
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data.imports.importer import FileReport, import_bytes
from data.models import (
    Beneficiary,
    Centre,
    DailyDose,
    DoseRollup,
    PublishedValue,
    ReportingRollup,
    StockMovement,
    Vaccination,
)

TODAY = date(2021, 7, 1)

DOSES_COLUMNS = ("date", "district", "centre_code", "centre_name", "age_band", "dose_number", "vaccine", "doses")
DOSES_DEFAULTS = {
    "date": "2021-06-22",
    "district": "Raipur",
    "centre_code": "RPR-PHC-01",
    "centre_name": "PHC Mana",
    "age_band": "18-44",
    "dose_number": "1",
    "vaccine": "Covishield",
    "doses": "100",
}

STOCK_COLUMNS = ("date", "vaccine", "from_store", "to_store", "quantity", "reference")
STOCK_DEFAULTS = {
    "date": "2021-06-01",
    "vaccine": "Covishield",
    "from_store": "SUPPLIER",
    "to_store": "STATE",
    "quantity": "1000",
    "reference": "GOI-001",
}

SERIES_COLUMNS = ("date", "area", "source", "metric", "value")
SERIES_DEFAULTS = {
    "date": "2021-06-22",
    "area": "Chhattisgarh",
    "source": "cowin",
    "metric": "Total Doses Administered",
    "value": "6605593",
}


BENEFICIARY_COLUMNS = ("reference_id", "name", "birth_year", "gender", "mobile", "id_type", "id_number", "district")
BENEFICIARY_DEFAULTS = {
    "reference_id": "1234567890123",
    "name": "Sunita Sahu",
    "birth_year": "1980",
    "gender": "F",
    "mobile": "9876543210",
    "id_type": "Aadhaar",
    "id_number": "234123412346",  # a valid Aadhaar number (Verhoeff check digit 6)
    "district": "Raipur",
}

VACCINATION_COLUMNS = ("reference_id", "dose_number", "date", "vaccine", "centre_code", "batch")
VACCINATION_DEFAULTS = {
    "reference_id": "1234567890123",
    "dose_number": "1",
    "date": "2021-03-01",
    "vaccine": "Covishield",
    "centre_code": "RPR-PHC-01",  # the centre of DOSES_DEFAULTS: import doses_csv([{}]) first
    "batch": "4121Z001",
}


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = False) -> bytes:
    """A UTF-8 CSV file (with a BOM if asked) of the header and the rows, cells written as given."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


def _filled(
    rows: Iterable[Mapping[str, object]], defaults: Mapping[str, object], header: Sequence[str]
) -> list[list[object]]:
    """Each row as a list in header order, defaults filling what the row leaves out."""
    unknown = {key for row in rows for key in row} - set(defaults)
    assert not unknown, f"not a column of this kind of file: {sorted(unknown)}"
    return [[({**defaults, **row}).get(column, "") for column in header] for row in rows]


def doses_rows(rows: Iterable[Mapping[str, object]], header: Sequence[str] = DOSES_COLUMNS) -> list[list[object]]:
    return _filled(list(rows), DOSES_DEFAULTS, header)


def doses_csv(
    rows: Iterable[Mapping[str, object]], *, header: Sequence[str] = DOSES_COLUMNS, bom: bool = False
) -> bytes:
    """Daily doses as CSV; `header` may rename, reorder or leave out columns (matched by position)."""
    return csv_bytes(header, doses_rows(rows, _keys(header, DOSES_DEFAULTS)), bom=bom)


def stock_csv(rows: Iterable[Mapping[str, object]], *, header: Sequence[str] = STOCK_COLUMNS) -> bytes:
    """Stock movements as CSV."""
    return csv_bytes(header, _filled(list(rows), STOCK_DEFAULTS, _keys(header, STOCK_DEFAULTS)))


def series_csv(rows: Iterable[Mapping[str, object]], *, header: Sequence[str] = SERIES_COLUMNS) -> bytes:
    """A published series in the long format as CSV."""
    return csv_bytes(header, _filled(list(rows), SERIES_DEFAULTS, _keys(header, SERIES_DEFAULTS)))


def beneficiaries_csv(rows: Iterable[Mapping[str, object]], *, header: Sequence[str] = BENEFICIARY_COLUMNS) -> bytes:
    """Beneficiaries (certificate registry) as CSV. A row that names another reference id but no ID number gets
    an Aadhaar number of its own (own_aadhaar): one ID document belongs to one person."""
    default_id = BENEFICIARY_DEFAULTS["reference_id"]
    rows = [
        {**row, "id_number": own_aadhaar(str(row["reference_id"]))}
        if "id_number" not in row and row.get("reference_id", default_id) != default_id
        else row
        for row in rows
    ]
    return csv_bytes(header, _filled(rows, BENEFICIARY_DEFAULTS, _keys(header, BENEFICIARY_DEFAULTS)))


def own_aadhaar(reference_id: str) -> str:
    """A valid Aadhaar number made from a reference id's last 10 digits (2, the digits, the Verhoeff check digit)."""
    from data.imports.registry import verhoeff_check_digits

    body = "2" + "".join(c for c in reference_id if c.isdigit())[-10:].rjust(10, "0")
    return body + str(int(verhoeff_check_digits(np.array([[int(c) for c in body]]))[0]))


def vaccinations_csv(rows: Iterable[Mapping[str, object]], *, header: Sequence[str] = VACCINATION_COLUMNS) -> bytes:
    """Vaccinations (certificate registry) as CSV."""
    return csv_bytes(header, _filled(list(rows), VACCINATION_DEFAULTS, _keys(header, VACCINATION_DEFAULTS)))


def _keys(header: Sequence[str], defaults: Mapping[str, object]) -> list[str]:
    """The default-column each header cell stands for: its trimmed, lower-cased name when it is one."""
    keys = [" ".join(str(name).split()).lower() for name in header]
    return [key if key in defaults else f"?{key}" for key in keys]


def to_xlsx(header: Sequence[object], rows: Iterable[Sequence[object]]) -> bytes:
    """A one-sheet workbook: the header, then the rows with cells typed as given (int, float, date, str)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- Running an import and reading back what it stored ---------------------------------------------


def run_import(engine: Engine, content: bytes, file_name: str = "upload.csv", **kwargs) -> FileReport:
    """import_bytes in a session of its own, with TODAY and a test user unless the caller says otherwise."""
    kwargs.setdefault("today", TODAY)
    kwargs.setdefault("user", "test-officer")
    with Session(engine) as session:
        return import_bytes(content, file_name, session=session, **kwargs)


def problems_of(report: FileReport) -> list[tuple]:
    """The problems of a report as (row, column, value, rule)."""
    return [(p.row, p.column, p.value, p.rule) for p in report.problems]


def stored_doses(engine: Engine) -> dict[tuple, int]:
    """daily_dose as {(date, district, centre_code, age_band, dose_number, vaccine): doses}."""
    dose, centre = DailyDose.__table__, Centre.__table__
    query = select(
        dose.c.date,
        centre.c.district_code,
        centre.c.code,
        dose.c.age_band,
        dose.c.dose_number,
        dose.c.vaccine,
        dose.c.doses,
    ).select_from(dose.join(centre, centre.c.id == dose.c.centre_id))
    with engine.connect() as conn:
        return {tuple(row[:-1]): row[-1] for row in conn.execute(query)}


def stored_stock(engine: Engine) -> dict[tuple, int]:
    """stock_movement as {(date, vaccine, from_store, to_store, reference): quantity}."""
    table = StockMovement.__table__
    columns = [table.c[c] for c in ("date", "vaccine", "from_store", "to_store", "reference")]
    with engine.connect() as conn:
        return {tuple(row[:-1]): row[-1] for row in conn.execute(select(*columns, table.c.quantity))}


def stored_series(engine: Engine) -> dict[tuple, int]:
    """published_value as {(source, area, date, metric): value}."""
    table = PublishedValue.__table__
    columns = [table.c[c] for c in ("source", "area", "date", "metric")]
    with engine.connect() as conn:
        return {tuple(row[:-1]): row[-1] for row in conn.execute(select(*columns, table.c.value))}


def stored_beneficiaries(engine: Engine) -> dict[str, tuple]:
    """beneficiary as {reference_id: (name, birth_year, gender, mobile_hash, mobile_last4, id_type, id_hash,
    id_last4, district_code)}."""
    table = Beneficiary.__table__
    columns = ("name", "birth_year", "gender", "mobile_hash", "mobile_last4", "id_type", "id_hash", "id_last4")
    with engine.connect() as conn:
        query = select(table.c.reference_id, *(table.c[c] for c in columns), table.c.district_code)
        return {row[0]: tuple(row[1:]) for row in conn.execute(query)}


def stored_vaccinations(engine: Engine) -> dict[tuple, tuple]:
    """vaccination as {(reference_id, dose_number): (date, vaccine, centre_code, lot)}."""
    table, centre = Vaccination.__table__, Centre.__table__
    query = select(
        table.c.reference_id, table.c.dose_number, table.c.date, table.c.vaccine, centre.c.code, table.c.lot
    ).select_from(table.join(centre, centre.c.id == table.c.centre_id))
    with engine.connect() as conn:
        return {tuple(row[:2]): tuple(row[2:]) for row in conn.execute(query)}


def stored_rollups(engine: Engine) -> tuple[dict[tuple, int], dict[tuple, tuple[int, int]]]:
    """The rollups as they are stored.

    dose_rollup as {(date, district, band, dose, vaccine): doses};
    reporting_rollup as {(date, district): (centres, doses)}.
    """
    rollup, reporting = DoseRollup.__table__, ReportingRollup.__table__
    with engine.connect() as conn:
        doses = {tuple(r[:-1]): r[-1] for r in conn.execute(select(*rollup.c))}
        report = {(r.date, r.district_code): (r.centres, r.doses) for r in conn.execute(select(reporting))}
    return doses, report


def expected_rollups(facts: Mapping[tuple, int]) -> tuple[dict[tuple, int], dict[tuple, tuple[int, int]]]:
    """The two rollups computed in Python from stored_doses(): what the database must hold."""
    doses: dict[tuple, int] = {}
    centres: dict[tuple, set[str]] = {}
    totals: dict[tuple, int] = {}
    for (day, district, centre, band, dose, vaccine), value in facts.items():
        key = (day, district, band, dose, vaccine)
        doses[key] = doses.get(key, 0) + value
        centres.setdefault((day, district), set()).add(centre)
        totals[(day, district)] = totals.get((day, district), 0) + value
    return doses, {key: (len(centres[key]), totals[key]) for key in totals}
