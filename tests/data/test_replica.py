"""The read replica (DATABASE_READ_URL) against a real standby: pages read there once it has replayed the data
version they read from the primary, and from the primary while it lags or is down; everything else (the data
version, sign-ins, uncached reads, imports) goes to the primary.

The standby's tests run on PostgreSQL only. They make a database of their own on the primary (127.0.0.1:5432 unless
TEEKA_TEST_POSTGRES_URL says otherwise), copy the cluster with `pg_basebackup -R -X stream` and start the copy
as a hot standby on a free port of 127.0.0.1 (as the `postgres` OS user when run as root). The primary must accept
replication connections from 127.0.0.1 (pg_hba.conf: `host replication all 127.0.0.1/32 trust`; .ci/run adds
it); without that the tests skip saying so, or fail when TEEKA_REQUIRE_POSTGRES=1.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

from data.access import PUBLIC, Context, Viewer
from data.accounts import users
from data.db import READ_URL_ENV, app_engine, dispose_app_engines, replica_engine
from data.imports import workspace as uploads
from data.read import doses, query
from data.read import workspace as reads
from tests.conftest import REQUIRE_POSTGRES_ENV, _libpq_dsn, _postgres_admin_url, postgres_database
from tests.files import doses_csv

OFFICER = Viewer(role="officer", username="officer.replica", display_name="Replica officer")
FIRST = doses_csv([{"date": "2021-06-21", "doses": "100"}, {"date": "2021-06-22", "doses": "20"}])
SECOND = doses_csv([{"date": "2021-06-23", "doses": "7"}])
"""Two imports of daily doses: 120 doses in all after the first, 127 after the second."""
REPLAY_SECONDS = 30
log = logging.getLogger(__name__)


def test_without_a_read_url_every_read_goes_to_the_primary(sqlite_engine: Engine, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    monkeypatch.delenv(READ_URL_ENV, raising=False)
    dispose_app_engines()
    query._cached_result.clear()
    try:
        _import(FIRST, "first.csv")
        assert replica_engine() is None
        assert int(doses.total_doses(Context(PUBLIC, query.current_version()))["doses"].sum()) == 120
    finally:
        dispose_app_engines()
        query._cached_result.clear()


def test_a_read_url_that_is_not_postgresql_is_ignored_and_said_once(monkeypatch, caplog) -> None:
    monkeypatch.setenv(READ_URL_ENV, "sqlite:////tmp/not-a-standby.db")
    dispose_app_engines()
    try:
        with caplog.at_level(logging.WARNING, logger="data.db"):
            assert replica_engine() is None
            assert replica_engine() is None
    finally:
        dispose_app_engines()
    assert caplog.messages == [
        "DATABASE_READ_URL is not PostgreSQL (sqlite:////tmp/not-a-standby.db): pages read from the primary"
    ]


def _why_no_replication(admin_url: str) -> str | None:
    """None when the primary accepts a replication connection from here; otherwise why not."""
    try:
        with psycopg.connect(_libpq_dsn(admin_url), replication="true", autocommit=True, connect_timeout=3) as conn:
            conn.execute("IDENTIFY_SYSTEM")
        return None
    except psycopg.Error as error:
        detail = (str(error).strip().splitlines() or [type(error).__name__])[-1]
        return (
            f"the primary refuses replication connections ({detail}); add `host replication all 127.0.0.1/32 trust`"
            " to its pg_hba.conf and reload (.ci/run does)"
        )


def _as_postgres(command: list[str]) -> list[str]:
    """The command as the postgres OS user when we are root (PostgreSQL refuses to run as root)."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Standby:
    """A hot standby of the primary, started by the test: its data directory, port and URL of the test database."""

    bin_dir: Path
    data_dir: Path
    port: int
    url: str
    basebackup_seconds: float
    running: bool = field(default=True)

    def pg_ctl(self, *arguments: str) -> None:
        command = _as_postgres([str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-w", *arguments])
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        if self.running:
            self.pg_ctl("-m", "fast", "stop")
            self.running = False

    def run(self, sql: str) -> object:
        """One statement on the standby's test database, outside the app's engines; its first value."""
        with psycopg.connect(_libpq_dsn(self.url), autocommit=True, connect_timeout=3) as conn:
            return conn.execute(sql).fetchone()[0]

    def version(self) -> str:
        engine = create_engine(self.url)
        try:
            with Session(engine) as session:
                return query.data_version(session)
        finally:
            engine.dispose()


def _start_standby(admin_url: str, database: str) -> Iterator[Standby]:
    """pg_basebackup of the primary into a new directory under /tmp, started as a hot standby; stopped and
    removed at the end."""
    with psycopg.connect(_libpq_dsn(admin_url), connect_timeout=3) as conn:
        major = int(conn.execute("SHOW server_version_num").fetchone()[0]) // 10000
    bin_dir = Path(f"/usr/lib/postgresql/{major}/bin")
    if not (bin_dir / "pg_ctl").is_file():
        pytest.fail(f"PostgreSQL {major}'s server programs are not in {bin_dir}", pytrace=False)
    parent = Path(tempfile.mkdtemp(prefix="teeka-standby-", dir="/tmp"))
    try:
        if os.geteuid() == 0:
            shutil.chown(parent, "postgres", "postgres")
        data_dir, port, primary = parent / "data", _free_port(), make_url(admin_url)
        basebackup = _as_postgres(
            [str(bin_dir / "pg_basebackup"), "-h", primary.host or "127.0.0.1", "-p", str(primary.port or 5432)]
            + ["-U", primary.username or "postgres", "-D", str(data_dir), "-R", "-X", "stream", "--checkpoint=fast"]
        )
        started = time.perf_counter()
        for attempt in (1, 2):
            try:
                subprocess.run(basebackup, check=True, capture_output=True, timeout=300)
                break
            except subprocess.CalledProcessError:
                # The shared primary's other writers may checkpoint the copy's WAL slot away under it: once more.
                if attempt == 2:
                    raise
                shutil.rmtree(data_dir, ignore_errors=True)
        seconds = time.perf_counter() - started
        log.info("pg_basebackup copied the primary in %.1f s", seconds)  # shown with --log-cli-level=INFO
        # A Debian cluster keeps its configuration in /etc, so the copy has none: the standby's own, minimal.
        for name, text in (
            ("postgresql.conf", ""),
            ("pg_hba.conf", "local all all trust\nhost all all 127.0.0.1/32 trust\n"),
            ("pg_ident.conf", ""),
        ):
            (data_dir / name).write_text(text)
            if os.geteuid() == 0:
                shutil.chown(data_dir / name, "postgres", "postgres")
        options = f"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={parent} -c hot_standby=on"
        url = primary.set(port=port, database=database).render_as_string(hide_password=False)
        standby = Standby(bin_dir, data_dir, port, url, seconds, running=False)
        standby.pg_ctl("-l", str(parent / "standby.log"), "-o", options, "start")
        standby.running = True
        try:
            yield standby
        finally:
            standby.stop()
    except subprocess.CalledProcessError as error:
        pytest.fail(f"{' '.join(error.cmd)} failed: {error.stderr.decode(errors='replace').strip()}", pytrace=False)
    finally:
        shutil.rmtree(parent, ignore_errors=True)


@pytest.fixture(scope="module")
def primary_url(_postgres_probe: str | None) -> Iterator[str]:
    """A fresh database on the primary, schema made; dropped at the end."""
    required = os.environ.get(REQUIRE_POSTGRES_ENV) == "1"
    why_not = _postgres_probe or _why_no_replication(_postgres_admin_url())
    if why_not is not None:
        if required:
            pytest.fail(f"{why_not} [{REQUIRE_POSTGRES_ENV}=1]", pytrace=False)
        pytest.skip(why_not)
    with postgres_database("teeka_replica_") as url:
        yield url


@pytest.fixture(scope="module")
def standby(primary_url: str) -> Iterator[Standby]:
    """A hot standby of the primary (made after the test database, so it holds it), for the whole module."""
    yield from _start_standby(_postgres_admin_url(), make_url(primary_url).database)


@dataclass
class Routed:
    """The app configured with the replica; which engine ran which statements."""

    standby: Standby
    statements: dict[str, list[str]]

    def read_total(self, ctx: Context) -> int:
        """The page read of the state's total doses, as a page makes it (gated, cached by data version)."""
        return int(doses.total_doses(ctx)["doses"].sum())

    def wait_for_replay(self) -> None:
        wanted, deadline = query.current_version(), time.monotonic() + REPLAY_SECONDS
        while self.standby.version() != wanted:
            assert time.monotonic() < deadline, f"the standby did not replay data version {wanted} in time"
            time.sleep(0.1)

    def clear(self) -> None:
        for statements in self.statements.values():
            statements.clear()


def _recording(engine: Engine, into: list[str]) -> Callable[[], None]:
    def record(_conn, _cursor, statement, *_args) -> None:
        into.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    return lambda: event.remove(engine, "before_cursor_execute", record)


@pytest.fixture
def routed(standby: Standby, primary_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Routed]:
    """DATABASE_URL on the primary's test database, DATABASE_READ_URL on the standby's copy of it; a fresh cache."""
    monkeypatch.setenv("DATABASE_URL", primary_url)
    monkeypatch.setenv(READ_URL_ENV, standby.url)
    monkeypatch.setattr(query, "_replica_rests_until", 0.0)
    dispose_app_engines()
    query._cached_result.clear()
    statements: dict[str, list[str]] = {"primary": [], "replica": []}
    stop = [_recording(app_engine(), statements["primary"]), _recording(replica_engine(), statements["replica"])]
    try:
        yield Routed(standby, statements)
    finally:
        for undo in stop:
            undo()
        dispose_app_engines()
        query._cached_result.clear()


def _import(content: bytes, name: str) -> None:
    report = uploads.commit_upload(Context(OFFICER), content, name)
    assert report.status == "committed", report.problems


@pytest.mark.postgres
def test_an_import_is_read_from_the_replica_once_it_has_replayed_it(routed: Routed) -> None:
    _import(FIRST, "first.csv")
    routed.wait_for_replay()
    routed.clear()

    assert routed.read_total(Context(PUBLIC, query.current_version())) == 120
    assert any("daily_dose" in s or "rollup" in s for s in routed.statements["replica"])
    assert not any("rollup" in s for s in routed.statements["primary"])  # the primary answered the version only


@pytest.mark.postgres
def test_a_lagging_replica_falls_back_to_the_primary_and_never_shows_older_figures(
    routed: Routed, caplog: pytest.LogCaptureFixture
) -> None:
    routed.wait_for_replay()  # the first test's import, or this one's start
    before = routed.read_total(Context(PUBLIC, query.current_version()))
    routed.standby.run("SELECT pg_wal_replay_pause()")
    try:
        _import(SECOND, "second.csv")  # a write with replay paused: the primary takes it
        lagging = routed.standby.version()
        version = query.current_version()
        assert lagging != version
        routed.clear()

        with caplog.at_level(logging.INFO, logger="data.read.query"):
            after = routed.read_total(Context(PUBLIC, version))

        assert after == before + 7
        assert f"read replica at data version {lagging}, not {version}: reading from the primary" in caplog.messages
        assert not any("rollup" in s for s in routed.statements["replica"])
        assert any("rollup" in s for s in routed.statements["primary"])
    finally:
        routed.standby.run("SELECT pg_wal_replay_resume()")
    routed.wait_for_replay()
    query._cached_result.clear()
    routed.clear()
    assert routed.read_total(Context(PUBLIC, query.current_version())) == after  # now from the replica, as new
    assert any("rollup" in s for s in routed.statements["replica"])


@pytest.mark.postgres
def test_the_version_sign_ins_uncached_reads_and_imports_go_to_the_primary(routed: Routed) -> None:
    routed.standby.run("SELECT pg_wal_replay_pause()")
    try:
        routed.clear()
        version = query.current_version()
        assert users.sign_in(Context(), "nobody.here", "wrong-password-1", client="127.0.0.1") is None  # audited
        assert reads.accounts(Context(OFFICER, version)) == []
        _import(doses_csv([{"date": "2021-06-24", "doses": "3"}]), "third.csv")

        assert routed.statements["replica"] == []
        assert any("import_batch" in s for s in routed.statements["primary"])
        assert any("audit_event" in s for s in routed.statements["primary"])
    finally:
        routed.standby.run("SELECT pg_wal_replay_resume()")


@pytest.mark.postgres
def test_a_down_replica_falls_back_to_the_primary(routed: Routed, caplog: pytest.LogCaptureFixture) -> None:
    routed.wait_for_replay()
    expected = routed.read_total(Context(PUBLIC, query.current_version()))
    query._cached_result.clear()
    routed.standby.stop()  # the last test of the module: the standby stays down
    routed.clear()

    with caplog.at_level(logging.INFO, logger="data.read.query"):
        assert routed.read_total(Context(PUBLIC, query.current_version())) == expected
    assert any(m.startswith("read replica failed (") for m in caplog.messages), caplog.messages
    assert any("rollup" in s for s in routed.statements["primary"])

    query._cached_result.clear()
    started = time.perf_counter()
    assert routed.read_total(Context(PUBLIC, query.current_version())) == expected  # the replica is left alone
    assert time.perf_counter() - started < 1
