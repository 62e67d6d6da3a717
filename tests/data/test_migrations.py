"""Schema migrations (data/migrations, `python -m data.db`) on SQLite and PostgreSQL: an empty database and one
made by `create_all` before migrations (with its rows) brought to head; the baseline equal to what create_all made;
`check` naming a drift; the app and a command line refusing a database behind the code; the models equal to head."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, SQLModel
from streamlit.testing.v1 import AppTest

from data import db, migrations, schema
from data.accounts import audit
from data.db import SchemaMismatch, make_engine, seed_reference
from data.imports import importer
from tests.conftest import snapshot
from tests.files import doses_csv, run_import
from tests.migrations import blank, schema_of, upgrade_keeps_rows

APP = Path(__file__).resolve().parents[2] / "app.py"
HEAD = migrations.head()
CLUSTERING = migrations.scripts().get_revision("0003").module


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def blank_engine(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """An empty database (no table at all) on each backend in turn; DATABASE_URL names it."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'blank.db'}")
    else:
        engine = make_engine(request.getfixturevalue("_postgres_database"))
        blank(engine)
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    db.dispose_app_engines()
    try:
        yield engine
    finally:
        db.dispose_app_engines()
        if request.param == "postgresql":
            blank(engine)  # the next test's database starts from nothing
        engine.dispose()


@contextmanager
def models_before_migrations() -> Iterator[None]:
    """The models as they were before migrations: daily_dose stored with a rowid on SQLite (revision 0003 made it
    WITHOUT ROWID); the models' own option again on the way out."""
    options = SQLModel.metadata.tables["daily_dose"].dialect_options["sqlite"]
    kept = options["with_rowid"]
    options["with_rowid"] = True
    try:
        yield
    finally:
        options["with_rowid"] = kept


def made_by_create_all(engine: Engine, rows: bool = True) -> None:
    """What create_schema did before migrations: create_all of the models as they were then (its listeners add the
    triggers), the reference data; and, with rows, an import and an audit event."""
    with models_before_migrations():
        SQLModel.metadata.create_all(engine)
    seed_reference(engine)
    if rows:
        report = run_import(engine, doses_csv([{}, {"centre_code": "RPR-9", "doses": "25"}]))
        assert report.status == "committed", report.problems
        with Session(engine) as session:
            audit.record("import", session=session, actor="test", subject="batch 1")
            session.commit()


def revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return migrations.current(connection)


def run_cli(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    status = db.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- upgrade ---------------------------------------------------------------------------------------


def test_upgrade_brings_an_empty_database_to_head(blank_engine: Engine) -> None:
    assert db.create_schema(blank_engine) == (None, HEAD)
    assert revision(blank_engine) == HEAD
    assert db.create_schema(blank_engine) == (HEAD, HEAD)  # again: nothing to do
    with Session(blank_engine) as session:
        audit.record("import", session=session, actor="test", subject="batch 1")
        session.commit()
    with blank_engine.connect() as connection, pytest.raises(DBAPIError, match="append-only"):
        connection.exec_driver_sql("UPDATE audit_event SET actor = 'x'")


def test_models_equal_head(blank_engine: Engine) -> None:
    """Fails when a model changes without a revision: write one (README, "Schema migrations")."""
    migrations.upgrade(blank_engine)
    with blank_engine.connect() as connection:
        found = [migrations.describe(diff) for diff in migrations.differences(connection)]
        found += migrations.missing_triggers(connection)
    assert found == [], "the models differ from the head revision: add a revision in data/migrations/versions"


def test_baseline_is_the_schema_create_all_made(blank_engine: Engine) -> None:
    made_by_create_all(blank_engine, rows=False)
    created = schema_of(blank_engine)
    blank(blank_engine)
    with blank_engine.begin() as connection:
        command.upgrade(migrations.config(connection), migrations.BASELINE)
    assert schema_of(blank_engine) == created


def test_a_create_all_database_is_stamped_and_keeps_every_row(blank_engine: Engine) -> None:
    made_by_create_all(blank_engine)
    before = snapshot(blank_engine)
    assert sum(map(len, before.values())) > 200 and before["daily_dose"] and before["audit_event"]
    assert revision(blank_engine) is None
    assert db.create_schema(blank_engine) == (None, HEAD)
    assert revision(blank_engine) == HEAD
    assert snapshot(blank_engine) == before


def test_a_create_all_database_missing_a_table_gets_it_as_create_all_did(blank_engine: Engine) -> None:
    made_by_create_all(blank_engine, rows=False)
    with blank_engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE correction_batch")
    migrations.upgrade(blank_engine)
    assert revision(blank_engine) == HEAD
    assert "correction_batch" in inspect(blank_engine).get_table_names()


def test_a_create_all_database_that_differs_is_left_alone(blank_engine: Engine) -> None:
    made_by_create_all(blank_engine, rows=False)
    with blank_engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE district ADD COLUMN extra_test INTEGER")
    with pytest.raises(SchemaMismatch, match="column district.extra_test is in the database but not in the models"):
        db.create_schema(blank_engine)
    assert revision(blank_engine) is None
    assert "extra_test" in {c["name"] for c in inspect(blank_engine).get_columns("district")}


def test_upgrade_keeps_rows_helper(blank_engine: Engine) -> None:
    def fill(connection) -> None:
        connection.exec_driver_sql("INSERT INTO district (code, name_en, name_hi) VALUES ('XX', 'Nowhere', 'कहीं नहीं')")

    before, after = upgrade_keeps_rows(blank_engine, migrations.BASELINE, fill)
    assert before["district"] == after["district"]
    assert [row["name_hi"] for row in after["district"]] == ["कहीं नहीं"]
    assert revision(blank_engine) == HEAD


# --- python -m data.db check | current | upgrade ---------------------------------------------------


@pytest.mark.parametrize(
    ("drift", "expected"),
    [
        ("ALTER TABLE district ADD COLUMN extra_test INTEGER", "column district.extra_test is in the database but"),
        ("ALTER TABLE correction DROP COLUMN new_value", "column correction.new_value is missing from the database"),
        ("DROP INDEX ix_audit_event_at", "index ix_audit_event_at on audit_event (at) is missing from the database"),
        ("CREATE TABLE extra_test (id INTEGER PRIMARY KEY)", "table extra_test is in the database but not in the"),
        ("UPDATE alembic_version SET version_num = '0000'", "the database is at revision 0000, the code at " + HEAD),
    ],
    ids=["extra-column", "missing-column", "missing-index", "extra-table", "revision"],
)
def test_check_names_the_drift(blank_engine: Engine, capsys, drift: str, expected: str) -> None:
    migrations.upgrade(blank_engine)
    assert run_cli(capsys, "check")[:2] == (
        0,
        f"The database ({db._shown(blank_engine)}) is at revision {HEAD} and matches the models.\n",
    )
    with blank_engine.begin() as connection:
        connection.exec_driver_sql(drift)
    status, out, err = run_cli(capsys, "check")
    assert status == 1 and err == ""
    assert out.startswith(f"The database ({db._shown(blank_engine)}) differs from the models:\n  - ")
    assert expected in out


@pytest.mark.parametrize(
    ("drift", "expected"),
    [
        (
            "ALTER TABLE centre ALTER COLUMN code TYPE VARCHAR(40)",
            "column centre.code has type VARCHAR(40) in the database, VARCHAR(32) in the models",
        ),
        (
            "ALTER TABLE district ALTER COLUMN name_hi DROP NOT NULL",
            "column district.name_hi has nullable True in the database, False in the models",
        ),
    ],
    ids=["type", "nullable"],
)
def test_check_names_a_changed_column(blank_engine: Engine, capsys, drift: str, expected: str) -> None:
    if blank_engine.dialect.name == "sqlite":
        pytest.skip("SQLite cannot alter a column in place")
    migrations.upgrade(blank_engine)
    with blank_engine.begin() as connection:
        connection.exec_driver_sql(drift)
    status, out, _ = run_cli(capsys, "check")
    assert status == 1
    assert f"  - {expected}\n" in out


def test_check_names_a_missing_trigger(blank_engine: Engine, capsys) -> None:
    migrations.upgrade(blank_engine)
    trigger = (
        "audit_event_no_update" if blank_engine.dialect.name == "sqlite" else "audit_event_append_only ON audit_event"
    )
    with blank_engine.begin() as connection:
        connection.exec_driver_sql(f"DROP TRIGGER {trigger}")
    status, out, _ = run_cli(capsys, "check")
    assert status == 1
    assert f"trigger {trigger.split()[0]} (keeps audit_event append-only) is missing from the database" in out


def test_current_and_upgrade_commands(blank_engine: Engine, capsys) -> None:
    assert run_cli(capsys, "current") == (0, "none (an empty database)\n", "")
    made_by_create_all(blank_engine, rows=False)
    assert run_cli(capsys, "current") == (0, "none (tables made before migrations)\n", "")
    assert run_cli(capsys, "upgrade") == (0, f"Upgraded from none to {HEAD}.\n", "")
    assert run_cli(capsys, "upgrade") == (0, f"Already at revision {HEAD}.\n", "")
    assert run_cli(capsys, "current") == (0, f"{HEAD}\n", "")


def test_upgrade_command_refuses_a_database_that_differs(blank_engine: Engine, capsys) -> None:
    made_by_create_all(blank_engine, rows=False)
    with blank_engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE district ADD COLUMN extra_test INTEGER")
    status, out, err = run_cli(capsys, "upgrade")
    assert (status, out) == (1, "")
    assert err.startswith("python -m data.db upgrade: the database has no revision and does not match revision 0001")
    assert "column district.extra_test is in the database but not in the models" in err


@pytest.mark.parametrize("command", ["upgrade", "check", "current"])
def test_commands_on_an_unreachable_database(monkeypatch, capsys, command: str) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://teeka:secret@127.0.0.1:1/nowhere?connect_timeout=2")
    status, out, err = run_cli(capsys, command)
    assert (status, out) == (2, "")
    assert err.startswith(f"python -m data.db {command}: cannot use the database postgresql+psycopg://teeka:***@")
    assert "Traceback" not in err and "secret" not in err


def test_commands_on_a_database_url_that_is_not_one(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", "nosuchdb://somewhere/teeka")
    status, out, err = run_cli(capsys, "current")
    assert (status, out) == (2, "")
    assert err.startswith("python -m data.db current: DATABASE_URL cannot be used: Can't load plugin")


# --- who upgrades, who refuses ---------------------------------------------------------------------


def app_run() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["lang"] = "en"
    app.run()
    return app


def test_the_app_refuses_a_create_all_database(blank_engine: Engine) -> None:
    made_by_create_all(blank_engine, rows=False)
    app = app_run()
    assert not app.exception
    assert [t.value for t in app.title] == ["The database needs an upgrade · डेटाबेस को अपग्रेड करना है"]
    english, hindi = (e.value for e in app.error)
    assert english == (
        f"The dashboard cannot start: the database is at schema revision none, and this version of Teeka needs "
        f"revision {HEAD}. The administrator runs `python -m data.db upgrade` once (with the same DATABASE_URL) "
        "and reloads this page."
    )
    assert "संशोधन कोई नहीं पर है" in hindi and "`python -m data.db upgrade`" in hindi
    assert not app.sidebar.radio  # no dashboard
    assert revision(blank_engine) is None  # nothing was changed
    migrations.upgrade(blank_engine)  # the administrator upgrades: the next run shows the dashboard
    assert not app.run().exception and app.sidebar.radio


def test_the_app_refuses_a_database_of_a_newer_release(sqlite_engine: Engine, monkeypatch) -> None:
    with sqlite_engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff'")
    monkeypatch.setenv("DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    db.dispose_app_engines()
    try:
        app = app_run()
    finally:
        db.dispose_app_engines()
    assert not app.exception
    english, hindi = (e.value for e in app.error)
    assert english.startswith("The dashboard cannot start: the database is at schema revision ffff, which this")
    assert "ffff" in hindi


def test_the_app_creates_an_empty_database(blank_engine: Engine) -> None:
    schema.require_current_schema()
    assert revision(blank_engine) == HEAD
    if blank_engine.dialect.name == "sqlite":
        assert daily_dose_without_rowid(blank_engine)


@pytest.mark.parametrize("legacy", [False, True], ids=["fresh", "made-by-create-all"])
def test_the_demo_database_upgrades_itself(tmp_path: Path, monkeypatch, legacy: bool) -> None:
    url = f"sqlite:///{tmp_path / 'teeka.db'}"
    monkeypatch.setattr(db, "DEFAULT_URL", url)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    engine = make_engine(url)
    try:
        if legacy:
            made_by_create_all(engine)
        db.dispose_app_engines()
        schema.require_current_schema()
        assert revision(engine) == HEAD
    finally:
        db.dispose_app_engines()
        engine.dispose()


def test_a_command_line_refuses_a_database_behind(blank_engine: Engine, capsys, tmp_path: Path) -> None:
    made_by_create_all(blank_engine, rows=False)
    path = tmp_path / "doses.csv"
    path.write_bytes(doses_csv([{}]))
    with pytest.raises(SystemExit) as exit:
        importer.main([str(path)])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert err == (
        "python -m data.load: the database is at revision none, this code needs "
        f"{HEAD}: run python -m data.db upgrade. Nothing was done.\n"
    )
    assert revision(blank_engine) is None


def test_the_app_names_the_command_for_a_demo_database_that_differs(tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'teeka.db'}"
    monkeypatch.setattr(db, "DEFAULT_URL", url)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    engine = make_engine(url)
    made_by_create_all(engine, rows=False)
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE district ADD COLUMN extra_test INTEGER")
    db.dispose_app_engines()
    try:
        app = app_run()
    finally:
        db.dispose_app_engines()
        engine.dispose()
    assert not app.exception
    english, hindi = (e.value for e in app.error)
    assert english == (
        "The dashboard cannot start: the database has no schema revision and its tables differ from what Teeka "
        "expects. The administrator runs `python -m data.db upgrade`, which names the differences."
    )
    assert "`python -m data.db upgrade`" in hindi


def test_simultaneous_upgrades_take_turns(blank_engine: Engine) -> None:
    """Two app servers starting at once on an empty database: one creates the schema, the other finds it made."""
    url = blank_engine.url.render_as_string(hide_password=False)
    engines = [make_engine(url) for _ in range(3)]
    try:
        with ThreadPoolExecutor(len(engines)) as pool:
            results = list(pool.map(lambda engine: migrations.upgrade(db.writing(engine)), engines))
    finally:
        for engine in engines:
            engine.dispose()
    assert sorted(results, key=lambda result: result[0] or "") == [(None, HEAD), (HEAD, HEAD), (HEAD, HEAD)]
    with blank_engine.connect() as connection:
        assert migrations.missing_triggers(connection) == []
        assert migrations.differences(connection) == []


def test_sqlite_upgrade_gives_the_connection_back_with_foreign_keys_on(sqlite_engine: Engine) -> None:
    """Upgrading turns SQLite's foreign keys off (a revision may copy a table) and on again before the connection
    goes back to the pool: the next unit of work still has its references checked."""
    engine = make_engine(sqlite_engine.url.render_as_string(hide_password=False))
    try:
        migrations.upgrade(engine)
        assert engine.pool.checkedin() == 1  # the upgrade's one connection, which the next unit of work gets
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


FILL_0001 = (  # one dose row and what it refers to, in revision 0001's schema (plain SQL: the models are head's)
    "INSERT INTO age_band (code, label_en, label_hi, min_age, max_age, sort_order) "
    "VALUES ('18-44', '18–44', '18–44', 18, 44, 1)",
    "INSERT INTO dose_number (number, label_en, label_hi) VALUES (1, 'first', 'पहली')",
    "INSERT INTO vaccine (code, name_en, name_hi, dose2_min_days, dose2_max_days, precaution_min_days) "
    "VALUES ('COVAXIN', 'Covaxin', 'कोवैक्सिन', 28, 42, 270)",
    "INSERT INTO district (code, name_en, name_hi) VALUES ('RPR', 'Raipur', 'रायपुर')",
    "INSERT INTO centre (id, code, name, district_code, active) VALUES (7, 'RPR-1', 'PHC', 'RPR', true)",
    "INSERT INTO import_batch (id, kind, file_name, sha256, imported_by, imported_at, rows_new, rows_changed, "
    "rows_unchanged, status) VALUES (3, 'doses', 'f.csv', '" + "0" * 64 + "', 't', '2021-06-22 10:00:00+00', 1, 0, "
    "0, 'committed')",
    "INSERT INTO daily_dose (date, centre_id, age_band, dose_number, vaccine, doses, batch_id) "
    "VALUES ('2021-06-22', 7, '18-44', 1, 'COVAXIN', 120, 3)",
)


def test_0002_keeps_every_row_and_checks_references_by_statement_on_postgresql(blank_engine: Engine) -> None:
    def fill(connection) -> None:
        for statement in FILL_0001:
            connection.exec_driver_sql(statement)

    _, after = upgrade_keeps_rows(blank_engine, "0001", fill)
    assert after["daily_dose"][0]["doses"] == 120
    with blank_engine.connect() as connection:
        keys = inspect(connection).get_foreign_keys("daily_dose")
        assert migrations.missing_triggers(connection) == []
    postgres = blank_engine.dialect.name == "postgresql"
    assert len(keys) == (0 if postgres else 5)  # SQLite keeps its foreign keys


# --- 0003: daily_dose WITHOUT ROWID on SQLite ------------------------------------------------------


def daily_dose_without_rowid(engine: Engine) -> bool:
    with engine.connect() as connection:
        return CLUSTERING.without_rowid(connection)


def daily_dose_indexes(engine: Engine) -> set[str]:
    return {index["name"] for index in inspect(engine).get_indexes("daily_dose")}


def test_0003_keeps_every_row_and_stores_daily_dose_without_rowid_on_sqlite(blank_engine: Engine) -> None:
    sqlite = blank_engine.dialect.name == "sqlite"

    def fill(connection) -> None:
        for statement in FILL_0001:  # revision 0002 changed no column
            connection.exec_driver_sql(statement)
        if sqlite:
            assert not CLUSTERING.without_rowid(connection)
            # an index added by hand is put back on the copied table
            connection.exec_driver_sql("CREATE INDEX ix_test_daily_dose_batch ON daily_dose (batch_id)")

    _, after = upgrade_keeps_rows(blank_engine, "0002", fill)
    assert [row["doses"] for row in after["daily_dose"]] == [120]
    if sqlite:
        assert daily_dose_without_rowid(blank_engine)
        assert len(inspect(blank_engine).get_foreign_keys("daily_dose")) == 5
        assert "ix_test_daily_dose_batch" in daily_dose_indexes(blank_engine)
    insert = "INSERT INTO daily_dose (date, centre_id, age_band, dose_number, vaccine, doses, batch_id) VALUES "
    refused = {
        "('2021-06-23', 99, '18-44', 1, 'COVAXIN', 5, 3)": "FOREIGN KEY|foreign key",  # no centre 99
        "('2021-06-23', 7, '18-44', 1, 'COVAXIN', -1, 3)": "ck_daily_dose_doses",
    }
    for values, refusal in refused.items():
        with pytest.raises(IntegrityError, match=refusal), blank_engine.begin() as connection:
            connection.exec_driver_sql(insert + values)
    with blank_engine.begin() as connection:
        connection.exec_driver_sql(insert + "('2021-06-23', 7, '18-44', 1, 'COVAXIN', 5, 3)")
    if sqlite:  # and back: a rowid table again, every row and the index kept
        kept = snapshot(blank_engine)["daily_dose"]
        with blank_engine.begin() as connection:
            command.downgrade(migrations.config(connection), "0002")
        assert not daily_dose_without_rowid(blank_engine)
        assert snapshot(blank_engine)["daily_dose"] == kept and len(kept) == 2
        assert "ix_test_daily_dose_batch" in daily_dose_indexes(blank_engine)


def test_0003_leaves_a_daily_dose_already_without_rowid(blank_engine: Engine) -> None:
    if blank_engine.dialect.name != "sqlite":
        pytest.skip("only SQLite stores a table with or without a rowid")
    SQLModel.metadata.create_all(blank_engine)  # the models at head: daily_dose WITHOUT ROWID already
    seed_reference(blank_engine)
    made = schema_of(blank_engine)
    assert db.create_schema(blank_engine) == (None, HEAD)  # adopted at 0001, then upgraded
    assert schema_of(blank_engine) == made  # daily_dose not copied (a copy's CREATE TABLE says "daily_dose")


def test_check_names_a_table_stored_with_or_without_a_rowid_on_sqlite(blank_engine: Engine, capsys) -> None:
    if blank_engine.dialect.name != "sqlite":
        pytest.skip("only SQLite stores a table with or without a rowid")
    migrations.upgrade(blank_engine)
    assert run_cli(capsys, "check")[0] == 0
    with blank_engine.begin() as connection:
        CLUSTERING.rebuild(connection, clustered=False)  # as before revision 0003, though stamped at head
    status, out, err = run_cli(capsys, "check")
    assert (status, err) == (1, "")
    assert out.endswith("  - table daily_dose is stored with a rowid in the database, WITHOUT ROWID in the models\n")
    with blank_engine.begin() as connection:
        CLUSTERING.rebuild(connection, clustered=True)
    assert run_cli(capsys, "check")[0] == 0
    with models_before_migrations():  # the other way round
        status, out, _ = run_cli(capsys, "check")
    assert status == 1
    assert out.endswith("  - table daily_dose is stored WITHOUT ROWID in the database, with a rowid in the models\n")
