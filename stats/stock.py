"""Vaccine stock: on hand per store, days of cover, projected stock-out dates, wastage rate.

A movement ledger is ``date, vaccine, from_store, to_store, quantity``. Stores are STATE and the district
codes; SUPPLIER, WASTAGE and ADJUSTMENT are outside ends that hold no stock. Doses administered in a
district (``date, district_code, vaccine, doses``) leave that district's store.

A STATE row of ``stock_on_hand`` is the state store alone (as data.read.stock.stock_on_hand). In
``days_of_cover`` and ``wastage_rate`` a STATE row is the whole state: the state store plus every district
store, against the doses of the whole state, since the state store serves nobody directly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

import pandas as pd

from stats import STATE
from stats.doses import average_daily_doses, grouped_sum, summed, within

WASTAGE = "WASTAGE"
PSEUDO_STORES = ("SUPPLIER", WASTAGE, "ADJUSTMENT")
"""Ends of a movement that hold no stock (as data.models.PSEUDO_STORES)."""

KEYS = ["store", "vaccine"]

COVER_RED_DAYS = 7
"""Below this many days of cover a store is red: less than a week is shorter than the weekly issue cycle
(the state store issues to districts once a week, and a supplier consignment takes days to arrive), so the
store may run dry before the next issue reaches it. Act today."""
COVER_AMBER_DAYS = 14
"""Below this many days (and at least COVER_RED_DAYS) a store is amber: less than two weekly cycles, so the
next issue must arrive on time; order or issue now. At 14 days and more the store is fine."""


def cover_tenths(days: float) -> float:
    """Days of cover to one decimal, rounded down (a figure never promises more than the stock covers), as every
    page, file and note shows it; below zero as 0; inf stays inf, NaN stays NaN."""
    if not math.isfinite(days):
        return days
    # The nudge keeps a value such as 2.3 (stored as 2.2999…) at 2.3.
    return math.floor(max(days, 0.0) * 10 + 1e-9) / 10


def cover_level(days: float | None) -> str | None:
    """red below COVER_RED_DAYS, amber below COVER_AMBER_DAYS, else ok (inf: stock but no use), judged on the
    one-decimal figure shown (6.99 shows 6.9: red); None when unknown (None, NaN)."""
    if days is None or math.isnan(days):
        return None
    shown = cover_tenths(days)
    if shown < COVER_RED_DAYS:
        return "red"
    return "amber" if shown < COVER_AMBER_DAYS else "ok"


def store_totals(frame: pd.DataFrame, store_column: str, value_column: str, name: str) -> pd.DataFrame:
    """value_column summed per real store (pseudo-stores left out) and vaccine: store, vaccine, name."""
    rows = frame[~frame[store_column].isin(PSEUDO_STORES)].rename(columns={store_column: "store", value_column: name})
    return summed(rows, KEYS, name)


def combine(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Frames keyed by store and vaccine joined into one, absent values as 0, sorted by store and vaccine."""
    out = frames[0]
    for frame in frames[1:]:
        out = out.merge(frame, on=KEYS, how="outer")
    values = [c for c in out.columns if c not in KEYS]
    out = out.fillna(dict.fromkeys(values, 0)).astype(dict.fromkeys(values, "int64"))
    return out.sort_values(KEYS, kind="stable").reset_index(drop=True)


def stock_on_hand(movements: pd.DataFrame, administered: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Per store and vaccine at the end of as_of: received, sent, administered and on_hand = received − sent − given."""
    moved = within(movements, end=as_of)
    out = combine(
        [
            store_totals(moved, "to_store", "quantity", "received"),
            store_totals(moved, "from_store", "quantity", "sent"),
            store_totals(within(administered, end=as_of), "district_code", "doses", "administered"),
        ]
    )
    return out.assign(on_hand=out["received"] - out["sent"] - out["administered"])


def with_state_total(frame: pd.DataFrame, values: Sequence[str]) -> pd.DataFrame:
    """frame with its STATE rows replaced by whole-state rows: values summed over every store, per vaccine."""
    state = grouped_sum(frame, ["vaccine"], values).assign(store=STATE)
    return pd.concat([frame[frame["store"] != STATE], state[frame.columns]], ignore_index=True)


def cover_days(stock: pd.Series, pace: pd.Series) -> pd.Series:
    """stock ÷ pace in days: 0 where there is no stock, inf where stock remains and the pace is 0."""
    days = (stock / pace.where(pace > 0)).fillna(math.inf)
    return days.where(stock > 0, 0.0)


def days_of_cover(stock: pd.DataFrame, doses: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Per store and vaccine: stock on hand ÷ the 7-day average daily doses it serves (STATE: whole state).

    stock: store, vaccine, on_hand (as stock_on_hand). doses: date, district_code, vaccine, doses.
    Columns: store, vaccine, on_hand (the store's own), stock (what covers: the whole state's for STATE; a
    negative balance counts as 0),
    average_7d, days_of_cover (0 without stock, inf when the pace is 0).
    """
    own = stock[[*KEYS, "on_hand"]]
    # A balance below zero covers nothing, and is not netted off the state's stock (stock_position).
    covering = with_state_total(own[KEYS].assign(stock=own["on_hand"].clip(lower=0)), ["stock"])
    district_pace = average_daily_doses(doses, as_of, ("district_code", "vaccine"))
    state_pace = average_daily_doses(doses, as_of, ("vaccine",)).assign(district_code=STATE)
    pace = pd.concat([district_pace, state_pace], ignore_index=True).rename(columns={"district_code": "store"})
    out = covering.merge(own, on=KEYS, how="left").merge(pace, on=KEYS, how="left")
    out = out.fillna({"on_hand": 0, "average_7d": 0.0}).astype({"on_hand": "int64", "stock": "int64"})
    out["days_of_cover"] = cover_days(out["stock"], out["average_7d"])
    columns = [*KEYS, "on_hand", "stock", "average_7d", "days_of_cover"]
    return out[columns].sort_values(KEYS, kind="stable").reset_index(drop=True)


def stockout_date(days_of_cover: float, as_of: date) -> date | None:
    """as_of + floor(days of cover): the last day the stock covers at this pace; None if it never runs out."""
    if not math.isfinite(days_of_cover):
        return None
    try:
        return as_of + timedelta(days=math.floor(days_of_cover))
    except OverflowError:  # beyond the year 9999
        return None


def stockout_dates(cover: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """cover (as days_of_cover returns it) plus stockout_date per store and vaccine (None: not at this pace)."""
    dates = [stockout_date(days, as_of) for days in cover["days_of_cover"]]
    return cover.assign(stockout_date=pd.Series(dates, index=cover.index, dtype="object"))


STOCKOUT_STATES = ("ledger", "out", "date", "no_use")
"""What stockouts says of a store's vaccine, most urgent first: ledger (more issued than received: check it),
out (no stock left), date (runs out at this pace), no_use (stock, but nothing given in the last 7 days)."""


def stockout_state(on_hand: int, days: float) -> str:
    """Which of STOCKOUT_STATES a store's vaccine is in (on_hand: its own balance; days: its days of cover)."""
    if on_hand < 0:
        return "ledger"
    if days <= 0:
        return "out"
    return "date" if math.isfinite(days) else "no_use"


def stockouts(cover: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """cover (as days_of_cover returns it) with stockout_date, state (STOCKOUT_STATES) and level (cover_level;
    None for a balance below zero), the most urgent first: ledger checks, then the least cover, then no use;
    ties by store and vaccine."""
    out = stockout_dates(cover, as_of)
    states = [stockout_state(n, d) for n, d in zip(out["on_hand"], out["days_of_cover"], strict=True)]
    levels = [None if s == "ledger" else cover_level(d) for s, d in zip(states, out["days_of_cover"], strict=True)]
    out = out.assign(state=states, level=pd.Series(levels, index=out.index, dtype="object"))
    urgency = out["days_of_cover"].where(out["state"] != "ledger", -1.0)
    return (
        out.assign(_urgency=urgency)
        .sort_values(["_urgency", *KEYS], kind="stable")
        .drop(columns="_urgency")
        .reset_index(drop=True)
    )


def wastage_rate(
    movements: pd.DataFrame, administered: pd.DataFrame, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Per store and vaccine from start to end: wasted ÷ (administered + wasted), NaN if both 0; STATE: whole state.

    wasted = doses moved from the store to WASTAGE. Columns: store, vaccine, administered, wasted, wastage_rate.
    """
    moved = within(movements, start, end)
    out = combine(
        [
            store_totals(within(administered, start, end), "district_code", "doses", "administered"),
            store_totals(moved[moved["to_store"] == WASTAGE], "from_store", "quantity", "wasted"),
        ]
    )
    out = with_state_total(out, ["administered", "wasted"]).sort_values(KEYS, kind="stable", ignore_index=True)
    used = out["administered"] + out["wasted"]
    return out.assign(wastage_rate=out["wasted"] / used.where(used > 0).astype("float64"))


def known_stock(stock: pd.DataFrame | None) -> pd.DataFrame | None:
    """The stock frame (data.read.stock.stock_on_hand) when a ledger exists, else None: without any movement
    received or sent, on hand would be minus the doses given, which is not a stock figure."""
    if stock is None or stock.empty or not (stock["received"].any() or stock["sent"].any()):
        return None
    return stock


class StockPosition(NamedTuple):
    """An area's stock: what it holds, and the stores whose ledger needs checking."""

    on_hand: int | None
    """The sum of the area's balances (store and vaccine) that are not negative; None without a ledger, or when
    every balance of the area is negative (a negative balance is never a stock figure)."""
    to_check: tuple[tuple[str, str, int], ...]
    """(store, vaccine, balance) of each of the area's balances below zero: more issued than received."""


def stock_position(stock: pd.DataFrame | None, area: str = STATE) -> StockPosition:
    """The area's stock (STATE: every store) from stock (data.read.stock.stock_on_hand: store, vaccine,
    received, sent, on_hand). A balance below zero (more sent out and given than received) is not netted into
    the stock: it is listed to check. Without a ledger (known_stock), nothing is known and nothing to check."""
    known = known_stock(stock)
    if known is None:
        return StockPosition(None, ())
    rows = known if area == STATE else known[known["store"] == area]
    counted = rows[rows["on_hand"] >= 0]
    negative = rows[rows["on_hand"] < 0].sort_values(KEYS, kind="stable")
    to_check = tuple((str(s), str(v), int(n)) for s, v, n in negative[[*KEYS, "on_hand"]].itertuples(index=False))
    return StockPosition(int(counted["on_hand"].sum()) if len(counted) else None, to_check)


# --- Entering movements (the stock page's form; data.imports.stock_entry records them) ---------------

SUPPLIER, _, ADJUSTMENT = PSEUDO_STORES

KINDS = ("receipt", "issue", "wastage", "adjustment")
"""The movements the form records: receipt SUPPLIER→STATE, issue STATE→district, wastage store→WASTAGE,
adjustment after a physical count (store→ADJUSTMENT or ADJUSTMENT→store)."""


class Stores(NamedTuple):
    """The two ends of a movement and how many doses move."""

    from_store: str
    to_store: str
    quantity: int


# --- Movements -------------------------------------------------------------------------------------


def movement_stores(kind: str, store: str | None, quantity: int) -> Stores:
    """The ends of a receipt, issue or wastage of quantity doses (store: the district of an issue, the store
    that wastes); ValueError for an adjustment (see count_adjustment) or a store the kind cannot use."""
    if kind == "receipt":
        return Stores(SUPPLIER, STATE, quantity)
    if kind in ("issue", "wastage"):
        if not store or store in PSEUDO_STORES or (kind == "issue" and store == STATE):
            raise ValueError(f"{kind} needs {'a district' if kind == 'issue' else 'a store'}, not {store!r}")
        return Stores(STATE, store, quantity) if kind == "issue" else Stores(store, WASTAGE, quantity)
    raise ValueError(f"unknown movement kind {kind!r} (an adjustment is worked out by count_adjustment)")


def count_adjustment(store: str, on_hand: int, counted: int) -> Stores | None:
    """The movement that makes the store's stock on hand equal the physical count: store→ADJUSTMENT when the
    count is lower, ADJUSTMENT→store when it is higher, None when they agree."""
    if counted < 0:
        raise ValueError("a physical count cannot be negative")
    if counted < on_hand:
        return Stores(store, ADJUSTMENT, on_hand - counted)
    if counted > on_hand:
        return Stores(ADJUSTMENT, store, counted - on_hand)
    return None


def outflow_store(stores: Stores) -> str | None:
    """The real store the movement takes doses out of (None when doses only come in)."""
    return None if stores.from_store in PSEUDO_STORES else stores.from_store


# --- A store's stock day by day ------------------------------------------------------------------------


def daily_on_hand(movements: pd.DataFrame, administered: pd.DataFrame, store: str) -> pd.DataFrame:
    """End-of-day stock on hand of one store (one vaccine) on each day it changed: date, on_hand.

    movements: date, from_store, to_store, quantity (of that vaccine); administered: date, doses (given at that
    store's district, of that vaccine; empty for the state store)."""
    inflow = movements.loc[movements["to_store"] == store, ["date", "quantity"]]
    outflow = movements.loc[movements["from_store"] == store, ["date", "quantity"]]
    changes = pd.concat(
        [
            pd.DataFrame({"date": inflow["date"], "change": inflow["quantity"]}),
            pd.DataFrame({"date": outflow["date"], "change": -outflow["quantity"]}),
            pd.DataFrame({"date": administered["date"], "change": -administered["doses"]}),
        ],
        ignore_index=True,
    )
    if changes.empty:
        return pd.DataFrame({"date": pd.Series([], dtype="object"), "on_hand": pd.Series([], dtype="int64")})
    daily = changes.astype({"change": "int64"}).groupby("date", as_index=False)["change"].sum()
    daily = daily.sort_values("date", kind="stable").reset_index(drop=True)
    return pd.DataFrame({"date": daily["date"], "on_hand": daily["change"].cumsum().astype("int64")})


def on_hand_on(daily: pd.DataFrame, day: date) -> int:
    """Stock on hand at the end of day (daily as daily_on_hand returns it; 0 before anything moved)."""
    before = daily[daily["date"] <= day]
    return int(before["on_hand"].iloc[-1]) if len(before) else 0


class Lowest(NamedTuple):
    """The lowest end-of-day stock on hand from a day on, and the first day it is reached."""

    day: date
    on_hand: int


def lowest_on_hand(daily: pd.DataFrame, start: date) -> Lowest:
    """The lowest end-of-day stock on hand on start or any later day (daily as daily_on_hand returns it)."""
    lowest = Lowest(start, on_hand_on(daily, start))
    for day, on_hand in zip(daily["date"], daily["on_hand"], strict=True):
        if day > start and on_hand < lowest.on_hand:
            lowest = Lowest(day, int(on_hand))
    return lowest
