"""Reading an uploaded file (CSV with or without BOM, or XLSX) into text cells (data.imports.kinds tells its kind)."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from defusedxml import DefusedXmlException

from data.imports.problems import Problem

MAX_XLSX_UNCOMPRESSED = 512 * 1024 * 1024
"""An XLSX that inflates beyond this is refused (a zip bomb, or not a spreadsheet we expect)."""


@dataclass
class RawTable:
    """The cells of a file as trimmed text; `columns` are the header as written, `frame` uses keys."""

    columns: list[str]
    frame: pd.DataFrame  # one column per header key (trimmed, lower-cased) plus "_row", the file line


def header_key(name: str) -> str:
    return " ".join(str(name).replace("\ufeff", "").split()).lower()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook  # openpyxl parses with defusedxml when it is installed

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNCOMPRESSED:
            raise ValueError("the spreadsheet inflates to more than 512 MB")
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _read_csv(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _defused(error: BaseException | None) -> bool:
    """Whether defusedxml refused the XML (openpyxl re-raises its exceptions as a ValueError "from" them)."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DefusedXmlException):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def _unreadable(error: Exception) -> Problem:
    if _defused(error):  # entity declarations or external references: billion laughs, XXE
        return Problem(None, None, None, "xlsx_unsafe_xml")
    if isinstance(error, ValueError | zipfile.BadZipFile | KeyError | csv.Error | OSError):
        return Problem(None, None, None, "unreadable", str(error) or type(error).__name__)
    # openpyxl raises XML parse errors, InvalidFileException, ...
    return Problem(None, None, None, "unreadable", f"not a readable XLSX workbook ({type(error).__name__})")


def read_table(content: bytes, file_name: str) -> tuple[RawTable | None, list[Problem]]:
    """Parse the bytes as XLSX (by its zip signature) or CSV; return the table or what went wrong."""
    try:
        rows = _read_xlsx(content) if content[:4] == b"PK\x03\x04" else _read_csv(content)
    except UnicodeDecodeError:
        return None, [Problem(None, None, None, "unreadable", "it is neither UTF-8 text nor an XLSX workbook")]
    except Exception as error:  # a damaged or unsafe workbook, a malformed CSV
        return None, [_unreadable(error)]
    if not rows:
        return None, [Problem(1, None, None, "no_rows")]
    columns = [cell.replace("\ufeff", "").strip() for cell in rows[0]]
    while columns and not columns[-1]:
        columns.pop()
    keys = [header_key(c) for c in columns]
    seen: set[str] = set()
    problems = []
    for name, key in zip(columns, keys, strict=True):
        if key in seen:
            problems.append(Problem(1, name, None, "duplicate_column"))
        seen.add(key)
    if problems:
        return None, problems
    width = len(keys)
    body = [(row + [""] * width)[:width] if len(row) != width else row for row in rows[1:]]
    frame = pd.DataFrame(body, columns=keys, dtype=object) if body else pd.DataFrame(columns=keys, dtype=object)
    frame["_row"] = range(2, len(body) + 2)
    blank = frame[keys].eq("").all(axis=1) if keys else pd.Series(True, index=frame.index)
    frame = frame[~blank].reset_index(drop=True)
    return RawTable(columns, frame), []
