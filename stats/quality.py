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
``data.read.reference.districts``); without it a district is named by its code and STATE as Chhattisgarh.

Default thresholds (the spike rule's ``k = 8``) are chosen on the real 2021 Chhattisgarh series; see
``SPIKE_K``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from stats.doses import on_calendar
from stats.formatting import indian_number, long_date, percent, signed_change
from stats.published import (
    DOSE_METRICS,
    FIRST,
    OWN,
    SECOND,
    SITE_METRICS,
    STATE,
    TOTAL,
    compare_daily_doses,
    daily_from_cumulative,
    series_keys,
)
from stats.stock import PSEUDO_STORES, stock_on_hand

NEGATIVE = "negative_daily_value"
SPIKE = "spike"
ZERO = "zero_activity"
MISSING_CENTRES = "missing_centres"
OVER_100 = "coverage_over_100"
BEYOND_STOCK = "doses_beyond_stock"
SOURCE_GAP = "source_gap"
RULES = (NEGATIVE, SPIKE, ZERO, MISSING_CENTRES, OVER_100, BEYOND_STOCK, SOURCE_GAP)

SPIKE_K = 8.0
"""A day is a spike above 8 × the median of the 28 days before it. On CoWIN's 2021 state total, the
16/03 definition change is 11.9 × its trailing median and the late-June catch-up days 14–48 ×, while the
biggest ordinary days (the April 2021 drive: 02/04 +3,07,260 and 04/04 +3,09,561) reach 5.6 ×. k = 5 (a
common choice) would flag those April days; any k between 5.7 and 11.8 separates the two groups, and 8 sits
near the middle (on a log scale). Health-ministry 20/05 (+7,32,212) is 21.9 ×. k = 8 also flags the
programme's first weeks (25/01–05/02/2021: 8–25 × medians of a few hundred doses), CoWIN's whole catch-up
run 21/06–04/07 and the health ministry's biggest late-June days (23–26/06, 10–11 ×): a trailing median
cannot tell a real scale-up from a backlog, so the message asks for a check rather than calling it wrong.
The spike rule compares a value per day (value ÷ days), so a 2-day figure after a missing date is halved."""
WINDOW = 28
MIN_HISTORY = 7
SOURCE_GAP_THRESHOLD = 0.1
MAX_CODES = 5
"""missing_centres names at most this many centre codes per district."""

SPIKE_METRICS = (TOTAL, OWN)
"""Metrics ``flags_for_day`` checks for spikes: one total per source (first and second doses jump with it)."""
ZERO_METRICS = (TOTAL, *SITE_METRICS, OWN)
"""Metrics ``flags_for_day`` checks for zero-activity days."""

STATE_NAME = ("Chhattisgarh", "छत्तीसगढ़")
LANGS = ("en", "hi")
METRIC_LABELS = {
    # English label; Hindi label in the oblique plural (it is always followed by की संख्या or में)
    TOTAL: ("total doses", "कुल खुराकों"),
    FIRST: ("first doses", "पहली खुराकों"),
    SECOND: ("second doses", "दूसरी खुराकों"),
    "Sites": ("vaccination sites", "टीकाकरण केंद्रों"),
    "Sessions": ("sessions", "टीकाकरण सत्रों"),
    OWN: ("doses", "खुराकों"),
}
SOURCE_LABELS = {
    "cowin": ("CoWIN", "CoWIN"),
    "mohfw": ("the health ministry (MoHFW)", "स्वास्थ्य मंत्रालय (MoHFW)"),
    None: ("the state's own reports", "राज्य की अपनी रिपोर्टों"),
}
DOSE_LABELS = {1: ("first-dose", "पहली खुराक"), 2: ("second-dose", "दूसरी खुराक"), 3: ("precaution-dose", "एहतियाती खुराक")}

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
    return {STATE: STATE_NAME, **names}


# --- Words -------------------------------------------------------------------------------------


def _area(code: str, lang: str, names: Names | None) -> str:
    if names and code in names:
        return names[code][LANGS.index(lang)]
    return STATE_NAME[LANGS.index(lang)] if code == STATE else code


def _metric(metric: str, lang: str) -> str:
    return METRIC_LABELS.get(metric, (metric, metric))[LANGS.index(lang)]


def _source(source: str | None, lang: str) -> str:
    return SOURCE_LABELS.get(source, (str(source), str(source)))[LANGS.index(lang)]


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
    """A daily value below zero: the published cumulative count fell (a recount or correction)."""
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
            words = {}
            for lang in LANGS:
                where = (long_date(row.date, lang), _area(area, lang, names), _source(key.get("source"), lang))
                metric, amount = _metric(key.get("metric", OWN), lang), indian_number(fall, lang)
                span = ""
                if known:
                    span = f"{indian_number(figures['previous'], lang)} → {indian_number(figures['cumulative'], lang)}"
                if lang == "en":
                    detail = f" (from {span.replace(' → ', ' to ')})" if known else ""
                    words[lang] = (
                        f"On {where[0]}, the cumulative count of {metric} for {where[1]} fell by {amount} "
                        f"according to {where[2]}{detail}. A published cumulative count should never fall: "
                        "this is usually a recount or a correction of earlier days."
                    )
                else:
                    detail = f" ({span.replace(' → ', ' से ')})" if known else ""
                    words[lang] = (
                        f"{where[2]} के अनुसार {where[0]} को {where[1]} में {metric} की संचयी संख्या {amount} घट "
                        f"गई{detail}। प्रकाशित संचयी संख्या कभी घटनी नहीं चाहिए; ऐसा आम तौर पर दोबारा गिनती या "
                        "पिछले दिनों के आँकड़ों में सुधार से होता है।"
                    )
            flags.append(Flag(area, row.date, NEGATIVE, figures, words["en"], words["hi"]))
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
    since = long_date(_previous_date(row), lang)
    if lang == "en":
        return f" over {int(row.days)} days since {since}"
    return f" ({since} के बाद {int(row.days)} दिनों में)"


def spikes(
    daily: pd.DataFrame,
    k: float = SPIKE_K,
    window: int = WINDOW,
    min_history: int = MIN_HISTORY,
    metrics: Sequence[str] | None = None,
    *,
    names: Names | None = None,
) -> list[Flag]:
    """A day whose value (per day, value ÷ days) is above k × the median of the window days before it.

    Judged only with at least min_history values in the window and a median above 0. metrics: which
    metrics to judge (None: all). See SPIKE_K for the default k.
    """
    flags = []
    rows, keys = trailing_medians(_judged(daily, metrics), window), series_keys(daily)
    tripped = (rows["history"] >= min_history) & (rows["median"] > 0) & (rows["rate"] > k * rows["median"])
    for row in rows[tripped].itertuples(index=False):
        key, median = _key(keys, row), row.median
        area = key.get("area", STATE)
        ratio = float(row.value) / row.days / median
        figures = _facts(key, row) | {"value": int(row.value), "median": float(median), "ratio": round(ratio, 2)}
        words = {}
        for lang in LANGS:
            when, where = long_date(row.date, lang), _area(area, lang, names)
            source, metric = _source(key.get("source"), lang), _metric(key.get("metric", OWN), lang)
            value, typical = indian_number(int(row.value), lang), _n(median, lang)
            if lang == "en":
                words[lang] = (
                    f"According to {source}, {where} had {value} {metric} on {when}{_span_words(row, lang)}: "
                    f"{_times(ratio)} times a typical day in the {window} days before (median {typical}). "
                    "A jump this size usually means a change in how doses are counted or a backlog upload: "
                    "check it before reporting it as one day's vaccinations."
                )
            else:
                words[lang] = (
                    f"{source} के अनुसार {when} को {where} में {metric} की संख्या {value} रही"
                    f"{_span_words(row, lang)}, जो पिछले {window} दिनों के सामान्य दिन (माध्यिका {typical}) "
                    f"का {_times(ratio)} गुना है। इतनी बड़ी छलांग आम तौर पर गिनती के तरीक़े में बदलाव या "
                    "पुराने आँकड़ों के एक साथ अपलोड होने का संकेत होती है; इसे एक दिन का टीकाकरण बताने से पहले "
                    "जाँच लें।"
                )
        flags.append(Flag(area, row.date, SPIKE, figures, words["en"], words["hi"]))
    return sort_flags(flags)


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
    sessions as published, dose counts as daily differences (a flat cumulative total is a zero day).
    """
    flags = []
    rows, keys = trailing_medians(_judged(daily, metrics), window), series_keys(daily)
    tripped = (rows["history"] >= min_history) & (rows["median"] > 0) & (rows["rate"] == 0)
    for row in rows[tripped].itertuples(index=False):
        key, median = _key(keys, row), row.median
        area = key.get("area", STATE)
        figures = _facts(key, row) | {"value": 0, "median": float(median)}
        words = {}
        for lang in LANGS:
            when, where = long_date(row.date, lang), _area(area, lang, names)
            source, metric = _source(key.get("source"), lang), _metric(key.get("metric", OWN), lang)
            typical = _n(median, lang)
            if lang == "en":
                words[lang] = (
                    f"According to {source}, {where} had 0 {metric} on {when}{_span_words(row, lang)}, "
                    f"although a typical day in the {window} days before had {typical}. A zero where there "
                    "is normally activity usually means the figures were not uploaded, not that no one was "
                    "vaccinated."
                )
            else:
                words[lang] = (
                    f"{source} के अनुसार {when} को {where} में {metric} की संख्या 0 रही"
                    f"{_span_words(row, lang)}, जबकि पिछले {window} दिनों में एक सामान्य दिन (माध्यिका) में "
                    f"यह {typical} थी। जहाँ रोज़ गतिविधि होती है, वहाँ शून्य का मतलब आम तौर पर यह होता है "
                    "कि आँकड़े अपलोड नहीं हुए, यह नहीं कि किसी को टीका नहीं लगा।"
                )
        flags.append(Flag(area, row.date, ZERO, figures, words["en"], words["hi"]))
    return sort_flags(flags)


# --- Centres, coverage, stock ------------------------------------------------------------------


def missing_centres(centre_days: pd.DataFrame, day: date, *, names: Names | None = None) -> list[Flag]:
    """Centres that reported on the day before but not on day: one flag per district, count and codes.

    centre_days: date, centre_code, district_code, [centre_name], doses (as data.read.doses.centre_days);
    a centre with a row reported, whatever its doses.
    """
    before = day - timedelta(days=1)
    reported = set(centre_days.loc[centre_days["date"] == day, "centre_code"])
    earlier = centre_days[(centre_days["date"] == before) & ~centre_days["centre_code"].isin(list(reported))]
    flags = []
    for district, rows in earlier.groupby("district_code", sort=True):
        codes = sorted(set(rows["centre_code"]))
        shown, more = codes[:MAX_CODES], len(codes) - MAX_CODES
        figures = {"centres": len(codes), "centre_codes": shown, "previous_date": before.isoformat()}
        words = {}
        for lang in LANGS:
            where, count, listed = _area(district, lang, names), indian_number(len(codes), lang), ", ".join(shown)
            if lang == "en":
                subject = "1 centre" if len(codes) == 1 else f"{count} centres"
                rest = f" and {indian_number(more, lang)} more" if more > 0 else ""
                words[lang] = (
                    f"{subject} in {where} that reported doses on {long_date(before, lang)} sent no report on "
                    f"{long_date(day, lang)}: {listed}{rest}."
                )
            else:
                subject = f"{count} केंद्र ने" if len(codes) == 1 else f"{count} केंद्रों ने"
                rest = f" और {indian_number(more, lang)} अन्य" if more > 0 else ""
                words[lang] = (
                    f"{where} के {subject} {long_date(before, lang)} को खुराकों की रिपोर्ट भेजी थी, पर "
                    f"{long_date(day, lang)} को कोई रिपोर्ट नहीं भेजी: {listed}{rest}।"
                )
        flags.append(Flag(district, day, MISSING_CENTRES, figures, words["en"], words["hi"]))
    return flags


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
        words = {}
        for lang in LANGS:
            where, share = _area(area, lang, names), percent(row.coverage, lang)
            doses, people = indian_number(int(row.doses), lang), indian_number(int(row.population), lang)
            label = DOSE_LABELS.get(dose, (f"dose-{dose}", f"खुराक {dose}"))[LANGS.index(lang)]
            if lang == "en":
                words[lang] = (
                    f"By {long_date(as_of, lang)}, {label} coverage in {where} is {share} of the target population "
                    f"({doses} doses for {people} people). Coverage above 100% usually means the target population "
                    "is out of date or doses were recorded in the wrong district."
                )
            else:
                words[lang] = (
                    f"{long_date(as_of, lang)} तक {where} में {label} का कवरेज लक्षित आबादी का {share} है "
                    f"({people} लोगों के लिए {doses} खुराकें)। 100% से अधिक कवरेज का मतलब आम तौर पर यह होता है "
                    "कि लक्षित आबादी का आँकड़ा पुराना है या खुराकें ग़लत ज़िले में दर्ज हुई हैं।"
                )
        flags.append(Flag(area, as_of, OVER_100, figures, words["en"], words["hi"]))
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
    movements: pd.DataFrame, administered: pd.DataFrame, start: date, end: date, *, names: Names | None = None
) -> list[Flag]:
    """The first day of each run of days (start..end) on which a store's stock on hand was below zero.

    movements: date, vaccine, from_store, to_store, quantity. administered: date, district_code, vaccine,
    doses. A run already under way on start is flagged on start. Figures: store, vaccine, on_hand that
    day, lowest and days_below_zero over the run (within start..end), and its last day (until).
    """
    stock = daily_stock(movements, administered, start, end).sort_values(["store", "vaccine", "date"])
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
        words = {}
        for lang in LANGS:
            where, when = _area(store, lang, names), long_date(run.date, lang)
            on_hand, lowest = signed_change(figures["on_hand"], lang), signed_change(figures["lowest"], lang)
            if lang == "en":
                length = "1 day" if days == 1 else f"{days} days"
                words[lang] = (
                    f"On {when}, the {vaccine} stock of {where} fell below zero: {on_hand} doses on hand. More "
                    "doses were given than the stock ledger delivered, so a receipt is probably missing from "
                    f"the stock movements. It stayed below zero for {length} (lowest {lowest})."
                )
            else:
                words[lang] = (
                    f"{when} को {where} के {vaccine} भंडार का स्टॉक शून्य से नीचे चला गया: {on_hand} खुराकें। "
                    "स्टॉक रजिस्टर में जितनी खुराकें पहुँचीं, उससे ज़्यादा लगाई गईं, इसलिए शायद कोई आपूर्ति "
                    f"स्टॉक रजिस्टर में दर्ज नहीं हुई। स्टॉक {indian_number(days, lang)} दिन शून्य से नीचे "
                    f"रहा (सबसे कम {lowest})।"
                )
        flags.append(Flag(store, run.date, BEYOND_STOCK, figures, words["en"], words["hi"]))
    return sort_flags(flags)


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
        words = {}
        for lang in LANGS:
            when, where, source = long_date(row.date, lang), _area(STATE, lang, names), _source(row.source, lang)
            own_n, published_n = indian_number(int(row.own), lang), indian_number(int(row.published), lang)
            share = "" if pd.isna(row.relative_gap) else f", {_signed_percent(row.relative_gap, lang)}"
            difference, limit = signed_change(int(row.gap), lang), percent(threshold, lang, digits=0)
            if lang == "en":
                words[lang] = (
                    f"On {when}{_span_words(row, lang)}, the state's own reports for {where} show {own_n} doses "
                    f"against {published_n} from {source} ({difference}{share}). A gap above {limit} usually "
                    "means reports are missing on one side or the two count up to different times of day."
                )
            else:
                words[lang] = (
                    f"{when} को{_span_words(row, lang)} {where} के लिए राज्य की अपनी रिपोर्टों में {own_n} खुराकें दर्ज "
                    f"हैं, जबकि {source} के अनुसार {published_n} खुराकें ({difference}{share})। {limit} से अधिक का अंतर आम "
                    "तौर पर बताता है कि किसी एक ओर रिपोर्टें छूट गई हैं या दोनों अलग-अलग समय तक की गिनती हैं।"
                )
        flags.append(Flag(STATE, row.date, SOURCE_GAP, figures, words["en"], words["hi"]))
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
    centre_days: pd.DataFrame | None = None,
    coverage: pd.DataFrame | None = None,
    movements: pd.DataFrame | None = None,
    administered: pd.DataFrame | None = None,
    published: pd.DataFrame | None = None,
    own: pd.DataFrame | None = None,
    names: Names | None = None,
) -> list[Flag]:
    """Every flag dated day for area (STATE: the state's and every district's), from the inputs given.

    daily: a daily frame (stats.published.published_daily and/or own_daily, concatenated) with at least
    the WINDOW days before day -> negative values (any metric), spikes (SPIKE_METRICS), zero activity
    (ZERO_METRICS). centre_days (day and the day before) -> missing centres. coverage (coverage_by_dose up
    to day) -> coverage over 100%. movements + administered -> doses beyond stock. published
    (published_daily_doses) + own (date, doses) -> source gaps. Sorted by date, area, rule.
    """
    flags: list[Flag] = []
    if daily is not None:
        flags += negative_values(daily[daily["date"] == day], names=names)
        history = daily[(daily["date"] >= day - timedelta(days=WINDOW)) & (daily["date"] <= day)]
        flags += spikes(history, metrics=SPIKE_METRICS, names=names)
        flags += zero_activity(history, metrics=ZERO_METRICS, names=names)
    if centre_days is not None:
        flags += missing_centres(centre_days, day, names=names)
    if coverage is not None:
        flags += coverage_over_100(coverage, day, names=names)
    if movements is not None and administered is not None:
        flags += doses_beyond_stock(movements, administered, day - timedelta(days=1), day, names=names)
    if published is not None and own is not None:
        flags += source_gaps(own, published[published["date"] == day], names=names)
    kept = [f for f in flags if f.date == day and (area == STATE or f.area == area)]
    return sort_flags(kept)


def flags_from_frames(day: date, area: str, frames: dict[str, pd.DataFrame]) -> list[Flag]:
    """Every flag for the day and area from the frames of data.read.quality.quality_frames."""
    from stats.coverage import coverage_by_dose
    from stats.published import own_daily, published_daily, published_daily_doses

    start = frames["state"]["date"].min() if not frames["state"].empty else day
    daily = pd.concat(
        [
            published_daily(frames["series"]),
            own_daily(frames["state"], start, day),
            own_daily(frames["districts"], start, day),
        ],
        ignore_index=True,
    )
    return flags_for_day(
        day,
        area,
        daily=daily,
        centre_days=frames["centre_days"],
        coverage=coverage_by_dose(frames["bands"], frames["targets"], as_of=day),
        movements=frames["movements"],
        administered=frames["administered"],
        published=published_daily_doses(frames["series"]),
        own=frames["state"],
        names=area_names(frames["districts_names"]),
    )
