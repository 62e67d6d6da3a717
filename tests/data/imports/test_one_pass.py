"""One pass finds everything (issue 14): a daily-doses file with bad cells still has every rule across rows and
every database check run on the rows each needs, and the problems name districts, never their codes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine

from data.imports.importer import LISTED_ROWS
from tests.conftest import snapshot
from tests.files import (
    beneficiaries_csv,
    doses_csv,
    problems_of,
    run_import,
    series_csv,
    stock_csv,
    vaccinations_csv,
)

DURG_CENTRE = {"district": "Durg", "centre_code": "DRG-PHC-09", "centre_name": "PHC Patan", "date": "2021-06-20"}

BROKEN = [
    {},  # line 2: good
    {"date": "31-02-2021", "centre_code": "RPR-PHC-02"},  # 3: no such day
    {"district": "Gotham", "centre_code": "RPR-PHC-03"},  # 4: no such district
    {"centre_code": "RPR-PHC-05", "vaccine": "Pfizer", "doses": "-5"},  # 5: two bad cells
    {**DURG_CENTRE, "district": "Raipur", "date": "2021-06-22", "age_band": "30-40"},  # 6: Durg's centre, bad band
    {"district": "Durg", "age_band": "45-59"},  # 7: line 2 files this centre under Raipur
    {"doses": "50"},  # 8: line 2's key again
    {"centre_name": "PHC Mana 2", "dose_number": "2"},  # 9: line 2 names this centre otherwise
    {"date": "2021-07-05", "centre_code": "RPR-PHC-04"},  # 10: after today
    {"centre_code": "RPR-PHC-03", "doses": "abc"},  # 11: line 4's key again, and no count
]

EXPECTED = [
    (3, "date", "31-02-2021", "date_invalid"),
    (4, "district", "Gotham", "unknown_district"),
    (5, "vaccine", "Pfizer", "unknown_vaccine"),
    (5, "doses", "-5", "non_negative"),
    (6, "centre_code", "DRG-PHC-09", "centre_district"),
    (6, "age_band", "30-40", "unknown_age_band"),
    (7, "centre_code", "RPR-PHC-01", "centre_district"),
    (8, "date", None, "duplicate_key"),
    (9, "centre_name", "PHC Mana 2", "centre_name_conflict"),
    (10, "date", "2021-07-05", "future_date"),
    (11, "date", None, "duplicate_key"),
    (11, "doses", "abc", "count_format"),
]
"""Counted by hand: 12 problems on 9 of the 10 rows (line 2 is good)."""


def test_every_fault_of_a_ten_row_file_in_one_preview(engine: Engine) -> None:
    assert run_import(engine, doses_csv([DURG_CENTRE])).status == "committed"
    before = snapshot(engine)
    report = run_import(engine, doses_csv(BROKEN), dry_run=True)
    assert report.status == "rejected"
    assert problems_of(report) == EXPECTED
    assert report.rejected == 9
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("line", "lang", "name"),
    [(6, "en", "belongs to Durg,"), (6, "hi", "दुर्ग का है"), (7, "en", "belongs to Raipur,"), (7, "hi", "रायपुर का है")],
    ids=["database-en", "database-hi", "file-en", "file-hi"],
)
def test_a_centre_under_another_district_is_named_not_coded(engine: Engine, line: int, lang: str, name: str) -> None:
    run_import(engine, doses_csv([DURG_CENTRE]))
    report = run_import(engine, doses_csv(BROKEN), dry_run=True)
    message = next(p.message(lang) for p in report.problems if p.row == line and p.rule == "centre_district")
    assert name in message
    assert "DRG" not in message.replace("DRG-PHC-09", "") and "RPR" not in message.replace("RPR-PHC-01", "")


def test_a_collectors_file_with_bad_cells_still_names_another_districts_centre(engine: Engine) -> None:
    run_import(engine, doses_csv([DURG_CENTRE]))
    rows = [{"doses": "x"}, {**DURG_CENTRE, "district": "Raipur", "date": "2021-06-22"}]
    report = run_import(engine, doses_csv(rows), dry_run=True, allowed_districts=["RPR"])
    assert problems_of(report) == [
        (2, "doses", "x", "count_format"),
        (3, "centre_code", "DRG-PHC-09", "centre_not_allowed"),
    ]
    assert "belongs to Durg, not your district" in report.problems[1].message("en")


def test_a_preview_lists_changed_rows_with_old_and_new_values_and_new_rows(engine: Engine) -> None:
    run_import(engine, doses_csv([{}, {"age_band": "45-59", "doses": "40"}]))
    report = run_import(
        engine, doses_csv([{"doses": "130"}, {"age_band": "45-59", "doses": "40"}, {"dose_number": "3"}]), dry_run=True
    )
    assert (report.new, report.changed, report.unchanged) == (1, 1, 1)
    key = {"date": date(2021, 6, 22), "district_code": "RPR", "centre_code": "RPR-PHC-01", "centre_name": "PHC Mana"}
    key |= {"age_band": "18-44", "vaccine": "COVISHIELD"}
    assert report.changed_rows == [{"row": 2, **key, "dose_number": 1, "old": 100, "new": 130}]
    assert report.new_rows == [{"row": 4, **key, "dose_number": 3, "new": 100}]


def test_a_preview_lists_at_most_a_hundred_rows(engine: Engine) -> None:
    rows = [{"centre_code": f"RPR-{n:03}"} for n in range(LISTED_ROWS + 5)]
    report = run_import(engine, doses_csv(rows), dry_run=True)
    assert report.new == LISTED_ROWS + 5
    assert [r["row"] for r in report.new_rows] == list(range(2, LISTED_ROWS + 2))


def test_a_stock_file_with_bad_cells_still_gets_its_rules_across_cells_and_rows(engine: Engine) -> None:
    rows = [
        {},  # line 2: good
        {"quantity": "0", "to_store": "Supplier"},  # 3: no quantity, and back to the supplier
        {"date": "2021-06-01", "vaccine": "Pfizer"},  # 4: no such vaccine
        {"quantity": "x"},  # 5: line 2's key again, and no count
        {"from_store": "STATE", "to_store": "Sakti", "date": "2022-01-05", "vaccine": "Oxford"},  # 6: Sakti not yet
    ]
    report = run_import(engine, stock_csv(rows), dry_run=True, today=date(2022, 6, 30))
    assert problems_of(report) == [
        (3, "to_store", "SUPPLIER → Supplier", "store_direction"),
        (3, "quantity", "0", "positive"),
        (4, "vaccine", "Pfizer", "unknown_vaccine"),
        (5, "quantity", "x", "count_format"),
        (5, "reference", None, "duplicate_key"),
        (6, "vaccine", "Oxford", "unknown_vaccine"),
        (6, "to_store", "Sakti", "store_not_formed"),
    ]


def test_a_vaccinations_file_with_bad_cells_still_gets_the_registrys_checks(engine: Engine) -> None:
    run_import(engine, doses_csv([{}]))
    run_import(engine, beneficiaries_csv([{}]))
    rows = [
        {"batch": "x" * 40},  # line 2: a batch too long
        {"reference_id": "9999999999999", "dose_number": "2", "date": "2021-06-01"},  # 3: nobody registered
        {"centre_code": "NOPE-1", "dose_number": "3", "date": "31-02-2021"},  # 4: no such day, nor centre
        {"date": "2021-04-01"},  # 5: line 2's person and dose again
    ]
    report = run_import(engine, vaccinations_csv(rows), dry_run=True)
    assert problems_of(report) == [
        (2, "batch", "x" * 40, "text_too_long"),
        (3, "reference_id", "9999999999999", "unknown_beneficiary"),
        (4, "date", "31-02-2021", "date_invalid"),
        (4, "centre_code", "NOPE-1", "unknown_centre"),
        (5, "reference_id", None, "duplicate_key"),
    ]


def test_the_json_report_lists_the_changed_rows_with_iso_dates(engine: Engine) -> None:
    run_import(engine, doses_csv([{}]))
    report = run_import(engine, doses_csv([{"doses": "130"}]), dry_run=True).to_dict()
    assert report["changed_rows"] == [
        {"row": 2, "date": "2021-06-22", "district_code": "RPR", "centre_code": "RPR-PHC-01", "centre_name": "PHC Mana",
         "age_band": "18-44", "dose_number": 1, "vaccine": "COVISHIELD", "old": 100, "new": 130}
    ]  # fmt: skip
    assert report["new_rows"] == []


def test_a_series_file_with_bad_cells_still_gets_its_duplicate_keys(engine: Engine) -> None:
    rows = [{}, {"value": "-1"}, {"area": "Sakti", "date": "2021-06-22", "value": "x"}]
    report = run_import(engine, series_csv(rows), dry_run=True)
    assert problems_of(report) == [
        (3, "date", None, "duplicate_key"),
        (3, "value", "-1", "non_negative"),
        (4, "area", "Sakti", "area_not_formed"),
        (4, "value", "x", "count_format"),
    ]


def test_a_beneficiaries_file_with_bad_cells_still_gets_its_rules_across_rows(engine: Engine) -> None:
    rows = [
        {},  # line 2: good
        {"birth_year": "1850"},  # 3: line 2's reference id again, and too old
        {
            "reference_id": "1234567890124",
            "gender": "X",
            "id_number": "234123412346",
        },  # 4: line 2's Aadhaar, bad gender
    ]
    report = run_import(engine, beneficiaries_csv(rows), dry_run=True)
    assert problems_of(report) == [
        (3, "reference_id", None, "duplicate_key"),
        (3, "birth_year", "1850", "birth_year"),
        (4, "gender", "X", "gender"),
        (4, "id_number", "XXXXXXXX2346", "id_number_shared"),
    ]
