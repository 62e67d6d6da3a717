"""The public certificate lookup through AppTest: the whole flow, anti-enumeration, throttles, fail-closed, privacy.

The registry: Sunita (Devanagari name, two doses) and Ramesh (one dose) share the mobile 98765 43210; Kavita
has her own mobile and no dose yet. Every test runs on SQLite and PostgreSQL (the `engine` fixture).
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import streamlit as st
from pypdf import PdfReader
from pypdfium2 import PdfDocument
from sqlalchemy import inspect, select, text
from sqlmodel import Session
from streamlit.runtime.media_file_manager import MediaFileManager

from data import db
from data.certificates import lookup, sms
from data.certificates.qr import decode_qr
from data.certificates.signing import token_from_text
from data.models import LookupAudit, LookupChallenge, SmsOutbox
from stats.labels import t
from tests.files import beneficiaries_csv, doses_csv, run_import, vaccinations_csv
from tests.pages.conftest import open_page

SUNITA = {"reference_id": "1000000000001", "name": "सुनीता देवी साहू", "birth_year": "1985", "mobile": "9876543210"}
RAMESH = {
    "reference_id": "1000000000002",
    "name": "Ramesh Kumar",
    "birth_year": "1979",
    "gender": "M",
    "mobile": "+91 98765 43210",
    "id_number": "234123412346",
}
KAVITA = {"reference_id": "1000000000003", "name": "Kavita Verma", "mobile": "9123456780", "id_number": "456745674566"}
SUNITA_ID = "345600071234"  # the Aadhaar number on Sunita's row (Verhoeff-valid)
SHOTS = [
    {"reference_id": SUNITA["reference_id"], "dose_number": "1", "date": "2021-03-01"},
    {"reference_id": SUNITA["reference_id"], "dose_number": "2", "date": "2021-06-01"},
    {"reference_id": RAMESH["reference_id"], "dose_number": "1", "date": "2021-06-10"},
]


@pytest.fixture
def registry(engine, monkeypatch):
    """The app on the test database (SQLite or PostgreSQL) with the three registrations above."""
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    for content in (
        doses_csv([{}]),
        beneficiaries_csv([{**SUNITA, "id_number": SUNITA_ID}, RAMESH, KAVITA]),
        vaccinations_csv(SHOTS),
    ):
        report = run_import(engine, content)
        assert report.status == "committed", report.problems
    st.cache_data.clear()
    sms.DELIVERED.clear()
    yield engine
    sms.DELIVERED.clear()
    db.dispose_app_engines()  # the app's pooled connections, before the engine is forgotten
    st.cache_data.clear()


@pytest.fixture
def deferred(monkeypatch) -> list:
    """The callables the page hands to deferred PDF download buttons (the PDF is made only when clicked); the
    public summary the run opens on makes its XLSX downloads the same way, and they are left out."""
    made: list = []
    original = MediaFileManager.add_deferred

    def add_deferred(self, data, mimetype, *args, **kwargs):
        if mimetype == "application/pdf":
            made.append(data)
        return original(self, data, mimetype, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return made


def outbox_code(engine) -> str | None:
    """The newest code the outbox sender delivered (to this process's memory: the database keeps none)."""
    with engine.connect() as conn:
        bodies = conn.execute(select(SmsOutbox.body)).scalars().all()
    assert all(not re.search(r"\d{6}", body) for body in bodies)  # the outbox never holds a code
    return sms.DELIVERED.latest()


def submit_details(app, reference: str, mobile: str):
    app.text_input(key="cert_reference").input(reference)
    app.text_input(key="cert_mobile").input(mobile)
    app.button[0].click()  # the form's submit button comes first
    app.run()
    return app


def submit_code(app, code: str):
    app.text_input(key="cert_code").input(code)
    next(b for b in app.button if b.label == "Show my certificate").click()
    app.run()
    return app


def tree(app) -> list[tuple]:
    """The rendered page as (element type, visible text) in order: what a person (or a script) can compare."""
    shown = []
    for node in app.main:
        for element in _walk(node):
            kind = type(element).__name__
            value = getattr(element, "value", None) if kind not in ("TextInput",) else None
            shown.append((kind, getattr(element, "label", None), str(value) if value is not None else None))
    return shown


def _walk(node):
    children = getattr(node, "children", None)
    if children:
        for child in children.values():
            yield from _walk(child)
    else:
        yield node


def test_full_flow_shows_the_certificate_and_a_pdf_with_a_verifiable_qr(registry, deferred) -> None:
    app = open_page("certificate")
    submit_details(app, SUNITA["reference_id"], "98765-43210")
    assert [i.value for i in app.info] == [
        "If these details match a registration, a 6-digit code has been sent to that mobile. "
        "It is valid for 10 minutes."
    ]
    code = outbox_code(registry)
    assert code is not None
    submit_code(app, code)
    assert not app.exception
    assert [s.value for s in app.subheader] == ["सुनीता देवी साहू", "Vaccination details"]
    details = app.dataframe[0].value
    assert dict(details.values.tolist())["Photo ID"] == "Aadhaar / आधार XXXX-XXXX-1234"
    assert dict(details.values.tolist())["Status"] == "Fully vaccinated"
    doses = app.dataframe[1].value
    assert doses.values.tolist() == [
        ["First dose", "1 March 2021", "Covishield", "PHC Mana", "Raipur / रायपुर"],
        ["Second dose", "1 June 2021", "Covishield", "PHC Mana", "Raipur / रायपुर"],
    ]

    assert len(deferred) == 1
    pdf = deferred[0]()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "XXXX-XXXX-1234" in text and "01-03-2021" in text and "01-06-2021" in text
    image = PdfDocument(pdf)[0].render(scale=150 / 72).to_pil()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    url = decode_qr(buffer.getvalue())
    assert url is not None and url.startswith("https://teeka.test/verify?c=")

    from data.certificates.issue import check

    with Session(registry) as session:
        verdict = check(url, session=session)
    assert (verdict.valid, verdict.claims["n"], verdict.claims["by"]) == (True, "सुनीता देवी साहू", 1985)
    assert [d[:2] for d in verdict.claims["d"]] == [[1, "2021-03-01"], [2, "2021-06-01"]]


@pytest.mark.parametrize(
    ("lang", "names", "status"),
    [
        ("en", ["First dose", "Second dose", "Precaution dose"], "Fully vaccinated, with precaution dose"),
        ("hi", ["पहली खुराक", "दूसरी खुराक", "एहतियाती खुराक"], "पूर्ण टीकाकृत, एहतियाती खुराक सहित"),
    ],
    ids=["en", "hi"],
)
def test_the_precaution_dose_is_named_on_the_page_and_in_the_pdf(registry, deferred, lang, names, status) -> None:
    """Issue 14: a precaution dose is never listed as dose "3"."""
    precaution = {"reference_id": SUNITA["reference_id"], "dose_number": "precaution", "date": "2022-03-10"}
    report = run_import(registry, vaccinations_csv([precaution]), today=datetime(2022, 4, 1).date())
    assert report.status == "committed", report.problems
    app = open_page("certificate", lang=lang)
    submit_details(app, SUNITA["reference_id"], SUNITA["mobile"])
    code = outbox_code(registry)
    app.text_input(key="cert_code").input(code)
    next(b for b in app.button if b.label == t("certificate.show", lang)).click()
    app.run()
    assert not app.exception
    assert app.dataframe[1].value.iloc[:, 0].tolist() == names
    assert dict(app.dataframe[0].value.values.tolist())[app.dataframe[0].value.iloc[4, 0]] == status
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(deferred[0]())).pages)
    rows = pdf_text.split("Vaccination details")[1]
    assert "First dose" in rows and "Second dose" in rows and "Precaution dose" in rows
    assert not re.search(r"^\d \d{2}-\d{2}-\d{4}", rows, flags=re.MULTILINE)  # no dose printed as its number


def test_the_same_details_give_the_same_certificate(registry) -> None:
    ids = []
    for _ in range(2):
        app = open_page("certificate")
        submit_details(app, RAMESH["reference_id"], "9876543210")
        submit_code(app, outbox_code(registry))
        ids.append(dict(app.dataframe[0].value.values.tolist())["Certificate ID"])
    assert ids[0] == ids[1]


def test_beneficiaries_sharing_a_mobile_see_only_their_own(registry) -> None:
    app = submit_details(open_page("certificate"), RAMESH["reference_id"], "9876543210")
    submit_code(app, outbox_code(registry))
    shown = str(tree(app))
    assert "Ramesh Kumar" in shown
    assert "सुनीता" not in shown and SUNITA["reference_id"] not in shown


def test_a_registration_without_doses_says_so_after_the_code(registry) -> None:
    app = submit_details(open_page("certificate"), KAVITA["reference_id"], KAVITA["mobile"])
    submit_code(app, outbox_code(registry))
    assert [i.value for i in app.info] == ["No dose is recorded for this registration yet."]


def _failure(registry, case: str):
    app = open_page("certificate")
    if case == "unknown id":
        submit_details(app, "1999999999999", SUNITA["mobile"])
    elif case == "wrong mobile":
        submit_details(app, SUNITA["reference_id"], "9000000000")
    elif case == "wrong code":
        submit_details(app, SUNITA["reference_id"], SUNITA["mobile"])
    elif case == "throttled":
        for _ in range(lookup.PER_REFERENCE_CLIENT.limit):
            submit_details(open_page("certificate"), SUNITA["reference_id"], "9000000000")
        submit_details(app, SUNITA["reference_id"], SUNITA["mobile"])
    after_details = tree(app)
    real = outbox_code(registry)
    wrong = "000000" if real != "000000" else "111111"
    submit_code(app, wrong)
    return after_details, tree(app)


CASES = ["unknown id", "wrong mobile", "wrong code", "throttled"]


def test_every_failure_renders_the_same_page(registry) -> None:
    trees = {case: _failure(registry, case) for case in CASES}
    first = trees[CASES[0]]
    for case in CASES[1:]:
        assert trees[case] == first, case
    after_details, after_code = first
    assert (
        "Error",
        None,
        "The certificate cannot be shown with these details and this code. Check the code, or start again.",
    ) in [(k, None, v) for k, _, v in after_code]


def test_the_reference_throttle_holds_across_sessions_and_refuses_the_right_code(registry) -> None:
    for _ in range(lookup.PER_REFERENCE_CLIENT.limit):
        submit_details(open_page("certificate"), SUNITA["reference_id"], "9000000000")
    before = outbox_code(registry)
    app = submit_details(open_page("certificate"), SUNITA["reference_id"], SUNITA["mobile"])
    assert outbox_code(registry) == before  # no code was sent while throttled
    submit_code(app, before or "123456")
    assert [e.value for e in app.error]


def test_the_client_throttle_counts_lookups_from_one_address(registry, monkeypatch) -> None:
    monkeypatch.setattr("pages._shared.client_address", lambda: "203.0.113.9")
    for n in range(lookup.PER_CLIENT.limit):
        submit_details(open_page("certificate"), f"19999999999{n:02d}", "9000000000")
    app = submit_details(open_page("certificate"), RAMESH["reference_id"], "9876543210")
    assert outbox_code(registry) is None
    with registry.connect() as conn:
        outcomes = [row.outcome for row in conn.execute(select(LookupAudit.outcome).order_by(LookupAudit.id))]
    assert outcomes[-1] == "throttled-client"
    # Another address is not held back by this one.
    monkeypatch.setattr("pages._shared.client_address", lambda: "203.0.113.10")
    submit_details(open_page("certificate"), RAMESH["reference_id"], "9876543210")
    assert outbox_code(registry) is not None
    assert app.info


def test_the_lookup_fails_closed_when_the_throttle_store_is_down(registry, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    def down(*args, **kwargs):
        raise OperationalError("SELECT count(*) FROM throttle_event", {}, Exception("connection refused"))

    monkeypatch.setattr("data.accounts.throttle.is_exhausted", down)
    app = submit_details(open_page("certificate"), SUNITA["reference_id"], SUNITA["mobile"])
    assert outbox_code(registry) is None
    assert [i.value for i in app.info][0].startswith("If these details match a registration")
    submit_code(app, "123456")
    assert [e.value for e in app.error]


def test_a_code_expires_is_single_use_and_allows_five_tries(registry) -> None:
    with Session(registry) as session:
        from data.certificates.sms import OutboxSender

        challenge = lookup.start(
            SUNITA["reference_id"], SUNITA["mobile"], session=session, sender=OutboxSender(), client="t"
        )
    code = outbox_code(registry)
    wrong = "000000" if code != "000000" else "111111"
    now = datetime.now(UTC)
    with Session(registry) as session:
        late = lookup.redeem(challenge, code, session=session, client="t", now=now + timedelta(minutes=11))
        assert late is None
    with Session(registry) as session:
        for _ in range(4):
            assert lookup.redeem(challenge, wrong, session=session, client="t", now=now) is None
        # The 5 failures so far (1 late + 4 wrong) exhaust the reference throttle as well as the tries.
        assert lookup.redeem(challenge, code, session=session, client="t", now=now) is None


def test_a_right_code_works_once(registry) -> None:
    from data.certificates.sms import OutboxSender

    with Session(registry) as session:
        challenge = lookup.start(
            RAMESH["reference_id"], RAMESH["mobile"], session=session, sender=OutboxSender(), client="t"
        )
        code = outbox_code(registry)
        assert lookup.redeem(challenge, code, session=session, client="t") == RAMESH["reference_id"]
        assert lookup.redeem(challenge, code, session=session, client="t") is None


def test_audit_rows_hold_only_hashes(registry) -> None:
    app = submit_details(open_page("certificate"), SUNITA["reference_id"], SUNITA["mobile"])
    submit_code(app, outbox_code(registry))
    with registry.connect() as conn:
        rows = conn.execute(select(LookupAudit.__table__)).all()
    assert [(r.step, r.outcome) for r in rows] == [("lookup", "sent"), ("code", "code-accepted")]
    assert all(re.fullmatch(r"[0-9a-f]{64}", r.reference_hash) for r in rows)


def test_nothing_sensitive_is_stored_shown_or_put_in_the_url(registry, deferred, caplog) -> None:
    app = submit_details(open_page("certificate"), SUNITA["reference_id"], SUNITA["mobile"])
    submit_code(app, outbox_code(registry))
    secrets = [SUNITA["mobile"], "98765 43210", SUNITA_ID, "1985-", "234123412346"]
    shown = str(tree(app)) + str(dict(app.query_params)) + caplog.text
    pdf = deferred[0]()
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    token = token_from_text(decode_qr(_first_page_png(pdf)))
    import base64
    import json

    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    database = _every_text_cell(registry)
    for secret in secrets:
        assert secret not in shown
        assert secret not in pdf_text
        assert secret not in json.dumps(payload, ensure_ascii=False)
        assert secret not in database
    assert set(payload) == {"cid", "n", "by", "g", "d", "iat"}
    for key in ("cert_reference", "cert_mobile", "cert_code"):
        assert key not in app.session_state or app.session_state[key] == ""


def _first_page_png(pdf: bytes) -> bytes:
    image = PdfDocument(pdf)[0].render(scale=150 / 72).to_pil()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _every_text_cell(engine) -> str:
    cells = []
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                cells.extend(str(value) for value in row)
    return "\n".join(cells)


def test_challenge_rows_keep_no_code(registry) -> None:
    submit_details(open_page("certificate"), SUNITA["reference_id"], SUNITA["mobile"])
    code = outbox_code(registry)
    with registry.connect() as conn:
        challenge = conn.execute(select(LookupChallenge.__table__)).one()
    assert code not in str(tuple(challenge))


def test_the_page_is_bilingual(registry) -> None:
    app = open_page("certificate", lang="hi")
    assert app.title[0].value == "आपका टीकाकरण प्रमाणपत्र"
    assert [t.label for t in app.text_input] == ["संदर्भ आईडी (13 अंक)", "पंजीकृत मोबाइल नंबर"]


@pytest.mark.parametrize(
    "typed", ["0091 98765 43210", "९८७६५४३२१०", "+91-98765-43210"], ids=["0091", "devanagari", "plus-91"]
)
def test_a_mobile_written_any_way_the_importer_accepts_finds_the_registration(registry, typed) -> None:
    submit_details(open_page("certificate"), RAMESH["reference_id"], typed)
    assert outbox_code(registry) is not None


def test_the_demo_shows_its_people_and_the_code_sent_in_a_marked_banner(registry, monkeypatch) -> None:
    """The registry's database as the embedded default (demo) database, its demo data taken as loaded."""
    monkeypatch.delenv("DATABASE_URL")
    monkeypatch.setattr(db, "DEFAULT_URL", registry.url.render_as_string(hide_password=False))
    app = open_page("certificate", demo_checked=True)
    assert not app.exception
    assert app.info[0].value == (
        "Demo registrations to try: 9123456789012 + 9912345678 (सुनीता साहू); "
        "9234567890123 + 9987654321 (Ramesh Kumar Verma); 9345678901234 + 9987654321 (Kamla Bai Verma)."
    )
    submit_details(app, RAMESH["reference_id"], "9876543210")
    code = outbox_code(registry)
    assert [w.value for w in app.warning] == [
        f"DEMO ONLY — no SMS is sent in the demo. The code sent to this mobile is {code}."
    ]


@pytest.mark.parametrize(
    ("reference_id", "mobile", "errors"),
    [
        ("100000000001", SUNITA["mobile"], ["Reference id: a reference id has 13 digits"]),
        (SUNITA["reference_id"], "5876543210", ["Mobile number: a mobile number has 10 digits"]),
        (
            "1000000000001; DROP TABLE beneficiary",
            "=HYPERLINK(1)",
            ["Reference id: a reference id has 13 digits", "Mobile number: a mobile number has 10 digits"],
        ),
    ],
    ids=["short-reference", "not-a-mobile", "both"],
)
def test_malformed_details_say_what_is_wrong_and_send_nothing(registry, reference_id, mobile, errors) -> None:
    from tests.conftest import snapshot

    before = snapshot(registry)
    app = submit_details(open_page("certificate"), reference_id, mobile)
    assert not app.exception
    shown = [e.value for e in app.error]
    assert [text[: len(start)] for text, start in zip(shown, errors, strict=True)] == errors
    assert all(text.endswith("Nothing was sent.") for text in shown)
    assert app.text_input(key="cert_reference")  # still asking for the details
    assert snapshot(registry) == before  # no challenge, no message, no throttle count, no audit row
    assert outbox_code(registry) is None
    # In Hindi too, and a well-formed retry goes on to the code.
    app.sidebar.radio[0].set_value("hi").run()
    assert [e.value for e in app.error][0].split(":")[0] in ("संदर्भ आईडी", "मोबाइल नंबर")
    submit_details(app, SUNITA["reference_id"], SUNITA["mobile"])
    assert not app.error and outbox_code(registry) is not None


def test_an_unknown_but_well_formed_reference_id_gets_no_form_message(registry) -> None:
    app = submit_details(open_page("certificate"), "1999999999999", SUNITA["mobile"])
    assert not app.error  # the form is right; whether it exists is never said
    assert [i.value for i in app.info][0].startswith("If these details match a registration")
