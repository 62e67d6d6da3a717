"""data.certificates.signing: the token's payload, signing, every verdict of verify, tampering, the JWK set."""

from __future__ import annotations

import base64
import json
import string
from datetime import UTC, date, datetime, timedelta, timezone

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from joserfc import jws
from joserfc.jwk import KeySet, OKPKey

from data.certificates import signing
from data.certificates.qr import qr_code
from data.models import CertificatePublic, DosePublic

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KID = "test-2024a"
TEST_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
"""A fixed key, so a failing token can be reproduced; never used outside these tests."""
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
ISSUED = datetime(2024, 1, 5, 10, 30, tzinfo=UTC)
ISSUED_EPOCH = 1704450600  # 2024-01-01T00:00Z is 1704067200; + 4 days (345600) + 10 h 30 min (37800)
ALPHABET = string.ascii_letters + string.digits + "-_"
JOSERFC_EDDSA = pytest.mark.filterwarnings("ignore:EdDSA is deprecated via RFC 9864")
"""joserfc flags the "EdDSA" name that RFC 9864 replaces by "Ed25519"; PyJWT signs only under the old name."""


def _pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def _public_pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def certificate(**changes) -> CertificatePublic:
    """A 3-dose certificate with a Devanagari name (test-only builder); changes override fields."""
    doses = [
        DosePublic(number=number, date=day, vaccine="COVISHIELD", centre="PHC Abhanpur", district="Raipur")
        for number, day in ((1, date(2021, 5, 3)), (2, date(2021, 8, 1)), (3, date(2022, 4, 10)))
    ]
    fields = {
        "certificate_id": "C7K2M9XQ4T8WZP3R",
        "name": "सुनीता देवी साहू",
        "birth_year": 1985,
        "gender": "F",
        "id_type": "Aadhaar",
        "id_masked": "XXXX-XXXX-9876",
        "doses": doses,
        "status": "precaution",
        "issued_at": ISSUED,
    } | changes
    return CertificatePublic(**fields)


PAYLOAD = {
    "cid": "C7K2M9XQ4T8WZP3R",
    "n": "सुनीता देवी साहू",
    "by": 1985,
    "g": "F",
    "d": [[1, "2021-05-03", "COVISHIELD"], [2, "2021-08-01", "COVISHIELD"], [3, "2022-04-10", "COVISHIELD"]],
    "iat": ISSUED_EPOCH,
}
KEYS = {KID: TEST_KEY.public_key()}


def _token(payload=PAYLOAD, key: Ed25519PrivateKey = TEST_KEY, kid: str = KID) -> str:
    return signing.sign(payload, private_key_pem=_pem(key), kid=kid)


TOKEN = _token()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _forge(header: object, payload: object, key: Ed25519PrivateKey = TEST_KEY) -> str:
    """A compact JWS signed with key over any header and payload, built by hand (no JOSE library)."""
    parts = [raw if isinstance(raw, bytes) else json.dumps(raw).encode() for raw in (header, payload)]
    signing_input = ".".join(_b64(raw) for raw in parts)
    return f"{signing_input}.{_b64(key.sign(signing_input.encode()))}"


def _verify(token: str, revoked=frozenset()) -> signing.Verdict:
    return signing.verify(token, public_keys=KEYS, revoked=revoked)


# --- The payload -------------------------------------------------------------------------------


def test_payload_holds_only_the_short_claims():
    assert signing.token_payload(certificate()) == PAYLOAD


@pytest.mark.parametrize(
    ("issued_at", "iat"),
    [
        (ISSUED, ISSUED_EPOCH),
        (datetime(2024, 1, 5, 16, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))), ISSUED_EPOCH),
        (datetime(2024, 1, 5, 10, 30, 59, 999999, tzinfo=UTC), ISSUED_EPOCH + 59),
    ],
    ids=["utc", "india-time-same-instant", "fraction-dropped"],
)
def test_iat_is_the_instant_in_whole_seconds(issued_at, iat):
    assert signing.token_payload(certificate(issued_at=issued_at))["iat"] == iat


def test_naive_issue_time_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        signing.token_payload(certificate(issued_at=datetime(2024, 1, 5, 10, 30)))


def test_doses_are_ordered_by_number():
    shuffled = certificate().doses[::-1]
    assert [dose[0] for dose in signing.token_payload(certificate(doses=shuffled))["d"]] == [1, 2, 3]


def test_token_gives_away_no_id_centre_or_mobile():
    cert = certificate()
    _, payload_segment, _ = TOKEN.split(".")
    decoded = base64.urlsafe_b64decode(payload_segment + "==").decode()
    assert set(json.loads(decoded)) == {"cid", "n", "by", "g", "d", "iat"}
    for secret in ("9876", cert.id_masked, cert.id_type, "PHC Abhanpur", "Raipur", "mobile", "XXXX"):
        assert secret not in decoded


def test_payload_is_compact_utf8():
    raw = signing.payload_bytes(PAYLOAD)
    assert b"\\u" not in raw and b": " not in raw and b", " not in raw
    assert raw.startswith('{"cid":"C7K2M9XQ4T8WZP3R","n":"सुनीता देवी साहू","by":1985'.encode())


def test_a_three_dose_devanagari_certificate_fits_a_printable_qr_code(monkeypatch):
    monkeypatch.setenv("TEEKA_PUBLIC_BASE_URL", "https://teeka.cg.gov.in")
    token = _token(kid="teeka-2024-01")
    qr = qr_code(signing.verification_url(token))
    assert len(token) <= 440
    assert qr.version <= 17 and qr.error in ("M", "Q", "H")


# --- Signing and the header --------------------------------------------------------------------


def test_header_is_eddsa_with_kid_and_type():
    header_segment = TOKEN.split(".")[0]
    assert json.loads(base64.urlsafe_b64decode(header_segment + "==")) == {"alg": "EdDSA", "kid": KID, "typ": "JWT"}


def test_a_valid_token_verifies_with_its_claims():
    assert _verify(TOKEN) == signing.Verdict(True, "valid", PAYLOAD, KID)


def test_keys_may_be_given_as_pem():
    verdict = signing.verify(TOKEN, public_keys={KID: _public_pem(TEST_KEY).decode()}, revoked=set())
    assert verdict.valid


def test_signing_with_a_non_ed25519_key_is_refused():
    from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key

    pem = generate_private_key(SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(TypeError, match="Ed25519"):
        signing.sign(PAYLOAD, private_key_pem=pem, kid=KID)


@JOSERFC_EDDSA
def test_another_jose_library_verifies_the_token():
    key = OKPKey.import_key(_public_pem(TEST_KEY))
    token = jws.deserialize_compact(TOKEN, key, algorithms=["EdDSA"])
    assert token.protected == {"alg": "EdDSA", "kid": KID, "typ": "JWT"}
    assert json.loads(token.payload) == PAYLOAD


@JOSERFC_EDDSA
def test_a_token_signed_by_another_jose_library_verifies():
    key = OKPKey.import_key(_pem(TEST_KEY))
    token = jws.serialize_compact(
        {"alg": "EdDSA", "kid": KID, "typ": "JWT"}, signing.payload_bytes(PAYLOAD), key, algorithms=["EdDSA"]
    )
    assert _verify(token) == signing.Verdict(True, "valid", PAYLOAD, KID)


# --- Every verdict -----------------------------------------------------------------------------

HS256_TOKEN = jwt.encode(PAYLOAD, "a-shared-secret-of-at-least-32-bytes!", algorithm="HS256", headers={"kid": KID})
HEADER = {"alg": "EdDSA", "kid": KID, "typ": "JWT"}
VALID_SIGNATURE = TOKEN.split(".")[2]

VERDICTS = [
    ("", "unreadable", "empty"),
    ("hello world", "unreadable", "prose"),
    ("a.b", "unreadable", "two-parts"),
    (TOKEN + ".x", "unreadable", "four-parts"),
    (TOKEN + "=", "unreadable", "padding"),
    (" " + TOKEN, "unreadable", "leading-space"),
    (TOKEN.replace(".", ". ", 1), "unreadable", "inner-space"),
    ("x" * 5000, "unreadable", "overlong"),
    (TOKEN[:-1], "unreadable", "truncated-signature"),
    (_b64(b"not json") + "." + TOKEN.split(".", 1)[1], "unreadable", "header-not-json"),
    (_b64(b"[1,2]") + "." + TOKEN.split(".", 1)[1], "unreadable", "header-not-object"),
    (f"{TOKEN.rsplit('.', 1)[0]}.{_b64(bytes(63))}", "bad-signature", "short-signature"),
    (HS256_TOKEN, "not-a-certificate", "hs256"),
    (_forge(HEADER | {"typ": "JOSE"}, PAYLOAD), "not-a-certificate", "other-typ"),
    (_forge({"alg": "EdDSA", "kid": KID}, PAYLOAD), "not-a-certificate", "no-typ"),
    (_forge(HEADER | {"crit": ["exp"]}, PAYLOAD), "not-a-certificate", "extra-header"),
    (_forge({"alg": "EdDSA", "typ": "JWT"}, PAYLOAD), "not-a-certificate", "no-kid"),
    (_forge(HEADER | {"kid": 7}, PAYLOAD), "not-a-certificate", "numeric-kid"),
    (_forge(HEADER, b"not json"), "not-a-certificate", "payload-not-json"),
    (_forge(HEADER, [1, 2]), "not-a-certificate", "payload-not-object"),
    (_forge(HEADER, {"sub": "someone", "iat": 1}), "not-a-certificate", "some-other-jwt"),
    (_forge(HEADER, {k: v for k, v in PAYLOAD.items() if k != "cid"}), "not-a-certificate", "no-cid"),
    (_forge(HEADER, PAYLOAD | {"mobile": "9876543210"}), "not-a-certificate", "extra-claim"),
    (_forge(HEADER, PAYLOAD | {"g": "X"}), "not-a-certificate", "gender"),
    (_forge(HEADER, PAYLOAD | {"by": "1985"}), "not-a-certificate", "birth-year-text"),
    (_forge(HEADER, PAYLOAD | {"by": True}), "not-a-certificate", "birth-year-bool"),
    (_forge(HEADER, PAYLOAD | {"n": ""}), "not-a-certificate", "empty-name"),
    (_forge(HEADER, PAYLOAD | {"d": [[1, "2021-13-01", "COVISHIELD"]]}), "not-a-certificate", "bad-date"),
    (_forge(HEADER, PAYLOAD | {"d": [[1, "20210503", "COVISHIELD"]]}), "not-a-certificate", "compact-date"),
    (_forge(HEADER, PAYLOAD | {"d": [[1, "2021-05-03"]]}), "not-a-certificate", "short-dose"),
    (_forge(HEADER, PAYLOAD | {"iat": 1.5}), "not-a-certificate", "float-iat"),
    (_token(key=OTHER_KEY, kid="elsewhere"), "unknown-key", "unknown-kid"),
    (_token(key=OTHER_KEY), "bad-signature", "other-key-same-kid"),
    (_forge(HEADER, PAYLOAD | {"n": "Someone Else"}, OTHER_KEY), "bad-signature", "forged-name"),
    (".".join([*_token(PAYLOAD | {"by": 1990}).split(".")[:2], VALID_SIGNATURE]), "bad-signature", "swapped-payload"),
    (_forge(HEADER, PAYLOAD), "valid", "hand-built"),
]


@pytest.mark.parametrize(("token", "reason"), [case[:2] for case in VERDICTS], ids=[case[2] for case in VERDICTS])
def test_verdict(token, reason):
    verdict = _verify(token)
    assert (verdict.valid, verdict.reason) == (reason == "valid", reason)
    assert (verdict.claims is not None) == (reason == "valid")


def test_unknown_key_names_the_kid():
    assert _verify(_token(key=OTHER_KEY, kid="elsewhere")) == signing.Verdict(False, "unknown-key", None, "elsewhere")


@pytest.mark.parametrize(
    "revoked",
    [{"C7K2M9XQ4T8WZP3R"}, frozenset({"C7K2M9XQ4T8WZP3R", "OTHER"}), lambda cid: cid.startswith("C7K2")],
    ids=["set", "frozenset", "callable"],
)
def test_revoked(revoked):
    assert _verify(TOKEN, revoked) == signing.Verdict(False, "revoked", PAYLOAD, KID)


@pytest.mark.parametrize("revoked", [{"OTHER"}, lambda cid: False], ids=["set", "callable"])
def test_not_revoked(revoked):
    assert _verify(TOKEN, revoked).valid


def test_revocation_is_not_consulted_before_the_signature_holds():
    asked = []
    signing.verify(_token(key=OTHER_KEY), public_keys=KEYS, revoked=lambda cid: asked.append(cid) or True)
    assert asked == []


# --- Tampering ---------------------------------------------------------------------------------


def test_changing_any_character_to_any_other_invalidates():
    for position, original in enumerate(TOKEN):
        for replacement in ALPHABET + ".=":
            if replacement != original:
                tampered = TOKEN[:position] + replacement + TOKEN[position + 1 :]
                assert not _verify(tampered).valid, (position, replacement)


@pytest.mark.parametrize("segment", [0, 1, 2], ids=["header", "payload", "signature"])
def test_stray_low_bits_of_a_last_character_do_not_pass(segment):
    # A lenient base64 decoder ignores the bits of the last character past the data: every segment's length
    # here leaves some, so flipping the lowest one gives the same bytes and must still be refused.
    parts = TOKEN.split(".")
    last = parts[segment][-1]
    parts[segment] = parts[segment][:-1] + ALPHABET[ALPHABET.index(last) ^ 1]
    assert len(parts[segment]) % 4 != 0
    assert _verify(".".join(parts)).reason == "unreadable"


@PROPERTY
@given(position=st.integers(0, len(TOKEN) - 1), replacement=st.characters())
def test_any_character_replaced_is_never_valid(position, replacement):
    tampered = TOKEN[:position] + replacement + TOKEN[position + 1 :]
    assert _verify(tampered).valid == (tampered == TOKEN)


@PROPERTY
@given(st.text(max_size=600))
def test_arbitrary_text_is_never_valid_and_never_raises(text):
    assert _verify(text).reason in signing.REASONS and not _verify(text).valid


NAME_LETTERS = "अआइकखगघचजटडतथदधनपबमयरलवशसह्ािीुूेैोौंः abcxyzABC"


@PROPERTY
@given(
    name=st.text(alphabet=NAME_LETTERS, min_size=1, max_size=100).filter(str.strip),
    birth_year=st.integers(1900, 2024),
    gender=st.sampled_from(["M", "F", "O"]),
)
def test_any_name_round_trips(name, birth_year, gender):
    cert = certificate(name=name, birth_year=birth_year, gender=gender)
    verdict = _verify(_token(signing.token_payload(cert)))
    assert verdict.valid and (verdict.claims["n"], verdict.claims["by"], verdict.claims["g"]) == (
        name,
        birth_year,
        gender,
    )


# --- Keys from settings, the JWK set -----------------------------------------------------------


@pytest.fixture
def configured_keys(monkeypatch):
    """The test key configured through the environment, as data.settings reads it."""
    monkeypatch.setenv("TEEKA_SIGNING_KEY", _pem(TEST_KEY))
    monkeypatch.setenv("TEEKA_SIGNING_KID", KID)


def test_sign_certificate_uses_the_configured_key(configured_keys):
    token = signing.sign_certificate(certificate())
    assert token == TOKEN  # Ed25519 signatures are deterministic
    assert signing.verify(token, public_keys=signing.public_keys_from_settings(), revoked=set()).valid


def test_public_keys_from_settings_is_the_public_half(configured_keys):
    keys = signing.public_keys_from_settings()
    assert list(keys) == [KID]
    assert keys[KID].public_bytes_raw() == TEST_KEY.public_key().public_bytes_raw()


def test_jwks_is_an_okp_ed25519_set():
    x = _b64(TEST_KEY.public_key().public_bytes_raw())
    assert signing.jwks(KEYS) == {
        "keys": [{"kty": "OKP", "crv": "Ed25519", "x": x, "kid": KID, "use": "sig", "alg": "EdDSA"}]
    }


def test_jwks_round_trips_and_verifies():
    keys = {KID: TEST_KEY.public_key(), "old": OTHER_KEY.public_key()}
    document = json.loads(json.dumps(signing.jwks(keys)))
    again = signing.public_keys_from_jwks(document)
    assert signing.public_keys_from_jwks(json.dumps(document)).keys() == again.keys() == {KID, "old"}
    assert signing.verify(TOKEN, public_keys=again, revoked=set()).valid
    assert signing.verify(_token(key=OTHER_KEY, kid="old"), public_keys=again, revoked=set()).valid


@JOSERFC_EDDSA
def test_another_jose_library_verifies_with_the_jwks():
    key_set = KeySet.import_key_set(signing.jwks(KEYS))
    assert json.loads(jws.deserialize_compact(TOKEN, key_set, algorithms=["EdDSA"]).payload) == PAYLOAD


def test_a_private_key_in_a_jwks_is_refused():
    private = jwt.algorithms.OKPAlgorithm.to_jwk(TEST_KEY, as_dict=True) | {"kid": KID}
    with pytest.raises(ValueError, match="private key"):
        signing.public_keys_from_jwks({"keys": [private]})


# --- URLs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "url"),
    [
        ("https://teeka.cg.gov.in", "https://teeka.cg.gov.in/verify?c=T.O.K"),
        ("http://x:8501/", "http://x:8501/verify?c=T.O.K"),
    ],
    ids=["plain", "trailing-slash"],
)
def test_verification_url(monkeypatch, base, url):
    monkeypatch.setenv("TEEKA_PUBLIC_BASE_URL", base)
    assert signing.verification_url("T.O.K") == url


TEXTS = [
    (TOKEN, TOKEN, "token"),
    (f"  {TOKEN}\n", TOKEN, "surrounding-space"),
    (f"{TOKEN[:100]}\n{TOKEN[100:]}", TOKEN, "wrapped"),
    (f"https://teeka.cg.gov.in/verify?c={TOKEN}", TOKEN, "url"),
    (f"http://localhost:8501/verify?lang=hi&c={TOKEN}&x=1", TOKEN, "url-more-params"),
    ("https://teeka.cg.gov.in/verify?c=abc%2Edef", "abc.def", "percent-encoded"),
    ("https://teeka.cg.gov.in/verify", "", "url-without-token"),
    ("", "", "empty"),
]


@pytest.mark.parametrize(("text", "token"), [case[:2] for case in TEXTS], ids=[case[2] for case in TEXTS])
def test_token_from_text(text, token):
    assert signing.token_from_text(text) == token


def test_a_pasted_verification_url_verifies(monkeypatch):
    monkeypatch.setenv("TEEKA_PUBLIC_BASE_URL", "https://teeka.cg.gov.in")
    assert _verify(signing.token_from_text(signing.verification_url(TOKEN))).valid
