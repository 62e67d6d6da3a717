"""The audit trail: record / browse, and append-only enforced by the database on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, SQLModel

from data.accounts import audit
from data.db import create_schema
from data.models import AuditEvent

T0 = datetime(2021, 6, 22, 4, 30, tzinfo=UTC)
ALL = ["import", "export", "sign-in", "correction", "import"]
"""The actions _seed records, newest first."""


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(AuditEvent.__table__)).scalar_one()


def _seed(engine: Engine) -> None:
    events = [
        ("import", "officer", "batch 1", {"new": 3}, 0),
        ("correction", "officer", "batch 1", {"changed": 1}, 1),
        ("sign-in", "collector.durg", "collector.durg", None, 2),
        ("export", "collector.durg", "dose_rollup.csv", None, 3),
        ("import", "cli", "doses.csv", {"new": 10, "unchanged": 2}, 4),
    ]
    with Session(engine) as session:
        for action, actor, subject, counts, hours in events:
            audit.record(
                action, session=session, actor=actor, subject=subject, counts=counts, now=T0 + timedelta(hours=hours)
            )
        session.commit()


# --- Append-only, in the database ------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET actor = 'someone-else'",
        "UPDATE audit_event SET detail = 'rewritten' WHERE action = 'import'",
        "DELETE FROM audit_event",
        "DELETE FROM audit_event WHERE action = 'import'",
    ],
    ids=["update-all", "update-some", "delete-all", "delete-some"],
)
def test_database_refuses_update_and_delete(engine: Engine, statement: str) -> None:
    _seed(engine)
    before = _count(engine)
    with engine.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
        conn.exec_driver_sql(statement)
    assert _count(engine) == before
    with engine.connect() as conn:
        assert set(conn.execute(select(AuditEvent.actor)).scalars()) == {"officer", "collector.durg", "cli"}


def test_postgresql_refuses_truncate(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's (SQLite's DELETE FROM is refused by the trigger above)")
    _seed(engine)
    with engine.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
        conn.exec_driver_sql("TRUNCATE audit_event")
    assert _count(engine) == 5


def _trigger_count(engine: Engine) -> int:
    query = {
        "sqlite": "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'",
        "postgresql": "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass AND NOT tgisinternal",
    }[engine.dialect.name]
    with engine.connect() as conn:
        return conn.exec_driver_sql(query).scalar_one()


def test_install_append_only_is_idempotent(engine: Engine) -> None:
    installed = _trigger_count(engine)
    assert installed == {"sqlite": 2, "postgresql": 1}[engine.dialect.name]
    audit.install_append_only(engine)
    with engine.begin() as conn:
        audit.install_append_only(conn)
    assert _trigger_count(engine) == installed
    _seed(engine)
    with engine.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
        conn.exec_driver_sql("DELETE FROM audit_event")


def test_schema_can_still_be_dropped_and_created_again(engine: Engine) -> None:
    _seed(engine)
    with engine.begin() as conn:
        SQLModel.metadata.drop_all(conn)
    create_schema(engine)
    assert _count(engine) == 0
    _seed(engine)
    with engine.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
        conn.exec_driver_sql("UPDATE audit_event SET actor = 'x'")


# --- record / browse -------------------------------------------------------------------------------


def test_record_is_part_of_the_callers_transaction(engine: Engine) -> None:
    with Session(engine) as session:
        audit.record("import", session=session, actor="officer", subject="batch 7")
        session.rollback()
    assert _count(engine) == 0
    with Session(engine) as session:
        audit.record("import", session=session, actor="officer", subject="batch 7")
        session.commit()
    assert _count(engine) == 1


def test_browse_returns_rows_newest_first_with_utc_times_and_counts(engine: Engine) -> None:
    _seed(engine)
    with Session(engine) as session:
        frame = audit.browse(session=session)
    assert list(frame.columns) == audit.COLUMNS
    assert list(frame["action"]) == ALL
    assert frame["at"].iloc[0] == T0 + timedelta(hours=4)
    assert str(frame["at"].dt.tz) == "UTC"
    assert json.loads(frame["counts"].iloc[0]) == {"new": 10, "unchanged": 2}
    assert pd.isna(frame["counts"].iloc[1])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ALL),
        ({"actor": "officer"}, ["correction", "import"]),
        ({"action": "import"}, ["import", "import"]),
        ({"actor": "collector.durg", "action": "export"}, ["export"]),
        ({"since": T0 + timedelta(hours=2)}, ["import", "export", "sign-in"]),
        ({"until": T0 + timedelta(hours=2)}, ["correction", "import"]),
        ({"since": T0 + timedelta(hours=1), "until": T0 + timedelta(hours=3)}, ["sign-in", "correction"]),
        # 10:00 in India is 04:30 UTC: a zoned bound is compared in UTC
        ({"since": datetime(2021, 6, 22, 10, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))}, ALL),
        ({"limit": 2}, ["import", "export"]),
        ({"actor": "nobody"}, []),
    ],
    ids=["all", "actor", "action", "actor-and-action", "since", "until", "window", "zoned-since", "limit", "none"],
)
def test_browse_filters(engine: Engine, filters: dict, expected: list) -> None:
    _seed(engine)
    with Session(engine) as session:
        frame = audit.browse(session=session, **filters)
    assert list(frame["action"]) == expected


@pytest.mark.parametrize(
    ("action", "actor"),
    [("Import", "officer"), ("import now", "officer"), ("", "officer"), ("x" * 40, "officer"), ("import", " ")],
    ids=["upper-case", "space", "empty", "too-long", "no-actor"],
)
def test_record_refuses_malformed_events(engine: Engine, action: str, actor: str) -> None:
    with Session(engine) as session, pytest.raises(ValueError):
        audit.record(action, session=session, actor=actor)
    assert _count(engine) == 0


def test_record_masks_long_digit_runs_and_clips_long_text(engine: Engine) -> None:
    with Session(engine) as session:
        audit.record(
            "export", session=session, actor="officer", subject="list for 9912345678", detail="ref 9123456789012 " * 50
        )
        session.commit()
        row = audit.browse(session=session).iloc[0]
    assert row["subject"] == "list for XXXXXX5678"
    assert "9123456789012" not in row["detail"] and "XXXXXXXXX9012" in row["detail"]
    assert len(row["detail"]) == 500 and row["detail"].endswith("…")


def test_record_now_commits_its_row_at_once(engine: Engine) -> None:
    with Session(engine) as session:
        audit.record_now("export", session=session, actor="officer", subject="audit trail", counts={"rows": 3}, now=T0)
        assert _count(engine) == 1  # seen from another connection: committed
        session.rollback()  # nothing left to roll back
    with Session(engine) as session:
        frame = audit.browse(session=session)
    assert frame[["actor", "action", "subject"]].values.tolist() == [["officer", "export", "audit trail"]]
    assert json.loads(frame["counts"].iloc[0]) == {"rows": 3}
