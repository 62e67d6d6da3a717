"""Plotly figures of the data-quality page: own daily doses against the published series with the gap shaded,
and reporting completeness as a district × day heatmap. Pure: frames in, figure out; every label from the
catalogue, every number in a hover written the Indian way, dates as long dates (also on the axes)."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from stats.doses import calendar_days
from stats.figures.charts import NEUTRAL, base_layout, indian_axis
from stats.formatting import indian_number, long_date, percent, signed_change
from stats.labels import t
from stats.quality import Names
from stats.views.data_quality import area_label, signed_percent, source_label, texts

OWN_COLOUR = "#000000"
SOURCE_COLOURS = {"cowin": "#0072B2", "mohfw": "#D55E00"}
"""Okabe-Ito: the state's own line black, each published source its own colour (as on every chart)."""
FILL_OPACITY = 0.15
COMPLETENESS_SCALE = "Cividis"
"""A sequential scale readable with the common colour-vision deficiencies."""


SCALE_STEP = 0.1
"""The completeness colour scale runs between the data's lowest and highest shares rounded outwards to this."""
TICK_STEPS = (0.05, 0.1, 0.2, 0.25)
"""The colour bar's tick spacing: the first of these that gives at most MAX_TICKS ticks."""
MAX_TICKS = 6
HEATMAP_BASE_PX = 200
DATE_TICK_ANGLE = -45
COLOUR_BAR_PX = 14
DATE_TITLE_STANDOFF = 16


def share_range(shares: pd.Series) -> tuple[float, float]:
    """The colour scale's ends: the lowest and highest share rounded outwards to SCALE_STEP (never a range of
    nothing: a single value gets one step around it, within 0–100 %); 0–100 % without a share."""
    known = shares.dropna()
    if known.empty:
        return 0.0, 1.0
    steps = round(1 / SCALE_STEP)
    low = math.floor(round(float(known.min()) * steps, 9)) / steps
    high = math.ceil(round(float(known.max()) * steps, 9)) / steps
    if low == high:
        low, high = (max(low - SCALE_STEP, 0.0), high) if high > 0 else (0.0, SCALE_STEP)
    return low, high


def scale_ticks(low: float, high: float) -> list[float]:
    """Ticks from low to high at the first of TICK_STEPS that gives at most MAX_TICKS of them."""
    for step in TICK_STEPS:
        count = math.floor(round((high - low) / step, 9)) + 1
        if count <= MAX_TICKS:
            break
    return [round(low + i * step, 4) for i in range(count)]


def _translucent(colour: str, opacity: float = FILL_OPACITY) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {opacity})"


def _date_axis(figure: go.Figure, days: list[date], lang: str, axis: str = "xaxis") -> None:
    """A category axis of long dates in calendar order (Plotly's own date labels are English only)."""
    figure.update_layout(
        {axis: {"type": "category", "categoryorder": "array", "categoryarray": [long_date(d, lang) for d in days]}}
    )


def sources_figure(own: pd.DataFrame, compared: pd.DataFrame, lang: str) -> go.Figure:
    """The state's own daily doses (one line) and each source's published daily doses, the gap between shaded.

    own: date, doses on every day shown (stats.views.data_quality.own_doses). compared: date, source, own,
    published, gap, relative_gap (stats.views.data_quality.source_comparison); the shading runs between
    compared's own and published values of each source.
    """
    figure = go.Figure()
    own_name = t("data_quality.own", lang)
    figure.add_trace(
        go.Scatter(
            x=[long_date(d, lang) for d in own["date"]],
            y=own["doses"].tolist(),
            name=own_name,
            mode="lines+markers",
            line={"color": OWN_COLOUR, "width": 2},
            customdata=[
                t("data_quality.hover_own", lang, name=own_name, doses=indian_number(v, lang)) for v in own["doses"]
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    for source, rows in compared.groupby("source", sort=True):
        colour, name = SOURCE_COLOURS.get(source, NEUTRAL), source_label(source, lang)
        x = [long_date(d, lang) for d in rows["date"]]
        figure.add_trace(  # the own values this source is compared with: the lower or upper edge of the shading
            go.Scatter(x=x, y=rows["own"].tolist(), mode="lines", line={"width": 0}, showlegend=False, hoverinfo="skip")
        )
        hover = [
            t(
                "data_quality.hover_published",
                lang,
                name=name,
                doses=indian_number(p, lang),
                gap=signed_change(g, lang),
                share=signed_percent(r, lang),
            )
            for p, g, r in zip(rows["published"], rows["gap"], rows["relative_gap"], strict=True)
        ]
        figure.add_trace(
            go.Scatter(
                x=x,
                y=rows["published"].tolist(),
                name=name,
                mode="lines+markers",
                line={"color": colour, "width": 2},
                fill="tonexty",
                fillcolor=_translucent(colour),
                customdata=hover,
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    days = list(own["date"]) if len(own) else sorted(set(compared["date"]))
    _date_axis(figure, calendar_days(min(days), max(days)) if days else [], lang)
    top = max([*own["doses"].tolist(), *compared["published"].tolist(), *compared["own"].tolist(), 0])
    base_layout(figure, t("data_quality.sources_title", lang), t("common.date", lang), t("common.doses", lang))
    figure.update_layout(legend_traceorder="normal")  # filled traces would otherwise list the own line last
    return indian_axis(figure, top, lang)


def completeness_figure(completeness: pd.DataFrame, lang: str, names: Names | None = None) -> go.Figure:
    """A heatmap of the share of known centres that reported: one row per district, one column per day.

    completeness: district_code, date, reported, known, share (stats.views.data_quality.reporting_completeness).
    """
    days = sorted(set(completeness["date"]))
    codes = sorted(set(completeness["district_code"]), key=lambda c: area_label(c, lang, names), reverse=True)
    grid = completeness.set_index(["district_code", "date"])
    day_text = texts(days, long_date, lang)
    template = t("data_quality.hover_completeness", lang)  # filled per cell below: only str.format in the loop
    z, hover = [], []
    for code in codes:  # one row per district (tens); the cells of a row by list comprehension
        rows = grid.loc[code].reindex(days)
        district = area_label(code, lang, names)
        z.append(rows["share"].tolist())
        cells = zip(
            day_text,
            texts(rows["reported"], indian_number, lang),
            texts(rows["known"], indian_number, lang),
            texts(rows["share"], percent, lang),
            strict=True,
        )
        hover.append([template.format(district=district, date=d, reported=r, known=k, share=s) for d, r, k, s in cells])
    low, high = share_range(completeness["share"])
    ticks = scale_ticks(low, high)
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=day_text,
            y=[area_label(c, lang, names) for c in codes],
            zmin=low,
            zmax=high,
            colorscale=COMPLETENESS_SCALE,
            colorbar={
                "title": {
                    "text": t(
                        "data_quality.completeness_scale",
                        lang,
                        low=percent(low, lang, digits=0),
                        high=percent(high, lang, digits=0),
                    ),
                    "side": "top",
                },
                "thickness": COLOUR_BAR_PX,  # thin: a phone keeps room for the days
                "tickvals": ticks,
                "ticktext": [percent(v, lang, digits=0) for v in ticks],
            },
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    _date_axis(figure, days, lang)
    base_layout(figure, t("data_quality.completeness_title", lang), t("common.date", lang), t("common.district", lang))
    figure.update_layout(hovermode="closest", height=HEATMAP_BASE_PX + 24 * len(codes))
    # Long dates slanted, with room below them for the axis title (upright, they ran into it).
    figure.update_xaxes(tickangle=DATE_TICK_ANGLE, automargin=True, title_standoff=DATE_TITLE_STANDOFF)
    figure.update_yaxes(automargin=True)
    return figure
