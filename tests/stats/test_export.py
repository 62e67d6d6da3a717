"""Downloads neutralise spreadsheet formulas (CSV injection) and keep everything else as it was."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stats.export import neutralise, safe_csv


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
