"""The server's checks of an uploaded file (data.imports.uploads), the safe reading of workbooks, and what a district
collector may upload (data.imports.importer.import_bytes with allowed_districts, on SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import zipfile

import pytest

from data.imports import uploads
from data.imports.files import MAX_XLSX_UNCOMPRESSED, read_table
from data.imports.problems import Problem
from data.imports.uploads import MAX_UPLOAD_BYTES, MAX_XLSX_MEMBERS, check_upload, safe_file_name, size_text
from tests.conftest import snapshot
from tests.files import (
    DOSES_COLUMNS,
    beneficiaries_csv,
    doses_csv,
    problems_of,
    run_import,
    series_csv,
    stock_csv,
    stored_doses,
    to_xlsx,
)

GOOD_CSV = doses_csv([{}])
GOOD_XLSX = to_xlsx(DOSES_COLUMNS, [["2021-06-22", "Raipur", "RPR-PHC-01", "PHC Mana", "18-44", 1, "Covishield", 100]])
SHEET = "xl/worksheets/sheet1.xml"

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"""


def _with_part(workbook: bytes, name: str, content: bytes) -> bytes:
    """The workbook with one part replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content)
    return out.getvalue()


def _rules(problems: list[Problem]) -> list[str]:
    return [p.rule for p in problems]


def _assert_bilingual(problems: list[Problem]) -> None:
    for problem in problems:
        english, hindi = problem.message("en"), problem.message("hi")
        assert english and hindi and english != hindi
        assert "{" not in english + hindi


# --- Type, name and size -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [("doses.csv", GOOD_CSV), ("DOSES.CSV", GOOD_CSV), ("doses.csv", b"\xef\xbb\xbf" + GOOD_CSV),
     ("doses.xlsx", GOOD_XLSX), ("C:\\Users\\me\\doses.XLSX", GOOD_XLSX)],
    ids=["csv", "upper-case name", "csv with BOM", "xlsx", "windows path"],
)  # fmt: skip
def test_good_files_pass(name: str, content: bytes) -> None:
    assert check_upload(name, content) == []


@pytest.mark.parametrize(
    "name",
    ["doses.exe", "doses.xls", "doses", "doses.csv.exe", "doses.txt", "../../etc/passwd", "doses.xlsm"],
    ids=["exe", "old xls", "no extension", "double extension", "txt", "path", "macro workbook"],
)
def test_other_file_types_are_refused_by_name(name: str) -> None:
    problems = check_upload(name, GOOD_CSV)
    assert _rules(problems) == ["file_type"]
    assert problems[0].value == safe_file_name(name)
    _assert_bilingual(problems)


def test_an_empty_file_is_refused() -> None:
    assert _rules(check_upload("doses.csv", b"")) == ["file_empty"]


def test_the_size_limit_is_20_mb() -> None:
    assert MAX_UPLOAD_BYTES == 20 * 1024 * 1024
    problems = check_upload("doses.csv", b"a" * (MAX_UPLOAD_BYTES + 1))
    assert [(p.rule, p.detail) for p in problems] == [("file_too_large", "20 MB|20 MB")]
    assert problems[0].message() == "the file is 20 MB; at most 20 MB may be uploaded. Split it into smaller files."
    _assert_bilingual(problems)


def test_the_size_limit_is_inclusive(monkeypatch) -> None:
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", len(GOOD_CSV))
    assert check_upload("doses.csv", GOOD_CSV) == []
    assert _rules(check_upload("doses.csv", GOOD_CSV + b"\r\n")) == ["file_too_large"]


@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "0 B"), (512, "512 B"), (2048, "2 KB"), (1536, "1.5 KB"), (20 * 1024 * 1024, "20 MB"),
     (int(1.25 * 1024 * 1024), "1.2 MB"), (MAX_XLSX_UNCOMPRESSED, "50 MB"), (3 << 30, "3 GB")],
    ids=["zero", "bytes", "kb", "kb fraction", "limit", "mb fraction", "unpacked limit", "gb"],
)  # fmt: skip
def test_size_text(size: int, text: str) -> None:
    assert size_text(size) == text


@pytest.mark.parametrize(
    ("name", "kept"),
    [("doses.csv", "doses.csv"), ("/tmp/x/doses.csv", "doses.csv"), ("C:\\a\\b\\doses.csv", "doses.csv"),
     ("do\x00ses\n.csv", "doses.csv"), ("", "upload"), ("a" * 200 + ".xlsx", "a" * 115 + ".xlsx")],
    ids=["plain", "posix path", "windows path", "control characters", "empty", "too long"],
)  # fmt: skip
def test_safe_file_name(name: str, kept: str) -> None:
    assert safe_file_name(name) == kept


# --- CSV that is not text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [GOOD_CSV.replace(b"100", b"1\x000"), "date,district\n2021-06-22,Durg é\n".encode("latin-1"), GOOD_XLSX,
     bytes(range(256))],
    ids=["nul byte", "latin-1", "xlsx named csv", "binary"],
)  # fmt: skip
def test_a_csv_that_is_not_utf8_text_is_refused(content: bytes) -> None:
    problems = check_upload("doses.csv", content)
    assert _rules(problems) == ["csv_not_text"]
    _assert_bilingual(problems)


def test_a_latin1_csv_says_which_byte() -> None:
    problems = check_upload("doses.csv", b"date,district\n2021,\xe9\n")
    assert problems[0].message() == (
        "the file is named .csv but is not UTF-8 text (byte 20 is not UTF-8; perhaps it was saved in another "
        "encoding); save it again as 'CSV UTF-8'."
    )


# --- XLSX: not a workbook, too many parts, zip bombs, XML entities ------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    "content",
    [GOOD_CSV, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, _zip({"word/document.xml": b"<w/>"}),
     GOOD_XLSX[: len(GOOD_XLSX) // 2]],
    ids=["csv named xlsx", "old xls", "zip without workbook", "truncated zip"],
)  # fmt: skip
def test_an_xlsx_that_is_not_a_workbook_is_refused(content: bytes) -> None:
    problems = check_upload("doses.xlsx", content)
    assert _rules(problems) == ["xlsx_not_workbook"]
    _assert_bilingual(problems)


def test_a_workbook_with_too_many_parts_is_refused() -> None:
    members = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
    members |= {f"xl/media/image{i}.png": b"x" for i in range(MAX_XLSX_MEMBERS - 1)}
    problems = check_upload("doses.xlsx", _zip(members))
    assert [(p.rule, p.detail) for p in problems] == [("xlsx_too_many_parts", f"{MAX_XLSX_MEMBERS + 1}|500")]
    _assert_bilingual(problems)


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    """51 MB of zeros in 50 KB: refused on the sizes the zip declares, nothing inflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(GOOD_XLSX)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        with target.open("xl/media/bomb.bin", "w", force_zip64=True) as bomb:
            chunk = bytes(1 << 20)
            for _ in range(51):
                bomb.write(chunk)
    content = out.getvalue()
    assert len(content) < MAX_UPLOAD_BYTES
    problems = check_upload("doses.xlsx", content)
    assert [(p.rule, p.detail) for p in problems] == [("xlsx_too_large", "51 MB|50 MB")]
    _assert_bilingual(problems)
    # The reader refuses it too, on its own.
    table, problems = read_table(content, "doses.xlsx")
    assert table is None and [(p.rule, p.detail) for p in problems] == [("xlsx_too_large", "51 MB|50 MB")]


@pytest.mark.parametrize(
    ("part", "xml"),
    [(SHEET, BILLION_LAUGHS), (SHEET, EXTERNAL_ENTITY), ("xl/workbook.xml", EXTERNAL_ENTITY),
     (SHEET, BILLION_LAUGHS.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))],
    ids=["billion laughs", "external entity", "external entity in the workbook part", "utf-16"],
)  # fmt: skip
def test_xml_entities_are_refused_before_and_while_reading(part: str, xml: bytes) -> None:
    content = _with_part(GOOD_XLSX, part, xml)
    problems = check_upload("doses.xlsx", content)
    assert [(p.rule, p.value) for p in problems] == [("xlsx_unsafe_xml", part)]
    _assert_bilingual(problems)
    # Without the check, openpyxl's parser (defusedxml) refuses it: a clean problem, not a traceback.
    table, problems = read_table(content, "doses.xlsx")
    assert table is None
    assert _rules(problems) == ["xlsx_unsafe_xml"]


def test_openpyxl_parses_with_defusedxml() -> None:
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


def test_an_unsafe_workbook_is_rejected_by_the_importer_with_nothing_written(sqlite_engine) -> None:
    before = snapshot(sqlite_engine)
    report = run_import(sqlite_engine, _with_part(GOOD_XLSX, SHEET, BILLION_LAUGHS), "doses.xlsx")
    assert report.status == "rejected"
    assert problems_of(report) == [(None, None, None, "xlsx_unsafe_xml")]
    assert snapshot(sqlite_engine) == before


# --- A district collector's upload ---------------------------------------------------------------------------

DURG_ROW = {"district": "Durg", "centre_code": "DRG-01", "centre_name": "DH Durg"}


def test_a_collector_may_upload_their_own_districts_doses(engine) -> None:
    content = doses_csv([{}, {"district": "रायपुर", "centre_code": "RPR-PHC-02", "centre_name": "PHC Abhanpur"}])
    report = run_import(engine, content, allowed_districts=["RPR"], user="collector.rpr")
    assert report.status == "committed", report.problems
    assert report.new == 2


def test_a_collector_file_with_another_districts_rows_is_refused_whole(engine) -> None:
    before = snapshot(engine)
    content = doses_csv([{}, DURG_ROW, {**DURG_ROW, "date": "2021-06-21"}, {"district": "Atlantis"}])
    for dry_run in (True, False):
        report = run_import(engine, content, allowed_districts=["RPR"], dry_run=dry_run)
        assert report.status == "rejected"
        assert problems_of(report) == [
            (3, "district", "Durg", "district_not_allowed"),
            (4, "district", "Durg", "district_not_allowed"),
            (5, "date", None, "duplicate_key"),  # line 2's key: found in the same pass as the unknown district
            (5, "district", "Atlantis", "unknown_district"),
        ]
        assert report.rejected == 3
    first = report.problems[0]
    assert first.message() == "'Durg' is not your district: you may upload rows of Raipur only."
    assert first.message("hi") == "'Durg' आपका ज़िला नहीं है: आप केवल रायपुर की पंक्तियाँ अपलोड कर सकते हैं।"
    assert snapshot(engine) == before
    # The state officer (no district limit) imports the same rows.
    report = run_import(engine, doses_csv([{}, DURG_ROW]))
    assert report.status == "committed"
    assert len(stored_doses(engine)) == 2


def test_a_collector_cannot_move_another_districts_centre_into_their_own(engine) -> None:
    assert run_import(engine, doses_csv([DURG_ROW])).status == "committed"
    report = run_import(engine, doses_csv([{"centre_code": "DRG-01"}]), allowed_districts=["RPR"])
    assert problems_of(report) == [(2, "centre_code", "DRG-01", "centre_not_allowed")]


@pytest.mark.parametrize(
    "content",
    [stock_csv([{}]), series_csv([{}]), beneficiaries_csv([{}])],
    ids=["stock", "published series", "registry"],
)
def test_a_collector_may_upload_no_other_kind_of_file(engine, content: bytes) -> None:
    before = snapshot(engine)
    report = run_import(engine, content, allowed_districts=["RPR"])
    assert report.status == "rejected"
    assert [p.rule for p in report.problems] == ["kind_not_allowed"]
    _assert_bilingual(report.problems)
    assert snapshot(engine) == before
