"""Settings and secrets: from the environment or `.streamlit/secrets.toml`, never from the database or the
repository. The keys (identifier hashing key, certificate signing key) may fall back to keys generated on
first use, kept in a git-ignored file beside it, and the public address to this computer, on the embedded demo
database only; with any other database the app and the command lines refuse to start without them
(`missing_settings`, `require_configuration`)."""

from __future__ import annotations

import base64
import hmac
import os
import secrets
import sys
import tomllib
from collections.abc import Callable
from functools import lru_cache
from hashlib import sha256
from pathlib import Path

from data.db import DEFAULT_DB_PATH, is_default_database

ROOT = Path(__file__).resolve().parents[1]
DEMO_KEYS_PATH = DEFAULT_DB_PATH.with_name("teeka-demo-keys.toml")
SECTION = "certificates"
"""The table of `.streamlit/secrets.toml` holding these settings (see secrets.toml.example)."""

ENVIRONMENT = {
    "identifier_key": "TEEKA_IDENTIFIER_KEY",
    "signing_key": "TEEKA_SIGNING_KEY",
    "signing_kid": "TEEKA_SIGNING_KID",
    "public_base_url": "TEEKA_PUBLIC_BASE_URL",
    "retired_public_keys": "TEEKA_RETIRED_PUBLIC_KEYS",
}
DEFAULT_PUBLIC_BASE_URL = "http://localhost:8501"


REQUIRED = ("identifier_key", "signing_key", "signing_kid", "public_base_url")
"""What a database other than the embedded demo one cannot run without (the app and the CLIs check at start)."""


class MissingSecret(RuntimeError):
    """A key is not configured and the database is not the embedded demo one."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"{name} is not configured: set {ENVIRONMENT[name]} or [{SECTION}] {name} in .streamlit/secrets.toml"
        )
        self.name = name


def _secrets_files() -> list[Path]:
    return [Path.cwd() / ".streamlit" / "secrets.toml", ROOT / ".streamlit" / "secrets.toml"]


@lru_cache(maxsize=8)
def _parsed(path: Path, modified_ns: int) -> dict:
    """A secrets file's contents, parsed again only when the file changes (asked on every rerun and lookup)."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def secrets_table(section: str) -> dict[str, object]:
    """A table of the secrets files (the current directory's, then the repository's); the first file that
    sets a name wins."""
    found: dict[str, object] = {}
    for path in dict.fromkeys(_secrets_files()):
        if path.is_file():
            table = _parsed(path, path.stat().st_mtime_ns).get(section, {})
            for name, value in table.items() if isinstance(table, dict) else ():
                if value not in (None, "") and name not in found:
                    found[name] = value
    return found


def _from_secrets_file(name: str) -> str | None:
    value = secrets_table(SECTION).get(name)
    return str(value) if value is not None else None


def _demo_keys() -> dict[str, str]:
    """The demo database's generated keys, created on first use (identifier key, Ed25519 key, kid)."""
    if DEMO_KEYS_PATH.is_file():
        with DEMO_KEYS_PATH.open("rb") as handle:
            return tomllib.load(handle)
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = (
        Ed25519PrivateKey.generate()
        .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        .decode()
    )
    keys = {
        "identifier_key": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "signing_key": pem,
        "signing_kid": "demo-" + secrets.token_hex(4),
    }
    body = "# Generated for the embedded demo database only. Never use these keys for real data.\n" + "".join(
        f'{name} = """{value}"""\n' for name, value in keys.items()
    )
    DEMO_KEYS_PATH.parent.mkdir(parents=True, exist_ok=True)
    temporary = DEMO_KEYS_PATH.with_suffix(".tmp")
    temporary.write_text(body, encoding="utf-8")
    temporary.chmod(0o600)
    temporary.replace(DEMO_KEYS_PATH)  # atomic: two servers starting at once end with one set of keys
    with DEMO_KEYS_PATH.open("rb") as handle:
        return tomllib.load(handle)


def setting(name: str) -> str:
    """A secret by name: environment, then secrets.toml, then (embedded demo database only) the demo keys."""
    value = os.environ.get(ENVIRONMENT[name]) or _from_secrets_file(name)
    if value:
        return value
    if is_default_database():
        return _demo_keys()[name]
    raise MissingSecret(name)


def optional_setting(name: str) -> str | None:
    """A setting that may be absent (environment, then secrets.toml); no demo fallback."""
    return os.environ.get(ENVIRONMENT[name]) or _from_secrets_file(name) or None


def missing_settings() -> list[str]:
    """The required settings (REQUIRED) not configured, as `ENVIRONMENT-NAME ([certificates] name)`, for any
    database but the embedded demo one (whose keys are generated and whose site is this computer); never a value."""
    if is_default_database():
        return []
    return [
        f"{ENVIRONMENT[name]} ([{SECTION}] {name})"
        for name in REQUIRED
        if not (os.environ.get(ENVIRONMENT[name]) or _from_secrets_file(name))
    ]


def require_configuration(program: str) -> None:
    """A command line's first step: exit with status 2 and a message naming the missing settings (never a value,
    never a traceback) when the configuration is incomplete; nothing is done then."""
    missing = missing_settings()
    if missing:
        print(
            f"{program}: not configured for DATABASE_URL: set {', '.join(missing)} in the environment or in"
            " .streamlit/secrets.toml (see secrets.toml.example). Nothing was done.",
            file=sys.stderr,
        )
        raise SystemExit(2)


def uses_demo_keys() -> bool:
    """True when the signing key is the generated demo one (the pages say so)."""
    return not (os.environ.get(ENVIRONMENT["signing_key"]) or _from_secrets_file("signing_key"))


def public_base_url() -> str:
    """Where the verification page is published; the QR code points there. Only the embedded demo database
    falls back to this computer (DEFAULT_PUBLIC_BASE_URL); any other raises MissingSecret rather than print QR
    codes that point to localhost."""
    value = os.environ.get(ENVIRONMENT["public_base_url"]) or _from_secrets_file("public_base_url")
    if not value and not is_default_database():
        raise MissingSecret("public_base_url")
    return (value or DEFAULT_PUBLIC_BASE_URL).rstrip("/")


def identifier_hasher() -> Callable[[str], str]:
    """identifier_hash with the key read and scheduled once: a copy of the keyed HMAC per value, for files of
    lakhs of rows (about 4 times faster than keying anew)."""
    keyed = hmac.new(setting("identifier_key").encode(), digestmod=sha256)

    def digest(value: str) -> str:
        state = keyed.copy()
        state.update(value.encode())
        return state.hexdigest()

    return digest


def identifier_hash(value: str) -> str:
    """Keyed hash (HMAC-SHA-256, hex) of a mobile number, ID number or reference id; the raw value is never kept."""
    return identifier_hasher()(value)
