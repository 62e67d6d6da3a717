"""Imports: every file all-or-nothing, idempotent and audited. CLI: python -m data.load (data/load.py).

The certificate registry's files (beneficiaries, vaccinations) are planned and written by data.imports.registry.

A committed import writes, in its own transaction, an `import` row of the audit trail (data.accounts.audit) and a
`correction` row when it replaced values; for daily doses, stock and published series it also keeps what
undoing it needs (data.imports.undo.undo_import): the days it wrote (import_batch_day) and, for each replaced
value, the import that had written it (correction_batch).

A district collector's upload (allowed_districts given) may hold daily doses of their own district only:
every row of another district is a problem, and any other kind of file is refused whole. Stock movements
are the state officer's (the state store issues to the districts; data.access keeps stock entry to officers).
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import json
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, and_, bindparam, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from data import master as reference
from data.accounts import audit
from data.imports import registry
from data.imports.bulk import insert_columns
from data.imports.files import RawTable, detect_kind, header_key, read_table
from data.imports.problems import Problem, details
from data.imports.validate import KEY_COLUMNS, VALUE_COLUMN, contract_kind, validate
from data.models import (
    PSEUDO_STORES,
    Centre,
    Correction,
    CorrectionBatch,
    DailyDose,
    ImportBatch,
    ImportBatchDay,
    ImportLock,
    PublishedValue,
    StockMovement,
)
from data.rollup import refresh_derived_rollups, refresh_district_rollups
from data.settings import MissingSecret
from stats.formatting import indian_number
from stats.labels import CATALOGUE, t

TABLES = {"doses": DailyDose.__table__, "stock": StockMovement.__table__, "series": PublishedValue.__table__}
# In the fact table a centre is stored by id; files and corrections name it by code.
DB_KEY = {"doses": ("date", "centre_id", "age_band", "dose_number", "vaccine")}


@dataclass
class FileReport:
    """What an import did (or, in a dry run, would do) with one file."""

    file: str
    kind: str | None = None
    sha256: str = ""
    status: str = "rejected"  # committed | unchanged | dry-run | rejected | failed
    rows: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: int = 0
    new_centres: list[dict] = field(default_factory=list)
    revoked: int = 0  # certificates revoked because their record was corrected (registry files)
    problems: list[Problem] = field(default_factory=list)
    batch_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("committed", "unchanged", "dry-run")

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "kind": self.kind,
            "sha256": self.sha256,
            "status": self.status,
            "rows": self.rows,
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "new_centres": self.new_centres,
            "revoked_certificates": self.revoked,
            "batch_id": self.batch_id,
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass
class Plan:
    """The classified rows of a valid file: which keys are new, changed (with old value) or unchanged."""

    kind: str
    new: pd.DataFrame
    changed: pd.DataFrame
    unchanged: int
    new_centres: pd.DataFrame
    problems: list[Problem]
    revocations: list[tuple[str, str]] = field(default_factory=list)  # registry files: (certificate id, reason)


def _reject(report: FileReport, problems: list[Problem]) -> FileReport:
    report.status = "rejected"
    report.problems = problems
    report.rejected = len({p.row for p in problems})
    report.new = report.changed = report.unchanged = report.revoked = 0
    return report


def import_bytes(
    content: bytes,
    file_name: str,
    *,
    session: Session,
    dry_run: bool = False,
    user: str = "unknown",
    today: date | None = None,
    allowed_districts: list[str] | None = None,
    audit_action: str = "import",
    new_only: bool = False,
) -> FileReport:
    """Validate a file and, unless dry_run, write it in one transaction (this commits the session).

    allowed_districts: the district codes of a collector's upload (None: any, as for the state officer); see
    the module's docstring. The commit's audit rows name `user` as the actor and `audit_action` as the action.
    new_only: refuse the file (rule already_recorded) if any of its keys is already stored, judged under the
    import lock (a form entering one new record, such as data.imports.stock_entry, never becomes a correction).
    """
    report = FileReport(file=file_name, sha256=hashlib.sha256(content).hexdigest())
    table, problems = read_table(content, file_name)
    if table is None:
        return _reject(report, problems)
    kind, problems = detect_kind(table)
    if kind is None:
        return _reject(report, problems)
    report.kind = kind
    report.rows = len(table.frame)
    if allowed_districts is not None and kind != "doses":
        return _reject(report, [Problem(None, None, kind, "kind_not_allowed")])
    try:
        typed, problems = validate(table, kind, today)
    except MissingSecret as error:  # registry files: mobile and ID numbers cannot be hashed
        report.status, report.problems = "failed", [Problem(None, None, None, "missing_secret", str(error))]
        return report
    if allowed_districts is not None:
        problems = _in_file_order(problems + _district_problems(table, allowed_districts), table)
    if problems:
        return _reject(report, problems)
    stored_kind = contract_kind(kind)
    try:
        if not dry_run:
            take_import_lock(session.connection())
        plan = _plan(stored_kind, typed, session.connection())
        if plan.problems:
            session.rollback()
            return _reject(report, plan.problems)
        if new_only and (len(plan.changed) or plan.unchanged):  # judged under the import lock: no race
            session.rollback()
            return _reject(report, [Problem(None, None, None, "already_recorded", "")])
        report.new, report.changed, report.unchanged = len(plan.new), len(plan.changed), plan.unchanged
        report.revoked = len(plan.revocations)
        report.new_centres = [
            {"code": r.centre_code, "name": r.centre_name, "district": r.district_code}
            for r in plan.new_centres.itertuples()
        ]
        if dry_run:
            report.status = "dry-run"
            session.rollback()
            return report
        if report.new == 0 and report.changed == 0:
            report.status = "unchanged"
            session.rollback()
            return report
        report.batch_id = _write(plan, report, user, session.connection())
        _audit(report, audit_action, user, session)
        session.commit()
        report.status = "committed"
    except SQLAlchemyError as error:
        session.rollback()
        report.status = "failed"
        report.batch_id = None
        report.problems = [Problem(None, None, None, "database", type(error.orig or error).__name__)]
    return report


def _district_problems(table: RawTable, allowed: list[str]) -> list[Problem]:
    """Every row of a daily-doses file whose district is known but not one of the allowed districts."""
    lookup, names = reference.districts(), reference.district_names()
    allowed_names = [names.get(code, (code, code)) for code in allowed]
    detail = details(", ".join(n[0] for n in allowed_names), ", ".join(n[1] for n in allowed_names))
    frame = table.frame
    problems = []
    for line, text in zip(frame["_row"], frame["district"], strict=True):
        code = lookup.resolve(text)
        if code is not None and code not in allowed:
            problems.append(Problem(int(line), "district", text, "district_not_allowed", detail))
    return problems


def _in_file_order(problems: list[Problem], table: RawTable) -> list[Problem]:
    order = {header_key(c): i for i, c in enumerate(table.columns)}
    return sorted(problems, key=lambda p: (p.row or 0, order.get(header_key(p.column or ""), 999)))


def _audit(report: FileReport, action: str, user: str, session: Session) -> None:
    """The committed import's audit rows, in its transaction: the import, and its corrections if any."""
    subject = f"import #{report.batch_id} {Path(report.file).name}"
    detail = f"{report.kind} sha256 {report.sha256[:8]}"
    counts = {"new": report.new, "changed": report.changed, "unchanged": report.unchanged}
    audit.record(action, session=session, actor=user, subject=subject, counts=counts, detail=detail)
    if report.changed:
        audit.record("correction", session=session, actor=user, subject=subject, counts={"changed": report.changed})


def import_path(path: str | Path, **kwargs) -> FileReport:
    """Import a file from disk; see import_bytes."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except OSError as error:
        return _reject(FileReport(file=str(path)), [Problem(None, None, str(path), "unreadable", error.strerror)])
    report = import_bytes(content, path.name, **kwargs)
    report.file = str(path)
    return report


def take_import_lock(conn: Connection) -> None:
    """Serialise committing imports on both SQLite and PostgreSQL by updating one shared row first."""
    lock = ImportLock.__table__
    if conn.execute(update(lock).where(lock.c.id == 1).values(imports=lock.c.imports + 1)).rowcount == 0:
        conn.execute(insert(lock).values(id=1, imports=1))


# --- Planning ----------------------------------------------------------------------------------


def _existing(kind: str, typed: pd.DataFrame, conn: Connection) -> pd.DataFrame:
    """Stored values ("old") and the batch that wrote them ("old_batch") of the keys that the file could
    touch, with the key columns of the file."""
    key = list(KEY_COLUMNS[kind])
    table = TABLES[kind]
    dates = sorted(typed["date"].unique())
    if kind == "doses":
        centre = Centre.__table__
        query = (
            select(
                table.c.date,
                centre.c.code.label("centre_code"),
                table.c.age_band,
                table.c.dose_number,
                table.c.vaccine,
                table.c.doses.label("old"),
                table.c.batch_id.label("old_batch"),
            )
            .select_from(table.join(centre, centre.c.id == table.c.centre_id))
            .where(centre.c.code.in_(sorted(typed["centre_code"].unique())))
        )
    else:
        query = select(
            *(table.c[c] for c in key), table.c[VALUE_COLUMN[kind]].label("old"), table.c.batch_id.label("old_batch")
        )
    if len(dates) <= 500:
        query = query.where(table.c.date.in_(dates))
    else:
        query = query.where(table.c.date.between(dates[0], dates[-1]))
    # Nullable integers: a left merge would otherwise turn "old" into float64 and round values above 2**53.
    frame = pd.DataFrame(conn.execute(query).all(), columns=[*key, "old", "old_batch"])
    return frame.astype({"old": "Int64", "old_batch": "Int64"})


def _plan(kind: str, typed: pd.DataFrame, conn: Connection) -> Plan | registry.RegistryPlan:
    if kind in registry.KINDS:
        return registry.plan(kind, typed, conn)
    key = list(KEY_COLUMNS[kind])
    value = VALUE_COLUMN[kind]
    problems: list[Problem] = []
    new_centres = pd.DataFrame(columns=["centre_code", "centre_name", "district_code"])
    if kind == "doses":
        problems, new_centres = _check_centres(typed, conn)
    existing = _existing(kind, typed, conn)
    merged = typed.merge(existing, on=key, how="left")
    is_new = merged["old"].isna()
    is_changed = ~is_new & (merged["old"] != merged[value])
    new = merged[is_new].drop(columns=["old", "old_batch"])
    changed = merged[is_changed].astype({"old": "int64", "old_batch": "int64"})
    unchanged = int((~is_new & ~is_changed).sum())
    if kind == "stock" and not problems:
        problems = _stock_problems(typed, new, changed, conn)
    return Plan(kind, new, changed, unchanged, new_centres, problems)


def _check_centres(typed: pd.DataFrame, conn: Connection) -> tuple[list[Problem], pd.DataFrame]:
    """Centres already known under another district are errors; unknown ones will be created."""
    centre = Centre.__table__
    codes = sorted(typed["centre_code"].unique())
    known = dict(conn.execute(select(centre.c.code, centre.c.district_code).where(centre.c.code.in_(codes))).all())
    problems = []
    first_rows = typed.drop_duplicates("centre_code")
    for line, code, district in zip(
        first_rows["_row"], first_rows["centre_code"], first_rows["district_code"], strict=True
    ):
        stored = known.get(code)
        if stored is not None and stored != district:
            problems.append(Problem(int(line), "centre_code", code, "centre_district", stored))
    new = first_rows[~first_rows["centre_code"].isin(list(known))]
    return problems, new[["centre_code", "centre_name", "district_code"]].reset_index(drop=True)


def _stock_problems(typed: pd.DataFrame, new: pd.DataFrame, changed: pd.DataFrame, conn: Connection) -> list[Problem]:
    """A file may not take any store below zero on any day (movements in minus out, day by day)."""
    key = list(KEY_COLUMNS["stock"])
    stored = stored_movements(conn, typed["vaccine"].unique())
    after = pd.concat([stored, new[[*key, "quantity"]]], ignore_index=True)
    if not changed.empty:
        after = after.merge(changed[[*key, "quantity"]], on=key, how="left", suffixes=("", "_new"))
        after["quantity"] = after["quantity_new"].fillna(after["quantity"]).astype("int64")
        after = after.drop(columns="quantity_new")
    problems = []
    for first in first_worse_balances(stored, after).itertuples(index=False):
        store, vaccine = first.store, first.vaccine
        rows = typed[(typed["vaccine"] == vaccine) & (typed["date"] <= first.date)]
        culprits = rows[rows["from_store"] == store]
        if culprits.empty:
            culprits = rows[rows["to_store"] == store]
        culprit = culprits.sort_values(["date", "_row"]).iloc[-1]
        detail = details(store, vaccine, first.date, int(first.balance))
        problems.append(Problem(int(culprit["_row"]), "quantity", str(culprit["quantity"]), "stock_below_zero", detail))
    return problems


def stored_movements(conn: Connection, vaccines) -> pd.DataFrame:
    """Every stored stock movement of these vaccines: the key columns and quantity."""
    table = StockMovement.__table__
    key = list(KEY_COLUMNS["stock"])
    query = select(*(table.c[c] for c in key), table.c.quantity).where(table.c.vaccine.in_(sorted(set(vaccines))))
    # An empty result would otherwise be object dtype (cumsum fails).
    return pd.DataFrame(conn.execute(query).all(), columns=[*key, "quantity"]).astype({"quantity": "int64"})


def first_worse_balances(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """For each store and vaccine, the first day on which the movements `after` leave the store below zero
    where the movements `before` did not leave it as low (store, vaccine, date, balance; sorted by store, vaccine).

    A store that was already below zero may stay so (a file may correct it only partly), but not go lower."""
    before_balance = _daily_balances(before)
    after_balance = _daily_balances(after)
    merged = after_balance.merge(before_balance, on=["store", "vaccine", "date"], how="left", suffixes=("", "_before"))
    worse = merged[(merged["balance"] < 0) & ~(merged["balance"] >= merged["balance_before"].fillna(0))]
    first = worse.sort_values(["store", "vaccine", "date"]).drop_duplicates(["store", "vaccine"])
    return first[["store", "vaccine", "date", "balance"]].reset_index(drop=True)


def _daily_balances(movements: pd.DataFrame) -> pd.DataFrame:
    """End-of-day balance of every real store (STATE and districts) and vaccine on each day it moved."""
    inflow = movements.rename(columns={"to_store": "store"})[["store", "vaccine", "date", "quantity"]]
    outflow = movements.rename(columns={"from_store": "store"})[["store", "vaccine", "date", "quantity"]]
    outflow = outflow.assign(quantity=-outflow["quantity"])
    ledger = pd.concat([inflow, outflow], ignore_index=True)
    ledger = ledger[~ledger["store"].isin(PSEUDO_STORES)]
    daily = ledger.groupby(["store", "vaccine", "date"], as_index=False)["quantity"].sum().sort_values("date")
    daily["balance"] = daily.groupby(["store", "vaccine"])["quantity"].cumsum()
    return daily[["store", "vaccine", "date", "balance"]]


# --- Writing -----------------------------------------------------------------------------------


def _write(plan: Plan | registry.RegistryPlan, report: FileReport, user: str, conn: Connection) -> int:
    batch = ImportBatch.__table__
    batch_id = conn.execute(
        insert(batch)
        .values(
            kind=report.kind,
            file_name=Path(report.file).name,
            sha256=report.sha256,
            imported_by=user,
            imported_at=datetime.now(UTC),
            rows_new=report.new,
            rows_changed=report.changed,
            rows_unchanged=report.unchanged,
            status="committed",
        )
        .returning(batch.c.id)
    ).scalar_one()
    if plan.kind in registry.KINDS:
        registry.write(plan, batch_id, conn)
        return batch_id
    new, changed = plan.new, plan.changed
    if plan.kind == "doses":
        _insert_centres(plan.new_centres, conn)
        ids = _centre_ids(pd.concat([new["centre_code"], changed["centre_code"]]).unique(), conn)
        new = new.assign(centre_id=new["centre_code"].map(ids))
        changed = changed.assign(centre_id=changed["centre_code"].map(ids))
    _insert_rows(plan.kind, new, batch_id, conn)
    _update_rows(plan.kind, changed, batch_id, conn)
    _record_corrections(plan.kind, changed, batch_id, conn)
    _record_days(pd.concat([new["date"], changed["date"]]).unique(), batch_id, conn)
    if plan.kind == "doses":
        touched = pd.concat([new[["date", "district_code"]], changed[["date", "district_code"]]])
        for day, districts in touched.groupby("date")["district_code"]:
            refresh_district_rollups(conn, [day], districts.unique())
        # Once for the whole file: a month's total is summed again for each month the file touched.
        refresh_derived_rollups(conn, touched["date"].unique(), touched["district_code"].unique())
    return batch_id


def _insert_centres(centres: pd.DataFrame, conn: Connection) -> None:
    if centres.empty:
        return
    rows = [
        {"code": r.centre_code, "name": r.centre_name, "district_code": r.district_code, "active": True}
        for r in centres.itertuples()
    ]
    conn.execute(insert(Centre.__table__), rows)


def _centre_ids(codes, conn: Connection) -> dict[str, int]:
    centre = Centre.__table__
    ids: dict[str, int] = {}
    codes = list(codes)
    for start in range(0, len(codes), 1000):
        chunk = codes[start : start + 1000]
        ids.update(conn.execute(select(centre.c.code, centre.c.id).where(centre.c.code.in_(chunk))).all())
    return ids


def _db_columns(kind: str) -> list[str]:
    return list(DB_KEY.get(kind, KEY_COLUMNS[kind])) + [VALUE_COLUMN[kind]]


def _records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    return frame[columns].to_dict("records")


def _insert_rows(kind: str, new: pd.DataFrame, batch_id: int, conn: Connection) -> None:
    if new.empty:
        return
    data = {c: new[c].tolist() for c in _db_columns(kind)}
    data["batch_id"] = [batch_id] * len(new)
    insert_columns(conn, TABLES[kind], data)


def _update_rows(kind: str, changed: pd.DataFrame, batch_id: int, conn: Connection) -> None:
    if changed.empty:
        return
    table = TABLES[kind]
    key = list(DB_KEY.get(kind, KEY_COLUMNS[kind]))
    value = VALUE_COLUMN[kind]
    statement = (
        update(table)
        .where(and_(*(table.c[c] == bindparam(f"k_{c}") for c in key)))
        .values({value: bindparam("v_value"), "batch_id": batch_id})
    )
    rows = [
        {**{f"k_{c}": record[c] for c in key}, "v_value": record[value]} for record in _records(changed, [*key, value])
    ]
    conn.execute(statement, rows)


def _record_corrections(kind: str, changed: pd.DataFrame, batch_id: int, conn: Connection) -> None:
    if changed.empty:
        return
    key = list(KEY_COLUMNS[kind])
    value = VALUE_COLUMN[kind]
    records = _records(changed, [*key, value, "old", "old_batch"])
    rows = [
        {
            "batch_id": batch_id,
            "table_name": TABLES[kind].name,
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


# --- Command line ------------------------------------------------------------------------------


def _title(kind: str | None, lang: str) -> str:
    key = f"kinds.{kind}"
    return t(key if key in CATALOGUE else "kinds.unknown", lang)


def describe(report: FileReport, limit: int = 50, lang: str = "en") -> str:
    """A short human summary of one file's import."""
    status = t(f"imports.status_{report.status.replace('-', '_')}", lang, batch=report.batch_id)
    counts = (report.rows, report.new, report.changed, report.unchanged, report.rejected)
    rows, new, changed, unchanged, rejected = (indian_number(n, lang) for n in counts)
    lines = [
        t("imports.summary", lang, file=report.file, title=_title(report.kind, lang), status=status),
        "  " + t("imports.counts", lang, rows=rows, new=new, changed=changed, unchanged=unchanged, rejected=rejected),
    ]
    if report.new_centres:
        names = ", ".join(
            t("imports.new_centre", lang, code=c["code"], name=c["name"], district=c["district"])
            for c in report.new_centres[:10]
        )
        more = (
            t("imports.more_centres", lang, count=len(report.new_centres) - 10) if len(report.new_centres) > 10 else ""
        )
        lines.append("  " + t("imports.new_centres", lang, count=len(report.new_centres), names=names, more=more))
    if report.revoked:
        key = "imports.revoked" if report.status == "committed" else "imports.to_revoke"
        lines.append("  " + t(key, lang, count=indian_number(report.revoked, lang)))
    for problem in report.problems[:limit]:
        where = ", ".join(
            part
            for part in (
                t("imports.at_row", lang, row=problem.row) if problem.row else "",
                t("imports.at_column", lang, column=problem.column) if problem.column else "",
                t("imports.at_value", lang, value=problem.value) if problem.value is not None else "",
            )
            if part
        )
        where = where or t("imports.at_file", lang)
        message = problem.message(lang)
        lines.append("  " + t("imports.problem", lang, where=where, rule=problem.rule, message=message))
    if len(report.problems) > limit:
        lines.append("  " + t("imports.more_problems", lang, count=len(report.problems) - limit))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m data.load",
        description=t("imports.cli_description"),
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--dry-run", action="store_true", help=t("imports.cli_dry_run"))
    parser.add_argument("--json", action="store_true", help=t("imports.cli_json"))
    parser.add_argument("--user", default=None, help=t("imports.cli_user"))
    args = parser.parse_args(argv)

    from data.db import create_schema, make_engine

    engine = make_engine()
    try:
        create_schema(engine)
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        print(t("imports.cli_no_database", error=type(cause).__name__, cause=cause), file=sys.stderr)
        return 2
    user = args.user or getpass.getuser()
    reports = []
    for path in args.files:
        with Session(engine) as session:
            reports.append(import_path(path, session=session, dry_run=args.dry_run, user=user))
    engine.dispose()
    if args.json:
        json.dump({"files": [r.to_dict() for r in reports]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(describe(r) for r in reports))
    return 0 if all(r.ok for r in reports) else 1
