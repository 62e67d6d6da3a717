"""Certificates from the registry: what may be shown, issuing (or reusing) a signed one, checking one.

CLI for officers and other verifiers:
    python -m data.certificates.issue issue REFERENCE_ID     prints the signed token
    python -m data.certificates.issue verify TOKEN_OR_URL    prints the verdict and reason; exit 0 valid, 1 invalid
                                                             (or DEMO: signed with the embedded demo's key)
    python -m data.certificates.issue jwks                   prints the public keys (current and retired) as a
                                                             JWK set
    python -m data.certificates.issue lookups REFERENCE_ID   prints the public lookups of one person, newest first
                                                             (audited: the trail records who read it)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import secrets
import sys
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import exists, insert, select
from sqlmodel import Session

from data.access import EVERYONE, Context, command
from data.accounts import audit
from data.certificates import lookup
from data.certificates.signing import (
    Verdict,
    jwks,
    payload_bytes,
    public_keys_from_settings,
    sign_certificate,
    token_from_text,
    token_payload,
    verify,
)
from data.db import make_engine, prepare_command_schema
from data.imports.registry import ID_TYPES
from data.models import (
    Beneficiary,
    Centre,
    Certificate,
    CertificatePublic,
    CertificateRevocation,
    District,
    DosePublic,
    Vaccination,
)
from data.settings import setting, uses_demo_keys

STATUS_BY_DOSES = {1: "partial", 2: "full", 3: "precaution"}


def mask_id(last4: str) -> str:
    """An ID number shown by its last four digits only."""
    return f"XXXX-XXXX-{last4}"


def _id_type_name(code: str) -> str:
    """The ID document's name in both languages, as the certificate prints it."""
    kind = ID_TYPES.get(code)
    return f"{kind.label_en} / {kind.label_hi}" if kind else code


def _record(reference_id: str, *, session: Session) -> tuple[object, list[DosePublic]] | None:
    person = session.get(Beneficiary, reference_id)
    if person is None:
        return None
    shot, centre, district = Vaccination.__table__, Centre.__table__, District.__table__
    rows = session.connection().execute(
        select(shot.c.dose_number, shot.c.date, shot.c.vaccine, centre.c.name, district.c.name_en, district.c.name_hi)
        .select_from(
            shot.join(centre, centre.c.id == shot.c.centre_id).join(district, district.c.code == centre.c.district_code)
        )
        .where(shot.c.reference_id == reference_id)
        .order_by(shot.c.dose_number)
    )
    doses = [
        DosePublic(number=number, date=day, vaccine=vaccine, centre=name, district=f"{name_en} / {name_hi}")
        for number, day, vaccine, name, name_en, name_hi in rows
    ]
    return person, doses


def _content_hash(cert: CertificatePublic) -> str:
    """What the certificate certifies, without its id and time: equal content reuses the certificate."""
    payload = {k: v for k, v in token_payload(cert).items() if k not in ("cid", "iat")}
    return hashlib.sha256(payload_bytes(payload)).hexdigest()


def certificate_for(reference_id: str, *, session: Session, kid: str, now: datetime | None = None):
    """The certificate of a registered person with at least one dose (issued now, or the earlier one when
    nothing changed and it is not revoked), or None. Commits when it issues a new one."""
    record = _record(reference_id, session=session)
    if record is None or not record[1]:
        return None
    person, doses = record
    draft = CertificatePublic(
        certificate_id="",
        name=person.name,
        birth_year=person.birth_year,
        gender=person.gender,
        id_type=_id_type_name(person.id_type),
        id_masked=mask_id(person.id_last4),
        doses=doses,
        status=STATUS_BY_DOSES.get(len(doses), "precaution"),
        issued_at=now or datetime.now(UTC).replace(microsecond=0),
    )
    content = _content_hash(draft)
    table, revocation = Certificate.__table__, CertificateRevocation.__table__
    earlier = (
        session.connection()
        .execute(
            select(table.c.id, table.c.issued_at)
            .where(
                table.c.reference_id == reference_id,
                table.c.content_sha256 == content,
                table.c.kid == kid,
                ~exists().where(revocation.c.certificate_id == table.c.id),
            )
            .order_by(table.c.issued_at.desc())
            .limit(1)
        )
        .first()
    )
    if earlier is not None:
        issued = earlier.issued_at if earlier.issued_at.tzinfo else earlier.issued_at.replace(tzinfo=UTC)
        return draft.model_copy(update={"certificate_id": earlier.id, "issued_at": issued})
    cert = draft.model_copy(update={"certificate_id": secrets.token_hex(8)})
    session.connection().execute(
        insert(table).values(
            id=cert.certificate_id,
            reference_id=reference_id,
            content_sha256=content,
            kid=kid,
            issued_at=cert.issued_at,
        )
    )
    session.commit()
    return cert


def issue(reference_id: str, *, session: Session) -> tuple[CertificatePublic, str] | None:
    """The certificate and its signed token (see certificate_for), signed with the configured key."""
    kid = setting("signing_kid")  # the key sign_certificate signs with
    cert = certificate_for(reference_id, session=session, kid=kid)
    return None if cert is None else (cert, sign_certificate(cert))


def by_code(
    challenge_id: str, code: str, *, session: Session, client: str
) -> tuple[bool, tuple[CertificatePublic, str] | None]:
    """Step 2 of the public lookup: whether the code was accepted, and then the certificate with its token
    (None when the registration has no dose yet)."""
    reference = lookup.redeem(challenge_id, code, session=session, client=client)
    if reference is None:
        return False, None
    return True, issue(reference, session=session)


def is_revoked(certificate_id: str, *, session: Session) -> bool:
    return session.get(CertificateRevocation, certificate_id) is not None


def check(text: str, *, session: Session) -> Verdict:
    """The verdict on a token, or on a pasted verification URL holding one; a signature by the embedded demo's
    generated key is marked demo (the only key known is the configured one, so it signed any token that holds)."""
    verdict = verify(
        token_from_text(text or ""),
        public_keys=public_keys_from_settings(),
        revoked=lambda cid: is_revoked(cid, session=session),
    )
    signed = verdict.claims is not None and verdict.kid == setting("signing_kid")
    return replace(verdict, demo=True) if signed and uses_demo_keys() else verdict


@command(EVERYONE)
def open_certificate(
    session: Session, ctx: Context, /, challenge_id: str, code: str, *, client: str
) -> tuple[bool, tuple[CertificatePublic, str] | None]:
    """Step 2 from the certificate page: by_code()."""
    return by_code(challenge_id, code, session=session, client=client)


@command(EVERYONE, writes=False)
def verify_text(session: Session, ctx: Context, /, text: str) -> Verdict:
    """The verification page's verdict on a pasted token or link, or a QR code's text: check()."""
    return check(text, session=session)


def _print_lookups(reference_id: str, *, session: Session) -> int:
    """The lookups of one person as tab-separated lines (UTC time, step, outcome, client); the reading itself goes
    into the audit trail, by the hash's first characters (never the reference id)."""
    rows = lookup.lookups_of(reference_id, session=session)
    audit.record_now(
        "lookup-trail",
        session=session,
        actor="cli",
        subject="reference:" + lookup.reference_hash(reference_id)[:12],
        counts={"rows": len(rows)},
    )
    print("at_utc\tstep\toutcome\tclient")
    for row in rows:
        print(f"{row['at'].isoformat(timespec='seconds')}\t{row['step']}\t{row['outcome']}\t{row['client']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.certificates", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("issue", help="print the signed token of a registered person").add_argument("reference_id")
    commands.add_parser("verify", help="check a token or verification URL").add_argument("token")
    commands.add_parser("jwks", help="print the public keys (current and retired) as a JWK set")
    commands.add_parser("lookups", help="print the public lookups of one reference id").add_argument("reference_id")
    args = parser.parse_args(argv)
    if args.command == "jwks":
        print(json.dumps(jwks(public_keys_from_settings()), indent=2))
        return 0
    engine = make_engine()
    try:
        prepare_command_schema(engine, "python -m data.certificates")
        with Session(engine) as session:
            if args.command == "lookups":
                return _print_lookups(args.reference_id, session=session)
            if args.command == "issue":
                issued = issue(args.reference_id.strip(), session=session)
                if issued is None:
                    print("no certificate: unknown reference id, or no dose recorded", file=sys.stderr)
                    return 1
                print(issued[1])
                return 0
            verdict = check(args.token, session=session)
    finally:
        engine.dispose()
    if verdict.demo and verdict.valid:
        print("DEMO: signed with the embedded demo's generated key; not a valid certificate")
        print(json.dumps(verdict.claims, ensure_ascii=False, indent=2))
        return 1
    print(f"{'VALID' if verdict.valid else 'INVALID'}: {verdict.reason}")
    if verdict.claims and verdict.valid:
        print(json.dumps(verdict.claims, ensure_ascii=False, indent=2))
    return 0 if verdict.valid else 1
