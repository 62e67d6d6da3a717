"""A template for each kind of file a viewer may upload: its columns and its example row (both from its FileKind
record), which passes every check (tests/data/imports/test_templates.py imports each as a dry run).

The examples fit together: the vaccinations example names the beneficiaries example's person and the daily-doses
example's centre, so importing the templates in kinds.LOAD_ORDER on an empty database leaves no problem.
"""

from __future__ import annotations

import csv
import io

from data.imports import kinds
from data.imports.kind import FileKind


def template_kinds(collector: bool) -> list[FileKind]:
    """The kinds with a template the viewer may upload: daily doses for a collector, every one for the officer."""
    return [kind for kind in kinds.LOAD_ORDER if kind.example and (not collector or kind.collector_column is not None)]


def template_csv(kind: FileKind) -> bytes:
    """The kind's header and example row as a UTF-8 CSV file."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(kind.columns)
    writer.writerow(kind.example)
    return buffer.getvalue().encode("utf-8")


def template_file_name(kind: FileKind) -> str:
    """The name a kind's template downloads as."""
    return f"template-{kind.code}.csv"
