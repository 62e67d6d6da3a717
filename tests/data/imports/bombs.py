"""Hostile uploads for the tests and tests/bench/bench_uploads.py: workbooks whose sheet inflates far beyond the file,
a billion-laughs sheet, macro-enabled and externally linked workbooks, CSVs of bad rows.

Only the standard library and openpyxl (for a template workbook), so that the benchmark can feed the same files to
another checkout of the project.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator

SHEET = "xl/worksheets/sheet1.xml"
DOSES_HEADER = ("date", "district", "centre_code", "centre_name", "age_band", "dose_number", "vaccine", "doses")
_OPEN = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_CLOSE = b"</sheetData></worksheet>"

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""
"""A sheet whose one cell expands to 10^9 "lol"s (3 GB) when an XML parser expands entities."""


def template() -> bytes:
    """A one-sheet workbook made by openpyxl, with a daily-doses header and one row."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(DOSES_HEADER))
    sheet.append(["2021-06-22", "Raipur", "RPR-PHC-01", "PHC Mana", "18-44", 1, "Covishield", 100])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_parts(workbook: bytes, parts: dict[str, bytes | Iterable[bytes]]) -> bytes:
    """The workbook with parts replaced or added; a part given as chunks is streamed into the zip (never whole)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info, source.read(info))
        for name, content in parts.items():
            if isinstance(content, bytes):
                target.writestr(name, content)
            else:
                with target.open(name, "w", force_zip64=True) as part:
                    for chunk in content:
                        part.write(chunk)
    return out.getvalue()


def _inline(column: str, line: int, text: str) -> str:
    return f'<c r="{column}{line}" t="inlineStr"><is><t>{text}</t></is></c>'


def _header_row() -> bytes:
    cells = "".join(_inline(chr(65 + i), 1, name) for i, name in enumerate(DOSES_HEADER))
    return f'<row r="1">{cells}</row>'.encode()


def bad_rows_sheet(inflated: int) -> Iterator[bytes]:
    """A sheet without <dimension> of about `inflated` bytes: the doses header, then rows of eight bad cells
    (no row or cell references, as a generator may write them), each breaking a rule."""
    row = b"<row>" + b'<c t="inlineStr"><is><t>x</t></is></c>' * 8 + b"</row>"
    yield _OPEN + _header_row()
    block = row * 1000
    for _ in range(max(1, inflated // len(block))):
        yield block
    yield _CLOSE


def far_cells_sheet(rows: int) -> Iterator[bytes]:
    """The doses header, then `rows` rows with one cell in the last column of a sheet (XFD): a reader that pads
    rows to their last cell makes 16,384 cells of each."""
    yield _OPEN + _header_row()
    for start in range(2, rows + 2, 1000):
        yield "".join(
            f'<row r="{n}">{_inline("XFD", n, "x")}</row>' for n in range(start, min(start + 1000, rows + 2))
        ).encode()
    yield _CLOSE


def dimension_bomb() -> bytes:
    """A sheet of two rows whose <dimension> claims the whole sheet (A1:XFD1048576)."""
    return (
        _OPEN.replace(b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>')
        + _header_row()
        + b'<row r="2">'
        + "".join(_inline(chr(65 + i), 2, v) for i, v in enumerate(("2021-06-22", "Raipur", "RPR-PHC-01"))).encode()
        + b"</row>"
        + _CLOSE
    )


def xlsx_bad_rows(inflated: int) -> bytes:
    return with_parts(template(), {SHEET: bad_rows_sheet(inflated)})


def macro_workbook(workbook: bytes) -> bytes:
    """The workbook as Excel saves an .xlsm: a VBA project and the macro-enabled content type."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        types = archive.read("[Content_Types].xml")
    types = types.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    return with_parts(workbook, {"[Content_Types].xml": types, "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(508)})


def linked_workbook(workbook: bytes) -> bytes:
    """The workbook with a link to another workbook (xl/externalLinks/externalLink1.xml)."""
    link = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>'
        b"</externalLink>"
    )
    return with_parts(workbook, {"xl/externalLinks/externalLink1.xml": link})


def csv_bad_rows(size: int) -> bytes:
    """A CSV of about `size` bytes: the doses header, then rows of eight bad cells (each row's last one distinct)."""
    lines = [",".join(DOSES_HEADER)]
    total = len(lines[0])
    n = 0
    while total < size:
        line = f"bad,bad,bad,bad,bad,bad,bad,{n}x"
        lines.append(line)
        total += len(line) + 2
        n += 1
    return ("\r\n".join(lines) + "\r\n").encode()


def csv_rows(count: int, row: str) -> bytes:
    """A CSV of the doses header and `count` copies of `row`."""
    return (",".join(DOSES_HEADER) + "\r\n" + (row + "\r\n") * count).encode()
