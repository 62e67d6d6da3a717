"""Plotly figures with consistent colour-blind-safe colours and Indian number grouping on axes and hovers."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from stats.formatting import grouped_decimal, indian_number, rounded

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
VACCINE_COLOURS = {"COVISHIELD": "#0072B2", "COVAXIN": "#E69F00", "SPUTNIK": "#009E73", "CORBEVAX": "#CC79A7"}
BAND_COLOURS = {
    "12-14": "#56B4E9",
    "15-17": "#009E73",
    "18-44": "#0072B2",
    "45-59": "#E69F00",
    "60+": "#D55E00",
    "45+": "#CC79A7",
}
DOSE_COLOURS = {1: "#0072B2", 2: "#E69F00", 3: "#009E73"}
ACCENT = "#D55E00"
NEUTRAL = "#999999"
COVER_COLOURS = {"red": "#C62828", "amber": "#E69F00", "ok": "#009E73"}
"""Bars by stats.stock.cover_level: red under a week of cover, amber under two, green otherwise."""
COVER_BACKGROUNDS = {"red": "#FFD6D6", "amber": "#FFE9B8"}
"""Table cells by cover level (light enough for dark text); an ok cell keeps the table's own background."""


def nice_ticks(maximum: float, count: int = 5) -> list[int]:
    """Round tick values from 0 to at least maximum (1, 2 or 5 times a power of ten apart)."""
    if not maximum or maximum <= 0 or math.isnan(maximum):
        return [0]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return [int(step * i) for i in range(int(math.ceil(maximum / step)) + 1)]


def decimal_ticks(maximum: float, count: int = 5) -> list[float]:
    """Tick values from 0 to at least maximum, 1, 2 or 5 times a power of ten apart (tenths included)."""
    if not maximum or maximum <= 0 or math.isnan(maximum):
        return [0.0]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return [round(step * i, 10) for i in range(int(math.ceil(maximum / step)) + 1)]


def decimal_axis(figure: go.Figure, maximum: float, lang: str = "en", axis: str = "yaxis") -> go.Figure:
    """Label a value axis 0 … maximum with one decimal and Indian grouping (days of cover: 0.0, 2.5, 5.0)."""
    ticks = decimal_ticks(maximum)
    text = [grouped_decimal(rounded(v, 1), lang, 1) for v in ticks]
    figure.update_layout({axis: {"tickmode": "array", "tickvals": ticks, "ticktext": text}})
    return figure


def indian_axis(figure: go.Figure, maximum: float, lang: str = "en", axis: str = "yaxis") -> go.Figure:
    """Label a value axis 0 … maximum with Indian-grouped numbers (Plotly's own format knows no lakh)."""
    ticks = nice_ticks(maximum)
    figure.update_layout(
        {axis: {"tickmode": "array", "tickvals": ticks, "ticktext": [indian_number(v, lang) for v in ticks]}}
    )
    return figure


def base_layout(figure: go.Figure, title: str, x_title: str, y_title: str) -> go.Figure:
    """Common layout: title, axis titles, legend above the plot, no wasted margins."""
    figure.update_layout(
        title=title,
        xaxis_title=x_title,
        yaxis_title=y_title,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hovermode="x unified",
    )
    return figure
