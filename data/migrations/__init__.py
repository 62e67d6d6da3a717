"""Schema migrations (Alembic; the scripts are in this folder, no alembic.ini): a database's revision, upgrading
any database to head (adopting one that `create_all` made before migrations), and what differs between the
models and a database, in plain words."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, inspect
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

from data import models  # registers every table on SQLModel.metadata

HERE = Path(__file__).resolve().parent
BASELINE = "0001"
"""The revision equal to the schema `create_all` made before migrations."""
VERSION_TABLE = "alembic_version"
UPGRADE_COMMAND = "python -m data.db upgrade"
_LOCK = 7_415_300_001
"""PostgreSQL advisory lock key: two processes upgrading at once take turns."""


class SchemaError(RuntimeError):
    """The database's schema is not the one this code runs on."""


class SchemaBehind(SchemaError):
    """The database is at an older revision (or none): `python -m data.db upgrade` brings it to head."""

    def __init__(self, current: str | None, head: str) -> None:
        super().__init__(
            f"the database is at revision {current or 'none'}, this code needs {head}: run {UPGRADE_COMMAND}"
        )
        self.current, self.head = current, head


class SchemaUnknown(SchemaError):
    """The database is at a revision this code does not have (a newer release upgraded it)."""

    def __init__(self, current: str, head: str) -> None:
        super().__init__(
            f"the database is at revision {current}, which this code (head {head}) does not know: "
            "run the release that upgraded it"
        )
        self.current, self.head = current, head


class SchemaMismatch(SchemaError):
    """A database without a revision whose tables differ from the baseline: it is not adopted."""

    def __init__(self, differences: list[str]) -> None:
        super().__init__(
            f"the database has no revision and does not match revision {BASELINE}, so it was left as it is: "
            + "; ".join(differences)
        )
        self.differences = differences


def config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, made here (no alembic.ini); env.py uses the connection given."""
    settings = Config()
    settings.set_main_option("script_location", str(HERE))
    settings.attributes["connection"] = connection
    return settings


@lru_cache(maxsize=1)
def scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(config())


def head() -> str:
    """The code's revision."""
    return scripts().get_current_head()


def known(revision: str) -> bool:
    return any(script.revision == revision for script in scripts().walk_revisions())


def current(connection: Connection) -> str | None:
    """The database's revision; None without an alembic_version table (empty, or made by create_all)."""
    return MigrationContext.configure(connection).get_current_revision()


def tables(connection: Connection) -> set[str]:
    """The database's tables, but Alembic's own."""
    return set(inspect(connection).get_table_names()) - {VERSION_TABLE}


def differences(connection: Connection, metadata: MetaData | None = None) -> list[tuple]:
    """What Alembic's autogenerate finds between the metadata (the models') and the database, one tuple each; for
    the models on SQLite, also each table stored with a rowid where they say WITHOUT ROWID, or the other way round
    (autogenerate does not compare that option)."""
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    found: list[tuple] = []
    for diff in compare_metadata(context, SQLModel.metadata if metadata is None else metadata):
        found.extend(diff if isinstance(diff, list) else [diff])
    if metadata is None and connection.dialect.name == "postgresql":
        found = [diff for diff in found if not _checked_by_trigger(diff)]
    if metadata is None and connection.dialect.name == "sqlite":
        found += storage_differences(connection, SQLModel.metadata)
    return found


WITHOUT_ROWID = re.compile(r"\bWITHOUT\s+ROWID\b[^)]*$", re.IGNORECASE)
"""A CREATE TABLE whose options (after the closing parenthesis) include WITHOUT ROWID."""


def storage_differences(connection: Connection, metadata: MetaData) -> list[tuple]:
    """On SQLite, each table of the metadata the database has that it stores with a rowid where the metadata says
    WITHOUT ROWID (`sqlite_with_rowid=False`), or the other way round: ("sqlite_with_rowid", table, in the database,
    in the metadata)."""
    stored = dict(connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all())
    found: list[tuple] = []
    for table in metadata.sorted_tables:
        if table.name not in stored:
            continue  # a missing table is named by autogenerate
        in_database = not WITHOUT_ROWID.search(stored[table.name] or "")
        in_metadata = bool(table.dialect_options["sqlite"]["with_rowid"])
        if in_database != in_metadata:
            found.append(("sqlite_with_rowid", table.name, in_database, in_metadata))
    return found


def references() -> ModuleType:
    """Revision 0002: on PostgreSQL, daily_dose's references are checked by triggers, not foreign keys."""
    return scripts().get_revision("0002").module


def _checked_by_trigger(diff: tuple) -> bool:
    """One of the five foreign keys of daily_dose that 0002 replaced by a statement-level check (any other key the
    models add is still a difference)."""
    if diff[0] != "add_fk" or diff[1].table.name != "daily_dose":
        return False
    columns = [column.name for column in diff[1].columns]
    return len(columns) == 1 and columns[0] in references().KEYS


def _columns(item) -> str:
    return ", ".join(column.name for column in item.columns)


def describe(diff: tuple) -> str:
    """One difference in plain words (the models' side first)."""
    kind = diff[0]
    if kind == "sqlite_with_rowid":
        stored = {True: "with a rowid", False: "WITHOUT ROWID"}
        return f"table {diff[1]} is stored {stored[diff[2]]} in the database, {stored[diff[3]]} in the models"
    action, _, what = kind.partition("_")
    side = "missing from the database" if action == "add" else "in the database but not in the models"
    if what == "table":
        return f"table {diff[1].name} is {side}"
    if what == "column":
        return f"column {diff[2]}.{diff[3].name} is {side}"
    if what == "index":
        return f"index {diff[1].name} on {diff[1].table.name} ({_columns(diff[1])}) is {side}"
    if what == "constraint":
        constraint = diff[1]
        return f"constraint {constraint.name or ''} on {constraint.table.name} ({_columns(constraint)}) is {side}"
    if what == "fk":
        fk = diff[1]
        return f"foreign key {fk.table.name} ({_columns(fk)}) to {fk.referred_table.name} is {side}"
    if action == "modify":
        table, column, old, new = diff[2], diff[3], diff[5], diff[6]  # (kind, schema, table, column, kw, db, models)
        return f"column {table}.{column} has {what} {old} in the database, {new} in the models"
    return f"{kind.replace('_', ' ')}: {diff[1:]}"


def adopt(connection: Connection) -> None:
    """Stamp a database made by create_all at the baseline, after checking it matches (its missing tables are
    created first, as create_all did); SchemaMismatch, and nothing changed, when it does not. Whether SQLite
    stores a table with a rowid is not compared: revision 0003 makes daily_dose WITHOUT ROWID either way."""
    baseline = scripts().get_revision(BASELINE).module
    baseline.create(connection)
    found = [describe(diff) for diff in differences(connection, baseline.schema())]
    if found:
        raise SchemaMismatch(found)
    command.stamp(config(connection), BASELINE)


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the database to head in one transaction (empty, or emptied by `metadata.drop_all`: the whole schema;
    made by create_all: adopted, then upgraded) with its append-only triggers; the revisions before and after."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # a revision may copy a table (batch mode): references are checked once, at the end (below)
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                before = _upgrade(connection)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all() if sqlite else []
                if broken:
                    raise SchemaError(
                        f"the upgrade would leave rows that refer to nothing, so it was undone: {broken[:5]}"
                    )
        finally:
            if sqlite:
                connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")
    return before, head()


def _upgrade(connection: Connection) -> str | None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK})")
    before = current(connection)
    if before is not None and not tables(connection):  # every table dropped (metadata.drop_all) but ours
        connection.exec_driver_sql(f"DROP TABLE {VERSION_TABLE}")
        before = None
    if before is not None and not known(before):
        raise SchemaUnknown(before, head())
    if before is None and tables(connection):
        adopt(connection)
    if current(connection) != head():
        _upgrade_to_head(connection)
    if missing_triggers(connection):  # dropped by hand, or a table older than its triggers: as create_all did
        for table in models.APPEND_ONLY_TABLES:
            for statement in models.append_only_sql(table, connection.dialect.name):
                connection.exec_driver_sql(statement)
        references().install(connection)
    return before


def _upgrade_to_head(connection: Connection) -> None:
    """alembic.command.upgrade(…, "head") with this process's scripts, loaded once (tests make hundreds of
    databases: reading the revisions again each time doubled the cost of a new one)."""
    script = scripts()
    with EnvironmentContext(
        config(connection), script, fn=lambda revision, _context: script._upgrade_revs("head", revision)
    ):
        script.run_env()


def require_head(connection: Connection) -> None:
    """SchemaBehind or SchemaUnknown unless the database is at the code's revision."""
    revision = current(connection)
    if revision == head():
        return
    if revision is not None and not known(revision):
        raise SchemaUnknown(revision, head())
    raise SchemaBehind(revision, head())


def missing_triggers(connection: Connection) -> list[str]:
    """The append-only triggers (models.APPEND_ONLY_TABLES) the database lacks, in plain words."""
    if connection.dialect.name == "sqlite":
        present = set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())
        expected = {f"{table}_no_{verb}": table for table in models.APPEND_ONLY_TABLES for verb in ("update", "delete")}
    elif connection.dialect.name == "postgresql":
        present = set(connection.exec_driver_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal").scalars())
        expected = {f"{table}_append_only": table for table in models.APPEND_ONLY_TABLES}
    else:
        return []
    missing = [
        f"trigger {name} (keeps {table} append-only) is missing from the database"
        for name, table in expected.items()
        if name not in present
    ]
    if connection.dialect.name == "postgresql":
        missing += [
            f"trigger {name} (checks daily_dose's references) is missing from the database"
            for name in references().trigger_names()
            if name not in present
        ]
    return missing
