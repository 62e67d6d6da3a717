"""The lookup's throttles and send caps (data.certificates.lookup), on SQLite and PostgreSQL: a stranger cannot
keep a citizen from their code, refused requests do not prolong a throttle, and codes sent are capped per
reference id and per mobile."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data.certificates import lookup
from data.certificates.sms import DELIVERED, OutboxSender
from data.models import LookupAudit, SmsOutbox, ThrottleEvent
from tests.files import beneficiaries_csv, doses_csv, run_import

OWNER = {"reference_id": "1000000000001", "name": "Sunita Sahu", "mobile": "9876543210"}
MOTHER = {"reference_id": "1000000000002", "name": "Kamla Bai", "mobile": "9876543210"}  # the same mobile
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


@pytest.fixture
def registry(engine: Engine) -> Engine:
    for content in (doses_csv([{}]), beneficiaries_csv([OWNER, MOTHER])):
        assert run_import(engine, content).status == "committed"
    return engine


def ask(engine: Engine, person: dict, *, mobile: str | None = None, client: str, now: datetime = NOW) -> str | None:
    with Session(engine) as session:
        return lookup.start(
            person["reference_id"],
            mobile or person["mobile"],
            session=session,
            sender=OutboxSender(),
            client=client,
            now=now,
        )


def sent(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(SmsOutbox)).scalar_one()


def outcomes(engine: Engine) -> Counter:
    with engine.connect() as conn:
        return Counter(conn.execute(select(LookupAudit.outcome)).scalars())


def counted(engine: Engine, bucket: lookup.throttle.Bucket) -> int:
    with engine.connect() as conn:
        query = select(func.count()).select_from(ThrottleEvent).where(ThrottleEvent.bucket == bucket.name)
        return conn.execute(query).scalar_one()


def test_a_strangers_failures_do_not_keep_the_owner_from_a_code(registry: Engine) -> None:
    for _ in range(lookup.PER_REFERENCE_CLIENT.limit + 3):
        ask(registry, OWNER, mobile="9000000000", client="203.0.113.66")  # a stranger with the reference id
    ask(registry, OWNER, client="203.0.113.66")  # the stranger is throttled, even with the right mobile
    assert sent(registry) == 0
    ask(registry, OWNER, client="198.51.100.7")  # the owner, from their own phone
    assert sent(registry) == 1
    assert outcomes(registry) == {
        "no-match": lookup.PER_REFERENCE_CLIENT.limit,
        "throttled-reference": 4,
        "sent": 1,
    }


def test_refused_requests_do_not_prolong_the_throttle(registry: Engine) -> None:
    for minute in range(30):  # one failure a minute for half an hour, from one address
        ask(registry, OWNER, mobile="9000000000", client="203.0.113.66", now=NOW + timedelta(minutes=minute))
    # Only the failures made while not throttled count: 5 in the first quarter hour, then 5 once it lapsed.
    assert counted(registry, lookup.PER_REFERENCE_CLIENT) == 2 * lookup.PER_REFERENCE_CLIENT.limit
    ask(registry, OWNER, client="203.0.113.66", now=NOW + timedelta(minutes=50))
    assert sent(registry) == 1  # a quarter hour after the last counted failure, the address may ask again


def test_failures_from_many_addresses_throttle_the_reference_for_everyone(registry: Engine) -> None:
    for n in range(lookup.PER_REFERENCE.limit):
        ask(registry, OWNER, mobile="9000000000", client=f"203.0.113.{n}")
    ask(registry, OWNER, client="198.51.100.7")
    assert sent(registry) == 0
    assert outcomes(registry)["throttled-reference"] == 1


def test_codes_sent_are_capped_per_reference_id_per_quarter_hour_and_per_day(registry: Engine) -> None:
    quarter, day = lookup.SEND_CAPS[0].limit, lookup.SEND_CAPS[1].limit
    for n in range(quarter + 2):
        ask(registry, OWNER, client=f"198.51.100.{n}")
    assert sent(registry) == quarter
    for hour in range(1, 24):  # one lookup an hour through the day
        ask(registry, OWNER, client="198.51.100.7", now=NOW + timedelta(hours=hour))
    assert sent(registry) == day
    assert outcomes(registry)["send-capped"] == quarter + 2 + 23 - day
    ask(registry, OWNER, client="198.51.100.7", now=NOW + timedelta(hours=25))
    assert sent(registry) == day + 1


def test_codes_sent_are_capped_per_mobile(registry: Engine) -> None:
    """Mother and daughter share a mobile: the mobile's cap counts both."""
    cap = lookup.SEND_CAPS[2].limit
    for n in range(cap):
        ask(registry, OWNER if n % 2 else MOTHER, client=f"198.51.100.{n}")
    ask(registry, OWNER, client="198.51.100.99")
    assert sent(registry) == cap


def test_a_capped_lookup_looks_like_any_other(registry: Engine) -> None:
    for n in range(lookup.SEND_CAPS[0].limit):
        ask(registry, OWNER, client=f"198.51.100.{n}")
    capped = ask(registry, OWNER, client="198.51.100.50")
    unknown = ask(registry, {**OWNER, "reference_id": "1999999999999"}, client="198.51.100.51")
    assert capped and unknown and len(capped) == len(unknown)  # a challenge id either way: the page goes on


def guess(engine: Engine, challenge: str, code: str, *, client: str, now: datetime) -> str | None:
    with Session(engine) as session:
        return lookup.redeem(challenge, code, session=session, client=client, now=now)


def test_wrong_codes_refused_while_throttled_do_not_prolong_the_throttle(registry: Engine) -> None:
    """A stranger with the owner's reference id guesses codes once a minute for 14 minutes: the first 5 are counted
    and throttle the stranger's address, the 9 refused after them are not; 15 minutes after the last counted guess
    the address is free again, and the owner, from their own phone, gets and uses a code all along."""
    stranger = ask(registry, OWNER, mobile="9000000000", client="203.0.113.66")  # a failure: counted
    for minute in range(1, 15):
        assert guess(registry, stranger, "000000", client="203.0.113.66", now=NOW + timedelta(minutes=minute)) is None
    assert counted(registry, lookup.PER_REFERENCE_CLIENT) == lookup.PER_REFERENCE_CLIENT.limit
    audit = outcomes(registry)
    assert audit["throttled"] == 14 + 1 - lookup.PER_REFERENCE_CLIENT.limit  # every refused guess is recorded
    # The owner meanwhile: a code sent and accepted (their failures and the stranger's are counted apart).
    with Session(registry) as session:
        owner = lookup.start(
            OWNER["reference_id"],
            OWNER["mobile"],
            session=session,
            sender=OutboxSender(),
            client="198.51.100.7",
            now=NOW + timedelta(minutes=5),
        )
    code = DELIVERED.code(owner)
    assert guess(registry, owner, code, client="198.51.100.7", now=NOW + timedelta(minutes=6)) == OWNER["reference_id"]
    # The stranger's last counted failure was at minute 4: free again at minute 19, not extended by minutes 5-14.
    later = NOW + timedelta(minutes=19)
    assert ask(registry, OWNER, client="203.0.113.66", now=later) is not None
    assert outcomes(registry)["sent"] == 2
