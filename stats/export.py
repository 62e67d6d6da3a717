"""Tables prepared for download, for programs and for people: a CSV a program reads as numbers and dates, and an
XLSX beside it with typed cells and Indian number formats for whoever opens it in a spreadsheet.

Both take a raw frame (numbers as numbers, dates as dates, percentages as plain numbers with the unit in the
column header), never a frame written for the screen ("1,50,778", "1 January 2022", "−1.9%").
"""

from __future__ import annotations

import io
import math
import re
from datetime import date, datetime
from decimal import Decimal

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these could run as a formula in a spreadsheet (CSV injection)."""
INDIAN_INTEGER = r"[>=10000000]##\,##\,##\,##0;[>=100000]##\,##\,##0;##,##0"
"""An integer with lakh/crore grouping (1,50,778; 1,23,45,678) in Excel and LibreOffice: two conditional sections
with literal commas (\\,) for a lakh and a crore and up, Western grouping below a lakh (the same digits). Below
zero the third section applies, so a negative number shows Western grouping (−1,50,778 as -150,778)."""
DATE_FORMAT = "dd-mm-yyyy"
TIME_FORMAT = "dd-mm-yyyy hh:mm"
MAX_DECIMALS = 4
"""The most decimals a float column's format shows (its cells keep every digit)."""
WIDTH_LIMITS = (8, 60)
"""Narrowest and widest column, in characters."""
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters an XLSX cell cannot hold (openpyxl refuses them)."""


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; anything else is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _is_text(column: pd.Series) -> bool:
    """True for a column of text (or mixed values): its cells are written as they are, neutralised."""
    return column.dtype == object or pd.api.types.is_string_dtype(column)


def _iso(value: object) -> object:
    """A date or time of a text column as ISO 8601 (2022-01-01; 2022-01-01 10:05:00); anything else unchanged."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def safe_csv(frame: pd.DataFrame) -> bytes:
    """The frame as CSV a program reads: ISO dates, plain integers, a decimal point, ASCII minus, no grouping;
    text cells neutralised (a number never is).

    UTF-8 with a BOM, because Excel opens a CSV without one in the machine's code page and garbles Hindi (pandas
    and Python's csv module with utf-8-sig read past it); CRLF rows, as RFC 4180 and spreadsheets expect.
    """
    cleaned = frame.copy()
    for column in cleaned.columns:
        series = cleaned[column]
        if _is_text(series):
            cleaned[column] = series.map(lambda v: neutralise(_iso(v)))
        elif pd.api.types.is_datetime64_any_dtype(series):
            times = series.dt.tz_localize(None) if series.dt.tz is not None else series
            midnight = bool((times.dropna() == times.dropna().dt.normalize()).all())
            cleaned[column] = times.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M:%S").astype(object)
    cleaned.columns = [neutralise(str(c)) for c in cleaned.columns]
    # CRLF rows, as spreadsheets expect; it also makes the csv module quote a cell holding a lone CR, which
    # with "\n" rows it would write bare, splitting the cell into a new row that could start with "=".
    return cleaned.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _decimals(values: pd.Series) -> int:
    """How many decimals the column's floats need to show as they are (at most MAX_DECIMALS)."""
    most = 0
    for value in values.dropna():
        if not math.isfinite(value):
            continue
        exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
        most = max(most, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return min(most, MAX_DECIMALS)


def indian_format(decimals: int = 0) -> str:
    """The Indian number format with the given decimals: INDIAN_INTEGER, or its sections ending .0, .00 …"""
    if decimals <= 0:
        return INDIAN_INTEGER
    tail = "." + "0" * decimals
    return ";".join(section + tail for section in INDIAN_INTEGER.split(";"))


def _cell(value: object) -> object:
    """A value as openpyxl writes it: NA as empty, numpy scalars as Python's, pandas times as naive datetimes."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    if isinstance(value, str):
        return ILLEGAL_XML.sub("", value)
    return value


def _number_format(series: pd.Series, values: list) -> str | None:
    """The display format of a column: Indian grouping for numbers, dd-mm-yyyy for dates; None for text."""
    if pd.api.types.is_bool_dtype(series):
        return None
    if pd.api.types.is_integer_dtype(series):
        return INDIAN_INTEGER
    if pd.api.types.is_float_dtype(series):
        return indian_format(_decimals(series))
    if pd.api.types.is_datetime64_any_dtype(series) or any(isinstance(v, datetime) for v in values):
        times = [v for v in values if isinstance(v, datetime)]
        return DATE_FORMAT if all(v == datetime(v.year, v.month, v.day) for v in times) else TIME_FORMAT
    if any(isinstance(v, date) for v in values):
        return DATE_FORMAT
    return None


def _width(header: str, values: list, number_format: str | None) -> float:
    """A column wide enough for its header and its longest cell as shown, within WIDTH_LIMITS."""
    if number_format == DATE_FORMAT:
        longest = 10
    elif number_format == TIME_FORMAT:
        longest = 16
    elif number_format is not None:  # digits, grouping commas and the decimals
        longest = max((len(f"{v:,}") for v in values if isinstance(v, (int, float))), default=1) + 2
    else:
        longest = max((len(str(v)) for v in values if v is not None), default=1)
    narrowest, widest = WIDTH_LIMITS
    return float(min(max(longest, len(str(header)), narrowest), widest) + 2)


def safe_xlsx(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """The frame as an XLSX workbook for people: typed cells (whole numbers, decimals, dates), Indian grouping
    and dd-mm-yyyy dates as the display formats, a bold and frozen header row, columns as wide as their cells.
    Text is written as text, never as a formula (a cell "=1+1" stays those characters)."""
    book = Workbook()
    page = book.active
    page.title = re.sub(r"[\[\]:*?/\\]", "-", sheet)[:31] or "data"
    bold = Font(bold=True)
    page.append([str(c) for c in frame.columns])
    for cell in page[1]:
        cell.font = bold
        cell.data_type = "s"
    columns = [[_cell(v) for v in frame[c].tolist()] for c in frame.columns] if len(frame.columns) else []
    formats = [_number_format(frame.iloc[:, i], values) for i, values in enumerate(columns)]
    for row in zip(*columns, strict=True):
        page.append(list(row))
    for index, (header, values, number_format) in enumerate(zip(frame.columns, columns, formats, strict=True), 1):
        letter = get_column_letter(index)
        for (cell,) in page.iter_rows(min_row=2, min_col=index, max_col=index):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl takes a string starting with "=" for a formula
            elif number_format is not None and cell.value is not None and not isinstance(cell.value, bool):
                cell.number_format = number_format
        page.column_dimensions[letter].width = _width(header, values, number_format)
    page.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
