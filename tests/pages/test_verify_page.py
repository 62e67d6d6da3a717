"""The public verification page through AppTest: a token from the QR link, pasted text or a photo; every verdict."""

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
from data.certificates.signing import sign, verification_url
from data.models import CertificateRevocation
from tests.pages.conftest import open_page
from tests.pages.test_certificate_page import RAMESH, registry  # noqa: F401  (the registry fixture)


@pytest.fixture
def token(registry) -> str:  # noqa: F811
    with Session(registry) as session:
        _, signed = issue(RAMESH["reference_id"], session=session)
    return signed


def verdict(app) -> tuple[list[str], list[str]]:
    return [s.value for s in app.success], [e.value for e in app.error]


def check_text(text: str, lang: str = "en"):
    app = open_page("verify", lang=lang)
    app.text_area(key="verify_text").input(text)
    app.button[0].click()
    app.run()
    assert not app.exception
    return app


def test_a_pasted_verification_link_is_valid_with_its_signed_details(token) -> None:
    app = check_text(verification_url(token))
    assert verdict(app) == (["VALID: this certificate was issued by the state and is unchanged."], [])
    claims = dict(app.dataframe[0].value.values.tolist())
    assert claims["Name"] == "Ramesh Kumar"
    assert claims["Year of birth"] == "1979"
    assert claims["Gender"] == "Male"
    assert claims["Dose 1"] == "10 June 2021 · Covishield"


def test_the_link_from_the_qr_code_opens_the_verdict(token) -> None:
    app = open_page("verify", verify_text=token)
    assert verdict(app)[0] == ["VALID: this certificate was issued by the state and is unchanged."]


def test_a_photo_of_the_qr_code_is_read(token) -> None:
    picture = Image.open(io.BytesIO(qr_png(verification_url(token), scale=6))).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    app = open_page("verify")
    app.file_uploader(key="verify_photo").upload("qr.jpg", buffer.getvalue(), "image/jpeg")
    app.button[0].click()
    app.run()
    assert verdict(app)[0] == ["VALID: this certificate was issued by the state and is unchanged."]


def test_a_photo_without_a_qr_code_is_unreadable(token) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), "white").save(buffer, format="PNG")
    app = open_page("verify")
    app.file_uploader(key="verify_photo").upload("blank.png", buffer.getvalue(), "image/png")
    app.button[0].click()
    app.run()
    assert verdict(app)[1][0].startswith("INVALID: no certificate could be read from this")


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
    success, errors = verdict(check_text(make(token)))
    assert success == []
    assert len(errors) == 1 and errors[0].startswith(f"INVALID: {reason}")


def test_a_revoked_certificate_is_invalid(registry, token) -> None:  # noqa: F811
    claims = json.loads(__import__("base64").urlsafe_b64decode(token.split(".")[1] + "=="))
    with Session(registry) as session:
        session.connection().execute(
            insert(CertificateRevocation.__table__).values(
                certificate_id=claims["cid"], revoked_at=datetime.now(UTC), reason="beneficiary-corrected"
            )
        )
        session.commit()
    assert verdict(check_text(token))[1][0].startswith("INVALID: the certificate was revoked")


def test_the_page_publishes_the_public_keys(token) -> None:
    app = open_page("verify")
    keys = app.json[0].value
    assert json.loads(keys)["keys"][0]["kty"] == "OKP"
    assert "d" not in json.loads(keys)["keys"][0]


def test_the_verdict_is_bilingual(token) -> None:
    app = check_text(token, lang="hi")
    assert verdict(app)[0] == ["मान्य: यह प्रमाणपत्र राज्य द्वारा जारी है और अपरिवर्तित है।"]


def test_a_token_pasted_after_opening_a_link_is_the_one_checked(token) -> None:
    app = open_page("verify")
    app.query_params["c"] = token
    app.run()
    assert verdict(app)[0]
    app.text_area(key="verify_text").input(_flipped(token))
    app.button[0].click()
    app.run()
    assert verdict(app)[1][0].startswith("INVALID: the signature does not match")
