"""The public certificate lookup: reference id + mobile → a one-time code → the certificate.

Built so that nothing can be learnt from it without both factors:
- every request does the same work (both keyed hashes, the throttle counts, the registry read, a challenge
  row) whether the details match or not; a code is sent only when they match and nothing is throttled;
- a non-matching or throttled lookup still gets a challenge (a decoy whose code was never sent), so the page
  goes on to "enter the code" every time and a wrong code, an unknown id, a wrong mobile, an expired or used
  code and a throttle all end in the same refusal;
- throttles live in the database (data.accounts.throttle): requests per client address; failures per
  reference id from one client address, and from all of them together; a request refused while throttled is
  not counted, so it does not prolong the throttle. If the database cannot be asked, the answer is a
  refusal (fail closed);
- at most a few codes are sent per reference id and per mobile, per 15 minutes and per day (SEND_CAPS): a
  matching lookup beyond them is answered the same way and sends nothing;
- every step writes an audit row with the keyed hash of the reference id, never the id or the mobile.

Its owner's way to a code when someone else keeps failing with their reference id: the failures that
throttle a reference id are counted per (reference id, client address) — a stranger's failures throttle the
stranger — and a reference id is throttled for everyone only after PER_REFERENCE failures from many
addresses within 15 minutes.
"""

from __future__ import annotations

import hmac
import logging
import re
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
QUARTER = timedelta(minutes=15)
PER_CLIENT = throttle.Bucket("lookup-client", limit=20, window=timedelta(minutes=1))
"""Lookups and code entries per client address."""
PER_REFERENCE_CLIENT = throttle.Bucket("lookup-reference-client", limit=5, window=QUARTER)
"""Failed lookups and wrong codes per reference id from one client address."""
PER_REFERENCE = throttle.Bucket("lookup-reference", limit=30, window=QUARTER)
"""Failed lookups and wrong codes per reference id from every address: a ceiling on guessing from many."""
SEND_CAPS = (
    throttle.Bucket("sent-reference-15m", limit=3, window=QUARTER),
    throttle.Bucket("sent-reference-day", limit=10, window=timedelta(days=1)),
    throttle.Bucket("sent-mobile-15m", limit=3, window=QUARTER),
    throttle.Bucket("sent-mobile-day", limit=10, window=timedelta(days=1)),
)
"""Codes sent per reference id and per mobile, per 15 minutes and per day (the first two buckets count the
reference id, the last two the mobile)."""

_NO_MATCH = "0" * 64  # compared against when the reference id is unknown, so that path does the same work
_SPACES = re.compile(r"[\s-]")


def _reference_rule(text: str) -> str:
    """registry.reference_id, with the spaces and hyphens a person may type between digit groups left out."""
    return registry.reference_id(_SPACES.sub("", text or ""))


def detail_problems(reference_id: str, mobile: str) -> list[str]:
    """What is wrong with the typed details by their form alone, as catalogue keys (stats/labels/certificate.py):
    a reference id has 13 digits, a mobile is a 10-digit Indian mobile number. It never reads the registry, so
    it tells nothing about whether a reference id exists; a page sends nothing while this is not empty."""
    problems = []
    for rule, text, key in (
        (_reference_rule, reference_id, "certificate.error_reference"),
        (registry.mobile_number, mobile, "certificate.error_mobile"),
    ):
        try:
            rule((text or "").strip())
        except (Invalid, ParseError):
            problems.append(key)
    return problems


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


def _pair_subject(reference: str, client: str) -> str:
    """The throttle subject of one reference id (or its hash) asked for from one client address."""
    return identifier_hash(f"reference-client:{reference}:{client or 'unknown'}")


def _reference_throttled(session: Session, pair_subject: str, reference_hash: str, now: datetime) -> bool:
    """Too many failures for the reference id from this client, or from everyone."""
    from_here = throttle.is_exhausted(PER_REFERENCE_CLIENT, pair_subject, session=session, now=now)
    from_all = throttle.is_exhausted(PER_REFERENCE, reference_hash, session=session, now=now)
    return from_here or from_all


def _count_failure(session: Session, pair_subject: str, reference_hash: str, now: datetime) -> None:
    throttle.count(PER_REFERENCE_CLIENT, pair_subject, session=session, now=now)
    throttle.count(PER_REFERENCE, reference_hash, session=session, now=now)


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
    reference_id = _as_registered(_reference_rule, reference_id)
    mobile = _as_registered(registry.mobile_number, mobile)
    reference_hash = identifier_hash("reference:" + reference_id)
    mobile_hash = identifier_hash(mobile)
    client_subject = _client_subject(client)
    pair_subject = _pair_subject(reference_hash, client)
    send_subjects = (reference_hash, reference_hash, mobile_hash, mobile_hash)
    challenge_id = secrets.token_urlsafe(18)
    code = f"{secrets.randbelow(1_000_000):06d}"
    try:
        client_throttled = throttle.is_exhausted(PER_CLIENT, client_subject, session=session, now=now)
        reference_throttled = _reference_throttled(session, pair_subject, reference_hash, now)
        capped = [
            throttle.is_exhausted(cap, subject, session=session, now=now)
            for cap, subject in zip(SEND_CAPS, send_subjects, strict=True)
        ]
        table = Beneficiary.__table__
        stored = (
            session.connection()
            .execute(select(table.c.mobile_hash).where(table.c.reference_id == reference_id))
            .scalar_one_or_none()
        )
        matches = hmac.compare_digest(stored or _NO_MATCH, mobile_hash)
        throttled = client_throttled or reference_throttled
        send = matches and not throttled and not any(capped)
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
        if not client_throttled:
            throttle.count(PER_CLIENT, client_subject, session=session, now=now)
        if not matches and not throttled:
            _count_failure(session, pair_subject, reference_hash, now)
        if client_throttled:
            outcome = "throttled-client"
        elif reference_throttled:
            outcome = "throttled-reference"
        elif not matches:
            outcome = "no-match"
        else:
            outcome = "sent" if send else "send-capped"
        _audit(session, reference_hash, "lookup", outcome, client, now)
        if send:
            sender.send(session=session, challenge_id=challenge_id, mobile=mobile, code=code, lang=lang)
            for cap, subject in zip(SEND_CAPS, send_subjects, strict=True):
                throttle.count(cap, subject, session=session, now=now)
        else:  # writes of the same cost as the outbox row and the send counts: no send takes as long as a send
            challenge = LookupChallenge.__table__
            for _ in range(1 + len(SEND_CAPS)):
                session.connection().execute(update(challenge).where(challenge.c.id == challenge_id).values(tries=0))
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
        client_throttled = throttle.is_exhausted(PER_CLIENT, client_subject, session=session, now=now)
        # Locked until the end of the transaction: parallel guesses at one code are counted one after another.
        query = select(table).where(table.c.id == (challenge_id or "")).with_for_update()
        row = session.connection().execute(query).first()
        reference_hash = row.reference_hash if row else identifier_hash("reference:")
        pair_subject = _pair_subject(row.reference_hash if row else "", client)
        reference_throttled = _reference_throttled(session, pair_subject, reference_hash, now)
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
        if not client_throttled:
            throttle.count(PER_CLIENT, client_subject, session=session, now=now)
        if not ok and not (client_throttled or reference_throttled):
            _count_failure(session, pair_subject, reference_hash, now)
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


def reference_hash(reference_id: str) -> str:
    """The keyed hash the trails and throttles know a typed reference id by (spaces and hyphens left out)."""
    return identifier_hash("reference:" + _as_registered(_reference_rule, reference_id))


def lookups_of(reference_id: str, *, session: Session) -> list[dict[str, object]]:
    """Every public lookup and code entry for one reference id, newest first: UTC time, step, outcome and client
    address (for an incident: who asked for whom, and when). Only the servers' identifier key links the id to the
    trail's hashes."""
    table = LookupAudit.__table__
    rows = session.connection().execute(
        select(table.c.at, table.c.step, table.c.outcome, table.c.client)
        .where(table.c.reference_hash == reference_hash(reference_id))
        .order_by(table.c.at.desc(), table.c.id.desc())
    )
    return [{"at": _aware(row.at), "step": row.step, "outcome": row.outcome, "client": row.client} for row in rows]
