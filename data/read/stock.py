"""Stock: on hand per store and vaccine, the ledger of movements, the movements entered last."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import literal, select, union_all
from sqlmodel import Session

from data.access import OFFICER, STAFF
from data.models import PSEUDO_STORES, ImportBatch, StockMovement
from data.read.doses import daily_doses, doses_by
from data.read.query import query
from data.read.sql import bigint_sum, frame
from stats.stock import known_stock, stockouts
from stats.views.stock import pace_start, stock_cover

LATEST_COLUMNS = [
    "date",
    "vaccine",
    "from_store",
    "to_store",
    "quantity",
    "reference",
    "entered_by",
    "entered_at",
    "file_name",
]
"""Columns of the frame latest_movements returns."""


@query(STAFF)
def stock_on_hand(session: Session, /, *, as_of: date) -> pd.DataFrame:
    """Per store and vaccine at the end of as_of: received, sent out, administered, and on hand."""
    movement = StockMovement.__table__
    received = select(
        movement.c.to_store.label("store"),
        movement.c.vaccine,
        movement.c.quantity.label("received"),
        literal(0).label("sent"),
        literal(0).label("administered"),
    ).where(movement.c.date <= as_of, movement.c.to_store.not_in(PSEUDO_STORES))
    sent = select(
        movement.c.from_store.label("store"),
        movement.c.vaccine,
        literal(0).label("received"),
        movement.c.quantity.label("sent"),
        literal(0).label("administered"),
    ).where(movement.c.date <= as_of, movement.c.from_store.not_in(PSEUDO_STORES))
    given = doses_by(("district_code", "vaccine"), None, as_of).subquery()
    administered = select(
        given.c.district_code.label("store"),
        given.c.vaccine,
        literal(0).label("received"),
        literal(0).label("sent"),
        given.c.doses.label("administered"),
    )
    ledger = union_all(received, sent, administered).subquery()
    query = (
        select(
            ledger.c.store,
            ledger.c.vaccine,
            bigint_sum(ledger.c.received),
            bigint_sum(ledger.c.sent),
            bigint_sum(ledger.c.administered),
        )
        .group_by(ledger.c.store, ledger.c.vaccine)
        .order_by(ledger.c.store, ledger.c.vaccine)
    )
    stock = frame(session, query, ["store", "vaccine", "received", "sent", "administered"])
    stock = stock.astype({"received": "int64", "sent": "int64", "administered": "int64"})
    stock["on_hand"] = stock["received"] - stock["sent"] - stock["administered"]
    return stock


@query(STAFF)
def projected_stockouts(session: Session, /, *, as_of: date) -> pd.DataFrame | None:
    """stats.stock.stockouts of every store and vaccine at the end of as_of (days of cover at the 7-day average
    of the doses of that vaccine given in that district; STATE: the whole state), the most urgent first; None
    without a stock ledger. Summed in the database: the stock per store and the doses per day of the window."""
    stock = known_stock(stock_on_hand.run(session, as_of=as_of))
    if stock is None:
        return None
    window = daily_doses.run(session, start=pace_start(as_of), end=as_of, by=("district_code", "vaccine"))
    return stockouts(stock_cover(stock, window, as_of), as_of)


@query(STAFF)
def stock_movements(session: Session, /, *, end: date | None = None) -> pd.DataFrame:
    """The stock ledger up to end (all of it by default), quantities summed over references.

    Columns: date, vaccine, from_store, to_store, quantity (by date, vaccine, from_store, to_store): what
    stats.stock and stats.quality read.
    """
    table = StockMovement.__table__
    group = [table.c.date, table.c.vaccine, table.c.from_store, table.c.to_store]
    query = select(*group, bigint_sum(table.c.quantity).label("quantity")).group_by(*group).order_by(*group)
    if end is not None:
        query = query.where(table.c.date <= end)
    columns = ["date", "vaccine", "from_store", "to_store", "quantity"]
    return frame(session, query, columns).astype({"quantity": "int64"})


@query(OFFICER, cached=False)
def latest_movements(session: Session, /, *, limit: int = 20) -> pd.DataFrame:
    """The movements entered last (by import, newest first), with who entered them, when and from which file.

    Columns: LATEST_COLUMNS; entered_at is a UTC timestamp."""
    movement, batch = StockMovement.__table__, ImportBatch.__table__
    query = (
        select(
            movement.c.date,
            movement.c.vaccine,
            movement.c.from_store,
            movement.c.to_store,
            movement.c.quantity,
            movement.c.reference,
            batch.c.imported_by,
            batch.c.imported_at,
            batch.c.file_name,
        )
        .select_from(movement.join(batch, batch.c.id == movement.c.batch_id))
        .order_by(movement.c.batch_id.desc(), movement.c.id.desc())
        .limit(max(0, int(limit)))
    )
    latest = frame(session, query, LATEST_COLUMNS).astype({"quantity": "int64"})
    latest["entered_at"] = pd.to_datetime(latest["entered_at"], utc=True)
    return latest
