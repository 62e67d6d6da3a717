"""The configuration check at start (data.settings.missing_settings, require_configuration): with a database other
than the embedded demo one, the identifier key, the signing key and its id and the public address are required;
the command lines then exit with a message naming what is missing (never a value, never a traceback), and QR
codes never fall back to localhost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from data import settings
from data.settings import ENVIRONMENT, MissingSecret, missing_settings, public_base_url

ROOT = Path(__file__).resolve().parents[2]
CONFIGURED = "postgresql://teeka@db.example/teeka"
ALL = [
    "TEEKA_IDENTIFIER_KEY ([certificates] identifier_key)",
    "TEEKA_SIGNING_KEY ([certificates] signing_key)",
    "TEEKA_SIGNING_KID ([certificates] signing_kid)",
    "TEEKA_PUBLIC_BASE_URL ([certificates] public_base_url)",
]


@pytest.fixture
def no_secrets_file(monkeypatch):
    monkeypatch.setattr(settings, "_from_secrets_file", lambda _name: None)


@pytest.mark.parametrize(
    ("database_url", "unset", "expected"),
    [
        (None, list(ENVIRONMENT), []),  # the embedded demo: generated keys, this computer's address
        (CONFIGURED, [], []),
        (CONFIGURED, ["public_base_url"], [ALL[3]]),
        (CONFIGURED, ["identifier_key", "signing_key"], ALL[:2]),
        (CONFIGURED, list(ENVIRONMENT), ALL),
        ("sqlite:///elsewhere/teeka.db", ["signing_kid"], [ALL[2]]),
    ],
    ids=["demo", "complete", "no-address", "no-keys", "nothing", "other-sqlite"],
)
def test_missing_settings(monkeypatch, no_secrets_file, database_url, unset, expected) -> None:
    if database_url is None:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    else:
        monkeypatch.setenv("DATABASE_URL", database_url)
    for name in unset:
        monkeypatch.delenv(ENVIRONMENT[name], raising=False)
    assert missing_settings() == expected


def test_a_setting_in_the_secrets_file_counts(monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", CONFIGURED)
    monkeypatch.delenv(ENVIRONMENT["public_base_url"])
    monkeypatch.setattr(settings, "_from_secrets_file", lambda name: "https://teeka.example" if "url" in name else None)
    assert missing_settings() == []


def test_qr_codes_never_silently_point_to_localhost(monkeypatch, no_secrets_file) -> None:
    monkeypatch.delenv(ENVIRONMENT["public_base_url"])
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert public_base_url() == "http://localhost:8501"  # the demo, on this computer
    monkeypatch.setenv("DATABASE_URL", CONFIGURED)
    with pytest.raises(MissingSecret, match="TEEKA_PUBLIC_BASE_URL"):
        public_base_url()


@pytest.mark.parametrize("program", ["data.load", "data.certificates", "data.accounts", "data.bulletin"])
def test_the_command_lines_refuse_to_start_without_their_settings(program: str, tmp_path: Path) -> None:
    env = {name: value for name, value in os.environ.items() if name not in ENVIRONMENT.values()}
    env["TEEKA_SIGNING_KEY"] = "-----BEGIN PRIVATE KEY-----not-shown-----END PRIVATE KEY-----"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'teeka.db'}"
    env["HOME"] = str(tmp_path)  # no secrets file is found from here
    done = subprocess.run(
        [sys.executable, "-m", program, "--help"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines()[-1] == (  # (the bulletin's imports make Streamlit log a line before it)
        f"python -m {program}: not configured for DATABASE_URL: set {ALL[0]}, {ALL[2]}, {ALL[3]} in the"
        " environment or in .streamlit/secrets.toml (see secrets.toml.example). Nothing was done."
    )
    assert "Traceback" not in done.stderr and "not-shown" not in done.stderr
    assert not (tmp_path / "teeka.db").exists()  # nothing was done
