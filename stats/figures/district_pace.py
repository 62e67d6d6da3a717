"""Plotly figures of the district-pace page: districts compared on one indicator, and one district's trend.

Pure: frames in (as stats.views.district_pace builds them), figures out; every label comes in as text.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date

from stats.figures.charts import (
    ACCENT,
    COVER_COLOURS,
    DOSE_COLOURS,
    NEUTRAL,
    base_layout,
    decimal_axis,
    indian_axis,
)
from stats.formatting import LOCALES, long_date
from stats.views.district_pace import KINDS, format_value

BAR_COLOUR = DOSE_COLOURS[1]
BAR_HEIGHT = 22
"""Pixels per district bar."""
TICKS = 6
"""Date labels on the trend's axis."""


def indicator_colour(indicator: str) -> str:
    """Coverage of a dose in that dose's colour (as on every chart); anything else in the first colour."""
    if indicator.startswith("coverage_"):
        return DOSE_COLOURS[int(indicator.rsplit("_", 1)[1])]
    return BAR_COLOUR


def value_axis(figure: go.Figure, values: pd.Series, kind: str, lang: str, axis: str) -> go.Figure:
    """The value axis written for the kind: percentages as %, counts with Indian grouping, days with one decimal."""
    if kind in ("percent", "change"):
        figure.update_layout({axis: {"tickformat": "+.0%" if kind == "change" else ".0%"}})
    elif kind in ("count", "days", "ceiling"):
        finite = values[values.map(lambda v: isinstance(v, (int, float)) and math.isfinite(v))]
        top = float(finite.max()) if len(finite) else 0.0
        if top > 0:
            (decimal_axis if kind == "days" else indian_axis)(figure, top, lang, axis)
    return figure


def indicator_chart(
    bars: pd.DataFrame, indicator: str, title: str, value_title: str, lang: str = "en", highlight: str | None = None
) -> go.Figure:
    """Horizontal bars, one per district, best at the top (bars as district_pace_view.indicator_bars).

    The highlighted district (a code) is drawn in the accent colour with an outline; days of cover are drawn in
    their warning colour (bars["level"], stats.stock.cover_level) and the highlight keeps only its outline.
    """
    colour = indicator_colour(indicator)
    if indicator == "days_of_cover" and "level" in bars:
        colours = [COVER_COLOURS.get(level, colour) for level in bars["level"]]
    else:
        colours = [ACCENT if code == highlight else colour for code in bars["code"]]
    outline = [2 if code == highlight else 0 for code in bars["code"]]
    figure = go.Figure(
        go.Bar(
            x=bars["value"],
            y=bars["district"],
            orientation="h",
            marker={"color": colours, "line": {"color": "#000000", "width": outline}},
            customdata=bars["text"],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
            text=bars["text"],
            textposition="outside",
            cliponaxis=False,
        )
    )
    base_layout(figure, title, value_title, "")
    figure.update_layout(
        height=max(300, BAR_HEIGHT * len(bars) + 120),
        hovermode="closest",
        showlegend=False,
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": list(bars["district"])},
    )
    return value_axis(figure, bars["value"], KINDS[indicator], lang, "xaxis")


def date_ticks(days: list[date], lang: str = "en", count: int = TICKS) -> tuple[list[date], list[str]]:
    """About count evenly spaced days (the last one included) and their short labels (27 Mar / 27 मार्च)."""
    if not days:
        return [], []
    step = max(1, math.ceil(len(days) / count))
    chosen = days[::-1][::step][::-1]
    return chosen, [format_date(d, format="d MMM", locale=LOCALES[lang]) for d in chosen]


def trend_chart(
    trend: pd.DataFrame,
    code: str,
    names: dict[str, str],
    title: str,
    y_title: str,
    x_title: str,
    lang: str = "en",
) -> go.Figure:
    """The district's 7-day average per 1,000 eligible (solid) against the state's (dashed grey).

    trend as district_pace_view.pace_trend; names: the legend name of each area (the code and STATE).
    """
    figure = go.Figure()
    for area, colour, dash in ((code, BAR_COLOUR, "solid"), ("STATE", NEUTRAL, "dash")):
        rows = trend[trend["area"] == area]
        hover = [
            f"{long_date(d, lang)}: {format_value(v, 'rate', lang)}"
            for d, v in zip(rows["date"], rows["per_thousand"], strict=True)
        ]
        figure.add_trace(
            go.Scatter(
                x=list(rows["date"]),
                y=rows["per_thousand"],
                name=names.get(area, area),
                mode="lines",
                line={"color": colour, "dash": dash, "width": 3 if area == code else 2},
                customdata=hover,
                hovertemplate="%{customdata}<extra>%{fullData.name}</extra>",
            )
        )
    base_layout(figure, title, x_title, y_title)
    days = sorted(set(trend["date"]))
    ticks, text = date_ticks(days, lang)
    figure.update_layout(hovermode="closest", xaxis={"tickmode": "array", "tickvals": ticks, "ticktext": text})
    figure.update_yaxes(rangemode="tozero")
    return figure
