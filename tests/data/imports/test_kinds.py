"""The file kinds (data.imports.kinds): one record each, listed once in detection order, each consistent with its
table and the catalogue; and the shared modules hold no branch on a kind."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from data.imports import kinds
from data.imports.files import RawTable
from data.imports.kind import FileKind
from data.imports.undo import UNDOABLE_FILE_KINDS
from stats.labels import CATALOGUE, LANGS, t

IMPORTS = Path(__file__).resolve().parents[3] / "data" / "imports"
DETECTION_ORDER = (
    "doses",
    "stock",
    "series",
    "cowin_state",
    "cowin_district",
    "mohfw_state",
    "beneficiaries",
    "vaccinations",
)
"""The import_batch.kind values, in the order a header is matched against them."""
IDS = [kind.code for kind in kinds.KINDS]


def _header(columns) -> RawTable:
    """A file with this header and one row of empty cells."""
    keys = list(columns)
    return RawTable(keys, pd.DataFrame({**{k: [""] for k in keys}, "_row": [2]}))


def test_every_kind_is_listed_once_in_detection_order() -> None:
    assert tuple(kind.code for kind in kinds.KINDS) == DETECTION_ORDER
    assert len(set(map(id, kinds.KINDS))) == len(kinds.KINDS)
    assert all(isinstance(kind, FileKind) for kind in kinds.KINDS)


@pytest.mark.parametrize("kind", kinds.KINDS, ids=IDS)
def test_a_header_of_a_kinds_own_columns_is_that_kind(kind: FileKind) -> None:
    """No kind listed earlier claims this kind's files: detection order holds for every kind."""
    assert kinds.detect(_header(kind.columns)) == (kind, [])
    assert kinds.by_code(kind.code) is kind


def test_the_first_matching_kind_wins() -> None:
    both = (*kinds.by_code("doses").columns, *kinds.by_code("vaccinations").columns)
    assert kinds.detect(_header(dict.fromkeys(both)))[0].code == "doses"


def test_a_near_miss_names_the_missing_columns_and_the_kind() -> None:
    doses = kinds.by_code("doses")
    kind, problems = kinds.detect(_header(c for c in doses.columns if c != "vaccine"))
    assert kind is None
    assert [(p.row, p.column, p.rule) for p in problems] == [(1, "vaccine", "missing_column")]
    assert (
        problems[0].message()
        == f"the header has no column 'vaccine' (a daily doses file needs: {', '.join(doses.columns)})."
    )


@pytest.mark.parametrize("kind", kinds.KINDS, ids=IDS)
def test_a_kinds_key_and_values_are_columns_of_its_table(kind: FileKind) -> None:
    columns = set(kind.table.columns.keys())
    assert kind.key and set(kind.key) <= columns
    assert kind.values and set(kind.values) <= columns
    assert not set(kind.key) & set(kind.values)
    assert "batch_id" in columns  # every stored row names the import that wrote it


@pytest.mark.parametrize("kind", kinds.KINDS, ids=IDS)
def test_a_kinds_title_is_in_the_catalogue_in_every_language(kind: FileKind) -> None:
    assert kind.title in CATALOGUE
    titles = [t(kind.title, lang) for lang in LANGS]
    assert all(titles) and len(set(titles)) == len(LANGS)
    assert kinds.title(kind.code, "hi") == t(kind.title, "hi")


def test_no_kind_is_unrecognised() -> None:
    assert kinds.by_code("demo") is None and kinds.by_code(None) is None
    assert kinds.title("demo") == "unrecognised file"


@pytest.mark.parametrize("kind", kinds.KINDS, ids=IDS)
def test_identifying_columns_are_header_keys(kind: FileKind) -> None:
    assert kind.columns and all(c == " ".join(c.split()).lower() for c in kind.columns)
    assert len(set(kind.columns)) == len(kind.columns)


def test_fact_tables_can_be_undone_and_the_registry_cannot() -> None:
    assert DETECTION_ORDER[:6] == UNDOABLE_FILE_KINDS
    assert [kind.undoable for kind in kinds.KINDS] == [kind.code in UNDOABLE_FILE_KINDS for kind in kinds.KINDS]
    assert not kinds.by_code("beneficiaries").undoable and not kinds.by_code("vaccinations").undoable


def test_a_collector_may_upload_daily_doses_only_narrowed_by_district() -> None:
    allowed = {kind.code: kind.collector_column for kind in kinds.KINDS if kind.collector_column is not None}
    assert allowed == {"doses": "district"}
    assert "district" in kinds.by_code("doses").columns


def test_the_wide_layouts_are_stored_as_published_series() -> None:
    series = kinds.by_code("series")
    for code in ("cowin_state", "cowin_district", "mohfw_state"):
        kind = kinds.by_code(code)
        assert (kind.table, kind.key, kind.values) == (series.table, series.key, series.values)
        assert (kind.plan, kind.write, kind.undo) == (series.plan, series.write, series.undo)
        assert kind.validate != series.validate


# --- No branch on a kind outside the kinds' own modules ---------------------------------------------------

SHARED = (
    "importer.py",
    "undo.py",
    "facts.py",
    "registry_rows.py",
    "kind.py",
    "cells.py",
    "files.py",
    "problems.py",
    "templates.py",
    "uploads.py",
    "registry.py",
    "parse.py",
)
"""The modules every kind goes through (stock_entry and workspace are the officer's forms, not the import path)."""


def _kind_comparisons(source: str) -> list[str]:
    """Comparisons of a name or attribute called kind or code with a string (or strings): kind == "doses",
    report.kind in ("stock", ...)."""

    def named_kind(node: ast.AST) -> bool:
        return (isinstance(node, ast.Name) and node.id in ("kind", "code")) or (
            isinstance(node, ast.Attribute) and node.attr in ("kind", "code")
        )

    def strings(node: ast.AST) -> bool:
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str)
        return isinstance(node, ast.Tuple | ast.List | ast.Set) and all(strings(e) for e in node.elts)

    return [
        f"line {node.lineno}: {ast.unparse(node)}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Compare)
        and any(named_kind(side) for side in (node.left, *node.comparators))
        and any(strings(side) for side in (node.left, *node.comparators))
    ]


def test_the_comparison_finder_finds_them() -> None:
    source = 'if kind == "doses" or report.kind in ("stock", "series") or kind is None or rule == "x":\n    pass\n'
    assert len(_kind_comparisons(source)) == 2


def test_the_importer_holds_no_kind_comparison() -> None:
    assert _kind_comparisons((IMPORTS / "importer.py").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("module", SHARED)
def test_no_shared_module_compares_or_names_a_kind(module: str) -> None:
    """A kind's code is written in its own module only: adding a kind changes none of these."""
    source = (IMPORTS / module).read_text(encoding="utf-8")
    assert _kind_comparisons(source) == []
    constants = {n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant)}
    assert constants & set(DETECTION_ORDER) == set()


def test_every_module_of_the_import_path_is_checked() -> None:
    modules = {path.name for path in IMPORTS.glob("*.py")} - {"__init__.py", "stock_entry.py", "workspace.py"}
    assert modules == set(SHARED)
