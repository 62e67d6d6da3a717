"""The verification page's verdict, status and dose lines (stats.views.verify), worked by hand."""

from __future__ import annotations

import pytest

from stats.views.verify import dose_lines, headline, person_text, status, verdict_kind, verdict_text
from tests.stats import master_names

NAMES = master_names()
FIRST, SECOND, PRECAUTION = [1, "2021-05-03", "COVISHIELD"], [2, "2021-08-01", "COVAXIN"], [3, "2022-04-10", "CORBEVAX"]


@pytest.mark.parametrize(
    ("valid", "demo", "kind"),
    [(True, False, "valid"), (True, True, "demo"), (False, False, "invalid"), (False, True, "invalid")],
    ids=["valid", "demo-key", "invalid", "invalid-demo-key"],
)
def test_the_verdict_kind(valid, demo, kind) -> None:
    assert verdict_kind(valid, demo) == kind


@pytest.mark.parametrize(
    ("kind", "lang", "expected"),
    [
        ("valid", "en", ":green[:material/verified: VALID]"),
        ("demo", "en", ":orange[:material/science: DEMO certificate — not valid]"),
        ("invalid", "en", ":red[:material/gpp_bad: INVALID]"),
        ("valid", "hi", ":green[:material/verified: मान्य]"),
        ("demo", "hi", ":orange[:material/science: डेमो प्रमाणपत्र — मान्य नहीं]"),
        ("invalid", "hi", ":red[:material/gpp_bad: अमान्य]"),
    ],
    ids=lambda value: str(value)[:12],
)
def test_the_headline(kind, lang, expected) -> None:
    assert headline(kind, lang) == expected


@pytest.mark.parametrize(
    ("kind", "reason", "start"),
    [
        ("valid", "valid", "This certificate was issued by the state"),
        ("demo", "valid", "It is signed with the demo key"),
        ("invalid", "bad-signature", "Why: the signature does not match"),
        ("invalid", "unknown-key", "Why: it is signed with a key this service does not know"),
        ("invalid", "revoked", "Why: the certificate was revoked"),
        ("invalid", "unreadable", "Why: no certificate could be read"),
        ("invalid", "not-a-certificate", "Why: this is a signed token, but not a vaccination certificate"),
    ],
    ids=["valid", "demo", "bad-signature", "unknown-key", "revoked", "unreadable", "not-a-certificate"],
)
def test_the_sentence_under_the_headline(kind, reason, start) -> None:
    assert verdict_text(kind, reason, "en").startswith(start)


@pytest.mark.parametrize(
    ("doses", "expected"),
    [
        ([FIRST], "partial"),
        ([FIRST, SECOND], "full"),
        ([SECOND, FIRST], "full"),
        ([FIRST, SECOND, PRECAUTION], "precaution"),
        ([SECOND], "full"),  # a second dose recorded without the first (a record moved between states)
    ],
    ids=["dose-1", "doses-1-2", "out-of-order", "precaution", "second-only"],
)
def test_the_status_follows_the_doses(doses, expected) -> None:
    assert status({"d": doses}) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "First dose: 3 May 2021, Covishield",
                "Second dose: 1 August 2021, Covaxin",
                "Precaution dose: 10 April 2022, Corbevax",
            ],
        ),
        (
            "hi",
            [
                "पहली खुराक: 3 मई 2021, कोविशील्ड",
                "दूसरी खुराक: 1 अगस्त 2021, कोवैक्सिन",
                "एहतियाती खुराक: 10 अप्रैल 2022, कॉर्बेवैक्स",
            ],
        ),
    ],
    ids=["en", "hi"],
)
def test_each_dose_by_its_name_never_its_number(lang, expected) -> None:
    assert dose_lines({"d": [PRECAUTION, FIRST, SECOND]}, NAMES, lang) == expected


def test_an_unknown_vaccine_code_is_shown_as_it_is() -> None:
    assert dose_lines({"d": [[1, "2021-06-01", "ZYCOV-D"]]}, NAMES, "en") == ["First dose: 1 June 2021, ZYCOV-D"]


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "Year of birth 1979 · Male"), ("hi", "जन्म वर्ष 1979 · पुरुष")], ids=["en", "hi"]
)
def test_the_person_under_the_name(lang, expected) -> None:
    assert person_text({"by": 1979, "g": "M"}, lang) == expected
