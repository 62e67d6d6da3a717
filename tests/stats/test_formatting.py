"""stats.formatting: numbers and dates the Indian way, in English and Hindi."""

from __future__ import annotations

import datetime as dt

import pytest

from stats.formatting import (
    INDIA,
    india_time,
    indian_number,
    lakh_crore,
    long_date,
    parse_indian_number,
    percent,
    signed_change,
)
from tests.stats import NaN

NUMBERS = [
    (0, "en", "0", "zero"),
    (999, "en", "999", "hundreds"),
    (1000, "en", "1,000", "thousand"),
    (109353, "en", "1,09,353", "lakh grouping"),
    (7814481, "hi", "78,14,481", "Hindi: same digits and grouping"),
    (1234567890123, "en", "12,34,56,78,90,123", "past a crore: groups of two go on"),
]


@pytest.mark.parametrize("n, lang, expected", [c[:3] for c in NUMBERS], ids=[c[3] for c in NUMBERS])
def test_indian_number(n, lang, expected):
    assert indian_number(n, lang) == expected


@pytest.mark.parametrize("lang, expected", [("en", "22 June 2021"), ("hi", "22 जून 2021")], ids=["English", "Hindi"])
def test_long_date(lang, expected):
    assert long_date(dt.date(2021, 6, 22), lang) == expected


SHORT = [
    (0, "en", 2, "0", "zero"),
    (99_999, "en", 2, "99,999", "below a lakh: the grouped number"),
    (100_000, "en", 2, "1.00 lakh", "one lakh"),
    (109_353, "en", 2, "1.09 lakh", "lakh"),
    (109_353, "hi", 2, "1.09 लाख", "लाख"),
    (78_14_481, "en", 2, "78.14 lakh", "under a crore"),
    (9_999_499, "en", 2, "99.99 lakh", "just under a crore"),
    (9_999_500, "en", 2, "1.00 crore", "rounds up to 100 lakh: a crore"),
    (78_148_100, "en", 2, "7.81 crore", "crore"),
    (78_148_100, "hi", 2, "7.81 करोड़", "करोड़"),
    (1_234_567_890_123, "en", 2, "1,23,456.79 crore", "crore with lakh grouping"),
    (1_000_500, "en", 2, "10.01 lakh", "exact half: away from zero"),
    (250_000, "en", 0, "3 lakh", "no decimals: half away from zero"),
    (109_353, "en", 1, "1.1 lakh", "one decimal"),
    (-109_353, "en", 2, "-1.09 lakh", "negative"),
    (None, "en", 2, "—", "missing"),
]


@pytest.mark.parametrize("n, lang, digits, expected", [c[:4] for c in SHORT], ids=[c[4] for c in SHORT])
def test_lakh_crore(n, lang, digits, expected):
    assert lakh_crore(n, lang, digits) == expected


PERCENT = [
    (0.1234, "en", 1, "12.3%", "fraction"),
    (1.2, "en", 1, "120.0%", "above 100 is shown"),
    (0.0, "hi", 1, "0.0%", "zero"),
    (0.12345, "en", 2, "12.35%", "half away from zero"),
    (0.5, "en", 0, "50%", "no decimals"),
    (12.5, "en", 0, "1,250%", "grouped"),
    (-0.05, "en", 1, "-5.0%", "negative"),
    (NaN, "en", 1, "—", "NaN"),
    (None, "hi", 1, "—", "None"),
    (float("inf"), "en", 1, "—", "infinite"),
]


@pytest.mark.parametrize("x, lang, digits, expected", [c[:4] for c in PERCENT], ids=[c[4] for c in PERCENT])
def test_percent(x, lang, digits, expected):
    assert percent(x, lang, digits) == expected


CHANGES = [
    (1234, "en", "+1,234", "rise"),
    (-1234, "en", "\u22121,234", "fall: a true minus sign"),
    (0, "en", "0", "no change"),
    (-109353, "hi", "\u22121,09,353", "Hindi"),
    (None, "en", "—", "missing"),
    (NaN, "en", "—", "NaN"),
]


@pytest.mark.parametrize("n, lang, expected", [c[:3] for c in CHANGES], ids=[c[3] for c in CHANGES])
def test_signed_change(n, lang, expected):
    assert signed_change(n, lang) == expected


PARSED = [
    ("1,09,353", 109353, "lakh grouping"),
    ("109353", 109353, "no grouping"),
    (" 78,14,481 ", 7814481, "spaces around"),
    ("12,34,56,78,90,123", 1234567890123, "long"),
    ("0", 0, "zero"),
    ("-1,234", -1234, "hyphen minus"),
    ("\u22121,234", -1234, "true minus"),
    ("+1,234", 1234, "plus (signed_change)"),
]


@pytest.mark.parametrize("text, expected", [c[:2] for c in PARSED], ids=[c[2] for c in PARSED])
def test_parse_indian_number(text, expected):
    assert parse_indian_number(text) == expected


REJECTED = [
    ("109,353", "Western grouping"),
    ("1,234,567", "Western grouping, long"),
    ("10,9353", "group of four"),
    ("1,09,35", "last group of two"),
    (",109", "leading comma"),
    ("1.09 lakh", "short form"),
    ("1 09 353", "spaces"),
    ("१,०९,३५३", "Devanagari digits: not what indian_number prints"),
    ("", "empty"),
    ("12.5", "decimal"),
]


@pytest.mark.parametrize("text", [c[0] for c in REJECTED], ids=[c[1] for c in REJECTED])
def test_parse_indian_number_rejects(text):
    with pytest.raises(ValueError, match="Indian grouping"):
        parse_indian_number(text)


@pytest.mark.parametrize(
    "moment, lang, zone, expected",
    [
        (dt.datetime(2021, 6, 21, 20, 0, tzinfo=dt.UTC), "en", True, "22 June 2021, 01:30 IST"),
        (dt.datetime(2021, 6, 21, 20, 0), "en", True, "22 June 2021, 01:30 IST"),  # no zone: taken as UTC
        (dt.datetime(2021, 6, 22, 8, 35, tzinfo=dt.UTC), "hi", False, "22 जून 2021, 14:05"),
        (dt.datetime(2021, 6, 22, 14, 5, tzinfo=INDIA), "en", True, "22 June 2021, 14:05 IST"),
    ],
)
def test_india_time(moment, lang, zone, expected):
    assert india_time(moment, lang, zone) == expected
