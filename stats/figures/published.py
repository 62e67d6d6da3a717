"""Plotly figures of what a published source gives beyond its dose totals: a range's split, the day-by-day
figures, and sessions and sites as published (frames as stats.views.published makes them).

Every trace is named with its source ("Covaxin (CoWIN)"); numbers are Indian-grouped, dates in the language;
vaccines keep their colours of stats.figures.charts, and CoWIN's 45–60 band has a colour of its own so that it is
never taken for the 45–59 band of the state's reports.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from stats.figures.charts import ACCENT, BAND_COLOURS, NEUTRAL, VACCINE_COLOURS, base_layout, indian_axis
from stats.figures.overview import _finish, date_axis
from stats.formatting import indian_number, long_date, percent
from stats.labels import t

CATEGORY_COLOURS = {
    **VACCINE_COLOURS,
    "band_18_44": BAND_COLOURS["18-44"],
    "band_45_60": "#CC79A7",
    "band_60": BAND_COLOURS["60+"],
    "gender_male": "#0072B2",
    "gender_female": "#D55E00",
    "gender_transgender": "#009E73",
    "aefi": ACCENT,
    "registrations": "#56B4E9",
    "sessions": "#0072B2",
    "sites": "#E69F00",
}
"""Okabe-Ito colours of every category a published source splits by."""


def _named(name: str, source: str, lang: str) -> str:
    return t("published.hover_source", lang, what=name, source=source)


def split_figure(split: pd.DataFrame, title: str, source: str, lang: str = "en") -> go.Figure:
    """The range's count per category as horizontal bars (a count below zero, a correction, is left out), the
    source named on the value axis and in the hover.

    split: stats.views.published.split; source: the source's short name, for the legend and hover.
    """
    rows = split[split["count"].notna() & (split["count"] >= 0)]
    figure = go.Figure()
    for row in rows.itertuples(index=False):
        name = _named(row.name, source, lang)
        covers = t("published.covers", lang, start=long_date(row.first, lang), end=long_date(row.last, lang))
        figure.add_bar(
            x=[int(row.count)],
            y=[row.name],
            orientation="h",
            name=name,
            marker_color=CATEGORY_COLOURS.get(row.category, NEUTRAL),
            customdata=[[indian_number(int(row.count), lang), percent(row.share, lang), covers]],
            hovertemplate=f"{name}<br>%{{customdata[0]}} (%{{customdata[1]}})<br>%{{customdata[2]}}<extra></extra>",
        )
    axis = t("published.hover_source", lang, what=t("published.col_count", lang), source=source)
    base_layout(figure, title, axis, "")
    # The bars are named on their axis, the source on the value axis and in the hover: no legend to crowd the title.
    figure.update_layout(hovermode="closest", showlegend=False, barmode="group", height=160 + 60 * len(rows))
    figure.update_yaxes(autorange="reversed")
    maximum = max([0, *(int(c) for c in rows["count"])])
    return indian_axis(figure, maximum * 1.05, lang, axis="xaxis")


def daily_figure(days: pd.DataFrame, title: str, source: str, lang: str = "en") -> go.Figure:
    """Each category's figure per day as stacked bars (regular days only), and the days without one
    (corrections, jumps, first figures, missing zeros) as marks on the axis with their reason.

    days: stats.views.published.daily.
    """
    figure = go.Figure()
    regular = days[days["value"].notna()]
    for category in dict.fromkeys(days["category"]):
        rows = regular[regular["category"] == category]
        if rows.empty:
            continue
        name = _named(rows["name"].iloc[0], source, lang)
        figure.add_bar(
            x=list(rows["date"]),
            y=[int(v) for v in rows["value"]],
            name=name,
            marker_color=CATEGORY_COLOURS.get(category, NEUTRAL),
            customdata=[
                [long_date(d, lang), indian_number(int(v), lang)]
                for d, v in zip(rows["date"], rows["value"], strict=True)
            ],
            hovertemplate=f"%{{customdata[0]}}<br>{name}: %{{customdata[1]}}<extra></extra>",
        )
    odd = days[days["value"].isna()].drop_duplicates(["date", "note"])
    if len(odd):
        figure.add_scatter(
            x=list(odd["date"]),
            y=[0] * len(odd),
            name=t("sources.status", lang),
            mode="markers",
            marker={"symbol": "x", "size": 9, "color": NEUTRAL},
            customdata=[[long_date(d, lang), source, n] for d, n in zip(odd["date"], odd["note"], strict=True)],
            hovertemplate="%{customdata[0]} (%{customdata[1]})<br>%{customdata[2]}<extra></extra>",
        )
    figure.update_layout(barmode="stack")
    totals = regular.groupby("date")["value"].sum() if len(regular) else pd.Series(dtype="int64")
    maximum = int(totals.max()) if len(totals) else 0
    _finish(figure, title, t("published.per_day", lang), maximum * 1.05, lang)
    return date_axis(figure, sorted(set(days["date"])), lang)


def counts_figure(counts: pd.DataFrame, title: str, source: str, lang: str = "en") -> go.Figure:
    """Sessions and sites as published, one line each with markers (no average, no typical value): the hover
    gives the note (a count so far before they became daily counts, a 0 most likely missing).

    counts: stats.views.published.counts.
    """
    figure = go.Figure()
    for category in dict.fromkeys(counts["category"]):
        rows = counts[counts["category"] == category]
        name = _named(rows["name"].iloc[0], source, lang)
        figure.add_scatter(
            x=list(rows["date"]),
            y=[int(v) for v in rows["value"]],
            name=name,
            mode="lines+markers",
            line={"color": CATEGORY_COLOURS.get(category, NEUTRAL), "width": 1.5},
            marker={"size": 4},
            customdata=[
                [long_date(d, lang), indian_number(int(v), lang), n]
                for d, v, n in zip(rows["date"], rows["value"], rows["note"], strict=True)
            ],
            hovertemplate=f"%{{customdata[0]}}<br>{name}: %{{customdata[1]}}<br>%{{customdata[2]}}<extra></extra>",
        )
    maximum = max([0, *(int(v) for v in counts["value"])])
    _finish(figure, title, t("published.col_published", lang), maximum * 1.05, lang)
    return date_axis(figure, sorted(set(counts["date"])), lang)
