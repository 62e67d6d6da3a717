"""Strict parsers for the scalar values in imported files: counts and dates (name keys: data.master.name_key).

Every function takes the text of one cell and either returns a value or raises ParseError, whose
`rule` is a stable snake_case code and whose `message` is a sentence an officer can act on.

Digits: Devanagari digits (०१२३४५६७८९, U+0966..U+096F) are translated one for one to ASCII 0-9
before anything else is checked, because Hindi-language sheets use them. No other script's digits
are accepted (Arabic-Indic, fullwidth, Bengali, ... are rejected as badly formed), so every pattern
below uses the explicit class [0-9] and never \\d, which would match any Unicode digit.

Whitespace: str.strip() removes leading and trailing whitespace in the Unicode sense, which includes
the non-breaking space (U+00A0), narrow and figure spaces and line breaks. Whitespace inside a value
is never ignored.
"""

from __future__ import annotations

import datetime as dt
import re

from data.master import DEVANAGARI_DIGITS

MAX_COUNT = 2**63 - 1
"""Largest count accepted: the largest value a BIGINT column holds in SQLite and PostgreSQL."""

MINUS_SIGNS = ("-", "\u2212")
"""A count starting with one of these is negative: hyphen-minus and the Unicode minus sign."""

_PLAIN_RE = r"[0-9]+"
_WESTERN_RE = r"[0-9]{1,3}(?:,[0-9]{3})+"  # 1,234,567
_INDIAN_RE = r"[0-9]{1,2}(?:,[0-9]{2})*,[0-9]{3}"  # 78,14,481
_PLAIN, _WESTERN, _INDIAN = (re.compile(p) for p in (_PLAIN_RE, _WESTERN_RE, _INDIAN_RE))
_DECIMAL = re.compile(rf"(?P<whole>{_PLAIN_RE}|{_WESTERN_RE}|{_INDIAN_RE})\.(?P<frac>[0-9]+)")
_ISO_DATE = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")
_DAY_FIRST_DATE = re.compile(r"(?P<day>[0-9]{1,2})(?P<sep>[-/])(?P<month>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4})")

_COUNT_EXAMPLES = "write 1234 or 1,234 or 1,00,000"
_DATE_FORMS = (
    "write it as YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY, day first (for example 2021-06-05, 05-06-2021 or 5/6/2021)"
)
_SHOWN_MAX = 40


class ParseError(ValueError):
    """A cell value that does not follow the data contract; `rule` says which rule, `message` says why."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message

    def __str__(self) -> str:
        return self.message


def _show(text: str) -> str:
    """Quote a value for a message: shortened if long, with invisible characters written as escapes."""
    if len(text) > _SHOWN_MAX:
        text = text[: _SHOWN_MAX - 1] + "…"
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
    return f"'{shown}'"


def _clean(text: str) -> str:
    """Strip surrounding whitespace and translate Devanagari digits to ASCII; reject non-strings."""
    if not isinstance(text, str):
        raise TypeError(f"expected the text of a cell (str), got {type(text).__name__}")
    return text.strip().translate(DEVANAGARI_DIGITS)


def _is_count(text: str) -> bool:
    """True if text is a count written as plain digits or with Western or Indian grouping."""
    return any(p.fullmatch(text) for p in (_PLAIN, _WESTERN, _INDIAN))


def parse_count(text: str) -> int:
    """Parse a non-negative whole number written as 1234, 1,234 (Western) or 1,00,000 (Indian)."""
    value = _clean(text)
    raw = text.strip()
    if not value:
        raise ParseError("required", "A count is required but the cell is empty; write 0 if there were none.")
    if _is_count(value):
        digits = value.replace(",", "").lstrip("0") or "0"
        if len(digits) > len(str(MAX_COUNT)) or int(digits) > MAX_COUNT:
            raise ParseError("count_too_large", f"{_show(raw)} is too large to be a count; check the number.")
        return int(digits)
    negative = value.startswith(MINUS_SIGNS)
    body = value[1:] if negative else value
    if negative and _is_count(body):
        raise ParseError("non_negative", f"{_show(raw)} is negative; a count cannot be less than 0.")
    decimal = _DECIMAL.fullmatch(body)
    if decimal:
        zeros = not negative and set(decimal["frac"]) == {"0"}
        hint = f"write {decimal['whole']}" if zeros else "write a whole number"
        raise ParseError("integer", f"{_show(raw)} is not a whole number; a count has no decimal point ({hint}).")
    raise ParseError("count_format", f"{_show(raw)} is not a whole number; {_COUNT_EXAMPLES}.")


def parse_date(text: str) -> dt.date:
    """Parse a date written YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY; the day always comes before the month."""
    value = _clean(text)
    raw = text.strip()
    if not value:
        raise ParseError("required", f"A date is required but the cell is empty; {_DATE_FORMS}.")
    match = _ISO_DATE.fullmatch(value) or _DAY_FIRST_DATE.fullmatch(value)
    if match is None:
        raise ParseError("date_format", f"{_show(raw)} is not a date we can read; {_DATE_FORMS}.")
    day, month, year = int(match["day"]), int(match["month"]), int(match["year"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ParseError(
            "date_invalid",
            f"{_show(raw)} is not a real calendar date: it reads as day {day} of month {month} in {year} "
            "(the day always comes first).",
        ) from None
