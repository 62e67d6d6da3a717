"""Imports: every file all-or-nothing, idempotent and audited. CLI: python -m data.load (data/load.py).

A file's kind (data.imports.kinds) checks, plans and writes it; this module walks the steps every kind shares.

A committed import writes, in its own transaction, an `import` row of the audit trail (data.accounts.audit) and a
`correction` row when it replaced values; for daily doses, stock and published series it also keeps what
undoing it needs (data.imports.undo.undo_import): the days it wrote (import_batch_day) and, for each replaced
value, the import that had written it (correction_batch).

A district collector's upload (allowed_districts given) may hold only the kinds a collector may upload (daily
doses), narrowed to their own district: every row of another district is a problem, and any other kind of file is
refused whole. Stock movements are the state officer's (the state store issues to the districts; data.access
keeps stock entry to officers). A collector's file naming a centre registered under another district is refused
whole too (centre_not_allowed).

A daily-doses file that names a known centre otherwise renames it (data.imports.kinds.doses): the report lists
each rename (renamed_centres) and the commit adds a "centre-rename" audit row with the old and new names (clipped
to the audit's 500 characters; the report has them all). One `python -m data.load` call reads all its files,
then imports them in the order of kinds.LOAD_ORDER (in_load_order), whatever order they were given in.

One pass: a file whose cells break rules is not planned, but its kind's database_checks still give its rows the
problems only the database shows (_with_database_checks), so the first report lists everything a row-by-row
check can find. A dry run's report also lists the first LISTED_ROWS changed rows (old and new value) and new rows.
"""

from __future__ import annotations

import argparse
import gc
import getpass
import hashlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, insert, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from data import master as reference
from data.accounts import audit
from data.imports import kinds
from data.imports.cells import in_file_order
from data.imports.files import RawTable, read_table
from data.imports.kind import FileKind, Plan
from data.imports.problems import DETAIL_SEPARATOR, Problem, details, rows_with_problems
from data.models import ImportBatch, ImportLock
from data.settings import MissingSecret
from stats.formatting import indian_number, today_in_india
from stats.labels import t


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
    renamed_centres: list[dict] = field(default_factory=list)  # known centres the file names otherwise
    revoked: int = 0  # certificates revoked because their record was corrected (registry files)
    problems: list[Problem] = field(default_factory=list)
    batch_id: int | None = None
    changed_rows: list[dict] = field(default_factory=list)  # the first LISTED_ROWS: row, key columns, old, new
    new_rows: list[dict] = field(default_factory=list)  # the first LISTED_ROWS: row, key columns, new

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
            "renamed_centres": self.renamed_centres,
            "revoked_certificates": self.revoked,
            "batch_id": self.batch_id,
            "changed_rows": [_jsonable(row) for row in self.changed_rows],
            "new_rows": [_jsonable(row) for row in self.new_rows],
            "problems": [p.to_dict() for p in self.problems],
        }


LISTED_ROWS = 100
"""At most this many changed and new rows are listed in a report (its counts say how many there are)."""
UNLISTED_COLUMNS = ("_row", "old", "old_batch", "centre_id")


def listed_rows(kind: FileKind, rows: pd.DataFrame) -> list[dict]:
    """The first LISTED_ROWS rows of a plan's changed or new rows, in file order, as {"row": line, <key columns as
    in the file>..., "old": value stored (changed rows), "new": value in the file}. Only the kinds of one value per
    key (daily doses, stock, published series) list rows; the registry's corrections are counted, not listed
    (their values include hashed identifiers)."""
    if len(kind.values) != 1 or rows.empty or "_row" not in rows.columns:
        return []
    value = kind.values[0]
    first = rows.sort_values("_row").head(LISTED_ROWS)
    keys = [c for c in first.columns if c not in UNLISTED_COLUMNS and c != value]
    listed = []
    for record in first.to_dict("records"):
        item = {"row": int(record["_row"])} | {c: _plain(record[c]) for c in keys}
        if "old" in record:
            item["old"] = int(record["old"])
        item["new"] = int(record[value])
        listed.append(item)
    return listed


def _jsonable(row: dict) -> dict:
    """A listed row with its date written as YYYY-MM-DD (for --json)."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def _plain(value: object) -> object:
    """A numpy scalar as the Python value (a report is plain data)."""
    return value.item() if hasattr(value, "item") else value


def _reject(report: FileReport, problems: list[Problem]) -> FileReport:
    report.status = "rejected"
    report.problems = problems
    report.rejected = rows_with_problems(problems)
    report.new = report.changed = report.unchanged = report.revoked = 0
    return report


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block, back on after (unless it was off already).

    Reading and checking a day's file makes some 10^5 short-lived lists and tuples (CSV records, rows); each of
    the collector's runs they set off walks every live object of the process, which cost 0.09 s of a 0.57 s import
    of 41,600 rows. Cycles made meanwhile are collected on its next run.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


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
    report, table, kind = read_file(content, file_name)
    if table is None or kind is None:
        return report
    return _import(
        report,
        table,
        kind,
        session=session,
        dry_run=dry_run,
        user=user,
        today=today,
        allowed_districts=allowed_districts,
        audit_action=audit_action,
        new_only=new_only,
    )


@collector_paused()
def read_file(content: bytes, file_name: str) -> tuple[FileReport, RawTable | None, FileKind | None]:
    """A file's report so far (its hash, kind and rows), its cells and its kind; without cells or kind, the report
    is rejected with the problems of reading it or of recognising its kind."""
    report = FileReport(file=file_name, sha256=hashlib.sha256(content).hexdigest())
    table, problems = read_table(content, file_name)
    if table is None:
        return _reject(report, problems), None, None
    kind, problems = kinds.detect(table)
    if kind is None:
        return _reject(report, problems), table, None
    report.kind = kind.code
    report.rows = len(table.frame)
    return report, table, kind


@collector_paused()
def _import(
    report: FileReport,
    table: RawTable,
    kind: FileKind,
    *,
    session: Session,
    dry_run: bool,
    user: str,
    today: date | None,
    allowed_districts: list[str] | None,
    audit_action: str,
    new_only: bool,
) -> FileReport:
    """import_bytes once the file is read and its kind known."""
    if allowed_districts is not None and kind.collector_column is None:
        return _reject(report, [Problem(None, None, kind.code, "kind_not_allowed")])
    try:
        typed, problems = _validate(kind, table, today)
    except MissingSecret as error:  # registry files: mobile and ID numbers cannot be hashed
        report.status, report.problems = "failed", [Problem(None, None, None, "missing_secret", str(error))]
        return report
    if allowed_districts is not None:
        narrowed = _district_problems(table, kind.collector_column, allowed_districts)
        problems = in_file_order(problems + narrowed, table)
    if problems:
        return _reject(report, _with_database_checks(kind, table, today, problems, allowed_districts, session))
    try:
        if not dry_run:
            take_import_lock(session.connection())
        plan = kind.plan(typed, session.connection())
        if plan.problems:
            session.rollback()
            if allowed_districts is not None:
                return _reject(report, _centres_not_allowed(plan.problems, allowed_districts))
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
        report.renamed_centres = list(plan.renamed_centres)
        report.changed_rows, report.new_rows = listed_rows(kind, plan.changed), listed_rows(kind, plan.new)
        if dry_run:
            report.status = "dry-run"
            session.rollback()
            return report
        if report.new == 0 and report.changed == 0 and not report.renamed_centres:
            report.status = "unchanged"
            session.rollback()
            return report
        report.batch_id = _write(kind, plan, report, user, session.connection())
        _audit(report, audit_action, user, session)
        session.commit()
        report.status = "committed"
    except SQLAlchemyError as error:
        session.rollback()
        report.status = "failed"
        report.batch_id = None
        report.problems = [Problem(None, None, None, "database", type(error.orig or error).__name__)]
    return report


def _with_database_checks(
    kind: FileKind,
    table: RawTable,
    today: date | None,
    problems: list[Problem],
    allowed_districts: list[str] | None,
    session: Session,
) -> list[Problem]:
    """A rejected file's problems and those the database shows about its rows (kind.database_checks), in file
    order: one pass lists both."""
    if kind.database_checks is None or table.frame.empty:
        return problems
    try:
        found = kind.database_checks(table, today or today_in_india(), session.connection())
    except SQLAlchemyError:  # the cells' problems are worth showing without the database's
        found = []
    finally:
        session.rollback()
    if allowed_districts is not None:
        found = _centres_not_allowed(found, allowed_districts)
    return in_file_order(problems + found, table)


def _validate(kind: FileKind, table: RawTable, today: date | None) -> tuple[pd.DataFrame, list[Problem]]:
    """The typed rows of a file of the kind, and every problem found (empty when all are good)."""
    if table.frame.empty:
        return table.frame, [Problem(1, None, None, "no_rows")]
    return kind.validate(table, today or today_in_india())


def _district_problems(table: RawTable, column: str, allowed: list[str]) -> list[Problem]:
    """Every row whose district (in `column`) is known but not one of the allowed districts."""
    lookup, names = reference.districts(), reference.district_names()
    allowed_names = [names.get(code, (code, code)) for code in allowed]
    detail = details(", ".join(n[0] for n in allowed_names), ", ".join(n[1] for n in allowed_names))
    frame = table.frame
    problems = []
    for line, text in zip(frame["_row"], frame[column], strict=True):
        code = lookup.resolve(text)
        if code is not None and code not in allowed:
            problems.append(Problem(int(line), column, text, "district_not_allowed", detail))
    return problems


def _centres_not_allowed(problems: list[Problem], allowed: list[str]) -> list[Problem]:
    """A collector's problems, where a centre known under a district not theirs is said to be not theirs."""
    names = reference.district_names()
    allowed_names = [names.get(code, (code, code)) for code in allowed]
    allowed_en, allowed_hi = (", ".join(n[i] for n in allowed_names) for i in (0, 1))
    return [
        Problem(
            p.row,
            p.column,
            p.value,
            "centre_not_allowed",
            details(*p.detail.split(DETAIL_SEPARATOR)[1:3], allowed_en, allowed_hi),
        )
        if p.rule == "centre_district" and p.detail.split(DETAIL_SEPARATOR)[0] not in allowed
        else p
        for p in problems
    ]


def _audit(report: FileReport, action: str, user: str, session: Session) -> None:
    """The committed import's audit rows, in its transaction: the import, and its corrections if any."""
    subject = f"import #{report.batch_id} {Path(report.file).name}"
    detail = f"{report.kind} sha256 {report.sha256[:8]}"
    counts = {"new": report.new, "changed": report.changed, "unchanged": report.unchanged}
    audit.record(action, session=session, actor=user, subject=subject, counts=counts, detail=detail)
    if report.changed:
        audit.record("correction", session=session, actor=user, subject=subject, counts={"changed": report.changed})
    if report.renamed_centres:
        renames = "; ".join(f"{r['code']}: {r['old_name']} -> {r['name']}" for r in report.renamed_centres)
        counts = {"centres": len(report.renamed_centres)}
        audit.record("centre-rename", session=session, actor=user, subject=subject, counts=counts, detail=renames)


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


def _read_path(path: str | Path) -> tuple[FileReport, RawTable | None, FileKind | None]:
    """read_file of a file on disk (its report names the path)."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except OSError as error:
        return (
            _reject(FileReport(file=str(path)), [Problem(None, None, str(path), "unreadable", error.strerror)]),
            None,
            None,
        )
    report, table, kind = read_file(content, path.name)
    report.file = str(path)
    return report, table, kind


def in_load_order(files: list[tuple[FileReport, RawTable | None, FileKind | None]]) -> list[tuple]:
    """Read files in the order their kinds depend on each other (kinds.LOAD_ORDER), whatever order they came in;
    files of one kind keep their order, and files that could not be read or recognised come last."""
    return sorted(files, key=lambda item: kinds.load_rank(item[2]))


def take_import_lock(conn: Connection) -> None:
    """Serialise committing imports on both SQLite and PostgreSQL by updating one shared row first."""
    lock = ImportLock.__table__
    if conn.execute(update(lock).where(lock.c.id == 1).values(imports=lock.c.imports + 1)).rowcount == 0:
        conn.execute(insert(lock).values(id=1, imports=1))


# --- Writing --------------------------------------------------------------------------------------


def _write(kind: FileKind, plan: Plan, report: FileReport, user: str, conn: Connection) -> int:
    """The import batch's row, then the kind's rows; returns the batch id."""
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
    kind.write(plan, batch_id, conn)
    return batch_id


# --- Command line ------------------------------------------------------------------------------


def describe(report: FileReport, limit: int = 50, lang: str = "en") -> str:
    """A short human summary of one file's import."""
    status = t(f"imports.status_{report.status.replace('-', '_')}", lang, batch=report.batch_id)
    counts = (report.rows, report.new, report.changed, report.unchanged, report.rejected)
    rows, new, changed, unchanged, rejected = (indian_number(n, lang) for n in counts)
    lines = [
        t("imports.summary", lang, file=report.file, title=kinds.title(report.kind, lang), status=status),
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
    for renamed in report.renamed_centres[:limit]:
        lines.append("  " + t("imports.renamed_centre", lang, **renamed))
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
        more = len(report.problems) - limit
        key = "imports.more_problem" if more == 1 else "imports.more_problems"
        lines.append("  " + t(key, lang, count=indian_number(more, lang)))
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

    from data.db import make_engine, prepare_command_schema

    engine = make_engine()
    try:
        prepare_command_schema(engine, "python -m data.load")
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        print(t("imports.cli_no_database", error=type(cause).__name__, cause=cause), file=sys.stderr)
        return 2
    user = args.user or getpass.getuser()
    reports = []
    for report, table, kind in in_load_order([_read_path(path) for path in args.files]):
        if table is None or kind is None:
            reports.append(report)
            continue
        with Session(engine) as session:
            reports.append(
                _import(
                    report,
                    table,
                    kind,
                    session=session,
                    dry_run=args.dry_run,
                    user=user,
                    today=None,
                    allowed_districts=None,
                    audit_action="import",
                    new_only=False,
                )
            )
    engine.dispose()
    if args.json:
        json.dump({"files": [r.to_dict() for r in reports]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(describe(r) for r in reports))
    return 0 if all(r.ok for r in reports) else 1
