"""The shared path of the fact-table kinds (daily doses, stock movements, published series): plan, write, undo.

Planning merges a valid file's rows on their key with the stored ones: new, changed (with the old value and the
import that wrote it) or unchanged. Writing, in the import's transaction, inserts the new rows, updates the changed
ones, keeps each replaced value as a correction (correction) with the import that had written it
(correction_batch), and records the days it wrote rows on (import_batch_day). Undoing works from that history;
see data.imports.undo for the rules.

A kind adds what is its own by subclassing FactTable and overriding its hooks (the methods above "The shared
path"): daily doses check and create centres, store a centre by id and keep the rollups; stock movements refuse a
file, or an undo, that takes a store below zero.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    MetaData,
    Select,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)

from data.bulk import insert_columns
from data.imports.kind import Plan, Undone, UndoRefused, no_centres
from data.imports.problems import Problem, details
from data.models import Correction, CorrectionBatch, ImportBatch, ImportBatchDay
from data.rollup import CHUNK


@dataclass(frozen=True)
class FactTable:
    """A fact table keyed by date and other columns, holding one value per key, written the shared way."""

    table: Table
    key: tuple[str, ...]
    """The key as in files and corrections."""
    value: str
    stored_key: tuple[str, ...] = ()
    """The key as stored, when it differs from `key` (daily doses store a centre by id)."""

    @property
    def table_key(self) -> tuple[str, ...]:
        """The key as stored: the columns of the table."""
        return self.stored_key or self.key

    # --- Hooks ---------------------------------------------------------------------------------------

    def check(self, typed: pd.DataFrame, conn: Connection) -> tuple[list[Problem], pd.DataFrame]:
        """Problems the database shows before classifying, and the centres the file would create."""
        return [], no_centres()

    def stored_values(self, typed: pd.DataFrame) -> Select:
        """The stored rows the file could touch: its key columns, the value as "old" and its batch as "old_batch"."""
        table = self.table
        return select(
            *(table.c[c] for c in self.key), table.c[self.value].label("old"), table.c.batch_id.label("old_batch")
        )

    def verify(self, typed: pd.DataFrame, new: pd.DataFrame, changed: pd.DataFrame, conn: Connection) -> list[Problem]:
        """Problems of the file as a whole once its rows are classified."""
        return []

    def stored_rows(self, rows: pd.DataFrame, conn: Connection) -> pd.DataFrame:
        """Rows named as in files, with the columns of the stored key added."""
        return rows

    def prepare(self, plan: Plan, conn: Connection) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Before writing: the new and changed rows as stored (and whatever they need written first)."""
        return self.stored_rows(plan.new, conn), self.stored_rows(plan.changed, conn)

    def written(self, plan: Plan, new: pd.DataFrame, changed: pd.DataFrame, conn: Connection) -> None:
        """After writing the rows (the plan's new and changed rows as stored), in the same transaction."""

    def carried_query(self, where: list) -> tuple[Select, list[str]]:
        """How many rows meet `where`, per day: the query and the names of its columns (the count is "rows")."""
        table = self.table
        return select(table.c.date, func.count()).where(*where).group_by(table.c.date), ["date", "rows"]

    def check_undo(self, batch_id: int, days: list[date], corrections: pd.DataFrame, conn: Connection) -> None:
        """Raise UndoRefused when undoing the import would break a rule of the kind."""

    def undone(self, carried: pd.DataFrame, conn: Connection) -> None:
        """After undoing, in the same transaction; `carried` counts the rows the import still held (carried_query)."""

    # --- The shared path -----------------------------------------------------------------------------

    def plan(
        self, typed: pd.DataFrame, conn: Connection, checked: tuple[list[Problem], pd.DataFrame] | None = None
    ) -> Plan:
        """What importing these valid rows would change; `checked`: what self.check returns, when known already."""
        key = list(self.key)
        problems, new_centres = checked if checked is not None else self.check(typed, conn)
        existing = _existing(self, typed, conn)
        if existing.empty:  # a new day: every row is new (no merge to make)
            new, unchanged = typed.reset_index(drop=True), 0
            changed = typed.iloc[:0].assign(old=pd.Series(dtype="int64"), old_batch=pd.Series(dtype="int64"))
        else:
            merged = typed.merge(existing, on=key, how="left")
            is_new = merged["old"].isna()
            is_changed = ~is_new & (merged["old"] != merged[self.value])
            new = merged[is_new].drop(columns=["old", "old_batch"])
            changed = merged[is_changed].astype({"old": "int64", "old_batch": "int64"})
            unchanged = int((~is_new & ~is_changed).sum())
        if not problems:
            problems = self.verify(typed, new, changed, conn)
        return Plan(new, changed, unchanged, problems, new_centres, stored=len(existing))

    def write(self, plan: Plan, batch_id: int, conn: Connection) -> None:
        """Write a plan as import `batch_id`."""
        new, changed = self.prepare(plan, conn)
        _insert_rows(self, new, batch_id, conn)
        _update_rows(self, changed, batch_id, conn)
        _record_corrections(self, changed, batch_id, conn)
        _record_days(pd.concat([new["date"], changed["date"]]).unique(), batch_id, conn)
        self.written(plan, new, changed, conn)

    def undo(self, batch_id: int, written: int, conn: Connection) -> Undone:
        """Give the rows import `batch_id` changed their previous values and delete the rows it added."""
        day_table = ImportBatchDay.__table__
        days = sorted(conn.execute(select(day_table.c.date).where(day_table.c.batch_id == batch_id)).scalars())
        corrections = _corrections(self, batch_id, conn)
        if (written and not days) or corrections["previous_batch_id"].isna().any():
            raise UndoRefused("undo_no_history")
        carried = _carried(self, days, batch_id, conn)
        still = int(carried["rows"].sum()) if len(carried) else 0
        if still != written:
            later = ", ".join(f"#{n}" for n in _later_imports(batch_id, conn)) or "?"
            raise UndoRefused("undo_overwritten", details(written - still, later))
        self.check_undo(batch_id, days, corrections, conn)
        _restore(self, corrections, conn)
        deleted = _delete_new(self, days, batch_id, conn)
        self.undone(carried, conn)
        return Undone(restored=len(corrections), deleted=deleted, days=len(days))


# --- Planning --------------------------------------------------------------------------------------


def _existing(facts: FactTable, typed: pd.DataFrame, conn: Connection) -> pd.DataFrame:
    """Stored values ("old") and the batch that wrote them ("old_batch") of the keys that the file could
    touch, with the key columns of the file."""
    dates = sorted(typed["date"].unique())
    query = facts.stored_values(typed)
    column = facts.table.c.date
    query = query.where(column.in_(dates)) if len(dates) <= 500 else query.where(column.between(dates[0], dates[-1]))
    # Rows as plain tuples (pandas reads SQLAlchemy Rows several times slower). Nullable integers: a left merge
    # would otherwise turn "old" into float64 and round values above 2**53.
    frame = pd.DataFrame(list(map(tuple, conn.execute(query))), columns=[*facts.key, "old", "old_batch"])
    return frame.astype({"old": "Int64", "old_batch": "Int64"})


# --- Writing ---------------------------------------------------------------------------------------


def _db_columns(facts: FactTable) -> list[str]:
    return [*facts.table_key, facts.value]


def _insert_rows(facts: FactTable, new: pd.DataFrame, batch_id: int, conn: Connection) -> None:
    if new.empty:
        return
    data = {c: new[c].tolist() for c in _db_columns(facts)}
    data["batch_id"] = [batch_id] * len(new)
    insert_columns(conn, facts.table, data)


def _update_rows(facts: FactTable, changed: pd.DataFrame, batch_id: int, conn: Connection) -> None:
    if changed.empty:
        return
    rows = {c: changed[c].tolist() for c in facts.table_key}
    _update_from(facts, rows | {"value": changed[facts.value].tolist(), "batch_id": [batch_id] * len(changed)}, conn)


def _changes_table(facts: FactTable) -> Table:
    """A temporary table of new values (and batch ids) for stored rows, by the table's key."""
    table = facts.table
    return Table(
        f"{table.name}_changes",
        MetaData(),
        *(Column(c, table.c[c].type, primary_key=True) for c in facts.table_key),
        Column("value", BigInteger, nullable=False),
        Column("batch_id", Integer, nullable=False),
        prefixes=["TEMPORARY"],
    )


def _update_from(facts: FactTable, rows: dict[str, list], conn: Connection) -> None:
    """Give the stored rows named by `rows` (the table key's columns, "value" and "batch_id", column-wise) those
    values in one UPDATE … FROM a temporary table of them. A statement a row cost ~40 µs a row through SQLAlchemy,
    and on PostgreSQL fired revision 0002's reference check once a row: a day's correction (36,700 changed rows)
    took 3 s on SQLite and 8 s on PostgreSQL."""
    table, changes = facts.table, _changes_table(facts)
    changes.create(conn)
    insert_columns(conn, changes, rows)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"ANALYZE {changes.name}")  # a temporary table has no statistics otherwise
    conn.execute(
        update(table)
        .where(*(table.c[c] == changes.c[c] for c in facts.table_key))
        .values({facts.value: changes.c.value, "batch_id": changes.c.batch_id})
    )
    changes.drop(conn)


def _record_corrections(facts: FactTable, changed: pd.DataFrame, batch_id: int, conn: Connection) -> None:
    """Each replaced value (correction) and the import that had written it (correction_batch), written in bulk;
    the corrections' ids are read back by their keys, unique in one import."""
    if changed.empty:
        return
    natural_keys = natural_key_texts(changed, list(facts.key))
    correction, count = Correction.__table__, len(changed)
    rows = {
        "batch_id": [batch_id] * count,
        "table_name": [facts.table.name] * count,
        "natural_key": natural_keys,
        "old_value": changed["old"].tolist(),
        "new_value": changed[facts.value].tolist(),
    }
    insert_columns(conn, correction, rows)
    query = select(correction.c.natural_key, correction.c.id).where(correction.c.batch_id == batch_id)
    ids = dict(conn.execute(query).all())
    previous = {"correction_id": [ids[k] for k in natural_keys], "previous_batch_id": changed["old_batch"].tolist()}
    insert_columns(conn, CorrectionBatch.__table__, previous)


def natural_key_texts(rows: pd.DataFrame, key: list[str]) -> list[str]:
    """Each row's key as the JSON object a correction keeps, exactly as json.dumps(…, ensure_ascii=False) writes it
    ({"date": "2021-06-21", "centre_code": "RPR-01", …}), each distinct value of a column written once: a day's
    36,700 corrections took 0.8 s one json.dumps a row."""
    parts = []
    for position, column in enumerate(key):
        values = rows[column].tolist()
        texts = {value: json.dumps(_jsonable(value), ensure_ascii=False) for value in dict.fromkeys(values)}
        prefix = ("{" if position == 0 else ", ") + json.dumps(column) + ": "
        parts.append([prefix + texts[value] for value in values])
    return ["".join(row) + "}" for row in zip(*parts, strict=True)]


def _record_days(days, batch_id: int, conn: Connection) -> None:
    """The days the batch inserted or changed rows on (for undoing it without scanning a fact table)."""
    if len(days):
        conn.execute(insert(ImportBatchDay.__table__), [{"batch_id": batch_id, "date": day} for day in sorted(days)])


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else value


# --- Undoing ---------------------------------------------------------------------------------------


def _corrections(facts: FactTable, batch_id: int, conn: Connection) -> pd.DataFrame:
    """The values the import replaced: key columns (as in files: a centre by code), old value, previous batch."""
    correction, previous = Correction.__table__, CorrectionBatch.__table__
    query = (
        select(correction.c.natural_key, correction.c.old_value, previous.c.previous_batch_id)
        .select_from(correction.outerjoin(previous, previous.c.correction_id == correction.c.id))
        .where(correction.c.batch_id == batch_id)
        .order_by(correction.c.id)
    )
    key = list(facts.key)
    rows = []
    for natural_key, old_value, previous_batch_id in conn.execute(query):
        values = json.loads(natural_key)
        values["date"] = date.fromisoformat(values["date"])
        rows.append([*(values[c] for c in key), old_value, previous_batch_id])
    return pd.DataFrame(rows, columns=[*key, "old", "previous_batch_id"])


def _carried(facts: FactTable, days: list[date], batch_id: int, conn: Connection) -> pd.DataFrame:
    """How many rows still carry the batch id, per day (and whatever else the kind's carried_query groups by)."""
    table = facts.table
    frames = []
    for start in range(0, len(days), CHUNK):
        chunk = days[start : start + CHUNK]
        query, columns = facts.carried_query([table.c.date.in_(chunk), table.c.batch_id == batch_id])
        frames.append(pd.DataFrame([tuple(row) for row in conn.execute(query)], columns=columns))
    if not frames:
        return pd.DataFrame(columns=["date", "rows"])
    return pd.concat(frames, ignore_index=True)


def _later_imports(batch_id: int, conn: Connection) -> list[int]:
    """The committed imports that replaced values this import had written."""
    correction, previous, batch = Correction.__table__, CorrectionBatch.__table__, ImportBatch.__table__
    query = (
        select(correction.c.batch_id)
        .select_from(
            correction.join(previous, previous.c.correction_id == correction.c.id).join(
                batch, batch.c.id == correction.c.batch_id
            )
        )
        .where(previous.c.previous_batch_id == batch_id, batch.c.status == "committed")
        .distinct()
        .order_by(correction.c.batch_id)
    )
    return list(conn.execute(query).scalars())


def _restore(facts: FactTable, corrections: pd.DataFrame, conn: Connection) -> None:
    """Give each replaced row its old value and the batch id of the import that had written it."""
    if corrections.empty:
        return
    rows = facts.stored_rows(corrections, conn)
    values = {
        "value": rows["old"].astype("int64").tolist(),
        "batch_id": rows["previous_batch_id"].astype("int64").tolist(),
    }
    _update_from(facts, {c: rows[c].tolist() for c in facts.table_key} | values, conn)


def _delete_new(facts: FactTable, days: list[date], batch_id: int, conn: Connection) -> int:
    """Delete the rows the import inserted (once its changed rows are restored, the only ones left carrying
    its batch id), day by day; returns how many."""
    table = facts.table
    deleted = 0
    for start in range(0, len(days), CHUNK):
        chunk = days[start : start + CHUNK]
        deleted += conn.execute(delete(table).where(table.c.date.in_(chunk), table.c.batch_id == batch_id)).rowcount
    return deleted
