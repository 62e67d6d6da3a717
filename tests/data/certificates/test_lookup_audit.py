"""The public lookup's audit trail is append-only in the database itself, like the workspace's, on both
backends: UPDATE and DELETE refused (and TRUNCATE on PostgreSQL), and a database whose table was made before
that gets the triggers when the schema is next checked."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from data.db import create_schema
from data.models import LookupAudit

ROW = {"reference_hash": "a" * 64, "step": "lookup", "outcome": "sent", "client": "198.51.100.7"}


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(LookupAudit)).scalar_one()


def _add_row(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(LookupAudit.__table__).values(**ROW, at=datetime.now(UTC)))


STATEMENTS = {
    "update": "UPDATE lookup_audit SET outcome = 'no-match'",
    "delete": "DELETE FROM lookup_audit",
    "truncate": "TRUNCATE lookup_audit",
}


@pytest.mark.parametrize("verb", STATEMENTS)
def test_the_lookup_trail_refuses_changes(engine: Engine, verb: str) -> None:
    if verb == "truncate" and engine.dialect.name != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's")
    _add_row(engine)
    with engine.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
        conn.exec_driver_sql(STATEMENTS[verb])
    assert _count(engine) == 1


def test_an_older_table_gets_its_triggers(engine: Engine) -> None:
    drop = {
        "sqlite": ("DROP TRIGGER lookup_audit_no_update", "DROP TRIGGER lookup_audit_no_delete"),
        "postgresql": ("DROP TRIGGER lookup_audit_append_only ON lookup_audit",),
    }[engine.dialect.name]
    with engine.begin() as conn:
        for statement in drop:
            conn.exec_driver_sql(statement)
    _add_row(engine)
    create_schema(engine)
    with engine.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
        conn.exec_driver_sql(STATEMENTS["delete"])
