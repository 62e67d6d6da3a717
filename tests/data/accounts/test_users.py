"""Accounts of the officer workspace: add / disable / reset, sign-in with argon2, database throttles, demo
accounts, the audit rows they write (never a password), and the CLI."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, SQLModel

from data.accounts import audit, users
from data.models import AuditEvent, ThrottleEvent, UserAccount

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2021, 6, 22, 4, 30, tzinfo=UTC)
OFFICER_PASSWORD = "correct horse battery"
COLLECTOR_PASSWORD = "durg-secret-2021"
NEW_PASSWORD = "a brand new passphrase"
PASSWORDS = (OFFICER_PASSWORD, COLLECTOR_PASSWORD, NEW_PASSWORD, "wrong-password-typed")


class CountingHasher(PasswordHasher):
    """A cheap argon2id hasher that counts verify calls."""

    def __init__(self, time_cost: int = 1) -> None:
        super().__init__(time_cost=time_cost, memory_cost=8, parallelism=1)
        self.verified = 0

    def verify(self, hash, password) -> bool:
        self.verified += 1
        return super().verify(hash, password)


@pytest.fixture(autouse=True)
def hasher(monkeypatch: pytest.MonkeyPatch) -> CountingHasher:
    """Cheap argon2 parameters for tests (production keeps argon2-cffi's defaults)."""
    fast = CountingHasher()
    monkeypatch.setattr(users, "HASHER", fast)
    return fast


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@pytest.fixture
def accounts(session: Session) -> Session:
    """An officer and the Durg collector."""
    users.add_user("Officer1", OFFICER_PASSWORD, session=session, role="officer", display_name="State Officer", now=NOW)
    users.add_user(
        "collector.durg", COLLECTOR_PASSWORD, session=session, role="collector", district_code="DRG", now=NOW
    )
    return session


def _sign_in(engine: Engine, username: str, password: str, client: str = "10.0.0.1", now: datetime = NOW):
    """One sign-in in its own session, as a new page load would do."""
    with Session(engine) as session:
        account = users.authenticate(username, password, session=session, client=client, now=now)
        return account.username if account else None


def _events(engine: Engine) -> list[tuple[str, str, str, str]]:
    with engine.connect() as conn:
        table = AuditEvent.__table__
        query = select(table.c.action, table.c.actor, table.c.subject, table.c.detail).order_by(table.c.id)
        return [tuple(row) for row in conn.execute(query)]


def _all_stored_text(engine: Engine) -> str:
    """Every value of every table, as text, except the password hashes themselves."""
    with engine.connect() as conn:
        return "\n".join(
            str(value)
            for table in SQLModel.metadata.sorted_tables
            for row in conn.execute(select(*(c for c in table.columns if c.name != "password_hash")))
            for value in row
        )


# --- Adding, disabling, resetting ----------------------------------------------------------------


def test_add_user_stores_an_argon2id_hash_and_an_audit_row(engine: Engine, accounts: Session) -> None:
    officer = accounts.get(UserAccount, "officer1")
    assert (officer.role, officer.district_code, officer.active, officer.demo) == ("officer", None, True, False)
    assert officer.display_name == "State Officer"
    assert officer.password_hash.startswith("$argon2id$") and OFFICER_PASSWORD not in officer.password_hash
    assert accounts.get(UserAccount, "collector.durg").district_code == "DRG"
    assert _events(engine) == [
        ("user-add", "cli", "officer1", "role=officer"),
        ("user-add", "cli", "collector.durg", "role=collector district=DRG"),
    ]
    listed = users.list_users(session=accounts)
    assert [u.username for u in listed] == ["collector.durg", "officer1"]
    assert not hasattr(listed[0], "password_hash")


@pytest.mark.parametrize(
    ("username", "password", "role", "district", "message"),
    [
        ("ab", OFFICER_PASSWORD, "officer", None, "3 to 32"),
        ("x" * 33, OFFICER_PASSWORD, "officer", None, "3 to 32"),
        ("bad name", OFFICER_PASSWORD, "officer", None, "3 to 32"),
        ("राज", OFFICER_PASSWORD, "officer", None, "3 to 32"),
        ("newofficer", "short", "officer", None, "at least 10"),
        ("newofficer", " " * 12, "officer", None, "only spaces"),
        ("newofficer", OFFICER_PASSWORD, "admin", None, "role"),
        ("newofficer", OFFICER_PASSWORD, "officer", "RPR", "no district"),
        ("newcollector", OFFICER_PASSWORD, "collector", None, "needs a district"),
        ("newcollector", OFFICER_PASSWORD, "collector", "XXX", "not a district"),
        ("OFFICER1", OFFICER_PASSWORD, "officer", None, "already exists"),
    ],
    ids=[
        "short-name",
        "long-name",
        "space-in-name",
        "non-ascii-name",
        "short-password",
        "blank-password",
        "unknown-role",
        "officer-with-district",
        "collector-without-district",
        "unknown-district",
        "duplicate",
    ],
)
def test_add_user_refuses(
    engine: Engine, accounts: Session, username: str, password: str, role: str, district: str | None, message: str
) -> None:
    before = _events(engine)
    with pytest.raises(users.UserError, match=message) as refused:
        users.add_user(username, password, session=accounts, role=role, district_code=district)
    assert password not in str(refused.value)
    assert _events(engine) == before
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(UserAccount.__table__)).scalar_one() == 2


def test_sign_in_reset_and_disable(engine: Engine, accounts: Session) -> None:
    assert _sign_in(engine, "Officer1", OFFICER_PASSWORD) == "officer1"
    assert _sign_in(engine, " officer1 ", OFFICER_PASSWORD) == "officer1"
    users.reset_password("officer1", NEW_PASSWORD, session=accounts, actor="admin", now=NOW)
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD) is None
    assert _sign_in(engine, "officer1", NEW_PASSWORD) == "officer1"
    assert users.disable_user("officer1", session=accounts, actor="admin") is True
    assert users.disable_user("officer1", session=accounts, actor="admin") is False
    assert _sign_in(engine, "officer1", NEW_PASSWORD) is None
    assert [(action, actor, subject) for action, actor, subject, _ in _events(engine)[2:]] == [
        ("sign-in", "officer1", "officer1"),
        ("sign-in", "officer1", "officer1"),
        ("user-reset", "admin", "officer1"),
        ("sign-in-failed", "anonymous", "officer1"),
        ("sign-in", "officer1", "officer1"),
        ("user-disable", "admin", "officer1"),
        ("sign-in-failed", "anonymous", "officer1"),
    ]
    assert _events(engine)[-1][3] == "disabled client=10.0.0.1"


@pytest.mark.parametrize(
    ("username", "password", "outcome", "subject"),
    [
        ("officer1", OFFICER_PASSWORD, "ok", "officer1"),
        ("officer1", "wrong-password-typed", "wrong-password", "officer1"),
        ("officer1", "", "wrong-password", "officer1"),
        ("nobody", OFFICER_PASSWORD, "unknown-user", ""),
        ("wrong-password-typed", "x", "unknown-user", ""),  # a password typed as the username is not recorded
        ("no", OFFICER_PASSWORD, "unknown-user", ""),
    ],
    ids=["right", "wrong-password", "empty-password", "unknown-user", "password-as-username", "malformed-username"],
)
def test_authenticate_outcomes_and_audit(
    engine: Engine, accounts: Session, hasher: CountingHasher, username: str, password: str, outcome: str, subject: str
) -> None:
    hasher.verified = 0
    signed_in = _sign_in(engine, username, password, client="10.1.2.3")
    assert signed_in == (username if outcome == "ok" else None)
    assert hasher.verified == 1  # the same argon2 work for unknown and malformed usernames
    action, actor, recorded_subject, detail = _events(engine)[-1]
    if outcome == "ok":
        assert (action, actor, detail) == ("sign-in", username, "client=10.1.2.3")
    else:
        assert (action, actor, detail) == ("sign-in-failed", "anonymous", f"{outcome} client=10.1.2.3")
    assert recorded_subject == subject


def test_unknown_user_verifies_against_a_hash_of_the_same_parameters(accounts: Session) -> None:
    real = accounts.get(UserAccount, "officer1").password_hash
    dummy = users._dummy_hash()
    assert dummy.split("$")[:4] == real.split("$")[:4]  # argon2id, version, m/t/p


def test_a_hash_with_old_parameters_is_replaced_at_sign_in(
    engine: Engine, accounts: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = accounts.get(UserAccount, "officer1").password_hash
    monkeypatch.setattr(users, "HASHER", CountingHasher(time_cost=2))
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD) == "officer1"
    with Session(engine) as fresh:
        new = fresh.get(UserAccount, "officer1").password_hash
    assert new != old and ",t=2," in new
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD) == "officer1"


# --- Throttles -----------------------------------------------------------------------------------


def test_five_failures_lock_the_username_for_fifteen_minutes(engine: Engine, accounts: Session) -> None:
    for attempt in range(5):  # each from its own session and client address
        assert _sign_in(engine, "officer1", "wrong-password-typed", client=f"10.0.0.{attempt}") is None
    later = NOW + timedelta(minutes=1)
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD, client="10.9.9.9", now=later) is None
    assert _events(engine)[-1][3] == "throttled client=10.9.9.9"
    assert _sign_in(engine, "collector.durg", COLLECTOR_PASSWORD, client="10.9.9.9", now=later) == "collector.durg"
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD, now=NOW + timedelta(minutes=16)) == "officer1"


def test_attempts_refused_while_throttled_do_not_extend_the_lock(engine: Engine, accounts: Session) -> None:
    """A stranger who knows the username fails 5 times at 04:30, then tries every minute until 04:44 (every
    attempt refused and recorded, none counted): the owner signs in at 04:45, 15 minutes after the last
    counted failure; counting the refused attempts would have kept the account locked until 04:59."""
    for _attempt in range(5):
        assert _sign_in(engine, "officer1", "wrong-password-typed", client="10.5.5.5") is None
    for minute in range(1, 15):
        moment = NOW + timedelta(minutes=minute)
        assert _sign_in(engine, "officer1", "wrong-password-typed", client=f"10.5.6.{minute}", now=moment) is None
    refused = [event for event in _events(engine) if event[3].startswith("throttled")]
    assert len(refused) == 14  # every refused attempt is in the audit trail
    with engine.connect() as conn:
        counted = conn.execute(
            select(func.count()).select_from(ThrottleEvent).where(ThrottleEvent.bucket == "sign-in-account")
        ).scalar_one()
    assert counted == 5
    owner = NOW + timedelta(minutes=15)
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD, client="10.0.0.9", now=owner) == "officer1"


def test_attempts_refused_by_the_client_throttle_do_not_extend_it(engine: Engine, accounts: Session) -> None:
    for attempt in range(20):
        assert _sign_in(engine, f"user{attempt}", "whatever-password", client="10.6.6.6") is None
    for second in range(1, 60):  # refused every second of the minute, never counted
        moment = NOW + timedelta(seconds=second)
        assert _sign_in(engine, "user0", "whatever-password", client="10.6.6.6", now=moment) is None
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD, client="10.6.6.6", now=NOW + timedelta(seconds=61)) == (
        "officer1"
    )


def test_twenty_attempts_a_minute_per_client(engine: Engine, accounts: Session) -> None:
    for attempt in range(20):
        moment = NOW + timedelta(seconds=attempt)
        assert _sign_in(engine, f"user{attempt}", "whatever-password", client="10.6.6.6", now=moment) is None
    moment = NOW + timedelta(seconds=30)
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD, client="10.6.6.6", now=moment) is None
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD, client="10.7.7.7", now=moment) == "officer1"
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD, client="10.6.6.6", now=NOW + timedelta(seconds=91)) == (
        "officer1"
    )


def test_throttle_rows_hold_no_username_or_address(engine: Engine, accounts: Session) -> None:
    _sign_in(engine, "officer1", "wrong-password-typed", client="10.4.4.4")
    with engine.connect() as conn:
        subjects = list(conn.execute(select(ThrottleEvent.bucket, ThrottleEvent.subject)))
    assert {bucket for bucket, _ in subjects} == {"sign-in-account", "sign-in-client"}
    assert all(len(subject) == 64 and "officer" not in subject and "10.4" not in subject for _, subject in subjects)


@pytest.mark.parametrize(
    "broken",
    ["is_exhausted", "count"],
    ids=["throttle-unreadable", "throttle-unwritable"],
)
def test_fails_closed_when_the_throttle_store_errors(
    engine: Engine, accounts: Session, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, broken: str
) -> None:
    def fail(*_args, **_kwargs):
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))

    before = _events(engine)
    monkeypatch.setattr(users.throttle, broken, fail)
    with caplog.at_level(logging.WARNING, logger="data.accounts"):
        assert _sign_in(engine, "officer1", OFFICER_PASSWORD) is None
    assert "sign-in refused: OperationalError" in caplog.text
    # Rolled back whole, then the failure recorded on its own.
    assert _events(engine) == [
        *before,
        ("sign-in-failed", "anonymous", "officer1", "error-OperationalError client=10.0.0.1"),
    ]
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ThrottleEvent)).scalar_one() == 0


def test_a_failure_that_cannot_even_be_recorded_is_logged(
    engine: Engine, accounts: Session, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def fail(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    before = _events(engine)
    monkeypatch.setattr(users.audit, "record", fail)
    with caplog.at_level(logging.WARNING, logger="data.accounts"):
        assert _sign_in(engine, "officer1", OFFICER_PASSWORD, client="10.3.3.3") is None
    assert "failed sign-in not recorded in the audit trail: OperationalError (client 10.3.3.3)" in caplog.text
    assert _events(engine) == before


def test_fails_closed_without_the_identifier_key(
    engine: Engine, accounts: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TEEKA_IDENTIFIER_KEY")
    monkeypatch.setattr("data.settings.is_default_database", lambda *_: False)
    monkeypatch.setattr("data.settings._from_secrets_file", lambda _name: None)
    assert _sign_in(engine, "officer1", OFFICER_PASSWORD) is None


# --- Demo accounts -------------------------------------------------------------------------------


def test_demo_accounts_only_on_the_default_database(
    engine: Engine, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert users.ensure_demo_accounts(session=session) == []  # a test database is not the embedded default
    monkeypatch.setattr(users, "is_default_database", lambda *_: True)
    created = users.ensure_demo_accounts(session=session)
    assert created == ["officer", "collector.raipur", "collector.durg"]
    assert users.ensure_demo_accounts(session=session) == []
    for demo in users.DEMO_ACCOUNTS:
        assert _sign_in(engine, demo.username, demo.password) == demo.username
    assert session.get(UserAccount, "collector.raipur").district_code == "RPR"
    monkeypatch.setattr(users, "is_default_database", lambda *_: False)
    for demo in users.DEMO_ACCOUNTS:
        assert _sign_in(engine, demo.username, demo.password) is None
        assert _events(engine)[-1][3] == "demo-refused client=10.0.0.1"


def test_a_demo_flagged_account_is_refused_on_another_database(engine: Engine, session: Session) -> None:
    users.add_user("demo.user", "demo-password-1", session=session, role="officer", demo=True)
    assert _sign_in(engine, "demo.user", "demo-password-1") is None


# --- No password anywhere ------------------------------------------------------------------------


def test_no_password_in_any_row_or_log(engine: Engine, session: Session, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        users.add_user("officer1", OFFICER_PASSWORD, session=session, role="officer")
        users.add_user("collector.durg", COLLECTOR_PASSWORD, session=session, role="collector", district_code="DRG")
        _sign_in(engine, "officer1", OFFICER_PASSWORD)
        _sign_in(engine, "officer1", "wrong-password-typed")
        _sign_in(engine, "wrong-password-typed", COLLECTOR_PASSWORD)
        users.reset_password("officer1", NEW_PASSWORD, session=session)
        _sign_in(engine, "officer1", NEW_PASSWORD)
        with pytest.raises(users.UserError) as refused:
            users.reset_password("officer1", "short", session=session)
        users.sign_out("officer1", session=session)
    stored = _all_stored_text(engine)
    with Session(engine) as fresh:
        browsed = audit.browse(session=fresh).to_csv()
    for password in (*PASSWORDS, "short"):
        assert password not in stored
        assert password not in browsed
        assert password not in caplog.text
        assert password not in str(refused.value)
    assert "sign-out" in browsed


# --- CLI -----------------------------------------------------------------------------------------


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.mark.parametrize(
    ("argv", "stdin", "status", "shown"),
    [
        (["add", "Raj.Officer", "--role", "officer", "--password-stdin"], NEW_PASSWORD + "\n", 0, "Added officer"),
        (["add", "c.raipur", "--role", "collector", "--district", "रायपुर", "--password-stdin"], NEW_PASSWORD, 0, "RPR"),
        (
            ["add", "c.bastar", "--role", "collector", "--district", "bastar", "--password-stdin"],
            NEW_PASSWORD,
            0,
            "BST",
        ),
        (["add", "officer1", "--role", "officer", "--password-stdin"], NEW_PASSWORD, 1, "already exists"),
        (["add", "c.nowhere", "--role", "collector", "--district", "Atlantis", "--password-stdin"], "", 1, "unknown"),
        (["add", "c.none", "--role", "collector", "--password-stdin"], NEW_PASSWORD, 1, "needs --district"),
        (["add", "weak.one", "--role", "officer", "--password-stdin"], "short\n", 1, "at least 10"),
        (["add", "no.tty", "--role", "officer"], NEW_PASSWORD, 1, "--password-stdin"),
        (["reset", "officer1", "--password-stdin"], NEW_PASSWORD + "\n", 0, "changed"),
        (["reset", "ghost", "--password-stdin"], NEW_PASSWORD, 1, "no account"),
        (["disable", "collector.durg"], "", 0, "Disabled collector.durg"),
        (["disable", "ghost"], "", 1, "no account"),
        (["list"], "", 0, "collector.durg"),
    ],
    ids=[
        "add-officer",
        "add-collector-hindi-district",
        "add-collector-lower-case-district",
        "add-duplicate",
        "add-unknown-district",
        "add-collector-no-district",
        "add-weak-password",
        "add-no-terminal",
        "reset",
        "reset-unknown",
        "disable",
        "disable-unknown",
        "list",
    ],
)
def test_cli(
    engine: Engine,
    accounts: Session,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    argv: list[str],
    stdin: str,
    status: int,
    shown: str,
) -> None:
    monkeypatch.setenv("DATABASE_URL", _url(engine))
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert users.main(argv) == status
    out, err = capsys.readouterr()
    assert shown in (out if status == 0 else err)
    assert NEW_PASSWORD not in out + err and "short" not in out + err
    if argv[0] == "reset" and status == 0:
        assert _sign_in(engine, "officer1", NEW_PASSWORD) == "officer1"
    if argv[0] == "add" and status == 0:
        assert _sign_in(engine, argv[1], NEW_PASSWORD) == argv[1].lower()


def test_cli_end_to_end_in_a_subprocess(sqlite_engine: Engine) -> None:
    env = {**os.environ, "DATABASE_URL": _url(sqlite_engine)}

    def run(*argv: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "data.accounts", *argv],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
        )

    added = run(
        "add",
        "district.officer",
        "--role",
        "collector",
        "--district",
        "Durg",
        "--name",
        "D O",
        "--password-stdin",
        stdin=COLLECTOR_PASSWORD + "\n",
    )
    assert (added.returncode, added.stdout.strip()) == (0, "Added collector district.officer for DRG.")
    reset = run("reset", "district.officer", "--password-stdin", stdin=NEW_PASSWORD + "\n")
    assert (reset.returncode, reset.stdout.strip()) == (0, "Password of district.officer changed.")
    listed = run("list")
    assert listed.returncode == 0 and "district.officer" in listed.stdout and "active" in listed.stdout
    usage = run("add", "x.y.z")
    assert usage.returncode == 2 and "--role" in usage.stderr
    for done in (added, reset, listed, usage):
        assert COLLECTOR_PASSWORD not in done.stdout + done.stderr and NEW_PASSWORD not in done.stdout + done.stderr
    with Session(sqlite_engine) as session:
        stored = session.get(UserAccount, "district.officer")
        assert stored.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")  # argon2-cffi's defaults
        assert (stored.role, stored.district_code, stored.display_name) == ("collector", "DRG", "D O")
        assert users.authenticate("district.officer", NEW_PASSWORD, session=session, client="cli-test") is not None


def test_active_account_is_read_afresh_and_refuses_disabled_accounts(engine: Engine, accounts: Session) -> None:
    with Session(engine) as other:
        assert users.active_account("collector.durg", session=other).district_code == "DRG"
        users.disable_user("collector.durg", session=accounts, actor="officer1")
        assert users.active_account("collector.durg", session=other) is None  # no stale copy
        assert users.active_account("COLLECTOR.DURG ", session=other) is None
        assert users.active_account("officer1", session=other).role == "officer"
        assert users.active_account("nobody", session=other) is None
        assert users.active_account("x", session=other) is None


@pytest.mark.parametrize(
    "environment, secrets_text, expected",
    [
        (None, None, 30),
        ("45", None, 45),
        ("0", None, 1),
        ("soon", None, 30),
        (None, "[workspace]\nidle_minutes = 10\n", 10),
        ("20", "[workspace]\nidle_minutes = 10\n", 20),
    ],
)
def test_idle_minutes(monkeypatch, tmp_path, environment, secrets_text, expected) -> None:
    monkeypatch.delenv("TEEKA_IDLE_MINUTES", raising=False)
    if environment is not None:
        monkeypatch.setenv("TEEKA_IDLE_MINUTES", environment)
    monkeypatch.chdir(tmp_path)
    if secrets_text is not None:
        (tmp_path / ".streamlit").mkdir()
        (tmp_path / ".streamlit" / "secrets.toml").write_text(secrets_text)

    monkeypatch.setattr("data.settings._secrets_files", lambda: [tmp_path / ".streamlit" / "secrets.toml"])
    assert users.idle_minutes() == expected


def test_a_linked_single_sign_on_identity_signs_in_as_its_account(engine: Engine, accounts: Session) -> None:
    users.link_identity("collector.durg", " Collector.Durg@CG.gov.in ", session=accounts, actor="officer1", now=NOW)
    with Session(engine) as session:
        account = users.sign_in_identity("collector.durg@cg.gov.in", session=session, client="10.0.0.9", now=NOW)
        assert (account.username, account.role, account.district_code) == ("collector.durg", "collector", "DRG")
        assert users.sign_in_identity("someone@cg.gov.in", session=session, client="10.0.0.9", now=NOW) is None
        assert users.sign_in_identity(None, session=session, client="10.0.0.9", now=NOW) is None
    with pytest.raises(users.UserError, match="already linked"):
        users.link_identity("officer1", "collector.durg@cg.gov.in", session=accounts)
    with pytest.raises(users.UserError, match="e-mail"):
        users.link_identity("officer1", "not an address", session=accounts)
    users.disable_user("collector.durg", session=accounts)
    with Session(engine) as session:
        assert users.sign_in_identity("collector.durg@cg.gov.in", session=session, client="10.0.0.9") is None
    events = [(action, actor, detail) for action, actor, _subject, detail in _events(engine)]
    assert ("user-link", "officer1", "sso @cg.gov.in") in events
    assert ("sign-in", "collector.durg", "sso client=10.0.0.9") in events
    assert events.count(("sign-in-failed", "anonymous", "sso-unmapped client=10.0.0.9")) == 3
    assert not any("collector.durg@" in str(event) for event in _events(engine))


def test_a_changed_secrets_file_is_read_again(monkeypatch, tmp_path) -> None:
    """The secrets file is parsed once per change (it is asked on every rerun), not once per process."""
    import os

    monkeypatch.delenv("TEEKA_IDLE_MINUTES", raising=False)
    secrets_file = tmp_path / "secrets.toml"
    monkeypatch.setattr("data.settings._secrets_files", lambda: [secrets_file])
    secrets_file.write_text("[workspace]\nidle_minutes = 10\n")
    assert users.idle_minutes() == 10 and users.idle_minutes() == 10
    secrets_file.write_text("[workspace]\nidle_minutes = 15\n")
    stat = secrets_file.stat()
    os.utime(secrets_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a later time, however coarse
    assert users.idle_minutes() == 15
