"""Every kind of file the importer reads, one record each (data.imports.kind.FileKind), in detection order.

Adding a kind: a module here that builds its FileKind (with an example row, its upload template, and any checks of
a row against the database as database_checks), one entry in KINDS (and its import), its title in
stats/labels/kinds.py (and any new problem messages in stats/labels/problems.py), and its tests.
"""

from __future__ import annotations

from data.imports.files import RawTable
from data.imports.kind import FileKind
from data.imports.kinds import beneficiaries, doses, published, series, stock, vaccinations
from data.imports.problems import Problem, details
from stats.labels import t

KINDS: tuple[FileKind, ...] = (
    doses.DOSES,
    stock.STOCK,
    series.SERIES,
    published.COWIN_STATE,
    published.COWIN_DISTRICT,
    published.MOHFW_STATE,
    beneficiaries.BENEFICIARIES,
    vaccinations.VACCINATIONS,
)
"""A file is of the first kind whose identifying columns are all in its header."""

UNKNOWN_TITLE = "kinds.unknown"
"""The catalogue key of the name of a file of no kind."""


def by_code(code: str | None) -> FileKind | None:
    """The kind an import batch records (import_batch.kind); None for none of them (such as the demo's batches)."""
    return next((kind for kind in KINDS if kind.code == code), None)


def title(code: str | None, lang: str = "en") -> str:
    """A kind's name in the language ("unrecognised file" for none)."""
    kind = by_code(code)
    return t(kind.title if kind is not None else UNKNOWN_TITLE, lang)


def detect(table: RawTable) -> tuple[FileKind | None, list[Problem]]:
    """The kind whose identifying columns are all present, or the problems of the nearest kind."""
    present = set(table.frame.columns)
    best, best_missing = None, None
    for kind in KINDS:
        missing = [c for c in kind.columns if c not in present]
        if not missing:
            return kind, []
        if best_missing is None or len(missing) < len(best_missing):
            best, best_missing = kind, missing
    if best is not None and best_missing is not None and len(best_missing) <= len(best.columns) // 2:
        detail = details(t(best.title, "en"), ", ".join(best.columns))
        return None, [Problem(1, c, None, "missing_column", detail) for c in best_missing]
    return None, [Problem(1, None, None, "unknown_kind")]


LOAD_ORDER: tuple[FileKind, ...] = (
    doses.DOSES,
    beneficiaries.BENEFICIARIES,
    vaccinations.VACCINATIONS,
    stock.STOCK,
    series.SERIES,
    published.COWIN_STATE,
    published.COWIN_DISTRICT,
    published.MOHFW_STATE,
)
"""The order one `python -m data.load` call imports its files in: daily doses create the centres that
vaccinations name and give the doses the stock check counts; beneficiaries come before their vaccinations;
stock after the doses; the published series depend on nothing (they come last)."""


def load_rank(kind: FileKind | None) -> int:
    """A kind's place in LOAD_ORDER (a file of no kind after them all)."""
    codes = [k.code for k in LOAD_ORDER]
    return codes.index(kind.code) if kind is not None and kind.code in codes else len(codes)
