"""On SQLite, daily_dose becomes a WITHOUT ROWID table, stored in its primary key's order like the rollups.

As a rowid table it was two B-trees: the rows (0.63 GB at the state year, 1.5 crore rows) and a separate index of
its primary key (date, centre_id, age_band, dose_number, vaccine; 0.67 GB). WITHOUT ROWID it is one: the whole
database goes from 1.33 GB to 0.67 GB, one day's import (41,600 rows) writes one B-tree instead of two (~250 → ~200
ms of CPU for the inserts), and the rollups read a day's rows as one clustered range. SQLite cannot change this in
place: the table is copied in its key's order. On a copy of the state-year database `python -m data.db upgrade` took
59 s; the pages in use went from 1.33 GB to 0.67 GB, but the file grew to 1.97 GB (the copy is written before the old
table is dropped), 1.30 GB of it free pages that `VACUUM` gives back (7 s, leaving 0.59 GB; README, "Schema
migrations"). An empty table (a new database) is copied in milliseconds. A database whose daily_dose is already
WITHOUT ROWID (made by create_all of later models) is left as it is.

PostgreSQL has no clustered tables (the option is SQLite's; PostgreSQL ignores it): nothing changes there.

Frozen: the table's definition is written out here, not read from the models, which follow head.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLE = "daily_dose"
COPY = "daily_dose_new"
COLUMNS = "date, centre_id, age_band, dose_number, vaccine, doses, batch_id"
KEY = "date, centre_id, age_band, dose_number, vaccine"
DEFINITION = """(
\tdate DATE NOT NULL,
\tcentre_id INTEGER NOT NULL,
\tage_band VARCHAR(8) NOT NULL,
\tdose_number INTEGER NOT NULL,
\tvaccine VARCHAR(16) NOT NULL,
\tdoses BIGINT NOT NULL,
\tbatch_id INTEGER NOT NULL,
\tPRIMARY KEY (date, centre_id, age_band, dose_number, vaccine),
\tCONSTRAINT ck_daily_dose_doses CHECK (doses >= 0),
\tFOREIGN KEY(centre_id) REFERENCES centre (id),
\tFOREIGN KEY(age_band) REFERENCES age_band (code),
\tFOREIGN KEY(dose_number) REFERENCES dose_number (number),
\tFOREIGN KEY(vaccine) REFERENCES vaccine (code),
\tFOREIGN KEY(batch_id) REFERENCES import_batch (id)
)"""
"""daily_dose's columns, primary key, check and five foreign keys, as create_all writes them for SQLite."""


def without_rowid(bind: sa.Connection, table: str = TABLE) -> bool:
    """Whether SQLite stores the table WITHOUT ROWID (its CREATE TABLE ends with the option)."""
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).scalar()
    return bool(re.search(r"\bWITHOUT\s+ROWID\b[^)]*$", sql or "", re.IGNORECASE))


def rebuild(bind: sa.Connection, clustered: bool) -> None:
    """Copy daily_dose into a new table stored WITHOUT ROWID (clustered) or with a rowid, in its key's order, and
    put the copy in its place, with whatever index, trigger or view referred to it (none in Teeka's schema).
    Run with foreign keys off (data.migrations.upgrade), as SQLite's own procedure for a changed table says: the
    copy is not checked row by row, and the upgrade checks every reference before it commits."""
    dependents = bind.exec_driver_sql(  # indexes first, then views, then triggers (which may use a view)
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'view', 'trigger') AND sql IS NOT NULL "
        "AND (tbl_name = ? OR sql LIKE ?) ORDER BY CASE type WHEN 'index' THEN 0 WHEN 'view' THEN 1 ELSE 2 END, name",
        (TABLE, f"%{TABLE}%"),
    ).all()
    for kind, name, _ in reversed(dependents):
        bind.exec_driver_sql(f'DROP {kind.upper()} IF EXISTS "{name}"')
    option = " WITHOUT ROWID" if clustered else ""
    bind.exec_driver_sql(f"CREATE TABLE {COPY} {DEFINITION}{option}")
    bind.exec_driver_sql(f"INSERT INTO {COPY} ({COLUMNS}) SELECT {COLUMNS} FROM {TABLE} ORDER BY {KEY}")
    bind.exec_driver_sql(f"DROP TABLE {TABLE}")
    bind.exec_driver_sql(f"ALTER TABLE {COPY} RENAME TO {TABLE}")
    for _, _, sql in dependents:
        bind.exec_driver_sql(sql)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and not without_rowid(bind):
        rebuild(bind, clustered=True)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and without_rowid(bind):
        rebuild(bind, clustered=False)
