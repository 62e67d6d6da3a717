"""The server's own checks of an uploaded file, before anything reads it: whatever the browser claimed.

A file is accepted only as
- `.csv`: UTF-8 text (with or without BOM) without NUL bytes, or
- `.xlsx`: a zip holding the parts of an Office Open XML workbook, with at most MAX_XLSX_MEMBERS parts that
  unpack to at most data.imports.files.MAX_XLSX_UNCOMPRESSED bytes together (zipfile never inflates a part beyond
  its declared size), none of them encrypted, without macros (a VBA project, Excel 4.0 macro sheets) or links to
  other workbooks (data.imports.files.workbook_problem), and no XML part declaring a document type or entities
  (an OOXML part never does: that is how billion-laughs and external-entity attacks come in);
and at most MAX_UPLOAD_BYTES in all. The name decides what the content must be, and the content must be it.

Reading the workbook afterwards (data.imports.files.read_table) goes through openpyxl, which parses with defusedxml
when it is installed (a runtime dependency): a second line of defence against the same attacks.
Every refusal is a data.imports.problems.Problem with a message in English and Hindi, never an exception; the
reasons it quotes are in the catalogue (stats/labels/problems.py, reason_*).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import PurePosixPath, PureWindowsPath

from data.imports.files import MAX_XLSX_UNCOMPRESSED, declares_dtd, size_text, workbook_problem
from data.imports.problems import Problem, details
from stats.labels import t

MAX_UPLOAD_MB = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
"""The largest file the upload page accepts (a year of one district's daily doses is about 3 MB as CSV)."""
MAX_XLSX_MEMBERS = 500
"""A workbook of one sheet has about a dozen parts; hundreds mean something else is inside."""
TYPES = ("csv", "xlsx")
EXTENSIONS = tuple(f".{name}" for name in TYPES)
XLSX_REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
"""Every OOXML workbook has these parts."""
MAX_NAME_LENGTH = 120

_XML_SUFFIXES = (".xml", ".rels", ".vml")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def safe_file_name(name: str) -> str:
    """The name to keep and show: its last path part (of either kind of path), without control characters,
    at most MAX_NAME_LENGTH characters (the extension kept)."""
    base = PureWindowsPath(PurePosixPath(str(name or "")).name).name
    base = _CONTROL.sub("", base).strip() or "upload"
    if len(base) <= MAX_NAME_LENGTH:
        return base
    stem, dot, suffix = base.rpartition(".")
    if dot and len(suffix) <= 8:
        return stem[: MAX_NAME_LENGTH - len(suffix) - 1] + "." + suffix
    return base[:MAX_NAME_LENGTH]


def extension(name: str) -> str:
    """The lower-cased extension of a file name (".csv"), or "" when it has none."""
    suffix = PurePosixPath(safe_file_name(name)).suffix
    return suffix.lower()


def fingerprint(content: bytes) -> str:
    """The SHA-256 of the file (hex), as the import batch records it."""
    return hashlib.sha256(content).hexdigest()


def check_upload(name: str, content: bytes) -> list[Problem]:
    """Everything wrong with an uploaded file as the server sees it (empty when it may be read)."""
    suffix = extension(name)
    if suffix not in EXTENSIONS:
        return [Problem(None, None, safe_file_name(name), "file_type")]
    if not content:
        return [Problem(None, None, None, "file_empty")]
    if len(content) > MAX_UPLOAD_BYTES:
        return [
            Problem(None, None, None, "file_too_large", details(size_text(len(content)), size_text(MAX_UPLOAD_BYTES)))
        ]
    if suffix == ".csv":
        return _check_csv(content)
    return _check_xlsx(content)


def _check_csv(content: bytes) -> list[Problem]:
    if content.startswith(b"PK\x03\x04"):
        return [_not_text("zip_file")]
    if b"\x00" in content:
        return [_not_text("binary")]
    try:
        content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [_not_text("not_utf8", byte=error.start + 1)]
    return []


def _reason(reason: str, **values: object) -> str:
    """A reason of the catalogue (problems.reason_<reason>) in English and Hindi, as a problem's detail."""
    key = f"problems.reason_{reason}"
    return details(t(key, "en", **values), t(key, "hi", **values))


def _not_text(reason: str, **values: object) -> Problem:
    return Problem(None, None, None, "csv_not_text", _reason(reason, **values))


def _not_workbook(reason: str, **values: object) -> Problem:
    return Problem(None, None, None, "xlsx_not_workbook", _reason(reason, **values))


def _check_xlsx(content: bytes) -> list[Problem]:
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        return [_not_workbook("old_xls")]
    if not content.startswith(b"PK\x03\x04"):
        return [_not_workbook("not_zip")]
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            if len(members) > MAX_XLSX_MEMBERS:
                return [Problem(None, None, None, "xlsx_too_many_parts", details(len(members), MAX_XLSX_MEMBERS))]
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_XLSX_UNCOMPRESSED:
                limit = size_text(MAX_XLSX_UNCOMPRESSED)
                return [Problem(None, None, None, "xlsx_too_large", details(size_text(unpacked), limit))]
            names = {member.filename for member in members}
            missing = [part for part in XLSX_REQUIRED_PARTS if part not in names]
            if missing:
                return [_not_workbook("missing_part", part=missing[0])]
            if any(member.flag_bits & 0x1 for member in members):
                return [_not_workbook("encrypted")]
            refusal = workbook_problem(archive)  # macros, links to other workbooks
            if refusal is not None:
                return [refusal]
            for member in members:
                if member.filename.lower().endswith(_XML_SUFFIXES) and declares_dtd(archive, member):
                    return [Problem(None, None, member.filename, "xlsx_unsafe_xml")]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as error:
        return [_not_workbook("damaged_zip", error=type(error).__name__)]
    return []
