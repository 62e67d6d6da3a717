"""Stock entry from the officer workspace: one movement at a time, through the same validated ledger as a file.

A form's movement (receipt SUPPLIER→STATE, issue STATE→district, wastage store→WASTAGE, or the adjustment a
physical count calls for) becomes a one-row stock file of the data contract and goes through
data.imports.importer.import_bytes: the same validation, import batch, negative-stock check and audit row (action
"stock-entry") as an uploaded file. The form adds three checks of its own, made before anything is written:

- a reference (the officer's document number) is required;
- a movement whose key (date, vaccine, stores, reference) is already in the ledger is refused: the form
  records new movements; changing a recorded one is a correction, made by uploading a stock file;
- a movement may not take a store's stock on hand below zero on its day or any later day, counting the doses
  given there (the importer counts movements only; the form checks what its table shows).

An adjustment is worked out from the store's stock on hand at the end of the count's day, read afresh here
(stats.views.stock.count_adjustment): nothing is written when the count agrees.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
from sqlalchemy import BigInteger, cast, func, or_, select
from sqlmodel import Session

from data.imports.importer import FileReport, import_bytes
from data.imports.problems import DETAIL_SEPARATOR, Problem, details
from data.models import STATE, District, StockMovement, Vaccine
from data.read import doses
from stats.formatting import doses_text, long_date
from stats.labels import t
from stats.stock import (
    KINDS,
    Stores,
    count_adjustment,
    daily_on_hand,
    lowest_on_hand,
    movement_stores,
    on_hand_on,
    outflow_store,
)

AUDIT_ACTION = "stock-entry"
COLUMNS = ("date", "vaccine", "from_store", "to_store", "quantity", "reference")
"""The stock file of the data contract, as the form writes it."""


@dataclass(frozen=True)
class EntryProblem(Problem):
    """A problem the form finds before the importer is asked; its message is in stats/labels/stock.py
    (stock.problem_<rule>, stock.problem_required_<column>), with {value}, {detail} and {parts[i]} as in
    data.imports.problems."""

    def message(self, lang: str = "en") -> str:
        key = f"stock.problem_{self.rule}" + (f"_{self.column}" if self.rule == "required" else "")
        parts = self.detail.split(DETAIL_SEPARATOR) + [""] * 8
        return t(key, lang, value=self.value or "", detail=self.detail, parts=parts)


@dataclass(frozen=True)
class EntryResult:
    """What the form did with one entry.

    status: committed (written, batch_id set) | nothing (a count that agrees with the stock on hand) |
    refused (problems say why; nothing written) | failed (the database refused; nothing written).
    """

    status: str
    kind: str
    day: date
    vaccine: str
    stores: Stores | None = None
    problems: tuple[Problem, ...] = ()
    batch_id: int | None = None
    on_hand: int | None = None  # an adjustment: the stock on hand the count was compared with
    counted: int | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("committed", "nothing")


def stock_file(day: date, vaccine: str, stores: Stores, reference: str) -> bytes:
    """The movement as a one-row stock file of the data contract (CSV, UTF-8)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerow([day.isoformat(), vaccine, stores.from_store, stores.to_store, stores.quantity, reference])
    return buffer.getvalue().encode("utf-8")


def file_name(kind: str, day: date) -> str:
    """The name the entry's import batch is recorded under."""
    return f"stock-entry-{kind}-{day.isoformat()}.csv"


# --- Reading ---------------------------------------------------------------------------------------


def store_daily_on_hand(store: str, vaccine: str, *, session: Session) -> pd.DataFrame:
    """End-of-day stock on hand of one store and vaccine on each day it changed: date, on_hand (movements in
    and out, and for a district the doses given there; summed in the database)."""
    table = StockMovement.__table__
    group = [table.c.date, table.c.from_store, table.c.to_store]
    query = (
        select(*group, cast(func.sum(table.c.quantity), BigInteger))
        .where(table.c.vaccine == vaccine, or_(table.c.from_store == store, table.c.to_store == store))
        .group_by(*group)
        .order_by(*group)
    )
    rows = [tuple(row) for row in session.connection().execute(query)]
    movements = pd.DataFrame(rows, columns=["date", "from_store", "to_store", "quantity"])
    if store == STATE:
        given = pd.DataFrame({"date": [], "doses": []})
    else:
        given = doses.daily_doses.run(session, by=("district_code",), districts=[store], vaccines=[vaccine])
    return daily_on_hand(movements, given, store)


def on_hand(store: str, vaccine: str, day: date, *, session: Session) -> int:
    """A store's stock on hand of a vaccine at the end of day (as data.read.stock.stock_on_hand)."""
    return on_hand_on(store_daily_on_hand(store, vaccine, session=session), day)


# --- Writing ---------------------------------------------------------------------------------------


def record_movement(
    kind: str,
    *,
    session: Session,
    user: str,
    day: date,
    vaccine: str,
    quantity: int | None,
    reference: str,
    store: str | None = None,
    today: date | None = None,
) -> EntryResult:
    """Record a receipt (SUPPLIER→STATE), an issue (STATE→store, a district) or a wastage (store→WASTAGE) of
    quantity doses; commits when accepted (with its audit row)."""
    if kind not in KINDS or kind == "adjustment":
        raise ValueError(f"record_movement records {', '.join(KINDS[:3])}; not {kind!r}")
    missing = _missing(reference, quantity)
    if missing:
        return EntryResult("refused", kind, day, vaccine, problems=missing)
    stores = movement_stores(kind, store, int(quantity))
    return _record(kind, stores, day, vaccine, reference, session=session, user=user, today=today)


def record_count(
    *,
    session: Session,
    user: str,
    day: date,
    vaccine: str,
    store: str,
    counted: int | None,
    reference: str,
    today: date | None = None,
) -> EntryResult:
    """Record a physical count of a store at the end of day: the adjustment that makes its stock on hand equal
    the count (store→ADJUSTMENT when lower, ADJUSTMENT→store when higher); nothing when they agree."""
    missing = _missing(reference, counted)
    if missing:
        return EntryResult("refused", "adjustment", day, vaccine, problems=missing, counted=counted)
    before = on_hand(store, vaccine, day, session=session)
    session.rollback()  # end the read transaction before the importer writes
    stores = count_adjustment(store, before, int(counted))
    if stores is None:
        return EntryResult("nothing", "adjustment", day, vaccine, on_hand=before, counted=counted)
    written = _record("adjustment", stores, day, vaccine, reference, session=session, user=user, today=today)
    return replace(written, on_hand=before, counted=counted)


def _missing(reference: str | None, amount: int | None) -> tuple[Problem, ...]:
    """The form's required fields left empty: the reference and the number of doses."""
    problems = []
    if amount is None:
        problems.append(EntryProblem(None, "quantity", "", "required"))
    if not (reference or "").strip():
        problems.append(EntryProblem(None, "reference", "", "required"))
    return tuple(problems)


def _record(
    kind: str,
    stores: Stores,
    day: date,
    vaccine: str,
    reference: str,
    *,
    session: Session,
    user: str,
    today: date | None,
) -> EntryResult:
    result = EntryResult("refused", kind, day, vaccine, stores)
    reference = reference.strip()
    content, name = stock_file(day, vaccine, stores, reference), file_name(kind, day)
    # A key already in the ledger first: the importer would take the entry for a correction of it.
    recorded = _recorded(day, vaccine, stores, reference, session=session)
    if recorded:
        return replace(result, problems=tuple(recorded))
    # The importer's own rules (dates, vaccine, stores, the ledger's movements), written nowhere.
    trial = import_bytes(content, name, session=session, dry_run=True, user=user, today=today)
    if not trial.ok:
        return _from_report(result, trial)
    problems = _below_zero(day, vaccine, stores, session=session)
    session.rollback()  # end the read transaction
    if problems:
        return replace(result, problems=tuple(problems))
    # new_only: should another officer record the same key meanwhile, the importer refuses it under its lock
    # (instead of taking this entry for a correction of theirs).
    report = import_bytes(
        content, name, session=session, user=user, today=today, audit_action=AUDIT_ACTION, new_only=True
    )
    return _from_report(result, report)


def _from_report(result: EntryResult, report: FileReport) -> EntryResult:
    status = {"committed": "committed", "failed": "failed"}.get(report.status, "refused")
    problems = tuple(report.problems)
    if status == "refused" and not problems:  # unchanged: recorded meanwhile by someone else
        problems = (EntryProblem(None, "reference", None, "already_recorded", ""),)
    return replace(result, status=status, problems=problems, batch_id=report.batch_id)


def _recorded(day: date, vaccine: str, stores: Stores, reference: str, *, session: Session) -> list[Problem]:
    """A problem when the movement's key (date, vaccine, stores, reference) is already in the ledger."""
    table = StockMovement.__table__
    query = select(table.c.quantity).where(
        table.c.date == day,
        table.c.vaccine == vaccine,
        table.c.from_store == stores.from_store,
        table.c.to_store == stores.to_store,
        table.c.reference == reference,
    )
    recorded = session.connection().execute(query).scalar()
    session.rollback()  # end the read transaction
    if recorded is None:
        return []
    return [EntryProblem(None, "reference", reference, "already_recorded", str(recorded))]


def _below_zero(day: date, vaccine: str, stores: Stores, *, session: Session) -> list[Problem]:
    """A problem when the movement takes its store's stock on hand (counting doses given) below zero on its
    day or any later day."""
    store = outflow_store(stores)
    if store is None:
        return []
    lowest = lowest_on_hand(store_daily_on_hand(store, vaccine, session=session), day)
    after = lowest.on_hand - stores.quantity
    if after >= 0:
        return []
    detail = details(
        *_store_names(store, session),
        *_vaccine_names(vaccine, session),
        long_date(lowest.day, "en"),
        long_date(lowest.day, "hi"),
        doses_text(after),
        doses_text(lowest.on_hand),
    )
    return [EntryProblem(None, "quantity", str(stores.quantity), "on_hand_below_zero", detail)]


def _store_names(store: str, session: Session) -> tuple[str, str]:
    if store == STATE:
        return t("stock.store_STATE", "en"), t("stock.store_STATE", "hi")
    district = session.get(District, store)
    return (district.name_en, district.name_hi) if district is not None else (store, store)


def _vaccine_names(vaccine: str, session: Session) -> tuple[str, str]:
    row = session.get(Vaccine, vaccine)
    return (row.name_en, row.name_hi) if row is not None else (vaccine, vaccine)
