"""Tables prepared for download: CSV that a spreadsheet opens as text, never as a formula."""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these could run as a formula in a spreadsheet (CSV injection)."""


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; anything else is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV (with BOM, so Excel shows Hindi correctly), formulas neutralised."""
    cleaned = frame.copy()
    for column in cleaned.columns:
        if cleaned[column].dtype == object or pd.api.types.is_string_dtype(cleaned[column]):
            cleaned[column] = cleaned[column].map(neutralise)
    cleaned.columns = [neutralise(str(c)) for c in cleaned.columns]
    # CRLF rows, as spreadsheets expect; it also makes the csv module quote a cell holding a lone CR, which
    # with "\n" rows it would write bare, splitting the cell into a new row that could start with "=".
    return cleaned.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
