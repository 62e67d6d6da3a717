"""The daily press note in Hindi and English, and the figures behind it (the command line is data/bulletin.py).

The note is what the state publishes: the same for every viewer of the same day and area, and it carries no internal
data checks (those are on the overview and the data-quality page, narrowed to the centres the viewer may see)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import date

import pandas as pd

from stats import STATE, sources
from stats.doses import average_daily_doses, record_day
from stats.formatting import indian_number, lakh_crore, long_date, percent
from stats.labels import t
from stats.names import Names
from stats.stock import cover_days, cover_tenths, stock_position


@dataclass(frozen=True)
class Area:
    """Where a bulletin is for: the state (code STATE) or one district."""

    code: str
    name_en: str
    name_hi: str


@dataclass
class BulletinFigures:
    """Every figure the note states, for one area and day."""

    date: date
    area: str
    area_name_en: str
    area_name_hi: str
    doses: int
    centres: int
    cumulative_doses: int
    first_doses: int
    second_doses: int
    precaution_doses: int
    cumulative_first_doses: int
    cumulative_second_doses: int
    cumulative_precaution_doses: int
    by_age_band_and_dose: list[dict]
    record_day: dict | None
    average_7d: float
    stock_on_hand: int | None
    days_of_cover: float | None
    stock_to_check: list[dict] = field(default_factory=list)
    """Balances below zero (more issued than received), left out of stock_on_hand: store, vaccine, on_hand and
    their names (stock_checks)."""
    source: str = sources.OWN
    """Where the day's figures come from (stats.sources.ORDER)."""
    status: str = sources.DAY
    """The status of a published day (stats.sources.STATUSES): only "day" is one day's doses."""
    note_en: str = ""
    note_hi: str = ""
    """Why a published day is not one day's doses (empty for a regular day)."""
    others: list[dict] = field(default_factory=list)
    """The other sources' figures for the day: source, doses, status, note_en, note_hi."""

    def to_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        if self.record_day:
            data["record_day"] = {"date": self.record_day["date"].isoformat(), "doses": self.record_day["doses"]}
        if self.days_of_cover is not None and math.isinf(self.days_of_cover):
            data["days_of_cover"] = None
        return data


def _dose_sum(frame: pd.DataFrame, dose_number: int) -> int:
    return int(frame.loc[frame["dose_number"] == dose_number, "doses"].sum())


def bulletin_figures(
    day: date,
    area: Area,
    doses: pd.DataFrame,
    centres: pd.DataFrame,
    stock: pd.DataFrame | None = None,
    *,
    names: Names,
) -> BulletinFigures:
    """The note's figures for `day`.

    doses: date, age_band, dose_number, doses (the area's whole history up to day);
    centres: date, centres (the area's centres reporting per day);
    stock: store, vaccine, on_hand as of day (stock_on_hand), or None when no ledger exists;
    names: the age bands' order (data.read.reference.names).
    """
    history = doses[doses["date"] <= day]
    today = history[history["date"] == day]
    by_band = (
        today.groupby(["age_band", "dose_number"], as_index=False)["doses"]
        .sum()
        .assign(order=lambda f: f["age_band"].map({b: i for i, b in enumerate(names.ordered("bands", f["age_band"]))}))
        .sort_values(["order", "dose_number"])
    )
    record = record_day(history[["date", "doses"]], before=day)
    pace = float(average_daily_doses(history[["date", "doses"]], day)["average_7d"].sum())
    on_hand, cover = _stock_cover(area, stock, pace)
    to_check = stock_checks(area, stock, names)
    centres_today = centres.loc[centres["date"] == day, "centres"]
    return BulletinFigures(
        date=day,
        area=area.code,
        area_name_en=area.name_en,
        area_name_hi=area.name_hi,
        doses=int(today["doses"].sum()),
        centres=int(centres_today.sum()),
        cumulative_doses=int(history["doses"].sum()),
        first_doses=_dose_sum(today, 1),
        second_doses=_dose_sum(today, 2),
        precaution_doses=_dose_sum(today, 3),
        cumulative_first_doses=_dose_sum(history, 1),
        cumulative_second_doses=_dose_sum(history, 2),
        cumulative_precaution_doses=_dose_sum(history, 3),
        by_age_band_and_dose=[
            {"age_band": r.age_band, "dose_number": int(r.dose_number), "doses": int(r.doses)}
            for r in by_band.itertuples()
        ],
        record_day={"date": record.date, "doses": record.doses} if record else None,
        average_7d=round(pace, 1),
        stock_on_hand=on_hand,
        days_of_cover=cover,
        stock_to_check=to_check,
    )


def _other(row) -> dict:
    return {
        "source": row["source"],
        "doses": int(row["doses"]),
        "status": row["status"],
        "note_en": sources.status_note(row, "en"),
        "note_hi": sources.status_note(row, "hi"),
    }


def others_on(day_rows: pd.DataFrame, chosen: str) -> list[dict]:
    """The other sources' figures for the day (rows: stats.sources.on_day), for BulletinFigures.others."""
    return [_other(row) for _, row in day_rows.iterrows() if row["source"] != chosen]


def sourced_figures(
    day: date,
    area: Area,
    days: pd.DataFrame,
    order: tuple[str, ...] = sources.ORDER,
) -> BulletinFigures | None:
    """The note's figures from the source that stands for the area on the day (stats.sources.standing), for a
    day the state's own reports do not give: no centres, no age bands, no stock (a published series has none).

    days: every source's days frame for the area. None: no source in order has a figure for the day.
    """
    rows = days[days["area"] == area.code]
    stand = sources.standing(rows, day, order)
    if stand.empty:
        return None
    row = stand.iloc[0]
    mine = rows[rows["source"] == row["source"]]
    regular = sources.regular(mine)
    record = sources.records(regular[regular["date"] < day])
    recent = regular[(regular["date"] > day - pd.Timedelta(days=7)) & (regular["date"] <= day)]
    is_day = row["status"] == sources.DAY
    number = lambda column: int(row[column]) if is_day and not pd.isna(row[column]) else 0  # noqa: E731
    cumulative = lambda column: 0 if pd.isna(row[column]) else int(row[column])  # noqa: E731
    return BulletinFigures(
        date=day,
        area=area.code,
        area_name_en=area.name_en,
        area_name_hi=area.name_hi,
        doses=number("doses"),
        centres=0,
        cumulative_doses=cumulative("cumulative"),
        first_doses=number("first"),
        second_doses=number("second"),
        precaution_doses=number("precaution"),
        cumulative_first_doses=cumulative("cumulative_first"),
        cumulative_second_doses=cumulative("cumulative_second"),
        cumulative_precaution_doses=cumulative("cumulative_precaution"),
        by_age_band_and_dose=[],
        record_day={"date": record[0].date, "doses": record[0].doses} if record else None,
        average_7d=round(float(recent["doses"].sum()) / 7, 1),
        stock_on_hand=None,
        days_of_cover=None,
        source=str(row["source"]),
        status=str(row["status"]),
        note_en=sources.status_note(row, "en"),
        note_hi=sources.status_note(row, "hi"),
        others=others_on(sources.on_day(rows, day, area.code), row["source"]),
    )


def _stock_cover(area: Area, stock: pd.DataFrame | None, pace: float) -> tuple[int | None, float | None]:
    """Doses on hand for the area (the state: every store) and the days they last at the 7-day pace.

    None when no stock has ever been received or sent (with no ledger, "on hand" would only be minus the doses
    given) and when every balance of the area is below zero: a negative balance is never a stock figure, and
    is not netted off the state's stock (stats.stock.stock_position; stock_checks lists it).
    """
    on_hand = stock_position(stock, area.code).on_hand
    if on_hand is None:
        return None, None
    cover = float(cover_days(pd.Series([on_hand]), pd.Series([pace])).iloc[0])
    return on_hand, cover_tenths(cover)


def stock_checks(area: Area, stock: pd.DataFrame | None, names: Names) -> list[dict]:
    """The area's balances below zero (stats.stock.stock_position), each with the store and vaccine named in
    both languages: store, vaccine, on_hand, store_en, store_hi, vaccine_en, vaccine_hi."""
    return [
        {
            "store": store,
            "vaccine": vaccine,
            "on_hand": on_hand,
            **{f"store_{lang}": _store_name(store, lang, names) for lang in ("en", "hi")},
            **{f"vaccine_{lang}": names.vaccine(vaccine, lang) for lang in ("en", "hi")},
        }
        for store, vaccine, on_hand in stock_position(stock, area.code).to_check
    ]


def _store_name(store: str, lang: str, names: Names) -> str:
    return t("stock.store_STATE", lang) if store == STATE else names.district(store, lang)


# --- The note ----------------------------------------------------------------------------------


def _say(key: str, lang: str, **values: object) -> str:
    return t(f"note.{key}", lang, **values)


def render(figures: BulletinFigures, lang: str = "en", *, names: Names) -> str:
    """The press note for these figures, in natural Hindi or English with Indian number grouping (the sentences
    from stats/labels/note.py, the age bands named by names)."""
    number = lambda n: indian_number(n, lang)  # noqa: E731
    area = figures.area_name_hi if lang == "hi" else figures.area_name_en
    when = long_date(figures.date, lang)
    short = lakh_crore(figures.cumulative_doses, lang)
    total = number(figures.cumulative_doses)
    cumulative = {"cumulative": total if short == total else f"{total} ({short})"}
    centres = _say("centres_many" if figures.centres != 1 else "centres_one", lang, n=number(figures.centres))
    lines = [_say("title", lang, area=area, date=when), ""]
    published = figures.source != sources.OWN
    according = sources.according(figures.source, lang)
    if published and figures.status != sources.DAY:
        note = figures.note_hi if lang == "hi" else figures.note_en
        lines.append(_say("lead_not_a_day", lang, date=when, area=area, according=according, note=note, **cumulative))
    elif published and figures.doses:
        lines.append(
            _say(
                "lead_published",
                lang,
                date=when,
                doses=number(figures.doses),
                area=area,
                according=according,
                **cumulative,
            )
        )
        lines.append(_say("doses", lang, first=number(figures.first_doses), second=number(figures.second_doses)))
    elif published:
        lines.append(_say("lead_none_published", lang, date=when, area=area, according=according, **cumulative))
    elif figures.doses:
        lines.append(
            _say("lead", lang, date=when, doses=number(figures.doses), centres=centres, area=area, **cumulative)
        )
        with_precaution = figures.cumulative_precaution_doses > 0
        doses = {"first": number(figures.first_doses), "second": number(figures.second_doses)}
        if with_precaution:
            lines.append(_say("doses_precaution", lang, precaution=number(figures.precaution_doses), **doses))
        else:
            lines.append(_say("doses", lang, **doses))
        lines.extend(_band_lines(figures, lang, names))
    else:
        lines.append(_say("lead_none", lang, date=when, area=area, **cumulative))
    lines.extend(_other_lines(figures, lang))
    stock = _stock_line(figures, lang)
    if stock:
        lines.append(stock)
    if figures.stock_to_check:
        lines.append(ledger_line(figures, lang))
    lines.append(_record_line(figures, lang))
    lines.append(_say("source", lang, source=sources.source_name(figures.source, lang)))
    return "\n".join(lines)


def _other_lines(figures: BulletinFigures, lang: str) -> list[str]:
    """What the other sources said for the day: "The health ministry (MoHFW) reported 1,10,143 doses." """
    lines = []
    for other in figures.others:
        name = sources.source_name(other["source"], lang)
        name = name[:1].upper() + name[1:]  # it opens the sentence
        if other["status"] == sources.DAY:
            lines.append(_say("other", lang, source=name, doses=indian_number(other["doses"], lang)))
        else:
            lines.append(
                _say("other_not_a_day", lang, source=name, note=other["note_hi" if lang == "hi" else "note_en"])
            )
    return lines


def _band_name(band: str, lang: str, names: Names) -> str:
    """18–44 years / 18–44 वर्ष: the band's label, or "<band> years" for a band not in the reference data."""
    if band in names.bands:
        return names.band(band, lang)
    return _say("band_years", lang, band=band.replace("-", "–"))


def _band_lines(figures: BulletinFigures, lang: str, names: Names) -> list[str]:
    bands: dict[str, list[str]] = {}
    for row in figures.by_age_band_and_dose:
        part = _say(f"dose_part_{row['dose_number']}", lang, n=indian_number(row["doses"], lang))
        bands.setdefault(row["age_band"], []).append(part)
    return [
        _say("band", lang, band=_band_name(band, lang, names), parts=", ".join(parts)) for band, parts in bands.items()
    ]


def _stock_line(figures: BulletinFigures, lang: str) -> str | None:
    if figures.stock_on_hand is None:
        return None
    stock = indian_number(figures.stock_on_hand, lang)
    pace = indian_number(round(figures.average_7d), lang)
    if figures.days_of_cover is None or math.isinf(figures.days_of_cover):
        return _say("stock_idle", lang, stock=stock)
    if figures.days_of_cover <= 0:
        return _say("stock_out", lang, stock=stock, pace=pace)
    whole_days = math.floor(figures.days_of_cover)
    days = _say(("days_less", "days_one", "days_many")[min(whole_days, 2)], lang, n=indian_number(whole_days, lang))
    return _say("stock", lang, stock=stock, days=days, pace=pace)


def ledger_line(figures: BulletinFigures, lang: str) -> str:
    """More issued than received: the stores and vaccines whose ledger needs checking (never a stock figure)."""
    stores = [
        t(
            "stock.ledger_store",
            lang,
            store=row[f"store_{lang}"],
            vaccine=row[f"vaccine_{lang}"],
            excess=indian_number(-row["on_hand"], lang),
        )
        for row in figures.stock_to_check
    ]
    key = "stock.ledger_check_left_out" if figures.stock_on_hand is not None else "stock.ledger_check"
    return t(key, lang, stores="; ".join(stores))


def _record_line(figures: BulletinFigures, lang: str) -> str:
    record = figures.record_day
    if record is None:
        return _say("first_day", lang)
    values = {"record": indian_number(record["doses"], lang), "record_date": long_date(record["date"], lang)}
    if figures.source != sources.OWN:
        values["according"] = sources.according(figures.source, lang)
        if figures.status != sources.DAY:
            return _say("record_published", lang, **values)
        if figures.doses > record["doses"]:
            return _say("record_new_published", lang, **values)
        share = figures.doses / record["doses"] if record["doses"] else 0.0
        return _say("record_share_published", lang, share=percent(share, lang, digits=0), **values)
    if figures.doses > record["doses"]:
        return _say("record_new", lang, **values)
    share = figures.doses / record["doses"] if record["doses"] else 0.0
    return _say("record_share", lang, share=percent(share, lang, digits=0), **values)


# --- From the data layer's frames (shared by the CLI and the Bulletin page) ---------------------


def area_for(code: str, names: pd.DataFrame) -> Area:
    """The state (code STATE) or the district with this code; names: code, name_en, name_hi (reference.districts)."""
    if code == STATE:
        return Area(STATE, t("common.state_name", "en"), t("common.state_name", "hi"))
    row = names.loc[names["code"] == code].iloc[0]
    return Area(code, str(row["name_en"]), str(row["name_hi"]))


def areas(names: pd.DataFrame, lang: str = "en") -> list[Area]:
    """The state first, then every district of names in alphabetical order of its name in lang."""
    column = "name_hi" if lang == "hi" else "name_en"
    ordered = names.sort_values(column, kind="stable")
    rows = zip(ordered["code"], ordered["name_en"], ordered["name_hi"], strict=True)
    districts = [Area(str(code), str(name_en), str(name_hi)) for code, name_en, name_hi in rows]
    return [area_for(STATE, names), *districts]


def reports_on(day: date, frames: dict[str, pd.DataFrame]) -> bool:
    """True when any centre of the area reported doses on day (frames of daily.bulletin_frames)."""
    return bool((frames["centres"]["date"] == day).any())


def note_inputs(area: Area, frames: dict[str, pd.DataFrame]) -> dict:
    """bulletin_figures' keyword arguments from daily.bulletin_frames."""
    return {"area": area, "doses": frames["doses"], "centres": frames["centres"], "stock": frames["stock"]}
