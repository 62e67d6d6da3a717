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


@dataclass(frozen=True)
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
        parts = detail.split(DETAIL_SEPARATOR) + [""] * 8  # {parts[i]} never fails on a short detail
        return t(
            f"problems.{self.rule}", lang, value=self.value or "", column=self.column or "", detail=detail, parts=parts
        )

    def to_dict(self) -> dict:
        data = asdict(self)
        del data["detail"]
        data["message"] = self.message("en")
        data["message_hi"] = self.message("hi")
        return data
