"""Numbers and dates the Indian way (1,09,353; 1.09 lakh; 22 June 2021 / 22 जून 2021), through Babel's locales.

Both languages write Latin digits with lakh/crore grouping (Babel's en_IN and hi_IN agree on that); they
differ in the words: lakh / crore and लाख / करोड़ (common.lakh, common.crore in the catalogue). A missing value
(None or NaN) is written as an em dash.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from stats.labels import t

INDIA = ZoneInfo("Asia/Kolkata")
"""India Standard Time: "today" and the time of day, wherever the server runs."""
LOCALES = {"en": "en_IN", "hi": "hi_IN"}
LAKH = 100_000
CRORE = 100 * LAKH
MINUS = "\u2212"
MISSING = "—"
INDIAN_GROUPED = re.compile(r"[-+\u2212]?(?:[0-9]+|[0-9]{1,2}(?:,[0-9]{2})*,[0-9]{3})")


def indian_number(n: int, lang: str = "en") -> str:
    """A whole number with lakh/crore grouping: 109353 -> 1,09,353."""
    return format_decimal(int(n), locale=LOCALES[lang])


def long_date(day: date, lang: str = "en") -> str:
    """A date as a press note writes it: 22 June 2021 / 22 जून 2021."""
    return format_date(day, format="d MMMM y", locale=LOCALES[lang])


def today_in_india(now: datetime | None = None) -> date:
    """The date in India now."""
    return (now or datetime.now(UTC)).astimezone(INDIA).date()


def india_time(moment: datetime, lang: str = "en", zone: bool = True) -> str:
    """A moment (UTC when it has no time zone) as the date and time of day in India: 22 June 2021, 14:05 IST."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(INDIA)
    return f"{long_date(local.date(), lang)}, {local:%H:%M}" + (" IST" if zone else "")


def india_moment(moment: datetime | None) -> datetime | None:
    """A moment (UTC when it has no time zone) as the time in India without a zone, to the second, as a spreadsheet
    cell holds it; None (or NaN, NaT) as None."""
    if moment is None or (isinstance(moment, float) and math.isnan(moment)) or moment is pd.NaT:
        return None
    moment = moment.to_pydatetime() if isinstance(moment, pd.Timestamp) else moment
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(INDIA)
    return local.replace(tzinfo=None, microsecond=0)


def is_missing(x) -> bool:
    """True for None and NaN (what a statistic returns when it has no value)."""
    return x is None or (isinstance(x, float) and math.isnan(x))


def rounded(x, digits: int) -> Decimal:
    """x rounded to digits decimals, halves away from zero (1.005 -> 1.01 at 2 digits)."""
    return Decimal(str(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def grouped_decimal(x: Decimal, lang: str, digits: int) -> str:
    """x with lakh/crore grouping and exactly digits decimals: 1234.5 -> 1,234.50."""
    pattern = "#,##,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(x, format=pattern, locale=LOCALES[lang], decimal_quantization=True)


def lakh_crore(n: int, lang: str = "en", digits: int = 2) -> str:
    """A short form: below 1 lakh the grouped number; else lakh (1.09 lakh) or, from 100 lakh, crore (7.81 crore)."""
    if is_missing(n):
        return MISSING
    sign, size = ("-" if n < 0 else ""), abs(int(n))
    if size < LAKH:
        return sign + indian_number(size, lang)
    lakh, crore = t("common.lakh", lang), t("common.crore", lang)
    in_lakh = rounded(Decimal(size) / LAKH, digits)
    if in_lakh < 100:  # 99,99,999 rounds to 100.00 lakh: that is written 1.00 crore
        return f"{sign}{grouped_decimal(in_lakh, lang, digits)} {lakh}"
    return f"{sign}{grouped_decimal(rounded(Decimal(size) / CRORE, digits), lang, digits)} {crore}"


def percent(x: float | None, lang: str = "en", digits: int = 1) -> str:
    """A fraction as a percentage with digits decimals: 0.1234 -> 12.3%; None, NaN or infinite -> —."""
    if is_missing(x) or not math.isfinite(x):
        return MISSING
    return grouped_decimal(rounded(Decimal(str(x)) * 100, digits), lang, digits) + "%"


def signed_change(n: int | None, lang: str = "en") -> str:
    """A change with its sign: +1,234 / −1,234 (true minus sign) / 0; None/NaN -> —."""
    if is_missing(n):
        return MISSING
    n = int(n)
    sign = "+" if n > 0 else MINUS if n < 0 else ""
    return sign + indian_number(abs(n), lang)


def parse_indian_number(text: str) -> int:
    """The integer a grouped number stands for: '1,09,353' -> 109353, '−1,234' -> -1234 (Indian grouping or none)."""
    cleaned = text.strip()
    if not INDIAN_GROUPED.fullmatch(cleaned):
        raise ValueError(f"{text!r} is not a whole number written with Indian grouping (like 1,09,353)")
    return int(cleaned.replace(",", "").replace(MINUS, "-"))


def total_text(n: int, lang: str = "en") -> str:
    """A total with its short form when that says more: 78,14,481 (78.14 lakh); 3,510 as it is."""
    full, short = indian_number(n, lang), lakh_crore(n, lang)
    return full if short == full else f"{full} ({short})"


def doses_text(n: int, lang: str = "en") -> str:
    """A number of doses the Indian way, below zero with a true minus sign: 2,500 / −500."""
    return (MINUS if n < 0 else "") + indian_number(abs(int(n)), lang)


def whole(x: float, lang: str = "en") -> str:
    """A count rounded half up to a whole number, Indian-grouped; None or NaN as —."""
    if is_missing(x):
        return MISSING
    return indian_number(int(rounded(x, 0)), lang)
