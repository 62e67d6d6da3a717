"""Downloads: a CSV programs read (plain numbers, ISO dates, formulas neutralised in text only) and an XLSX people
open (typed cells, Indian number formats)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from stats.export import DATE_FORMAT, INDIAN_INTEGER, TIME_FORMAT, indian_format, neutralise, safe_csv, safe_xlsx


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+91 98765", "'+91 98765"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Raipur", "Raipur"),
        ("रायपुर", "रायपुर"),
        ("1,09,353", "1,09,353"),
        ("", ""),
        (-5, -5),
        (None, None),
    ],
    ids=[
        "equals",
        "plus",
        "minus",
        "at",
        "tab",
        "carriage-return",
        "plain",
        "hindi",
        "indian-number",
        "empty",
        "a-number-stays-a-number",
        "none",
    ],
)
def test_neutralise(value, expected) -> None:
    assert neutralise(value) == expected


def read_back(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_safe_csv_neutralises_cells_and_headers_and_opens_with_a_bom() -> None:
    frame = pd.DataFrame({"=district": ["=cmd|' /C calc'!A0", "Raipur"], "doses": [-3, 1_09_353]})
    data = safe_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    assert read_back(data) == [["'=district", "doses"], ["'=cmd|' /C calc'!A0", "-3"], ["Raipur", "109353"]]


@given(st.lists(st.text(max_size=20), min_size=1, max_size=10))
def test_no_downloaded_cell_starts_like_a_formula(cells: list[str]) -> None:
    rows = read_back(safe_csv(pd.DataFrame({"value": cells})))[1:]
    assert all(not row[0].startswith(("=", "+", "-", "@")) for row in rows if row)


def test_a_cell_with_a_carriage_return_stays_one_quoted_cell() -> None:
    # Found by the property above: with "\n" rows pandas wrote "'\r=" bare, and a reader split it into "'" and "=".
    data = safe_csv(pd.DataFrame({"value": ["\r=1+1", "a\nb"]}))
    assert read_back(data) == [["value"], ["'\r=1+1"], ["a\nb"]]
    assert data.endswith(b'"a\nb"\r\n')


# --- For programs: plain numbers, ISO dates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (pd.Series([150778, -3], dtype="int64"), ["150778", "-3"]),
        (pd.array([1_23_45_678, None], dtype="Int64"), ["12345678", ""]),
        (pd.Series([36.8, -1.9]), ["36.8", "-1.9"]),
        (pd.Series([date(2022, 1, 1), date(2021, 6, 22)], dtype="object"), ["2022-01-01", "2021-06-22"]),
        (pd.Series(pd.to_datetime(["2022-01-01", "2022-01-02"])), ["2022-01-01", "2022-01-02"]),
        (
            pd.Series(pd.to_datetime(["2022-01-01 10:05", "2022-01-02 00:00"])),
            ["2022-01-01 10:05:00", "2022-01-02 00:00:00"],
        ),
        (pd.Series([datetime(2022, 1, 1, 10, 5), None], dtype="object"), ["2022-01-01 10:05:00", ""]),
        (pd.Series(["-5 days", "Raipur"]), ["'-5 days", "Raipur"]),
        (pd.Series([-5, "=1+1"], dtype="object"), ["-5", "'=1+1"]),
    ],
    ids=[
        "integers-plain",
        "nullable-integers",
        "decimal-point-ascii-minus",
        "dates-iso",
        "midnight-times-as-dates",
        "times-iso",
        "times-in-text-column",
        "text-neutralised",
        "a-number-in-a-mixed-column-never",
    ],
)
def test_safe_csv_writes_for_programs(column, expected) -> None:
    assert [row[0] for row in read_back(safe_csv(pd.DataFrame({"x": column})))[1:]] == expected


def test_a_download_reads_back_typed_with_pandas_defaults() -> None:
    frame = pd.DataFrame(
        {
            "तारीख़": [date(2022, 1, 1), date(2022, 1, 2)],
            "Doses": pd.array([150778, 1_23_45_678], dtype="int64"),
            "Change on last week (%)": [36.8, -1.9],
            "Note": ["", "-5 days"],
        }
    )
    data = safe_csv(frame)
    back = pd.read_csv(io.BytesIO(data))
    assert list(back.columns) == list(frame.columns)  # the BOM is not part of the first header
    assert back["Doses"].dtype == "int64" and back["Doses"].tolist() == [150778, 12345678]
    assert back["Change on last week (%)"].dtype == "float64"
    assert pd.to_datetime(back["तारीख़"], format="ISO8601").dt.date.tolist() == [date(2022, 1, 1), date(2022, 1, 2)]
    text = data.decode("utf-8-sig")
    assert "\u2212" not in text and "'1" not in text and "'-1" not in text and '"' not in text


# --- For people: typed XLSX cells with Indian formats ------------------------------------------------------


def workbook(frame: pd.DataFrame, sheet: str = "data"):
    return load_workbook(io.BytesIO(safe_xlsx(frame, sheet))).active


@pytest.mark.parametrize(
    ("column", "values", "data_type", "number_format"),
    [
        (pd.Series([150778, -3], dtype="int64"), [150778, -3], "n", INDIAN_INTEGER),
        (pd.array([150778, None], dtype="Int64"), [150778, None], "n", INDIAN_INTEGER),
        (pd.Series([36.8, -1.9]), [36.8, -1.9], "n", indian_format(1)),
        (pd.Series([0.125, 2.0]), [0.125, 2.0], "n", indian_format(3)),
        (pd.Series([1.0, float("nan")]), [1.0, None], "n", INDIAN_INTEGER),
        (pd.Series([date(2022, 1, 1)], dtype="object"), [datetime(2022, 1, 1)], "d", DATE_FORMAT),
        (pd.Series(pd.to_datetime(["2022-01-01"])), [datetime(2022, 1, 1)], "d", DATE_FORMAT),
        (pd.Series([datetime(2022, 1, 1, 10, 5)], dtype="object"), [datetime(2022, 1, 1, 10, 5)], "d", TIME_FORMAT),
        (pd.Series(["=1+1", "-5 days"]), ["=1+1", "-5 days"], "s", "General"),
        (pd.Series(["a\x00b"]), ["ab"], "s", "General"),
    ],
    ids=[
        "integers",
        "nullable-integers",
        "one-decimal",
        "three-decimals",
        "whole-floats-missing-empty",
        "dates",
        "datetime64-dates",
        "times",
        "formula-looking-text-stays-text",
        "control-characters-dropped",
    ],
)
def test_safe_xlsx_writes_typed_cells(column, values, data_type, number_format) -> None:
    page = workbook(pd.DataFrame({"x": column}))
    cells = [page.cell(row=i + 2, column=1) for i in range(len(column))]
    assert [c.value for c in cells] == values
    present = [c for c in cells if c.value is not None]
    assert {c.data_type for c in present} == {data_type}
    assert {c.number_format for c in present} == {number_format}


def test_safe_xlsx_has_a_bold_frozen_header_and_readable_widths() -> None:
    frame = pd.DataFrame({"ज़िला": ["Raipur", "गौरेला-पेण्ड्रा-मरवाही"], "Doses": [150778, 5]})
    page = workbook(frame, "district-pace-2022-01-31")
    assert page.title == "district-pace-2022-01-31"
    assert [c.value for c in page[1]] == ["ज़िला", "Doses"] and all(c.font.bold for c in page[1])
    assert page.freeze_panes == "A2"
    assert page.column_dimensions["A"].width == len("गौरेला-पेण्ड्रा-मरवाही") + 2
    assert page.column_dimensions["B"].width == len("1,50,778") + 1 + 2  # as grouped, a sign, and a margin


@pytest.mark.parametrize(
    ("decimals", "expected"),
    [
        (0, r"[>=10000000]##\,##\,##\,##0;[>=100000]##\,##\,##0;##,##0"),
        (1, r"[>=10000000]##\,##\,##\,##0.0;[>=100000]##\,##\,##0.0;##,##0.0"),
        (2, r"[>=10000000]##\,##\,##\,##0.00;[>=100000]##\,##\,##0.00;##,##0.00"),
    ],
    ids=["whole", "one-decimal", "two-decimals"],
)
def test_indian_format(decimals, expected) -> None:
    assert indian_format(decimals) == expected


@pytest.mark.parametrize(
    ("sheet", "expected"),
    [
        ("audit-trail-2021-06-01-2021-06-30-and-more", "audit-trail-2021-06-01-2021-06-"),
        ("a/b:c", "a-b-c"),
        ("", "data"),
    ],
    ids=["at-most-31", "no-forbidden-characters", "a-name-always"],
)
def test_sheet_names_excel_accepts(sheet, expected) -> None:
    assert workbook(pd.DataFrame({"x": [1]}), sheet).title == expected


def test_an_empty_frame_still_makes_both_files() -> None:
    frame = pd.DataFrame({"Date": pd.Series(dtype="object"), "Doses": pd.Series(dtype="int64")})
    assert read_back(safe_csv(frame)) == [["Date", "Doses"]]
    assert [c.value for c in workbook(frame)[1]] == ["Date", "Doses"]
