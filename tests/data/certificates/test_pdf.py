"""Tests for data.certificates.pdf: what the certificate says, its fonts and metadata, and its QR code read back."""

from __future__ import annotations

import io
from datetime import date

import pypdfium2
import pytest
from cryptography.hazmat.primitives import serialization
from pypdf import PdfReader

from data.certificates.pdf import render_pdf
from data.certificates.qr import decode_qr
from data.certificates.signing import sign_certificate, verification_url
from data.models import DosePublic
from tests.data.certificates.test_signing import KID, TEST_KEY, certificate

BASE_URL = "https://teeka.cg.gov.in"
VACCINES = {"COVISHIELD": "Covishield", "COVAXIN": "Covaxin"}
DOSES = {1: "First dose\nपहली खुराक", 2: "Second dose\nदूसरी खुराक", 3: "Precaution dose\nएहतियाती खुराक"}


def _configure(patch: pytest.MonkeyPatch) -> None:
    """Keys and the public address through the environment, as data.settings reads (never the demo keys)."""
    pem = TEST_KEY.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    patch.setenv("TEEKA_SIGNING_KEY", pem)
    patch.setenv("TEEKA_SIGNING_KID", KID)
    patch.setenv("TEEKA_PUBLIC_BASE_URL", BASE_URL)


@pytest.fixture(autouse=True)
def configured(monkeypatch):
    _configure(monkeypatch)


def _render(cert=None, **options) -> bytes:
    cert = cert or certificate()
    return render_pdf(cert, sign_certificate(cert), vaccine_names=VACCINES, dose_names=DOSES, **options)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    with pytest.MonkeyPatch.context() as patch:
        _configure(patch)
        return _render()


EXPECTED_TEXT = [
    "Vaccination Certificate",
    "COVID-19 vaccination",
    "Name",
    "सुनीता देवी साहू",
    "Year of birth",
    "1985",
    "Gender",
    "Female",
    "Photo ID",
    "Aadhaar XXXX-XXXX-9876",
    "Status",
    "Fully vaccinated, with precaution dose",
    "Vaccination details",
    "Dose",
    "Date",
    "Vaccine",
    "Centre",
    "District",
    "First dose\nपहली खुराक 03-05-2021 Covishield PHC Abhanpur Raipur",
    "Second dose\nदूसरी खुराक 01-08-2021 Covishield PHC Abhanpur Raipur",
    "Precaution dose\n",
    " 10-04-2022 Covishield PHC Abhanpur Raipur",
    "Certificate ID",
    "C7K2M9XQ4T8WZP3R",
    "Issued",
    "05-01-2024 16:00 IST",  # 10:30 UTC in India time
    "Scan to verify",
    "https://teeka.cg.gov.in/verify",
    "Digitally signed.",
]


@pytest.mark.parametrize("expected", EXPECTED_TEXT)
def test_the_certificate_says(pdf, expected):
    assert expected in _text(pdf)


def test_the_precaution_dose_is_named_never_numbered(pdf):
    """Each dose by its name from the master list (dose_numbers.csv), never "3" (issue 14)."""
    rows = [line for line in _text(pdf).splitlines() if "-2021 " in line or "-2022 " in line]
    assert len(rows) == 3
    assert not any(line.split()[0].isdigit() for line in rows)
    assert "Precaution dose" in _text(pdf).split("Vaccination details")[1]


def test_one_a4_page(pdf):
    (page,) = PdfReader(io.BytesIO(pdf)).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_the_noto_fonts_are_embedded(pdf):
    fonts = {}
    for font in PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        fonts[str(font["/BaseFont"]).split("+")[-1]] = "/FontFile2" in descriptor
    assert fonts == {"NotoSans": True, "NotoSansDevanagari": True}


def test_metadata_has_a_title_and_nothing_personal(pdf):
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert metadata.title == "Vaccination Certificate"
    values = " ".join(str(value) for value in metadata.values())
    for personal in ("सुनीता", "9876", "C7K2M9XQ4T8WZP3R", "Raipur", "1985"):
        assert personal not in values


def test_the_qr_code_read_from_the_printed_page_is_the_verification_url(pdf):
    document = pypdfium2.PdfDocument(pdf)
    buffer = io.BytesIO()
    try:
        page = document[0]
        bitmap = page.render(scale=150 / 72)  # 150 dpi: a 40 mm code of ~90 modules gets ~2.6 pixels a module
        bitmap.to_pil().save(buffer, format="PNG")
        bitmap.close()
        page.close()
    finally:
        document.close()
    token = sign_certificate(certificate())
    assert decode_qr(buffer.getvalue()) == verification_url(token) == f"{BASE_URL}/verify?c={token}"


def test_the_same_certificate_renders_the_same_bytes(pdf):
    assert _render() == pdf


@pytest.mark.parametrize(
    ("demo", "shown"), [(True, True), (False, False), (None, False)], ids=["demo", "real", "from-keys"]
)
def test_demo_notice(demo, shown):
    assert ("This is not a valid certificate" in _text(_render(demo=demo))) == shown


def test_demo_keys_put_the_notice_on_by_default(monkeypatch):
    monkeypatch.setattr("data.certificates.pdf.uses_demo_keys", lambda: True)
    assert "This is not a valid certificate" in _text(_render())


CASES = [
    ({"gender": "M", "status": "partial"}, ["Male", "Partially vaccinated"], "male-partial"),
    ({"gender": "O", "status": "full"}, ["Other", "Fully vaccinated"], "other-full"),
    ({"name": "Sunita Devi Sahu"}, ["Sunita Devi Sahu"], "latin-name"),
    ({"id_type": "Passport", "id_masked": "XXXXX4321"}, ["Passport XXXXX4321"], "passport"),
]


@pytest.mark.parametrize(("changes", "expected"), [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_fields(changes, expected):
    text = _text(_render(certificate(**changes)))
    assert all(line in text for line in expected)


def test_an_unknown_vaccine_code_is_printed_as_it_is():
    doses = [DosePublic(number=1, date=date(2021, 6, 1), vaccine="SPUTNIK", centre="CHC Arang", district="Raipur")]
    assert "First dose\nपहली खुराक 01-06-2021 SPUTNIK CHC Arang Raipur" in _text(
        _render(certificate(doses=doses, status="partial"))
    )


def test_long_names_and_centres_wrap_without_error():
    centre = "प्राथमिक स्वास्थ्य केंद्र " * 4
    doses = [
        DosePublic(number=n, date=date(2021, n, 1), vaccine="COVAXIN", centre=centre, district="Bastar")
        for n in (1, 2, 3)
    ]
    cert = certificate(name="क्षत्रिय श्रीमती " * 6, doses=doses)
    text = _text(_render(cert))
    assert "Covaxin" in text and "Bastar" in text
