"""What an import found wrong: one Problem per bad cell, with its message in English and Hindi.

The messages are in the catalogue (stats/labels/problems.py), one per rule.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from stats.labels import CATALOGUE, t

DETAIL_SEPARATOR = "|"
"""A detail of several fields (dates, days, names in English and Hindi), read by templates as {parts[i]}."""


def details(*fields: object) -> str:
    """The detail of a problem whose message needs several fields."""
    return DETAIL_SEPARATOR.join(str(f) for f in fields)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file: where (row is the line in the file, header = 1), what, which rule."""

    row: int | None
    column: str | None
    value: str | None
    rule: str
    detail: str = ""  # what the message needs besides the value; several fields are joined by DETAIL_SEPARATOR

    def message(self, lang: str = "en") -> str:
        detail = self.detail
        direction = f"problems.direction_{detail}"  # a store_direction problem names why by a key
        if self.rule == "store_direction" and direction in CATALOGUE:
            detail = t(direction, lang)
        parts = detail.split(DETAIL_SEPARATOR) + [""] * 16  # {parts[i]} never fails on a short detail
        return t(
            f"problems.{self.rule}", lang, value=self.value or "", column=self.column or "", detail=detail, parts=parts
        )

    def to_dict(self) -> dict:
        data = asdict(self)
        del data["detail"]
        data["message"] = self.message("en")
        data["message_hi"] = self.message("hi")
        return data


MAX_PROBLEMS = 1000
"""At most this many problems of a file are listed (the first in file order); a last one says how many there were."""
TRUNCATED = "problems_truncated"
"""The rule of that last problem; its detail is the total and the number of rows with a problem."""


@dataclass(frozen=True, eq=False)
class Omitted(Problem):
    """Problems of one column beyond the first MAX_PROBLEMS, not kept one by one (they cannot be among the first
    MAX_PROBLEMS of the file): their lines, so that the rows are still known to be bad (data.imports.cells)."""

    rows: tuple[int, ...] = ()

    __eq__ = object.__eq__  # each marker is its own: two columns' markers are never merged as duplicates
    __hash__ = object.__hash__


def _truncated_counts(problem: Problem) -> tuple[int, int]:
    """The total problems and rows of a TRUNCATED problem (written in English digits as its first two parts)."""
    total, rows = problem.detail.split(DETAIL_SEPARATOR)[-2:]
    return int(total), int(rows)


def capped(ordered: list[Problem]) -> list[Problem]:
    """Problems in file order (Omitted markers and earlier TRUNCATED problems anywhere among them) as listed: the
    first MAX_PROBLEMS, then, when there were more, one TRUNCATED problem with the total and the rows concerned."""
    real = [p for p in ordered if not isinstance(p, Omitted) and p.rule != TRUNCATED]
    rows = {p.row for p in real}
    total, earlier_rows = len(real), 0
    for problem in ordered:
        if isinstance(problem, Omitted):
            total += len(problem.rows)
            rows.update(problem.rows)
        elif problem.rule == TRUNCATED:  # capped once already: the problems it did not list are counted again
            earlier_total, earlier_rows = _truncated_counts(problem)
            total += earlier_total - MAX_PROBLEMS
    if total <= MAX_PROBLEMS:
        return real
    return real[:MAX_PROBLEMS] + [truncation(total, max(len(rows), earlier_rows))]


def truncation(total: int, rows: int) -> Problem:
    """The last problem of a capped list: MAX_PROBLEMS of `total` problems, on `rows` rows, are listed."""
    from stats.formatting import indian_number

    shown = (indian_number(n) for n in (MAX_PROBLEMS, total, rows))  # the same digits in both languages
    return Problem(None, None, None, TRUNCATED, details(*shown, total, rows))


def rows_with_problems(problems: list[Problem]) -> int:
    """How many rows of the file have a problem, counting those a TRUNCATED problem stands for."""
    listed = {p.row for p in problems if p.rule != TRUNCATED}
    for problem in problems:
        if problem.rule == TRUNCATED:
            return max(_truncated_counts(problem)[1], len(listed))
    return len(listed)
