"""Tests for data.imports.parse: counts, dates and name keys, by hand-worked tables and by properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.imports.parse import MAX_COUNT, ParseError, parse_count, parse_date
from data.master import name_key

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TO_DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")


def _indian(n: int) -> str:
    """Render n with Indian grouping (test-only helper): 1,09,353 and 1,00,00,000."""
    digits = str(n)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail])


def _rule(func, text: str) -> str:
    """The rule code of the ParseError that func raises for text."""
    with pytest.raises(ParseError) as caught:
        func(text)
    return caught.value.rule


# --- parse_count: accepted forms ----------------------------------------------------------------

COUNTS_OK = [
    ("0", 0, "zero"),
    ("7", 7, "single-digit"),
    ("007", 7, "leading-zeros"),
    ("109353", 109353, "plain"),
    ("1,234", 1234, "western-thousand"),
    ("1,234,567", 1234567, "western-million"),
    ("12,345,678", 12345678, "western-ten-million"),
    ("12,345", 12345, "both-groupings"),
    ("1,000", 1000, "thousand-both"),
    ("1,09,353", 109353, "indian-lakh"),
    ("78,14,481", 7814481, "indian-78-lakh"),
    ("1,00,00,000", 10000000, "indian-crore"),
    ("12,34,56,789", 123456789, "indian-12-crore"),
    ("१,०९,३५३", 109353, "devanagari-indian"),
    ("७८१४४८१", 7814481, "devanagari-plain"),
    ("1,०९,353", 109353, "devanagari-mixed"),
    ("  42  ", 42, "spaces-around"),
    ("\u00a01,09,353\u00a0", 109353, "nbsp-around"),
    ("\t12\n", 12, "tab-newline-around"),
    (str(MAX_COUNT), MAX_COUNT, "bigint-max"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in COUNTS_OK], ids=[c[2] for c in COUNTS_OK])
def test_parse_count_accepts(text: str, expected: int) -> None:
    assert parse_count(text) == expected


# --- parse_count: rejected values and their rules -----------------------------------------------

COUNTS_BAD = [
    ("", "required", "empty"),
    ("   ", "required", "blank"),
    ("\u00a0", "required", "nbsp-only"),
    ("-5", "non_negative", "negative"),
    ("-0", "non_negative", "minus-zero"),
    ("-1,09,353", "non_negative", "negative-indian"),
    ("-1,234,567", "non_negative", "negative-western"),
    ("\u22125", "non_negative", "unicode-minus"),
    ("12.5", "integer", "decimal"),
    ("12.0", "integer", "decimal-zero"),
    ("1,09,353.00", "integer", "indian-decimal"),
    ("-12.5", "integer", "negative-decimal"),
    ("१२.५", "integer", "devanagari-decimal"),
    ("1,0000", "count_format", "bad-group-of-four"),
    ("12,34", "count_format", "bad-group-of-two-last"),
    ("12,3456", "count_format", "bad-last-group"),
    ("123,45,678", "count_format", "indian-head-too-long"),
    ("1,23,4567", "count_format", "indian-bad-tail"),
    ("1,234,56", "count_format", "western-bad-tail"),
    (",123", "count_format", "leading-comma"),
    ("123,", "count_format", "trailing-comma"),
    ("1,,234", "count_format", "double-comma"),
    ("1 000", "count_format", "inner-space"),
    ("1\u00a0000", "count_format", "inner-nbsp"),
    ("1.234", "integer", "dot-grouping-is-a-decimal"),
    ("abc", "count_format", "letters"),
    ("1e5", "count_format", "exponent"),
    ("+5", "count_format", "plus-sign"),
    ("- 5", "count_format", "minus-space"),
    ("--5", "count_format", "double-minus"),
    (".5", "count_format", "bare-fraction"),
    ("12.", "count_format", "trailing-dot"),
    ("0x1F", "count_format", "hex"),
    ("1_000", "count_format", "underscore"),
    ("١٢٣", "count_format", "arabic-indic-digits"),
    ("１２３", "count_format", "fullwidth-digits"),
    ("১২৩", "count_format", "bengali-digits"),
    ("nan", "count_format", "nan"),
    (str(MAX_COUNT + 1), "count_too_large", "over-bigint"),
    ("9" * 5000, "count_too_large", "beyond-int-digit-limit"),
]


@pytest.mark.parametrize(("text", "rule"), [c[:2] for c in COUNTS_BAD], ids=[c[2] for c in COUNTS_BAD])
def test_parse_count_rejects(text: str, rule: str) -> None:
    assert _rule(parse_count, text) == rule


def test_parse_count_leading_zeros_do_not_count_towards_size() -> None:
    assert parse_count("0" * 100 + "7") == 7


def test_parse_error_is_a_value_error_with_a_readable_message() -> None:
    with pytest.raises(ParseError) as caught:
        parse_count("12,3456")
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.rule == "count_format"
    assert str(err) == err.message == "'12,3456' is not a whole number; write 1234 or 1,234 or 1,00,000."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.0", "'12.0' is not a whole number; a count has no decimal point (write 12)."),
        ("12.5", "'12.5' is not a whole number; a count has no decimal point (write a whole number)."),
        ("-7", "'-7' is negative; a count cannot be less than 0."),
        ("", "A count is required but the cell is empty; write 0 if there were none."),
        ("1\n2", "'1\\n2' is not a whole number; write 1234 or 1,234 or 1,00,000."),
    ],
    ids=["whole-decimal-hint", "fraction-hint", "negative", "required", "control-char-escaped"],
)
def test_parse_count_messages(text: str, expected: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_count(text)
    assert caught.value.message == expected


def test_message_shortens_long_values() -> None:
    with pytest.raises(ParseError) as caught:
        parse_count("x" * 500)
    assert len(caught.value.message) < 120
    assert "…" in caught.value.message


def test_parse_count_refuses_non_text() -> None:
    with pytest.raises(TypeError):
        parse_count(12.0)  # type: ignore[arg-type]


# --- parse_count: properties --------------------------------------------------------------------

COUNT_RANGE = st.integers(min_value=0, max_value=10**12)


@PROPERTY
@given(COUNT_RANGE)
def test_parse_count_round_trips_every_rendering(n: int) -> None:
    assert parse_count(str(n)) == n
    assert parse_count(f"{n:,}") == n
    assert parse_count(_indian(n)) == n
    assert parse_count(_indian(n).translate(TO_DEVANAGARI)) == n
    assert parse_count(str(n).translate(TO_DEVANAGARI)) == n


@PROPERTY
@given(COUNT_RANGE)
def test_negative_renderings_are_non_negative_errors(n: int) -> None:
    for text in (str(n), f"{n:,}", _indian(n)):
        assert _rule(parse_count, "-" + text) == "non_negative"


def test_indian_helper() -> None:
    assert [_indian(n) for n in (0, 999, 1000, 109353, 7814481, 10**7)] == [
        "0",
        "999",
        "1,000",
        "1,09,353",
        "78,14,481",
        "1,00,00,000",
    ]


COUNTISH = st.text(alphabet="0123456789,.-+ e\u00a0\u2212०१२३४५६७८९١２", max_size=24)


@PROPERTY
@given(st.one_of(st.text(), COUNTISH))
def test_parse_count_returns_int_or_raises_parse_error(text: str) -> None:
    try:
        result = parse_count(text)
    except ParseError as err:
        assert err.rule in {"required", "non_negative", "integer", "count_format", "count_too_large"}
        assert err.message and str(err) == err.message
    else:
        assert type(result) is int and 0 <= result <= MAX_COUNT
        digits = text.strip().translate(str.maketrans("०१२३४५६७८९", "0123456789")).replace(",", "")
        assert digits.isascii() and int(digits) == result


# --- parse_date ---------------------------------------------------------------------------------

DATES_OK = [
    ("2021-06-05", dt.date(2021, 6, 5), "iso"),
    ("05-06-2021", dt.date(2021, 6, 5), "dd-mm-yyyy"),
    ("05/06/2021", dt.date(2021, 6, 5), "dd/mm/yyyy"),
    ("5/6/2021", dt.date(2021, 6, 5), "d/m/yyyy-day-first"),
    ("5-6-2021", dt.date(2021, 6, 5), "d-m-yyyy"),
    ("22/6/2021", dt.date(2021, 6, 22), "dd/m/yyyy"),
    ("1/12/2021", dt.date(2021, 12, 1), "d/mm/yyyy"),
    ("12/01/2022", dt.date(2022, 1, 12), "twelfth-of-january"),
    ("29-02-2020", dt.date(2020, 2, 29), "leap-day"),
    ("2000-02-29", dt.date(2000, 2, 29), "leap-day-2000"),
    ("31/12/2021", dt.date(2021, 12, 31), "year-end"),
    ("२०२१-०६-०५", dt.date(2021, 6, 5), "devanagari-iso"),
    ("५/६/२०२१", dt.date(2021, 6, 5), "devanagari-day-first"),
    ("\u00a0 16-01-2021 \n", dt.date(2021, 1, 16), "whitespace-around"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in DATES_OK], ids=[c[2] for c in DATES_OK])
def test_parse_date_accepts(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


DATES_BAD = [
    ("", "required", "empty"),
    (" \u00a0 ", "required", "blank"),
    ("29-02-2021", "date_invalid", "not-a-leap-year"),
    ("31-02-2021", "date_invalid", "thirty-first-february"),
    ("2021-02-30", "date_invalid", "iso-thirtieth-february"),
    ("31/04/2021", "date_invalid", "thirty-first-april"),
    ("06/13/2021", "date_invalid", "month-first-guess-refused"),
    ("00-01-2021", "date_invalid", "day-zero"),
    ("01-00-2021", "date_invalid", "month-zero"),
    ("2021-13-01", "date_invalid", "iso-month-13"),
    ("0000-01-01", "date_invalid", "year-zero"),
    ("2021/06/05", "date_format", "year-first-slashes"),
    ("06-05-21", "date_format", "two-digit-year"),
    ("6/5/21", "date_format", "two-digit-year-slashes"),
    ("2021-6-5", "date_format", "iso-single-digits"),
    ("05-06/2021", "date_format", "mixed-separators"),
    ("05.06.2021", "date_format", "dots"),
    ("05 06 2021", "date_format", "spaces"),
    ("005-06-2021", "date_format", "three-digit-day"),
    ("05-06-02021", "date_format", "five-digit-year"),
    ("20210605", "date_format", "compact"),
    ("2021-06-05 00:00:00", "date_format", "with-time"),
    ("2021-06-05T10:30", "date_format", "iso-datetime"),
    ("5 June 2021", "date_format", "month-name"),
    ("June 5, 2021", "date_format", "us-long"),
    ("44352", "date_format", "excel-serial"),
    ("٠٥/٠٦/٢٠٢١", "date_format", "arabic-indic-digits"),
    ("２０２１-０６-０５", "date_format", "fullwidth-digits"),
    ("2021-06-05\n2021-06-06", "date_format", "two-lines"),
]


@pytest.mark.parametrize(("text", "rule"), [c[:2] for c in DATES_BAD], ids=[c[2] for c in DATES_BAD])
def test_parse_date_rejects(text: str, rule: str) -> None:
    assert _rule(parse_date, text) == rule


def test_parse_date_messages() -> None:
    with pytest.raises(ParseError) as caught:
        parse_date("2021/06/05")
    assert caught.value.message.startswith("'2021/06/05' is not a date we can read; ")
    assert all(form in caught.value.message for form in ("YYYY-MM-DD", "DD-MM-YYYY", "DD/MM/YYYY"))
    with pytest.raises(ParseError) as caught:
        parse_date("06/13/2021")
    assert caught.value.message == (
        "'06/13/2021' is not a real calendar date: it reads as day 6 of month 13 in 2021 (the day always comes first)."
    )


DATE_RANGE = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@PROPERTY
@given(DATE_RANGE, st.booleans())
def test_parse_date_round_trips_every_rendering(day: dt.date, padded: bool) -> None:
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if padded else (str(day.day), str(day.month))
    renderings = [day.isoformat(), f"{d}-{m}-{day.year}", f"{d}/{m}/{day.year}"]
    for text in renderings:
        assert parse_date(text) == day
        assert parse_date(text.translate(TO_DEVANAGARI)) == day


DATEISH = st.text(alphabet="0123456789-/ :T.\u00a0०१२३४५६७८९٠", max_size=20)


@PROPERTY
@given(st.one_of(st.text(), DATEISH))
def test_parse_date_returns_date_or_raises_parse_error(text: str) -> None:
    try:
        result = parse_date(text)
    except ParseError as err:
        assert err.rule in {"required", "date_format", "date_invalid"}
        assert err.message and str(err) == err.message
    else:
        assert type(result) is dt.date


# --- name_key -----------------------------------------------------------------------------------

NAMES = [
    ("  Janjgir-Champa ", "janjgir champa", "hyphen-and-spaces"),
    ("Gaurela Pendra Marwahi ", "gaurela pendra marwahi", "trailing-space"),
    ("Gaurela-Pendra-Marwahi", "gaurela pendra marwahi", "hyphens"),
    ("MOHLA_MANPUR.AMBAGARH  CHOWKI", "mohla manpur ambagarh chowki", "underscore-dot-double-space"),
    ("Khairagarh/Chhuikhadan/Gandai", "khairagarh chhuikhadan gandai", "slashes"),
    ("Kabirdham\u00a0 (Kawardha)", "kabirdham (kawardha)", "nbsp-and-brackets-kept"),
    ("Dantewada - Dakshin Bastar", "dantewada dakshin bastar", "spaced-hyphen"),
    ("Janjgir–Champa", "janjgir–champa", "en-dash-is-not-a-separator"),
    ("  बलौदाबाजार  ", "बलौदाबाजार", "hindi-stripped"),
    ("दंतेवाड़ा", "दंतेवाड़ा", "hindi-unchanged"),
    ("जांजगीर-चांपा", "जांजगीर चांपा", "hindi-hyphen"),
    ("राय\u095d", "राय\u0922\u093c", "nukta-precomposed-normalised"),
    ("Be\u0301metara", "b\u00e9metara", "latin-combining-accent-composed"),
    ("STRASSE", "strasse", "uppercase"),
    ("Straße", "strasse", "casefold-not-lower"),
    ("", "", "empty"),
    (" -_./ ", "", "only-separators"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in NAMES], ids=[c[2] for c in NAMES])
def test_name_key(text: str, expected: str) -> None:
    assert name_key(text) == expected


def test_name_key_matches_both_spellings_of_a_nukta() -> None:
    assert name_key("रायगढ़") == name_key("रायग\u0922\u093c") == name_key("रायग\u095d")


@PROPERTY
@given(st.text())
def test_name_key_is_idempotent_and_tidy(text: str) -> None:
    key = name_key(text)
    assert name_key(key) == key
    assert key == key.strip() and "  " not in key
    assert not any(sep in key for sep in "-_./")
