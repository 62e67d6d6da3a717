"""The daily press note in Hindi and English, and the figures behind it (the command line is data/bulletin.py)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import date

import pandas as pd

from stats import STATE
from stats.doses import average_daily_doses, record_day
from stats.formatting import indian_number, lakh_crore, long_date, percent
from stats.quality import Flag
from stats.stock import cover_days

BAND_ORDER = ("12-14", "15-17", "18-44", "45-59", "60+", "45+")
BAND_LABELS = {"en": "{band} years", "hi": "{band} वर्ष"}


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
    flags: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        if self.record_day:
            data["record_day"] = {"date": self.record_day["date"].isoformat(), "doses": self.record_day["doses"]}
        if self.days_of_cover is not None and math.isinf(self.days_of_cover):
            data["days_of_cover"] = None
        data["flags"] = [_jsonable_flag(f) for f in self.flags]
        return data


def _jsonable_flag(flag: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in flag.items()}


def _dose_sum(frame: pd.DataFrame, dose_number: int) -> int:
    return int(frame.loc[frame["dose_number"] == dose_number, "doses"].sum())


def bulletin_figures(
    day: date,
    area: Area,
    doses: pd.DataFrame,
    centres: pd.DataFrame,
    stock: pd.DataFrame | None = None,
    flags: list[dict] | None = None,
) -> BulletinFigures:
    """The note's figures for `day`.

    doses: date, age_band, dose_number, doses (the area's whole history up to day);
    centres: date, centres (the area's centres reporting per day);
    stock: store, vaccine, on_hand as of day (stock_on_hand), or None when no ledger exists.
    """
    history = doses[doses["date"] <= day]
    today = history[history["date"] == day]
    by_band = (
        today.groupby(["age_band", "dose_number"], as_index=False)["doses"]
        .sum()
        .assign(order=lambda f: f["age_band"].map({b: i for i, b in enumerate(BAND_ORDER)}))
        .sort_values(["order", "dose_number"])
    )
    record = record_day(history[["date", "doses"]], before=day)
    pace = float(average_daily_doses(history[["date", "doses"]], day)["average_7d"].sum())
    on_hand, cover = _stock_cover(area, stock, pace)
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
        flags=list(flags or []),
    )


def _stock_cover(area: Area, stock: pd.DataFrame | None, pace: float) -> tuple[int | None, float | None]:
    """Doses on hand for the area (the state: every store) and the days they last at the 7-day pace.

    None when no stock has ever been received: with no ledger, "on hand" would only be minus the doses given.
    """
    if stock is None or stock.empty or stock["received"].sum() == 0:
        return None, None
    rows = stock if area.code == STATE else stock[stock["store"] == area.code]
    if rows.empty:
        return None, None
    on_hand = int(rows["on_hand"].sum())
    cover = float(cover_days(pd.Series([on_hand]), pd.Series([pace])).iloc[0])
    # Rounded down, so the note's whole days never promise more than the stock covers.
    return on_hand, (cover if math.isinf(cover) else math.floor(cover * 10) / 10)


# --- The note ----------------------------------------------------------------------------------

TEXT = {
    "en": {
        "title": "Vaccination bulletin — {area}, {date}",
        "lead": "On {date}, {doses} doses were given at {centres} in {area}. The total so far is {cumulative}.",
        "lead_none": "No doses were reported in {area} on {date}. The total so far is {cumulative}.",
        "centres": ("{n} centre", "{n} centres"),
        "doses": "First doses {first}, second doses {second}.",
        "doses_precaution": "First doses {first}, second doses {second}, precaution doses {precaution}.",
        "band": "{band}: {parts}.",
        "dose_part": {1: "{n} first doses", 2: "{n} second doses", 3: "{n} precaution doses"},
        "stock": "Stock on hand: {stock} doses, enough for {days} at the 7-day average of {pace} doses a day.",
        "days": ("less than a day", "1 day", "{n} days"),
        "stock_idle": "Stock on hand: {stock} doses; no doses were given in the last 7 days.",
        "stock_out": "Stock on hand: {stock} doses — the stores are empty at the 7-day average of {pace} doses a day.",
        "record_new": "This is the highest daily figure so far; the previous record was {record} on {record_date}.",
        "record_share": "The record so far is {record} doses on {record_date}; this day reached {share} of it.",
        "first_day": "This is the first day with data.",
        "flags_one": "Data check: {message}",
        "flags_many": "Data check: {count} figures for this day need a look; first, {message}",
    },
    "hi": {
        "title": "टीकाकरण बुलेटिन — {area}, {date}",
        "lead": "{area} में {date} को {centres} पर {doses} खुराकें दी गईं। अब तक कुल {cumulative} खुराकें दी जा चुकी हैं।",
        "lead_none": "{area} में {date} को कोई खुराक दर्ज नहीं हुई। अब तक कुल {cumulative} खुराकें दी जा चुकी हैं।",
        "centres": ("{n} केंद्र", "{n} केंद्रों"),
        "doses": "पहली खुराक {first}, दूसरी खुराक {second}।",
        "doses_precaution": "पहली खुराक {first}, दूसरी खुराक {second}, एहतियाती खुराक {precaution}।",
        "band": "{band}: {parts}।",
        "dose_part": {1: "पहली खुराक {n}", 2: "दूसरी खुराक {n}", 3: "एहतियाती खुराक {n}"},
        "stock": "भंडार में {stock} खुराकें हैं, जो 7 दिन के औसत ({pace} खुराक प्रतिदिन) पर {days} चलेंगी।",
        "days": ("एक दिन से भी कम", "1 दिन", "{n} दिन"),
        "stock_idle": "भंडार में {stock} खुराकें हैं; पिछले 7 दिनों में कोई खुराक नहीं दी गई।",
        "stock_out": "भंडार में {stock} खुराकें हैं — 7 दिन के औसत ({pace} खुराक प्रतिदिन) पर भंडार ख़ाली है।",
        "record_new": "यह अब तक का सर्वाधिक दैनिक आँकड़ा है; पिछला रिकॉर्ड {record_date} को {record} था।",
        "record_share": "अब तक का रिकॉर्ड {record_date} को {record} खुराकें है; आज का आँकड़ा उसका {share} रहा।",
        "first_day": "यह आँकड़ों वाला पहला दिन है।",
        "flags_one": "आँकड़ों की जाँच: {message}",
        "flags_many": "आँकड़ों की जाँच: इस दिन के {count} आँकड़ों पर ध्यान देना ज़रूरी है; पहला, {message}",
    },
}


def render(figures: BulletinFigures, lang: str = "en") -> str:
    """The press note for these figures, in natural Hindi or English with Indian number grouping."""
    text = TEXT[lang]
    number = lambda n: indian_number(n, lang)  # noqa: E731
    area = figures.area_name_hi if lang == "hi" else figures.area_name_en
    when = long_date(figures.date, lang)
    short = lakh_crore(figures.cumulative_doses, lang)
    total = number(figures.cumulative_doses)
    cumulative = {"cumulative": total if short == total else f"{total} ({short})"}
    centres = text["centres"][figures.centres != 1].format(n=number(figures.centres))
    lines = [text["title"].format(area=area, date=when), ""]
    if figures.doses:
        lines.append(
            text["lead"].format(date=when, doses=number(figures.doses), centres=centres, area=area, **cumulative)
        )
        with_precaution = figures.cumulative_precaution_doses > 0
        lines.append(
            text["doses_precaution" if with_precaution else "doses"].format(
                first=number(figures.first_doses),
                second=number(figures.second_doses),
                precaution=number(figures.precaution_doses),
            )
        )
        lines.extend(_band_lines(figures, lang))
    else:
        lines.append(text["lead_none"].format(date=when, area=area, **cumulative))
    stock = _stock_line(figures, lang)
    if stock:
        lines.append(stock)
    lines.append(_record_line(figures, lang))
    if figures.flags:
        lines.append(_flags_line(figures.flags, lang))
    return "\n".join(lines)


def _band_lines(figures: BulletinFigures, lang: str) -> list[str]:
    text = TEXT[lang]
    bands: dict[str, list[str]] = {}
    for row in figures.by_age_band_and_dose:
        part = text["dose_part"][row["dose_number"]].format(n=indian_number(row["doses"], lang))
        bands.setdefault(row["age_band"], []).append(part)
    return [
        text["band"].format(band=BAND_LABELS[lang].format(band=band.replace("-", "–")), parts=", ".join(parts))
        for band, parts in bands.items()
    ]


def _stock_line(figures: BulletinFigures, lang: str) -> str | None:
    text = TEXT[lang]
    if figures.stock_on_hand is None:
        return None
    stock = indian_number(figures.stock_on_hand, lang)
    pace = indian_number(round(figures.average_7d), lang)
    if figures.days_of_cover is None or math.isinf(figures.days_of_cover):
        return text["stock_idle"].format(stock=stock)
    if figures.days_of_cover <= 0:
        return text["stock_out"].format(stock=stock, pace=pace)
    whole_days = math.floor(figures.days_of_cover)
    days = text["days"][min(whole_days, 2)].format(n=indian_number(whole_days, lang))
    return text["stock"].format(stock=stock, days=days, pace=pace)


def _record_line(figures: BulletinFigures, lang: str) -> str:
    text = TEXT[lang]
    record = figures.record_day
    if record is None:
        return text["first_day"]
    values = {"record": indian_number(record["doses"], lang), "record_date": long_date(record["date"], lang)}
    if figures.doses > record["doses"]:
        return text["record_new"].format(**values)
    share = figures.doses / record["doses"] if record["doses"] else 0.0
    return text["record_share"].format(share=percent(share, lang, digits=0), **values)


def _flags_line(flags: list[dict], lang: str) -> str:
    text = TEXT[lang]
    message = flags[0]["message_hi" if lang == "hi" else "message_en"]
    if len(flags) == 1:
        return text["flags_one"].format(message=message)
    return text["flags_many"].format(count=indian_number(len(flags), lang), message=message)


# --- From the data layer's frames (shared by the CLI and the Bulletin page) ---------------------


def area_for(code: str, names: pd.DataFrame) -> Area:
    """The state (code STATE) or the district with this code; names: code, name_en, name_hi (reference.districts)."""
    if code == STATE:
        return Area(STATE, "Chhattisgarh", "छत्तीसगढ़")
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


def note_inputs(day: date, area: Area, frames: dict[str, pd.DataFrame], flags: list[Flag]) -> dict:
    """bulletin_figures' keyword arguments from daily.bulletin_frames and the day's flags for the state
    (stats.quality.flags_from_frames(day, STATE, ...)), of which the area's are kept."""
    return {
        "area": area,
        "doses": frames["doses"],
        "centres": frames["centres"],
        "stock": frames["stock"],
        "flags": [flag.to_dict() for flag in flags if area.code == STATE or flag.area == area.code],
    }
