"""daily_dose's five foreign keys on PostgreSQL become one check per statement (docs/decisions/
daily-dose-reference-checks.md): a day's 41,600 rows were checked a query a row (809 ms), now in one anti-join per
parent (125 ms). The parents (centre, age_band, dose_number, vaccine, import_batch) refuse DELETE, TRUNCATE and a
change of key, so a parent the check saw stays there. SQLite keeps its foreign keys: nothing changes there.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

KEYS = {  # daily_dose's column -> (parent table, parent key)
    "centre_id": ("centre", "id"),
    "age_band": ("age_band", "code"),
    "dose_number": ("dose_number", "number"),
    "vaccine": ("vaccine", "code"),
    "batch_id": ("import_batch", "id"),
}
CHILD_TRIGGERS = {"daily_dose_references_ins": "INSERT", "daily_dose_references_upd": "UPDATE"}
"""One trigger per event: PostgreSQL allows a transition table only on a single-event trigger."""


def constraint(column: str) -> str:
    """The name the foreign key had (PostgreSQL's default), kept in the check's errors."""
    return f"daily_dose_{column}_fkey"


def parent_triggers() -> dict[str, str]:
    """Each parent's two triggers, by name -> the table they are on."""
    return {f"{parent}_{kind}": parent for parent, _ in KEYS.values() for kind in ("rows_kept", "key_fixed")}


def trigger_names() -> list[str]:
    return [*CHILD_TRIGGERS, *parent_triggers()]


def _check_function() -> str:
    key = "n.date, n.centre_id, n.age_band, n.dose_number, n.vaccine"
    missing = "\n    UNION ALL\n    ".join(
        f"SELECT '{column}' AS col, '{parent}' AS parent, n.{column}::text AS value, {key} FROM daily_dose_new n "
        f"WHERE NOT EXISTS (SELECT FROM {parent} p WHERE p.{parent_key} = n.{column})"
        for column, (parent, parent_key) in KEYS.items()
    )
    return f"""
CREATE OR REPLACE FUNCTION daily_dose_check_references() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  bad record;
BEGIN
  SELECT * INTO bad FROM (
    {missing}
  ) AS missing
  ORDER BY date, centre_id, age_band, dose_number, vaccine
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "daily_dose" violates foreign key constraint "daily_dose_%_fkey"',
      bad.col
      USING ERRCODE = 'foreign_key_violation', TABLE = 'daily_dose', CONSTRAINT = 'daily_dose_' || bad.col || '_fkey',
            DETAIL = format('Key (%s)=(%s) is not present in table "%s" (row date=%s, centre_id=%s, age_band=%s, '
                            'dose_number=%s, vaccine=%s).', bad.col, bad.value, bad.parent, bad.date, bad.centre_id,
                            bad.age_band, bad.dose_number, bad.vaccine);
  END IF;
  RETURN NULL;
END
$fn$"""


PARENT_FUNCTION = """
CREATE OR REPLACE FUNCTION daily_dose_parent_key_fixed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% on table "%" refused: daily_dose refers to its rows', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
END
$fn$"""


def install_sql() -> list[str]:
    """The functions and the twelve triggers, then the keys dropped; idempotent (the tests' reset drops tables,
    not functions, and upgrades again)."""
    statements = [_check_function(), PARENT_FUNCTION]
    statements += [
        f"CREATE OR REPLACE TRIGGER {name} AFTER {event} ON daily_dose REFERENCING NEW TABLE AS daily_dose_new "
        "FOR EACH STATEMENT EXECUTE FUNCTION daily_dose_check_references()"
        for name, event in CHILD_TRIGGERS.items()
    ]
    for parent, parent_key in KEYS.values():
        statements += [
            f"CREATE OR REPLACE TRIGGER {parent}_rows_kept BEFORE DELETE OR TRUNCATE ON {parent} "
            "FOR EACH STATEMENT EXECUTE FUNCTION daily_dose_parent_key_fixed()",
            f"CREATE OR REPLACE TRIGGER {parent}_key_fixed BEFORE UPDATE OF {parent_key} ON {parent} FOR EACH ROW "
            f"WHEN (OLD.{parent_key} IS DISTINCT FROM NEW.{parent_key}) "
            "EXECUTE FUNCTION daily_dose_parent_key_fixed()",
        ]
    statements.append("ALTER TABLE daily_dose " + ", ".join(f"DROP CONSTRAINT IF EXISTS {constraint(c)}" for c in KEYS))
    return statements


def install(bind: sa.Connection) -> None:
    """Put the checks in place (PostgreSQL; nothing on SQLite)."""
    if bind.dialect.name == "postgresql":
        for statement in install_sql():
            bind.exec_driver_sql(statement.replace("%", "%%"))  # psycopg reads % as a placeholder's start


def upgrade() -> None:
    install(op.get_bind())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for name in CHILD_TRIGGERS:
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON daily_dose")
    for name, table in parent_triggers().items():
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    bind.exec_driver_sql("DROP FUNCTION IF EXISTS daily_dose_check_references()")
    bind.exec_driver_sql("DROP FUNCTION IF EXISTS daily_dose_parent_key_fixed()")
    bind.exec_driver_sql(  # each key checked over every stored row
        "ALTER TABLE daily_dose "
        + ", ".join(
            f"ADD CONSTRAINT {constraint(column)} FOREIGN KEY ({column}) REFERENCES {parent}({parent_key})"
            for column, (parent, parent_key) in KEYS.items()
        )
    )
