"""Helpers for migration tests: emptying a database, a schema's full description, and `upgrade_keeps_rows`, the
check every new revision's test makes (README, "Schema migrations"):

    def test_0002_keeps_every_row(blank_engine):
        def fill(connection):  # rows as revision 0001's schema holds them (plain SQL: the models are head's)
            connection.exec_driver_sql("INSERT INTO district (code, name_en, name_hi) VALUES ('XX', 'X', 'एक्स')")

        before, after = upgrade_keeps_rows(blank_engine, "0001", fill)
        assert after["district"][0]["new_column"] == "its default"   # what the revision itself promises
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from alembic import command
from sqlalchemy import MetaData, inspect, select
from sqlalchemy.engine import Connection, Engine

from data import migrations
from data.db import writing

Rows = dict[str, list[dict]]


def blank(engine: Engine) -> None:
    """Drop every table of the database (the models', any test's, Alembic's): an empty database again."""
    with engine.begin() as connection:
        found = MetaData()
        found.reflect(connection)
        found.drop_all(connection)


def rows(engine: Engine) -> Rows:
    """Every row of every table (Alembic's but), as dicts by column name, read through reflection."""
    with engine.connect() as connection:
        found = MetaData()
        found.reflect(connection)
        return {
            name: [dict(row._mapping) for row in connection.execute(select(table))]
            for name, table in found.tables.items()
            if name != migrations.VERSION_TABLE
        }


def upgrade_keeps_rows(engine: Engine, previous: str, fill: Callable[[Connection], None]) -> tuple[Rows, Rows]:
    """Bring an empty database to revision `previous`, let `fill` write rows with that revision's schema, upgrade
    to head, and assert that no row was lost: every table is still there, with at least as many rows, and every
    row's values in the columns both revisions have are still found. The rows before and after, for more checks."""
    with engine.begin() as connection:
        command.upgrade(migrations.config(connection), previous)
    with engine.begin() as connection:
        fill(connection)
    before = rows(engine)
    migrations.upgrade(writing(engine))
    after = rows(engine)
    for table, old in before.items():
        assert table in after, f"table {table} was dropped by the upgrade from {previous}"
        new = after[table]
        kept = sorted(set(old[0] if old else ()) & set(new[0] if new else ()))
        lost = Counter(tuple(row[c] for c in kept) for row in old) - Counter(tuple(row[c] for c in kept) for row in new)
        assert not lost, f"{table}: rows lost or changed by the upgrade from {previous}: {list(lost)[:3]}"
    return before, after


def schema_of(engine: Engine) -> dict[str, object]:
    """Everything of a schema that differs when two databases differ: per table its columns (type, null, default),
    keys, indexes, unique and check constraints; the triggers; on SQLite every statement that made it."""
    with engine.connect() as connection:
        inspector = inspect(connection)
        described: dict[str, object] = {}
        for name in sorted(migrations.tables(connection)):
            described[name] = {
                "columns": [
                    (c["name"], str(c["type"]), c["nullable"], c.get("default"), c.get("autoincrement"))
                    for c in inspector.get_columns(name)
                ],
                "primary key": inspector.get_pk_constraint(name),
                "foreign keys": sorted(
                    (tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]), fk["name"])
                    for fk in inspector.get_foreign_keys(name)
                ),
                "indexes": sorted(
                    (i["name"], tuple(i["column_names"]), bool(i["unique"])) for i in inspector.get_indexes(name)
                ),
                "unique": sorted(
                    (u["name"] or "", tuple(u["column_names"])) for u in inspector.get_unique_constraints(name)
                ),
                "checks": sorted((c["name"] or "", c["sqltext"]) for c in inspector.get_check_constraints(name)),
            }
        if connection.dialect.name == "sqlite":
            described["<sqlite_master>"] = sorted(
                connection.exec_driver_sql(
                    "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                    f"AND tbl_name != '{migrations.VERSION_TABLE}'"
                ).all()
            )
        else:
            described["<triggers>"] = sorted(
                connection.exec_driver_sql(
                    "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger"
                    " WHERE NOT tgisinternal"
                ).all()
            )
        return described
