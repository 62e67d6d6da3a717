"""Reading an uploaded file (CSV with or without BOM, or XLSX) into text cells (data.imports.kinds tells its kind).

Reading is bounded, whatever the file claims: an XLSX is refused before it is opened when its parts inflate to more
than MAX_XLSX_UNCOMPRESSED or it holds macros or links to other workbooks (workbook_problem); its first sheet is
then read row by row as the XML streams (openpyxl's read-only parser; the sheet's <dimension> is never used), and
a CSV record by record (the common CSV, one record a line as wide as its header, in one go by Arrow's CSV reader:
_csv_table, which gives what record by record gives). Reading stops at the first row beyond MAX_ROWS (the file is
refused), a header wider than MAX_COLUMNS is refused, and each row keeps only the header's width: a value beyond it
is a problem naming its row and column, never dropped in silence. At most data.imports.problems.MAX_PROBLEMS
problems are listed.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
from defusedxml import DefusedXmlException

from data.imports.problems import MAX_PROBLEMS, Omitted, Problem, capped, details

MAX_XLSX_UNCOMPRESSED = 50 * 1024 * 1024
"""An XLSX whose parts inflate beyond this together is refused (a zip bomb, or not a spreadsheet we expect): a
workbook of 2,00,000 daily-dose rows inflates to about 25 MB."""
MAX_ROWS = 200_000
"""The most data rows a file may hold (2,00,000): a day of the whole state is about 42,000 rows."""
MAX_COLUMNS = 64
"""The widest header accepted (the widest layout, CoWIN's state series, has 24 columns)."""
_MACRO_PARTS = ("vbaproject.bin", "vbaprojectsignature.bin")
_MACRO_FOLDERS = ("xl/macrosheets/", "xl/dialogsheets/")  # Excel 4.0 macro sheets and dialog sheets
_MACRO_TYPES = (b"macroenabled", b"vbaproject", b"macrosheet")  # in [Content_Types].xml
_LINK_FOLDER = "xl/externallinks/"


class Refused(Exception):
    """The file cannot be read further; `problems` say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].rule)
        self.problems = problems


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


def size_text(size: int) -> str:
    """A byte count as a short size: 20 MB, 1.5 MB, 12 KB."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value >= 10 or value.is_integer() else f"{value:.1f} {unit}"
    return f"{size} B"


def column_letter(number: int) -> str:
    """A spreadsheet's name of the column at 1-based `number`: 1 -> A, 27 -> AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def workbook_problem(archive: zipfile.ZipFile) -> Problem | None:
    """What refuses a workbook before any of its XML is parsed: parts that inflate beyond MAX_XLSX_UNCOMPRESSED
    (the sizes the zip declares, which zipfile never inflates beyond), macros (a VBA project, Excel 4.0 macro
    sheets, a macro-enabled content type) or links to other workbooks (xl/externalLinks/)."""
    members = archive.infolist()
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_XLSX_UNCOMPRESSED:
        limit = size_text(MAX_XLSX_UNCOMPRESSED)
        return Problem(None, None, None, "xlsx_too_large", details(size_text(unpacked), limit))
    names = [member.filename.lower() for member in members]
    if any(name.rsplit("/", 1)[-1] in _MACRO_PARTS or name.startswith(_MACRO_FOLDERS) for name in names):
        return Problem(None, None, None, "xlsx_macros")
    links = [member.filename for member in members if member.filename.lower().startswith(_LINK_FOLDER)]
    if links:
        return Problem(None, None, links[0], "xlsx_external_links", links[0])
    types = next((m for m in members if m.filename == "[Content_Types].xml"), None)
    if types is not None and types.file_size <= 1 << 20:
        declared = archive.read(types).lower()
        if any(word in declared for word in _MACRO_TYPES):
            return Problem(None, None, None, "xlsx_macros")
        if b"externallink" in declared:
            return Problem(None, None, None, "xlsx_external_links", "[Content_Types].xml")
    return None


_DECLARATIONS = re.compile(
    b"|".join(
        re.escape(word.encode(encoding))
        for word in ("<!DOCTYPE", "<!ENTITY")
        for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    ),
    re.IGNORECASE,
)
"""The start of a document type or entity declaration, in UTF-8 or UTF-16 (an XML part may be in either)."""


def declares_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo | str) -> bool:
    """Whether an XML part declares a document type or entities (read in chunks of 1 MB, never whole): an OOXML
    part never does, and that is how billion-laughs and external-entity attacks come in."""
    tail = b""
    with archive.open(member) as part:
        while chunk := part.read(1 << 20):
            window = tail + chunk
            if _DECLARATIONS.search(window):
                return True
            tail = window[-32:]
    return False


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _INLINE = (_MAIN + tag for tag in ("row", "c", "v", "is"))
_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]*)")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, dict[int, str]]]:
    """The rows of the first sheet as (line, {column number: text}), parsed as the XML streams.

    openpyxl (read-only, parsing with defusedxml) reads the workbook's parts, shared strings and styles (the steps
    of load_workbook but the worksheets'); the first worksheet itself is read here, a row at a time and each row
    only as wide as the cells it holds: openpyxl's read-only worksheet scans the whole sheet for a <dimension>,
    pads every row to it (or to its last cell) and fills the rows between two far-apart lines. The sheet is
    parsed by the standard library's C parser once it is known to declare no document type or entity
    (declares_dtd): openpyxl took 72 s for a 45 MB sheet on this (busy) machine, this reader 11 s. Values are
    read as openpyxl reads them with data_only (a formula's cached value; numbers in a date style are dates).
    """
    from xml.etree.ElementTree import iterparse  # the C parser: the sheet is checked for declarations first

    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.utils.datetime import from_excel

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        problem = workbook_problem(archive)
        if problem is not None:
            raise Refused([problem])
        # load_workbook's steps without read_worksheets, whose read-only sheets scan each sheet for <dimension>
        reader = ExcelReader(io.BytesIO(content), read_only=True, data_only=True)
        try:
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            sheets = [rel.target for _, rel in reader.parser.find_sheets() if "chartsheet" not in rel.Type]
            strings, dates, epoch = reader.shared_strings, reader.wb._date_formats, reader.wb.epoch
        finally:
            reader.archive.close()
        path = next((target for target in sheets if target in archive.namelist()), None)
        if path is None:
            raise ValueError("the workbook has no worksheet")

        def value(cell) -> str:
            cell_type = cell.get("t", "n")
            if cell_type == "inlineStr":
                inline = cell.find(_INLINE)
                return "".join(inline.itertext()).strip() if inline is not None else ""
            text = cell.findtext(_VALUE)
            if not text:
                return ""
            if cell_type == "s":
                return _cell_text(strings[int(text)])
            if cell_type == "b":
                return str(text.strip() not in ("0", "false"))
            if cell_type == "n":
                number = float(text) if any(c in text for c in ".Ee") else int(text)
                if int(cell.get("s") or 0) in dates:
                    try:
                        return _cell_text(from_excel(number, epoch))
                    except (OverflowError, ValueError):
                        return "#VALUE!"
                return _cell_text(number)
            return text.strip()  # str (a formula's text), e (an error), d (an ISO date)

        if declares_dtd(archive, path):
            raise Refused([Problem(None, None, None, "xlsx_unsafe_xml")])
        line = 0
        with archive.open(path) as source:
            for _, element in iterparse(source):  # end events only: half the events of start and end
                if element.tag != _ROW:
                    continue
                line = int(element.get("r") or line + 1)
                cells: dict[int, str] = {}
                column = 0
                for cell in element.iter(_CELL):
                    match = _REFERENCE.fullmatch(cell.get("r") or "")
                    column = _column_number(match[1]) if match else column + 1
                    cells[column] = value(cell)
                element.clear()  # an emptied row stays in the tree until the end: at most MAX_ROWS of them
                yield line, cells


def _csv_rows(content: bytes) -> Iterator[tuple[int, list[str]]]:
    """The records of a CSV as (line, [text of column 1, 2, …]); a record's line is where it starts."""
    text = io.StringIO(content.decode("utf-8-sig"), newline="")
    reader = csv.reader(text)
    line = 1
    for record in reader:
        yield line, record
        line = reader.line_num + 1


def _csv_table(content: bytes) -> tuple[list[str], list[np.ndarray]] | None:
    """_bounded(_csv_rows(content)) for the common CSV, read in one go by Arrow's CSV reader: at most MAX_ROWS records,
    each on one line (no blank line) and exactly as wide as its trimmed header, UTF-8 without NUL; the header and a
    column of text per header cell (record i on line i + 2). None for any other CSV (then read record by record).

    Each column holds one str object per distinct value (Arrow's dictionary encoding): a state day's file reads in
    a third of the time Python's csv module takes, and hashing its cells afterwards (factorize, merge) is 3× faster.
    """
    if content[:3] == b"\xef\xbb\xbf":
        content = content[3:]
    lines = content.splitlines()  # \n, \r\n or \r, as Arrow and the csv module split records
    if len(lines) < 2 or len(lines) > MAX_ROWS + 1 or b"\x00" in content:
        return None
    try:
        header = next(csv.reader([lines[0].decode("utf-8")]))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None
    columns = [cell.replace("\ufeff", "").strip() for cell in header]
    if not columns or not columns[-1] or len(columns) > MAX_COLUMNS:
        return None
    names = [f"c{i}" for i in range(len(columns))]
    try:
        table = pa_csv.read_csv(
            io.BytesIO(content),
            read_options=pa_csv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pa_csv.ParseOptions(newlines_in_values=False, ignore_empty_lines=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowException:  # a record of another width, a quoted line break, text that is not UTF-8
        return None
    if table.num_rows != len(lines) - 1:  # a blank line was skipped, or a record spans lines
        return None
    cells = []
    for name in names:
        encoded = table.column(name).combine_chunks().dictionary_encode()
        cells.append(np.array(encoded.dictionary.to_pylist(), dtype=object)[encoded.indices.to_numpy()])
    return columns, cells


def _numbered(cells: dict[int, str] | list[str]) -> dict[int, str]:
    """A row's cells by column number (CSV records come as lists, XLSX rows as dicts: a sheet skips empty cells)."""
    return cells if isinstance(cells, dict) else dict(enumerate(cells, start=1))


def _bounded(
    rows: Iterator[tuple[int, dict[int, str] | list[str]]],
) -> tuple[list[str], list[list[str]], list[int]]:
    """The header and the data rows (each exactly the header's width) with their lines, read until the end or
    until a bound is crossed (Refused)."""
    first = next(rows, None)
    if first is None:
        return [], [], []
    cells = _numbered(first[1])
    columns = [cells.get(i, "").replace("\ufeff", "").strip() for i in range(1, max(cells, default=0) + 1)]
    while columns and not columns[-1]:
        columns.pop()
    width = len(columns)
    if width > MAX_COLUMNS:
        raise Refused([Problem(1, None, None, "too_many_columns", details(width, MAX_COLUMNS))])
    body: list[list[str]] = []
    lines: list[int] = []
    beyond: list[Problem] = []
    omitted: list[int] = []
    blank = [""] * width
    for count, (line, cells) in enumerate(rows, start=1):
        if count > MAX_ROWS or line > MAX_ROWS + 1:
            raise Refused([Problem(None, None, None, "too_many_rows", _lakh())])
        if isinstance(cells, list):  # a CSV record: most rows are exactly the header's width
            if len(cells) <= width or not any(cells[width:]):
                if not beyond:
                    body.append(cells[:width] + blank[len(cells) :])
                    lines.append(line)
                continue
            cells = _numbered(cells)
        extra = [i for i, text in cells.items() if i > width and text]
        if extra:
            if len(beyond) < MAX_PROBLEMS:
                first = min(extra)
                beyond.append(Problem(line, column_letter(first), cells[first][:40], "beyond_header", str(width)))
            else:
                omitted.append(line)
        if not beyond:
            body.append([cells.get(i, "") for i in range(1, width + 1)])
            lines.append(line)
    if beyond:
        raise Refused(capped(beyond + ([Omitted(None, None, None, "omitted", rows=tuple(omitted))] if omitted else [])))
    return columns, body, lines


def _lakh() -> str:
    from stats.formatting import indian_number

    return indian_number(MAX_ROWS)


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
        cells = None
        if content[:4] == b"PK\x03\x04":
            columns, body, lines = _bounded(_xlsx_rows(content))
        elif (fast := _csv_table(content)) is not None:
            (columns, cells), body = fast, []
            lines = list(range(2, len(cells[0]) + 2))
        else:
            columns, body, lines = _bounded(_csv_rows(content))
    except Refused as refusal:
        return None, refusal.problems
    except UnicodeDecodeError:
        return None, [Problem(None, None, None, "unreadable", "it is neither UTF-8 text nor an XLSX workbook")]
    except Exception as error:  # a damaged or unsafe workbook, a malformed CSV
        return None, [_unreadable(error)]
    if not columns and not body:
        return None, [Problem(1, None, None, "no_rows")]
    keys = [header_key(c) for c in columns]
    seen: set[str] = set()
    problems = []
    for name, key in zip(columns, keys, strict=True):
        if key in seen:
            problems.append(Problem(1, name, None, "duplicate_column"))
        seen.add(key)
    if problems:
        return None, problems
    if cells is not None:
        frame = pd.DataFrame(dict(zip(keys, cells, strict=True)), dtype=object)
    elif body:
        frame = pd.DataFrame(body, columns=keys, dtype=object)
    else:
        frame = pd.DataFrame(columns=keys, dtype=object)
    frame["_row"] = lines
    if keys:
        blank = frame[keys[0]].to_numpy() == ""  # most rows have a first cell: compare the others on the rest only
        if blank.any():
            blank[blank] = frame.loc[blank, keys].eq("").all(axis=1).to_numpy()
    else:
        blank = np.ones(len(frame), dtype=bool)
    if blank.any():
        frame = frame[~blank].reset_index(drop=True)
    return RawTable(columns, frame), []
