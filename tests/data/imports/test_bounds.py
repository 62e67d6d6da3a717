"""Bounded reading of uploads (data.imports.files: rows, columns, cells beyond the header, the inflate cap, macros
and links to other workbooks, <dimension> never relied on), problems capped (data.imports.problems), and bombs
answered within bounded time (generous margins: the machine is shared)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.imports import files
from data.imports.files import MAX_COLUMNS, MAX_ROWS, column_letter, read_table
from data.imports.problems import MAX_PROBLEMS, TRUNCATED, Omitted, Problem, capped, rows_with_problems
from data.imports.uploads import MAX_UPLOAD_BYTES, check_upload
from tests.conftest import snapshot
from tests.data.imports import bombs
from tests.files import DOSES_COLUMNS, run_import, to_xlsx

TEMPLATE = bombs.template()
HEADER = ",".join(DOSES_COLUMNS)
GOOD = "2021-06-22,Raipur,RPR-PHC-01,PHC Mana,18-44,1,Covishield,5"


def _csv(*lines: str) -> bytes:
    return ("\r\n".join((HEADER, *lines)) + "\r\n").encode()


def _where(problems: list[Problem]) -> list[tuple]:
    return [(p.row, p.column, p.value, p.rule, p.detail) for p in problems]


def _bilingual(problems: list[Problem]) -> None:
    for problem in problems:
        english, hindi = problem.message("en"), problem.message("hi")
        assert english and hindi and english != hindi and "{" not in english + hindi


# --- Column letters ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "letters"),
    [(1, "A"), (8, "H"), (9, "I"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA"), (16384, "XFD")],
)  # fmt: skip
def test_column_letter(number: int, letters: str) -> None:
    assert column_letter(number) == letters


# --- Cells beyond the header ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (_csv(GOOD + ",extra"), [(2, "I", "extra", "beyond_header", "8")]),
        (_csv(GOOD, GOOD + ",,,,late"), [(3, "L", "late", "beyond_header", "8")]),
        (_csv(GOOD + ",a,b"), [(2, "I", "a", "beyond_header", "8")]),  # one problem per row: its first extra cell
        (_csv(GOOD + ",,,"), []),  # empty cells beyond the header are nothing
        (to_xlsx(DOSES_COLUMNS, [[*GOOD.split(","), "x"]]), [(2, "I", "x", "beyond_header", "8")]),
        (
            bombs.with_parts(TEMPLATE, {bombs.SHEET: bombs.far_cells_sheet(2)}),
            [(2, "XFD", "x", "beyond_header", "8"), (3, "XFD", "x", "beyond_header", "8")],
        ),
    ],
    ids=["csv one extra", "csv far extra on row 3", "csv two extras", "csv empty extras", "xlsx", "xlsx column XFD"],
)
def test_cells_beyond_the_header_are_problems_with_row_and_column(content: bytes, expected: list[tuple]) -> None:
    name = "f.xlsx" if content.startswith(b"PK") else "f.csv"
    table, problems = read_table(content, name)
    assert _where(problems) == expected
    assert (table is None) == bool(expected)
    _bilingual(problems)


def test_a_short_csv_row_is_read_with_empty_cells_to_the_header_width() -> None:
    table, problems = read_table(_csv("2021-06-22,Raipur", GOOD + ",,"), "f.csv")
    assert problems == []
    rows = table.frame.drop(columns="_row").to_numpy().tolist()
    assert rows == [["2021-06-22", "Raipur", "", "", "", "", "", ""], GOOD.split(",")]
    assert table.frame["_row"].tolist() == [2, 3]


def test_a_value_beyond_the_header_refuses_the_import(engine) -> None:
    before = snapshot(engine)
    report = run_import(engine, _csv(GOOD + ",9"))
    assert (report.status, report.rejected) == ("rejected", 1)
    assert report.problems[0].message("en") == (
        "this row has a value in column I, beyond the 8 columns the header names; delete it or name its column in "
        "the header."
    )
    assert snapshot(engine) == before


# --- Rows and columns ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "refused"), [(3, False), (4, True)], ids=["at the cap", "one over"]
)  # fmt: skip
def test_the_row_cap(monkeypatch: pytest.MonkeyPatch, rows: int, refused: bool) -> None:
    monkeypatch.setattr(files, "MAX_ROWS", 3)
    for content, name in (
        (_csv(*[GOOD] * rows), "f.csv"),
        (to_xlsx(DOSES_COLUMNS, [GOOD.split(",")] * rows), "f.xlsx"),
    ):
        table, problems = read_table(content, name)
        if refused:
            assert table is None and [p.rule for p in problems] == ["too_many_rows"]
        else:
            assert problems == [] and len(table.frame) == rows


def test_a_row_numbered_beyond_the_cap_stops_reading() -> None:
    """One far-away row (r="900000") counts as the line it claims: reading stops there."""
    far = b'<row r="900000"><c r="A900000" t="inlineStr"><is><t>2021-06-22</t></is></c></row>'
    sheet = [next(bombs.far_cells_sheet(0)), far, b"</sheetData></worksheet>"]
    table, problems = read_table(bombs.with_parts(TEMPLATE, {bombs.SHEET: sheet}), "f.xlsx")
    assert table is None and _where(problems) == [(None, None, None, "too_many_rows", "2,00,000")]
    assert problems[0].message("en").startswith("the file has more than 2,00,000 data rows")
    _bilingual(problems)


def test_a_file_of_more_than_the_row_cap_is_refused_quickly() -> None:
    content = _csv(*["x"] * (MAX_ROWS + 1))
    start = time.perf_counter()
    table, problems = read_table(content, "f.csv")
    assert table is None and [p.rule for p in problems] == ["too_many_rows"]
    assert time.perf_counter() - start < 20


def test_a_header_wider_than_the_cap_is_refused() -> None:
    header = ",".join(f"c{i}" for i in range(MAX_COLUMNS + 1))
    table, problems = read_table(f"{header}\r\n1\r\n".encode(), "f.csv")
    assert table is None and _where(problems) == [(1, None, None, "too_many_columns", "65|64")]
    assert problems[0].message("en") == "the header has 65 columns; at most 64 are accepted."


def test_the_sheet_dimension_is_not_relied_on() -> None:
    """A <dimension> of one cell does not hide the rows below it; one claiming the whole sheet costs nothing."""
    sheet = bombs.dimension_bomb().replace(b"A1:XFD1048576", b"A1")
    table, _ = read_table(bombs.with_parts(TEMPLATE, {bombs.SHEET: sheet}), "f.xlsx")
    assert table.frame["date"].tolist() == ["2021-06-22"] and table.frame["_row"].tolist() == [2]
    start = time.perf_counter()
    table, _ = read_table(bombs.with_parts(TEMPLATE, {bombs.SHEET: bombs.dimension_bomb()}), "f.xlsx")
    assert len(table.frame) == 1 and time.perf_counter() - start < 5


# --- Problems capped -----------------------------------------------------------------------------------------


def test_problems_are_capped_with_the_total_in_both_languages(engine) -> None:
    """1,500 rows with a bad date and a bad dose each: 3,000 problems on 1,500 rows; the first 1,000 (rows 2 to
    501, two each) are listed, then the total."""
    content = _csv(*["2021-13-40,Raipur,RPR-PHC-01,PHC Mana,18-44,1,Covishield,-1"] * 1500)
    before = snapshot(engine)
    report = run_import(engine, content)
    assert (report.status, report.rejected) == ("rejected", 1500)
    listed, last = report.problems[:-1], report.problems[-1]
    assert len(listed) == MAX_PROBLEMS
    assert [(p.row, p.column) for p in listed[:4]] == [(2, "date"), (2, "doses"), (3, "date"), (3, "doses")]
    assert listed[-1].row == 501
    assert last.message("en") == (
        "the first 1,000 of 3,000 problems (on 1,500 rows) are listed; correct them and check the file again to see "
        "the rest."
    )
    assert last.message("hi") == (
        "3,000 समस्याओं (1,500 पंक्तियों में) में से पहली 1,000 की सूची दी गई है; उन्हें सुधारकर फ़ाइल फिर से जाँचें, तो बाकी दिखेंगी।"
    )
    assert snapshot(engine) == before


def _p(row: int | None, column: str = "c") -> Problem:
    return Problem(row, column, "v", "required")


@pytest.mark.parametrize(
    ("problems", "listed", "total", "rows"),
    [
        ([_p(r) for r in range(2, 1002)], 1000, None, 1000),  # exactly the cap: no notice
        ([_p(r) for r in range(2, 1003)], 1000, 1001, 1001),
        ([_p(r) for r in range(2, 1002)] + [Omitted(None, None, None, "omitted", rows=(5000, 5001))], 1000, 1002, 1002),
        ([_p(2), _p(2, "d"), Omitted(None, None, None, "omitted", rows=(3,))], 2, None, 2),
    ],
    ids=["at the cap", "one over", "omitted rows counted", "small with a marker"],
)
def test_capped(problems: list[Problem], listed: int, total: int | None, rows: int) -> None:
    out = capped(problems)
    real = [p for p in out if p.rule != TRUNCATED]
    assert len(real) == listed and real == [p for p in problems if not isinstance(p, Omitted)][:listed]
    notices = [p for p in out if p.rule == TRUNCATED]
    if total is None:
        assert notices == []
    else:
        assert [n.detail.split("|")[-2:] for n in notices] == [[str(total), str(rows)]]
        assert rows_with_problems(out) == rows


@settings(max_examples=50, deadline=None)
@given(first=st.integers(0, 2500), second=st.integers(0, 300))
def test_capping_twice_keeps_the_total(first: int, second: int) -> None:
    """The importer caps a kind's problems, adds its own and caps again: the total is the sum either way."""
    a = [_p(r) for r in range(2, first + 2)]
    b = [_p(r, "district") for r in range(10_000, 10_000 + second)]
    once = capped(a + b)
    twice = capped(capped(a) + b)
    assert [p.rule for p in once] == [p.rule for p in twice]
    total = first + second
    if total > MAX_PROBLEMS:
        assert once[-1].detail.split("|")[-2] == twice[-1].detail.split("|")[-2] == str(total)
    else:
        assert len(once) == total


# --- Macros and links ----------------------------------------------------------------------------------------


def _types_only(workbook: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        types = archive.read("[Content_Types].xml")
    macro = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    main = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    return bombs.with_parts(workbook, {"[Content_Types].xml": types.replace(main, macro)})


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (bombs.macro_workbook(TEMPLATE), ("xlsx_macros", "")),
        (bombs.with_parts(TEMPLATE, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), ("xlsx_macros", "")),
        (_types_only(TEMPLATE), ("xlsx_macros", "")),
        (bombs.with_parts(TEMPLATE, {"xl/macrosheets/sheet1.xml": b"<xm/>"}), ("xlsx_macros", "")),
        (bombs.linked_workbook(TEMPLATE), ("xlsx_external_links", "xl/externalLinks/externalLink1.xml")),
    ],
    ids=["xlsm", "vba project alone", "macro-enabled content type", "excel 4 macro sheet", "external link"],
)
def test_macros_and_links_are_refused_by_the_upload_check_and_the_reader(content: bytes, expected: tuple) -> None:
    for problems in (check_upload("doses.xlsx", content), read_table(content, "doses.xlsx")[1]):
        assert [(p.rule, p.detail) for p in problems] == [expected]
        _bilingual(problems)
    assert "macros" in check_upload("doses.xlsx", content)[0].message("en") or expected[0] == "xlsx_external_links"


def test_the_good_template_passes() -> None:
    assert check_upload("doses.xlsx", TEMPLATE) == []
    table, problems = read_table(TEMPLATE, "doses.xlsx")
    assert problems == [] and len(table.frame) == 1


# --- Bombs, answered within bounds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "rule"),
    [
        (lambda: bombs.xlsx_bad_rows(100 << 20), "xlsx_too_large"),
        (lambda: bombs.with_parts(TEMPLATE, {bombs.SHEET: bombs.BILLION_LAUGHS}), "xlsx_unsafe_xml"),
    ],
    ids=["100 MB sheet without dimension", "billion laughs"],
)
def test_workbook_bombs_are_refused_at_once(build, rule: str) -> None:
    content = build()
    assert len(content) < MAX_UPLOAD_BYTES
    for check in (lambda: check_upload("doses.xlsx", content), lambda: read_table(content, "doses.xlsx")[1]):
        start = time.perf_counter()
        assert [p.rule for p in check()] == [rule]
        assert time.perf_counter() - start < 5


def test_a_csv_of_5_mb_of_bad_rows_is_answered_within_bounds(engine) -> None:
    """1,44,701 rows of eight cells, six of them bad ("bad" is a well-formed centre code and name): 8,68,206
    problems, 1,000 listed and the total; every row counted as rejected."""
    content = bombs.csv_bad_rows(5 << 20)
    rows = content.count(b"\r\n") - 1
    start = time.perf_counter()
    report = run_import(engine, content, dry_run=True)
    assert time.perf_counter() - start < 60  # about 5 s on a loaded 2-core machine
    assert report.status == "rejected" and len(report.problems) == MAX_PROBLEMS + 1
    assert report.problems[-1].detail.split("|")[-2:] == [str(6 * rows), str(rows)]
    assert rows == 144_701
    assert report.rejected == rows
