"""Accounts of the officer workspace: officers (the whole state) and collectors (one district).

- Passwords are kept only as argon2id hashes (argon2-cffi's PasswordHasher with its default parameters),
  at least 10 characters; a hash made with older parameters is replaced at the next good sign-in.
- `authenticate` does the same argon2 work for an unknown username (against a dummy hash), so the time it
  takes does not tell which usernames exist; it refuses disabled accounts, and demo accounts anywhere but
  the embedded default database.
- Sign-ins are throttled in the database (so across sessions and app servers): at most 5 failures per
  username in 15 minutes and 20 attempts per client address a minute; if the throttle store cannot be
  asked, nobody is signed in (fail closed). An attempt a throttle refuses is not counted, so a stranger who
  keeps failing cannot keep an account locked past 15 minutes after the last counted failure.
- Every failed sign-in writes a `sign-in-failed` audit row: refused, throttled, and also one lost to a race or a
  database fault (then in a transaction of its own, detail `error-<exception> client=…`).
- Every change and every sign-in writes an audit row (data.accounts.audit); a password never goes into a row or a log.

CLI::

    python -m data.accounts add USERNAME --role officer|collector [--district NAME] [--name "…"] [--password-stdin]
    python -m data.accounts reset USERNAME [--password-stdin]
    python -m data.accounts disable USERNAME
    python -m data.accounts link USERNAME EMAIL      (single sign-on: this identity signs in as USERNAME)
    python -m data.accounts list

Sessions end after `idle_minutes()` without an interaction (TEEKA_IDLE_MINUTES, or idle_minutes in the
[workspace] table of the secrets file; 30 by default), SESSION_HOURS (12) after the sign-in however active, and at
their next interaction once the account is disabled or its password reset.
"""

from __future__ import annotations

import argparse
import getpass
import hmac
import logging
import os
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import update
from sqlmodel import Session, select

from data.access import EVERYONE, OFFICER, Context, command
from data.accounts import audit, throttle
from data.db import is_default_database
from data.models import District, UserAccount, UserIdentity, UserPublic
from data.settings import identifier_hash, secrets_table
from stats.labels import t

log = logging.getLogger(__name__)

HASHER = PasswordHasher()
"""The password hasher (argon2id, argon2-cffi's defaults). Tests replace it with a cheaper one."""

ROLES = ("officer", "collector")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
USERNAME = re.compile(r"[a-z0-9._-]{3,32}")

IDLE_MINUTES_DEFAULT = 30
SESSION_HOURS = 12
"""A session ends this many hours after its sign-in, however active (pages/_auth.py), besides the idle limit."""
EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,189}")

PER_ACCOUNT = throttle.Bucket("sign-in-account", limit=5, window=timedelta(minutes=15))
"""Failed sign-ins per username."""
PER_CLIENT = throttle.Bucket("sign-in-client", limit=20, window=timedelta(minutes=1))
"""Sign-in attempts per client address."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    district_code: str | None
    display_name: str


DEMO_ACCOUNTS = (
    DemoAccount("officer", "teeka-officer-demo", "officer", None, "State immunisation officer (demo)"),
    DemoAccount("collector.raipur", "teeka-raipur-demo", "collector", "RPR", "Collector, Raipur (demo)"),
    DemoAccount("collector.durg", "teeka-durg-demo", "collector", "DRG", "Collector, Durg (demo)"),
)
"""Documented demo accounts, created only on the embedded default database and refused anywhere else."""


class UserError(ValueError):
    """A request the rules refuse (bad username, weak password, unknown account, …): key names its sentence in the
    catalogue (stats/labels/users.py) and values what it quotes; str() is the English sentence (what the CLI prints)."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(t(key, "en", **values))

    def text(self, lang: str = "en") -> str:
        """The refusal in the language."""
        return t(self.key, lang, **self.values)


def _now(now: datetime | None) -> datetime:
    moment = now or datetime.now(UTC)
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def normalise_username(text: str) -> str:
    return (text or "").strip().lower()


def check_username(text: str) -> str:
    """The username lower-cased, or UserError."""
    username = normalise_username(text)
    if not USERNAME.fullmatch(username):
        raise UserError("users.error_username")
    return username


def check_password(password: str) -> None:
    """UserError unless the password meets the policy (the message never repeats it)."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise UserError("users.error_password_short", n=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise UserError("users.error_password_long", n=MAX_PASSWORD)
    if not password.strip():
        raise UserError("users.error_password_spaces")


def hash_password(password: str) -> str:
    return HASHER.hash(password)


@cache
def _dummy_hash_for(parameters: tuple) -> str:
    time_cost, memory_cost, parallelism, hash_len, salt_len, kind = parameters
    hasher = PasswordHasher(time_cost, memory_cost, parallelism, hash_len, salt_len, type=kind)
    return hasher.hash("teeka-dummy-password-for-unknown-users")


def _dummy_hash() -> str:
    """A hash with the current hasher's parameters, verified against for unknown usernames."""
    h = HASHER
    return _dummy_hash_for((h.time_cost, h.memory_cost, h.parallelism, h.hash_len, h.salt_len, h.type))


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _demo_allowed(session: Session) -> bool:
    """Demo accounts live only in the embedded default database (by DATABASE_URL and by this session's engine)."""
    url = session.get_bind().url.render_as_string(hide_password=False)
    return is_default_database() and is_default_database(url)


def _account(session: Session, username: str) -> UserAccount:
    account = session.get(UserAccount, username)
    if account is None:
        raise UserError("users.error_no_account", name=username)
    return account


def _detached(session: Session, account: UserAccount) -> UserAccount:
    """The account loaded and detached from the session, whose (read) transaction is ended: on SQLite a
    transaction left open would keep an old snapshot and make the session's next write fail as locked."""
    session.refresh(account)
    session.expunge(account)
    session.commit()
    return account


def public(account: UserAccount) -> UserPublic:
    """What a page may show of an account (no password hash)."""
    return UserPublic.model_validate(account, from_attributes=True)


def add_user(
    username: str,
    password: str,
    *,
    session: Session,
    role: str,
    district_code: str | None = None,
    display_name: str = "",
    actor: str = "cli",
    demo: bool = False,
    now: datetime | None = None,
) -> UserAccount:
    """Create an account (committed, with its audit row). Collectors need a district; officers have none."""
    now = _now(now)
    username = check_username(username)
    if role not in ROLES:
        raise UserError("users.error_role")
    if role == "collector" and not district_code:
        raise UserError("users.error_collector_district")
    if role == "officer" and district_code:
        raise UserError("users.error_officer_district")
    if district_code and session.get(District, district_code) is None:
        raise UserError("users.error_unknown_district", name=district_code)
    check_password(password)
    if session.get(UserAccount, username) is not None:
        raise UserError("users.error_exists", name=username)
    account = UserAccount(
        username=username,
        display_name=(display_name or "").strip()[:100] or username,
        role=role,
        district_code=district_code or None,
        active=True,
        demo=demo,
        password_hash=hash_password(password),
        created_at=now,
        password_changed_at=now,
    )
    session.add(account)
    session.flush()
    detail = f"role={role}" + (f" district={district_code}" if district_code else "") + (" demo" if demo else "")
    audit.record("user-add", session=session, actor=actor, subject=username, detail=detail, now=now)
    session.commit()
    return _detached(session, account)


def disable_user(username: str, *, session: Session, actor: str = "cli", now: datetime | None = None) -> bool:
    """Disable an account (it can no longer sign in). False when it was already disabled (nothing written)."""
    account = _account(session, normalise_username(username))
    if not account.active:
        return False
    account.active = False
    session.add(account)
    audit.record("user-disable", session=session, actor=actor, subject=account.username, now=_now(now))
    session.commit()
    return True


def reset_password(
    username: str, password: str, *, session: Session, actor: str = "cli", now: datetime | None = None
) -> None:
    """Give an account a new password (committed, with its audit row)."""
    now = _now(now)
    account = _account(session, normalise_username(username))
    check_password(password)
    account.password_hash = hash_password(password)
    account.password_changed_at = now
    session.add(account)
    audit.record("user-reset", session=session, actor=actor, subject=account.username, now=now)
    session.commit()


def list_users(*, session: Session) -> list[UserPublic]:
    rows = session.exec(select(UserAccount).order_by(UserAccount.role, UserAccount.username)).all()
    return [public(row) for row in rows]


def ensure_demo_accounts(*, session: Session, now: datetime | None = None) -> list[str]:
    """On the embedded default database only: create the missing demo accounts; their usernames."""
    if not _demo_allowed(session):
        return []
    created = []
    for demo in DEMO_ACCOUNTS:
        if session.get(UserAccount, demo.username) is None:
            add_user(
                demo.username,
                demo.password,
                session=session,
                role=demo.role,
                district_code=demo.district_code,
                display_name=demo.display_name,
                actor="system",
                demo=True,
                now=now,
            )
            created.append(demo.username)
    return created


def authenticate(
    username: str, password: str, *, session: Session, client: str | None, now: datetime | None = None
) -> UserAccount | None:
    """The account when the username and password match an active account and no throttle is exhausted;
    None otherwise (for every kind of failure alike). Commits the throttle counts and the audit row."""
    now = _now(now)
    username = normalise_username(username)
    well_formed = bool(USERNAME.fullmatch(username))
    client = (client or "unknown")[:64]
    try:
        client_subject = identifier_hash("client:" + client)
        account_subject = identifier_hash("account:" + (username if well_formed else ""))
        client_throttled = throttle.is_exhausted(PER_CLIENT, client_subject, session=session, now=now)
        account_throttled = throttle.is_exhausted(PER_ACCOUNT, account_subject, session=session, now=now)
        # Read afresh: an account disabled by another app server must not pass on a cached copy.
        account = session.get(UserAccount, username, populate_existing=True) if well_formed else None
        # The same argon2 work whether or not the account exists.
        stored_hash = account.password_hash if account is not None else _dummy_hash()
        matches = _verify(stored_hash, password or "") and account is not None
        if client_throttled or account_throttled:
            outcome = "throttled"
        elif account is None:
            outcome = "unknown-user"
        elif not matches:
            outcome = "wrong-password"
        elif not account.active:
            outcome = "disabled"
        elif account.demo and not _demo_allowed(session):
            outcome = "demo-refused"
        else:
            outcome = "ok"
        ok = outcome == "ok"
        if ok and HASHER.check_needs_rehash(stored_hash):
            table = UserAccount.__table__
            session.connection().execute(
                update(table).where(table.c.username == username).values(password_hash=hash_password(password))
            )
        # An attempt refused by a throttle is not counted by it: a stranger who keeps trying does not keep the
        # account (or the address) locked beyond the window of the counted attempts.
        if not client_throttled:
            throttle.count(PER_CLIENT, client_subject, session=session, now=now)
        if not ok and outcome != "throttled":
            throttle.count(PER_ACCOUNT, account_subject, session=session, now=now)
        # A mistyped username may be a password typed in the wrong field: only a known one is recorded.
        known = account.username if account is not None else ""
        audit.record(
            "sign-in" if ok else "sign-in-failed",
            session=session,
            actor=known if ok else "anonymous",
            subject=known,
            detail=f"client={client}" if ok else f"{outcome} client={client}",
            now=now,
        )
        session.commit()
    except Exception as error:  # fail closed: the throttle store or the database could not be asked
        session.rollback()
        log.warning("sign-in refused: %s", type(error).__name__)
        _record_lost_sign_in(session, username if well_formed else "", client, type(error).__name__, now)
        return None
    return _detached(session, account) if ok else None


def _record_lost_sign_in(session: Session, username: str, client: str, error: str, now: datetime) -> None:
    """The audit row of a sign-in refused because its unit of work failed (a lost race, a lock timeout, the
    throttle store down), in a transaction of its own; logged when even that cannot be written."""
    try:
        known = session.get(UserAccount, username) if username else None
        audit.record(
            "sign-in-failed",
            session=session,
            actor="anonymous",
            subject=known.username if known is not None else "",
            detail=f"error-{error} client={client}",
            now=now,
        )
        session.commit()
    except Exception as again:
        session.rollback()
        log.error("failed sign-in not recorded in the audit trail: %s (client %s)", type(again).__name__, client)


def active_account(username: str, *, session: Session) -> UserPublic | None:
    """The account if it may still be signed in (exists, active, demo only in the demo), read afresh: asked on
    every interaction, so that disabling an account takes effect at its next click."""
    username = normalise_username(username)
    if not USERNAME.fullmatch(username):
        return None
    account = session.get(UserAccount, username, populate_existing=True)
    allowed = account is not None and account.active and (not account.demo or _demo_allowed(session))
    result = public(account) if allowed else None
    session.rollback()  # end the read transaction (see _detached)
    return result


def idle_minutes() -> int:
    """Minutes without an interaction after which a session ends (at least 1)."""
    value = os.environ.get("TEEKA_IDLE_MINUTES") or secrets_table("workspace").get("idle_minutes")
    try:
        return max(1, int(value)) if value not in (None, "") else IDLE_MINUTES_DEFAULT
    except (TypeError, ValueError):
        return IDLE_MINUTES_DEFAULT


def link_identity(
    username: str, email: str, *, session: Session, actor: str = "cli", now: datetime | None = None
) -> None:
    """Let a single sign-on identity (its e-mail address) sign in as this account (committed, audited)."""
    account = _account(session, normalise_username(username))
    email = (email or "").strip().lower()
    if not EMAIL.fullmatch(email):
        raise UserError("users.error_email")
    existing = session.get(UserIdentity, email)
    if existing is not None and existing.username != account.username:
        raise UserError("users.error_email_linked")
    if existing is None:
        session.add(UserIdentity(email=email, username=account.username))
    domain = email.rsplit("@", 1)[1]
    audit.record(
        "user-link", session=session, actor=actor, subject=account.username, detail=f"sso @{domain}", now=_now(now)
    )
    session.commit()


def sign_in_identity(
    email: str | None, *, session: Session, client: str | None, now: datetime | None = None
) -> UserPublic | None:
    """The account a verified single sign-on identity maps to, if active (audited like a password sign-in)."""
    email = (email or "").strip().lower()
    identity = session.get(UserIdentity, email) if EMAIL.fullmatch(email) else None
    account = active_account(identity.username, session=session) if identity is not None else None
    client = (client or "unknown")[:64]
    if account is None:
        audit.record(
            "sign-in-failed", session=session, actor="anonymous", detail=f"sso-unmapped client={client}", now=_now(now)
        )
    else:
        audit.record(
            "sign-in",
            session=session,
            actor=account.username,
            subject=account.username,
            detail=f"sso client={client}",
            now=_now(now),
        )
    session.commit()
    return account


def sign_out(username: str, *, session: Session, now: datetime | None = None) -> None:
    """Record that a user signed out (committed)."""
    username = normalise_username(username)
    audit.record("sign-out", session=session, actor=username, subject=username, now=_now(now))
    session.commit()


# --- What the pages may do ---------------------------------------------------------------------------
# The frame and the sign-in page (anyone), the accounts page (the officer; each change is made as the
# signed-in officer, who is its audit row's actor).


@command(EVERYONE)
def sign_in(session: Session, ctx: Context, /, username: str, password: str, *, client: str) -> UserAccount | None:
    """A sign-in with a username and a password (authenticate)."""
    return authenticate(username, password, session=session, client=client)


@command(EVERYONE)
def sign_in_sso(session: Session, ctx: Context, /, email: str | None, *, client: str) -> UserPublic | None:
    """A sign-in with a verified single sign-on identity (sign_in_identity)."""
    return sign_in_identity(email, session=session, client=client)


@command(EVERYONE, writes=False)
def signed_in_account(session: Session, ctx: Context, /, username: str) -> UserPublic | None:
    """The session's account if it may still be signed in (active_account): the frame asks on every rerun."""
    return active_account(username, session=session)


@command(EVERYONE)
def record_sign_out(session: Session, ctx: Context, /, username: str) -> None:
    """Record that the session's user signed out or was signed out for being idle (sign_out)."""
    sign_out(username, session=session)


@command(OFFICER)
def add_account(
    session: Session,
    ctx: Context,
    /,
    username: str,
    password: str,
    *,
    role: str,
    district_code: str | None = None,
    display_name: str = "",
) -> UserAccount:
    """add_user, as the signed-in officer."""
    return add_user(
        username,
        password,
        session=session,
        role=role,
        district_code=district_code,
        display_name=display_name,
        actor=ctx.viewer.username,
    )


@command(OFFICER)
def reset_account_password(session: Session, ctx: Context, /, username: str, password: str) -> None:
    """reset_password, as the signed-in officer."""
    reset_password(username, password, session=session, actor=ctx.viewer.username)


@command(OFFICER)
def disable_account(session: Session, ctx: Context, /, username: str) -> bool:
    """disable_user, as the signed-in officer (never their own account)."""
    if normalise_username(username) == ctx.viewer.username:
        raise UserError("users.cannot_disable_self")
    return disable_user(username, session=session, actor=ctx.viewer.username)


@command(OFFICER)
def link_account_identity(session: Session, ctx: Context, /, username: str, email: str) -> None:
    """link_identity, as the signed-in officer."""
    link_identity(username, email, session=session, actor=ctx.viewer.username)


# --- CLI -----------------------------------------------------------------------------------------


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    if not sys.stdin.isatty():
        raise UserError("users.error_no_terminal")
    first = getpass.getpass("Password (at least 10 characters): ")
    check_password(first)
    second = getpass.getpass("Password again: ")
    if not hmac.compare_digest(first.encode(), second.encode()):
        raise UserError("users.error_passwords_differ")
    return first


def _resolve_district(name: str | None) -> str | None:
    if not name:
        return None
    from data import master as reference

    code = reference.districts().resolve(name)
    if code is None:
        raise UserError("users.error_cli_unknown_district", name=name)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m data.accounts", description="Manage the accounts of the officer workspace."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="create an account (asks for its password)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--district", help="the collector's district (English or Hindi name, or code)")
    add.add_argument("--name", default="", help="display name (default: the username)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    reset = commands.add_parser("reset", help="set a new password (asks for it)")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    disable = commands.add_parser("disable", help="disable an account")
    disable.add_argument("username")
    link = commands.add_parser("link", help="let a single sign-on identity (e-mail) sign in as an account")
    link.add_argument("username")
    link.add_argument("email")
    commands.add_parser("list", help="list the accounts")
    return parser


def _run(args: argparse.Namespace, session: Session) -> str:
    actor = "cli"
    if args.command == "add":
        username = check_username(args.username)
        district_code = _resolve_district(args.district)
        if args.role == "collector" and district_code is None:
            raise UserError("users.error_cli_collector_district")
        if session.get(UserAccount, username) is not None:
            raise UserError("users.error_exists", name=username)
        password = _read_password(args)
        add_user(
            username,
            password,
            session=session,
            role=args.role,
            district_code=district_code,
            display_name=args.name,
            actor=actor,
        )
        where = f" for {district_code}" if district_code else ""
        return f"Added {args.role} {username}{where}."
    if args.command == "reset":
        username = normalise_username(args.username)
        _account(session, username)
        reset_password(username, _read_password(args), session=session, actor=actor)
        return f"Password of {username} changed."
    if args.command == "disable":
        username = normalise_username(args.username)
        changed = disable_user(username, session=session, actor=actor)
        return f"Disabled {username}." if changed else f"{username} was already disabled."
    if args.command == "link":
        link_identity(args.username, args.email, session=session, actor=actor)
        return f"{args.email.strip().lower()} now signs in as {normalise_username(args.username)}."
    lines = [f"{'username':<32} {'role':<10} {'district':<8} {'status':<8} name"]
    for user in list_users(session=session):
        status = ("active" if user.active else "disabled") + (" demo" if user.demo else "")
        lines.append(
            f"{user.username:<32} {user.role:<10} {user.district_code or '-':<8} {status:<8} {user.display_name}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Exit status: 0 done, 1 refused (the message says why), 2 usage or database error."""
    args = _parser().parse_args(argv)

    from sqlalchemy.exc import SQLAlchemyError

    from data.db import make_engine, prepare_command_schema

    engine = make_engine()
    try:
        prepare_command_schema(engine, "python -m data.accounts")
        with Session(engine) as session:
            message = _run(args, session)
    except UserError as error:
        print(f"Refused: {error}", file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        first_line = (str(cause).strip().splitlines() or [""])[0]
        print(f"Database error ({type(cause).__name__}): {first_line}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(message)
    return 0
