"""What the state overview shows, worked out from query frames: dates shown, headline cards, series, tables.

Pure functions (no Streamlit, no I/O): pages/overview.py fetches the frames through data.read.cached and hands
them here. Every text comes from the label catalogue (stats/labels/overview.py) in the language asked for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import NamedTuple

import pandas as pd

from stats import sources
from stats.bulletin import BulletinFigures
from stats.doses import (
    DayChanges,
    RecordDay,
    cumulative_doses,
    daily_doses,
    relative_change,
    within,
)
from stats.formatting import (
    MINUS,
    MISSING,
    grouped_decimal,
    indian_number,
    is_missing,
    long_date,
    percent,
    rounded,
    signed_change,
    total_text,
    whole,
)
from stats.labels import t
from stats.names import Names
from stats.sources import short_name, source_name, status_note
from stats.stock import COVER_AMBER_DAYS, COVER_RED_DAYS, cover_level

# --- Dates shown --------------------------------------------------------------------------------


def chart_range(
    selection: Sequence[date] | date | None, default: tuple[date, date], first: date, last: date
) -> tuple[date, date]:
    """The (start, end) the charts show, from what a range date_input returned, within first..last.

    A full pick (start, end) is used as it is (swapped if backwards); while only the start is picked, the
    range runs from it to the default end (or to itself when it is later); nothing picked: the default.
    """
    if isinstance(selection, date):
        selection = (selection,)
    picked = [d for d in (selection or ()) if d is not None]
    if not picked:
        start, end = default
    elif len(picked) == 1:
        start, end = picked[0], max(picked[0], default[1])
    else:
        start, end = sorted(picked[:2])
    clip = lambda d: min(max(d, first), last)  # noqa: E731
    return clip(start), clip(end)


# --- Headline figures ---------------------------------------------------------------------------


def reported(changes: DayChanges) -> bool:
    """True when any centre reported doses on the day."""
    return changes.doses > 0 or changes.centres > 0


def signed_percent(x: float | None, lang: str = "en") -> str:
    """A relative change with its sign: +8.8% / −33.3% (true minus) / 0.0%; None, NaN or infinite -> —."""
    text = percent(None if is_missing(x) else abs(x), lang)
    if text == MISSING or x == 0:
        return text
    return ("+" if x > 0 else MINUS) + text


class MetricDelta(NamedTuple):
    """A change as st.metric shows it: the text, the arrow ("up", "down", "off") and its colour."""

    text: str
    arrow: str
    color: str


def metric_delta(change: float | None, base: float | None, lang: str = "en") -> MetricDelta | None:
    """change against base: "+60 (+8.8%)", an arrow and a colour (green up, red down, grey none); None: no base."""
    if is_missing(change) or is_missing(base):
        return None
    relative = relative_change(pd.Series([float(change)]), pd.Series([float(base)])).iloc[0]
    amount = signed_change(int(rounded(change, 0)), lang)
    text = amount if is_missing(relative) else f"{amount} ({signed_percent(relative, lang)})"
    if int(rounded(change, 0)) == 0:
        return MetricDelta(text, "off", "gray")
    return MetricDelta(text, "up", "green") if change > 0 else MetricDelta(text, "down", "red")


@dataclass(frozen=True)
class Card:
    """One headline card: what st.metric takes, and the line saying which day it is for."""

    label: str
    value: str
    when: str
    help: str
    delta: MetricDelta | None = None
    delta_description: str | None = None
    context: str | None = None
    """Beside a district's figure, the state's: "Chhattisgarh: 1,15,608 · 12.3% of the state"."""


def cover_text(days: float | None, lang: str = "en") -> str:
    """Days of cover with one decimal ("15.0 days"); None or infinite (no use) as —."""
    if days is None or not math.isfinite(days):
        return MISSING
    return t("overview.cover_value", lang, days=grouped_decimal(rounded(max(days, 0.0), 1), lang, 1))


COVER_DELTA_COLOURS = {"red": "red", "amber": "orange"}
"""st.metric's colour of the days-of-cover warning, by stats.stock.cover_level."""


def cover_warning(days: float | None, lang: str = "en") -> MetricDelta | None:
    """The days-of-cover card's warning (red under COVER_RED_DAYS, amber under COVER_AMBER_DAYS); None when fine
    or unknown."""
    level = cover_level(days)
    if level not in COVER_DELTA_COLOURS:
        return None
    limit = COVER_RED_DAYS if level == "red" else COVER_AMBER_DAYS
    return MetricDelta(
        t(f"stock.level_{level}", lang, days=indian_number(limit, lang)), "off", COVER_DELTA_COLOURS[level]
    )


def headline_cards(figures: BulletinFigures, changes: DayChanges, lang: str = "en") -> list[list[Card]]:
    """The day's cards in three rows: doses, 7-day average, centres; total, stock, cover; first, second, precaution."""
    day = long_date(figures.date, lang)
    yesterday = long_date(figures.date - timedelta(days=1), lang)
    number = lambda n: indian_number(n, lang)  # noqa: E731
    on, to, end = (t(f"overview.when_{k}", lang, date=day) for k in ("on", "to", "end"))

    def against_day(today: int, before: int | None, help_key: str) -> dict:
        """delta, its description and the help for a figure compared with the day before."""
        if before is None:
            return {
                "delta": None,
                "delta_description": t("overview.no_previous", lang),
                "help": t(help_key, lang, date=day),
            }
        compare = t("overview.compare_day", lang, date=yesterday, value=number(before))
        return {
            "delta": metric_delta(today - before, before, lang),
            "delta_description": t("overview.against_day", lang, date=yesterday),
            "help": f"{t(help_key, lang, date=day)} {compare}",
        }

    daily = [
        Card(
            t("overview.card_doses", lang),
            number(changes.doses),
            on,
            **against_day(changes.doses, changes.previous_doses, "overview.card_doses_help"),
        ),
        Card(
            t("overview.card_average", lang),
            whole(changes.average_7d, lang),
            t("overview.when_week", lang, date=day),
            t("overview.card_average_help", lang, date=day),
            metric_delta(changes.doses - changes.average_7d, changes.average_7d, lang),
            t("overview.against_average", lang),
        ),
        Card(
            t("overview.card_centres", lang),
            number(changes.centres),
            on,
            **against_day(changes.centres, changes.previous_centres, "overview.card_centres_help"),
        ),
    ]
    total = Card(
        t("overview.card_cumulative", lang),
        number(figures.cumulative_doses),
        to,
        t("overview.card_cumulative_help", lang, date=day, total=total_text(figures.cumulative_doses, lang)),
    )
    if figures.stock_on_hand is None:
        stock = Card(t("overview.card_stock", lang), MISSING, end, t("overview.card_stock_none", lang))
        cover = Card(t("overview.card_cover", lang), MISSING, end, t("overview.card_stock_none", lang))
    else:
        stock = Card(
            t("overview.card_stock", lang),
            number(figures.stock_on_hand),
            end,
            t("overview.card_stock_help", lang, date=day),
        )
        idle = figures.days_of_cover is None or math.isinf(figures.days_of_cover)
        cover_help = (
            t("overview.card_cover_idle", lang, date=day)
            if idle
            else t("overview.card_cover_help", lang, date=day, pace=whole(figures.average_7d, lang))
        )
        cover = Card(
            t("overview.card_cover", lang),
            cover_text(figures.days_of_cover, lang),
            end,
            cover_help,
            cover_warning(figures.days_of_cover, lang),
        )
    by_dose = [
        (1, figures.first_doses, figures.cumulative_first_doses),
        (2, figures.second_doses, figures.cumulative_second_doses),
        (3, figures.precaution_doses, figures.cumulative_precaution_doses),
    ]
    doses = [
        Card(
            t(f"overview.card_dose_{n}", lang),
            number(today),
            on,
            t("overview.card_dose_help", lang, date=day, total=total_text(all_days, lang)),
            None,
            t("overview.cumulative_caption", lang, total=number(all_days)),
        )
        for n, today, all_days in by_dose
    ]
    return [daily, [total, stock, cover], doses]


def _counts(figures: BulletinFigures, changes: DayChanges) -> list[list[float | None]]:
    """The figures behind headline_cards, in the cards' order (None: no share of the state is given)."""
    return [
        [changes.doses, changes.average_7d, changes.centres],
        [figures.cumulative_doses, None, None],
        [figures.first_doses, figures.second_doses, figures.precaution_doses],
    ]


def with_state_context(
    cards: list[list[Card]],
    district: tuple[BulletinFigures, DayChanges],
    state: tuple[BulletinFigures, DayChanges],
    lang: str = "en",
) -> list[list[Card]]:
    """A district's headline_cards, each with the state's figure beside it and the district's share of the state's
    counts ("Chhattisgarh: 1,15,608 · 12.3% of the state"): the state as context on a collector's overview."""
    figures, changes = state
    state_cards = headline_cards(figures, changes, lang)
    name = t("common.state_name", lang)
    shown = []
    for row, state_row, parts, totals in zip(cards, state_cards, _counts(*district), _counts(*state), strict=True):
        out = []
        for card, state_card, part, total in zip(row, state_row, parts, totals, strict=True):
            share = percent(part / total, lang) if part is not None and total else None
            key = "overview.state_context" if share is None else "overview.state_context_share"
            out.append(replace(card, context=t(key, lang, state=name, value=state_card.value, share=share)))
        shown.append(out)
    return shown


def sourced_cards(state: pd.Series, lang: str = "en") -> list[list[Card]]:
    """The day's cards from a published source (a day the state's reports do not give): doses, first and second
    doses on the day; total, first and second doses to the day as the source published them. A day that is not
    one day's doses (a correction, a jump, a span) shows — with the reason."""
    day = long_date(state["date"], lang)
    source = short_name(state["source"], lang)
    on = f"{t('overview.when_on', lang, date=day)} · {source}"
    to = f"{t('overview.when_to', lang, date=day)} · {source}"
    regular = state["status"] == sources.DAY
    note = status_note(state, lang)
    help_on = t("overview.sourced_help", lang, source=source_name(state["source"], lang)) + (f" {note}" if note else "")

    def today(column: str) -> str:
        value = state[column]
        return indian_number(int(value), lang) if regular and not pd.isna(value) else MISSING

    def so_far(column: str) -> str:
        value = state[column]
        return MISSING if pd.isna(value) else indian_number(int(value), lang)

    on_day = [
        Card(t("overview.card_doses", lang), today("doses"), on, help_on),
        Card(t("overview.card_dose_1", lang), today("first"), on, help_on),
        Card(t("overview.card_dose_2", lang), today("second"), on, help_on),
    ]
    total_help = t("overview.sourced_total_help", lang, source=source_name(state["source"], lang))
    to_day = [
        Card(t("overview.card_cumulative", lang), so_far("cumulative"), to, total_help),
        Card(t("overview.card_first_to_date", lang), so_far("cumulative_first"), to, total_help),
        Card(t("overview.card_second_to_date", lang), so_far("cumulative_second"), to, total_help),
    ]
    return [on_day, to_day]


def cumulative_from_days(best: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """date, dose_number, cumulative from start to end as each day's source has it (published figures as
    published, the state's reports as summed); a dose a source does not count is left out."""
    rows = best[(best["date"] >= start) & (best["date"] <= end)]
    columns = {1: "cumulative_first", 2: "cumulative_second", 3: "cumulative_precaution"}
    parts = [
        pd.DataFrame({"date": rows["date"], "dose_number": n, "cumulative": rows[column]}).dropna(subset=["cumulative"])
        for n, column in columns.items()
    ]
    out = pd.concat(parts, ignore_index=True)
    counted = out.groupby("dose_number")["cumulative"].transform("max") > 0
    out = out[counted]  # a dose nobody has given yet (precaution doses in 2021) draws no line
    return out.astype({"cumulative": "int64"}).sort_values(["date", "dose_number"]).reset_index(drop=True)


def own_in_range(best: pd.DataFrame, start: date, end: date) -> bool:
    """True when the state's own reports give any day from start to end (the breakdowns need them)."""
    rows = best[(best["date"] >= start) & (best["date"] <= end)]
    return bool((rows["source"] == sources.OWN).any())


# --- Series for the charts ----------------------------------------------------------------------


def cumulative_series(doses: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """date, dose_number, doses, cumulative from start to end; doses: date, dose_number, doses from the first day."""
    return within(cumulative_doses(doses, ("dose_number",), end=end), start, end).reset_index(drop=True)


def band_series(doses: pd.DataFrame, start: date, end: date, names: Names) -> pd.DataFrame:
    """date, age_band, doses on every day from start to end, bands in names' order."""
    daily = daily_doses(doses, ("age_band",), start, end)
    order = {band: i for i, band in enumerate(names.ordered("bands", daily["age_band"]))}
    return daily.sort_values(
        ["date", "age_band"], key=lambda c: c.map(order) if c.name == "age_band" else c
    ).reset_index(drop=True)


def vaccine_mix(totals: pd.DataFrame, names: Names) -> pd.DataFrame:
    """vaccine, doses, share (of all doses) per vaccine with doses, in names' vaccine order."""
    rows = totals[totals["doses"] > 0]
    order = names.ordered("vaccines", rows["vaccine"])
    rows = rows.set_index("vaccine").loc[order].reset_index()
    total = rows["doses"].sum()
    return rows.assign(share=rows["doses"] / total if total else 0.0)[["vaccine", "doses", "share"]]


def record_note(record: RecordDay | None, start: date, end: date, lang: str = "en") -> str | None:
    """A sentence naming the record day to end, saying when it is outside start..end; None without one."""
    if record is None:
        return None
    key = "overview.record_caption" if start <= record.date <= end else "overview.record_outside"
    if record.date == end:
        key = "overview.record_is_end"
    return t(
        key,
        lang,
        end=long_date(end, lang),
        date=long_date(record.date, lang),
        doses=indian_number(record.doses, lang),
    )


# --- Tables beside the charts (what chart_with_table shows and offers as CSV) --------------------


def _wide(frame: pd.DataFrame, column: str, value: str, names: dict, lang: str, formatted: bool) -> pd.DataFrame:
    wide = frame.pivot(index="date", columns=column, values=value)
    if not formatted:  # dates and whole numbers (empty where the chart has no point), for the downloads
        out = {t("common.date", lang): list(wide.index)}
        out.update({name: pd.array(wide[code], dtype="Int64") for code, name in names.items() if code in wide.columns})
        return pd.DataFrame(out)
    out = {t("common.date", lang): [long_date(d, lang) for d in wide.index]}
    for code, name in names.items():
        if code in wide.columns:
            out[name] = [MISSING if pd.isna(n) else indian_number(n, lang) for n in wide[code]]
    return pd.DataFrame(out, dtype="object")


def cumulative_table(
    cumulative: pd.DataFrame, names: Names, lang: str = "en", *, formatted: bool = True
) -> pd.DataFrame:
    """Date and cumulative doses per dose number (one column each), as shown in the chart (formatted: written for
    the screen; otherwise dates and numbers, for the downloads)."""
    numbers = names.ordered("doses", cumulative["dose_number"])
    return _wide(cumulative, "dose_number", "cumulative", {n: names.dose(n, lang) for n in numbers}, lang, formatted)


def band_table(bands: pd.DataFrame, names: Names, lang: str = "en", *, formatted: bool = True) -> pd.DataFrame:
    """Date and doses per age band (one column each, bands in names' order; formatted as cumulative_table)."""
    codes = names.ordered("bands", bands["age_band"])
    return _wide(bands, "age_band", "doses", {b: names.band(b, lang) for b in codes}, lang, formatted)


def vaccine_table(mix: pd.DataFrame, names: Names, lang: str = "en", *, formatted: bool = True) -> pd.DataFrame:
    """Vaccine, doses, share of the doses in the dates shown (formatted: written for the screen; otherwise whole
    doses and the share in per cent to two decimals, the unit in its header)."""
    vaccines = [names.vaccine(v, lang) for v in mix["vaccine"]]
    if not formatted:
        return pd.DataFrame(
            {
                t("common.vaccine", lang): vaccines,
                t("common.doses", lang): pd.array(mix["doses"], dtype="int64"),
                f"{t('overview.share', lang)} (%)": (mix["share"].astype("float64") * 100).round(2),
            }
        )
    return pd.DataFrame(
        {
            t("common.vaccine", lang): vaccines,
            t("common.doses", lang): [indian_number(n, lang) for n in mix["doses"]],
            t("overview.share", lang): [percent(x, lang) for x in mix["share"]],
        },
        dtype="object",
    )


# --- Alerts and bulletin ------------------------------------------------------------------------


def flag_messages(flags: Sequence, lang: str = "en") -> list[str]:
    """Each flag's sentence in the language (flags as stats.quality.Flag), in the flags' order."""
    return [flag.message_hi if lang == "hi" else flag.message_en for flag in flags]


def alerts_heading(count: int, day: date, lang: str = "en") -> str:
    """ "All clear …" with no flags, else how many figures need a look."""
    when = long_date(day, lang)
    if count == 0:
        return t("overview.alerts_clear", lang, date=when)
    if count == 1:
        return t("overview.alerts_one", lang, date=when)
    return t("overview.alerts_many", lang, date=when, count=indian_number(count, lang))


def bulletin_file_name(day: date, lang: str = "en", area: str = sources.STATE) -> str:
    """bulletin-chhattisgarh-2021-06-22-en.txt (the state), bulletin-rpr-2021-06-22-en.txt (a district)."""
    place = "chhattisgarh" if area == sources.STATE else area.lower()
    return f"bulletin-{place}-{day.isoformat()}-{lang}.txt"


# --- The area: the state, or a collector's district ------------------------------------------------


def area_days(days: pd.DataFrame, area: str) -> pd.DataFrame:
    """The area's rows of a days frame (figures.state_days for the state, figures.district_days for a district)."""
    return days[days["area"] == area].reset_index(drop=True)


def area_districts(area: str) -> list[str] | None:
    """The districts filter of a dose query for the area: None for the state, [code] for a district."""
    return None if area == sources.STATE else [area]
