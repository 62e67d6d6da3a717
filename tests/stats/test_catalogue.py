"""The one catalogue of words (stats/labels): complete in both languages, every key the code asks for exists, and
no Devanagari text outside it (and the reference data of data/master/)."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from stats.labels import CATALOGUE, MODULES

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("app.py", "pages", "data", "stats")
"""Where user-facing words could hide."""
ALLOWED = ("stats/labels/", "data/master/")
"""Where Devanagari text belongs: the catalogue and the reference data."""
DEVANAGARI = re.compile("[\u0900-\u097f]")
KEY_CALLS = ("t", "label", "both", "UserError")
"""Functions (called by their plain name, not as a method such as SQLAlchemy's column.label) whose first argument,
a string literal, is a catalogue key."""


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for root in SCANNED:
        path = ROOT / root
        for file in [path] if path.is_file() else sorted(path.rglob("*.py")):
            yield file.relative_to(ROOT).as_posix(), ast.parse(file.read_text(encoding="utf-8"))


def _placeholders(text: str) -> set[str]:
    """The values a text is filled with (parts[0] and parts[1] are both parts: a language may pick other items)."""
    return {re.split(r"[.\[]", name)[0] for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_texts_with_the_same_placeholders(key: str) -> None:
    english, hindi = CATALOGUE[key]
    assert english.strip() and hindi.strip(), key
    assert _placeholders(english) == _placeholders(hindi), key


def test_every_module_listed_exists_and_has_entries() -> None:
    for name in MODULES:
        if name in ("problems", "kinds"):  # being written by another change
            continue
        assert any(key.startswith(f"{name}.") for key in CATALOGUE), name


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the string constants that stand alone as statements: docstrings (module, class, function, attribute)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }


def _devanagari_literals(tree: ast.Module) -> list[int]:
    """Line numbers of the string literals (f-strings' parts included) with Devanagari, docstrings left out."""
    skip = _docstrings(tree)
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and DEVANAGARI.search(node.value)
    )


def test_no_devanagari_literal_outside_the_catalogue() -> None:
    """Hindi words come from stats/labels (names from data/master via the database); a literal elsewhere is a word
    the catalogue misses. Docstrings and comments may keep examples."""
    found = {}
    for path, tree in _sources():
        lines = [] if path.startswith(ALLOWED) else _devanagari_literals(tree)
        if lines:
            found[path] = lines
    assert found == {}


def _literal_keys() -> Iterator[tuple[str, int, str]]:
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else None
            first = node.args[0]
            if name in KEY_CALLS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield path, node.lineno, first.value


def test_every_literal_key_the_code_asks_for_exists() -> None:
    asked = list(_literal_keys())
    assert len(asked) > 300  # the scan finds the calls
    missing = [f"{path}:{line} {key}" for path, line, key in asked if key not in CATALOGUE]
    assert missing == []


def test_the_scan_sees_f_strings_and_skips_docstrings() -> None:
    tree = ast.parse('"""डॉकस्ट्रिंग"""\nx = f"{y} खुराक"\ndef f():\n    """टीका"""\n    return "ठीक"\n')
    assert _devanagari_literals(tree) == [2, 5]
