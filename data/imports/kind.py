"""FileKind: everything the importer and undo know about one kind of file, in one record (data.imports.kinds
lists them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from sqlalchemy import Connection, Table

from data.imports.files import RawTable
from data.imports.problems import Problem


def no_centres() -> pd.DataFrame:
    """The centres a file creates, when it creates none."""
    return pd.DataFrame(columns=["centre_code", "centre_name", "district_code"])


@dataclass
class Plan:
    """What importing a valid file would do: which keys are new, changed (with the old values) or unchanged, and
    the problems only the database shows (then nothing is written)."""

    new: pd.DataFrame
    changed: pd.DataFrame
    unchanged: int
    problems: list[Problem] = field(default_factory=list)
    new_centres: pd.DataFrame = field(default_factory=no_centres)  # daily doses: code, name, district
    renamed_centres: list[dict] = field(default_factory=list)  # daily doses: code, district, old and new name
    centre_ids: dict[str, int] = field(default_factory=dict)  # daily doses: the stored centres' ids, by code
    revocations: list[tuple[str, str]] = field(default_factory=list)  # registry files: (certificate id, reason)
    stored: int = 0  # fact tables: the stored rows read to classify the file's (see FactTable.stored_values)


@dataclass(frozen=True)
class Undone:
    """What undoing an import changed."""

    restored: int  # changed rows given their previous values back
    deleted: int  # rows the import had added, removed
    days: int


class UndoRefused(Exception):
    """An import that cannot be undone; `rule` (and `detail`) say why, as a Problem would."""

    def __init__(self, rule: str, detail: str = "") -> None:
        super().__init__(rule)
        self.rule = rule
        self.detail = detail


Validator = Callable[[RawTable, date], tuple[pd.DataFrame, list[Problem]]]
"""A file's cells (at least one row) and today -> the typed good rows, and every problem."""
Planner = Callable[[pd.DataFrame, Connection], Plan]
"""Typed rows of a valid file -> what importing them would do (reads the database, writes nothing)."""
Writer = Callable[[Plan, int, Connection], None]
"""Write a plan as the import batch of that id, in the connection's transaction."""
DatabaseChecks = Callable[[RawTable, date, Connection], list[Problem]]
"""A file with bad cells -> the problems the database shows about its rows each on its own (reads, writes nothing)."""
Undoer = Callable[[int, int, Connection], Undone]
"""Undo the committed import of that id, which wrote that many rows (new + changed); raises UndoRefused."""


@dataclass(frozen=True)
class FileKind:
    """One kind of file of the data contract: how it is recognised, checked, planned, written and undone."""

    code: str
    """What import_batch.kind records."""
    columns: tuple[str, ...]
    """The header columns that identify it (header keys: trimmed, lower-cased)."""
    title: str
    """The catalogue key of its name (stats/labels/kinds.py)."""
    table: Table
    """Where its rows are stored."""
    key: tuple[str, ...]
    """The columns of the table that identify a stored row."""
    values: tuple[str, ...]
    """The columns of the table an import writes under a key (and may correct)."""
    validate: Validator
    plan: Planner
    write: Writer
    undo: Undoer | None = None
    """None: an import of this kind cannot be undone."""
    collector_column: str | None = None
    """A district collector may upload this kind, narrowed to the rows whose district (this column) is theirs;
    None: only the state officer may."""
    example: tuple[str, ...] = ()
    """An example row, a cell per column, that passes every check: the kind's upload template
    (data.imports.templates); empty: no template (the wide published layouts are uploaded as published)."""
    database_checks: DatabaseChecks | None = None
    """When some cells break a rule the plan is not made; these checks still give every row the problems only the
    database shows, so that one pass lists them all. None: the kind has no such check of a row on its own (a check
    of the file as a whole, such as a store's balance, needs every row)."""

    @property
    def undoable(self) -> bool:
        return self.undo is not None
