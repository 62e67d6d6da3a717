"""Every rule of the data contract, one bad file per rule, and the accepted forms of good values.

A rejected file must name the row (file line, header = 1), column, value and rule of what is wrong,
say it in English and Hindi, and leave the database exactly as it was.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date

import pytest

from tests.conftest import snapshot
from tests.files import (
    DOSES_COLUMNS,
    DOSES_DEFAULTS,
    SERIES_COLUMNS,
    TODAY,
    csv_bytes,
    doses_csv,
    problems_of,
    run_import,
    series_csv,
    stock_csv,
    stored_doses,
    stored_series,
    to_xlsx,
)


@dataclass(frozen=True)
class Bad:
    """A file that breaks one rule, the one problem it must produce, and files imported before it."""

    id: str
    content: bytes
    problem: tuple  # (row, column, value, rule)
    detail: str | None = None  # a fragment the English message must contain
    before: tuple[bytes, ...] = ()


def _doses(**cells: str) -> bytes:
    return doses_csv([cells])


def _broken_xlsx() -> bytes:
    """A workbook whose sheet XML is cut off half-way (openpyxl raises an XML ParseError on it)."""
    good = zipfile.ZipFile(io.BytesIO(to_xlsx(DOSES_COLUMNS, [list(DOSES_DEFAULTS.values())])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as broken:
        for item in good.infolist():
            data = good.read(item)
            broken.writestr(item, data[: len(data) // 2] if item.filename.endswith("sheet1.xml") else data)
    return buffer.getvalue()


STOCK_OK = [
    {"date": "2021-06-01", "from_store": "SUPPLIER", "to_store": "STATE", "quantity": "1000", "reference": "GOI-1"},
    {"date": "2021-06-02", "from_store": "STATE", "to_store": "Raipur", "quantity": "800", "reference": "ISS-1"},
]

BAD = [
    # --- daily doses: cells ---
    Bad("doses-required", _doses(district=""), (2, "district", "", "required"), "'district' is empty"),
    Bad("doses-count-format", _doses(doses="12,3456"), (2, "doses", "12,3456", "count_format")),
    Bad("doses-negative", _doses(doses="-5"), (2, "doses", "-5", "non_negative")),
    Bad("doses-decimal", _doses(doses="12.5"), (2, "doses", "12.5", "integer")),
    Bad("doses-too-large", _doses(doses="9" * 20), (2, "doses", "9" * 20, "count_too_large")),
    Bad(
        "doses-future-date", _doses(date="2021-07-02"), (2, "date", "2021-07-02", "future_date"), "today is 2021-07-01"
    ),
    Bad(
        "doses-before-campaign",
        _doses(date="15-01-2021"),
        (2, "date", "15-01-2021", "before_campaign"),
        "began on 2021-01-16",
    ),
    Bad("doses-date-format", _doses(date="22.06.2021"), (2, "date", "22.06.2021", "date_format")),
    Bad("doses-impossible-date", _doses(date="31-02-2021"), (2, "date", "31-02-2021", "date_invalid")),
    Bad("doses-unknown-district", _doses(district="Gotham"), (2, "district", "Gotham", "unknown_district")),
    Bad("doses-unknown-age-band", _doses(age_band="30-40"), (2, "age_band", "30-40", "unknown_age_band")),
    Bad("doses-unknown-dose", _doses(dose_number="4"), (2, "dose_number", "4", "unknown_dose")),
    Bad("doses-unknown-vaccine", _doses(vaccine="Pfizer"), (2, "vaccine", "Pfizer", "unknown_vaccine")),
    Bad("doses-bad-centre-code", _doses(centre_code="PHC #1"), (2, "centre_code", "PHC #1", "centre_code")),
    Bad("doses-name-too-long", _doses(centre_name="x" * 201), (2, "centre_name", "x" * 201, "text_too_long")),
    # --- daily doses: rows ---
    Bad(
        "doses-duplicate-key",
        doses_csv([{"doses": "10"}, {"date": "2021-06-21"}, {"vaccine": "Covi Shield", "doses": "12"}]),
        (4, "date", None, "duplicate_key"),
        "repeats the key of row 2",
    ),
    Bad(
        "doses-centre-in-two-districts",
        doses_csv([{"district": "Raipur"}, {"district": "Durg", "dose_number": "2"}]),
        (3, "centre_code", "RPR-PHC-01", "centre_district"),
        "belongs to Raipur,",
    ),
    Bad(
        "doses-centre-of-another-district",
        _doses(district="Durg", date="2021-06-23"),
        (2, "centre_code", "RPR-PHC-01", "centre_district"),
        "belongs to Raipur,",
        before=(_doses(district="Raipur"),),
    ),
    # --- daily doses: the file ---
    Bad(
        "doses-missing-column",
        doses_csv([{}], header=[c for c in DOSES_COLUMNS if c != "vaccine"]),
        (1, "vaccine", None, "missing_column"),
        "no column 'vaccine'",
    ),
    Bad(
        "doses-duplicate-column",
        csv_bytes([*DOSES_COLUMNS, " DATE "], [[*DOSES_DEFAULTS.values(), "2021-06-22"]]),
        (1, "DATE", None, "duplicate_column"),
    ),
    Bad("unknown-header", csv_bytes(["name", "age", "town"], [["A", "30", "Raipur"]]), (1, None, None, "unknown_kind")),
    Bad("header-without-rows", csv_bytes(DOSES_COLUMNS, []), (1, None, None, "no_rows")),
    Bad(
        "not-utf8",
        doses_csv([{"centre_name": "Hôpital"}]).decode("utf-8").encode("latin-1"),
        (None, None, None, "unreadable"),
        "neither UTF-8",
    ),
    Bad("damaged-zip", b"PK\x03\x04" + b"\x00" * 64, (None, None, None, "unreadable")),
    Bad("damaged-xlsx", _broken_xlsx(), (None, None, None, "unreadable"), "not a readable XLSX workbook"),
    # --- stock movements ---
    Bad(
        "stock-unknown-store", stock_csv([{"to_store": "Warehouse 9"}]), (2, "to_store", "Warehouse 9", "unknown_store")
    ),
    Bad("stock-zero-quantity", stock_csv([{"quantity": "0"}]), (2, "quantity", "0", "positive")),
    Bad(
        "stock-to-supplier",
        stock_csv([{"from_store": "STATE", "to_store": "SUPPLIER"}]),
        (2, "to_store", "STATE → SUPPLIER", "store_direction"),
        "cannot go back to SUPPLIER",
    ),
    Bad(
        "stock-from-wastage",
        stock_csv([{"from_store": "WASTAGE", "to_store": "STATE"}]),
        (2, "to_store", "WASTAGE → STATE", "store_direction"),
        "cannot come out of WASTAGE",
    ),
    Bad(
        "stock-same-store",
        stock_csv([{"from_store": "Raipur", "to_store": "रायपुर"}]),
        (2, "to_store", "Raipur → रायपुर", "store_direction"),  # the stores as written, never their codes
        "two different stores",
    ),
    Bad(
        "stock-below-zero",
        stock_csv([STOCK_OK[0], {**STOCK_OK[1], "quantity": "1500"}]),
        (3, "quantity", "1500", "stock_below_zero"),
        "the state store's Covishield stock below zero on 2 June 2021 (it would be −500 doses)",
    ),
    Bad(
        "stock-correction-below-zero",
        stock_csv([{**STOCK_OK[0], "quantity": "500"}]),
        (2, "quantity", "500", "stock_below_zero"),
        "the state store's Covishield stock below zero on 2 June 2021 (it would be −300 doses)",
        before=(stock_csv(STOCK_OK),),
    ),
    # --- published series, long format ---
    Bad("series-unknown-area", series_csv([{"area": "Gotham"}]), (2, "area", "Gotham", "unknown_area")),
    Bad("series-bad-source", series_csv([{"source": "CoWIN!"}]), (2, "source", "CoWIN!", "unknown_source")),
    Bad("series-bad-value", series_csv([{"value": "66 lakh"}]), (2, "value", "66 lakh", "count_format")),
    Bad(
        "series-wide-wrong-state",
        csv_bytes(
            ["date", "Updated On", "State", "Total Doses Administered", "First Dose Administered"],
            [["2021-06-22", "22/06/2021", "Maharashtra", "10", "10"]],
        ),
        (2, "State", "Maharashtra", "wrong_state"),
    ),
    Bad(
        "series-wide-missing-column",
        csv_bytes(
            ["date", "source_date", "district", "cowin_key", "First Dose Administered", "Second Dose Administered"],
            [["2021-04-25", "25/04/2021", "Raipur", "Raipur", "10", "2"]],
        ),
        (1, "state", None, "missing_column"),
    ),
    Bad(
        "series-wide-without-figures",
        csv_bytes(
            ["date", "Updated On", "State", "Total Doses Administered", "First Dose Administered"],
            [["2021-06-22", "22/06/2021", "Chhattisgarh", "", ""]],
        ),
        (1, None, None, "no_rows"),
    ),
]


@pytest.mark.parametrize("case", BAD, ids=[case.id for case in BAD])
def test_bad_file_is_rejected_with_row_column_value_and_rule(engine, case: Bad) -> None:
    for content in case.before:
        assert run_import(engine, content, "earlier.csv").status == "committed"
    before = snapshot(engine)

    report = run_import(engine, case.content, "bad.csv")

    assert report.status == "rejected"
    assert problems_of(report) == [case.problem]
    assert (report.new, report.changed, report.unchanged, report.batch_id) == (0, 0, 0, None)
    message, message_hi = report.problems[0].message("en"), report.problems[0].message("hi")
    assert message and message_hi and message != message_hi
    assert "{" not in message + message_hi
    if case.detail:
        assert case.detail in message
    assert snapshot(engine) == before


def test_a_dry_run_reports_the_same_problems(sqlite_engine) -> None:
    content = doses_csv([{"doses": "-1"}, {"district": "Gotham", "date": "2021-06-21"}])
    before = snapshot(sqlite_engine)

    dry = run_import(sqlite_engine, content, dry_run=True)
    real = run_import(sqlite_engine, content)

    assert dry.status == real.status == "rejected"
    assert (
        problems_of(dry)
        == problems_of(real)
        == [(2, "doses", "-1", "non_negative"), (3, "district", "Gotham", "unknown_district")]
    )
    assert dry.rejected == real.rejected == 2
    assert snapshot(sqlite_engine) == before


def test_every_bad_cell_is_reported_not_only_the_first(sqlite_engine) -> None:
    content = doses_csv(
        [
            {"date": "2021-06-20", "doses": "x"},
            {"date": "2021-06-21"},
            {"date": "31-02-2021", "vaccine": "Pfizer", "doses": "1.5"},
        ]
    )
    report = run_import(sqlite_engine, content)
    assert problems_of(report) == [
        (2, "doses", "x", "count_format"),
        (4, "date", "31-02-2021", "date_invalid"),
        (4, "vaccine", "Pfizer", "unknown_vaccine"),
        (4, "doses", "1.5", "integer"),
    ]
    assert report.rows == 3
    assert report.rejected == 2


# --- Accepted forms ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Good:
    """A file that must be accepted, and the fact it must store as (date, district, centre, band, dose, vaccine): n."""

    id: str
    content: bytes
    stored: dict


def _fact(
    n: int = 100,
    *,
    day: date = date(2021, 6, 22),
    district: str = "RPR",
    band: str = "18-44",
    dose: int = 1,
    vaccine: str = "COVISHIELD",
) -> dict:
    return {(day, district, "RPR-PHC-01", band, dose, vaccine): n}


XLSX_ROW = [date(2021, 6, 22), "Raipur", "RPR-PHC-01", "PHC Mana", "18-44", 1, "Covishield", 100000]

GOOD = [
    Good("indian-grouping", _doses(doses="1,00,000"), _fact(100000)),
    Good("western-grouping", _doses(doses="100,000"), _fact(100000)),
    Good("devanagari-digits", _doses(doses="१,००,०००", date="२२-०६-२०२१"), _fact(100000)),
    Good("dd-mm-yyyy-dashes", _doses(date="22-06-2021"), _fact()),
    Good("dd-mm-yyyy-slashes", _doses(date="22/06/2021"), _fact()),
    Good("d-m-yyyy-slashes-day-first", _doses(date="5/6/2021"), _fact(day=date(2021, 6, 5))),
    Good("hindi-district", _doses(district="रायपुर"), _fact()),
    Good("district-code", _doses(district="rpr"), _fact()),
    Good("district-alias-kawardha", _doses(district="Kawardha"), _fact(district="KBD")),
    Good("age-band-alias-18-45", _doses(age_band="18-45"), _fact()),
    Good("age-band-45-plus", _doses(age_band="45+"), _fact(band="45+")),
    Good("vaccine-alias-covi-shield", _doses(vaccine="Covi Shield"), _fact()),
    Good("vaccine-hindi", _doses(vaccine="कोवैक्सिन"), _fact(vaccine="COVAXIN")),
    Good("dose-precaution", _doses(dose_number="precaution"), _fact(dose=3)),
    Good("dose-words", _doses(dose_number="2nd dose"), _fact(dose=2)),
    Good("zero-doses", _doses(doses="0"), _fact(0)),
    Good(
        "header-case-and-spaces",
        doses_csv(
            [{}],
            header=[
                " Date",
                "DISTRICT ",
                "Centre_Code",
                " centre_name ",
                "Age_Band",
                "DOSE_NUMBER",
                "Vaccine",
                "  Doses  ",
            ],
        ),
        _fact(),
    ),
    Good("header-in-another-order", doses_csv([{}], header=list(reversed(DOSES_COLUMNS))), _fact()),
    Good("csv-with-bom", doses_csv([{}], bom=True), _fact()),
    Good("spaces-around-cells", _doses(district="  Raipur ", doses=" 100 "), _fact()),
    Good("xlsx-numeric-and-date-cells", to_xlsx(DOSES_COLUMNS, [XLSX_ROW]), _fact(100000)),
    Good(
        "xlsx-float-and-text-cells",
        to_xlsx([c.upper() for c in DOSES_COLUMNS], [[*XLSX_ROW[:5], 2.0, "Covaxin", "1,00,000"]]),
        _fact(100000, dose=2, vaccine="COVAXIN"),
    ),
]


@pytest.mark.parametrize("case", GOOD, ids=[case.id for case in GOOD])
def test_accepted_form_is_stored_as_its_value(sqlite_engine, case: Good) -> None:
    name = "upload.xlsx" if case.content.startswith(b"PK") else "upload.csv"
    report = run_import(sqlite_engine, case.content, name)
    assert problems_of(report) == []
    assert (report.status, report.new) == ("committed", 1)
    assert stored_doses(sqlite_engine) == case.stored


def test_accepted_forms_together_on_both_backends(engine) -> None:
    """Parsing does not depend on the database; one file per format shows the stored values agree on both."""
    rows = [
        {"date": "२२-०६-२०२१", "district": "रायपुर", "vaccine": "Covi Shield", "doses": "1,00,000"},
        {"date": "22/06/2021", "district": "Kawardha", "centre_code": "KBD-1", "age_band": "18-45", "doses": "100,000"},
        {"date": "5/6/2021", "dose_number": "precaution", "doses": "०"},
    ]
    xlsx_row = [date(2021, 6, 23), "Raipur", "RPR-PHC-01", "PHC Mana", "60+", 2, "Covaxin", 42]
    assert run_import(engine, doses_csv(rows, bom=True)).new == 3
    assert run_import(engine, to_xlsx([c.upper() for c in DOSES_COLUMNS], [xlsx_row]), "upload.xlsx").new == 1
    assert stored_doses(engine) == {
        (date(2021, 6, 22), "RPR", "RPR-PHC-01", "18-44", 1, "COVISHIELD"): 100000,
        (date(2021, 6, 22), "KBD", "KBD-1", "18-44", 1, "COVISHIELD"): 100000,
        (date(2021, 6, 5), "RPR", "RPR-PHC-01", "18-44", 3, "COVISHIELD"): 0,
        (date(2021, 6, 23), "RPR", "RPR-PHC-01", "60+", 2, "COVAXIN"): 42,
    }


def test_series_long_format_is_stored_with_codes(sqlite_engine) -> None:
    content = series_csv(
        [
            {"area": "छत्तीसगढ़", "source": "MoHFW", "value": "77,64,903"},
            {"area": "Kawardha", "date": "22/06/2021", "metric": "First Dose Administered", "value": "0"},
        ]
    )
    report = run_import(sqlite_engine, content)
    assert problems_of(report) == []
    assert report.status == "committed"
    assert stored_series(sqlite_engine) == {
        ("mohfw", "STATE", date(2021, 6, 22), "Total Doses Administered"): 7764903,
        ("cowin", "KBD", date(2021, 6, 22), "First Dose Administered"): 0,
    }


def test_header_is_matched_but_series_columns_keep_their_written_names(sqlite_engine) -> None:
    content = csv_bytes([c.upper() for c in SERIES_COLUMNS], [["2021-06-22", "CG", "cowin", "Sites", "3337"]])
    assert run_import(sqlite_engine, content).status == "committed"
    assert stored_series(sqlite_engine) == {("cowin", "STATE", date(2021, 6, 22), "Sites"): 3337}


def test_today_bounds_future_dates_inclusively(sqlite_engine) -> None:
    report = run_import(sqlite_engine, _doses(date=TODAY.isoformat()))
    assert report.status == "committed"


STOCK_WORDING = [
    # The state store issues 1,500 of the 1,000 it received: 1,000 − 1,500 = −500 on 2 June 2021.
    (
        [STOCK_OK[0], {**STOCK_OK[1], "quantity": "1500"}],
        "this movement takes the state store's Covishield stock below zero on 2 June 2021 (it would be −500 doses).",
        "इस प्रविष्टि से 2 जून 2021 को राज्य भंडार का कोविशील्ड स्टॉक शून्य से नीचे (−500 खुराकें) चला जाता है।",
        "state store",
    ),
    # Raipur gets 800 and wastes 12,345 the next day: 800 − 12,345 = −11,545 on 3 June 2021 (Indian grouping).
    (
        [*STOCK_OK, {"date": "03-06-2021", "from_store": "Raipur", "to_store": "WASTAGE", "quantity": "12345"}],
        "this movement takes the Raipur store's Covishield stock below zero on 3 June 2021 (it would be −11,545 "
        "doses).",
        "इस प्रविष्टि से 3 जून 2021 को रायपुर भंडार का कोविशील्ड स्टॉक शून्य से नीचे (−11,545 खुराकें) चला जाता है।",
        "district store",
    ),
]


@pytest.mark.parametrize("rows, english, hindi", [c[:3] for c in STOCK_WORDING], ids=[c[3] for c in STOCK_WORDING])
def test_stock_refusal_names_the_store_vaccine_and_date_in_words(sqlite_engine, rows, english, hindi) -> None:
    # Issue 14: the refusal quoted codes ("STATE store's COVAXIN … 2022-03-31"); it names them as a reader would.
    report = run_import(sqlite_engine, stock_csv(rows), "bad.csv")
    assert [p.rule for p in report.problems] == ["stock_below_zero"]
    assert (report.problems[0].message("en"), report.problems[0].message("hi")) == (english, hindi)
    for code in ("STATE", "COVISHIELD", "RPR", "2021-06"):
        assert code not in english + hindi
