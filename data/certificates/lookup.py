"""The public certificate lookup: reference id + mobile → a one-time code → the certificate.

Built so that nothing can be learnt from it without both factors:
- every request does the same work (both keyed hashes, the throttle counts, the registry read, a challenge
  row) whether the details match or not; a code is sent only when they match and nothing is throttled;
- a non-matching or throttled lookup still gets a challenge (a decoy whose code was never sent), so the page
  goes on to "enter the code" every time and a wrong code, an unknown id, a wrong mobile, an expired or used
  code and a throttle all end in the same refusal;
- throttles live in the database: failures per reference id, requests per client address; if the database
  cannot be asked, the answer is a refusal (fail closed);
- every step writes an audit row with the keyed hash of the reference id, never the id or the mobile.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from data.access import EVERYONE, Context, command
from data.accounts import throttle
from data.certificates.sms import Sender, sender_from_settings
from data.imports import registry
from data.imports.cells import Invalid
from data.imports.parse import ParseError
from data.models import Beneficiary, LookupAudit, LookupChallenge
from data.settings import identifier_hash

log = logging.getLogger(__name__)

CODE_VALID = timedelta(minutes=10)
CODE_TRIES = 5
PER_REFERENCE = throttle.Bucket("lookup-reference", limit=5, window=timedelta(minutes=15))
"""Failed lookups and wrong codes per reference id."""
PER_CLIENT = throttle.Bucket("lookup-client", limit=20, window=timedelta(minutes=1))
"""Lookups and code entries per client address."""

_NO_MATCH = "0" * 64  # compared against when the reference id is unknown, so that path does the same work


def _as_registered(rule, text: str) -> str:
    """The value as the importer stores it (registry's own rule); text that fails the rule matches no one but is
    still hashed and looked up like any other, so a malformed entry takes as long as a wrong one."""
    try:
        return rule((text or "").strip())
    except (Invalid, ParseError):
        return text or ""


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _client_subject(client: str) -> str:
    return identifier_hash("client:" + (client or "unknown"))


def _code_hash(challenge_id: str, code: str) -> str:
    return identifier_hash(f"code:{challenge_id}:{code}")


def _audit(session: Session, reference_hash: str, step: str, outcome: str, client: str, now: datetime) -> None:
    session.connection().execute(
        insert(LookupAudit.__table__).values(
            reference_hash=reference_hash, step=step, outcome=outcome, client=(client or "unknown")[:64], at=now
        )
    )


def start(
    reference_id: str,
    mobile: str,
    *,
    session: Session,
    sender: Sender,
    client: str,
    lang: str = "en",
    now: datetime | None = None,
) -> str | None:
    """Step 1: a challenge id to enter the code against, the same whatever the details (None only if the
    database could not be asked). Sends a code only when the details match and no throttle is exhausted."""
    now = _now(now)
    reference_id = _as_registered(registry.reference_id, reference_id)
    mobile = _as_registered(registry.mobile_number, mobile)
    reference_hash = identifier_hash("reference:" + reference_id)
    mobile_hash = identifier_hash(mobile)
    client_subject = _client_subject(client)
    challenge_id = secrets.token_urlsafe(18)
    code = f"{secrets.randbelow(1_000_000):06d}"
    try:
        client_throttled = throttle.is_exhausted(PER_CLIENT, client_subject, session=session, now=now)
        reference_throttled = throttle.is_exhausted(PER_REFERENCE, reference_hash, session=session, now=now)
        table = Beneficiary.__table__
        stored = (
            session.connection()
            .execute(select(table.c.mobile_hash).where(table.c.reference_id == reference_id))
            .scalar_one_or_none()
        )
        matches = hmac.compare_digest(stored or _NO_MATCH, mobile_hash)
        send = matches and not client_throttled and not reference_throttled
        session.connection().execute(
            insert(LookupChallenge.__table__).values(
                id=challenge_id,
                reference_hash=reference_hash,
                reference_id=reference_id if send else None,
                code_hash=_code_hash(challenge_id, code),
                created_at=now,
                expires_at=now + CODE_VALID,
                tries=0,
            )
        )
        throttle.count(PER_CLIENT, client_subject, session=session, now=now)
        if not matches:
            throttle.count(PER_REFERENCE, reference_hash, session=session, now=now)
        if client_throttled:
            outcome = "throttled-client"
        elif reference_throttled:
            outcome = "throttled-reference"
        else:
            outcome = "sent" if matches else "no-match"
        _audit(session, reference_hash, "lookup", outcome, client, now)
        if send:
            sender.send(session=session, challenge_id=challenge_id, mobile=mobile, code=code, lang=lang)
        else:  # a write of the same cost as the outbox row, so that no send takes as long as a send
            session.connection().execute(
                update(LookupChallenge.__table__).where(LookupChallenge.__table__.c.id == challenge_id).values(tries=0)
            )
        session.commit()
    except Exception as error:  # fail closed: the database or the sender failed, so nothing was sent
        session.rollback()
        log.warning("certificate lookup refused: %s", type(error).__name__)
        return None
    return challenge_id


def redeem(challenge_id: str, code: str, *, session: Session, client: str, now: datetime | None = None) -> str | None:
    """Step 2: the reference id whose certificate to show, or None for any failure (all alike)."""
    now = _now(now)
    code = (code or "").strip()
    given_hash = _code_hash(challenge_id or "", code)
    client_subject = _client_subject(client)
    try:
        table = LookupChallenge.__table__
        row = session.connection().execute(select(table).where(table.c.id == (challenge_id or ""))).first()
        reference_hash = row.reference_hash if row else identifier_hash("reference:")
        client_throttled = throttle.is_exhausted(PER_CLIENT, client_subject, session=session, now=now)
        reference_throttled = throttle.is_exhausted(PER_REFERENCE, reference_hash, session=session, now=now)
        right = hmac.compare_digest(row.code_hash if row else _NO_MATCH, given_hash)
        usable = (
            row is not None
            and row.reference_id is not None
            and row.used_at is None
            and row.tries < CODE_TRIES
            and _aware(row.expires_at) > now
        )
        ok = right and usable and not client_throttled and not reference_throttled
        if row is not None:
            session.connection().execute(
                update(table)
                .where(table.c.id == row.id)
                .values(tries=table.c.tries + 1, used_at=now if ok else row.used_at)
            )
        throttle.count(PER_CLIENT, client_subject, session=session, now=now)
        if not ok:
            throttle.count(PER_REFERENCE, reference_hash, session=session, now=now)
        if ok:
            outcome = "code-accepted"
        elif client_throttled or reference_throttled:
            outcome = "throttled"
        elif row is None:
            outcome = "unknown-challenge"
        elif not usable:
            outcome = "code-unusable"  # decoy, expired, used, or out of tries
        else:
            outcome = "code-wrong"
        _audit(session, reference_hash, "code", outcome, client, now)
        session.commit()
    except SQLAlchemyError as error:
        session.rollback()
        log.warning("certificate code refused: %s", type(error).__name__)
        return None
    return row.reference_id if ok else None


@command(EVERYONE)
def request_code(session: Session, ctx: Context, /, reference_id: str, mobile: str, *, client: str) -> str | None:
    """Step 1 from the certificate page: start(), with the configured sender, in the page's language."""
    return start(reference_id, mobile, session=session, sender=sender_from_settings(), client=client, lang=ctx.lang)
