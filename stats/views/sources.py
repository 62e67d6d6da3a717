"""Figures with their source named: the words for a source and a published day's status, the other sources'
figures for a day, the record day per source, and the daily series the charts draw (regular days only as doses).

Pure: days frames (stats.sources.COLUMNS) in, text and frames out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

import pandas as pd

from stats import sources
from stats.formatting import MISSING, indian_number, long_date, signed_change, whole
from stats.labels import t
from stats.sources import according, short_name, source_name, status_note

WINDOW = 7


class NamedRecord(NamedTuple):
    """A source's record day and the short name of the source."""

    source: str
    date: date
    doses: int
    name: str


def day_figure(row, lang: str = "en") -> str:
    """A source's figure for a day: its doses when a regular day, else why there is none."""
    if row["status"] == sources.DAY:
        return indian_number(int(row["doses"]), lang)
    return status_note(row, lang)


def others_line(rows: pd.DataFrame, chosen: pd.Series | None, lang: str = "en") -> str | None:
    """The other sources' figures for the day, each with its difference from the chosen one:
    "Other sources for the day: the health ministry (MoHFW): 1,10,143 (−15,071)." None: no other source."""
    if rows.empty:
        return None
    others = rows if chosen is None else rows[rows["source"] != chosen["source"]]
    if others.empty:
        return None
    parts = []
    for _, row in others.iterrows():
        value = day_figure(row, lang)
        regular = chosen is not None and row["status"] == chosen["status"] == sources.DAY
        if regular:
            change = int(row["doses"]) - int(chosen["doses"])
            difference = t("sources.same", lang) if change == 0 else signed_change(change, lang)
            parts.append(
                t(
                    "sources.other_difference",
                    lang,
                    source=source_name(row["source"], lang),
                    value=value,
                    difference=difference,
                )
            )
        else:
            parts.append(t("sources.other", lang, source=source_name(row["source"], lang), value=value))
    return t("sources.others", lang, figures="; ".join(parts))


def named_records(records: Sequence[sources.Record], lang: str = "en") -> list:
    """The records with the short name of their source (for the chart's labels)."""
    return [NamedRecord(*r, short_name(r.source, lang)) for r in records]


def record_lines(
    records: Sequence[sources.Record], end: date, start: date | None = None, lang: str = "en"
) -> list[str]:
    """One sentence per source's record day to end, saying when it falls outside start..end (and, when end is
    itself the record, that it is the record day so far)."""
    lines = []
    for r in records:
        outside = t("sources.record_outside", lang) if start is not None and not start <= r.date <= end else ""
        key = "sources.record" if r.source == sources.OWN else "sources.record_published"
        lines.append(
            t(
                key + ("_is_end" if r.date == end else ""),
                lang,
                end=long_date(end, lang),
                according=according(r.source, lang),
                date=long_date(r.date, lang),
                doses=indian_number(r.doses, lang),
                outside=outside,
            )
        )
    return lines


def daily_series(best: pd.DataFrame, start: date, end: date, lang: str = "en") -> pd.DataFrame:
    """The chosen figure of every day from start to end: date, source, status, doses (a regular day's doses,
    else 0), figure (the difference as derived, for the note), note_days (days a span covers), average_7d
    (the mean over the regular days among the 7 days to the date; NaN with none), name (the source's short
    name) and note (why the day is not one day's doses, else ""). A day no source covers has source None and
    0 doses."""
    calendar = pd.DataFrame({"date": [start + timedelta(days=i) for i in range((end - start).days + 1)]})
    earlier = best[(best["date"] >= start - timedelta(days=WINDOW - 1)) & (best["date"] <= end)]
    rows = calendar.merge(earlier, on="date", how="left") if len(calendar) else calendar
    history = pd.DataFrame({"date": [start - timedelta(days=i) for i in range(WINDOW - 1, 0, -1)]})
    history = history.merge(earlier, on="date", how="left")
    every = pd.concat([history, rows], ignore_index=True)
    regular = every["status"] == sources.DAY
    counted = every["doses"].where(regular)
    average = counted.rolling(WINDOW, min_periods=1).mean()
    every = every.assign(
        figure=every["doses"],
        doses=counted.fillna(0).astype("int64"),
        average_7d=average.astype("float64"),
    )
    out = every.iloc[len(history) :].reset_index(drop=True)
    out["source"] = out["source"].astype("object").where(out["source"].notna(), None)
    out["status"] = out["status"].astype("object").where(out["status"].notna(), None)
    out["name"] = [short_name(s, lang) if s else None for s in out["source"]]
    out["note"] = [
        status_note(r, lang) if r["source"] else "" for r in out.assign(doses=out["figure"]).to_dict("records")
    ]
    return out[["date", "source", "status", "doses", "figure", "days", "area", "average_7d", "name", "note"]]


def has_figures(series: pd.DataFrame) -> bool:
    """True when any day of the series has a source's figure."""
    return bool(series["source"].notna().any())


def daily_table(series: pd.DataFrame, lang: str = "en", *, formatted: bool = True) -> pd.DataFrame:
    """Date, doses, 7-day average, source and note per day (the chart's data, for the table and its downloads).
    formatted: written for the screen; otherwise dates, whole doses (empty on a day that is not one day's doses)
    and the average to one decimal, for the downloads."""
    if not formatted:
        regular = series["status"] == sources.DAY
        return pd.DataFrame(
            {
                t("common.date", lang): list(series["date"]),
                t("common.doses", lang): pd.array(series["doses"].where(regular), dtype="Int64"),
                t("overview.average_7d", lang): series["average_7d"].astype("float64").round(1),
                t("sources.source", lang): [n or "" for n in series["name"]],
                t("sources.status", lang): list(series["note"]),
            }
        )
    return pd.DataFrame(
        {
            t("common.date", lang): [long_date(d, lang) for d in series["date"]],
            t("common.doses", lang): [
                indian_number(int(n), lang) if s == sources.DAY else MISSING
                for n, s in zip(series["doses"], series["status"], strict=True)
            ],
            t("overview.average_7d", lang): [whole(x, lang) for x in series["average_7d"]],
            t("sources.source", lang): [n or MISSING for n in series["name"]],
            t("sources.status", lang): list(series["note"]),
        },
        dtype="object",
    )


def day_notes(state: pd.Series | None, on_day: pd.DataFrame, lang: str = "en") -> list[str]:
    """What the headline's figure needs said: why the day is not one day's doses, and the other sources'
    figures for the day with their difference."""
    if state is None:
        return []
    notes = []
    if state["status"] != sources.DAY:
        notes.append(f"{short_name(state['source'], lang)}: {status_note(state, lang)}")
    others = others_line(on_day, state, lang)
    return [*notes, others] if others else notes
