"""Signed certificate tokens: compact JWS (EdDSA over Ed25519) with a small payload, and their verification."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key, load_pem_public_key
from jwt.algorithms import OKPAlgorithm

from data.models import CertificatePublic
from data.settings import optional_setting, public_base_url, setting

ALGORITHM = "EdDSA"
TOKEN_TYPE = "JWT"
MAX_TOKEN_CHARS = 4096
"""Longer input is refused unread: a real token is a few hundred characters."""
REASONS = ("valid", "unreadable", "not-a-certificate", "bad-signature", "unknown-key", "revoked")
GENDERS = ("M", "F", "O")
CLAIMS = frozenset({"cid", "n", "by", "g", "d", "iat"})
HEADER_NAMES = frozenset({"alg", "kid", "typ"})

_SEGMENT = r"[A-Za-z0-9_-]+"
_TOKEN = re.compile(rf"({_SEGMENT})\.({_SEGMENT})\.({_SEGMENT})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_JWS = jwt.PyJWS()


@dataclass(frozen=True)
class Verdict:
    """What verification concluded; claims only once the signature holds (valid or revoked). demo: the signature
    is the embedded demo's generated key's, so the certificate is not valid anywhere (the caller knows the keys)."""

    valid: bool
    reason: str
    claims: dict[str, Any] | None = None
    kid: str | None = None
    demo: bool = False


def token_payload(cert: CertificatePublic) -> dict[str, Any]:
    """The signed claims: certificate id, name, birth year, gender, doses and issue time, nothing else."""
    if cert.issued_at.tzinfo is None or cert.issued_at.utcoffset() is None:
        raise ValueError("issued_at must be timezone-aware")
    doses = sorted(cert.doses, key=lambda dose: dose.number)
    return {
        "cid": cert.certificate_id,
        "n": cert.name,
        "by": cert.birth_year,
        "g": cert.gender,
        "d": [[dose.number, dose.date.isoformat(), dose.vaccine] for dose in doses],
        "iat": int(cert.issued_at.timestamp()),
    }


def payload_bytes(payload: Mapping[str, Any]) -> bytes:
    """The payload as signed: compact JSON, UTF-8 (a Devanagari letter takes 3 bytes, not a 6-byte escape)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def sign(payload: Mapping[str, Any], *, private_key_pem: str | bytes, kid: str) -> str:
    """A compact JWS of the payload, signed with the Ed25519 private key and naming its kid."""
    key = load_pem_private_key(private_key_pem.encode() if isinstance(private_key_pem, str) else private_key_pem, None)
    if not isinstance(key, Ed25519PrivateKey):
        raise TypeError("the signing key must be an Ed25519 private key")
    return _JWS.encode(payload_bytes(payload), key, algorithm=ALGORITHM, headers={"kid": kid, "typ": TOKEN_TYPE})


def sign_certificate(cert: CertificatePublic) -> str:
    """The certificate's token, signed with the configured key."""
    return sign(token_payload(cert), private_key_pem=setting("signing_key"), kid=setting("signing_kid"))


def verify(
    token: str,
    *,
    public_keys: Mapping[str, Ed25519PublicKey | str | bytes],
    revoked: Callable[[str], bool] | Collection[str],
) -> Verdict:
    """Check a token: readable, a certificate, signed by a known key, not revoked; never raises for bad input."""
    parts = _split(token)
    if parts is None:
        return Verdict(False, "unreadable")
    header, payload = parts
    if not isinstance(header, dict):
        return Verdict(False, "unreadable")
    kid = header.get("kid")
    if not isinstance(kid, str) or not _is_certificate(header, payload):
        return Verdict(False, "not-a-certificate")
    if kid not in public_keys:
        return Verdict(False, "unknown-key", kid=kid)
    try:
        _JWS.decode_complete(token, key=_public_key(public_keys[kid]), algorithms=[ALGORITHM])
    except jwt.InvalidTokenError:
        return Verdict(False, "bad-signature", kid=kid)
    cid = payload["cid"]
    if revoked(cid) if callable(revoked) else cid in revoked:
        return Verdict(False, "revoked", payload, kid)
    return Verdict(True, "valid", payload, kid)


def _split(token: object) -> tuple[object, object] | None:
    """Header and payload of a strictly canonical compact JWS, or None when it is not one."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
        return None
    match = _TOKEN.fullmatch(token)
    if match is None:
        return None
    try:
        # A non-canonical segment (stray low bits in its last character) would decode like the canonical one and
        # let a changed token still verify: every character must count.
        header_raw, payload_raw, _signature = (_b64decode(segment) for segment in match.groups())
        header = json.loads(header_raw)
    except (ValueError, binascii.Error, RecursionError):
        return None
    try:
        payload = json.loads(payload_raw)
    except (ValueError, RecursionError):
        payload = None
    return header, payload


def _b64decode(segment: str) -> bytes:
    raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    if base64.urlsafe_b64encode(raw).rstrip(b"=").decode() != segment:
        raise ValueError("non-canonical base64url")
    return raw


def _is_certificate(header: dict[str, Any], payload: object) -> bool:
    """True when the header is ours (EdDSA, typ JWT, no other parameters) and the payload has the claims."""
    if set(header) != HEADER_NAMES or header["alg"] != ALGORITHM or header["typ"] != TOKEN_TYPE:
        return False
    if not isinstance(payload, dict) or set(payload) != CLAIMS:
        return False
    cid, name, birth_year, gender, doses, issued = (payload[claim] for claim in ("cid", "n", "by", "g", "d", "iat"))
    return (
        _is_text(cid, 64)
        and _is_text(name, 200)
        and _is_int(birth_year)
        and gender in GENDERS
        and isinstance(doses, list)
        and all(_is_dose(dose) for dose in doses)
        and _is_int(issued)
    )


def _is_dose(dose: object) -> bool:
    if not (isinstance(dose, list) and len(dose) == 3):
        return False
    number, day, vaccine = dose
    return _is_int(number) and _is_date(day) and _is_text(vaccine, 32)


def _is_text(value: object, limit: int) -> bool:
    return isinstance(value, str) and 0 < len(value) <= limit


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_date(value: object) -> bool:
    if not (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _public_key(key: Ed25519PublicKey | str | bytes) -> Ed25519PublicKey:
    if isinstance(key, str | bytes):
        key = load_pem_public_key(key.encode() if isinstance(key, str) else key)
    if not isinstance(key, Ed25519PublicKey):
        raise TypeError("verification keys must be Ed25519 public keys")
    return key


def public_keys_from_settings() -> dict[str, Ed25519PublicKey]:
    """The public half of the configured signing key, by its kid, and the retired keys that still verify the
    certificates signed before a rotation (`retired_public_keys`)."""
    private = load_pem_private_key(setting("signing_key").encode(), None)
    if not isinstance(private, Ed25519PrivateKey):
        raise TypeError("the signing key must be an Ed25519 private key")
    current = setting("signing_kid")
    retired = retired_public_keys()
    if current in retired:
        raise ValueError(f"retired_public_keys holds the current kid {current!r}: a new key needs a new kid")
    return {current: private.public_key(), **retired}


def retired_public_keys() -> dict[str, Ed25519PublicKey]:
    """The retired keys: a JWK set of public keys, given as JSON or as the path of a JSON file; none when unset.
    A retired key only verifies: nothing is signed with it again."""
    value = optional_setting("retired_public_keys")
    if value is None:
        return {}
    text = value if value.lstrip().startswith("{") else Path(value).read_text(encoding="utf-8")
    return public_keys_from_jwks(text)


def jwks(public_keys: Mapping[str, Ed25519PublicKey | str | bytes]) -> dict[str, list[dict[str, str]]]:
    """The keys as a JWK set (OKP / Ed25519), for anyone who wants to verify tokens offline."""
    return {
        "keys": [
            {**OKPAlgorithm.to_jwk(_public_key(key), as_dict=True), "kid": kid, "use": "sig", "alg": ALGORITHM}
            for kid, key in public_keys.items()
        ]
    }


def public_keys_from_jwks(key_set: Mapping[str, Any] | str) -> dict[str, Ed25519PublicKey]:
    """The Ed25519 public keys of a JWK set, by kid; a private key in it is refused."""
    document = json.loads(key_set) if isinstance(key_set, str) else key_set
    keys: dict[str, Ed25519PublicKey] = {}
    for entry in document["keys"]:
        if "d" in entry:
            raise ValueError(f"key {entry.get('kid')!r} is a private key: publish only public keys")
        keys[entry["kid"]] = _public_key(OKPAlgorithm.from_jwk(dict(entry)))
    return keys


def verification_url(token: str) -> str:
    """The public verification page for a token: what the certificate's QR code holds."""
    return f"{public_base_url()}/verify?c={token}"


def token_from_text(text: str) -> str:
    """The token in pasted text: the c parameter of a verification URL, or the text itself, whitespace removed."""
    compact = "".join(text.split())
    if "?" in compact or compact.lower().startswith(("http:", "https:")):
        values = parse_qs(urlsplit(compact).query).get("c")
        return values[0] if values else ""
    return compact
