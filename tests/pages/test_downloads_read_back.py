"""Every table download of the dashboard's pages, read back as a program and a spreadsheet would: the CSV with
pandas' default options (whole numbers as integers, dates in ISO 8601), the XLSX beside it with openpyxl (the same
rows, typed cells, Indian number formats, dd-mm-yyyy dates). The buttons are spied on as in
test_downloads_audited.py (its `offers` fixture)."""

from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from stats.export import DATE_FORMAT, INDIAN_INTEGER, TIME_FORMAT
from tests.pages.conftest import open_page
from tests.pages.test_downloads_audited import Offer, offers  # noqa: F401 (the fixture)

PAGES = [
    ("summary", None),
    ("overview", "officer.test"),
    ("district_pace", "officer.test"),
    ("data_quality", "officer.test"),
    ("stock", "officer.test"),
    ("bulletin", "officer.test"),
    ("users", "officer.test"),
    ("audit_trail", "officer.test"),
]


def pairs(offered: dict[str, Offer]) -> list[tuple[Offer, Offer]]:
    """(CSV, XLSX) of every table offered in both formats."""
    by_name = {offer.file_name: offer for offer in offered.values()}
    return [
        (offer, by_name[offer.file_name.removesuffix(".csv") + ".xlsx"])
        for name, offer in sorted(by_name.items())
        if name.endswith(".csv")
    ]


def typed_cells(xlsx: Offer) -> tuple[list[str], list[list[object]], list[list[str]]]:
    """The workbook's header, its columns' values and its columns' number formats."""
    page = load_workbook(io.BytesIO(xlsx.data)).active
    rows = list(page.iter_rows())
    header = [c.value for c in rows[0]]
    width = len(header)
    values = [[row[i].value if i < len(row) else None for row in rows[1:]] for i in range(width)]
    formats = [[row[i].number_format if i < len(row) else "General" for row in rows[1:]] for i in range(width)]
    return header, values, formats


@pytest.mark.parametrize(("page", "user"), PAGES, ids=[page for page, _ in PAGES])
def test_every_table_download_reads_back_typed(app_db, offers, page, user) -> None:  # noqa: F811
    app = open_page(page, user=user) if user else open_page(user=None)
    assert not app.exception, [e.value for e in app.exception]
    found = pairs(offers)
    assert found, f"{page}: no table offered as CSV and XLSX"
    for csv, xlsx in found:
        frame = pd.read_csv(io.BytesIO(csv.data))
        header, columns, formats = typed_cells(xlsx)
        assert header == list(frame.columns), csv.file_name
        assert all(len(column) == len(frame) for column in columns), (xlsx.file_name, len(frame))
        for name, values, shown in zip(header, columns, formats, strict=True):
            present = [(v, f) for v, f in zip(values, shown, strict=True) if v is not None]
            kinds = {type(v) for v, _ in present}
            if kinds <= {int, float} and kinds:  # numbers: numbers in the CSV, lakh/crore grouping in the workbook
                assert pd.api.types.is_numeric_dtype(frame[name]), (csv.file_name, name, frame[name].dtype)
                assert frame[name].dropna().tolist() == [v for v, _ in present], (csv.file_name, name)
                assert all(f.startswith("[>=10000000]##\\,##\\,##\\,##0") for _, f in present), (xlsx.file_name, name)
                if str(frame[name].dtype) == "float64" and kinds == {int}:  # whole values of a decimal column
                    assert frame[name].dropna().apply(float.is_integer).all(), (csv.file_name, name)
            elif kinds == {datetime}:  # dates and times: ISO in the CSV, date cells in the workbook
                parsed = pd.to_datetime(frame[name].dropna(), format="ISO8601")
                assert list(parsed) == [v for v, _ in present], (csv.file_name, name)
                assert {f for _, f in present} <= {DATE_FORMAT, TIME_FORMAT}, (xlsx.file_name, name)


def test_the_overview_daily_doses_are_dates_and_whole_numbers(app_db, offers) -> None:  # noqa: F811
    open_page("overview", user="officer.test")
    csv = offers["download-daily-doses"]
    frame = pd.read_csv(io.BytesIO(csv.data), parse_dates=["Date"])
    assert frame["Date"].dt.date.iloc[-1] == date(2021, 6, 22)
    assert frame["Doses"].dtype == "int64" and frame["Doses"].iloc[-1] == 740
    header, columns, formats = typed_cells(offers["download-daily-doses-xlsx"])
    assert header[:2] == ["Date", "Doses"]
    assert columns[0][-1] == datetime(2021, 6, 22) and formats[0][-1] == DATE_FORMAT
    assert columns[1][-1] == 740 and formats[1][-1] == INDIAN_INTEGER


def test_the_league_workbook_has_raipurs_figures_typed(app_db, offers) -> None:  # noqa: F811
    open_page("district_pace", user="officer.test")
    header, columns, formats = typed_cells(offers["dp_league_csv-xlsx"])
    row = {name: (values[0], shown[0]) for name, values, shown in zip(header, columns, formats, strict=True)}
    assert row["District"] == ("Raipur", "General")
    assert row["Eligible people"] == (1633929, INDIAN_INTEGER)  # shown 16,33,929
    assert row["Required a day"] == (7645, INDIAN_INTEGER)
    assert isinstance(row["Coverage, dose 1 (%)"][0], float)


def test_hindi_downloads_keep_hindi_headers_and_plain_numbers(app_db, offers) -> None:  # noqa: F811
    open_page("district_pace", user="officer.test", lang="hi")
    frame = pd.read_csv(io.BytesIO(offers["dp_league_csv"].data))
    assert frame.columns[1] == "ज़िला" and frame.iloc[0, 1] == "रायपुर"
    assert frame["पात्र लोग"].dtype == "int64" and frame["पात्र लोग"].iloc[0] == 1633929
    header, _, _ = typed_cells(offers["dp_league_csv-xlsx"])
    assert header == list(frame.columns)
