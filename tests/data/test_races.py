"""Races: requests at the same moment, as several browsers or app servers send them, on SQLite and PostgreSQL.

Each test starts its threads together (a barrier) and calls the commands the pages call (the gate, the app's
engine, DATABASE_URL): simultaneous correct sign-ins and lookups all succeed, and parallel guesses get at most
the throttle's limit checked.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data.access import PUBLIC, Context
from data.accounts import users
from data.certificates import issue, lookup, sms
from data.db import dispose_app_engines
from data.models import AuditEvent, LookupAudit, LookupChallenge, SmsOutbox
from tests.files import beneficiaries_csv, doses_csv, run_import

ANYONE = Context(PUBLIC)
PASSWORD = "correct horse battery"
PEOPLE = [
    {"reference_id": f"10000000000{n:02d}", "name": f"Person {n}", "mobile": f"98765432{n:02d}"} for n in range(10)
]


@pytest.fixture
def app_database(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """The test database as the app's (DATABASE_URL), with ten registered people; the app's engines are
    disposed afterwards."""
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    for content in (doses_csv([{}]), beneficiaries_csv(PEOPLE)):
        assert run_import(engine, content).status == "committed"
    dispose_app_engines()
    yield engine
    dispose_app_engines()


def together(count: int, call: Callable[[int], object]) -> list[object]:
    """call(0) … call(count − 1) in as many threads, released at the same moment."""
    barrier = threading.Barrier(count)

    def run(n: int) -> object:
        barrier.wait()
        return call(n)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def add_accounts(engine: Engine, count: int) -> list[str]:
    names = [f"officer.{n:02d}" for n in range(count)]
    with Session(engine) as session:
        for name in names:
            users.add_user(name, PASSWORD, session=session, role="officer", actor="test")
    return names


@pytest.mark.parametrize("count", [2, 5, 10])
def test_simultaneous_correct_sign_ins_all_succeed(app_database: Engine, count: int) -> None:
    names = add_accounts(app_database, count)
    accounts = together(count, lambda n: users.sign_in(ANYONE, names[n], PASSWORD, client=f"198.51.100.{n}"))
    assert [account.username if account else None for account in accounts] == names
    with app_database.connect() as conn:
        actions = Counter(conn.execute(select(AuditEvent.action).where(AuditEvent.action.like("sign-in%"))).scalars())
    assert actions == {"sign-in": count}


def test_parallel_password_guesses_check_at_most_the_limit(app_database: Engine) -> None:
    (name,) = add_accounts(app_database, 1)
    results = together(30, lambda n: users.sign_in(ANYONE, name, f"wrong guess {n}", client=f"203.0.113.{n}"))
    assert results == [None] * 30
    with app_database.connect() as conn:
        details = list(conn.execute(select(AuditEvent.detail).where(AuditEvent.action == "sign-in-failed")).scalars())
    checked = [detail for detail in details if detail.startswith("wrong-password")]
    assert len(details) == 30
    assert len(checked) == users.PER_ACCOUNT.limit


def test_simultaneous_matching_lookups_all_send_a_code(app_database: Engine) -> None:
    challenges = together(
        len(PEOPLE),
        lambda n: lookup.request_code(ANYONE, PEOPLE[n]["reference_id"], PEOPLE[n]["mobile"], client=f"192.0.2.{n}"),
    )
    assert all(challenges)
    with app_database.connect() as conn:
        sent = list(conn.execute(select(SmsOutbox.challenge_id)).scalars())
        outcomes = Counter(conn.execute(select(LookupAudit.outcome)).scalars())
    assert sorted(sent) == sorted(challenges)
    assert outcomes == {"sent": len(PEOPLE)}


def test_parallel_code_guesses_check_at_most_the_tries(app_database: Engine) -> None:
    person = PEOPLE[0]
    challenge = lookup.request_code(ANYONE, person["reference_id"], person["mobile"], client="192.0.2.1")
    code = sms.DELIVERED.code(challenge)  # the outbox keeps no code: the sender's memory (the demo's phone) does
    wrong = "000000" if code != "000000" else "111111"
    results = together(30, lambda n: issue.open_certificate(ANYONE, challenge, wrong, client=f"203.0.113.{n}"))
    assert results == [(False, None)] * 30
    with app_database.connect() as conn:
        tries = conn.execute(select(LookupChallenge.tries).where(LookupChallenge.id == challenge)).scalar_one()
        outcomes = Counter(conn.execute(select(LookupAudit.outcome).where(LookupAudit.step == "code")).scalars())
    assert tries == 30  # every guess counted against the code …
    assert outcomes["code-wrong"] == lookup.CODE_TRIES  # … and only the first five compared with it
    assert outcomes["code-wrong"] + outcomes["code-unusable"] + outcomes["throttled"] == 30
