"""The certificate registry's files (beneficiaries, vaccinations) through the importer, on SQLite and PostgreSQL:
every rule with its row, column, value and rule; idempotence; dry runs that match commits; corrections kept
in the history with the person's certificates revoked; and no raw mobile or ID number anywhere."""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import OperationalError
from sqlmodel import SQLModel

import data.imports.registry as registry
from data import settings
from data.imports import kinds
from data.imports.importer import FileReport, describe, main
from data.models import Certificate, CertificateRevocation, ImportBatch, ImportLock, RegistryCorrection
from tests.conftest import snapshot, table_counts
from tests.files import (
    BENEFICIARY_COLUMNS,
    beneficiaries_csv,
    doses_csv,
    problems_of,
    run_import,
    stored_beneficiaries,
    stored_vaccinations,
    to_xlsx,
    vaccinations_csv,
)

TODAY = date(2022, 6, 30)
"""The registry's tests run after the precaution doses began (the other tests' TODAY is 2021-07-01)."""
REF, REF2 = "1234567890123", "1234567890124"
MOBILE, AADHAAR = "9876543210", "234123412346"
OTHER_MOBILE, OTHER_AADHAAR = "9123456780", "345634563457"
REF2_AADHAAR = "456745674566"
"""REF2's own Aadhaar number: one ID document belongs to one person."""

CENTRES = doses_csv([{}, {"district": "Durg", "centre_code": "DRG-PHC-01", "centre_name": "PHC Bhilai"}])
"""Two centres: RPR-PHC-01 (Raipur) and DRG-PHC-01 (Durg); vaccination files do not create centres."""
PEOPLE = beneficiaries_csv(
    [
        {},
        {
            "reference_id": REF2,
            "name": "Ramesh Verma",
            "gender": "M",
            "mobile": OTHER_MOBILE,
            "id_number": REF2_AADHAAR,
        },
    ]
)
COURSE = vaccinations_csv([{}, {"dose_number": "2", "date": "2021-06-01", "batch": "4121Z064"}])
"""REF: Covishield on 1 March and 1 June 2021 (92 days apart)."""


def _run(engine, content: bytes, file_name: str = "registry.csv", **kwargs) -> FileReport:
    kwargs.setdefault("today", TODAY)
    return run_import(engine, content, file_name, **kwargs)


def _commit(engine, *files: bytes) -> None:
    for content in files:
        report = _run(engine, content)
        assert report.status == "committed", describe(report)


def _certificate(engine, certificate_id: str, reference_id: str, revoked: bool = False) -> None:
    """A certificate row as the certificate service would issue it (optionally already revoked)."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(Certificate.__table__).values(
                id=certificate_id, reference_id=reference_id, content_sha256="0" * 64, kid="test-key", issued_at=now
            )
        )
        if revoked:
            conn.execute(
                insert(CertificateRevocation.__table__).values(
                    certificate_id=certificate_id, revoked_at=now, reason="beneficiary-corrected", batch_id=None
                )
            )


def _revocations(engine) -> dict[str, tuple[str, int | None]]:
    table = CertificateRevocation.__table__
    with engine.connect() as conn:
        return {r.certificate_id: (r.reason, r.batch_id) for r in conn.execute(select(table))}


def _history(engine) -> list[tuple]:
    table = RegistryCorrection.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(table).order_by(table.c.id)).all()
    return [
        (r.table_name, r.reference_id, r.dose_number, json.loads(r.old_values), json.loads(r.new_values), r.batch_id)
        for r in rows
    ]


# --- Every rule ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    """A file that breaks one rule, the one problem it must produce, and files imported before it."""

    id: str
    content: bytes
    problem: tuple  # (row, column, value, rule)
    detail: str | None = None  # a fragment the English message must contain
    before: tuple[bytes, ...] = ()


def _person(**cells: str) -> bytes:
    return beneficiaries_csv([cells])


def _dose(*rows: dict) -> bytes:
    return vaccinations_csv(rows or [{}])


STORED = (CENTRES, PEOPLE)
"""Centres and two people: what a vaccinations file needs first."""

BAD = [
    # --- beneficiaries: cells ---
    Bad("reference-id-short", _person(reference_id="12345"), (2, "reference_id", "12345", "reference_id"), "13 digits"),
    Bad(
        "reference-id-letter",
        _person(reference_id="12345678901A3"),
        (2, "reference_id", "12345678901A3", "reference_id"),
    ),
    Bad("name-empty", _person(name=""), (2, "name", "", "required"), "'name' is empty"),
    Bad("name-too-long", _person(name="क" * 101), (2, "name", "क" * 101, "text_too_long"), "longer than 100"),
    Bad("name-is-a-number", _person(name=MOBILE), (2, "name", "XXXXXX3210", "name_text"), "needs a letter"),
    Bad("name-line-break", _person(name="Sunita\nSahu"), (2, "name", "XXXXXXXSahu", "name_text")),
    Bad("birth-year-1899", _person(birth_year="1899"), (2, "birth_year", "1899", "birth_year"), "1900 to 2010"),
    Bad("birth-year-under-12", _person(birth_year="2011"), (2, "birth_year", "2011", "birth_year"), "aged 12 and over"),
    Bad("birth-year-a-date", _person(birth_year="15-08-1980"), (2, "birth_year", "15-08-1980", "birth_year")),
    Bad("gender-unknown", _person(gender="X"), (2, "gender", "X", "gender"), "M, F or O"),
    Bad("mobile-short", _person(mobile="98765"), (2, "mobile", "X8765", "mobile"), "10 digits"),
    Bad("mobile-starts-with-5", _person(mobile="5876543210"), (2, "mobile", "XXXXXX3210", "mobile")),
    Bad("mobile-11-digits", _person(mobile="98765432101"), (2, "mobile", "XXXXXXX2101", "mobile")),
    Bad("mobile-landline", _person(mobile="0771 223456"), (2, "mobile", "XXXXXXX3456", "mobile")),
    Bad("mobile-empty", _person(mobile=""), (2, "mobile", "", "required")),
    Bad("id-type-unknown", _person(id_type="Library card"), (2, "id_type", "Library card", "id_type"), "Aadhaar, PAN"),
    Bad(
        "aadhaar-11-digits",
        _person(id_number="23412341234"),
        (2, "id_number", "XXXXXXX1234", "id_number"),
        "not a Aadhaar number: 12 digits",
    ),
    Bad("aadhaar-starts-with-1", _person(id_number="134123412346"), (2, "id_number", "XXXXXXXX2346", "id_number")),
    Bad(
        "aadhaar-check-digit",
        _person(id_number="234123412345"),
        (2, "id_number", "XXXXXXXX2345", "aadhaar_checksum"),
        "check digit",
    ),
    Bad(
        "pan-format",
        _person(id_type="PAN", id_number="ABCDE12345"),
        (2, "id_number", "XXXXXX2345", "id_number"),
        "ABCDE1234F",
    ),
    Bad("voter-id-format", _person(id_type="EPIC", id_number="CG1234567"), (2, "id_number", "XXXXX4567", "id_number")),
    Bad(
        "passport-format", _person(id_type="Passport", id_number="12345678"), (2, "id_number", "XXXX5678", "id_number")
    ),
    Bad("id-number-empty", _person(id_number=""), (2, "id_number", "", "required")),
    Bad("district-unknown", _person(district="Gotham"), (2, "district", "Gotham", "unknown_district")),
    # --- beneficiaries: rows and the file ---
    Bad(
        "beneficiary-twice",
        beneficiaries_csv([{}, {"name": "Sunita S."}]),
        (3, "reference_id", None, "duplicate_key"),
        "repeats the key of row 2",
    ),
    Bad(
        "beneficiaries-missing-column",
        beneficiaries_csv([{}], header=[c for c in BENEFICIARY_COLUMNS if c != "mobile"]),
        (1, "mobile", None, "missing_column"),
        "registry: beneficiaries",
    ),
    # --- vaccinations: cells ---
    Bad("dose-unknown", _dose({"dose_number": "4"}), (2, "dose_number", "4", "unknown_dose"), before=STORED),
    Bad(
        "dose-date-future",
        _dose({"date": "2022-07-01"}),
        (2, "date", "2022-07-01", "future_date"),
        "today is 2022-06-30",
        STORED,
    ),
    Bad(
        "dose-date-before-campaign",
        _dose({"date": "2021-01-15"}),
        (2, "date", "2021-01-15", "before_campaign"),
        before=STORED,
    ),
    Bad(
        "dose-vaccine-unknown", _dose({"vaccine": "Pfizer"}), (2, "vaccine", "Pfizer", "unknown_vaccine"), before=STORED
    ),
    Bad(
        "dose-centre-code", _dose({"centre_code": "PHC #1"}), (2, "centre_code", "PHC #1", "centre_code"), before=STORED
    ),
    Bad("dose-batch-empty", _dose({"batch": ""}), (2, "batch", "", "required"), before=STORED),
    Bad("dose-batch-too-long", _dose({"batch": "L" * 33}), (2, "batch", "L" * 33, "text_too_long"), before=STORED),
    Bad(
        "dose-twice",
        _dose({}, {"date": "2021-03-02"}),
        (3, "reference_id", None, "duplicate_key"),
        before=STORED,
    ),
    # --- vaccinations: the database ---
    Bad(
        "dose-unknown-person",
        _dose({"reference_id": "9999999999999"}),
        (2, "reference_id", "9999999999999", "unknown_beneficiary"),
        "import the beneficiaries file first",
        STORED,
    ),
    Bad(
        "dose-unknown-centre",
        _dose({"centre_code": "RPR-PHC-99"}),
        (2, "centre_code", "RPR-PHC-99", "unknown_centre"),
        "does not create centres",
        STORED,
    ),
    # --- vaccinations: a person's course ---
    Bad(
        "dose-2-without-dose-1",
        _dose({"dose_number": "2", "date": "2021-06-01"}),
        (2, "dose_number", "2", "dose_sequence"),
        "dose 2 needs dose 1 first",
        STORED,
    ),
    Bad(
        "precaution-without-dose-2",
        _dose({"dose_number": "precaution", "date": "2022-01-20"}),
        (2, "dose_number", "3", "dose_sequence"),
        "dose 3 needs dose 2 first",
        (*STORED, _dose()),
    ),
    Bad(
        "dose-2-too-early-in-the-file",
        _dose({}, {"dose_number": "2", "date": "2021-05-20"}),
        (3, "date", "2021-05-20", "dose2_too_early"),
        "dose 1 on 2021-03-01 and dose 2 on 2021-05-20 are 80 days apart; "
        "the second dose of Covishield comes at least 84 days after the first",
        STORED,
    ),
    Bad(
        "dose-2-too-early-after-the-stored-dose-1",
        _dose({"dose_number": "2", "date": "2021-05-23"}),
        (2, "date", "2021-05-23", "dose2_too_early"),
        "83 days apart",
        (*STORED, _dose()),
    ),
    Bad(
        "dose-1-corrected-too-close-to-the-stored-dose-2",
        _dose({"date": "2021-03-15"}),
        (2, "date", "2021-03-15", "dose2_too_early"),
        "dose 1 on 2021-03-15 and dose 2 on 2021-06-01 are 78 days apart",
        (*STORED, COURSE),
    ),
    Bad(
        "covaxin-dose-2-after-27-days",
        _dose({"vaccine": "Covaxin"}, {"dose_number": "2", "date": "2021-03-28", "vaccine": "Covaxin"}),
        (3, "date", "2021-03-28", "dose2_too_early"),
        "second dose of Covaxin comes at least 28 days",
        STORED,
    ),
    Bad(
        "covishield-before-13-may-2021-after-27-days",
        _dose({}, {"dose_number": "2", "date": "2021-03-28"}),
        (3, "date", "2021-03-28", "dose2_too_early"),
        "27 days apart; the second dose of Covishield comes at least 28 days",
        STORED,
    ),
    Bad(
        "precaution-too-early",
        _dose({"dose_number": "3", "date": "2022-01-10"}),
        (2, "date", "2022-01-10", "precaution_too_early"),
        "dose 2 on 2021-06-01 and the precaution dose on 2022-01-10 are 223 days apart; "
        "a precaution dose comes at least 273 days after the second dose of Covishield",
        (*STORED, COURSE),
    ),
    Bad(
        "dose-2-another-vaccine",
        _dose({}, {"dose_number": "2", "date": "2021-06-01", "vaccine": "Covaxin"}),
        (3, "vaccine", "COVAXIN", "vaccine_mismatch"),
        "dose 1 is Covishield and dose 2 is Covaxin; both doses of the primary course are the same vaccine",
        STORED,
    ),
    Bad(
        "dose-1-corrected-to-another-vaccine",
        _dose({"vaccine": "Covaxin"}),
        (2, "vaccine", "COVAXIN", "vaccine_mismatch"),
        "dose 1 is Covaxin and dose 2 is Covishield",
        (*STORED, COURSE),
    ),
]


@pytest.mark.parametrize("case", BAD, ids=[case.id for case in BAD])
def test_bad_registry_file_is_rejected_with_row_column_value_and_rule(engine, case: Bad) -> None:
    _commit(engine, *case.before)
    before = snapshot(engine)

    report = _run(engine, case.content, "bad.csv")

    assert report.status == "rejected"
    assert problems_of(report) == [case.problem]
    assert (report.new, report.changed, report.unchanged, report.revoked, report.batch_id) == (0, 0, 0, 0, None)
    message, message_hi = report.problems[0].message("en"), report.problems[0].message("hi")
    assert message and message_hi and message != message_hi
    assert "{" not in message + message_hi
    if case.detail:
        assert case.detail in message
    assert snapshot(engine) == before


def test_every_bad_cell_of_a_beneficiary_is_reported(sqlite_engine) -> None:
    content = beneficiaries_csv(
        [
            {"reference_id": "123", "name": "", "birth_year": "1800", "gender": "x", "mobile": "12345"},
            {"reference_id": REF2, "id_type": "Voter", "district": "Gotham"},
        ]
    )
    report = _run(sqlite_engine, content)
    assert problems_of(report) == [
        (2, "reference_id", "123", "reference_id"),
        (2, "name", "", "required"),
        (2, "birth_year", "1800", "birth_year"),
        (2, "gender", "x", "gender"),
        (2, "mobile", "X2345", "mobile"),
        (3, "id_type", "Voter", "id_type"),
        (3, "district", "Gotham", "unknown_district"),
    ]
    assert report.rejected == 2


def test_every_broken_vaccination_is_reported(sqlite_engine) -> None:
    _commit(sqlite_engine, *STORED)
    content = _dose(
        {},
        {"dose_number": "2", "date": "2021-03-20", "vaccine": "Covaxin"},
        {"reference_id": REF2, "dose_number": "3", "date": "2022-03-01", "centre_code": "XX-1"},
        {"reference_id": "9999999999999"},
    )
    report = _run(sqlite_engine, content)
    assert problems_of(report) == [
        (3, "date", "2021-03-20", "dose2_too_early"),
        (3, "vaccine", "COVAXIN", "vaccine_mismatch"),
        (4, "dose_number", "3", "dose_sequence"),
        (4, "centre_code", "XX-1", "unknown_centre"),
        (5, "reference_id", "9999999999999", "unknown_beneficiary"),
    ]
    assert report.rejected == 3


# --- Accepted forms --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Good:
    """A beneficiary row that must be accepted, and what must be stored for the cells it changes."""

    id: str
    cells: dict
    stored: dict  # column -> value; "mobile"/"id" -> the raw value whose hash and last four are stored


GOOD = [
    Good("gender-word", {"gender": "Female"}, {"gender": "F"}),
    Good("gender-hindi", {"gender": "पुरुष"}, {"gender": "M"}),
    Good("gender-other-hindi", {"gender": "अन्य"}, {"gender": "O"}),
    Good("gender-lower-case", {"gender": "o"}, {"gender": "O"}),
    Good("mobile-plus-91-spaces", {"mobile": "+91 98765 43210"}, {"mobile": MOBILE}),
    Good("mobile-leading-0", {"mobile": "098765-43210"}, {"mobile": MOBILE}),
    Good("mobile-91-no-plus", {"mobile": "919876543210"}, {"mobile": MOBILE}),
    Good("mobile-devanagari-digits", {"mobile": "९८७६५४३२१०"}, {"mobile": MOBILE}),
    Good("aadhaar-in-groups", {"id_number": "2341 2341 2346"}, {"id": ("AADHAAR", AADHAAR)}),
    Good("aadhaar-spelling", {"id_type": "Aadhar Card"}, {"id": ("AADHAAR", AADHAAR)}),
    Good("pan-lower-case", {"id_type": "pan", "id_number": "abcpv1234k"}, {"id": ("PAN", "ABCPV1234K")}),
    Good("voter-id-epic", {"id_type": "EPIC", "id_number": "CGV1234567"}, {"id": ("VOTER_ID", "CGV1234567")}),
    Good(
        "driving-licence-with-hyphens",
        {"id_type": "Driving License", "id_number": "CG04-2011-0012345"},
        {"id": ("DRIVING_LICENCE", "CG0420110012345")},
    ),
    Good("passport", {"id_type": "पासपोर्ट", "id_number": "A1234567"}, {"id": ("PASSPORT", "A1234567")}),
    Good("district-hindi", {"district": "दुर्ग"}, {"district_code": "DRG"}),
    Good("birth-year-1900", {"birth_year": "1900"}, {"birth_year": 1900}),
    Good("birth-year-12-this-year", {"birth_year": "2010"}, {"birth_year": 2010}),
    Good("name-with-spaces-around", {"name": "  Sunita Sahu "}, {"name": "Sunita Sahu"}),
]
STORED_COLUMNS = ("name", "birth_year", "gender", "mobile_hash", "mobile_last4", "id_type", "id_hash", "id_last4")


def _expected_row(**overrides) -> dict:
    row = {"name": "Sunita Sahu", "birth_year": 1980, "gender": "F", "district_code": "RPR"}
    mobile = overrides.pop("mobile", MOBILE)
    id_type, number = overrides.pop("id", ("AADHAAR", AADHAAR))
    row |= {
        "mobile_hash": settings.identifier_hash(mobile),
        "mobile_last4": mobile[-4:],
        "id_type": id_type,
        "id_hash": settings.identifier_hash(f"{id_type}:{number}"),
        "id_last4": number[-4:],
    }
    return row | overrides


@pytest.mark.parametrize("case", GOOD, ids=[case.id for case in GOOD])
def test_accepted_form_is_stored_as_its_value(sqlite_engine, case: Good) -> None:
    report = _run(sqlite_engine, _person(**case.cells))
    assert (report.status, report.problems, report.new) == ("committed", [], 1)
    expected = _expected_row(**case.stored)
    assert stored_beneficiaries(sqlite_engine) == {REF: tuple(expected[c] for c in (*STORED_COLUMNS, "district_code"))}


def test_xlsx_with_numeric_cells_on_both_backends(engine) -> None:
    header = [c.upper() for c in BENEFICIARY_COLUMNS]
    row = [int(REF), "सुनीता साहू", 1980, "महिला", int(MOBILE), "Aadhaar", int(AADHAAR), "रायपुर"]
    report = _run(engine, to_xlsx(header, [row]), "people.xlsx")
    assert (report.status, report.kind, report.new) == ("committed", "beneficiaries", 1)
    assert stored_beneficiaries(engine)[REF][:3] == ("सुनीता साहू", 1980, "F")


@pytest.mark.parametrize("key", ["k", "x" * 64, "long-" * 30, "कुंजी"], ids=["short", "one-block", "long", "hindi"])
def test_identifier_hasher_is_hmac_sha256_of_the_key(monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    monkeypatch.setenv(settings.ENVIRONMENT["identifier_key"], key)
    digest = settings.identifier_hasher()
    for value in (MOBILE, f"AADHAAR:{AADHAAR}", "", "सुनीता"):
        expected = hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()
        assert digest(value) == settings.identifier_hash(value) == expected


@pytest.mark.parametrize(
    ("number", "valid"),
    [("2363", True), ("2364", False), (AADHAAR, True), (OTHER_AADHAAR, True), ("234123412345", False)],
    ids=["textbook-236-3", "textbook-236-4", "aadhaar", "other-aadhaar", "one-digit-off"],
)
def test_verhoeff_check_digit(number: str, valid: bool) -> None:
    assert registry.verhoeff_valid(number) is valid


@pytest.mark.parametrize(
    ("text", "shown"),
    [(MOBILE, "XXXXXX3210"), ("+91 98765 43210", "XXXXXXXXXXX3210"), ("123", "123"), ("", ""), (None, None)],
    ids=["mobile", "written-with-prefix", "short", "empty", "none"],
)
def test_masked_shows_only_the_last_four(text, shown) -> None:
    assert registry.masked(text) == shown


# --- Devanagari names ------------------------------------------------------------------------------

NAMES = {
    "devanagari": "सुनीता साहू",
    "nukta-precomposed": "\u095bैनब \u095eातिमा",  # ज़ैनब फ़ातिमा written with U+095B and U+095E (NFC would split them)
    "nukta-decomposed": "\u091c\u093cैनब",
    "zero-width-joiner": "क्\u200dष",
    "mixed-scripts": "Ramesh रमेश Sahu",
}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_a_name_reads_back_exactly_as_the_file_held_it(engine, name: str) -> None:
    content = _person(name=f" {name} ")
    assert _run(engine, content).status == "committed"
    stored = stored_beneficiaries(engine)[REF][0]
    assert stored.encode("utf-8") == name.encode("utf-8")
    before = snapshot(engine)
    assert _run(engine, content).status == "unchanged"
    assert snapshot(engine) == before


def test_a_name_in_another_normalisation_form_is_unchanged(engine) -> None:
    name = NAMES["nukta-precomposed"]
    assert unicodedata.normalize("NFC", name) != name
    assert _run(engine, _person(name=name)).status == "committed"
    before = snapshot(engine)

    report = _run(engine, _person(name=unicodedata.normalize("NFC", name)))

    assert (report.status, report.unchanged) == ("unchanged", 1)
    assert snapshot(engine) == before


# --- Idempotence and dry runs ----------------------------------------------------------------------


def test_registry_files_commit_then_reimport_unchanged(engine) -> None:
    _commit(engine, CENTRES)
    people, course = _run(engine, PEOPLE, "people.csv"), _run(engine, COURSE, "course.csv")
    assert (people.status, people.kind, people.new) == ("committed", "beneficiaries", 2)
    assert (course.status, course.kind, course.new) == ("committed", "vaccinations", 2)
    assert stored_vaccinations(engine) == {
        (REF, 1): (date(2021, 3, 1), "COVISHIELD", "RPR-PHC-01", "4121Z001"),
        (REF, 2): (date(2021, 6, 1), "COVISHIELD", "RPR-PHC-01", "4121Z064"),
    }
    before = snapshot(engine)

    for content in (PEOPLE, COURSE):
        for _ in range(3):
            report = _run(engine, content)
            assert (report.status, report.unchanged, report.new, report.changed, report.batch_id) == (
                "unchanged",
                2,
                0,
                0,
                None,
            )
    assert snapshot(engine) == before
    assert table_counts(engine)["import_batch"] == 3


def test_the_same_people_written_differently_are_unchanged(engine) -> None:
    _commit(engine, PEOPLE)
    before = snapshot(engine)
    spelled = beneficiaries_csv(
        [
            {"mobile": "+91 98765-43210", "gender": "महिला", "id_type": "Aadhar", "id_number": "2341-2341-2346"},
            {
                "reference_id": "१२३४५६७८९०१२४",
                "name": "Ramesh Verma",
                "gender": "male",
                "mobile": "0" + OTHER_MOBILE,
                "id_number": "4567 4567 4566",
            },
        ]
    )
    report = _run(engine, spelled)
    assert (report.status, report.unchanged, report.problems) == ("unchanged", 2, [])
    assert snapshot(engine) == before


def test_a_new_dose_is_not_a_correction(engine) -> None:
    _commit(engine, *STORED, _dose())
    _certificate(engine, "cert-1", REF)

    report = _run(engine, COURSE)

    assert (report.status, report.new, report.changed, report.unchanged, report.revoked) == ("committed", 1, 0, 1, 0)
    assert _revocations(engine) == {}
    assert _history(engine) == []


DRY_RUN_CASES = {
    "people": ((CENTRES,), PEOPLE),
    "people-unchanged": ((PEOPLE,), PEOPLE),
    "people-corrected": ((PEOPLE,), beneficiaries_csv([{"mobile": OTHER_MOBILE}])),
    "course": (STORED, COURSE),
    "dose-corrected": ((*STORED, COURSE), _dose({"batch": "4121Z002"})),
}


@pytest.mark.parametrize(("earlier", "content"), DRY_RUN_CASES.values(), ids=DRY_RUN_CASES.keys())
def test_dry_run_reports_what_the_commit_then_does(engine, earlier: tuple[bytes, ...], content: bytes) -> None:
    _commit(engine, *earlier)
    if REF in stored_beneficiaries(engine):
        _certificate(engine, "cert-1", REF)
    before = snapshot(engine)

    dry = _run(engine, content, dry_run=True)
    assert (dry.status, dry.batch_id) == ("dry-run", None)
    assert snapshot(engine) == before

    real = _run(engine, content)
    assert real.status in ("committed", "unchanged")

    def counts(r: FileReport) -> tuple:
        return (r.kind, r.rows, r.new, r.changed, r.unchanged, r.rejected, r.revoked, r.problems, r.sha256)

    assert counts(dry) == counts(real)
    assert real.revoked == len(_revocations(engine))


# --- Corrections: history and revocation -----------------------------------------------------------


def test_a_corrected_beneficiary_keeps_the_old_values_and_revokes_the_certificates(engine) -> None:
    _commit(engine, *STORED, COURSE)
    first = stored_beneficiaries(engine)
    _certificate(engine, "cert-old", REF, revoked=True)
    _certificate(engine, "cert-new", REF)
    _certificate(engine, "cert-other", REF2)
    corrected = beneficiaries_csv(
        [
            {"name": "Sunita Sahu Verma", "mobile": OTHER_MOBILE, "id_number": OTHER_AADHAAR},
            {
                "reference_id": REF2,
                "name": "Ramesh Verma",
                "gender": "M",
                "mobile": OTHER_MOBILE,
                "id_number": REF2_AADHAAR,
            },
        ]
    )

    report = _run(engine, corrected, "people-corrected.csv", user="officer-b")

    assert (report.status, report.changed, report.unchanged, report.revoked) == ("committed", 1, 1, 1)
    assert stored_beneficiaries(engine)[REF] == (
        "Sunita Sahu Verma",
        1980,
        "F",
        settings.identifier_hash(OTHER_MOBILE),
        "6780",
        "AADHAAR",
        settings.identifier_hash(f"AADHAAR:{OTHER_AADHAAR}"),
        "3457",
        "RPR",
    )
    assert stored_beneficiaries(engine)[REF2] == first[REF2]
    old = first[REF]
    assert _history(engine) == [
        (
            "beneficiary",
            REF,
            None,
            {"name": "Sunita Sahu", "mobile_hash": old[3], "mobile_last4": "3210", "id_type": "AADHAAR",
             "id_hash": old[6], "id_last4": "2346"},
            {"name": "Sunita Sahu Verma", "mobile_hash": settings.identifier_hash(OTHER_MOBILE), "mobile_last4": "6780",
             "id_type": "AADHAAR", "id_hash": settings.identifier_hash(f"AADHAAR:{OTHER_AADHAAR}"), "id_last4": "3457"},
            report.batch_id,
        )
    ]  # fmt: skip
    assert _revocations(engine) == {
        "cert-old": ("beneficiary-corrected", None),  # revoked before: left as it was
        "cert-new": ("beneficiary-corrected", report.batch_id),
    }
    with engine.connect() as conn:
        batch = conn.execute(select(ImportBatch.__table__).where(ImportBatch.id == report.batch_id)).one()
        revoked_at = conn.execute(
            select(CertificateRevocation.revoked_at).where(CertificateRevocation.certificate_id == "cert-new")
        ).scalar_one()
    assert (batch.kind, batch.file_name, batch.imported_by, batch.rows_changed) == (
        "beneficiaries",
        "people-corrected.csv",
        "officer-b",
        1,
    )
    assert revoked_at is not None


def test_a_corrected_vaccination_keeps_the_old_values_and_revokes_the_certificates(engine) -> None:
    _commit(engine, *STORED, COURSE)
    _certificate(engine, "cert-1", REF)

    report = _run(engine, _dose({}, {"dose_number": "2", "date": "2021-06-02", "centre_code": "DRG-PHC-01"}))

    assert (report.status, report.changed, report.unchanged, report.revoked) == ("committed", 1, 1, 1)
    assert stored_vaccinations(engine)[(REF, 2)] == (date(2021, 6, 2), "COVISHIELD", "DRG-PHC-01", "4121Z001")
    assert _history(engine) == [
        (
            "vaccination",
            REF,
            2,
            {"date": "2021-06-01", "centre_code": "RPR-PHC-01", "lot": "4121Z064"},
            {"date": "2021-06-02", "centre_code": "DRG-PHC-01", "lot": "4121Z001"},
            report.batch_id,
        )
    ]
    assert _revocations(engine) == {"cert-1": ("vaccination-corrected", report.batch_id)}


def test_a_correction_beside_a_new_person_keeps_whole_numbers_in_the_history(engine) -> None:
    _commit(engine, _person())

    report = _run(
        engine,
        beneficiaries_csv([{"birth_year": "1981", "gender": "O"}, {"reference_id": REF2, "id_number": REF2_AADHAAR}]),
    )

    assert (report.status, report.new, report.changed, report.revoked) == ("committed", 1, 1, 0)
    assert _history(engine) == [
        (
            "beneficiary",
            REF,
            None,
            {"birth_year": 1980, "gender": "F"},
            {"birth_year": 1981, "gender": "O"},
            report.batch_id,
        )
    ]


def test_import_lock_and_batch_are_taken_for_a_registry_import(engine) -> None:
    with engine.connect() as conn:
        locks = conn.execute(select(ImportLock.imports)).scalar_one()
    report = _run(engine, PEOPLE, "people.csv", user="officer-a")
    with engine.connect() as conn:
        assert conn.execute(select(ImportLock.imports)).scalar_one() == locks + 1
        batch = conn.execute(select(ImportBatch.__table__)).one()
    assert (batch.id, batch.kind, batch.sha256, batch.imported_by, batch.rows_new) == (
        report.batch_id,
        "beneficiaries",
        report.sha256,
        "officer-a",
        2,
    )


def _db_error(*_args, **_kwargs):
    raise OperationalError("INSERT INTO certificate_revocation ...", {}, sqlite3.OperationalError("disk I/O error"))


def test_a_failure_while_writing_leaves_the_database_as_it_was(engine, monkeypatch: pytest.MonkeyPatch) -> None:
    _commit(engine, *STORED, COURSE)
    _certificate(engine, "cert-1", REF)
    before = snapshot(engine)
    write = kinds.by_code("beneficiaries").write

    def failing(plan, batch_id, conn):
        write(plan, batch_id, conn)  # everything is written in the transaction, then the database fails
        _db_error()

    failing_kinds = tuple(replace(k, write=failing) if k.code == "beneficiaries" else k for k in kinds.KINDS)
    monkeypatch.setattr(kinds, "KINDS", failing_kinds)
    report = _run(
        engine,
        beneficiaries_csv([{"mobile": OTHER_MOBILE}, {"reference_id": "1234567890125", "id_number": OTHER_AADHAAR}]),
    )

    assert (report.status, report.batch_id) == ("failed", None)
    assert problems_of(report) == [(None, None, None, "database")]
    assert snapshot(engine) == before


def test_without_an_identifier_key_nothing_is_imported(engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(settings.ENVIRONMENT["identifier_key"])
    monkeypatch.setenv("DATABASE_URL", "postgresql://db.example/teeka")  # not the embedded demo database
    monkeypatch.setattr("data.settings._secrets_files", lambda: [])
    before = snapshot(engine)

    report = _run(engine, PEOPLE)

    assert (report.status, problems_of(report)) == ("failed", [(None, None, None, "missing_secret")])
    assert "TEEKA_IDENTIFIER_KEY" in report.problems[0].message()
    assert snapshot(engine) == before


# --- Privacy ---------------------------------------------------------------------------------------

SECRETS = (MOBILE, AADHAAR, OTHER_MOBILE, OTHER_AADHAAR, REF2_AADHAAR, "98765 43210", "2341 2341 2346")


def _text_cells(engine) -> list[str]:
    """Every value of every table, as text (text columns and all others: a number stored as one would show)."""
    with engine.connect() as conn:
        return [
            str(value)
            for table in SQLModel.metadata.sorted_tables
            for row in conn.execute(select(table))
            for value in row
            if value is not None
        ]


def _assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret} appears"


def test_no_raw_mobile_or_id_number_reaches_the_database_or_a_report(engine, tmp_path, capsys) -> None:
    _commit(engine, CENTRES)
    people = beneficiaries_csv([{"mobile": "+91 98765 43210", "id_number": "2341 2341 2346"}])
    corrected = beneficiaries_csv([{"mobile": OTHER_MOBILE, "id_number": OTHER_AADHAAR}])
    bad = beneficiaries_csv(
        [
            {"mobile": MOBILE + "1", "id_number": AADHAAR[:-1] + "5"},
            {"reference_id": REF2, "name": MOBILE, "id_type": "PAN", "id_number": AADHAAR},
            {"reference_id": "1234567890125", "mobile": "5" + MOBILE[1:], "id_number": "1" + AADHAAR[1:]},
        ]
    )
    reports = [_run(engine, people), _run(engine, corrected), _run(engine, bad), _run(engine, bad, dry_run=True)]
    _certificate(engine, "cert-1", REF)
    reports.append(_run(engine, people))  # a second correction: revokes, history holds the other numbers

    assert [r.status for r in reports] == ["committed", "committed", "rejected", "rejected", "committed"]
    assert len(reports[2].problems) == 6
    cells = _text_cells(engine)
    assert any(settings.identifier_hash(MOBILE) in cell for cell in cells)  # the scan does see the hashes
    _assert_no_secret("\n".join(cells))
    for report in reports:
        _assert_no_secret(json.dumps(report.to_dict(), ensure_ascii=False))
        _assert_no_secret(describe(report))
        for problem in report.problems:
            _assert_no_secret(problem.message("en") + problem.message("hi") + repr(problem))


def test_cli_imports_a_beneficiaries_file_without_printing_numbers(tmp_path, monkeypatch, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    good, bad = tmp_path / "people.csv", tmp_path / "bad.csv"
    good.write_bytes(PEOPLE)
    bad.write_bytes(beneficiaries_csv([{"mobile": MOBILE + "1"}]))

    assert main([str(good), "--user", "officer-a"]) == 0
    out, err = capsys.readouterr()
    assert f"{good} — registry: beneficiaries — committed as import #1" in out
    assert "rows 2 · new 2 · changed 0 · unchanged 0 · rejected 0" in out

    assert main(["--json", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    files = json.loads(out)["files"]
    assert [(f["kind"], f["status"], f["unchanged"], f["revoked_certificates"]) for f in files] == [
        ("beneficiaries", "unchanged", 2, 0),
        ("beneficiaries", "rejected", 0, 0),
    ]
    assert [(p["row"], p["column"], p["value"], p["rule"]) for p in files[1]["problems"]] == [
        (2, "mobile", "XXXXXXX2101", "mobile")
    ]
    assert "Traceback" not in out + err
    _assert_no_secret(out + err)

    assert main([str(bad)]) == 1
    out, err = capsys.readouterr()
    assert "row 2, column 'mobile', value 'XXXXXXX2101': [mobile]" in out
    _assert_no_secret(out + err)


def test_counts_of_registry_tables(engine) -> None:
    _commit(engine, *STORED, COURSE)
    counts = table_counts(engine)
    assert (counts["beneficiary"], counts["vaccination"], counts["registry_correction"]) == (2, 2, 0)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Certificate.__table__)).scalar_one() == 0
