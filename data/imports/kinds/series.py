"""Published series in the long format: one cumulative figure per row (date, area, source, metric, value), stored
as published (published_value); the wide published layouts (data.imports.kinds.published) are stored the same."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from data import master as reference
from data.imports.cells import (
    CAMPAIGN_START,
    Invalid,
    checkable,
    convert,
    date_rule,
    duplicate_keys,
    in_file_order,
    not_yet_formed,
    pattern_rule,
    published_value,
    required,
    text_rule,
    typed_frame,
)
from data.imports.facts import FactTable
from data.imports.files import RawTable
from data.imports.kind import FileKind
from data.imports.problems import Problem
from data.master import name_key
from data.models import STATE, PublishedValue

COLUMNS = ("date", "area", "source", "metric", "value")
KEY = ("source", "area", "date", "metric")
SOURCE_NAME = re.compile(r"[a-z0-9_]{1,16}")


def is_state(text: str) -> bool:
    """Whether a name is the state's own (in English or Hindi, one of its codes, or STATE)."""
    return name_key(text) == name_key(STATE) or reference.state().resolve(text) is not None


def _source(text: str) -> str:
    """A source name, lower-cased (problems quote the cell as written, so lower-case it here)."""
    return pattern_rule(SOURCE_NAME, "unknown_source")(text.lower())


def _area(text: str) -> str:
    required(text)
    if is_state(text):
        return STATE
    code = reference.districts().resolve(text)
    if code is None:
        raise Invalid("unknown_area")
    return code


def typed_series(
    long: pd.DataFrame, labels: dict, problems: list[Problem], table: RawTable, today: date
) -> tuple[pd.DataFrame, list[Problem]]:
    """Rows of (source, area, date, metric, value) as text, typed; `labels` names the file's columns of area, date
    and value in problems (a name, or for the value a name per row)."""
    columns = {
        "source": convert(long, "source", _source, problems, "source"),
        "area": convert(long, "area", _area, problems, labels["area"]),
        "date": convert(long, "date", date_rule(CAMPAIGN_START, today), problems, labels["date"]),
        "metric": convert(long, "metric", text_rule(64), problems, "metric"),
        "value": convert(long, "value", published_value, problems, labels["value"]),
    }
    typed = typed_frame(long, columns, problems)
    typed["value"] = typed["value"].astype("int64")
    # The rules across rows check every row whose cells they need are good: one pass finds them all.
    cells, area, day = list(problems), labels["area"], labels["date"]
    not_yet_formed(
        checkable(long, columns, cells, {"area": area, "date": day}),
        long,
        problems,
        code_column="area",
        cell_column="area",
        label=area,
        rule="area_not_formed",
    )
    keyed = checkable(long, columns, cells, {"source": "source", "area": area, "date": day, "metric": "metric"})
    duplicate_keys(keyed, KEY, problems, "date")
    return typed, in_file_order(problems, table)


def validate(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
    return typed_series(table.frame, {"area": "area", "date": "date", "value": "value"}, [], table, today)


FACTS = FactTable(PublishedValue.__table__, KEY, "value")

EXAMPLE = ("2021-06-22", "Chhattisgarh", "cowin", "Total Doses Administered", "6605593")
"""The template's example row (data.imports.templates), a cell per column: it passes every check."""


SERIES = FileKind(
    code="series",
    columns=COLUMNS,
    example=EXAMPLE,
    title="kinds.series",
    table=FACTS.table,
    key=FACTS.table_key,
    values=(FACTS.value,),
    validate=validate,
    plan=FACTS.plan,
    write=FACTS.write,
    undo=FACTS.undo,
)
