"""What a published source gives beyond its dose totals, for an area and a date range: doses by vaccine, by
CoWIN's own age bands and by gender, people vaccinated, AEFI, registrations, sessions and sites — day by day, as
splits of a range, and in plain sentences what the source does not publish.

Pure: the published cumulative figures of one area as data.read.published.published_values returns them (date,
source, area, metric, value) in; frames and text out. The rules of stats.published and stats.sources hold:

* a day's figure is the cumulative minus the previous published one; a fall is a *correction* (its day has no
  figure, the note says so, never a negative count); a series' first figure is everything up to then (*start*);
  a day of a known jump in CoWIN's totals (stats.sources.KNOWN_JUMPS) is a *jump*, not one day's figure;
* a cumulative figure of 0 after a positive one (AEFI in August 2021) is *missing*, not a real zero: it is left
  out of the differences;
* sessions and sites are counts for the day only from COUNTS_PER_DAY_FROM (before that a count so far): they
  are shown as published, never averaged or called typical;
* a range's split (by vaccine, band, gender) is the cumulative at the range's end minus the cumulative the day
  before its start; a metric published only from a later day (or to an earlier one) covers fewer days, and says
  which;
* CoWIN's bands (18–44, 45–60, 60+) are its own and never mixed with the bands of the state's reports (45–59).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from stats import STATE, sources
from stats.formatting import MISSING, indian_number, long_date, percent
from stats.labels import t
from stats.names import Names
from stats.published import FIRST, SECOND, daily_from_cumulative
from stats.views.sources import short_name, source_name

REGISTRATIONS = "Total Individuals Registered"
"""The district series' registrations (cumulative)."""
MISSING_ZERO = "missing"
CUMULATIVE = "cumulative"
"""Statuses of this module besides stats.sources.STATUSES: a 0 that is a missing figure; a count so far."""


@dataclass(frozen=True)
class Group:
    """Metrics published side by side: metric (the source's column name) → category (a vaccine code when
    by_vaccine, else the catalogue key published.<category>)."""

    key: str
    metrics: dict[str, str]
    by_vaccine: bool = False
    counts_doses: bool = True
    """False for counts of something else than doses or people (AEFI, registrations): the jumps of CoWIN's dose
    totals are not theirs."""
    zero_is_missing: bool = False
    """True where the data notes call a cumulative 0 after positive figures missing, not a fall (AEFI)."""

    @property
    def title_key(self) -> str:
        return f"published.group_{self.key}"


STATE_GROUPS = (
    Group(
        "vaccine",
        {
            "CoviShield (Doses Administered)": "COVISHIELD",
            "Covaxin (Doses Administered)": "COVAXIN",
            "Sputnik V (Doses Administered)": "SPUTNIK",
        },
        by_vaccine=True,
    ),
    Group(
        "band",
        {
            "18-44 Years (Doses Administered)": "band_18_44",
            "45-60 Years (Doses Administered)": "band_45_60",
            "60+ Years (Doses Administered)": "band_60",
        },
    ),
    Group(
        "gender",
        {
            "Male (Doses Administered)": "gender_male",
            "Female (Doses Administered)": "gender_female",
            "Transgender (Doses Administered)": "gender_transgender",
        },
    ),
    Group(
        "band_people",
        {
            "18-44 Years (Individuals Vaccinated)": "band_18_44",
            "45-60 Years (Individuals Vaccinated)": "band_45_60",
            "60+ Years (Individuals Vaccinated)": "band_60",
        },
    ),
    Group(
        "gender_people",
        {
            "Male (Individuals Vaccinated)": "gender_male",
            "Female (Individuals Vaccinated)": "gender_female",
            "Transgender (Individuals Vaccinated)": "gender_transgender",
        },
    ),
    Group("aefi", {"AEFI": "aefi"}, counts_doses=False, zero_is_missing=True),
)
"""CoWIN's state series: every cumulative metric beyond the dose totals."""

DISTRICT_GROUPS = (
    Group(
        "vaccine",
        {"Total CoviShield Administered": "COVISHIELD", "Total Covaxin Administered": "COVAXIN"},
        by_vaccine=True,
    ),
    Group(
        "gender_people",
        {
            "Male(Individuals Vaccinated)": "gender_male",
            "Female(Individuals Vaccinated)": "gender_female",
            "Transgender(Individuals Vaccinated)": "gender_transgender",
        },
    ),
    Group("registrations", {REGISTRATIONS: "registrations"}, counts_doses=False),
)
"""CoWIN's district series: every cumulative metric beyond first and second doses."""

STATE_COUNTS = {"Sessions": "sessions", "Sites": "sites"}
DISTRICT_COUNTS = {"Total Sessions Conducted": "sessions", "Total Sites": "sites"}
COUNTS_PER_DAY_FROM = {STATE: date(2021, 3, 9), "district": date(2021, 4, 4)}
"""Sessions and sites are cumulative counts before these days and (apparently) the day's count from them
(data/published/README.md)."""

VACCINES_FIRST_ONLY = (date(2021, 2, 13), date(2021, 3, 15))
"""CoWIN's state vaccine figures add up to first doses only in these days (data/published/README.md)."""
REGISTRATIONS_REDEFINED = date(2021, 4, 4)
"""From this day the district series' registrations equal first doses (people vaccinated): the day's rise is a
change of definition, not one day's registrations (data/published/README.md)."""
BANDS_RECUT = date(2021, 4, 27)
"""CoWIN re-cut its age bands (people vaccinated) on this day."""
DISTRICTS_DISAGREE = (date(2021, 3, 9), date(2021, 4, 3))
"""Days on which CoWIN's districts do not add up to its state figures."""

DAILY_COLUMNS = ("date", "metric", "category", "name", "cumulative", "value", "figure", "days", "status", "note")
SPLIT_COLUMNS = ("metric", "category", "name", "count", "share", "first", "last", "note")
COUNT_COLUMNS = ("date", "metric", "category", "name", "value", "status", "note")


COUNTS = "counts"
"""The key of sessions and sites among the groups a page offers (available)."""


def available(values: pd.DataFrame, area: str, start: date, end: date) -> list[str]:
    """The keys of the groups with a published figure from start to end, in order, then COUNTS when sessions or
    sites have one: what a page can show for the dates (what_lacks says what it cannot)."""
    rows = values[(values["date"] >= start) & (values["date"] <= end)]
    metrics = set(rows["metric"])
    keys = [g.key for g in groups(area) if metrics & set(g.metrics)]
    return keys + ([COUNTS] if metrics & set(count_metrics(area)) else [])


def groups(area: str) -> tuple[Group, ...]:
    """The groups of metrics the area's CoWIN series publishes."""
    return STATE_GROUPS if area == STATE else DISTRICT_GROUPS


def count_metrics(area: str) -> dict[str, str]:
    """The area's sessions and sites metrics → their catalogue keys."""
    return STATE_COUNTS if area == STATE else DISTRICT_COUNTS


def counts_per_day_from(area: str) -> date:
    """The first day the area's sessions and sites are the day's counts (before it: counts so far)."""
    return COUNTS_PER_DAY_FROM[STATE if area == STATE else "district"]


def source_of(area: str) -> str:
    """The stats.sources source of the area's CoWIN series (the state's, or the district series)."""
    return sources.source_key(sources.COWIN, area)


def category_name(group: Group, category: str, names: Names | None, lang: str = "en") -> str:
    """A category as the source means it: a vaccine by its reference name, else the catalogue's (CoWIN's bands
    marked as CoWIN's)."""
    if group.by_vaccine:
        return names.vaccine(category, lang) if names is not None else category.title()
    return t(f"published.{category}", lang)


def _metric_rows(values: pd.DataFrame, metrics) -> pd.DataFrame:
    rows = values[values["metric"].isin(list(metrics))][["date", "metric", "value"]]
    return rows.sort_values(["metric", "date"], kind="stable").reset_index(drop=True)


def _missing_zeros(rows: pd.DataFrame, group: Group) -> pd.Series:
    """True for a cumulative 0 after a positive figure of the same metric where the group's zeros are missing
    figures, not falls (Group.zero_is_missing)."""
    if not group.zero_is_missing or rows.empty:
        return pd.Series(False, index=rows.index)
    before = rows.groupby("metric", sort=False)["value"].transform(lambda v: v.cummax().shift(1)).fillna(0)
    return (rows["value"] == 0) & (before > 0)


def _jump_reason(group: Group, area: str, day: date) -> str | None:
    """Why the group's figure of the day is not one day's (a known jump of the dose totals, or the district
    series' redefinition of registrations); None for an ordinary day."""
    if group.key == "registrations" and area != STATE and day == REGISTRATIONS_REDEFINED:
        return "registrations"
    return sources.KNOWN_JUMPS.get((source_of(area), area, day)) if group.counts_doses else None


def _note(status: str, row: dict, group: Group, area: str, lang: str) -> str:
    if status == sources.START:
        return t("published.note_start", lang)
    if status == sources.SPAN:
        return t("published.note_span", lang, days=indian_number(int(row["days"]), lang))
    if status == sources.CORRECTION:
        return t("published.note_correction", lang, fall=indian_number(abs(int(row["figure"])), lang))
    if status == sources.JUMP:
        reason = _jump_reason(group, area, row["date"])
        if reason == "registrations":
            return t("published.note_registrations", lang)
        return t("published.note_jump", lang, why=t(f"published.why_{reason}", lang))
    if status == MISSING_ZERO:
        return t("published.note_missing", lang)
    return ""


def _empty(columns) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def daily(
    values: pd.DataFrame,
    group: Group,
    start: date,
    end: date,
    area: str = STATE,
    names: Names | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """Each metric of the group per day from start to end, one row per published date and metric.

    Columns: date, metric, category, name (the category's name), cumulative (as published), value (the day's
    figure on a regular day, else <NA>), figure (the difference as derived), days (since the previous figure),
    status (stats.sources DAY, START, SPAN, CORRECTION, JUMP, or MISSING_ZERO) and note (why a day has no
    figure, "" on a regular day). Sorted by date, then the group's order of metrics.
    """
    rows = _metric_rows(values, group.metrics)
    if rows.empty:
        return _empty(DAILY_COLUMNS)
    missing = _missing_zeros(rows, group)
    derived = daily_from_cumulative(rows[~missing]).rename(columns={"value": "figure"})
    status = pd.Series(sources.DAY, index=derived.index, dtype="object")
    status[derived["days"] > 1] = sources.SPAN
    status[derived["figure"] < 0] = sources.CORRECTION
    status[derived["days"].isna()] = sources.START
    jump = [_jump_reason(group, area, d) is not None for d in derived["date"]]
    status[pd.Series(jump, index=derived.index) & (status == sources.DAY)] = sources.JUMP
    derived["status"] = status
    zeros = rows[missing].assign(cumulative=0, figure=pd.NA, days=float("nan"), status=MISSING_ZERO)
    zeros = zeros.drop(columns="value")
    out = pd.concat([p for p in (derived, zeros) if not p.empty], ignore_index=True)
    out = out[(out["date"] >= start) & (out["date"] <= end)].copy()
    if out.empty:
        return _empty(DAILY_COLUMNS)
    order = {m: i for i, m in enumerate(group.metrics)}
    out = out.assign(_order=out["metric"].map(order)).sort_values(["date", "_order"], kind="stable")
    out["category"] = out["metric"].map(group.metrics)
    out["name"] = [category_name(group, c, names, lang) for c in out["category"]]
    out["cumulative"] = out["cumulative"].astype("Int64")
    out["figure"] = out["figure"].astype("Int64")
    out["value"] = out["figure"].where(out["status"] == sources.DAY).astype("Int64")
    odd = out[out["status"] != sources.DAY]
    notes = {
        i: _note(r["status"], r, group, area, lang) for i, r in zip(odd.index, odd.to_dict("records"), strict=True)
    }
    out["note"] = [notes.get(i, "") for i in out.index]
    return out[list(DAILY_COLUMNS)].reset_index(drop=True)


def daily_table(days: pd.DataFrame, lang: str = "en", *, formatted: bool = True) -> pd.DataFrame:
    """The daily rows for a table and its downloads: date, what, the day's figure, cumulative as published, note
    (formatted: written for the screen; otherwise dates and whole numbers, empty for no figure)."""
    if not formatted:
        return pd.DataFrame(
            {
                t("common.date", lang): list(days["date"]),
                t("published.col_what", lang): list(days["name"]),
                t("published.col_day", lang): _numbers(days["value"]),
                t("published.col_cumulative", lang): _numbers(days["cumulative"].where(days["status"] != MISSING_ZERO)),
                t("sources.status", lang): list(days["note"]),
            }
        )
    return pd.DataFrame(
        {
            t("common.date", lang): [long_date(d, lang) for d in days["date"]],
            t("published.col_what", lang): list(days["name"]),
            t("published.col_day", lang): [_number(v, lang) for v in days["value"]],
            t("published.col_cumulative", lang): [
                MISSING if s == MISSING_ZERO else _number(v, lang)
                for v, s in zip(days["cumulative"], days["status"], strict=True)
            ],
            t("sources.status", lang): list(days["note"]),
        },
        dtype="object",
    )


def _numbers(values: pd.Series) -> pd.arrays.IntegerArray:
    """Whole numbers, missing ones empty (a download's column)."""
    return pd.array([None if v is None or pd.isna(v) else int(v) for v in values], dtype="Int64")


def _number(value, lang: str) -> str:
    return MISSING if value is None or pd.isna(value) else indian_number(int(value), lang)


# --- Splits of a range -----------------------------------------------------------------------------------


def split(
    values: pd.DataFrame,
    group: Group,
    start: date,
    end: date,
    area: str = STATE,
    names: Names | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """What the group's metrics counted over the range: one row per metric with a figure in it.

    count = the cumulative at the last published date ≤ end minus the cumulative at the last published date
    before start; a metric first published inside the range counts from the day after its first figure (which
    holds everything up to then). first, last: the days the count covers; a count not over the whole range says
    so in its note. share: the count over the group's counts that cover the same days as the group's widest
    span (NaN for a metric covering other days, and for a count below zero: a correction bigger than the
    range's figures). Metrics with no two figures around the range have no row.
    """
    rows = _metric_rows(values, group.metrics)
    rows = rows[~_missing_zeros(rows, group)]
    source = source_name(source_of(area), lang)
    out = []
    for metric, category in group.metrics.items():
        mine = rows[rows["metric"] == metric]
        series = dict(zip(mine["date"], mine["value"], strict=True))
        dates = sorted(series)
        inside = [d for d in dates if start <= d <= end]
        before = [d for d in dates if d < start]
        if not inside:
            continue
        base = before[-1] if before else inside[0]
        last = inside[-1]
        if base == last:
            continue
        count = int(series[last]) - int(series[base])
        covered = [d for d in dates if base < d <= last]
        previous = dict(zip(dates[1:], dates[:-1], strict=False))
        falls = [d for d in covered if series[d] < series[previous[d]]]
        jumps = [d for d in covered if _jump_reason(group, area, d) is not None]
        notes = []
        first = base + timedelta(days=1)
        if first != start or last != end:
            notes.append(
                t(
                    "published.note_partial",
                    lang,
                    source=source,
                    first=long_date(dates[0], lang),
                    last=long_date(dates[-1], lang),
                    start=long_date(first, lang),
                    end=long_date(last, lang),
                )
            )
        if falls:
            notes.append(t("published.note_corrections_in", lang, dates=_dates(falls, lang)))
        if jumps:
            notes.append(t("published.note_jumps_in", lang, dates=_dates(jumps, lang)))
        out.append(
            {
                "metric": metric,
                "category": category,
                "name": category_name(group, category, names, lang),
                "count": count,
                "first": first,
                "last": last,
                "note": "; ".join(notes),
            }
        )
    if not out:
        frame = _empty(SPLIT_COLUMNS)
        return frame.astype({"count": "Int64", "share": "float64"})
    frame = pd.DataFrame(out)
    spans = list(zip(frame["first"], frame["last"], strict=True))
    widest = min(spans, key=lambda s: (s[0], -s[1].toordinal()))
    same = pd.Series([s == widest for s in spans], index=frame.index) & (frame["count"] >= 0)
    total = frame.loc[same, "count"].sum()
    frame["share"] = (frame["count"] / total).where(same & (total > 0)).astype("float64")
    frame["count"] = frame["count"].astype("Int64")
    return frame[list(SPLIT_COLUMNS)]


def _dates(days: list[date], lang: str) -> str:
    return ", ".join(long_date(d, lang) for d in days)


def split_notes(group: Group, start: date, end: date, area: str = STATE, lang: str = "en") -> list[str]:
    """What to know before reading the group's split over the range (CoWIN's bands are its own; the oddities of
    data/published/README.md that fall in the range)."""
    notes = []
    if group.key in ("band", "band_people"):
        notes.append(t("published.bands_note", lang))
    if group.key == "band_people" and start <= BANDS_RECUT <= end:
        notes.append(t("published.note_recut", lang))
    first_only_from, first_only_to = VACCINES_FIRST_ONLY
    if area == STATE and group.key == "vaccine" and start <= first_only_to and end >= first_only_from:
        notes.append(t("published.note_first_only", lang))
    return notes


def range_lines(rows: pd.DataFrame, source: str, lang: str = "en") -> list[str]:
    """The split as sentences, one per metric (for a group of one metric, where a chart would be one bar):
    "AEFI reported, 20 June 2021 to 30 June 2021: 21 (CoWIN)." with the row's note after it."""
    out = []
    for row in rows.itertuples(index=False):
        count = _number(row.count if pd.notna(row.count) and row.count >= 0 else None, lang)
        line = t(
            "published.range_count",
            lang,
            what=row.name,
            start=long_date(row.first, lang),
            end=long_date(row.last, lang),
            count=count,
            source=source,
        )
        out.append(f"{line} ({row.note})" if row.note else line)
    return out


def split_table(rows: pd.DataFrame, lang: str = "en", *, formatted: bool = True) -> pd.DataFrame:
    """The split for a table and its downloads: what, count, share, days covered, note (formatted: written for the
    screen; otherwise whole counts, the share in per cent to two decimals and the first and last day covered)."""
    if not formatted:
        return pd.DataFrame(
            {
                t("published.col_what", lang): list(rows["name"]),
                t("published.col_count", lang): _numbers(rows["count"].where(rows["count"] >= 0)),
                f"{t('published.col_share', lang)} (%)": (rows["share"].astype("float64") * 100).round(2),
                t("published.col_from", lang): list(rows["first"]),
                t("published.col_to", lang): list(rows["last"]),
                t("sources.status", lang): list(rows["note"]),
            }
        )
    return pd.DataFrame(
        {
            t("published.col_what", lang): list(rows["name"]),
            t("published.col_count", lang): [
                _number(v if pd.notna(v) and v >= 0 else None, lang) for v in rows["count"]
            ],
            t("published.col_share", lang): [percent(v, lang) for v in rows["share"]],
            t("published.col_covers", lang): [
                t("published.covers", lang, start=long_date(a, lang), end=long_date(b, lang))
                for a, b in zip(rows["first"], rows["last"], strict=True)
            ],
            t("sources.status", lang): list(rows["note"]),
        },
        dtype="object",
    )


# --- Sessions and sites, as published --------------------------------------------------------------------


def counts(values: pd.DataFrame, start: date, end: date, area: str = STATE, lang: str = "en") -> pd.DataFrame:
    """Sessions and sites from start to end exactly as published: date, metric, category, name, value, status
    (CUMULATIVE before the day they became daily counts, MISSING_ZERO for a 0, else DAY) and note."""
    metrics = count_metrics(area)
    rows = _metric_rows(values, metrics)
    rows = rows[(rows["date"] >= start) & (rows["date"] <= end)].copy()
    if rows.empty:
        return _empty(COUNT_COLUMNS)
    per_day = counts_per_day_from(area)
    order = {m: i for i, m in enumerate(metrics)}
    rows = rows.assign(_order=rows["metric"].map(order)).sort_values(["date", "_order"], kind="stable")
    rows["category"] = rows["metric"].map(metrics)
    rows["name"] = [t(f"published.{c}", lang) for c in rows["category"]]
    rows["status"] = [
        CUMULATIVE if d < per_day else MISSING_ZERO if v == 0 else sources.DAY
        for d, v in zip(rows["date"], rows["value"], strict=True)
    ]
    notes = {
        CUMULATIVE: t("published.note_count_cumulative", lang, date=long_date(per_day, lang)),
        MISSING_ZERO: t("published.note_missing", lang),
        sources.DAY: t("published.note_count_day", lang),
    }
    rows["note"] = rows["status"].map(notes)
    rows["value"] = rows["value"].astype("int64")
    return rows[list(COUNT_COLUMNS)].reset_index(drop=True)


def counts_table(rows: pd.DataFrame, lang: str = "en", *, formatted: bool = True) -> pd.DataFrame:
    """Sessions and sites for a table and its downloads: date, what, as published, note (formatted: written for the
    screen; otherwise dates and whole numbers)."""
    if not formatted:
        return pd.DataFrame(
            {
                t("common.date", lang): list(rows["date"]),
                t("published.col_what", lang): list(rows["name"]),
                t("published.col_published", lang): pd.array(rows["value"], dtype="int64"),
                t("sources.status", lang): list(rows["note"]),
            }
        )
    return pd.DataFrame(
        {
            t("common.date", lang): [long_date(d, lang) for d in rows["date"]],
            t("published.col_what", lang): list(rows["name"]),
            t("published.col_published", lang): [indian_number(int(v), lang) for v in rows["value"]],
            t("sources.status", lang): list(rows["note"]),
        },
        dtype="object",
    )


# --- What the source lacks -------------------------------------------------------------------------------


def what_lacks(
    values: pd.DataFrame,
    area: str,
    start: date,
    end: date,
    lang: str = "en",
    district_last: date | None = None,
) -> list[str]:
    """Plain sentences of what the area's CoWIN series does not publish for the range: each group with no
    figure in it (published only on other days, or never), the days after the series ends, and what the
    published series never give (dose number by band, precaution doses, centres; districts after district_last,
    the last day of CoWIN's district series)."""
    source = source_name(source_of(area), lang)
    rows = _metric_rows(values, [m for g in groups(area) for m in g.metrics] + list(count_metrics(area)))
    out = []
    for group in groups(area):
        mine = rows[rows["metric"].isin(list(group.metrics))]
        mine = mine[~_missing_zeros(mine, group)]
        title = t(group.title_key, lang)
        if mine.empty:
            out.append(t("published.lack_group_never", lang, group=title, source=source))
            continue
        if not ((mine["date"] >= start) & (mine["date"] <= end)).any():
            first, last = min(mine["date"]), max(mine["date"])
            out.append(
                t(
                    "published.lack_group",
                    lang,
                    group=title,
                    source=source,
                    first=long_date(first, lang),
                    last=long_date(last, lang),
                )
            )
    if len(values) and end > max(values["date"]):
        out.append(t("published.lack_after", lang, source=source, last=long_date(max(values["date"]), lang)))
    if area == STATE:
        out.append(t("published.lack_dose_by_band", lang))
        out.append(t("published.lack_mohfw", lang))
    else:
        out.append(t("published.lack_district_splits", lang))
    out.append(t("published.lack_precaution", lang))
    out.append(t("published.lack_centres", lang))
    if district_last is not None and end > district_last and (area == STATE or not len(values)):
        out.append(t("published.lack_districts_after", lang, last=long_date(district_last, lang)))
    return out


# --- One day of CoWIN's district series ------------------------------------------------------------------

DISTRICT_DAY_METRICS = (
    FIRST,
    SECOND,
    "Total CoviShield Administered",
    "Total Covaxin Administered",
    "Male(Individuals Vaccinated)",
    "Female(Individuals Vaccinated)",
    "Transgender(Individuals Vaccinated)",
    REGISTRATIONS,
)
"""The district series' cumulative metrics whose day's figure the district table shows, in its order."""


def _district_day_label(metric: str, names: Names | None, lang: str) -> str:
    if metric in (FIRST, SECOND):
        return t("published.on_day", lang, what=t("published.first" if metric == FIRST else "published.second", lang))
    for group in DISTRICT_GROUPS:
        if metric in group.metrics:
            what = category_name(group, group.metrics[metric], names, lang)
            if group.key == "gender_people":
                what = t("published.people", lang, gender=what)
            return t("published.on_day", lang, what=what)
    raise KeyError(metric)


def district_day(
    values: pd.DataFrame, day: date, names: Names, lang: str = "en", formatted: bool = True
) -> pd.DataFrame:
    """Every district's figures of CoWIN's district series for the day, one row per district with a figure
    that day (in the districts' order): each cumulative metric's figure for the day (the cumulative minus the
    previous published one; a fall or a first figure has no figure, its note says why), sessions and sites as
    published, first and second doses so far, and a note.

    values: the district series (published_values of source 'cowin', district areas) for the day and days
    before it. formatted: Indian-grouped text (MISSING for no figure); else Int64 with <NA>.
    """
    rows = values[(values["area"] != STATE) & (values["date"] <= day)]
    today = rows[rows["date"] == day]
    codes = names.ordered("districts", set(today["area"]))
    columns = {m: _district_day_label(m, names, lang) for m in DISTRICT_DAY_METRICS}
    count_labels = {m: t(f"published.{k}", lang) for m, k in DISTRICT_COUNTS.items()}
    so_far = {
        m: t("published.so_far", lang, what=t(k, lang))
        for m, k in ((FIRST, "published.first"), (SECOND, "published.second"))
    }
    records = []
    for code in codes:
        mine = rows[rows["area"] == code]
        record: dict[str, object] = {t("common.district", lang): names.district(code, lang)}
        notes = []
        earlier = mine[mine["date"] < day]
        first_day = earlier.empty
        for metric, label in columns.items():
            now = mine[(mine["date"] == day) & (mine["metric"] == metric)]["value"]
            before = earlier[earlier["metric"] == metric].sort_values("date")["value"]
            figure = None
            if metric == REGISTRATIONS and day == REGISTRATIONS_REDEFINED and len(now):
                notes.append(t("published.note_registrations", lang))
            elif len(now) and len(before):
                change = int(now.iloc[0]) - int(before.iloc[-1])
                if change < 0:
                    notes.append(t("published.correction_of", lang, what=label, fall=indian_number(-change, lang)))
                else:
                    figure = change
            record[label] = figure
        for metric, label in count_labels.items():
            now = mine[(mine["date"] == day) & (mine["metric"] == metric)]["value"]
            record[label] = int(now.iloc[0]) if len(now) else None
        for metric, label in so_far.items():
            now = mine[(mine["date"] == day) & (mine["metric"] == metric)]["value"]
            record[label] = int(now.iloc[0]) if len(now) else None
        if first_day:
            notes.insert(0, t("published.first_figure", lang))
        record[t("sources.status", lang)] = "; ".join(notes)
        records.append(record)
    numbers = [*columns.values(), *count_labels.values(), *so_far.values()]
    header = [t("common.district", lang), *numbers, t("sources.status", lang)]
    out = pd.DataFrame(records, columns=header)
    if formatted:
        for column in numbers:
            out[column] = [_number(v, lang) for v in out[column]]
        return out.astype("object")
    return out.astype({c: "Int64" for c in numbers})


def district_day_notes(day: date, lang: str = "en") -> list[str]:
    """What to know before reading the district series' figures of the day (data/published/README.md)."""
    notes = []
    per_day = counts_per_day_from("district")
    if day < per_day:
        notes.append(t("published.counts_so_far", lang, date=long_date(per_day, lang)))
    if DISTRICTS_DISAGREE[0] <= day <= DISTRICTS_DISAGREE[1]:
        notes.append(t("published.districts_disagree", lang))
    return notes


def district_series_span(values: pd.DataFrame) -> tuple[date | None, date | None]:
    """The first and last day of CoWIN's district series in values (None, None without one)."""
    rows = values[values["area"] != STATE]
    if rows.empty:
        return None, None
    return min(rows["date"]), max(rows["date"])


def titles(area: str, lang: str = "en") -> tuple[str, str]:
    """The source's name in a sentence and in a legend, for the area's CoWIN series."""
    return source_name(source_of(area), lang), short_name(source_of(area), lang)
