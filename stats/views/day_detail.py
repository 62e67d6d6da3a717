"""The public summary's day in detail: the day's doses by dose number, by age band (in the bands each source
publishes), by vaccine and by gender, and sessions and sites — each table with its source named.

The state's own reports give doses by dose number, band (12-14 … 60+) and vaccine, and the centres that reported
(sites); they have no gender and no sessions. CoWIN's series give its own bands (18–44, 45–60, 60+), vaccines,
gender and sessions and sites as published (stats.published.IMPLAUSIBLE: never a typical figure). A published
day that is not one day's figures (a correction, a jump, a span) shows — with its reason (stats.views.published).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from stats import STATE, sources
from stats.formatting import MISSING, indian_number, percent
from stats.labels import t
from stats.names import Names
from stats.views import published as cowin
from stats.views.sources import short_name


@dataclass(frozen=True)
class Breakdown:
    """One table of the day: what it splits (title), its rows (what, the day's figure, share), its source."""

    key: str
    title: str
    table: pd.DataFrame
    source: str
    notes: tuple[str, ...] = ()


def _table(names: list[str], values: list, notes: list[str] | None, lang: str) -> pd.DataFrame:
    """What, the day's figure (— without one), its share of the figures shown, and why a row has no figure."""
    known = [int(v) for v in values if v is not None and not pd.isna(v)]
    total = sum(known)
    out = pd.DataFrame(
        {
            t("summary.detail_what", lang): names,
            t("summary.detail_day", lang): [
                MISSING if v is None or pd.isna(v) else indian_number(int(v), lang) for v in values
            ],
            t("summary.detail_share", lang): [
                MISSING if v is None or pd.isna(v) or not total else percent(int(v) / total, lang) for v in values
            ],
        },
        dtype="object",
    )
    if notes and any(notes):
        out[t("sources.status", lang)] = notes
    return out


def by_dose(state: pd.Series | None, names: Names, lang: str = "en") -> Breakdown | None:
    """The day's doses by dose number from the figure that stands for the area (None: no regular day)."""
    if state is None or state["status"] != sources.DAY:
        return None
    columns = {1: "first", 2: "second", 3: "precaution"}
    shown = [n for n in names.doses if n in columns and not pd.isna(state.get(columns[n], pd.NA))]
    if not shown:
        return None
    values = [int(state[columns[n]]) for n in shown]
    table = _table([names.dose(n, lang) for n in shown], values, None, lang)
    return Breakdown("dose", t("summary.detail_dose", lang), table, short_name(state["source"], lang))


def from_own(own_day: pd.DataFrame, names: Names, lang: str = "en") -> list[Breakdown]:
    """By age band and by vaccine from the state's reports of the day (age_band, dose_number, vaccine, doses)."""
    if own_day.empty or int(own_day["doses"].sum()) == 0:
        return []
    source = short_name(sources.OWN, lang)
    out = []
    for key, column, kind, name in (
        ("band", "age_band", "bands", names.band),
        ("vaccine", "vaccine", "vaccines", names.vaccine),
    ):
        totals = own_day.groupby(column)["doses"].sum()
        order = names.ordered(kind, list(totals.index))
        table = _table([name(c, lang) for c in order], [int(totals[c]) for c in order], None, lang)
        out.append(Breakdown(key, t(f"summary.detail_{key}", lang), table, source))
    return out


def from_cowin(values: pd.DataFrame, day: date, area: str, names: Names, lang: str = "en") -> list[Breakdown]:
    """What CoWIN publishes for the area on the day: its bands, vaccines and gender — doses, or people vaccinated
    where it publishes no doses that day — each group it has a figure of that day. values: its cumulative series
    of the area from a few days before (data.read.published.published_values)."""
    source = short_name(sources.COWIN if area == STATE else sources.COWIN_DISTRICT, lang)
    wanted = ("band", "band_people", "vaccine", "gender", "gender_people")
    shown: set[str] = set()
    out = []
    for group in sorted((g for g in cowin.groups(area) if g.key in wanted), key=lambda g: wanted.index(g.key)):
        if group.key.removesuffix("_people") in shown:  # people vaccinated only where doses are not published
            continue
        days = cowin.daily(values, group, day, day, area, names, lang)
        if days.empty:
            continue
        shown.add(group.key.removesuffix("_people"))
        table = _table(list(days["name"]), list(days["value"]), list(days["note"]), lang)
        out.append(Breakdown(group.key, t(group.title_key, lang), table, source))
    return out


def sites(own_sites: int | None, values: pd.DataFrame, day: date, area: str, lang: str = "en") -> Breakdown | None:
    """Sites (and sessions) of the day: the centres that reported in the state's reports, else CoWIN's counts as
    published with their caveat; None when neither has them."""
    if own_sites:
        table = pd.DataFrame(
            {
                t("summary.detail_what", lang): [t("summary.detail_centres", lang)],
                t("summary.detail_day", lang): [indian_number(own_sites, lang)],
            },
            dtype="object",
        )
        note = (t("summary.detail_no_sessions", lang),)
        return Breakdown("sites", t("summary.detail_sites", lang), table, short_name(sources.OWN, lang), note)
    counts = cowin.counts(values, day, day, area, lang)
    if counts.empty:
        return None
    shown = [
        MISSING if s == cowin.MISSING_ZERO else indian_number(int(v), lang)
        for v, s in zip(counts["value"], counts["status"], strict=True)
    ]
    table = pd.DataFrame(
        {
            t("summary.detail_what", lang): list(counts["name"]),
            t("summary.detail_day", lang): shown,
            t("sources.status", lang): list(counts["note"]),
        },
        dtype="object",
    )
    source = short_name(sources.COWIN if area == STATE else sources.COWIN_DISTRICT, lang)
    return Breakdown(
        "sites", t("summary.detail_sites", lang), table, source, (t("published.counts_implausible", lang),)
    )


def day_detail(
    state: pd.Series | None,
    own_day: pd.DataFrame,
    own_sites: int | None,
    values: pd.DataFrame,
    day: date,
    area: str,
    names: Names,
    lang: str = "en",
) -> list[Breakdown]:
    """Every table of the day in detail: by dose number, then the state's reports' bands and vaccines when it has
    the day (else CoWIN's), CoWIN's gender when it publishes it, then sites and sessions."""
    out = [b for b in (by_dose(state, names, lang),) if b is not None]
    own = from_own(own_day, names, lang)
    published = from_cowin(values, day, area, names, lang)
    if own:
        out += own + [b for b in published if b.key.startswith("gender")]
    else:
        out += published
    counted = sites(own_sites, values, day, area, lang)
    return out + ([counted] if counted else [])
