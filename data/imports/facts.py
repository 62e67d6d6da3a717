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
from sqlalchemy import Connection, Select, Table, and_, bindparam, delete, func, insert, select, update

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
    table = facts.table
    key = list(facts.table_key)
    value = facts.value
    statement = (
        update(table)
        .where(and_(*(table.c[c] == bindparam(f"k_{c}") for c in key)))
        .values({value: bindparam("v_value"), "batch_id": batch_id})
    )
    records = changed[[*key, value]].to_dict("records")
    conn.execute(statement, [{**{f"k_{c}": record[c] for c in key}, "v_value": record[value]} for record in records])


def _record_corrections(facts: FactTable, changed: pd.DataFrame, batch_id: int, conn: Connection) -> None:
    if changed.empty:
        return
    key = list(facts.key)
    value = facts.value
    records = changed[[*key, value, "old", "old_batch"]].to_dict("records")
    rows = [
        {
            "batch_id": batch_id,
            "table_name": facts.table.name,
            "natural_key": json.dumps({c: _jsonable(record[c]) for c in key}, ensure_ascii=False),
            "old_value": int(record["old"]),
            "new_value": int(record[value]),
        }
        for record in records
    ]
    correction = Correction.__table__
    ids = conn.execute(insert(correction).returning(correction.c.id, sort_by_parameter_order=True), rows).scalars()
    previous = [
        {"correction_id": id_, "previous_batch_id": int(record["old_batch"])}
        for id_, record in zip(ids.all(), records, strict=True)
    ]
    conn.execute(insert(CorrectionBatch.__table__), previous)


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
    table = facts.table
    key = list(facts.table_key)
    rows = facts.stored_rows(corrections, conn)
    statement = (
        update(table)
        .where(and_(*(table.c[c] == bindparam(f"k_{c}") for c in key)))
        .values({facts.value: bindparam("v_value"), "batch_id": bindparam("v_batch")})
    )
    parameters = [
        {
            **{f"k_{c}": record[c] for c in key},
            "v_value": int(record["old"]),
            "v_batch": int(record["previous_batch_id"]),
        }
        for record in rows[[*key, "old", "previous_batch_id"]].to_dict("records")
    ]
    conn.execute(statement, parameters)


def _delete_new(facts: FactTable, days: list[date], batch_id: int, conn: Connection) -> int:
    """Delete the rows the import inserted (once its changed rows are restored, the only ones left carrying
    its batch id), day by day; returns how many."""
    table = facts.table
    deleted = 0
    for start in range(0, len(days), CHUNK):
        chunk = days[start : start + CHUNK]
        deleted += conn.execute(delete(table).where(table.c.date.in_(chunk), table.c.batch_id == batch_id)).rowcount
    return deleted
