"""The public summary: state and district totals to a day, and nothing finer (no centres, no imports)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from stats import STATE, sources, trend
from stats.coverage import coverage_by_dose, eligible_population
from stats.districts import districts_on, targets_on
from stats.export import safe_csv
from stats.formatting import MISSING, indian_number, lakh_crore, long_date, percent, whole
from stats.labels import t
from stats.names import Names, district_options
from stats.views import sources as sourced
from stats.views.district_map import district_indicators
from stats.views.overview import MetricDelta, metric_delta
from stats.views.sources import short_name


@dataclass(frozen=True)
class Figure:
    """One headline figure: what it is, its value, the day it is for and where it comes from."""

    label: str
    value: str
    when: str
    delta: MetricDelta | None = None
    """The change on the day before (doses on the day only)."""
    note: str = ""
    """The change on the 7-day average before the day (doses on the day only)."""


def day_changes(daily: pd.DataFrame, day: date, lang: str = "en") -> tuple[MetricDelta | None, str]:
    """The day's doses against the day before (as st.metric's delta) and against the 7-day average of the days
    before it (a sentence), from a daily series (stats.views.sources.daily_series); None / "" where the day or the
    day before is not a regular day."""
    rows = daily.set_index("date")
    if day not in rows.index or rows.at[day, "status"] != sources.DAY:
        return None, ""
    doses = int(rows.at[day, "doses"])
    before = day - timedelta(days=1)
    delta = None
    if before in rows.index and rows.at[before, "status"] == sources.DAY:
        delta = metric_delta(doses - int(rows.at[before, "doses"]), int(rows.at[before, "doses"]), lang)
    average = rows.at[before, "average_7d"] if before in rows.index else float("nan")
    change = metric_delta(doses - average, average, lang) if not pd.isna(average) and average > 0 else None
    note = t("summary.vs_week", lang, average=whole(average, lang), change=change.text) if change else ""
    return delta, note


def headline(
    state: pd.Series | None, day: date, names: Names, lang: str = "en", daily: pd.DataFrame | None = None
) -> list[Figure]:
    """Doses on the day, all doses to the day, and first / second / precaution doses to the day, from the figure
    that stands for the state on the day (stats.sources.standing; None: no source has one).

    A published day that is not one day's doses (a correction, a jump, a span) shows — for the day; cumulative
    figures are the source's as published; a figure the source does not publish (precaution doses) says so.
    """
    when_on = t("summary.when_on", lang, date=long_date(day, lang))
    when_to = t("summary.when_to", lang, date=long_date(day, lang))
    if state is None:
        return [
            Figure(t("summary.on_day", lang), MISSING, when_on),
            Figure(t("summary.to_date", lang), MISSING, when_to),
        ]
    source = short_name(state["source"], lang)
    when_on, when_to = f"{when_on} · {source}", f"{when_to} · {source}"
    on_day = indian_number(int(state["doses"]), lang) if state["status"] == sources.DAY else MISSING
    delta, note = day_changes(daily, day, lang) if daily is not None else (None, "")
    total = int(state["cumulative"])
    # The full figure alone on the card (with lakh or crore beside it, it would not fit a phone's width).
    words = lakh_crore(total, lang)
    plain = words == indian_number(total, lang)
    total_when = when_to if plain else t("summary.in_words", lang, words=words, when=when_to)
    figures = [
        Figure(t("summary.on_day", lang), on_day, when_on, delta, note),
        Figure(t("summary.to_date", lang), indian_number(total, lang), total_when),
    ]
    columns = {1: "cumulative_first", 2: "cumulative_second", 3: "cumulative_precaution"}
    for number in names.doses:
        value = state.get(columns.get(number, ""), pd.NA)
        text = t("sources.lacks_precaution", lang) if pd.isna(value) else indian_number(int(value), lang)
        figures.append(Figure(names.dose(number, lang), text, when_to))
    return figures


def district_totals(standing: pd.DataFrame, names: Names) -> pd.DataFrame:
    """district_code, dose_number, doses: each district's cumulative doses by dose number as its source has them."""
    columns = {1: "cumulative_first", 2: "cumulative_second", 3: "cumulative_precaution"}
    parts = [
        pd.DataFrame(
            {
                "district_code": standing["area"],
                "dose_number": n,
                "doses": standing[columns[n]].fillna(0).astype("int64"),
            }
        )
        for n in names.doses
        if n in columns
    ]
    return (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=["district_code", "dose_number", "doses"])
    )


def district_table(
    standing: pd.DataFrame,
    districts: pd.DataFrame,
    targets: pd.DataFrame,
    names: Names,
    lang: str = "en",
    formatted: bool = True,
) -> pd.DataFrame:
    """One row per district with a figure on the day (in name order): doses by dose number to the day, the
    coverage of the first two doses against the eligible population, and the source of the figures.

    standing: the districts' figures on the day (stats.sources.standing of data.read.figures.district_days);
    districts: code, name_en, name_hi; targets: district_code, age_band, population; names: the doses' names.
    """
    numbers = tuple(names.doses)
    totals = district_totals(standing, names)
    cover = coverage_by_dose(totals, targets, by=("district_code",), dose_numbers=numbers)
    doses = cover.pivot_table(index="district_code", columns="dose_number", values="doses", aggfunc="sum")
    rate = cover.pivot_table(index="district_code", columns="dose_number", values="coverage", aggfunc="sum")
    shown = set(standing["area"])
    own = (standing["source"] == sources.OWN).any()  # the state's reports cover every district: none is 0 doses
    district_names = {code: name for code, name in district_options(districts, lang).items() if own or code in shown}
    doses = doses.reindex(index=list(district_names), columns=list(numbers)).fillna(0).astype("int64")
    rate = rate.reindex(index=list(district_names), columns=[1, 2])
    source = dict(zip(standing["area"], standing["source"], strict=True))
    source = {code: source.get(code, sources.OWN) for code in district_names}
    out = pd.DataFrame({t("common.district", lang): list(district_names.values())})
    out[t("summary.total", lang)] = doses.sum(axis=1).to_numpy()
    for n in numbers:
        out[names.dose(n, lang)] = doses[n].to_numpy()
    for n in (1, 2):  # all doses of every age against the population 12+ (summary.coverage_help)
        out[t(f"summary.coverage_{n}", lang)] = rate[n].to_numpy()
    out[t("sources.source", lang)] = [short_name(source[code], lang) for code in district_names]
    if not formatted:  # coverage as a percentage, the unit in the header
        return out.rename(columns={c: f"{c} (%)" for c in out.columns[-3:-1]}).assign(
            **{f"{c} (%)": (out[c] * 100).round(2) for c in out.columns[-3:-1]}
        )
    for column in out.columns[1:-3]:
        out[column] = [indian_number(int(v), lang) for v in out[column]]
    for column in out.columns[-3:-1]:
        out[column] = [percent(v, lang) for v in out[column]]
    return out


@dataclass(frozen=True)
class Summary:
    """Everything the public summary shows for one day and language, built once per data version and shared by
    every session (pages/_public.py caches it): nothing in it depends on who is looking."""

    cards: tuple[Figure, ...]
    """headline(): the day and the total, then each dose."""
    has_state: bool
    """False: no source has a figure for the state on the day."""
    notes: tuple[str, ...]
    """What the day's figures are (stats.views.sources.day_notes)."""
    daily: pd.DataFrame
    """Doses per day over the default range (stats.views.sources.daily_series)."""
    records: tuple
    """Each source's record day, named (stats.views.sources.named_records)."""
    daily_table: pd.DataFrame
    """The chart's data as a table (stats.views.sources.daily_table); empty without figures."""
    daily_raw: pd.DataFrame
    """daily_table unwritten (dates, numbers), for the downloads."""
    record_lines: tuple[str, ...]
    """The record days as sentences, under the chart."""
    districts: pd.DataFrame | None
    """district_table() formatted; None when no source has district figures for the day."""
    districts_csv: bytes
    """district_table() unwritten as CSV (empty without district figures)."""
    districts_raw: pd.DataFrame | None = None
    """district_table() unwritten, for the XLSX download; None without district figures."""

    state: pd.Series | None = None
    """The figure that stands for the area on the day (stats.sources.standing), None without one."""
    area: str = STATE
    """STATE, or the district the cards, notes and chart are for (the district table and map are the state's)."""
    indicators: pd.DataFrame | None = None
    """stats.views.district_map.district_indicators of the districts of the day; None without district figures."""
    population: int = 0
    """The state's estimated population 12+ on the day (what coverage is against)."""

    @property
    def has_figures(self) -> bool:
        """Whether there is a daily series to chart."""
        return sourced.has_figures(self.daily)


def summary(
    state_days: pd.DataFrame,
    district_days: pd.DataFrame,
    names: Names,
    districts: pd.DataFrame,
    targets: pd.DataFrame,
    day: date,
    lang: str = "en",
    area: str = STATE,
) -> Summary:
    """The public summary for a day: state_days / district_days are every source's daily figures
    (data.read.figures), districts every district ever (data.read.reference.districts), targets their
    populations (data.read.reference.district_targets). area: STATE, or a district whose own figures take the
    state's place in the cards, notes and chart."""
    if area != STATE:  # the district's figures in the state's place: every function below reads area STATE
        state_days = district_days[district_days["area"] == area].assign(area=STATE)
    standing = sources.standing(state_days, day)
    state = standing.iloc[0] if len(standing) else None
    notes = sourced.day_notes(state, sources.on_day(state_days, day), lang)
    first, _ = sources.span(state_days)
    start, end = trend.default_range(day, first or day)
    daily = sourced.daily_series(sources.best(state_days), start, end, lang)
    records: tuple = ()
    table, raw, lines = pd.DataFrame(), pd.DataFrame(), ()
    if sourced.has_figures(daily):
        records = tuple(sourced.named_records(sources.records(state_days, end=day), lang))
        table = sourced.daily_table(daily, lang)
        raw = sourced.daily_table(daily, lang, formatted=False)
        lines = tuple(sourced.record_lines(list(records), day, start, lang))
    districts_now = sources.standing(district_days, day)
    district_rows, district_raw, district_file, indicators = None, None, b"", None
    populations = targets_on(targets, districts, day)
    if not districts_now.empty:
        of_day = districts_on(districts, day, lang)  # the districts of the day (28 in 2021, 33 from 2022)
        district_rows = district_table(districts_now, of_day, populations, names, lang)
        district_raw = district_table(districts_now, of_day, populations, names, lang, formatted=False)
        district_file = safe_csv(district_raw)
        indicators = district_indicators(district_days, of_day, populations, day, lang)
    population = int(eligible_population(populations, by=())["population"].sum()) if len(populations) else 0
    return Summary(
        cards=tuple(headline(state, day, names, lang, daily)),
        has_state=state is not None,
        notes=tuple(notes),
        daily=daily,
        records=records,
        daily_table=table,
        daily_raw=raw,
        record_lines=lines,
        districts=district_rows,
        districts_csv=district_file,
        state=state,
        area=area,
        indicators=indicators,
        population=population,
        districts_raw=district_raw,
    )
