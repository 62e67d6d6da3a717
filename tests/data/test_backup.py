"""python -m data.backup: checksums with hand-worked values, dump + restore round trips, the drill passing on a
loaded database and failing (naming the table) on a tampered copy, and the commands' messages for bad input.
Database cases run on SQLite and PostgreSQL (the `engine` fixture)."""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from data import migrations
from data.accounts import audit
from data.backup import checksum, cli, drill, postgres, store
from data.backup.checksum import EMPTY, combine, encode_row, encode_value, table_sum
from data.backup.errors import BackupError
from data.backup.manifest import manifest_path
from data.databases import drop_database, sibling_url
from tests.conftest import snapshot
from tests.files import beneficiaries_csv, doses_csv, run_import, stock_csv

# --- Checksums ---------------------------------------------------------------------------------

IST = timezone(timedelta(hours=5, minutes=30))

VALUES = [
    (None, "\\N", "NULL"),
    (True, "t", "true (before int: bool is an int)"),
    (False, "f", "false"),
    (0, "0", "zero"),
    (-1234, "-1234", "negative int"),
    (1.5, "1.5", "float by repr"),
    (0.1, "0.1", "float: shortest repr"),
    (Decimal("2.50"), "2.50", "decimal keeps its digits"),
    ("Raipur", "Raipur", "plain text"),
    ("रायपुर", "रायपुर", "Devanagari as is"),
    ("a\tb\nc\rd", "a\\tb\\nc\\rd", "tab, newline, return escaped"),
    ("C:\\N", "C:\\\\N", "a backslash doubled: text '\\N' is not NULL"),
    (b"\x01\xff", "\\x01ff", "bytes as hex"),
    (date(2021, 1, 16), "2021-01-16", "date ISO"),
    (datetime(2021, 1, 16, 9, 30, tzinfo=IST), "2021-01-16T09:30:00+05:30", "datetime with zone"),
    ({"b": 1, "a": "x"}, '{"a":"x","b":1}', "JSON with sorted keys"),
]


@pytest.mark.parametrize("value, expected", [v[:2] for v in VALUES], ids=[v[2] for v in VALUES])
def test_encode_value(value: object, expected: str) -> None:
    assert encode_value(value) == expected


@pytest.mark.parametrize("value, expected", [v[:2] for v in VALUES], ids=[v[2] for v in VALUES])
def test_encode_row_takes_the_same_tokens(value: object, expected: str) -> None:
    """The hot loop's shortcuts (int, str, None, dates) write what encode_value writes."""
    assert encode_row((value,)) == expected


def test_encode_row_joins_by_tabs() -> None:
    assert encode_row((1, "Asha", None)) == "1\tAsha\t\\N"


# SHA-256 test vectors (FIPS 180-2): "abc" -> ba7816bf8f01cfea 414140de..., "" -> e3b0c44298fc1c14 9afbf4c8...
# Two rows: 0xba7816bf8f01cfea + 0xe3b0c44298fc1c14 = 0x19e28db0227fdebfe, mod 2**64 = 0x9e28db0227fdebfe.
COMBINED = [
    ([], 0, EMPTY, "no rows: zero"),
    (["abc"], 1, "ba7816bf8f01cfea", "one row: its digest"),
    (["abc", ""], 2, "9e28db0227fdebfe", "two rows: the sum wraps"),
    (["", "abc"], 2, "9e28db0227fdebfe", "order does not matter"),
    (["abc", "abc"], 2, "74f02d7f1e039fd4", "a duplicate counts twice"),
]


@pytest.mark.parametrize("lines, rows, checksum", [c[:3] for c in COMBINED], ids=[c[3] for c in COMBINED])
def test_combine(lines: list[str], rows: int, checksum: str) -> None:
    assert combine(lines) == (rows, checksum)


def test_table_sum_streams_a_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three rows read in chunks of two: the same sum as the lines written by hand."""
    monkeypatch.setattr("data.backup.checksum.CHUNK_ROWS", 2)
    engine = create_engine(f"sqlite:///{tmp_path / 't.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1, 'abc'), (2, NULL), (3, 'x\ty')")
    with engine.connect() as conn:
        found = table_sum(conn, "t")
    engine.dispose()
    assert found.rows == 3 and found.columns == ("id", "name")
    assert found.checksum == combine(["1\tabc", "2\t\\N", "3\tx\\ty"])[1]


# --- A loaded database -------------------------------------------------------------------------


def load(engine: Engine) -> None:
    """Doses (with their rollups and audit rows), stock and a registry entry: small but every kind of table."""
    for content in (
        doses_csv([{}, {"centre_code": "RPR-PHC-02", "centre_name": "PHC Abhanpur", "doses": "75"}]),
        stock_csv([{}]),
        beneficiaries_csv([{}]),
    ):
        report = run_import(engine, content)
        assert report.status == "committed", report.problems


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def scratch(engine: Engine, tmp_path: Path) -> Iterator[str]:
    """The URL of a target database that does not exist yet (PostgreSQL: dropped afterwards)."""
    if engine.dialect.name == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    url = sibling_url(url_of(engine), f"teeka_test_restore_{secrets.token_hex(4)}")
    try:
        yield url
    finally:
        drop_database(url)


def test_dump_and_restore_round_trip(engine: Engine, scratch: str, tmp_path: Path) -> None:
    load(engine)
    dumped = store.dump(url_of(engine), to=tmp_path / "backups")
    assert dumped.path.parent == tmp_path / "backups" and manifest_path(dumped.path).is_file()
    manifest = json.loads(manifest_path(dumped.path).read_text(encoding="utf-8"))
    assert manifest["kind"] == engine.dialect.name and manifest["revision"] == migrations.head()
    assert manifest["tables"]["daily_dose"]["rows"] == 2 and manifest["tables"]["audit_event"]["rows"] >= 3

    store.restore(dumped.path, scratch)
    assert all(check.ok for check in store.verify(dumped.manifest, scratch))
    restored = create_engine(scratch)
    try:
        assert snapshot(restored) == snapshot(engine)
        # The copy keeps the audit trail's triggers.
        with pytest.raises(DBAPIError, match="append-only"), restored.begin() as conn:
            conn.exec_driver_sql("DELETE FROM audit_event")
    finally:
        restored.dispose()


def test_a_write_during_the_dump_is_in_neither_dump_nor_manifest(
    engine: Engine, scratch: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app writes while the checksums are read (PostgreSQL: after the snapshot is exported, while pg_dump
    runs): the restored dump still matches its manifest, and the live database has the one row more."""
    real_sums = checksum.database_sums
    wrote: list[bool] = []

    def sums_after_a_write(conn):
        if not wrote:
            with Session(engine) as session:
                audit.record_now("export", session=session, actor="during-the-dump")
            wrote.append(True)
        return real_sums(conn)

    monkeypatch.setattr(store, "database_sums", sums_after_a_write)
    monkeypatch.setattr(postgres, "database_sums", sums_after_a_write)
    dumped = store.dump(url_of(engine), to=tmp_path / "teeka.dump")
    assert wrote == [True]
    store.restore(dumped.path, scratch)
    assert all(check.ok for check in store.verify(dumped.manifest, scratch))
    monkeypatch.undo()
    live = {check.table: check for check in store.verify(dumped.manifest, url_of(engine)) if not check.ok}
    assert list(live) == ["audit_event"] and live["audit_event"].problem == "+1 rows"


def test_sqlite_dump_is_one_file(sqlite_engine: Engine, tmp_path: Path) -> None:
    """The online backup is self-contained (no WAL beside it) and records the database's schema revision."""
    with sqlite_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ae1027a6acf'")
    dumped = store.dump(url_of(sqlite_engine), to=tmp_path / "backups" / "backup.db")
    assert dumped.manifest.revision == "ae1027a6acf"
    assert sorted(p.name for p in dumped.path.parent.iterdir()) == ["backup.db", "backup.db.manifest.json"]
    with sqlite3.connect(dumped.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_drill_passes_on_a_loaded_database(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    load(engine)
    assert cli.main(["drill", "--url", url_of(engine)]) == cli.OK
    out = capsys.readouterr().out
    assert "OK: all" in out and "MISMATCH" not in out
    assert any(line.split()[:3] == ["daily_dose", "2", "2"] for line in out.splitlines())
    if engine.dialect.name == "postgresql":  # the scratch database is gone
        with engine.connect() as conn:
            left = conn.execute(text("SELECT count(*) FROM pg_database WHERE datname LIKE 'teeka_drill_%'"))
            assert left.scalar_one() == 0


def delete_a_dose(url: str) -> None:
    """The tamper: one daily_dose row less in the scratch copy."""
    tampered = create_engine(url)
    try:
        with tampered.begin() as conn:
            conn.execute(text("DELETE FROM daily_dose WHERE doses = 75"))
    finally:
        tampered.dispose()


def test_drill_fails_on_a_tampered_copy(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    load(engine)
    result = drill.run(url_of(engine), after_restore=delete_a_dose)
    assert not result.ok and [check.table for check in result.failed] == ["daily_dose"]
    assert result.failed[0].problem == "-1 rows"

    code = cli.main(["drill", "--url", url_of(engine)], run=lambda args: cli.cmd_drill(args, delete_a_dose))
    out = capsys.readouterr().out
    assert code == cli.FAILED
    assert "daily_dose" in out and "MISMATCH: -1 rows" in out
    assert "FAILED: 1 of" in out and out.rstrip().endswith("differ from the dump: daily_dose")


def test_restore_fails_against_a_changed_manifest(
    engine: Engine, scratch: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An audit_event checksum edited in the manifest: the restore's check names that table (no trigger touched)."""
    load(engine)
    dumped = store.dump(url_of(engine), to=tmp_path / "teeka.dump")
    path = manifest_path(dumped.path)
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["tables"]["audit_event"]["checksum"] = "0123456789abcdef"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert cli.main(["restore", str(dumped.path), "--into", scratch]) == cli.FAILED
    out = capsys.readouterr().out
    assert "MISMATCH: checksum differs" in out and out.rstrip().endswith("differ from the dump: audit_event")


def test_compare_names_what_changed_since_the_dump(
    sqlite_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After the dump, one more import: the tables it wrote are named, the reference tables are not."""
    url = url_of(sqlite_engine)
    dumped = store.dump(url, to=tmp_path / "backup.db")
    assert cli.main(["compare", str(dumped.path), "--url", url]) == cli.OK
    capsys.readouterr()
    load(sqlite_engine)
    assert cli.main(["compare", str(dumped.path), "--url", url]) == cli.FAILED
    out = capsys.readouterr().out
    changed = out.rstrip().rsplit(": ", 1)[1].split(", ")
    assert {"daily_dose", "audit_event", "stock_movement", "beneficiary"} <= set(changed)
    assert "district" not in changed and "changed since the dump" in out


# --- Messages for bad input --------------------------------------------------------------------


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.err


def test_restore_refuses_a_non_empty_target(
    engine: Engine, scratch: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dumped = store.dump(url_of(engine), to=tmp_path / "teeka.dump")
    assert run_cli(["restore", str(dumped.path), "--into", scratch], capsys)[0] == cli.OK
    code, err = run_cli(["restore", str(dumped.path), "--into", scratch], capsys)
    assert code == cli.ERROR and "is not empty" in err and "--force" in err
    assert run_cli(["restore", str(dumped.path), "--into", scratch, "--force"], capsys)[0] == cli.OK


@pytest.fixture
def sqlite_dump(sqlite_engine: Engine, tmp_path: Path) -> Path:
    return store.dump(url_of(sqlite_engine), to=tmp_path / "backup.db").path


BAD_INPUT = [
    (["restore", "{tmp}/none.db", "--into", "sqlite:///{tmp}/x.db"], "no dump at {tmp}/none.db"),
    (["restore", "{tmp}/nomanifest.db", "--into", "sqlite:///{tmp}/x.db"], "no manifest beside the dump"),
    (["restore", "{dump}", "--into", "postgresql://postgres@127.0.0.1/x"], "is a sqlite dump; it cannot be restored"),
    (["restore", "{dump}", "--into", "mysql://u@h/db"], "unsupported database 'mysql'"),
    (["dump", "--url", "sqlite:///{tmp}/absent.db", "--to", "{tmp}"], "no SQLite database at {tmp}/absent.db"),
    (["dump", "--url", "not a url"], "not a database URL: 'not a url'"),
    (["drill", "--url", "postgresql://u@h:port/db"], "not a database URL: 'postgresql+psycopg://u@h:port/db'"),
    (["compare", "{dump}", "--url", "postgresql://u:secret@h:port/db"], "not a database URL"),
    (["dump", "--url", "{source}", "--to", "{tmp}/teeka.db"], "would overwrite the database itself"),
    (
        ["drill", "--url", "postgresql://postgres:pw@127.0.0.1:1/teeka"],
        "cannot reach the database at postgresql+psycopg://postgres:***@127.0.0.1:1/teeka",
    ),
]


@pytest.mark.parametrize("argv, message", BAD_INPUT, ids=[m.split(":")[0][:40] for _, m in BAD_INPUT])
def test_bad_input_is_a_message(
    argv: list[str], message: str, sqlite_dump: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "nomanifest.db").write_bytes(sqlite_dump.read_bytes())
    fill = {"tmp": str(tmp_path), "dump": str(sqlite_dump), "source": f"sqlite:///{tmp_path / 'teeka.db'}"}
    code, err = run_cli([arg.format(**fill) for arg in argv], capsys)
    assert code == cli.ERROR
    assert err.startswith("error: ") and message.format(**fill) in err and "secret" not in err


def test_missing_pg_dump_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(postgres, "PG_LIB", tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match=r"pg_dump for PostgreSQL 15 not found: install postgresql-client-15"):
        postgres.find_tool("pg_dump", 15)


@pytest.mark.postgres
def test_drill_without_pg_dump_says_so(
    _postgres_database: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(postgres, "PG_LIB", tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    code, err = run_cli(["drill", "--url", _postgres_database], capsys)
    assert code == cli.ERROR and "pg_dump for PostgreSQL" in err and "not found" in err


def test_missing_argument_is_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["restore", "backup.dump"])
    assert exit_info.value.code == 2 and "the following arguments are required: --into" in capsys.readouterr().err


@pytest.mark.postgres
def test_drill_without_createdb_says_so(_postgres_database: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A role that may read and dump but not create the scratch database: one line saying the server refused."""
    role = f"teeka_test_nocreate_{secrets.token_hex(4)}"
    admin = create_engine(_postgres_database, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN NOCREATEDB')
            conn.exec_driver_sql(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
            conn.exec_driver_sql(f'GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}"')
        url = make_url(_postgres_database).set(username=role).render_as_string(hide_password=False)
        code, err = run_cli(["drill", "--url", url], capsys)
        assert code == cli.ERROR
        assert err.startswith("error: the database at postgresql+psycopg://") and "permission denied to create" in err
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
            conn.exec_driver_sql(f'DROP ROLE "{role}"')
        admin.dispose()
