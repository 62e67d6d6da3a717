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


def test_the_lookups_of_one_person_newest_first_and_the_reading_audited(engine: Engine, capsys, monkeypatch) -> None:
    """`python -m data.certificates lookups ID`: that person's rows only (typed with the spaces a person uses),
    newest first, as tab-separated lines; the reading goes into the staff trail by a hash prefix, never the id."""
    from data.certificates import lookup
    from data.certificates.issue import main
    from data.models import AuditEvent

    mine, other = lookup.reference_hash("1000000000007"), lookup.reference_hash("1000000000015")
    rows = [
        (mine, "lookup", "no-match", "198.51.100.7", datetime(2026, 12, 1, 10, 0, tzinfo=UTC)),
        (other, "lookup", "sent", "203.0.113.9", datetime(2026, 12, 1, 10, 5, tzinfo=UTC)),
        (mine, "lookup", "sent", "198.51.100.8", datetime(2026, 12, 1, 10, 10, tzinfo=UTC)),
        (mine, "code", "accepted", "198.51.100.8", datetime(2026, 12, 1, 10, 11, tzinfo=UTC)),
    ]
    with engine.begin() as conn:
        for digest, step, outcome, client, at in rows:
            values = {"reference_hash": digest, "step": step, "outcome": outcome, "client": client, "at": at}
            conn.execute(insert(LookupAudit.__table__).values(**values))
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    assert main(["lookups", "1000 0000 0000 7"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "at_utc\tstep\toutcome\tclient",
        "2026-12-01T10:11:00+00:00\tcode\taccepted\t198.51.100.8",
        "2026-12-01T10:10:00+00:00\tlookup\tsent\t198.51.100.8",
        "2026-12-01T10:00:00+00:00\tlookup\tno-match\t198.51.100.7",
    ]
    with engine.connect() as conn:
        trail = conn.execute(select(AuditEvent.actor, AuditEvent.action, AuditEvent.subject, AuditEvent.counts)).all()
    assert [tuple(row) for row in trail] == [("cli", "lookup-trail", "reference:" + mine[:12], '{"rows": 3}')]
    assert "1000000000007" not in repr(trail)
