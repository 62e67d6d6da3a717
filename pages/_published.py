"""What a published source gives beyond its dose totals, as sections other pages show: show_published (an area
and a date range: splits, day-by-day figures, sessions and sites, and what the source does not publish) and
show_district_published (every district's figures of CoWIN's district series for a day)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from data.access import Context
from data.read import reference
from data.read.published import published_values
from pages._shared import chart_with_table, downloads
from stats import STATE
from stats.figures import published as charts
from stats.formatting import long_date
from stats.labels import t
from stats.published import FIRST
from stats.views import published as view

COWIN = "cowin"


def _district_span(ctx: Context) -> tuple[date | None, date | None]:
    """The first and last day of CoWIN's district series in the database."""
    return view.district_series_span(published_values(ctx, source=COWIN, metrics=[FIRST]))


def show_published(ctx: Context, area: str, start: date, end: date, lang: str) -> None:
    """A section "What {source} published for these dates": for the area (STATE or a district code), CoWIN's
    splits of the range and its figures per day by vaccine, CoWIN's age bands, gender, people vaccinated, AEFI
    and registrations (each with a chart and its table), or sessions and sites as published — one of these at a
    time, chosen with a radio of those the source has for the dates — and in plain sentences what the source
    does not publish for these dates."""
    source, short = view.titles(area, lang)
    names = reference.names(ctx)
    values = published_values(ctx, source=COWIN, areas=[area])
    _, district_last = _district_span(ctx)
    st.subheader(t("published.title", lang, source=source))
    if not len(values[(values["date"] >= start) & (values["date"] <= end)]):
        where = t("published.state", lang) if area == STATE else names.district(area, lang)
        st.info(
            t(
                "published.none",
                lang,
                source=source,
                area=where,
                start=long_date(start, lang),
                end=long_date(end, lang),
            )
        )
    else:
        st.caption(t("published.intro", lang, source=source, start=long_date(start, lang), end=long_date(end, lang)))
    prefix = f"published-{area}-{start.isoformat()}-{end.isoformat()}"
    options = view.available(values, area, start, end)
    if options:
        # One group at a time: every group's charts on every rerun would cost half a second.
        titles = {g.key: t(g.title_key, lang) for g in view.groups(area)} | {
            view.COUNTS: t("published.group_counts", lang)
        }
        choice = st.radio(
            t("published.show", lang),
            options,
            format_func=titles.__getitem__,
            horizontal=True,
            key=f"published-{area}-show-{'-'.join(options)}",
        )
        if choice == view.COUNTS:
            counts = view.counts(values, start, end, area, lang)
            chart_with_table(
                ctx,
                charts.counts_figure(counts, t("published.counts_title", lang, source=source), short, lang),
                view.counts_table(counts, lang),
                f"{prefix}-counts",
                raw=view.counts_table(counts, lang, formatted=False),
            )
            st.caption(t("published.counts_implausible", lang))
        else:
            group = next(g for g in view.groups(area) if g.key == choice)
            split = view.split(values, group, start, end, area, names, lang)
            days = view.daily(values, group, start, end, area, names, lang)
            _group(ctx, group, split, days, titles[choice], short, f"{prefix}-{group.key}", area, start, end, lang)
    lacks = view.what_lacks(values, area, start, end, lang, district_last=district_last)
    st.markdown(f"**{t('published.lacks_title', lang, source=source)}**")
    st.markdown("\n".join(f"- {line}" for line in lacks))


def _group(
    ctx: Context,
    group: view.Group,
    split: pd.DataFrame,
    days: pd.DataFrame,
    title: str,
    short: str,
    key: str,
    area: str,
    start: date,
    end: date,
    lang: str,
) -> None:
    """One group of metrics: the range's split (for one metric alone, a sentence) and its figures per day."""
    if len(split) > 1:
        first, last = min(split["first"]), max(split["last"])
        heading = t("published.split_title", lang, group=title, start=long_date(first, lang), end=long_date(last, lang))
        chart_with_table(
            ctx,
            charts.split_figure(split, heading, short, lang),
            view.split_table(split, lang),
            f"{key}-split",
            raw=view.split_table(split, lang, formatted=False),
        )
    for line in view.range_lines(split, short, lang) if len(split) == 1 else ():
        st.markdown(line)
    for note in view.split_notes(group, start, end, area, lang):
        st.caption(note)
    if len(days):
        daily_title = t("published.daily_title", lang, group=title)
        chart_with_table(
            ctx,
            charts.daily_figure(days, daily_title, short, lang),
            view.daily_table(days, lang),
            f"{key}-daily",
            raw=view.daily_table(days, lang, formatted=False),
        )


def show_district_published(ctx: Context, day: date, lang: str) -> None:
    """CoWIN's district series for the day: every district's figures (first and second doses, by vaccine,
    people vaccinated by gender, registrations, sessions, sites) as a table with a CSV download; or the sentence
    that district figures end on the series' last day."""
    st.subheader(t("published.district_title", lang, date=long_date(day, lang)))
    first, last = _district_span(ctx)
    if first is None:
        st.info(t("published.district_none", lang, date=long_date(day, lang)))
        return
    if not first <= day <= last:
        st.info(
            t(
                "published.district_ends",
                lang,
                date=long_date(day, lang),
                first=long_date(first, lang),
                last=long_date(last, lang),
            )
        )
        return
    values = published_values(ctx, source=COWIN, start=day - timedelta(days=7), end=day)
    names = reference.names(ctx)
    table = view.district_day(values, day, names, lang)
    st.caption(t("published.district_intro", lang))
    for note in view.district_day_notes(day, lang):
        st.caption(note)
    numbers = {c: st.column_config.TextColumn(c, alignment="right") for c in table.columns[1:-1]}
    st.dataframe(
        table,
        width="stretch",
        height="content",
        hide_index=True,
        column_config=numbers,
        key=f"published-districts-{day}",
    )
    raw = view.district_day(values, day, names, lang, formatted=False)
    downloads(ctx, raw, f"cowin-districts-{day.isoformat()}.csv", f"published-districts-download-{day}")
