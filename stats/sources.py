"""Where each figure comes from: the order of the sources, and daily figures taken honestly from published
cumulative series.

Four sources can give a day's doses for an area (ORDER, finest first):

* ``own``: the state's own centre reports (the fact table, summed per day);
* ``cowin_district``: CoWIN's district series (cumulative first and second doses, 16 Jan – 25 Apr 2021);
* ``cowin``: CoWIN's state series (cumulative total, first and second doses, 16 Jan – 29 Sep 2021);
* ``mohfw``: the health ministry's state series (cumulative total, first and second, 16 Jan – 24 Oct 2021).

A figure of a day and area comes from the first source in the order that has one (``best``); staff may pin
one source instead. Published figures are cumulative: a day's doses are today's cumulative minus the previous
published one, and each derived day has a status (STATUSES):

* ``day``: a regular day's doses;
* ``start``: a series' first date — its figure is everything up to then, not one day's doses;
* ``span``: the difference after a missing date covers ``days`` days, not one;
* ``correction``: the cumulative fell (a recount): shown as a correction, never as negative doses;
* ``jump``: a catch-up or a change of definition — KNOWN_JUMPS, or a day above JUMP_FACTOR × the median
  of the MEDIAN_DAYS regular days before it that other sources have figures for on the same day and none
  confirms (within AGREE_FACTOR); a day no other source has a figure for is not judged (CoWIN's districts).

Only ``day`` rows are doses given on the day: they alone are summed, charted as doses and compete for the
record day. Cumulative figures are shown as published, never re-summed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from datetime import date
from statistics import median
from typing import NamedTuple

import pandas as pd

from stats import STATE
from stats.formatting import indian_number
from stats.labels import t
from stats.published import DOSE_METRICS, FIRST, SECOND, TOTAL

OWN, COWIN_DISTRICT, COWIN, MOHFW = "own", "cowin_district", "cowin", "mohfw"
ORDER = (OWN, COWIN_DISTRICT, COWIN, MOHFW)
"""The sources of a day's figure, finest first: the default order."""
BEST = "best"
PINNABLE = (BEST, OWN, COWIN, MOHFW)
"""What staff may pin in the sidebar: the default order, or one source alone (CoWIN: its district series for a
district, its state series for the state)."""
PUBLISHED = (COWIN_DISTRICT, COWIN, MOHFW)

DAY, START, SPAN, CORRECTION, JUMP = "day", "start", "span", "correction", "jump"
STATUSES = (DAY, START, SPAN, CORRECTION, JUMP)

JUMP_FACTOR = 4
"""A published day above this many times the median of the regular days before it is a jump, unless confirmed."""
MEDIAN_DAYS = 14
"""The regular days before a day whose median it is judged against."""
AGREE_FACTOR = 1.5
"""Another source's figure for the same day confirms a day when they are within this factor of each other."""

KNOWN_JUMPS: dict[tuple[str, str, date], str] = {
    (COWIN, STATE, date(2021, 3, 16)): "definition",
    (COWIN, STATE, date(2021, 6, 25)): "catch_up",
    (COWIN, STATE, date(2021, 6, 26)): "catch_up",
    (MOHFW, STATE, date(2021, 5, 20)): "reconciliation",
}
"""Published days known not to be one day's doses (data/published/README.md), and why: definition (CoWIN
counted differently from 16 March 2021), catch_up (doses recorded late, 25-26 June 2021), reconciliation (the
ministry's 7,32,212 of 20 May 2021)."""

COLUMNS = {
    "date": "object",
    "source": "object",
    "area": "object",
    "doses": "int64",
    "first": "Int64",
    "second": "Int64",
    "precaution": "Int64",
    "cumulative": "Int64",
    "cumulative_first": "Int64",
    "cumulative_second": "Int64",
    "cumulative_precaution": "Int64",
    "days": "float64",
    "status": "object",
    "reported": "bool",
}
"""A days frame: one row per source, area and date. first/second/precaution are <NA> where the source does not
count them (the published series have no precaution doses). reported is False on a day of the state's own
reports when no centre reported: a day of 0 doses that yields to any published figure for it."""


def empty_days() -> pd.DataFrame:
    """A days frame with no rows."""
    return pd.DataFrame({c: pd.Series(dtype=kind) for c, kind in COLUMNS.items()})


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    if "reported" not in frame.columns:  # every published day, and every own day that came with a report
        frame = frame.assign(reported=True)
    return frame[list(COLUMNS)].astype(COLUMNS).reset_index(drop=True)


def order_from(setting: str | None) -> tuple[str, ...]:
    """The source order from a setting such as "own,cowin,mohfw" (None or empty: ORDER); ValueError on a
    name that is not a source."""
    if not setting or not setting.strip():
        return ORDER
    names = tuple(s.strip().lower() for s in setting.split(",") if s.strip())
    unknown = [n for n in names if n not in ORDER]
    if unknown or len(set(names)) != len(names):
        raise ValueError(f"source order {setting!r}: name each of {', '.join(ORDER)} at most once")
    return names


def source_key(source: str, area: str) -> str:
    """The source of a published series: CoWIN's district series is a source of its own."""
    return COWIN_DISTRICT if source == COWIN and area != STATE else source


def pinned_order(pin: str, area: str = STATE, order: Sequence[str] = ORDER) -> tuple[str, ...]:
    """The sources to take figures from for a pin (BEST: the order; CoWIN: the series for the area)."""
    if pin == BEST:
        return tuple(order)
    if pin == COWIN:
        return (COWIN if area == STATE else COWIN_DISTRICT,)
    if pin not in PINNABLE:
        raise ValueError(f"unknown source {pin!r}; choose from {', '.join(PINNABLE)}")
    return (pin,)


# --- The state's own reports ------------------------------------------------------------------------------


def own_days(doses: pd.DataFrame, area: str = STATE) -> pd.DataFrame:
    """The state's own reports as a days frame: doses by dose number per day, cumulative as summed from the
    first report. doses: date, doses, optionally dose_number (without it, first, second and precaution are <NA>)
    and district_code (then one area per district). Every row is a regular day. The reports cover every day
    from the first day anything was reported to the last: a day in between without a report in an area is a
    day of 0 doses there (a row, with reported False), as everywhere else in the product; days before and
    after have no row (the reports do not speak for them)."""
    if doses.empty:
        return empty_days()
    by_area = "district_code" in doses.columns
    rows = doses.assign(area=doses["district_code"] if by_area else area)
    if "dose_number" not in rows.columns:
        return _totals_only(rows)
    wide = rows.pivot_table(index=["area", "date"], columns="dose_number", values="doses", aggfunc="sum")
    calendar = pd.date_range(min(rows["date"]), max(rows["date"]), freq="D").date
    every_day = pd.MultiIndex.from_product([sorted(set(rows["area"])), calendar], names=["area", "date"])
    wide = wide.reindex(index=every_day, columns=[1, 2, 3]).fillna(0).astype("int64").sort_index()
    out = pd.DataFrame(
        {
            "date": wide.index.get_level_values("date"),
            "source": OWN,
            "area": wide.index.get_level_values("area"),
            "first": wide[1].to_numpy(),
            "second": wide[2].to_numpy(),
            "precaution": wide[3].to_numpy(),
        }
    )
    out["doses"] = out["first"] + out["second"] + out["precaution"]
    for column in ("", "_first", "_second", "_precaution"):
        base = "doses" if not column else column[1:]
        out[f"cumulative{column}"] = out.groupby("area")[base].cumsum()
    out["days"] = 1.0
    out["status"] = DAY
    reported = rows.groupby(["area", "date"]).size()
    out["reported"] = pd.MultiIndex.from_arrays([out["area"], out["date"]]).isin(reported.index)
    return _typed(out)


def _totals_only(rows: pd.DataFrame) -> pd.DataFrame:
    """own_days of doses without dose numbers: doses and their cumulative only."""
    totals = rows.groupby(["area", "date"], sort=True)["doses"].sum().astype("int64")
    out = pd.DataFrame(
        {
            "date": totals.index.get_level_values("date"),
            "source": OWN,
            "area": totals.index.get_level_values("area"),
            "doses": totals.to_numpy(),
        }
    )
    unknown = pd.array([pd.NA] * len(out), dtype="Int64")
    for column in ("first", "second", "precaution", "cumulative_first", "cumulative_second", "cumulative_precaution"):
        out[column] = unknown
    out["cumulative"] = out.groupby("area")["doses"].cumsum()
    out["days"] = 1.0
    out["status"] = DAY
    out["reported"] = True
    return _typed(out)


# --- Published cumulative series --------------------------------------------------------------------------


def published_days(values: pd.DataFrame, others: pd.DataFrame | None = None) -> pd.DataFrame:
    """Daily figures of every published dose series, each day with its status.

    values: date, source, area, metric, value as stored (data.read.published.published_values); metrics other
    than DOSE_METRICS are ignored. A series without a total (CoWIN's districts) totals first + second.
    others: a days frame of sources not in values (the state's own reports) that may confirm a day.
    """
    rows = values[values["metric"].isin(DOSE_METRICS)]
    if rows.empty:
        return empty_days()
    rows = rows.assign(source=[source_key(s, a) for s, a in zip(rows["source"], rows["area"], strict=True)])
    wide = rows.pivot_table(index=["source", "area", "date"], columns="metric", values="value", aggfunc="first")
    wide = wide.reindex(columns=list(DOSE_METRICS)).sort_index()
    wide[TOTAL] = wide[TOTAL].fillna(wide[FIRST] + wide[SECOND])
    wide = wide[wide[TOTAL].notna()]  # a date without a total gives no day's doses (the next one spans it)
    if wide.empty:
        return empty_days()
    cumulative = wide.astype("Int64")
    groups = cumulative.groupby(level=["source", "area"], sort=False)
    # Each figure less the series' last published one (a cell missing on the date before does not restart the
    # series); on a series' first date, the figure itself.
    first_date = (groups.cumcount() == 0).to_numpy()
    change = cumulative - groups.ffill().groupby(level=["source", "area"], sort=False).shift(1)
    change[first_date] = cumulative[first_date]
    dates = pd.Series(pd.to_datetime(cumulative.index.get_level_values("date")), index=cumulative.index)
    gap = (dates - dates.groupby(level=["source", "area"], sort=False).shift(1)).dt.days.astype("float64")
    out = pd.DataFrame(
        {
            "date": cumulative.index.get_level_values("date"),
            "source": cumulative.index.get_level_values("source"),
            "area": cumulative.index.get_level_values("area"),
            "doses": change[TOTAL].to_numpy(),
            "first": change[FIRST].to_numpy(),
            "second": change[SECOND].to_numpy(),
            "precaution": pd.array([pd.NA] * len(cumulative), dtype="Int64"),
            "cumulative": cumulative[TOTAL].to_numpy(),
            "cumulative_first": cumulative[FIRST].to_numpy(),
            "cumulative_second": cumulative[SECOND].to_numpy(),
            "cumulative_precaution": pd.array([pd.NA] * len(cumulative), dtype="Int64"),
            "days": gap.to_numpy(),
            "reported": True,
        }
    )
    out["doses"] = out["doses"].fillna(0)
    negative = (out[["doses", "first", "second"]].fillna(0) < 0).any(axis=1)
    out["status"] = DAY
    out.loc[out["days"] > 1, "status"] = SPAN
    out.loc[negative, "status"] = CORRECTION
    out.loc[out["days"].isna(), "status"] = START
    return mark_jumps(_typed(out), others)


def mark_jumps(days: pd.DataFrame, others: pd.DataFrame | None = None) -> pd.DataFrame:
    """days with the status of KNOWN_JUMPS and of unconfirmed jumps set to JUMP (see the module's rule)."""
    status = days["status"].to_numpy(copy=True)
    for check in check_jumps(days, others):
        if check.verdict in (KNOWN, UNCONFIRMED):
            status[check.index] = JUMP
    return days.assign(status=status)


KNOWN, CONFIRMED, UNCONFIRMED, ALONE = "known", "confirmed", "unconfirmed", "alone"
VERDICTS = (KNOWN, CONFIRMED, UNCONFIRMED, ALONE)
"""What the jump rule says of a day it sets apart: a KNOWN_JUMPS day; above JUMP_FACTOR × its median and
confirmed by another source's figure, contradicted by every other source's figure (unconfirmed: a jump), or
with no other source's figure to judge it by (alone: mark_jumps keeps it a regular day)."""


class JumpCheck(NamedTuple):
    """A day the jump rule sets apart, with what it was judged by."""

    index: object
    """The row's label in the days frame."""
    source: str
    area: str
    date: date
    doses: int
    typical: float | None
    """The median of the MEDIAN_DAYS regular days before it (None: too few regular days before it)."""
    reason: str | None
    """Why a KNOWN_JUMPS day is one (definition, catch_up, reconciliation); None for any other day."""
    others: tuple[tuple[str, int], ...]
    """Every other source's figure for the same day and area, (source, doses), in the order of ORDER."""
    verdict: str

    @property
    def ratio(self) -> float | None:
        """doses ÷ typical (None without a typical day)."""
        return self.doses / self.typical if self.typical else None


def check_jumps(days: pd.DataFrame, others: pd.DataFrame | None = None) -> list[JumpCheck]:
    """Every day of days that is a KNOWN_JUMPS day or above JUMP_FACTOR × the median of the MEDIAN_DAYS
    regular days before it, with its verdict (VERDICTS); mark_jumps marks the known and unconfirmed ones.

    others: a days frame of sources not in days whose figures may confirm a day. A day that comes out as a
    jump is not a regular day for the days after it (an ALONE day is: the median follows a series nobody else
    publishes, as it rises for good). A frame already
    marked (published_days) is judged as before its marking: check_jumps(published_days(v)) finds its jumps.
    """
    every = days if others is None or others.empty else pd.concat([days, others], ignore_index=True)
    figures: dict[tuple[str, date], list[tuple[str, int]]] = {}
    for source, area, day, doses, status in every[["source", "area", "date", "doses", "status"]].itertuples(
        index=False
    ):
        if status in (DAY, JUMP):  # JUMP: a frame already marked is judged as it was before
            figures.setdefault((area, day), []).append((source, int(doses)))
    rank = {s: i for i, s in enumerate(ORDER)}
    checks: list[JumpCheck] = []
    for (_source, _area), rows in days.groupby(["source", "area"], sort=False):
        regular: deque[int] = deque(maxlen=MEDIAN_DAYS)
        for i, row in zip(rows.index, rows.itertuples(index=False), strict=True):
            typical = median(regular) if len(regular) >= MEDIAN_DAYS // 2 else None
            reason = KNOWN_JUMPS.get((row.source, row.area, row.date))
            verdict = None
            if reason is not None:
                verdict = KNOWN
            elif row.status in (DAY, JUMP) and typical and row.doses > JUMP_FACTOR * typical:
                verdict = _verdict(row, figures)
            if verdict is not None:
                seen = sorted(
                    ((s, n) for s, n in figures.get((row.area, row.date), []) if s != row.source),
                    key=lambda figure: rank.get(figure[0], len(rank)),
                )
                checks.append(
                    JumpCheck(i, row.source, row.area, row.date, int(row.doses), typical, reason, tuple(seen), verdict)
                )
            if row.status in (DAY, JUMP) and verdict not in (KNOWN, UNCONFIRMED):
                regular.append(int(row.doses))
    return checks


def _verdict(row, figures: dict[tuple[str, date], list[tuple[str, int]]]) -> str:
    """CONFIRMED when another source's figure for the day and area is within AGREE_FACTOR of it, UNCONFIRMED
    when other sources have figures and none is, ALONE when no other source has one. A figure of 0 is no
    evidence either way (a day without reports), so it is not compared with."""
    others = [n for source, n in figures.get((row.area, row.date), []) if source != row.source and n > 0]
    if not others:
        return ALONE
    return CONFIRMED if any(row.doses <= AGREE_FACTOR * n for n in others) else UNCONFIRMED


# --- Choosing among sources ----------------------------------------------------------------------------


def best(days: pd.DataFrame, order: Sequence[str] = ORDER) -> pd.DataFrame:
    """One row per area and date: the first source in order that has a figure for it (sources not in order
    are left out); a day of the state's reports when no centre reported yields to any published figure. Sorted
    by area, date."""
    rank = {source: i for i, source in enumerate(order)}
    rows = days[days["source"].isin(list(order))]
    if rows.empty:
        return empty_days()
    rows = rows.assign(_rank=rows["source"].map(rank) + len(order) * ~rows["reported"].astype(bool))
    rows = rows.sort_values(["area", "date", "_rank"], kind="stable")
    return _typed(rows.drop_duplicates(["area", "date"]).drop(columns="_rank"))


def regular(days: pd.DataFrame) -> pd.DataFrame:
    """Only the days whose figure is doses given on the day."""
    return days[days["status"] == DAY]


class Record(NamedTuple):
    """A source's record day: the regular day with most doses (ties: the earliest)."""

    source: str
    date: date
    doses: int


def records(days: pd.DataFrame, end: date | None = None) -> list[Record]:
    """Each source's record day to end, over its regular days only, in the order of ORDER."""
    rows = regular(days)
    if end is not None:
        rows = rows[rows["date"] <= end]
    out = []
    for source in ORDER:
        mine = rows[rows["source"] == source].groupby("date")["doses"].sum()
        if len(mine) and mine.max() > 0:
            out.append(Record(source, mine.idxmax(), int(mine.max())))
    return out


def on_day(days: pd.DataFrame, day: date, area: str = STATE) -> pd.DataFrame:
    """Every source's row for the area on the day, in the order of ORDER."""
    rows = days[(days["date"] == day) & (days["area"] == area)]
    return (
        rows.assign(_rank=rows["source"].map({s: i for i, s in enumerate(ORDER)}))
        .sort_values("_rank")
        .drop(columns="_rank")
    )


def latest(days: pd.DataFrame, day: date, area: str = STATE) -> pd.DataFrame:
    """Each source's last row for the area on or before the day (its cumulative as published then)."""
    rows = days[(days["area"] == area) & (days["date"] <= day)]
    return rows.sort_values("date").groupby("source", sort=False).tail(1)


def span(days: pd.DataFrame) -> tuple[date | None, date | None]:
    """The first and last date any source has a figure for."""
    if days.empty:
        return None, None
    return min(days["date"]), max(days["date"])


def sources_in(days: pd.DataFrame) -> list[str]:
    """The sources with rows in days, in the order of ORDER."""
    present = set(days["source"])
    return [s for s in ORDER if s in present]


def covering(days: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Several days frames as one."""
    parts = [d for d in days if not d.empty]
    return _typed(pd.concat(parts, ignore_index=True)) if parts else empty_days()


def standing(days: pd.DataFrame, day: date, order: Sequence[str] = ORDER) -> pd.DataFrame:
    """Per area, the figure that stands on the day: the first source in order with a figure for the day (as
    best). A days frame, one row per area with a figure."""
    return best(days[days["date"] == day], order)


# --- Words ---------------------------------------------------------------------------------------------


def source_name(source: str, lang: str = "en") -> str:
    """The source in a sentence: "CoWIN", "the health ministry (MoHFW)", "the state's centre reports"."""
    return t(f"sources.name_{source}", lang)


def short_name(source: str, lang: str = "en") -> str:
    """The source in a legend, a column or a caption: "CoWIN", "MoHFW", "State reports"."""
    return t(f"sources.short_{source}", lang)


def according(source: str, lang: str = "en") -> str:
    """ "according to CoWIN" """
    return t("sources.according", lang, source=source_name(source, lang))


def status_note(row, lang: str = "en") -> str:
    """Why a published day's figure is not one day's doses ("" for a regular day). row: a days-frame row."""
    status = row["status"] if isinstance(row, dict | pd.Series) else row.status
    if status == DAY:
        return ""
    get = (lambda k: row[k]) if isinstance(row, dict | pd.Series) else (lambda k: getattr(row, k))
    if status == SPAN:
        return t("sources.status_span", lang, days=indian_number(int(get("days")), lang))
    if status == CORRECTION:
        return t("sources.status_correction", lang, fall=indian_number(abs(int(min(get("doses"), 0) or 0)), lang))
    if status == JUMP:
        reason = KNOWN_JUMPS.get((get("source"), get("area"), get("date")), "rule")
        return t(
            f"sources.jump_{reason}",
            lang,
            rise=indian_number(int(get("doses")), lang),
            factor=indian_number(JUMP_FACTOR, lang),
        )
    return t(f"sources.status_{status}", lang)
