"""Cell rules that every kind of file shares: converting a column cell by cell, the rules for dates, master
names, text and patterns, the duplicate-key check, the typed frame of the good rows and the order of problems.

A rule takes the trimmed text of one cell and returns its value, or raises ParseError (data.imports.parse) or
Invalid; either becomes a Problem naming the row, the column, the cell and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache

import numpy as np
import pandas as pd

from data import master as reference
from data.imports.files import RawTable, header_key
from data.imports.parse import ParseError, parse_count, parse_date
from data.imports.problems import MAX_PROBLEMS, Omitted, Problem, capped, details
from stats.districts import owner_on
from stats.formatting import indian_number, long_date

CAMPAIGN_START = date(2021, 1, 16)
"""India's COVID-19 vaccination began on this day; no dose or published figure can be older."""
CENTRE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-/.]{0,31}")

Rule = Callable[[str], object]
"""A cell's text (trimmed) -> its value; raises ParseError or Invalid."""

MAX_DOSES = 100_000
"""The most doses one cell of a daily-doses file may hold (one centre, day, age band, dose and vaccine), and the
most one centre may report for one day over all its rows of a file: 1,00,000. The largest one-day camps gave a few
thousand doses at a site; a state day is about 1,25,000 doses over some 42,000 rows."""
MAX_STOCK_QUANTITY = 10_000_000
"""The most doses one stock movement may carry: 1 crore (the state received at most a few lakh in one consignment)."""
MAX_PUBLISHED_VALUE = 10_000_000_000
"""The largest published figure: 1,000 crore, more than every dose given in India (about 220 crore)."""


class Invalid(Exception):
    """A cell broke a rule of the catalogue (stats/labels/problems.py)."""

    def __init__(self, rule: str, detail: str = "") -> None:
        super().__init__(rule)
        self.rule = rule
        self.detail = detail


def required(text: str) -> None:
    """An empty cell breaks the rule `required`."""
    if not text:
        raise ParseError("required", "")


def convert(
    frame: pd.DataFrame,
    column: str,
    rule: Rule,
    problems: list[Problem],
    label: str | pd.Series,
) -> pd.Series:
    """Apply `rule` to each distinct value of a column; each failing cell becomes a Problem.

    `label` names the column in problems: one name, or a name per row (wide files, one per metric).
    """
    raw = frame[column]
    codes, uniques = pd.factorize(raw, use_na_sentinel=False)
    converted = np.empty(len(uniques), dtype=object)
    bad: dict[int, tuple[str, str]] = {}
    for i, text in enumerate(uniques):
        try:
            converted[i] = rule(text.strip())
        except ParseError as error:
            bad[i] = (error.rule, "")
        except Invalid as error:
            bad[i] = (error.rule, error.detail)
    if bad:
        mask = np.isin(codes, list(bad))
        lines = frame["_row"].to_numpy()[mask]
        kept = np.ones(len(lines), dtype=bool)
        if len(lines) > MAX_PROBLEMS:  # only the first MAX_PROBLEMS lines can be listed: count the others
            kept = lines <= np.sort(lines)[MAX_PROBLEMS - 1]
            problems.append(Omitted(None, None, None, "omitted", rows=tuple(int(r) for r in lines[~kept])))
        labels = label[mask][kept] if isinstance(label, pd.Series) else [label] * int(kept.sum())
        for row, code, name in zip(lines[kept], codes[mask][kept], labels, strict=True):
            rule_name, detail = bad[int(code)]
            problems.append(Problem(int(row), name, uniques[code].strip(), rule_name, detail))
    return pd.Series(converted[codes], index=raw.index, dtype=object)


def count_rule(maximum: int) -> Callable[[str], int]:
    """A count (data.imports.parse.parse_count) of at most `maximum`; a larger one breaks the rule
    `count_above_maximum`, whose message gives the maximum. Every maximum is far below a database integer's largest
    value (2^63 - 1), so that no count, nor a sum of a file's counts, can overflow one."""
    shown = indian_number(maximum)

    def rule(text: str) -> int:
        value = parse_count(text)
        if value > maximum:
            raise Invalid("count_above_maximum", shown)
        return value

    return rule


dose_count = count_rule(MAX_DOSES)
stock_quantity = count_rule(MAX_STOCK_QUANTITY)
published_value = count_rule(MAX_PUBLISHED_VALUE)


def centre_day_totals(
    typed: pd.DataFrame, problems: list[Problem], *, centre: str, count: str, maximum: int = MAX_DOSES
) -> None:
    """Every centre (typed[centre]) and day (typed["date"]) whose rows of the file add up (typed[count]) to more
    than `maximum` is a problem `centre_day_above_maximum` on its first row, in the column `count`, naming the
    centre, the day, its total and the maximum."""
    if typed.empty:
        return
    totals = typed.groupby(["date", centre], sort=False)[count].transform("sum")
    over = typed[totals.to_numpy() > maximum].drop_duplicates(["date", centre])
    for row, code, day, total in zip(over["_row"], over[centre], over["date"], totals[over.index], strict=True):
        shown = details(indian_number(int(total)), indian_number(maximum), long_date(day, "en"), long_date(day, "hi"))
        problems.append(Problem(int(row), count, code, "centre_day_above_maximum", shown))


def date_rule(earliest: date, today: date) -> Callable[[str], date]:
    """A date, not after today and not before `earliest`."""

    def rule(text: str) -> date:
        value = parse_date(text)
        if value > today:
            raise Invalid("future_date", today.isoformat())
        if value < earliest:
            raise Invalid("before_campaign", earliest.isoformat())
        return value

    return rule


def lookup_rule(lookup: reference.Lookup, name: str) -> Callable[[str], str]:
    """The code of a name of the master data; an unknown name breaks the rule `name`."""

    def rule(text: str) -> str:
        required(text)
        code = lookup.resolve(text)
        if code is None:
            raise Invalid(name)
        return code

    return rule


def text_rule(limit: int) -> Callable[[str], str]:
    """Text of at most `limit` characters."""

    def rule(text: str) -> str:
        required(text)
        if len(text) > limit:
            raise Invalid("text_too_long", str(limit))
        return text

    return rule


def pattern_rule(pattern: re.Pattern[str], name: str) -> Callable[[str], str]:
    """Text matching `pattern` whole; other text breaks the rule `name`."""

    def rule(text: str) -> str:
        required(text)
        if not pattern.fullmatch(text):
            raise Invalid(name)
        return text

    return rule


@cache
def formation_detail(code: str, day: date) -> str:
    """The detail of a row for a district dated before its formation: the district, its formation day, the row's
    day and the district to use instead, each in English and Hindi (messages read them as parts[0] to parts[7])."""
    table = reference.district_table()
    names = dict(zip(table["code"], zip(table["name_en"], table["name_hi"], strict=True), strict=True))
    formed = dict(zip(table["code"], table["formed_on"], strict=True))[code]
    owner = owner_on(table, code, day)
    return details(
        *names[code],
        long_date(formed, "en"),
        long_date(formed, "hi"),
        long_date(day, "en"),
        long_date(day, "hi"),
        *names[owner],
    )


@cache
def formation_days() -> dict[str, date]:
    """Code -> formation day of the districts of the master list formed during the campaign's years."""
    table = reference.district_table()
    return {code: day for code, day in zip(table["code"], table["formed_on"], strict=True) if day is not None}


def formed_later(code: str, day: date) -> bool:
    """True when `code` is a district of the master list formed after `day` (its area then belonged to another)."""
    formed = formation_days().get(code)
    return formed is not None and day < formed


def not_yet_formed(
    typed: pd.DataFrame,
    frame: pd.DataFrame,
    problems: list[Problem],
    *,
    code_column: str,
    cell_column: str,
    label: str,
    rule: str,
    date_column: str = "date",
) -> None:
    """Every good row whose district (typed[code_column]) did not exist yet on its day is a problem `rule` naming
    the district to use instead; its value is the cell as written (frame[cell_column] of the same line)."""
    if typed.empty:
        return
    formed = formation_days()
    candidates = typed[typed[code_column].isin(list(formed))]
    if candidates.empty:
        return
    formed_on = candidates[code_column].map(formed)
    early = candidates[candidates[date_column].to_numpy() < formed_on.to_numpy()]
    if early.empty:
        return
    cells = dict(zip(frame["_row"], frame[cell_column], strict=True))
    for row, code, day in zip(early["_row"], early[code_column], early[date_column], strict=True):
        problems.append(Problem(int(row), label, str(cells[row]).strip(), rule, formation_detail(code, day)))


def first_in_file(keys: pd.Series, values: pd.Series) -> np.ndarray:
    """For each row, `values` of the first row with the same key (the rows in file order)."""
    codes, _ = pd.factorize(keys, use_na_sentinel=False)  # numbered in order of first appearance
    _, first_rows = np.unique(codes, return_index=True)
    return values.to_numpy(dtype=object)[first_rows[codes]]


def duplicate_keys(frame: pd.DataFrame, key: tuple[str, ...], problems: list[Problem], label: str) -> None:
    """Every row whose key already appeared higher up in the same file is a problem."""
    repeated = frame.duplicated(list(key), keep=False)
    if not repeated.any():
        return
    first_rows = frame[repeated].groupby(list(key), sort=False)["_row"].transform("min")
    for row, first in zip(frame.loc[repeated, "_row"], first_rows, strict=True):
        if row != first:
            problems.append(Problem(int(row), label, None, "duplicate_key", str(int(first))))


def _lines_and(frame: pd.DataFrame, columns: dict[str, pd.Series], rows_out: set) -> pd.DataFrame:
    """The converted columns with their line in the file (_row), but the lines in `rows_out`. Columns keep their
    object dtype: from arrays, pandas would turn text into its Arrow strings, slow to build and to read back."""
    kept = {k: pd.Series(v.to_numpy(), dtype=v.dtype, copy=False) for k, v in columns.items()}
    out = pd.DataFrame({"_row": frame["_row"].to_numpy()} | kept)
    if rows_out:
        out = out[~out["_row"].isin(rows_out)]
    return out.reset_index(drop=True)


def typed_frame(frame: pd.DataFrame, columns: dict[str, pd.Series], problems: list[Problem]) -> pd.DataFrame:
    """The converted columns of the rows without a problem, with their line in the file (_row)."""
    bad_rows = {p.row for p in problems}
    for marker in problems:
        if isinstance(marker, Omitted):
            bad_rows.update(marker.rows)
    return _lines_and(frame, columns, bad_rows)


def checkable(
    frame: pd.DataFrame, columns: dict[str, pd.Series], problems: list[Problem], needed: dict[str, str]
) -> pd.DataFrame:
    """The converted columns a check needs (typed name -> the column its problems name) of every row whose cells in
    those columns broke no rule, whatever its other cells: a rule across rows checks every row it can, in one pass.
    Rows a column's Omitted marker stands for (beyond the listed problems) are left out."""
    bad_rows = set()
    for problem in problems:
        if isinstance(problem, Omitted):
            bad_rows.update(problem.rows)
        elif problem.column in needed.values() or problem.column is None:
            bad_rows.add(problem.row)
    return _lines_and(frame, {k: columns[k] for k in needed}, bad_rows)


def in_file_order(problems: list[Problem], table: RawTable) -> list[Problem]:
    """Problems once each, by row and then by the column's place in the header; at most MAX_PROBLEMS of them and
    then one saying how many there were (data.imports.problems.capped)."""
    order = {header_key(c): i for i, c in enumerate(table.columns)}
    unique = list(dict.fromkeys(problems))
    return capped(sorted(unique, key=lambda p: (p.row or 0, order.get(header_key(p.column or ""), 999))))
