"""Plotly figures of the state overview: pure builders, frames in (as stats.views.overview makes them), figure out.

Numbers on axes and in hovers are Indian-grouped, dates in the chosen language; colours come from
stats.figures.charts so a vaccine, band or dose has the same colour on every chart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date

from stats.doses import RecordDay
from stats.figures.charts import (
    ACCENT,
    BAND_COLOURS,
    DOSE_COLOURS,
    NEUTRAL,
    VACCINE_COLOURS,
    base_layout,
    indian_axis,
    nice_ticks,
)
from stats.formatting import LOCALES, indian_number, long_date, percent, whole
from stats.labels import t
from stats.names import Names

BAR = "#56B4E9"
"""Daily bars: Okabe-Ito sky blue, with the 7-day average in the accent colour over it."""
TICKS = 7
"""About this many date ticks on a time axis."""


def short_date(day: date, lang: str = "en", with_year: bool = False) -> str:
    """22 Jun / 22 जून (with the year when asked: 22 Jun 2021)."""
    return format_date(day, format="d MMM y" if with_year else "d MMM", locale=LOCALES[lang])


def date_ticks(days: Sequence[date], lang: str = "en", count: int = TICKS) -> tuple[list[date], list[str]]:
    """About count evenly spaced days of a calendar and their labels (with the year when it spans two)."""
    days = list(days)
    if not days:
        return [], []
    step = max(1, math.ceil(len(days) / count))
    ticks = days[::step]
    with_year = days[0].year != days[-1].year
    return ticks, [short_date(d, lang, with_year) for d in ticks]


def date_axis(figure: go.Figure, days: Sequence[date], lang: str = "en") -> go.Figure:
    """Label the x axis with dates in the language (Plotly's own date labels are English only)."""
    ticks, text = date_ticks(days, lang)
    figure.update_xaxes(tickmode="array", tickvals=ticks, ticktext=text)
    if days:
        # A fixed range of the days shown (half a day either side for the bars): left to itself, Plotly widens
        # the axis to fit the record day's label.
        half_day = pd.Timedelta(hours=12)
        figure.update_xaxes(range=[pd.Timestamp(min(days)) - half_day, pd.Timestamp(max(days)) + half_day])
    return figure


def record_anchor(day: date, days: Sequence[date]) -> str:
    """Where the record label sits against its day: right-aligned in the last third, left in the first, centred."""
    place = sorted(days).index(day) / max(len(days) - 1, 1)
    return "right" if place > 2 / 3 else "left" if place < 1 / 3 else "center"


def _finish(figure: go.Figure, title: str, y_title: str, maximum: float, lang: str) -> go.Figure:
    """Layout of a time chart: title, no x title (the dates say it), legend below, Indian-grouped y axis."""
    base_layout(figure, title, "", y_title)
    # Legend under the plot, in trace order: above it, five age bands run into the title.
    figure.update_layout(
        hovermode="closest", legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "traceorder": "normal"}
    )
    figure.update_yaxes(range=[0, max(nice_ticks(maximum)[-1], 1)])  # up to a labelled tick
    return indian_axis(figure, maximum, lang)


def mark_record(figure: go.Figure, day: date, doses: int, days: Sequence[date], lang: str, suffix: str = "") -> None:
    """The record day's label over its bar (the suffix names its source where the chart mixes sources)."""
    text = t("overview.record", lang, doses=indian_number(doses, lang), date=long_date(day, lang)) + suffix
    figure.add_annotation(
        x=day,
        y=doses,
        text=text,
        showarrow=True,
        arrowhead=2,
        arrowcolor=NEUTRAL,
        ax=0,
        ay=-30,
        xanchor=record_anchor(day, days),
        bgcolor="rgba(255,255,255,0.85)",
        bordercolor=NEUTRAL,
    )


def daily_doses_figure(daily: pd.DataFrame, record: RecordDay | None, lang: str = "en") -> go.Figure:
    """Doses per day as bars, the 7-day average as a line, and the record day marked when it is shown.

    daily: date, doses, average_7d (overview_view.daily_series); record: the record day to the last day.
    """
    days = list(daily["date"])
    when = [long_date(d, lang) for d in days]
    doses_label, average_label = t("common.doses", lang), t("overview.average_7d", lang)
    figure = go.Figure()
    figure.add_bar(
        x=days,
        y=daily["doses"],
        name=doses_label,
        marker_color=BAR,
        customdata=[[w, indian_number(n, lang)] for w, n in zip(when, daily["doses"], strict=True)],
        hovertemplate=f"%{{customdata[0]}}<br>{doses_label}: %{{customdata[1]}}<extra></extra>",
    )
    figure.add_scatter(
        x=days,
        y=daily["average_7d"],
        name=average_label,
        mode="lines",
        line={"color": ACCENT, "width": 2.5},
        customdata=[[w, whole(x, lang)] for w, x in zip(when, daily["average_7d"], strict=True)],
        hovertemplate=f"%{{customdata[0]}}<br>{average_label}: %{{customdata[1]}}<extra></extra>",
    )
    if record is not None and record.date in set(days):
        mark_record(figure, record.date, record.doses, days, lang)
    maximum = max([0, *daily["doses"], *daily["average_7d"]])
    _finish(figure, t("overview.daily_title", lang), doses_label, maximum * 1.12, lang)
    return date_axis(figure, days, lang)


def cumulative_figure(cumulative: pd.DataFrame, names: Names, lang: str = "en") -> go.Figure:
    """Cumulative doses by dose number as lines (overview_view.cumulative_series)."""
    figure = go.Figure()
    label = t("overview.cumulative", lang)
    for number in sorted(set(cumulative["dose_number"])):
        rows = cumulative[cumulative["dose_number"] == number]
        name = names.dose(number, lang)
        figure.add_scatter(
            x=list(rows["date"]),
            y=rows["cumulative"],
            name=name,
            mode="lines",
            line={"color": DOSE_COLOURS.get(int(number), NEUTRAL), "width": 2.5},
            customdata=[
                [long_date(d, lang), indian_number(n, lang)]
                for d, n in zip(rows["date"], rows["cumulative"], strict=True)
            ],
            hovertemplate=f"%{{customdata[0]}}<br>{name}: %{{customdata[1]}}<extra></extra>",
        )
    maximum = max([0, *cumulative["cumulative"]])
    _finish(figure, t("overview.cumulative_title", lang), label, maximum * 1.05, lang)
    return date_axis(figure, sorted(set(cumulative["date"])), lang)


def bands_figure(bands: pd.DataFrame, names: Names, lang: str = "en") -> go.Figure:
    """Doses per day by age band as stacked bars (overview_view.band_series)."""
    figure = go.Figure()
    for band in names.ordered("bands", bands["age_band"]):
        rows = bands[bands["age_band"] == band]
        name = names.band(band, lang)
        figure.add_bar(
            x=list(rows["date"]),
            y=rows["doses"],
            name=name,
            marker_color=BAND_COLOURS.get(band, NEUTRAL),
            customdata=[
                [long_date(d, lang), indian_number(n, lang)] for d, n in zip(rows["date"], rows["doses"], strict=True)
            ],
            hovertemplate=f"%{{customdata[0]}}<br>{name}: %{{customdata[1]}}<extra></extra>",
        )
    figure.update_layout(barmode="stack")
    maximum = bands.groupby("date")["doses"].sum().max() if len(bands) else 0
    doses = t("common.doses", lang)
    _finish(figure, t("overview.bands_title", lang), doses, maximum * 1.05, lang)
    return date_axis(figure, sorted(set(bands["date"])), lang)


def vaccine_mix_figure(mix: pd.DataFrame, start: date, end: date, names: Names, lang: str = "en") -> go.Figure:
    """The vaccines' shares of the doses from start to end as a doughnut (overview_view.vaccine_mix)."""
    order = names.ordered("vaccines", mix["vaccine"])
    rows = mix.set_index("vaccine").loc[order].reset_index() if len(mix) else mix
    figure = go.Figure(
        go.Pie(
            labels=[names.vaccine(v, lang) for v in rows["vaccine"]],
            values=rows["doses"],
            hole=0.45,
            sort=False,
            direction="clockwise",
            marker={"colors": [VACCINE_COLOURS.get(v, NEUTRAL) for v in rows["vaccine"]]},
            texttemplate="%{customdata[1]}",
            customdata=[
                [indian_number(n, lang), percent(s, lang)] for n, s in zip(rows["doses"], rows["share"], strict=True)
            ],
            hovertemplate="%{label}: %{customdata[0]} (%{customdata[1]})<extra></extra>",
        )
    )
    title = t("overview.vaccines_title", lang, start=long_date(start, lang), end=long_date(end, lang))
    figure.update_layout(
        title=title,
        legend={"orientation": "h", "yanchor": "bottom", "y": -0.15, "x": 0},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
    )
    return figure


SOURCE_COLOURS = {"own": BAR, "cowin_district": "#0072B2", "cowin": "#0072B2", "mohfw": "#E69F00"}
"""Daily bars by the source of the day's figure (Okabe-Ito)."""


def sourced_daily_figure(series: pd.DataFrame, records: Sequence, lang: str = "en") -> go.Figure:
    """Doses per day as bars coloured and named by their source, the 7-day average over regular days, days
    that are not one day's doses (corrections, jumps, spans) as marks on the axis with their reason, and each
    source's record day when shown.

    series: stats.views.sources.daily_series (with its name and note columns); records: stats.sources.records,
    each with the short name of its source as `name`.
    """
    days = list(series["date"])
    doses_label, average_label = t("common.doses", lang), t("overview.average_7d", lang)
    figure = go.Figure()
    regular = series[series["status"] == "day"]
    for source in [s for s in ("own", "cowin_district", "cowin", "mohfw") if s in set(regular["source"])]:
        rows = regular[regular["source"] == source]
        name = rows["name"].iloc[0]
        figure.add_bar(
            x=list(rows["date"]),
            y=rows["doses"],
            name=name,
            marker_color=SOURCE_COLOURS[source],
            customdata=[
                [long_date(d, lang), indian_number(n, lang)] for d, n in zip(rows["date"], rows["doses"], strict=True)
            ],
            hovertemplate=f"%{{customdata[0]}}<br>{doses_label}: %{{customdata[1]}} ({name})<extra></extra>",
        )
    odd = series[series["source"].notna() & (series["status"] != "day")]
    if len(odd):
        figure.add_scatter(
            x=list(odd["date"]),
            y=[0] * len(odd),
            name=t("sources.status", lang),
            mode="markers",
            marker={"symbol": "x", "size": 9, "color": NEUTRAL},
            customdata=[
                [long_date(d, lang), s, n] for d, s, n in zip(odd["date"], odd["name"], odd["note"], strict=True)
            ],
            hovertemplate="%{customdata[0]} (%{customdata[1]})<br>%{customdata[2]}<extra></extra>",
        )
    figure.add_scatter(
        x=days,
        y=series["average_7d"],
        name=average_label,
        mode="lines",
        line={"color": ACCENT, "width": 2.5},
        customdata=[[long_date(d, lang), whole(x, lang)] for d, x in zip(days, series["average_7d"], strict=True)],
        hovertemplate=f"%{{customdata[0]}}<br>{average_label}: %{{customdata[1]}}<extra></extra>",
    )
    drawn = set(zip(regular["date"], regular["source"], strict=True))
    for record in records:
        if (record.date, record.source) in drawn:  # a record is marked on its own source's bar only
            mark_record(figure, record.date, record.doses, days, lang, f" ({record.name})")
    maximum = max([0, *series["doses"], *series["average_7d"].fillna(0)])
    _finish(figure, t("overview.daily_title", lang), doses_label, maximum * 1.12, lang)
    figure.update_layout(barmode="overlay")
    return date_axis(figure, days, lang)
