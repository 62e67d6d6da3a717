"""Baseline: the schema as `SQLModel.metadata.create_all` made it before migrations (every table, index and
constraint) and the triggers that keep audit_event and lookup_audit append-only.

Frozen: later revisions change the database from here; this file never follows the models.

Revision ID: 0001
Revises:
Create Date: 2026-12-04
"""

from __future__ import annotations

from functools import cache

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY_TABLES = ("audit_event", "lookup_audit")


def append_only_sql(table: str, dialect: str) -> tuple[str, ...]:
    """The statements that make a table refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL); idempotent."""
    if dialect == "sqlite":
        return tuple(
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            for verb in ("UPDATE", "DELETE")
        )
    if dialect == "postgresql":
        return (
            f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$ "
            f"BEGIN RAISE EXCEPTION USING MESSAGE = '{table} is append-only (' || TG_OP || ' refused)', "
            "ERRCODE = 'insufficient_privilege'; END $fn$",
            f"CREATE OR REPLACE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()",
        )
    return ()


@cache
def schema() -> sa.MetaData:
    """The baseline's tables, indexes and constraints (made once per process: only ever read)."""
    metadata = sa.MetaData(naming_convention={"ix": "ix_%(column_0_label)s"})
    sa.Table(
        "age_band",
        metadata,
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("label_en", sa.String(), nullable=False),
        sa.Column("label_hi", sa.String(), nullable=False),
        sa.Column("min_age", sa.Integer(), nullable=False),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    sa.Table(
        "audit_event",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("counts", sa.String(), nullable=True),
        sa.Column("detail", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.Index("ix_audit_event_at", "at"),
    )
    sa.Table(
        "district",
        metadata,
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name_en", sa.String(), nullable=False),
        sa.Column("name_hi", sa.String(), nullable=False),
        sa.Column("formed_on", sa.Date(), nullable=True),
        sa.Column("parent_code", sa.String(length=8), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    sa.Table(
        "dose_number",
        metadata,
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label_en", sa.String(), nullable=False),
        sa.Column("label_hi", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("number"),
    )
    sa.Table(
        "import_batch",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_by", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rows_new", sa.Integer(), nullable=False),
        sa.Column("rows_changed", sa.Integer(), nullable=False),
        sa.Column("rows_unchanged", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.Index("ix_import_batch_sha256", "sha256"),
    )
    sa.Table(
        "import_lock",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=False),  # the model's default=1: no SERIAL
        sa.Column("imports", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Table(
        "lookup_audit",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference_hash", sa.String(length=64), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.Index("ix_lookup_audit_reference_hash", "reference_hash"),
    )
    sa.Table(
        "lookup_challenge",
        metadata,
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("reference_hash", sa.String(length=64), nullable=False),
        sa.Column("reference_id", sa.String(length=13), nullable=True),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.Index("ix_lookup_challenge_reference_hash", "reference_hash"),
    )
    sa.Table(
        "sms_outbox",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("challenge_id", sa.String(length=32), nullable=False),
        sa.Column("mobile_masked", sa.String(length=16), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.Index("ix_sms_outbox_challenge_id", "challenge_id"),
    )
    sa.Table(
        "throttle_event",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.Index("ix_throttle_event_bucket", "bucket", "subject", "at"),
    )
    sa.Table(
        "vaccine",
        metadata,
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name_en", sa.String(), nullable=False),
        sa.Column("name_hi", sa.String(), nullable=False),
        sa.Column("dose2_min_days", sa.Integer(), nullable=False),
        sa.Column("dose2_max_days", sa.Integer(), nullable=False),
        sa.Column("precaution_min_days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    sa.Table(
        "beneficiary",
        metadata,
        sa.Column("reference_id", sa.String(length=13), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("id_type", sa.String(length=32), nullable=False),
        sa.Column("id_last4", sa.String(length=4), nullable=False),
        sa.Column("district_code", sa.String(length=8), nullable=False),
        sa.Column("mobile_hash", sa.String(length=64), nullable=False),
        sa.Column("mobile_last4", sa.String(length=4), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("reference_id"),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
        ),
    )
    sa.Table(
        "centre",
        metadata,
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("district_code", sa.String(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
        ),
        sa.Index("ix_centre_district_code", "district_code"),
    )
    sa.Table(
        "correction",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=32), nullable=False),
        sa.Column("natural_key", sa.String(), nullable=False),
        sa.Column("old_value", sa.BigInteger(), nullable=False),
        sa.Column("new_value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
        ),
        sa.Index("ix_correction_batch_id", "batch_id"),
    )
    sa.Table(
        "district_target",
        metadata,
        sa.Column("district_code", sa.String(), nullable=False),
        sa.Column("age_band", sa.String(), nullable=False),
        sa.Column("population", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("district_code", "age_band"),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
        ),
        sa.ForeignKeyConstraint(
            ["age_band"],
            ["age_band.code"],
        ),
    )
    sa.Table(
        "dose_rollup",
        metadata,
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("district_code", sa.String(length=8), nullable=False),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("dose_number", sa.Integer(), nullable=False),
        sa.Column("vaccine", sa.String(length=16), nullable=False),
        sa.Column("doses", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("date", "district_code", "age_band", "dose_number", "vaccine"),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
        ),
        sa.ForeignKeyConstraint(
            ["age_band"],
            ["age_band.code"],
        ),
        sa.ForeignKeyConstraint(
            ["dose_number"],
            ["dose_number.number"],
        ),
        sa.ForeignKeyConstraint(
            ["vaccine"],
            ["vaccine.code"],
        ),
        sqlite_with_rowid=False,
    )
    sa.Table(
        "import_batch_day",
        metadata,
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("batch_id", "date"),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
        ),
        sqlite_with_rowid=False,
    )
    sa.Table(
        "month_dose_rollup",
        metadata,
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("district_code", sa.String(length=8), nullable=False),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("dose_number", sa.Integer(), nullable=False),
        sa.Column("vaccine", sa.String(length=16), nullable=False),
        sa.Column("doses", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("month", "district_code", "age_band", "dose_number", "vaccine"),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
        ),
        sa.ForeignKeyConstraint(
            ["age_band"],
            ["age_band.code"],
        ),
        sa.ForeignKeyConstraint(
            ["dose_number"],
            ["dose_number.number"],
        ),
        sa.ForeignKeyConstraint(
            ["vaccine"],
            ["vaccine.code"],
        ),
        sqlite_with_rowid=False,
    )
    sa.Table(
        "published_value",
        metadata,
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("area", sa.String(length=8), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("source", "area", "date", "metric"),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
        ),
    )
    sa.Table(
        "reporting_rollup",
        metadata,
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("district_code", sa.String(length=8), nullable=False),
        sa.Column("centres", sa.Integer(), nullable=False),
        sa.Column("doses", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("date", "district_code"),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
        ),
        sqlite_with_rowid=False,
    )
    sa.Table(
        "state_dose_rollup",
        metadata,
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("dose_number", sa.Integer(), nullable=False),
        sa.Column("vaccine", sa.String(length=16), nullable=False),
        sa.Column("doses", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("date", "age_band", "dose_number", "vaccine"),
        sa.ForeignKeyConstraint(
            ["age_band"],
            ["age_band.code"],
        ),
        sa.ForeignKeyConstraint(
            ["dose_number"],
            ["dose_number.number"],
        ),
        sa.ForeignKeyConstraint(
            ["vaccine"],
            ["vaccine.code"],
        ),
        sqlite_with_rowid=False,
    )
    sa.Table(
        "stock_movement",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("vaccine", sa.String(length=16), nullable=False),
        sa.Column("from_store", sa.String(length=16), nullable=False),
        sa.Column("to_store", sa.String(length=16), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("date", "vaccine", "from_store", "to_store", "reference", name="uq_stock_movement_key"),
        sa.CheckConstraint("quantity > 0", name="ck_stock_movement_quantity"),
        sa.CheckConstraint("from_store <> to_store", name="ck_stock_movement_stores"),
        sa.ForeignKeyConstraint(
            ["vaccine"],
            ["vaccine.code"],
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
        ),
        sa.Index("ix_stock_movement_from", "from_store", "vaccine", "date"),
        sa.Index("ix_stock_movement_to", "to_store", "vaccine", "date"),
    )
    sa.Table(
        "user_account",
        metadata,
        sa.Column("username", sa.String(length=32), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("district_code", sa.String(length=8), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("username"),
        sa.CheckConstraint("role IN ('officer', 'collector')", name="ck_user_account_role"),
        sa.CheckConstraint(
            "(role = 'officer' AND district_code IS NULL) OR (role = 'collector' AND district_code IS NOT NULL)",
            name="ck_user_account_district",
        ),
        sa.CheckConstraint(
            "username = lower(username) AND length(username) BETWEEN 3 AND 32", name="ck_user_account_username"
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
        ),
    )
    sa.Table(
        "centre_rollup",
        metadata,
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("doses", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("date", "centre_id"),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["centre.id"],
        ),
        sqlite_with_rowid=False,
    )
    sa.Table(
        "certificate",
        metadata,
        sa.Column("id", sa.String(length=24), nullable=False),
        sa.Column("reference_id", sa.String(length=13), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("kid", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["beneficiary.reference_id"],
        ),
        sa.Index("ix_certificate_reference_id", "reference_id"),
    )
    sa.Table(
        "correction_batch",
        metadata,
        sa.Column("correction_id", sa.Integer(), nullable=False),
        sa.Column("previous_batch_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("correction_id"),
        sa.ForeignKeyConstraint(
            ["correction_id"],
            ["correction.id"],
        ),
        sa.ForeignKeyConstraint(
            ["previous_batch_id"],
            ["import_batch.id"],
        ),
    )
    sa.Table(
        "daily_dose",
        metadata,
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("dose_number", sa.Integer(), nullable=False),
        sa.Column("vaccine", sa.String(length=16), nullable=False),
        sa.Column("doses", sa.BigInteger(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("date", "centre_id", "age_band", "dose_number", "vaccine"),
        sa.CheckConstraint("doses >= 0", name="ck_daily_dose_doses"),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["centre.id"],
        ),
        sa.ForeignKeyConstraint(
            ["age_band"],
            ["age_band.code"],
        ),
        sa.ForeignKeyConstraint(
            ["dose_number"],
            ["dose_number.number"],
        ),
        sa.ForeignKeyConstraint(
            ["vaccine"],
            ["vaccine.code"],
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
        ),
    )
    sa.Table(
        "registry_correction",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=32), nullable=False),
        sa.Column("reference_id", sa.String(length=13), nullable=False),
        sa.Column("dose_number", sa.Integer(), nullable=True),
        sa.Column("old_values", sa.String(), nullable=False),
        sa.Column("new_values", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["beneficiary.reference_id"],
        ),
        sa.Index("ix_registry_correction_batch_id", "batch_id"),
        sa.Index("ix_registry_correction_reference_id", "reference_id"),
    )
    sa.Table(
        "user_identity",
        metadata,
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("username", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("email"),
        sa.ForeignKeyConstraint(
            ["username"],
            ["user_account.username"],
        ),
        sa.Index("ix_user_identity_username", "username"),
    )
    sa.Table(
        "vaccination",
        metadata,
        sa.Column("reference_id", sa.String(length=13), nullable=False),
        sa.Column("dose_number", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("vaccine", sa.String(length=16), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("lot", sa.String(length=32), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("reference_id", "dose_number"),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["beneficiary.reference_id"],
        ),
        sa.ForeignKeyConstraint(
            ["dose_number"],
            ["dose_number.number"],
        ),
        sa.ForeignKeyConstraint(
            ["vaccine"],
            ["vaccine.code"],
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["centre.id"],
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
        ),
    )
    sa.Table(
        "certificate_revocation",
        metadata,
        sa.Column("certificate_id", sa.String(length=24), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("certificate_id"),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificate.id"],
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
        ),
    )
    return metadata


def create(bind: sa.Connection) -> None:
    """Create the baseline's missing tables and (again, idempotently) the append-only triggers."""
    schema().create_all(bind)
    for table in APPEND_ONLY_TABLES:
        for statement in append_only_sql(table, bind.dialect.name):
            bind.exec_driver_sql(statement)


def upgrade() -> None:
    create(op.get_bind())


def downgrade() -> None:
    bind = op.get_bind()
    schema().drop_all(bind)  # the triggers go with their tables
    if bind.dialect.name == "postgresql":
        for table in APPEND_ONLY_TABLES:
            bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {table}_append_only()")
