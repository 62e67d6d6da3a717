"""Stock movements: doses moved between stores (STATE or a district; SUPPLIER in, WASTAGE out, ADJUSTMENT for a
physical count). Neither a file nor an undo may take a store below zero on any day where it was not as low."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Connection, select

from data import master as reference
from data.imports.cells import (
    Invalid,
    checkable,
    convert,
    date_rule,
    duplicate_keys,
    in_file_order,
    lookup_rule,
    not_yet_formed,
    required,
    stock_quantity,
    text_rule,
    typed_frame,
)
from data.imports.facts import FactTable
from data.imports.files import RawTable
from data.imports.kind import FileKind, UndoRefused
from data.imports.problems import Problem, details
from data.models import ADJUSTMENT, PSEUDO_STORES, STATE, SUPPLIER, WASTAGE, District, StockMovement, Vaccine
from data.rollup import CHUNK
from stats.formatting import doses_text, long_date
from stats.labels import t

COLUMNS = ("date", "vaccine", "from_store", "to_store", "quantity", "reference")
KEY = ("date", "vaccine", "from_store", "to_store", "reference")
STOCK_START = date(2021, 1, 1)
"""Vaccine reached the state store a few days before the first dose."""


def _positive_count(text: str) -> int:
    value = stock_quantity(text)
    if value <= 0:
        raise Invalid("positive")
    return value


def _store(text: str) -> str:
    required(text)
    upper = text.strip().upper()
    if upper in (STATE, SUPPLIER, WASTAGE, ADJUSTMENT):
        return upper
    code = reference.districts().resolve(text)
    if code is None:
        raise Invalid("unknown_store")
    return code


def _direction_problem(source: str, target: str) -> str:
    """Why a movement between these stores is impossible, as a direction key (problems.direction_<key>)."""
    if source == target:
        return "same_store"
    if target == SUPPLIER:
        return "to_supplier"
    if source == WASTAGE:
        return "from_wastage"
    outside = (SUPPLIER, WASTAGE, ADJUSTMENT)
    if source in outside and target in outside:
        return "no_real_store"
    return ""


def validate(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
    frame, problems = table.frame, []
    columns = {
        "date": convert(frame, "date", date_rule(STOCK_START, today), problems, "date"),
        "vaccine": convert(frame, "vaccine", lookup_rule(reference.vaccines(), "unknown_vaccine"), problems, "vaccine"),
        "from_store": convert(frame, "from_store", _store, problems, "from_store"),
        "to_store": convert(frame, "to_store", _store, problems, "to_store"),
        "quantity": convert(frame, "quantity", _positive_count, problems, "quantity"),
        "reference": convert(frame, "reference", text_rule(64), problems, "reference"),
    }
    typed = typed_frame(frame, columns, problems)
    typed["quantity"] = typed["quantity"].astype("int64")
    # The rules across cells and rows check every row whose cells they need are good: one pass finds them all.
    cells = list(problems)

    def rows_with(*needed: str) -> pd.DataFrame:
        return checkable(frame, columns, cells, {name: name for name in needed})

    moved = rows_with("from_store", "to_store")
    written = frame.set_index("_row")[["from_store", "to_store"]]  # a problem quotes the stores as written
    for row, source, target in zip(moved["_row"], moved["from_store"], moved["to_store"], strict=True):
        direction = _direction_problem(source, target)
        if direction:
            shown = " → ".join(written.loc[row].str.strip())
            problems.append(Problem(int(row), "to_store", shown, "store_direction", direction))
    for store in ("from_store", "to_store"):
        not_yet_formed(
            rows_with("date", store),
            frame,
            problems,
            code_column=store,
            cell_column=store,
            label=store,
            rule="store_not_formed",
        )
    duplicate_keys(rows_with(*KEY), KEY, problems, "reference")
    return typed, in_file_order(problems, table)


@dataclass(frozen=True)
class StockTable(FactTable):
    """The stock_movement table: no store below zero, after a file or an undo."""

    def verify(self, typed: pd.DataFrame, new: pd.DataFrame, changed: pd.DataFrame, conn: Connection) -> list[Problem]:
        """A file may not take any store below zero on any day (movements in minus out, day by day)."""
        key = list(self.key)
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
            detail = below_zero_details(conn, store, vaccine, first.date, int(first.balance))
            problems.append(
                Problem(int(culprit["_row"]), "quantity", str(culprit["quantity"]), "stock_below_zero", detail)
            )
        return problems

    def check_undo(self, batch_id: int, days: list[date], corrections: pd.DataFrame, conn: Connection) -> None:
        """Refuse when taking the import's movements back leaves a store lower, below zero, than it was."""
        table = self.table
        key = list(self.key)
        vaccines: set[str] = set()
        for start in range(0, len(days), CHUNK):
            chunk = days[start : start + CHUNK]
            where = [table.c.date.in_(chunk), table.c.batch_id == batch_id]
            vaccines.update(conn.execute(select(table.c.vaccine).where(*where).distinct()).scalars())
        query = select(*(table.c[c] for c in key), table.c.quantity, table.c.batch_id).where(
            table.c.vaccine.in_(sorted(vaccines))
        )
        before = pd.DataFrame([tuple(row) for row in conn.execute(query)], columns=[*key, "quantity", "batch_id"])
        before = before.astype({"quantity": "int64"})
        ours = before["batch_id"] == batch_id
        restored = before[ours].merge(corrections[[*key, "old"]], on=key, how="inner")
        restored = restored.assign(quantity=restored["old"].astype("int64")).drop(columns="old")
        after = pd.concat([before[~ours], restored], ignore_index=True)
        worse = first_worse_balances(before, after)
        if len(worse):
            first = worse.iloc[0]
            raise UndoRefused(
                "undo_stock_below_zero",
                below_zero_details(conn, first["store"], first["vaccine"], first["date"], int(first["balance"])),
            )


def below_zero_details(conn: Connection, store: str, vaccine: str, day: date, balance: int) -> str:
    """The detail of a store taken below zero, read by the messages as {parts[i]}: 0 store code, 1 vaccine code,
    2 ISO date, 3 balance, 4-5 store name, 6-7 vaccine name (English, Hindi), 8-9 the date written out, 10-11
    the balance in doses (true minus, Indian grouping), 12-13 the store as a sentence names it ("the state
    store", "the Raipur store"). Codes and the ISO date stay first for whoever reads the detail as data."""
    names = store_and_vaccine(conn, store, vaccine)
    on = pd.Timestamp(day).date()
    if store == STATE:
        phrases = (t("stock.store_phrase_STATE", "en"), t("stock.store_phrase_STATE", "hi"))
    else:
        phrases = (t("stock.store_phrase", "en", store=names[0]), t("stock.store_phrase", "hi", store=names[1]))
    return details(
        store,
        vaccine,
        on.isoformat(),
        balance,
        *names,
        long_date(on, "en"),
        long_date(on, "hi"),
        doses_text(balance, "en"),
        doses_text(balance, "hi"),
        *phrases,
    )


def store_and_vaccine(conn: Connection, store: str, vaccine: str) -> tuple[str, str, str, str]:
    """The store's and the vaccine's names, English and Hindi (a message names them, never by code)."""
    if store == STATE:
        store_names = (t("stock.store_STATE", "en"), t("stock.store_STATE", "hi"))
    else:
        district = District.__table__
        row = conn.execute(select(district.c.name_en, district.c.name_hi).where(district.c.code == store)).first()
        store_names = (row[0], row[1]) if row is not None else (store, store)
    table = Vaccine.__table__
    row = conn.execute(select(table.c.name_en, table.c.name_hi).where(table.c.code == vaccine)).first()
    return (*store_names, *((row[0], row[1]) if row is not None else (vaccine, vaccine)))


def stored_movements(conn: Connection, vaccines) -> pd.DataFrame:
    """Every stored stock movement of these vaccines: the key columns and quantity."""
    table = StockMovement.__table__
    query = select(*(table.c[c] for c in KEY), table.c.quantity).where(table.c.vaccine.in_(sorted(set(vaccines))))
    # An empty result would otherwise be object dtype (cumsum fails).
    return pd.DataFrame(conn.execute(query).all(), columns=[*KEY, "quantity"]).astype({"quantity": "int64"})


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


FACTS = StockTable(StockMovement.__table__, KEY, "quantity")

EXAMPLE = ("2021-06-01", "Covishield", "SUPPLIER", "STATE", "50000", "GOI-2021-06-01")
"""The template's example row (data.imports.templates), a cell per column: it passes every check."""


STOCK = FileKind(
    code="stock",
    columns=COLUMNS,
    example=EXAMPLE,
    title="kinds.stock",
    table=FACTS.table,
    key=FACTS.table_key,
    values=(FACTS.value,),
    validate=validate,
    plan=FACTS.plan,
    write=FACTS.write,
    undo=FACTS.undo,
)
