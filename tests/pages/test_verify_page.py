"""The public verification page through AppTest: a token from the QR link, pasted text or a photo; every verdict
(valid, demo, each kind of invalid) first, above the form, with the name, status and each dose by its name."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image
from sqlalchemy import insert
from sqlmodel import Session

from data.certificates.issue import issue
from data.certificates.qr import qr_png
from data.certificates.signing import sign, sign_certificate, verification_url
from data.models import CertificateRevocation
from tests.data.certificates.test_signing import certificate
from tests.pages.conftest import open_page
from tests.pages.test_certificate_page import RAMESH, registry  # noqa: F401  (the registry fixture)

VALID = "This certificate was issued by the state and is unchanged."


@pytest.fixture
def token(registry) -> str:  # noqa: F811
    with Session(registry) as session:
        _, signed = issue(RAMESH["reference_id"], session=session)
    return signed


def verdict(app) -> tuple[list[str], list[str]]:
    return [s.value for s in app.success], [e.value for e in app.error]


def headline(app) -> str:
    """The large verdict: the page's one header."""
    (header,) = app.header
    return header.value


def in_order(app) -> list[tuple[str, str]]:
    """The main area's elements in the order shown, as (type, text or label)."""

    def walk(node):
        children = getattr(node, "children", None)
        if children:
            for child in children.values():
                yield from walk(child)
        else:
            value = getattr(node, "value", None)
            yield type(node).__name__, value if isinstance(value, str) else str(getattr(node, "label", ""))

    return list(walk(app.main))


def check_text(text: str, lang: str = "en"):
    app = open_page("verify", lang=lang)
    app.text_area(key="verify_text").input(text)
    app.button[0].click()
    app.run()
    assert not app.exception
    return app


def test_a_pasted_verification_link_is_valid_with_its_signed_details(token) -> None:
    app = check_text(verification_url(token))
    assert verdict(app) == ([VALID], [])
    assert headline(app) == ":green[:material/verified: VALID]"
    assert [s.value for s in app.subheader] == ["Ramesh Kumar"]
    assert [c.value for c in app.caption][0] == "Year of birth 1979 · Male"
    assert ":orange-badge[Partially vaccinated]" in [m.value for m in app.markdown]
    assert "- First dose: 10 June 2021, Covishield" in [m.value for m in app.markdown]
    details = dict(app.dataframe[0].value.values.tolist())
    assert (details["Year of birth"], details["Gender"], details["Signing key"]) == ("1979", "Male", "test-key")


def test_the_link_from_the_qr_code_opens_the_verdict(token) -> None:
    app = open_page("verify", verify_text=token)
    assert verdict(app)[0] == [VALID]


def test_a_photo_of_the_qr_code_is_read(token) -> None:
    picture = Image.open(io.BytesIO(qr_png(verification_url(token), scale=6))).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    app = open_page("verify")
    app.file_uploader(key="verify_photo").upload("qr.jpg", buffer.getvalue(), "image/jpeg")
    app.button[0].click()
    app.run()
    assert verdict(app)[0] == [VALID]


def test_a_photo_without_a_qr_code_is_unreadable(token) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), "white").save(buffer, format="PNG")
    app = open_page("verify")
    app.file_uploader(key="verify_photo").upload("blank.png", buffer.getvalue(), "image/png")
    app.button[0].click()
    app.run()
    assert verdict(app)[1][0].startswith("Why: no certificate could be read from this")


def _flipped(token: str) -> str:
    header, payload, signature = token.split(".")
    return ".".join([header, payload, ("A" if signature[5] != "A" else "B").join((signature[:5], signature[6:]))])


def _foreign(token: str) -> str:
    key = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    payload = json.loads(__import__("base64").urlsafe_b64decode(token.split(".")[1] + "=="))
    return sign(payload, private_key_pem=key, kid="someone-else")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda token: "not a token at all", "no certificate could be read from this"),
        (lambda token: token[: len(token) // 2], "no certificate could be read from this"),
        (_flipped, "the signature does not match"),
        (_foreign, "it is signed with a key this service does not know"),
    ],
    ids=["garbage", "cut-short", "tampered", "unknown-key"],
)
def test_a_bad_token_is_invalid_with_its_reason(token, make, reason) -> None:
    app = check_text(make(token))
    success, errors = verdict(app)
    assert success == [] and not app.warning
    assert len(errors) == 1 and errors[0].startswith(f"Why: {reason}")
    assert headline(app) == ":red[:material/gpp_bad: INVALID]"
    assert not app.subheader and not app.dataframe  # nothing of an unverified token is shown as if it were true


def test_a_revoked_certificate_is_invalid(registry, token) -> None:  # noqa: F811
    claims = json.loads(__import__("base64").urlsafe_b64decode(token.split(".")[1] + "=="))
    with Session(registry) as session:
        session.connection().execute(
            insert(CertificateRevocation.__table__).values(
                certificate_id=claims["cid"], revoked_at=datetime.now(UTC), reason="beneficiary-corrected"
            )
        )
        session.commit()
    app = check_text(token)
    assert verdict(app)[1][0].startswith("Why: the certificate was revoked")
    assert headline(app) == ":red[:material/gpp_bad: INVALID]" and not app.subheader


def test_the_page_publishes_the_public_keys(token) -> None:
    app = open_page("verify")
    keys = app.json[0].value
    assert json.loads(keys)["keys"][0]["kty"] == "OKP"
    assert "d" not in json.loads(keys)["keys"][0]


def test_the_verdict_is_bilingual(token) -> None:
    app = check_text(token, lang="hi")
    assert verdict(app)[0] == ["यह प्रमाणपत्र राज्य द्वारा जारी है और अपरिवर्तित है।"]
    assert headline(app) == ":green[:material/verified: मान्य]"
    assert "- पहली खुराक: 10 जून 2021, कोविशील्ड" in [m.value for m in app.markdown]


def test_a_token_pasted_after_opening_a_link_is_the_one_checked(token) -> None:
    app = open_page("verify")
    app.query_params["c"] = token
    app.run()
    assert verdict(app)[0]
    app.text_area(key="verify_text").input(_flipped(token))
    app.button[0].click()
    app.run()
    assert verdict(app)[1][0].startswith("Why: the signature does not match")


@pytest.mark.parametrize(
    ("lang", "lines", "status"),
    [
        (
            "en",
            [
                "- First dose: 3 May 2021, Covishield",
                "- Second dose: 1 August 2021, Covishield",
                "- Precaution dose: 10 April 2022, Covishield",
            ],
            ":green-badge[Fully vaccinated, with precaution dose]",
        ),
        (
            "hi",
            [
                "- पहली खुराक: 3 मई 2021, कोविशील्ड",
                "- दूसरी खुराक: 1 अगस्त 2021, कोविशील्ड",
                "- एहतियाती खुराक: 10 अप्रैल 2022, कोविशील्ड",
            ],
            ":green-badge[पूर्ण टीकाकृत, एहतियाती खुराक सहित]",
        ),
    ],
    ids=["en", "hi"],
)
def test_the_precaution_dose_is_named_and_the_status_says_so(registry, lang, lines, status) -> None:  # noqa: F811
    app = check_text(sign_certificate(certificate()), lang=lang)
    shown = [m.value for m in app.markdown]
    assert "\n".join(lines) in shown
    assert status in shown
    assert not any(" 3:" in line or line.startswith("- 3") for line in shown)


@pytest.mark.parametrize(
    ("numbers", "status"),
    [((1,), "Partially vaccinated"), ((1, 2), "Fully vaccinated"), ((1, 2, 3), "Fully vaccinated, with precaution")],
    ids=["dose-1", "doses-1-2", "precaution"],
)
def test_the_status_follows_the_doses(registry, numbers, status) -> None:  # noqa: F811
    cert = certificate(doses=[dose for dose in certificate().doses if dose.number in numbers])
    shown = " ".join(m.value for m in check_text(sign_certificate(cert)).markdown)
    assert f"[{status}" in shown


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_a_demo_key_certificate_says_demo_never_valid(registry, token, monkeypatch, lang) -> None:  # noqa: F811
    monkeypatch.setattr("data.certificates.issue.uses_demo_keys", lambda: True)
    app = check_text(token, lang=lang)
    assert app.success == [] and app.error == []
    expected = {"en": "DEMO certificate — not valid", "hi": "डेमो प्रमाणपत्र — मान्य नहीं"}[lang]
    assert headline(app) == f":orange[:material/science: {expected}]"
    assert [w.value for w in app.warning][0].startswith(
        {"en": "It is signed with the demo key", "hi": "यह राज्य द्वारा नहीं"}[lang]
    )
    assert "VALID" not in " ".join(text for _, text in in_order(app)).replace("not valid", "")
    assert [s.value for s in app.subheader] == ["Ramesh Kumar"]  # what the demo certificate says, as the PDF does


def test_the_verdict_comes_before_the_form_whatever_the_token(token) -> None:
    long_text = f"  {verification_url(token)}  " + " " * 100  # a pasted link: about 460 characters
    assert len(long_text) >= 400
    app = check_text(long_text)
    shown = in_order(app)
    kinds = [kind for kind, _ in shown]
    first_verdict = next(i for i, (kind, text) in enumerate(shown) if kind == "Header" and "VALID" in text)
    assert first_verdict < kinds.index("TextArea")
    assert kinds.index("Success") < kinds.index("TextArea")
    assert shown.index(("Subheader", "Ramesh Kumar")) < kinds.index("TextArea")


def test_nothing_given_asks_for_a_link_above_the_form(token) -> None:
    shown = in_order(open_page("verify"))
    kinds = [kind for kind, _ in shown]
    assert ("Info", "Paste a link or token, or upload a picture of the QR code.") in shown
    assert kinds.index("Info") < kinds.index("TextArea")
