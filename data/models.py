"""Every table of Teeka, as SQLModel classes (Base = shared fields, Table = stored)."""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Column, DateTime, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

STATE = "STATE"
"""Area code for the whole state (published series) and the state vaccine store."""
SUPPLIER = "SUPPLIER"
WASTAGE = "WASTAGE"
ADJUSTMENT = "ADJUSTMENT"
PSEUDO_STORES = (SUPPLIER, WASTAGE, ADJUSTMENT)
"""Ends of a stock movement that hold no stock of their own."""


CLUSTERED = {"sqlite_with_rowid": False}
"""SQLite stores the table in its primary key's order (WITHOUT ROWID: one B-tree, no separate key index), so a range
of dates is read in one sweep: daily_dose (revision 0003) and the rollups. PostgreSQL ignores it."""


def _big(**kwargs) -> Column:
    return Column(BigInteger, **kwargs)


# --- Reference data (seeded from data/master/) ------------------------------------------------


class DistrictBase(SQLModel):
    code: str = Field(primary_key=True, max_length=8)
    name_en: str
    name_hi: str
    formed_on: Date | None = None
    parent_code: str | None = Field(default=None, max_length=8)


class District(DistrictBase, table=True):
    __tablename__ = "district"


class AgeBand(SQLModel, table=True):
    __tablename__ = "age_band"
    code: str = Field(primary_key=True, max_length=8)
    label_en: str
    label_hi: str
    min_age: int
    max_age: int | None = None
    sort_order: int


class DoseNumber(SQLModel, table=True):
    __tablename__ = "dose_number"
    number: int = Field(primary_key=True)
    label_en: str
    label_hi: str


class Vaccine(SQLModel, table=True):
    __tablename__ = "vaccine"
    code: str = Field(primary_key=True, max_length=16)
    name_en: str
    name_hi: str
    dose2_min_days: int
    dose2_max_days: int
    precaution_min_days: int


class DistrictTarget(SQLModel, table=True):
    """Target (eligible) population of a district for one age band, and where the figure comes from."""

    __tablename__ = "district_target"
    district_code: str = Field(foreign_key="district.code", primary_key=True)
    age_band: str = Field(foreign_key="age_band.code", primary_key=True)
    population: int = Field(sa_column=_big(nullable=False))
    source: str


class CentreBase(SQLModel):
    code: str = Field(max_length=32, unique=True)
    name: str
    district_code: str = Field(foreign_key="district.code", index=True)
    active: bool = True


class Centre(CentreBase, table=True):
    __tablename__ = "centre"
    id: int | None = Field(default=None, primary_key=True)


# --- Audit of imports --------------------------------------------------------------------------


class ImportBatch(SQLModel, table=True):
    """One committed import: what file, whose, when, and what it changed."""

    __tablename__ = "import_batch"
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    file_name: str
    sha256: str = Field(max_length=64, index=True)
    imported_by: str
    imported_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    rows_new: int = 0
    rows_changed: int = 0
    rows_unchanged: int = 0
    status: str = Field(default="committed", max_length=16)


class Correction(SQLModel, table=True):
    """A value replaced by a later import: the old value stays here with the batch that replaced it."""

    __tablename__ = "correction"
    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="import_batch.id", index=True)
    table_name: str = Field(max_length=32)
    natural_key: str  # JSON object of the key columns
    old_value: int = Field(sa_column=_big(nullable=False))
    new_value: int = Field(sa_column=_big(nullable=False))


class ImportLock(SQLModel, table=True):
    """A single row every committing import updates first, so imports run one at a time."""

    __tablename__ = "import_lock"
    id: int = Field(default=1, primary_key=True)
    imports: int = 0


# --- Facts -------------------------------------------------------------------------------------


class DailyDose(SQLModel, table=True):
    """Doses given at one centre on one day, for one age band, dose number and vaccine."""

    __tablename__ = "daily_dose"
    __table_args__ = (CheckConstraint("doses >= 0", name="ck_daily_dose_doses"), CLUSTERED)
    date: Date = Field(primary_key=True)
    centre_id: int = Field(foreign_key="centre.id", primary_key=True)
    age_band: str = Field(foreign_key="age_band.code", primary_key=True, max_length=8)
    dose_number: int = Field(foreign_key="dose_number.number", primary_key=True)
    vaccine: str = Field(foreign_key="vaccine.code", primary_key=True, max_length=16)
    doses: int = Field(sa_column=_big(nullable=False))
    batch_id: int = Field(foreign_key="import_batch.id")


class DoseRollup(SQLModel, table=True):
    """Daily doses summed per district, age band, dose number and vaccine; kept by every import."""

    __tablename__ = "dose_rollup"
    __table_args__ = CLUSTERED
    date: Date = Field(primary_key=True)
    district_code: str = Field(foreign_key="district.code", primary_key=True, max_length=8)
    age_band: str = Field(foreign_key="age_band.code", primary_key=True, max_length=8)
    dose_number: int = Field(foreign_key="dose_number.number", primary_key=True)
    vaccine: str = Field(foreign_key="vaccine.code", primary_key=True, max_length=16)
    doses: int = Field(sa_column=_big(nullable=False))


class CentreRollup(SQLModel, table=True):
    """Doses per centre and day (any band, dose, vaccine): which centres reported, without the fact table."""

    __tablename__ = "centre_rollup"
    __table_args__ = CLUSTERED
    date: Date = Field(primary_key=True)
    centre_id: int = Field(foreign_key="centre.id", primary_key=True)
    doses: int = Field(sa_column=_big(nullable=False))


class StateDoseRollup(SQLModel, table=True):
    """dose_rollup summed over districts: the state's daily series, ~30 times fewer rows to group."""

    __tablename__ = "state_dose_rollup"
    __table_args__ = CLUSTERED
    date: Date = Field(primary_key=True)
    age_band: str = Field(foreign_key="age_band.code", primary_key=True, max_length=8)
    dose_number: int = Field(foreign_key="dose_number.number", primary_key=True)
    vaccine: str = Field(foreign_key="vaccine.code", primary_key=True, max_length=16)
    doses: int = Field(sa_column=_big(nullable=False))


class MonthDoseRollup(SQLModel, table=True):
    """dose_rollup summed per calendar month (dated its first day): totals up to a date read whole months
    from here and only the days of the last month from dose_rollup."""

    __tablename__ = "month_dose_rollup"
    __table_args__ = CLUSTERED
    month: Date = Field(primary_key=True)
    district_code: str = Field(foreign_key="district.code", primary_key=True, max_length=8)
    age_band: str = Field(foreign_key="age_band.code", primary_key=True, max_length=8)
    dose_number: int = Field(foreign_key="dose_number.number", primary_key=True)
    vaccine: str = Field(foreign_key="vaccine.code", primary_key=True, max_length=16)
    doses: int = Field(sa_column=_big(nullable=False))


class ReportingRollup(SQLModel, table=True):
    """Per district and day: centres that reported any dose row, and their doses."""

    __tablename__ = "reporting_rollup"
    __table_args__ = CLUSTERED
    date: Date = Field(primary_key=True)
    district_code: str = Field(foreign_key="district.code", primary_key=True, max_length=8)
    centres: int
    doses: int = Field(sa_column=_big(nullable=False))


class StockMovement(SQLModel, table=True):
    """Vaccine moved between stores; SUPPLIER, WASTAGE and ADJUSTMENT are the outside ends."""

    __tablename__ = "stock_movement"
    __table_args__ = (
        UniqueConstraint("date", "vaccine", "from_store", "to_store", "reference", name="uq_stock_movement_key"),
        CheckConstraint("quantity > 0", name="ck_stock_movement_quantity"),
        CheckConstraint("from_store <> to_store", name="ck_stock_movement_stores"),
        Index("ix_stock_movement_from", "from_store", "vaccine", "date"),
        Index("ix_stock_movement_to", "to_store", "vaccine", "date"),
    )
    id: int | None = Field(default=None, primary_key=True)
    date: Date
    vaccine: str = Field(foreign_key="vaccine.code", max_length=16)
    from_store: str = Field(max_length=16)
    to_store: str = Field(max_length=16)
    reference: str = Field(max_length=64)
    quantity: int = Field(sa_column=_big(nullable=False))
    batch_id: int = Field(foreign_key="import_batch.id")


class PublishedValue(SQLModel, table=True):
    """One cumulative figure of a published series (CoWIN, health ministry), exactly as published."""

    __tablename__ = "published_value"
    source: str = Field(primary_key=True, max_length=16)
    area: str = Field(primary_key=True, max_length=8)
    date: Date = Field(primary_key=True)
    metric: str = Field(primary_key=True, max_length=64)
    value: int = Field(sa_column=_big(nullable=False))
    batch_id: int = Field(foreign_key="import_batch.id")


# --- Certificate registry ------------------------------------------------------------------------
# Mobile and ID numbers are never stored raw: a keyed hash (data.settings.identifier_hash) and the last
# four digits.


class BeneficiaryBase(SQLModel):
    reference_id: str = Field(primary_key=True, min_length=13, max_length=13)
    name: str = Field(max_length=100)  # kept in its own script: Devanagari names round-trip exactly
    birth_year: int
    gender: str = Field(max_length=1)  # M | F | O
    id_type: str = Field(max_length=32)
    id_last4: str = Field(max_length=4)
    district_code: str = Field(foreign_key="district.code", max_length=8)


class Beneficiary(BeneficiaryBase, table=True):
    """A registered person; the reference id is the key the citizen knows."""

    __tablename__ = "beneficiary"
    mobile_hash: str = Field(max_length=64)  # no index: nothing may search people by mobile
    mobile_last4: str = Field(max_length=4)
    id_hash: str = Field(max_length=64)
    batch_id: int = Field(foreign_key="import_batch.id")


class Vaccination(SQLModel, table=True):
    """One dose given to a beneficiary."""

    __tablename__ = "vaccination"
    reference_id: str = Field(foreign_key="beneficiary.reference_id", primary_key=True, max_length=13)
    dose_number: int = Field(foreign_key="dose_number.number", primary_key=True)
    date: Date
    vaccine: str = Field(foreign_key="vaccine.code", max_length=16)
    centre_id: int = Field(foreign_key="centre.id")
    lot: str = Field(max_length=32)  # the file's "batch" column: the vaccine lot number
    batch_id: int = Field(foreign_key="import_batch.id")


class Certificate(SQLModel, table=True):
    """A certificate issued for a beneficiary: an opaque id (never the reference id) and what it certified."""

    __tablename__ = "certificate"
    id: str = Field(primary_key=True, max_length=24)
    reference_id: str = Field(foreign_key="beneficiary.reference_id", index=True, max_length=13)
    content_sha256: str = Field(max_length=64)  # of the signed payload, so an unchanged record reuses its certificate
    kid: str = Field(max_length=64)
    issued_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class CertificateRevocation(SQLModel, table=True):
    """The revocation list: a certificate whose record was corrected after it was issued."""

    __tablename__ = "certificate_revocation"
    certificate_id: str = Field(foreign_key="certificate.id", primary_key=True, max_length=24)
    revoked_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    reason: str = Field(max_length=32)  # beneficiary-corrected | vaccination-corrected
    batch_id: int | None = Field(default=None, foreign_key="import_batch.id")


class DosePublic(SQLModel):
    number: int
    date: Date
    vaccine: str
    centre: str
    district: str


class CertificatePublic(SQLModel):
    """All the public page, the PDF and the signed token may show of a certificate: nothing more."""

    certificate_id: str
    name: str
    birth_year: int
    gender: str
    id_type: str
    id_masked: str  # XXXX-XXXX-1234
    doses: list[DosePublic]
    status: str  # partial | full | precaution
    issued_at: datetime


# --- Public lookup: one-time codes, throttles, outbox, audit -------------------------------------


APPEND_ONLY_TABLES = ("audit_event", "lookup_audit")
"""The trails nobody may change: the workspace's audit trail and the public lookup's."""


def append_only_sql(table: str, dialect: str) -> tuple[str, ...]:
    """The statements that make a table append-only in the database itself: UPDATE and DELETE (and TRUNCATE on
    PostgreSQL) are refused; DROP TABLE still works (tests and `python -m data.demo --reset` rebuild the schema).
    Idempotent: run again, they leave one set of triggers."""
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


AUDIT_APPEND_ONLY_SQL: dict[str, tuple[str, ...]] = {
    dialect: append_only_sql("audit_event", dialect) for dialect in ("sqlite", "postgresql")
}
"""audit_event's statements by dialect."""


def _install_append_only(table, connection, **_kw) -> None:
    """after_create of an append-only table: so every create_all (and so create_schema) installs its triggers."""
    for statement in append_only_sql(table.name, connection.dialect.name):
        connection.exec_driver_sql(statement)


class LookupChallenge(SQLModel, table=True):
    """A one-time code sent for a matching lookup: stored hashed, valid 10 minutes, single use, 5 tries."""

    __tablename__ = "lookup_challenge"
    id: str = Field(primary_key=True, max_length=32)  # random; what the citizen's session holds
    reference_hash: str = Field(max_length=64, index=True)
    reference_id: str | None = Field(default=None, max_length=13)  # only when the details matched
    code_hash: str = Field(max_length=64)
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    expires_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    tries: int = 0
    used_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class ThrottleEvent(SQLModel, table=True):
    """One counted event of a throttle bucket (per reference id, per client address, per account)."""

    __tablename__ = "throttle_event"
    __table_args__ = (Index("ix_throttle_event_bucket", "bucket", "subject", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    bucket: str = Field(max_length=32)
    subject: str = Field(max_length=64)  # keyed hash, never the raw id or address
    at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class LookupAudit(SQLModel, table=True):
    """Every public lookup and code entry: keyed hash of the reference id, outcome, client address, UTC time.
    Append-only (database triggers refuse UPDATE and DELETE; APPEND_ONLY_TABLES)."""

    __tablename__ = "lookup_audit"
    __table_args__ = ({"listeners": [("after_create", _install_append_only)]},)
    id: int | None = Field(default=None, primary_key=True)
    reference_hash: str = Field(max_length=64, index=True)
    step: str = Field(max_length=16)  # lookup | code
    outcome: str = Field(max_length=32)
    client: str = Field(max_length=64)
    at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class SmsOutbox(SQLModel, table=True):
    """Messages of the default code sender: kept in the database (the demo page shows the latest code)."""

    __tablename__ = "sms_outbox"
    id: int | None = Field(default=None, primary_key=True)
    challenge_id: str = Field(max_length=32, index=True)
    mobile_masked: str = Field(max_length=16)  # XXXXXX1234: the raw number is never stored
    body: str
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class RegistryCorrection(SQLModel, table=True):
    """A beneficiary or vaccination row replaced by a later import: the values it replaced and what replaced them.

    Only the columns that changed, as JSON objects of stored values: a mobile or ID number appears as its keyed
    hash and last four digits, as in the registry itself. Who, when and which file: the import batch.
    """

    __tablename__ = "registry_correction"
    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="import_batch.id", index=True)
    table_name: str = Field(max_length=32)  # beneficiary | vaccination
    reference_id: str = Field(foreign_key="beneficiary.reference_id", index=True, max_length=13)
    dose_number: int | None = None  # for a vaccination row
    old_values: str  # JSON object
    new_values: str  # JSON object


# --- Officer workspace: audit trail and user accounts --------------------------------------------


class AuditEvent(SQLModel, table=True):
    """One thing an officer, a collector or the system did: append-only (database triggers refuse UPDATE and
    DELETE). The subject names what it was about (a batch id, a username, a file name), never a person's data."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_at", "at"),
        {"listeners": [("after_create", _install_append_only)]},
    )
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))  # UTC
    actor: str = Field(max_length=64)  # a username, or "system" / "cli"
    action: str = Field(max_length=32)  # import | correction | undo | stock-entry | user-add | sign-in | …
    subject: str = Field(default="", max_length=200)
    counts: str | None = None  # JSON object, e.g. {"new": 3}
    detail: str = Field(default="", max_length=500)


class UserAccountBase(SQLModel):
    username: str = Field(primary_key=True, min_length=3, max_length=32)  # lower-case [a-z0-9._-]
    display_name: str = Field(max_length=100)
    role: str = Field(max_length=16)  # officer | collector
    district_code: str | None = Field(default=None, foreign_key="district.code", max_length=8)  # collectors only
    active: bool = True
    demo: bool = False  # a documented demo account: refused on any database but the embedded default


class UserAccount(UserAccountBase, table=True):
    """A sign-in for the officer workspace. The password is kept only as an argon2id hash."""

    __tablename__ = "user_account"
    __table_args__ = (
        CheckConstraint("role IN ('officer', 'collector')", name="ck_user_account_role"),
        CheckConstraint(
            "(role = 'officer' AND district_code IS NULL) OR (role = 'collector' AND district_code IS NOT NULL)",
            name="ck_user_account_district",
        ),
        CheckConstraint(
            "username = lower(username) AND length(username) BETWEEN 3 AND 32", name="ck_user_account_username"
        ),
    )
    password_hash: str = Field(max_length=256)
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    password_changed_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class UserPublic(UserAccountBase):
    """What a page may show of an account: everything but the password hash."""

    created_at: datetime
    password_changed_at: datetime


class UserIdentity(SQLModel, table=True):
    """A single sign-on identity (the e-mail address the identity provider vouches for) mapped to a local
    account, whose role and district then apply."""

    __tablename__ = "user_identity"
    email: str = Field(primary_key=True, max_length=254)  # lower-case
    username: str = Field(foreign_key="user_account.username", max_length=32, index=True)


# --- Undoing an import ---------------------------------------------------------------------------


class ImportBatchDay(SQLModel, table=True):
    """A day on which an import inserted or changed rows (daily doses, stock movements, published series).

    Undoing the import reads and deletes its rows day by day, through the fact tables' date-leading keys,
    instead of searching a fact table for its batch id."""

    __tablename__ = "import_batch_day"
    __table_args__ = CLUSTERED
    batch_id: int = Field(foreign_key="import_batch.id", primary_key=True)
    date: Date = Field(primary_key=True)


class CorrectionBatch(SQLModel, table=True):
    """For a correction: the import that had written the value it replaced. Undoing the correcting import
    gives the restored row this batch id back, so that earlier import can be undone in its turn."""

    __tablename__ = "correction_batch"
    correction_id: int = Field(foreign_key="correction.id", primary_key=True)
    previous_batch_id: int = Field(foreign_key="import_batch.id")
