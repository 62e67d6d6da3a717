"""The form checks of the lookup's details (data.certificates.lookup.detail_problems): a reference id has 13
digits, a mobile is a 10-digit Indian mobile; judged by form alone, never by the registry."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data.certificates import lookup
from stats.labels import t

REFERENCE = "certificate.error_reference"
MOBILE = "certificate.error_mobile"


@pytest.mark.parametrize(
    ("reference_id", "mobile", "expected"),
    [
        ("1000000000001", "9876543210", []),
        ("1000 0000 00001", "+91 98765-43210", []),  # digit groups as printed and typed
        ("१०००००००००००१", "०९८७६५४३२१०", []),  # Devanagari digits, a leading 0
        ("100000000001", "9876543210", [REFERENCE]),  # 12 digits
        ("10000000000012", "9876543210", [REFERENCE]),  # 14 digits
        ("1000000000O01", "9876543210", [REFERENCE]),  # a letter O
        ("", "9876543210", [REFERENCE]),
        ("1000000000001", "5876543210", [MOBILE]),  # starts with 5: not a mobile
        ("1000000000001", "987654321", [MOBILE]),  # 9 digits
        ("1000000000001", "+1 9876543210", [MOBILE]),
        ("1000000000001", "", [MOBILE]),
        ("' OR 1=1 --", "<script>", [REFERENCE, MOBILE]),
        ("1" * 10_000, "9" * 10_000, [REFERENCE, MOBILE]),
    ],
)
def test_detail_problems(reference_id: str, mobile: str, expected: list[str]) -> None:
    assert lookup.detail_problems(reference_id, mobile) == expected


def test_the_messages_say_what_the_form_is_in_both_languages() -> None:
    assert t(REFERENCE, "en").startswith("Reference id: a reference id has 13 digits")
    assert "13 अंक" in t(REFERENCE, "hi")
    assert t(MOBILE, "en").startswith("Mobile number: a mobile number has 10 digits")
    assert "10 अंक" in t(MOBILE, "hi")


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=30))
def test_an_ascii_reference_id_is_well_formed_exactly_when_it_is_13_digits(text: str) -> None:
    digits = "".join(text.split()).replace("-", "")
    well_formed = len(digits) == 13 and all(c in "0123456789" for c in digits)
    assert (REFERENCE not in lookup.detail_problems(text, "9876543210")) == well_formed


@given(st.from_regex(r"[6-9][0-9]{9}", fullmatch=True), st.from_regex(r"[0-9]{13}", fullmatch=True))
def test_any_13_digits_and_any_mobile_pass(mobile: str, reference_id: str) -> None:
    assert lookup.detail_problems(reference_id, mobile) == []
