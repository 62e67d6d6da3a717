"""Data-quality flags: the days on which a figure looks wrong, each with a plain sentence in English and Hindi.

Every rule returns a list of ``Flag``: the area ('STATE' or a district code), the day, the rule's name,
the figures that tripped it (plain ints, floats and strings) and one sentence per language naming the
area, the day and the figures, written the Indian way (1,09,353).

Most rules read a *daily frame*: ``date, [source], area, metric, value, [days], [cumulative]``, one row
per series and day, as ``stats.published.published_daily`` (published series) and
``stats.published.own_daily`` (the state's own doses) build it. ``days`` is how many days a value covers
(2 after a missing published date; NaN on a series' first date, whose value is a cumulative figure and is
never judged); a frame without it has one-day values. The trailing statistics use the calendar: "the 28
days before" are the dates d−28 .. d−1, whatever rows fall in them.

Area names: pass ``names`` as {code: (English name, Hindi name)} (``area_names`` builds it from
``data.read.reference.districts``); without it a district is named by its code and STATE by the catalogue's
``common.state_name``. Every sentence and word comes from the catalogue (stats/labels/quality.py).

Spikes and known jumps read a stats.sources days frame (``days_from_frames``) and follow stats.sources' rule
for jumps, so that a day the quality page raises is the day the product leaves out of daily figures and
record days (see ``spikes``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import holidays
import numpy as np
import pandas as pd

from stats.coverage import coverage_by_dose
from stats.doses import calendar_days, on_calendar
from stats.formatting import indian_number, long_date, percent, signed_change
from stats.labels import t
from stats.published import (
    DOSE_METRICS,
    FIRST,
    IMPLAUSIBLE,
    OWN,
    SECOND,
    SITE_METRICS,
    STATE,
    TOTAL,
    compare_daily_doses,
    daily_from_cumulative,
    own_daily,
    published_daily,
    published_daily_doses,
    series_keys,
)
from stats.sources import (
    ALONE,
    CONFIRMED,
    KNOWN,
    MEDIAN_DAYS,
    PUBLISHED,
    UNCONFIRMED,
    JumpCheck,
    check_jumps,
    covering,
    own_days,
    published_days,
)
from stats.sources import OWN as OWN_SOURCE
from stats.stock import PSEUDO_STORES, stock_on_hand

NEGATIVE = "negative_daily_value"
SPIKE = "spike"
KNOWN_JUMP = "known_jump"
ZERO = "zero_activity"
MISSING_CENTRES = "missing_centres"
OVER_100 = "coverage_over_100"
BEYOND_STOCK = "doses_beyond_stock"
SOURCE_GAP = "source_gap"
RULES = (NEGATIVE, SPIKE, KNOWN_JUMP, ZERO, MISSING_CENTRES, OVER_100, BEYOND_STOCK, SOURCE_GAP)

WINDOW = 28
MIN_HISTORY = 7
SOURCE_GAP_THRESHOLD = 0.1
MAX_CODES = 5
"""missing_centres names at most this many centre codes per district."""
MISSING_CENTRES_DAYS = 7
"""Missing centres are judged on at most the last this many days of a range (as data.read reads centre_reports)."""
SAME_WEEKDAYS = 4
"""missing_centres looks back over this many same weekdays before the day (public holidays skipped)..."""
MIN_SAME_WEEKDAYS = 4
"""...and flags a centre silent on the day that reported on at least this many of them: a habit, not chance (on
the demo, 3 of 4 flags 8 to 17 centres a working day, 4 of 4 flags 2 to 6)."""
HOLIDAY_WEEKS = 4
"""How many more weeks same_weekdays may go back to skip public holidays."""
SUNDAY = 6
HOLIDAY_COUNTRY, HOLIDAY_SUBDIVISION = "IN", "CG"
"""Public holidays: the `holidays` package's India with Chhattisgarh's own (gazetted national and state days)."""
_PUBLIC_HOLIDAYS = holidays.country_holidays(HOLIDAY_COUNTRY, subdiv=HOLIDAY_SUBDIVISION)

AGE_BAND_PEOPLE = (
    "18-44 Years (Individuals Vaccinated)",
    "45-60 Years (Individuals Vaccinated)",
    "60+ Years (Individuals Vaccinated)",
)
AEFI = "AEFI"
CUMULATIVE_CHECKED = (*DOSE_METRICS, *AGE_BAND_PEOPLE, AEFI)
"""Published cumulative metrics the product checks for falls (flags_for_day, flags_over_range): the dose counts,
CoWIN's people vaccinated by age band (re-cut on 27 April 2021: 45-60 falls by 71,773) and its AEFI count
(reads 0 on some days of August and September 2021). Not checked: registrations (the district series' first
column changes meaning on 4 April 2021), genders and vaccines (each changes definition with the totals)."""
ZERO_METRICS = (TOTAL, *SITE_METRICS, OWN)
"""Metrics ``flags_for_day`` checks for zero-activity days."""

LANGS = ("en", "hi")
METRIC_KEYS = {
    TOTAL: "total",
    FIRST: "first",
    SECOND: "second",
    "Sites": "sites",
    "Sessions": "sessions",
    OWN: "own",
    AGE_BAND_PEOPLE[0]: "people_18_44",
    AGE_BAND_PEOPLE[1]: "people_45_60",
    AGE_BAND_PEOPLE[2]: "people_60",
    AEFI: "aefi",
}
"""A series' metric → its word in the catalogue (quality.metric_<key>)."""
SOURCE_KEYS = {"cowin": "cowin", "mohfw": "mohfw", "cowin_district": "cowin_district", "own": "own", None: "own"}
"""A series' source → its name in the catalogue (quality.source_<key>); None: the state's own reports."""

Names = Mapping[str, tuple[str, str]]


@dataclass(frozen=True)
class Flag:
    """One thing that looks wrong in the data: where, when, which rule, the figures, and what to say."""

    area: str
    date: date
    rule: str
    figures: dict = field(hash=False)
    message_en: str
    message_hi: str

    def to_dict(self) -> dict:
        """A JSON-ready dict (the date as YYYY-MM-DD)."""
        return {
            "area": self.area,
            "date": self.date.isoformat(),
            "rule": self.rule,
            "figures": dict(self.figures),
            "message_en": self.message_en,
            "message_hi": self.message_hi,
        }


FLAG_COLUMNS = ["area", "date", "rule", "figures", "message_en", "message_hi"]


def sort_flags(flags: Iterable[Flag]) -> list[Flag]:
    """Flags by date, area and rule (then English message, so that the order is always the same)."""
    return sorted(flags, key=lambda f: (f.date, f.area, f.rule, f.message_en))


def flags_frame(flags: Iterable[Flag]) -> pd.DataFrame:
    """The flags as a frame: area, date, rule, figures, message_en, message_hi; sorted by date, area, rule."""
    rows = [[f.area, f.date, f.rule, f.figures, f.message_en, f.message_hi] for f in sort_flags(flags)]
    return pd.DataFrame(rows, columns=FLAG_COLUMNS, dtype="object")


def area_names(districts: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """{code: (name_en, name_hi)} from a frame as data.read.reference.districts returns it, plus the state."""
    names = dict(zip(districts["code"], zip(districts["name_en"], districts["name_hi"], strict=True), strict=True))
    return {STATE: (t("common.state_name", "en"), t("common.state_name", "hi")), **names}


# --- Words -------------------------------------------------------------------------------------


def _area(code: str, lang: str, names: Names | None) -> str:
    if names and code in names:
        return names[code][LANGS.index(lang)]
    return t("common.state_name", lang) if code == STATE else code


def _metric(metric: str, lang: str) -> str:
    return t(f"quality.metric_{METRIC_KEYS[metric]}", lang) if metric in METRIC_KEYS else metric


def _source(source: str | None, lang: str) -> str:
    return t(f"quality.source_{SOURCE_KEYS[source]}", lang) if source in SOURCE_KEYS else str(source)


def _sentences(key: str, values: Callable[[str], dict]) -> tuple[str, str]:
    """The catalogue's sentence quality.<key> in English and Hindi, filled with values(lang)."""
    english, hindi = (t(f"quality.{key}", lang, **values(lang)) for lang in LANGS)
    return english, hindi


def _n(x: float, lang: str) -> str:
    return indian_number(round(x), lang)


def _times(ratio: float) -> str:
    return f"{ratio:.1f}"


# --- Reading daily frames ----------------------------------------------------------------------


def _judged(daily: pd.DataFrame, metrics: Sequence[str] | None = None) -> pd.DataFrame:
    """The rows a rule judges: one-day or multi-day values (not a series' first, cumulative, figure)."""
    rows = daily if metrics is None or "metric" not in daily.columns else daily[daily["metric"].isin(list(metrics))]
    if "days" not in rows.columns:
        rows = rows.assign(days=1.0)
    return rows[rows["days"].notna()]


def _series(daily: pd.DataFrame) -> Iterable[tuple[dict, pd.DataFrame]]:
    """Each series of a daily frame (by source, area, metric) with its key, rows in date order."""
    keys = series_keys(daily)
    if daily.empty:
        return
    if not keys:
        yield {}, daily.sort_values("date", kind="stable")
        return
    # dropna=False: own doses have no source; pandas would otherwise drop them when mixed with published series.
    for key, rows in daily.groupby(keys, sort=True, dropna=False):
        named = {k: (None if pd.isna(v) else v) for k, v in zip(keys, key, strict=True)}
        yield named, rows.sort_values("date", kind="stable")


def trailing_medians(rows: pd.DataFrame, window: int = WINDOW) -> pd.DataFrame:
    """The rows (date, value, days and the series' keys) with, for each: rate = value ÷ days, and the median
    and count of its series' rates dated in the window days before (the day itself excluded). Added
    columns: rate, median, history. All series at once (one grouped rolling window, not one per series)."""
    keys = series_keys(rows)
    if rows.empty:
        return rows.assign(rate=pd.Series(dtype="float64"), median=pd.Series(dtype="float64"), history=0.0)
    ordered = rows.sort_values([*keys, "date"], kind="stable", na_position="first")
    rate = ordered["value"].astype("float64").to_numpy() / ordered["days"].astype("float64").to_numpy()
    timed = pd.DataFrame({"rate": rate, "at": pd.to_datetime(ordered["date"]).to_numpy()})
    series = ordered.groupby(keys, sort=False, dropna=False).ngroup().to_numpy() if keys else np.zeros(len(rate))
    rolling = timed.groupby(series, sort=False).rolling(f"{window}D", on="at", closed="left")["rate"]
    # Groups are contiguous runs of `ordered` (sorted by series, then date) and come back in that order.
    median = rolling.median().to_numpy()
    history = rolling.count().fillna(0).to_numpy()
    return ordered.assign(rate=rate, median=median, history=history)


def _key(keys: Sequence[str], row) -> dict:
    return {k: (None if pd.isna(getattr(row, k)) else getattr(row, k)) for k in keys}


def _facts(key: dict, row) -> dict:
    facts = {k: key[k] for k in ("source", "metric") if k in key}
    facts["days"] = int(row.days)
    return facts


def _previous_date(row) -> date:
    return row.date - timedelta(days=int(row.days))


# --- Rules on daily frames -------------------------------------------------------------------------


def negative_values(daily: pd.DataFrame, *, names: Names | None = None) -> list[Flag]:
    """A daily value below zero: the published cumulative count fell (a recount or correction); one that falls
    to 0 is said to be probably missing (CoWIN's AEFI reads 0 on some days of August 2021)."""
    flags = []
    for key, rows in _series(_judged(daily)):
        for row in rows[rows["value"] < 0].itertuples(index=False):
            area = key.get("area", STATE)
            fall = -int(row.value)
            figures = _facts(key, row) | {"value": int(row.value)}
            cumulative = getattr(row, "cumulative", None)
            known = cumulative is not None and not pd.isna(cumulative)
            if known:
                figures |= {"previous": int(cumulative) + fall, "cumulative": int(cumulative)}

            def values(lang: str, row=row, key=key, area=area, fall=fall, figures=figures, known=known) -> dict:
                span = {k: indian_number(figures[k], lang) for k in ("previous", "cumulative")} if known else {}
                return {
                    "date": long_date(row.date, lang),
                    "area": _area(area, lang, names),
                    "source": _source(key.get("source"), lang),
                    "metric": _metric(key.get("metric", OWN), lang),
                    "amount": indian_number(fall, lang),
                    "detail": t("quality.negative_detail", lang, **span) if known else "",
                }

            sentence = "negative_to_zero" if known and int(cumulative) == 0 else "negative"
            flags.append(Flag(area, row.date, NEGATIVE, figures, *_sentences(sentence, values)))
    return sort_flags(flags)


def negative_daily_values(
    series: pd.DataFrame, metrics: Sequence[str] | None = DOSE_METRICS, *, names: Names | None = None
) -> list[Flag]:
    """A cumulative metric of a published series fell from one published date to the next.

    series: the cumulative figures (date, [source], area, metric, value). metrics: which metrics must
    never fall (default: the three dose counts; None: every metric in the frame).
    """
    rows = series if metrics is None else series[series["metric"].isin(list(metrics))]
    return negative_values(daily_from_cumulative(rows), names=names)


def _span_words(row, lang: str) -> str:
    if row.days <= 1:
        return ""
    return t("quality.span", lang, days=int(row.days), since=long_date(_previous_date(row), lang))


def _series_words(row, key: dict, area: str, lang: str, names: Names | None) -> dict:
    """date, area, source, metric and span of a spike's or zero day's sentence."""
    return {
        "date": long_date(row.date, lang),
        "area": _area(area, lang, names),
        "source": _source(key.get("source"), lang),
        "metric": _metric(key.get("metric", OWN), lang),
        "span": _span_words(row, lang),
    }


def spikes(days: pd.DataFrame, *, names: Names | None = None) -> list[Flag]:
    """The jumps of stats.sources' rule, as flags: one rule for the whole product.

    days: a stats.sources days frame holding every source to judge and confirm with (published_days and
    own_days concatenated). A published day is flagged exactly when stats.sources counts it as a jump: a
    KNOWN_JUMPS day as a known jump (KNOWN_JUMP, with its reason), any other as a spike (SPIKE: above
    JUMP_FACTOR × the median of the MEDIAN_DAYS regular days before it, and no other source's figure for the
    same day and area within AGREE_FACTOR). A day another source confirms is not raised (CoWIN's 21 and 22
    June 2021, which the ministry's 91,284 and 1,10,143 confirm). The state's own reports confirm published
    days, and are judged by the same rule; a day of their own that no published source has a figure for is
    raised too (nobody can confirm it, and a backlog upload is what the rule is there to catch), except a
    district's day when the state's own day, itself above the rule's threshold, is confirmed by a published
    source: the district's rise is part of a state-wide one that is confirmed.
    """
    if days.empty:
        return []
    published = days[days["source"].isin(list(PUBLISHED))]
    own = days[days["source"] == OWN_SOURCE]
    checks = [c for c in check_jumps(published, own) if c.verdict in (KNOWN, UNCONFIRMED)]
    own_checks = check_jumps(own, published)
    confirmed_state_days = {c.date for c in own_checks if c.area == STATE and c.verdict == CONFIRMED}
    checks += [
        c
        for c in own_checks
        if c.verdict == UNCONFIRMED or (c.verdict == ALONE and not (c.area != STATE and c.date in confirmed_state_days))
    ]
    return sort_flags(_jump_flag(check, names) for check in checks)


def _jump_flag(check: JumpCheck, names: Names | None) -> Flag:
    """A known jump's or a spike's flag."""
    metric = OWN if check.source == OWN_SOURCE else TOTAL
    figures = {"source": check.source, "metric": metric, "days": 1, "value": check.doses}
    if check.typical:
        figures |= {"median": float(check.typical), "ratio": round(check.ratio, 2)}
    figures["others"] = {source: doses for source, doses in check.others}
    if check.verdict == KNOWN:
        figures["reason"] = check.reason

    def values(lang: str) -> dict:
        others = [
            t("quality.spike_other", lang, source=_source(s, lang), value=indian_number(n, lang))
            for s, n in check.others
        ]
        return {
            "date": long_date(check.date, lang),
            "area": _area(check.area, lang, names),
            "source": _source(check.source, lang),
            "metric": _metric(metric, lang),
            "value": indian_number(check.doses, lang),
            "ratio": _times(check.ratio) if check.ratio else "",
            "window": MEDIAN_DAYS,
            "typical": _n(check.typical, lang) if check.typical else "",
            "reason": t(f"quality.jump_reason_{check.reason}", lang) if check.reason else "",
            "others": t("quality.spike_others", lang, others="; ".join(others)) if others else "",
        }

    if check.verdict == KNOWN:
        return Flag(check.area, check.date, KNOWN_JUMP, figures, *_sentences("known_jump", values))
    key = "spike" if check.others else "spike_alone"
    return Flag(check.area, check.date, SPIKE, figures, *_sentences(key, values))


def days_from_frames(series: pd.DataFrame, state: pd.DataFrame, districts: pd.DataFrame) -> pd.DataFrame:
    """The stats.sources days frame spikes reads: every published series (confirmed against the state's own
    reports) and the state's own reports for the state and each district. series: published_values; state:
    date, doses; districts: date, district_code, doses (as data.read.quality.quality_range_frames holds them)."""
    own = covering([own_days(state), own_days(districts)])
    return covering([published_days(series, others=own), own])


def zero_activity(
    daily: pd.DataFrame,
    window: int = WINDOW,
    min_history: int = MIN_HISTORY,
    metrics: Sequence[str] | None = None,
    *,
    names: Names | None = None,
) -> list[Flag]:
    """A day with 0 (sites, sessions, doses) in a series whose window days before had a median above 0.

    Judged only with at least min_history values in the window. Reads daily counts: published sites and
    sessions as published, dose counts as daily differences (a flat cumulative total is a zero day). A field
    known to be implausible (stats.published.IMPLAUSIBLE) is said to read 0, and no typical day is quoted.
    """
    flags = []
    rows, keys = trailing_medians(_judged(daily, metrics), window), series_keys(daily)
    tripped = (rows["history"] >= min_history) & (rows["median"] > 0) & (rows["rate"] == 0)
    for row in rows[tripped].itertuples(index=False):
        key, median = _key(keys, row), row.median
        area = key.get("area", STATE)
        implausible = (key.get("source"), key.get("metric")) in IMPLAUSIBLE
        figures = _facts(key, row) | {"value": 0}
        if implausible:  # its figures are not believable: none of them is quoted as typical
            figures["implausible"] = True
        else:
            figures["median"] = float(median)

        def values(lang: str, row=row, key=key, area=area, median=median) -> dict:
            return {**_series_words(row, key, area, lang, names), "window": window, "typical": _n(median, lang)}

        sentence = "zero_implausible" if implausible else "zero"
        flags.append(Flag(area, row.date, ZERO, figures, *_sentences(sentence, values)))
    return sort_flags(flags)


# --- Centres, coverage, stock ------------------------------------------------------------------


def rest_day(day: date) -> bool:
    """True on a Sunday or a public holiday of the state (HOLIDAY_COUNTRY, HOLIDAY_SUBDIVISION): sessions are
    not held, so a centre's silence that day is no lapse."""
    return day.weekday() == SUNDAY or day in _PUBLIC_HOLIDAYS


def same_weekdays(day: date, count: int = SAME_WEEKDAYS) -> list[date]:
    """The count latest days before day on its weekday that were not public holidays, latest first (the days
    missing_centres looks back over: 31 March 2022, a Thursday -> 24, 17, 10 and 3 March)."""
    earlier = (day - timedelta(weeks=week) for week in range(1, count + HOLIDAY_WEEKS + 1))
    return [d for d in earlier if not rest_day(d)][:count]


def missing_centres(centre_reports: pd.DataFrame, day: date, *, names: Names | None = None) -> list[Flag]:
    """Centres that did not report on day though they usually do on its weekday: one flag per district.

    A centre is flagged when it reported on at least MIN_SAME_WEEKDAYS of the SAME_WEEKDAYS latest same
    weekdays before day that were not public holidays (same_weekdays) and not on day itself; never on a Sunday
    or a public holiday (rest_day). A centre that reports now and then, or only on some weekdays, is not a
    lapse; one that reports every Thursday and is silent this Thursday is.

    centre_reports: date (the day judged), centre_code, district_code, [centre_name], reported (1 when the
    centre reported that day, whatever its doses, else 0) and weekdays_reported (on how many of the day's
    same_weekdays it reported), as data.read.quality.centre_reports reads them.
    """
    if rest_day(day) or centre_reports.empty:
        return []
    rows = centre_reports[
        (centre_reports["date"] == day)
        & (centre_reports["reported"] == 0)
        & (centre_reports["weekdays_reported"] >= MIN_SAME_WEEKDAYS)
    ]
    looked_at = same_weekdays(day)
    flags = []
    for district, centres in rows.groupby("district_code", sort=True):
        codes = sorted(set(centres["centre_code"]))
        shown, more = codes[:MAX_CODES], len(codes) - MAX_CODES
        figures = {
            "centres": len(codes),
            "centre_codes": shown,
            "same_weekdays": [d.isoformat() for d in looked_at],
            "at_least": MIN_SAME_WEEKDAYS,
        }

        def values(lang: str, district=district, codes=codes, shown=shown, more=more) -> dict:
            subject = "quality.missing_centres_one" if len(codes) == 1 else "quality.missing_centres_many"
            return {
                "subject": t(subject, lang, count=indian_number(len(codes), lang)),
                "area": _area(district, lang, names),
                "least": MIN_SAME_WEEKDAYS,
                "weeks": len(looked_at),
                "weekday": t(f"quality.weekday_{day.weekday()}", lang),
                "date": long_date(day, lang),
                "listed": ", ".join(shown),
                "rest": t("quality.missing_centres_more", lang, more=indian_number(more, lang)) if more > 0 else "",
            }

        sentence = "missing_centres_each" if len(looked_at) <= MIN_SAME_WEEKDAYS else "missing_centres"
        flags.append(Flag(district, day, MISSING_CENTRES, figures, *_sentences(sentence, values)))
    return flags


def _coverage_dose(dose: int, lang: str) -> str:
    """first-dose / पहली खुराक (before "coverage")."""
    if dose in (1, 2, 3):
        return t(f"quality.coverage_dose_{dose}", lang)
    return t("quality.coverage_dose_other", lang, n=dose)


def coverage_over_100(coverage: pd.DataFrame, as_of: date, *, names: Names | None = None) -> list[Flag]:
    """Coverage above 100% of the target population, from stats.coverage.coverage_by_dose output.

    The frame has no date: as_of is the date the cumulative doses run to. Its area is the district_code
    column (STATE when the frame has none).
    """
    flags = []
    for row in coverage[coverage["over_100"].fillna(False).astype(bool)].itertuples(index=False):
        area = getattr(row, "district_code", STATE)
        dose = int(row.dose_number)
        figures = {
            "dose_number": dose,
            "doses": int(row.doses),
            "population": int(row.population),
            "coverage": float(row.coverage),
        }

        def values(lang: str, row=row, area=area, dose=dose) -> dict:
            return {
                "date": long_date(as_of, lang),
                "dose": _coverage_dose(dose, lang),
                "area": _area(area, lang, names),
                "share": percent(row.coverage, lang),
                "doses": indian_number(int(row.doses), lang),
                "people": indian_number(int(row.population), lang),
            }

        flags.append(Flag(area, as_of, OVER_100, figures, *_sentences("coverage_over_100", values)))
    return sort_flags(flags)


def daily_stock(movements: pd.DataFrame, administered: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Stock on hand at the end of every day from start to end, per real store and vaccine.

    The opening balance is stats.stock.stock_on_hand the day before start; each day adds what came in
    and takes off what went out and what was given. Columns: date, store, vaccine, on_hand.
    """
    opening = stock_on_hand(movements, administered, start - timedelta(days=1))
    moved = movements[(movements["date"] >= start) & (movements["date"] <= end)]
    given = administered[(administered["date"] >= start) & (administered["date"] <= end)]
    flows = [
        opening[["store", "vaccine"]].assign(date=start, change=opening["on_hand"]),
        moved.rename(columns={"to_store": "store"}).assign(change=moved["quantity"]),
        moved.rename(columns={"from_store": "store"}).assign(change=-moved["quantity"]),
        given.rename(columns={"district_code": "store"}).assign(change=-given["doses"]),
    ]
    flows = [f[["date", "store", "vaccine", "change"]] for f in flows if not f.empty]
    if not flows:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "on_hand" else "object") for c in DAILY_STOCK})
    ledger = pd.concat(flows, ignore_index=True)
    ledger = ledger[~ledger["store"].isin(PSEUDO_STORES)].astype({"change": "int64"})
    daily = on_calendar(ledger, ("store", "vaccine"), ("change",), start, end)
    daily = daily.sort_values(["store", "vaccine", "date"], kind="stable").reset_index(drop=True)
    daily["on_hand"] = daily.groupby(["store", "vaccine"], sort=False)["change"].cumsum().astype("int64")
    return daily[DAILY_STOCK]


DAILY_STOCK = ["date", "store", "vaccine", "on_hand"]


def doses_beyond_stock(
    movements: pd.DataFrame,
    administered: pd.DataFrame,
    start: date,
    end: date,
    *,
    names: Names | None = None,
    vaccines: Names | None = None,
) -> list[Flag]:
    """The first day of each run of days (start..end) on which a store gave out more than it received: its
    balance (received − sent − given) below zero. An alert to check the ledger, never a stock figure.

    movements: date, vaccine, from_store, to_store, quantity. administered: date, district_code, vaccine,
    doses. Only where a ledger exists: a vaccine with no movement at all has no ledger to check (a database
    holding only published series has none), so its doses given are never an alert. A run already under way
    on start is flagged on start. Figures: store, vaccine (its code), on_hand that day (the balance, negative),
    lowest and days_below_zero over the run (within start..end), and its last day (until). vaccines: {code:
    (English, Hindi)} names the vaccine (without it, its code).
    """
    ledgered = administered[administered["vaccine"].isin(list(set(movements["vaccine"])))]
    stock = daily_stock(movements, ledgered, start, end).sort_values(["store", "vaccine", "date"])
    # Runs of consecutive days below zero, per store and vaccine, all found at once (no loop per store).
    below = (stock["on_hand"] < 0).to_numpy()
    same_store = (stock[["store", "vaccine"]] == stock[["store", "vaccine"]].shift(1)).all(axis=1).to_numpy()
    starts = below & ~(same_store & np.concatenate([[False], below[:-1]]))
    runs = (
        stock.assign(run=np.cumsum(starts))[below]
        .groupby("run", sort=True)
        .agg(
            store=("store", "first"),
            vaccine=("vaccine", "first"),
            date=("date", "first"),
            on_hand=("on_hand", "first"),
            lowest=("on_hand", "min"),
            days=("on_hand", "size"),
            until=("date", "last"),
        )
    )
    flags = []
    for run in runs.itertuples(index=False):
        store, vaccine, days = run.store, run.vaccine, int(run.days)
        figures = {
            "vaccine": vaccine,
            "on_hand": int(run.on_hand),
            "lowest": int(run.lowest),
            "days_below_zero": days,
            "until": run.until.isoformat(),
        }

        def values(lang: str, run=run, store=store, vaccine=vaccine, days=days, figures=figures) -> dict:
            length = "quality.beyond_stock_days_one" if days == 1 else "quality.beyond_stock_days_many"
            return {
                "date": long_date(run.date, lang),
                "vaccine": _area(vaccine, lang, vaccines) if vaccines and vaccine in vaccines else vaccine,
                "store": t("stock.store_STATE", lang) if store == STATE else _area(store, lang, names),
                "excess": indian_number(-figures["on_hand"], lang),
                "most": indian_number(-figures["lowest"], lang),
                "length": t(length, lang, days=indian_number(days, lang)),
            }

        flags.append(Flag(store, run.date, BEYOND_STOCK, figures, *_sentences("beyond_stock", values)))
    return sort_flags(flags)


def vaccine_names(vaccines: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    """{code: (name_en, name_hi)} from a frame as data.read.reference.vaccine_intervals returns it."""
    if vaccines is None or vaccines.empty:
        return {}
    return dict(zip(vaccines["code"], zip(vaccines["name_en"], vaccines["name_hi"], strict=True), strict=True))


# --- Sources ---------------------------------------------------------------------------------------


def source_gaps(
    own: pd.DataFrame,
    published_daily: pd.DataFrame,
    threshold: float = SOURCE_GAP_THRESHOLD,
    *,
    names: Names | None = None,
) -> list[Flag]:
    """Days on which the state's own doses differ from a published source's by more than threshold.

    own: date, doses. published_daily: date, source, doses, days (stats.published.published_daily_doses).
    Compared over the same days (stats.published.compare_daily_doses); relative gap = (own − published) ÷
    published. A published 0 against own doses is a gap of any size.
    """
    compared = compare_daily_doses(own, published_daily)
    relative = compared["relative_gap"]
    gap = (relative.abs() > threshold) | ((compared["published"] == 0) & (compared["own"] != 0))
    flags = []
    for row in compared[gap].itertuples(index=False):
        figures = {
            "source": row.source,
            "days": int(row.days),
            "own": int(row.own),
            "published": int(row.published),
            "gap": int(row.gap),
            "relative_gap": None if pd.isna(row.relative_gap) else float(row.relative_gap),
        }

        def values(lang: str, row=row) -> dict:
            return {
                "date": long_date(row.date, lang),
                "span": _span_words(row, lang),
                "area": _area(STATE, lang, names),
                "own": indian_number(int(row.own), lang),
                "published": indian_number(int(row.published), lang),
                "source": _source(row.source, lang),
                "difference": signed_change(int(row.gap), lang),
                "share": "" if pd.isna(row.relative_gap) else f", {_signed_percent(row.relative_gap, lang)}",
                "limit": percent(threshold, lang, digits=0),
            }

        flags.append(Flag(STATE, row.date, SOURCE_GAP, figures, *_sentences("source_gap", values)))
    return sort_flags(flags)


def _signed_percent(x: float, lang: str) -> str:
    text = percent(abs(x), lang)
    return ("+" if x > 0 else "\u2212" if x < 0 else "") + text


# --- Everything for one day --------------------------------------------------------------------


def flags_for_day(
    day: date,
    area: str = STATE,
    *,
    daily: pd.DataFrame | None = None,
    days: pd.DataFrame | None = None,
    centre_reports: pd.DataFrame | None = None,
    coverage: pd.DataFrame | None = None,
    movements: pd.DataFrame | None = None,
    administered: pd.DataFrame | None = None,
    published: pd.DataFrame | None = None,
    own: pd.DataFrame | None = None,
    names: Names | None = None,
    vaccines: Names | None = None,
) -> list[Flag]:
    """Every flag dated day for area (STATE: the state's and every district's), from the inputs given.

    daily: a daily frame (stats.published.published_daily and/or own_daily, concatenated) with at least
    the WINDOW days before day -> negative values (any metric), zero activity (ZERO_METRICS). days (a
    stats.sources days frame, days_from_frames, with at least the WINDOW days before day) -> spikes and known
    jumps. centre_reports (data.read.quality.centre_reports of the day) -> missing centres. coverage
    (coverage_by_dose up to day) -> coverage over 100%. movements + administered -> doses beyond stock. published
    (published_daily_doses) + own (date, doses) -> source gaps. Sorted by date, area, rule.
    """
    flags: list[Flag] = []
    if daily is not None:
        flags += negative_values(daily[daily["date"] == day], names=names)
        history = daily[(daily["date"] >= day - timedelta(days=WINDOW)) & (daily["date"] <= day)]
        flags += zero_activity(history, metrics=ZERO_METRICS, names=names)
    if days is not None:
        recent = days[(days["date"] >= day - timedelta(days=WINDOW)) & (days["date"] <= day)]
        flags += spikes(recent, names=names)
    if centre_reports is not None:
        flags += missing_centres(centre_reports, day, names=names)
    if coverage is not None:
        flags += coverage_over_100(coverage, day, names=names)
    if movements is not None and administered is not None:
        flags += doses_beyond_stock(
            movements, administered, day - timedelta(days=1), day, names=names, vaccines=vaccines
        )
    if published is not None and own is not None:
        flags += source_gaps(own, published[published["date"] == day], names=names)
    kept = [f for f in flags if f.date == day and (area == STATE or f.area == area)]
    return sort_flags(kept)


def flags_from_frames(day: date, area: str, frames: dict[str, pd.DataFrame]) -> list[Flag]:
    """Every flag for the day and area from the frames of data.read.quality.quality_frames."""

    start = frames["state"]["date"].min() if not frames["state"].empty else day
    daily = pd.concat(
        [
            published_daily(frames["series"], cumulative=CUMULATIVE_CHECKED),
            own_daily(frames["state"], start, day),
            own_daily(frames["districts"], start, day),
        ],
        ignore_index=True,
    )
    return flags_for_day(
        day,
        area,
        daily=daily,
        days=days_from_frames(frames["series"], frames["state"], frames["districts"]),
        centre_reports=frames["centre_reports"],
        coverage=coverage_by_dose(frames["bands"], frames["targets"], as_of=day),
        movements=frames["movements"],
        administered=frames["administered"],
        published=published_daily_doses(frames["series"]),
        own=frames["state"],
        names=area_names(frames["districts_names"]),
        vaccines=vaccine_names(frames.get("vaccines")),
    )


def flags_over_range(
    start: date, end: date, frames: dict[str, pd.DataFrame], *, names: Names | None = None
) -> list[Flag]:
    """Every flag of the rules of stats.quality dated from start to end, from data.read.quality.quality_range_frames.

    Negative values, spikes, zero activity and source gaps on every day of the range (with the trailing
    history the frames carry); missing centres on the days of the range that centre_reports covers (at most
    the last MISSING_CENTRES_DAYS); coverage above 100% on end; doses beyond stock on every day. Sorted by
    date, area and rule.
    """
    state, series = frames["state"], frames["series"]
    first = min(state["date"]) if len(state) else start
    # One daily frame per kind: stats.quality groups a frame by source, area and metric, and a group whose
    # source is missing (own doses concatenated to published series) would be left out.
    dailies = [published_daily(series), own_daily(state, first, end), own_daily(frames["districts"], first, end)]
    flags = negative_daily_values(series, CUMULATIVE_CHECKED, names=names)
    for daily in dailies:
        flags += zero_activity(daily, metrics=ZERO_METRICS, names=names)
    flags += spikes(days_from_frames(series, state, frames["districts"]), names=names)
    centre_reports = frames["centre_reports"]
    for day in calendar_days(max(start, end - timedelta(days=MISSING_CENTRES_DAYS - 1)), end):
        flags += missing_centres(centre_reports, day, names=names)
    coverage = coverage_by_dose(frames["bands"], frames["targets"], as_of=end)
    flags += coverage_over_100(coverage, end, names=names)
    flags += doses_beyond_stock(
        frames["movements"],
        frames["administered"],
        start,
        end,
        names=names,
        vaccines=vaccine_names(frames.get("vaccines")),
    )
    flags += source_gaps(state, published_daily_doses(series), names=names)
    return sort_flags(f for f in flags if start <= f.date <= end)
