"""Shared fixtures: a fresh database per test on SQLite and PostgreSQL, paths to shared data, and
helpers to compare database contents.

Fixtures
    engine          parametrised [sqlite, postgresql]: an empty database with the schema created and the
                    reference data seeded (``create_schema``). PostgreSQL cases carry the ``postgres``
                    marker and are skipped when the server is unreachable (they fail instead when
                    TEEKA_REQUIRE_POSTGRES=1).
    sqlite_engine   the same on SQLite only, for tests that need not run on both backends.
    shared_dir      ``../shared`` next to the repository.
    real_data_dir   ``data/published``: the real 2021 series shipped with the app.
    (autouse)       every test runs with test values of the registry's secrets (TEEKA_IDENTIFIER_KEY,
                    TEEKA_SIGNING_KEY, TEEKA_SIGNING_KID), so data.settings never writes the demo key file.

Helpers (``from tests.conftest import snapshot, table_counts``)
    table_counts(engine)  rows per table of ``SQLModel.metadata``.
    snapshot(engine)      every row of every table, sorted, to assert that the database did not change.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel

from data.databases import scratch_database
from data.db import create_schema, make_engine
from data.settings import ENVIRONMENT

POSTGRES_URL_ENV = "TEEKA_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REQUIRE_POSTGRES_ENV = "TEEKA_REQUIRE_POSTGRES"


# --- Helpers -----------------------------------------------------------------------------------


def _sort_key(row: tuple) -> tuple:
    # None sorts first and never meets a value of another type in the comparison.
    return tuple((value is not None, value) for value in row)


def table_counts(engine: Engine) -> dict[str, int]:
    """Row count of every table in SQLModel.metadata, by table name."""
    with engine.connect() as conn:
        return {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
        }


def snapshot(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table in SQLModel.metadata, sorted, by table name."""
    with engine.connect() as conn:
        return {
            table.name: sorted((tuple(row) for row in conn.execute(select(table))), key=_sort_key)
            for table in SQLModel.metadata.sorted_tables
        }


# --- Secrets -----------------------------------------------------------------------------------

TEST_IDENTIFIER_KEY = "test-identifier-key-not-a-secret"
TEST_SIGNING_KID = "test-key"
TEST_PUBLIC_BASE_URL = "https://teeka.test"


@pytest.fixture(scope="session")
def _test_signing_key() -> str:
    """An Ed25519 private key (PKCS#8 PEM), made once per test run."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return (
        Ed25519PrivateKey.generate()
        .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        .decode()
    )


@pytest.fixture(autouse=True)
def _test_secrets(monkeypatch: pytest.MonkeyPatch, _test_signing_key: str) -> None:
    """Test values of the registry's secrets for every test (a test may still delete or replace them)."""
    monkeypatch.setenv(ENVIRONMENT["identifier_key"], TEST_IDENTIFIER_KEY)
    monkeypatch.setenv(ENVIRONMENT["signing_key"], _test_signing_key)
    monkeypatch.setenv(ENVIRONMENT["signing_kid"], TEST_SIGNING_KID)
    monkeypatch.setenv(ENVIRONMENT["public_base_url"], TEST_PUBLIC_BASE_URL)


# --- Paths -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder beside the repository (``../shared``)."""
    return Path(__file__).resolve().parents[2] / "shared"


PUBLISHED_DIR = Path(__file__).resolve().parents[1] / "data" / "published"
"""The real published series shipped with the app (data/published/, a copy of ../shared/data/real/)."""


@pytest.fixture(scope="session")
def real_data_dir() -> Path:
    """The real published series: the project's own copy in data/published/ (always there)."""
    return PUBLISHED_DIR


@pytest.fixture(scope="session")
def real_only_url(real_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of a SQLite database holding only the three published files (made once per run; read it only)."""
    from sqlmodel import Session

    from data.db import create_schema, make_engine
    from data.imports.importer import import_bytes

    url = f"sqlite:///{tmp_path_factory.mktemp('real-only') / 'teeka.db'}"
    engine = make_engine(url)
    create_schema(engine)
    try:
        for name in ("cg_state_daily.csv", "cg_district_daily.csv", "cg_state_mohfw_daily.csv"):
            with Session(engine) as session:
                report = import_bytes((real_data_dir / name).read_bytes(), name, session=session, user="real-test")
            assert report.status == "committed", (name, report.problems)
    finally:
        engine.dispose()
    return url


# --- PostgreSQL --------------------------------------------------------------------------------


def _postgres_admin_url() -> str:
    return os.environ.get(POSTGRES_URL_ENV) or DEFAULT_POSTGRES_URL


def _libpq_dsn(url: str) -> str:
    """The SQLAlchemy URL as a plain libpq connection string for psycopg."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def _postgres_probe() -> str | None:
    """None when the admin database answers; otherwise why not. Probed once per session."""
    url = _postgres_admin_url()
    try:
        with psycopg.connect(_libpq_dsn(url), connect_timeout=3):
            return None
    except psycopg.Error as exc:
        shown = make_url(url).render_as_string(hide_password=True)
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"PostgreSQL not reachable at {shown}; set {POSTGRES_URL_ENV} ({detail})"


@pytest.fixture(scope="session")
def _postgres_database(_postgres_probe: str | None) -> Iterator[str]:
    """URL of one fresh database for the whole test run, schema created; dropped at the end."""
    if _postgres_probe is not None:
        if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
            pytest.fail(f"{_postgres_probe} [{REQUIRE_POSTGRES_ENV}=1]", pytrace=False)
        pytest.skip(_postgres_probe)

    with postgres_database("teeka_test_") as url:
        yield url


@contextmanager
def postgres_database(prefix: str, *, schema: bool = True) -> Iterator[str]:
    """A fresh database on the test server, named prefix + random hex, with the schema unless told not to;
    dropped on the way out."""
    with scratch_database(_postgres_admin_url(), prefix) as url:
        if schema:
            engine = make_engine(url)
            try:
                create_schema(engine)
            finally:
                engine.dispose()
        yield url


def _reset_postgres(engine: Engine) -> None:
    """Drop every table and create the schema again, seeded: the same start as a new database.

    Measured at ~0.12 s per test (TRUNCATE ... RESTART IDENTITY CASCADE + reseed: ~0.07 s); dropping
    is kept because it also undoes anything a test did to the schema itself.
    """
    with engine.begin() as conn:
        # A connection leaked by an earlier test would otherwise make DROP TABLE wait forever.
        conn.exec_driver_sql("SET LOCAL lock_timeout = '10s'")
        SQLModel.metadata.drop_all(conn)
    create_schema(engine)


# --- Engines -----------------------------------------------------------------------------------


def _sqlite_engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'teeka.db'}")
    create_schema(engine)
    return engine


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh database with the schema and reference data, on each backend in turn."""
    if request.param == "sqlite":
        engine = _sqlite_engine(tmp_path)
    else:
        engine = make_engine(request.getfixturevalue("_postgres_database"))
        try:
            _reset_postgres(engine)
        except BaseException:
            engine.dispose()
            raise
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    """A fresh SQLite database (a file in tmp_path) with the schema and reference data."""
    engine = _sqlite_engine(tmp_path)
    try:
        yield engine
    finally:
        engine.dispose()
