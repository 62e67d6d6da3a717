"""Issuing certificates from the registry, reusing or revoking them, and the CLI (python -m data.certificates)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from joserfc import jws
from joserfc.jwk import KeySet
from sqlalchemy import select
from sqlmodel import Session

from data.certificates.issue import certificate_for, check, issue, main
from data.models import Certificate, CertificateRevocation
from tests.files import beneficiaries_csv, doses_csv, run_import, vaccinations_csv

ROOT = Path(__file__).resolve().parents[3]
PERSON = {"reference_id": "1000000000007", "name": "अनीता ठाकुर", "birth_year": "1990", "mobile": "9988776655"}
SHOTS = [
    {"reference_id": "1000000000007", "dose_number": "1", "date": "2021-03-01"},
    {"reference_id": "1000000000007", "dose_number": "2", "date": "2021-06-01"},
]


@pytest.fixture
def registered(engine):
    for content in (doses_csv([{}]), beneficiaries_csv([PERSON]), vaccinations_csv(SHOTS[:1])):
        assert run_import(engine, content).status == "committed"
    return engine


def _certificates(engine) -> dict[str, bool]:
    """Every certificate id, and whether it is revoked."""
    table, revoked = Certificate.__table__, CertificateRevocation.__table__
    with engine.connect() as conn:
        ids = [row.id for row in conn.execute(select(table.c.id))]
        gone = {row.certificate_id for row in conn.execute(select(revoked.c.certificate_id))}
    return {cid: cid in gone for cid in ids}


def test_an_unchanged_record_reuses_its_certificate_and_a_new_dose_adds_one(registered) -> None:
    with Session(registered) as session:
        first, token = issue(PERSON["reference_id"], session=session)
        again, _ = issue(PERSON["reference_id"], session=session)
    assert first.certificate_id == again.certificate_id
    assert (first.status, [d.number for d in first.doses]) == ("partial", [1])
    with Session(registered) as session:
        assert check(token, session=session).valid

    assert run_import(registered, vaccinations_csv(SHOTS)).status == "committed"
    with Session(registered) as session:
        second, _ = issue(PERSON["reference_id"], session=session)
    assert second.certificate_id != first.certificate_id and second.status == "full"
    # A new dose is not a correction: the partial certificate stays true for what it says.
    assert _certificates(registered) == {first.certificate_id: False, second.certificate_id: False}


def test_a_correction_revokes_the_earlier_certificates(registered) -> None:
    with Session(registered) as session:
        cert, token = issue(PERSON["reference_id"], session=session)
    assert run_import(registered, beneficiaries_csv([{**PERSON, "birth_year": "1991"}])).status == "committed"
    with Session(registered) as session:
        verdict = check(token, session=session)
        fresh, fresh_token = issue(PERSON["reference_id"], session=session)
    assert (verdict.valid, verdict.reason) == (False, "revoked")
    assert fresh.birth_year == 1991 and fresh.certificate_id != cert.certificate_id
    with Session(registered) as session:
        assert check(fresh_token, session=session).valid


def test_no_certificate_without_a_dose_or_a_registration(engine) -> None:
    assert run_import(engine, beneficiaries_csv([PERSON])).status == "committed"
    with Session(engine) as session:
        assert certificate_for(PERSON["reference_id"], session=session, kid="k") is None
        assert certificate_for("1999999999999", session=session, kid="k") is None


def _cli(*args: str, engine) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": engine.url.render_as_string(hide_password=False)}
    return subprocess.run(
        [sys.executable, "-m", "data.certificates", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.mark.filterwarnings("ignore:EdDSA is deprecated via RFC 9864")
def test_the_cli_token_verifies_with_a_plain_jose_library(registered) -> None:
    issued = _cli("issue", PERSON["reference_id"], engine=registered)
    assert issued.returncode == 0, issued.stderr
    token = issued.stdout.strip()
    key_set = KeySet.import_key_set(json.loads(_cli("jwks", engine=registered).stdout))
    decoded = jws.deserialize_compact(token, key_set, algorithms=["EdDSA"])
    claims = json.loads(decoded.payload)
    assert (claims["n"], claims["by"], claims["d"][0][:2]) == ("अनीता ठाकुर", 1990, [1, "2021-03-01"])
    assert decoded.protected["kid"] == "test-key"


def test_the_cli_verdicts_and_exit_codes(registered) -> None:
    token = _cli("issue", PERSON["reference_id"], engine=registered).stdout.strip()
    valid = _cli("verify", token, engine=registered)
    assert (valid.returncode, valid.stdout.splitlines()[0]) == (0, "VALID: valid")
    url = _cli("verify", f"http://localhost:8501/verify?c={token}", engine=registered)
    assert url.returncode == 0
    tampered = _cli("verify", token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB"), engine=registered)
    assert (tampered.returncode, tampered.stdout.strip()) == (1, "INVALID: bad-signature")
    junk = _cli("verify", "hello", engine=registered)
    assert (junk.returncode, junk.stdout.strip()) == (1, "INVALID: unreadable")
    unknown = _cli("issue", "1999999999999", engine=registered)
    assert unknown.returncode == 1 and "no certificate" in unknown.stderr


def test_jwks_prints_public_keys_only(capsys) -> None:
    assert main(["jwks"]) == 0
    keys = json.loads(capsys.readouterr().out)["keys"]
    assert [(k["kty"], k["crv"], k["kid"], k["alg"]) for k in keys] == [("OKP", "Ed25519", "test-key", "EdDSA")]
    assert "d" not in keys[0]


@pytest.mark.parametrize(
    ("demo_keys", "tamper", "expected"),
    [
        (True, False, (True, "valid", True)),
        (False, False, (True, "valid", False)),
        (True, True, (False, "bad-signature", False)),  # a forgery is invalid, demo or not
    ],
    ids=["demo-key", "configured-key", "demo-key-forged"],
)
def test_a_signature_by_the_demo_key_is_marked_demo(registered, monkeypatch, demo_keys, tamper, expected) -> None:
    monkeypatch.setattr("data.certificates.issue.uses_demo_keys", lambda: demo_keys)
    with Session(registered) as session:
        _, token = issue(PERSON["reference_id"], session=session)
        if tamper:
            token = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
        verdict = check(token, session=session)
    assert (verdict.valid, verdict.reason, verdict.demo) == expected


def test_the_cli_says_demo_and_exits_1_for_a_demo_certificate(registered, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", registered.url.render_as_string(hide_password=False))
    monkeypatch.setattr("data.certificates.issue.uses_demo_keys", lambda: True)
    with Session(registered) as session:
        _, token = issue(PERSON["reference_id"], session=session)
    assert main(["verify", token]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "DEMO: signed with the embedded demo's generated key; not a valid certificate"
    assert "VALID" not in out


def _new_signing_key() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.mark.parametrize("as_file", [False, True], ids=["json", "file"])
def test_a_certificate_signed_before_a_rotation_verifies_with_the_retired_key(
    registered, monkeypatch, capsys, tmp_path, as_file
) -> None:
    """Rotation as the runbook says: publish the old key's JWK set as retired, then set the new key and kid. Old
    tokens verify (naming the old kid), new ones are signed with the new kid, and the key set lists both."""
    from data.settings import ENVIRONMENT

    with Session(registered) as session:
        _, old_token = issue(PERSON["reference_id"], session=session)
    assert main(["jwks"]) == 0
    retired = capsys.readouterr().out
    monkeypatch.setenv(ENVIRONMENT["signing_key"], _new_signing_key())
    monkeypatch.setenv(ENVIRONMENT["signing_kid"], "key-2026-12")
    with Session(registered) as session:
        assert check(old_token, session=session).reason == "unknown-key"  # not yet published as retired
        if as_file:
            (tmp_path / "retired.json").write_text(retired, encoding="utf-8")
            monkeypatch.setenv(ENVIRONMENT["retired_public_keys"], str(tmp_path / "retired.json"))
        else:
            monkeypatch.setenv(ENVIRONMENT["retired_public_keys"], retired)
        verdict = check(old_token, session=session)
        assert (verdict.valid, verdict.reason, verdict.kid) == (True, "valid", "test-key")
        _, new_token = issue(PERSON["reference_id"], session=session)  # a new key: a new certificate
        fresh = check(new_token, session=session)
    assert (fresh.valid, fresh.kid, fresh.claims["cid"] != verdict.claims["cid"]) == (True, "key-2026-12", True)
    assert main(["jwks"]) == 0
    assert [key["kid"] for key in json.loads(capsys.readouterr().out)["keys"]] == ["key-2026-12", "test-key"]


@pytest.mark.parametrize(
    ("retired", "message"),
    [
        ('{"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "X", "d": "D", "kid": "old"}]}', "private key"),
        ("current", "current kid"),
    ],
    ids=["private-key", "current-kid"],
)
def test_a_wrong_retired_key_set_is_refused(monkeypatch, capsys, retired, message) -> None:
    from data.certificates.signing import public_keys_from_settings
    from data.settings import ENVIRONMENT

    if retired == "current":
        assert main(["jwks"]) == 0
        retired = capsys.readouterr().out
    monkeypatch.setenv(ENVIRONMENT["retired_public_keys"], retired)
    with pytest.raises(ValueError, match=message):
        public_keys_from_settings()
