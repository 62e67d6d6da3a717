"""daily_dose's references hold on both databases: every bad reference is refused whichever way it is written,
and on PostgreSQL (revision 0002: one check per statement instead of five foreign keys) the parents keep every
row and key, the error is a foreign-key violation naming the key and the row, and `check` names a lost trigger."""

from __future__ import annotations

from datetime import date

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from data import migrations
from tests.files import doses_csv, run_import

BAD = {  # daily_dose's column -> a value its parent does not hold
    "centre_id": 999_999,
    "age_band": "99-99",
    "dose_number": 9,
    "vaccine": "NOVAX",
    "batch_id": 999_999,
}
COLUMNS = "date, centre_id, age_band, dose_number, vaccine, doses, batch_id"


@pytest.fixture
def stored(engine: Engine) -> dict[str, object]:
    """One imported dose row, as stored."""
    report = run_import(engine, doses_csv([{}]))
    assert report.status == "committed", report.problems
    with engine.connect() as conn:
        return dict(conn.execute(text(f"SELECT {COLUMNS} FROM daily_dose")).one()._mapping)


def refused(engine: Engine, statement: str, values: dict[str, object]) -> str:
    """The error message of a statement that must be refused (and change nothing)."""
    with pytest.raises((IntegrityError, psycopg.errors.IntegrityError)) as caught, engine.begin() as conn:
        conn.execute(text(statement), values)
    return str(caught.value)


@pytest.mark.parametrize("column", list(BAD))
def test_an_insert_naming_a_missing_parent_is_refused(engine: Engine, stored: dict, column: str) -> None:
    row = {**stored, "date": date(2021, 1, 2), column: BAD[column]}  # a new key: only the reference is wrong
    placeholders = ", ".join(f":{name}" for name in row)
    message = refused(engine, f"INSERT INTO daily_dose ({COLUMNS}) VALUES ({placeholders})", row)
    if engine.dialect.name == "postgresql":
        assert f'"daily_dose_{column}_fkey"' in message and f"({column})=({BAD[column]})" in message
        assert "row date=2021-01-02" in message
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM daily_dose")).scalar_one() == 1


@pytest.mark.parametrize("column", list(BAD))
def test_an_update_to_a_missing_parent_is_refused(engine: Engine, stored: dict, column: str) -> None:
    message = refused(engine, f"UPDATE daily_dose SET {column} = :bad", {"bad": BAD[column]})
    if engine.dialect.name == "postgresql":
        assert f'"daily_dose_{column}_fkey"' in message
    with engine.connect() as conn:
        assert dict(conn.execute(text(f"SELECT {COLUMNS} FROM daily_dose")).one()._mapping) == stored


PARENT_CHANGES = {
    "a referenced centre deleted": "DELETE FROM centre",
    "an unreferenced vaccine deleted": "DELETE FROM vaccine WHERE code NOT IN (SELECT vaccine FROM daily_dose)",
    "the batches truncated": "TRUNCATE import_batch CASCADE",
    "a centre's id changed": "UPDATE centre SET id = id + 1000",
    "an age band's code changed": "UPDATE age_band SET code = 'x' || code",
    "a dose number changed": "UPDATE dose_number SET number = number + 10",
}


@pytest.mark.parametrize("statement", PARENT_CHANGES.values(), ids=PARENT_CHANGES)
def test_postgresql_parents_keep_their_rows_and_keys(engine: Engine, stored: dict, statement: str) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite keeps its foreign keys (revision 0002 is PostgreSQL's)")
    assert "refused: daily_dose refers to its rows" in refused(engine, statement, {})
    with engine.begin() as conn:  # what is not a key may change
        conn.execute(text("UPDATE centre SET name = 'PHC renamed'"))
        assert conn.execute(text("SELECT count(*) FROM daily_dose")).scalar_one() == 1


def test_postgresql_check_names_a_lost_reference_trigger_and_upgrade_puts_it_back(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("the reference triggers are PostgreSQL's")
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER daily_dose_references_ins ON daily_dose")
    with engine.connect() as conn:
        assert migrations.missing_triggers(conn) == [
            "trigger daily_dose_references_ins (checks daily_dose's references) is missing from the database"
        ]
    migrations.upgrade(engine)
    with engine.connect() as conn:
        assert migrations.missing_triggers(conn) == []
