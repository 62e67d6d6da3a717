"""The public summary's district map: every district of the day as a filled outline (or, for a district formed
after the outlines were drawn, a dot at its headquarters inside its parent's outline), coloured by an indicator
on a sequential scale with a colour bar. Plain cartesian traces: no tile server, no map base to fetch."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from stats.labels import t
from stats.views.district_map import indicator_text

SCALE = "YlGnBu"
NO_FIGURE = "#d9d9d9"
EDGE = "#ffffff"
CHOSEN_EDGE = "#222222"
MID_LATITUDE = 21.3
"""Chhattisgarh's middle latitude: a degree of longitude there is cos(21.3°) of a degree of latitude."""
COLOURBAR = "colourbar"
"""The meta of the trace that only carries the colour bar (every other trace's meta is its district's code)."""

Ring = tuple[Sequence[float], Sequence[float]]


def _colour(value: float, low: float, high: float) -> str:
    """The scale's colour of value between low and high; grey without a figure."""
    if value is None or pd.isna(value):
        return NO_FIGURE
    share = 0.5 if high <= low else (value - low) / (high - low)
    return sample_colorscale(SCALE, [min(max(share, 0.0), 1.0)])[0]


def _outline(rings: Sequence[Ring]) -> tuple[np.ndarray, np.ndarray]:
    """Every ring's points one after the other, separated by a gap (NaN): one filled trace of several parts, as
    arrays (Plotly copies and encodes an array at once, a list point by point: a third of a view's CPU)."""
    xs = np.concatenate([np.append(np.asarray(lons, dtype="float64"), np.nan) for lons, _ in rings])
    ys = np.concatenate([np.append(np.asarray(lats, dtype="float64"), np.nan) for _, lats in rings])
    return xs, ys


def _ticks(low: float, high: float, indicator: str, lang: str) -> tuple[list[float], list[str]]:
    """Five colour-bar ticks from low to high, labelled as the indicator's values are."""
    if not math.isfinite(low) or not math.isfinite(high):
        return [], []
    values = [low + (high - low) * i / 4 for i in range(5)] if high > low else [low]
    return values, [indicator_text(indicator, v, lang) for v in values]


def district_map(
    indicators: pd.DataFrame,
    indicator: str,
    shapes: Mapping[str, Sequence[Ring]],
    points: Mapping[str, tuple[float, float, str]],
    lang: str = "en",
    chosen: str | None = None,
) -> go.Figure:
    """One trace per district of indicators (stats.views.district_map.district_indicators), in its order, with
    meta = the district's code; hover: the district's name and the indicator as shown. shapes: code -> outer
    rings; points: code -> (lon, lat, the district whose outline holds it) for districts without an outline;
    chosen: a district drawn with a dark edge. A district with neither is left out (none in the master list)."""
    values = indicators[indicator].astype("float64")
    present = values.dropna()
    low, high = (float(present.min()), float(present.max())) if len(present) else (math.nan, math.nan)
    title = t(f"summary.map_{indicator}", lang)
    figure = go.Figure()
    outlined = [r for r in indicators.to_dict("records") if r["district_code"] in shapes]
    dotted = [r for r in indicators.to_dict("records") if r["district_code"] not in shapes]
    for row in outlined:
        code = row["district_code"]
        xs, ys = _outline(shapes[code])
        shown = f"{row['district']}: {indicator_text(indicator, row[indicator], lang)}"
        figure.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            fill="toself",
            fillcolor=_colour(row[indicator], low, high),
            line={"color": CHOSEN_EDGE if code == chosen else EDGE, "width": 2.5 if code == chosen else 0.8},
            name=shown,
            meta=code,
            hoveron="fills",
            hoverinfo="name",
            hoverlabel={"namelength": -1},
            showlegend=False,
        )
    for row in dotted:
        code = row["district_code"]
        if code not in points:
            continue
        lon, lat, within = points[code]
        shown = f"{row['district']}: {indicator_text(indicator, row[indicator], lang)}"
        figure.add_scatter(
            x=[lon],
            y=[lat],
            mode="markers",
            marker={
                "size": 14,
                "color": _colour(row[indicator], low, high),
                "line": {"color": CHOSEN_EDGE if code == chosen else "#555555", "width": 2.5 if code == chosen else 1},
                "symbol": "circle",
            },
            name=shown,
            meta=code,
            hovertemplate=f"{shown}<extra></extra>",
            showlegend=False,
        )
    ticks, labels = _ticks(low, high, indicator, lang)
    if ticks:
        centre_x = sum(min(r[0]) + max(r[0]) for rings in shapes.values() for r in rings[:1]) / (2 * len(shapes))
        centre_y = sum(min(r[1]) + max(r[1]) for rings in shapes.values() for r in rings[:1]) / (2 * len(shapes))
        figure.add_scatter(
            x=[centre_x, centre_x],
            y=[centre_y, centre_y],
            mode="markers",
            marker={
                "size": 0.1,
                "opacity": 0,
                "color": [low, high],
                "colorscale": SCALE,
                "cmin": low,
                "cmax": high if high > low else low + 1,
                "showscale": True,
                "colorbar": {
                    "title": {"text": title, "side": "right"},
                    "tickvals": ticks,
                    "ticktext": labels,
                    "thickness": 14,
                    "len": 0.8,
                },
            },
            meta=COLOURBAR,
            hoverinfo="skip",
            showlegend=False,
        )
    figure.update_xaxes(visible=False, fixedrange=True)
    figure.update_yaxes(
        visible=False, fixedrange=True, scaleanchor="x", scaleratio=1 / math.cos(math.radians(MID_LATITUDE))
    )
    figure.update_layout(
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        height=560,
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        hovermode="closest",
        dragmode=False,
    )
    return figure


def district_traces(figure: go.Figure) -> dict[str, go.Scatter]:
    """The figure's traces by district code (the colour bar's left out)."""
    return {trace.meta: trace for trace in figure.data if trace.meta != COLOURBAR}
