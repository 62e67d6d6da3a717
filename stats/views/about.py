"""The About page: the sources and what each counts, the order a figure is taken in, how daily figures are derived
(the rules' numbers come in as arguments, from the code that applies them), the known oddities, what is
synthetic in the demo, and when each source was last imported — as plain texts and tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from stats import STATE, sources
from stats.formatting import india_time, indian_number, long_date
from stats.labels import CATALOGUE, t
from stats.names import Names

PUBLISHED_DAYS = {
    "cowin_district": (date(2021, 1, 16), date(2021, 4, 25)),
    "cowin": (date(2021, 1, 16), date(2021, 9, 29)),
    "mohfw": (date(2021, 1, 16), date(2021, 10, 24)),
}
"""The days each published series shipped in data/published/ covers (its README)."""
ODDITIES = (
    "recount",
    "definition",
    "flat",
    "catch_up",
    "sessions",
    "bands",
    "aefi",
    "districts",
    "mohfw",
    "cut_off",
)
"""The known oddities of the published series (data/published/README.md), in the order of its list."""
DEMO = ("real", "synthetic", "exceptions")
"""The paragraphs on what is real and what synthetic in the demo (data/demo/__init__.py)."""


@dataclass(frozen=True)
class Rules:
    """What the page says of the order and the daily rules: the source order, the known jumps ((source, area,
    date) -> reason key), and the jump rule's numbers (a day above jump_factor × the median of the median_days
    regular days before it, not confirmed by another source within agree_factor). The defaults are the values
    stats.sources applies, so the page cannot disagree with the code."""

    order: Sequence[str] = sources.ORDER
    known_jumps: Mapping[tuple[str, str, date], str] = field(default_factory=lambda: dict(sources.KNOWN_JUMPS))
    jump_factor: float = sources.JUMP_FACTOR
    median_days: int = sources.MEDIAN_DAYS
    agree_factor: float = sources.AGREE_FACTOR


def _number(x: float, lang: str) -> str:
    """4 -> 4, 1.5 -> 1.5, 14 -> 14 (whole numbers with Indian grouping)."""
    return indian_number(int(x), lang) if float(x).is_integer() else f"{x:g}"


def source_name(source: str, lang: str = "en") -> str:
    return t(f"about.source_{source}", lang)


def _days(source: str, lang: str) -> str:
    if source not in PUBLISHED_DAYS:
        return t("about.days_own", lang)
    first, last = (long_date(day, lang) for day in PUBLISHED_DAYS[source])
    return t("about.days_mohfw" if source == "mohfw" else "about.days_range", lang, first=first, last=last)


def _listed(names: Names, kind: str, lang: str) -> str:
    return ", ".join(names.name(kind, code, lang) for code in names.order(kind))


def sources_table(names: Names, lang: str = "en", order: Sequence[str] = sources.ORDER) -> pd.DataFrame:
    """One row per source, in the order: its name, the area it covers, the days published, what it counts (the
    own reports' age bands, doses and vaccines as the master data names them)."""
    areas = {"own": "about.area_own", "cowin_district": "about.area_district"}
    counts = {
        "own": t(
            "about.counts_own",
            lang,
            bands=_listed(names, "bands", lang),
            doses=_listed(names, "doses", lang),
            vaccines=_listed(names, "vaccines", lang),
        )
    }
    rows = [
        (
            source_name(source, lang),
            t(areas.get(source, "about.area_state"), lang),
            _days(source, lang),
            counts.get(source) or t(f"about.counts_{source}", lang),
        )
        for source in order
    ]
    columns = [t(f"about.col_{c}", lang) for c in ("source", "area", "days", "counts")]
    return pd.DataFrame(rows, columns=columns)


def order_steps(order: Sequence[str], lang: str = "en") -> list[str]:
    """The sources in the order a figure is taken from them, one sentence each."""
    return [t(f"about.order_{source}", lang) for source in order]


def derivation(rules: Rules, lang: str = "en") -> list[str]:
    """How daily figures are worked out, one rule a sentence, with the jump rule's numbers as given."""
    jump = t(
        "about.rule_jump",
        lang,
        factor=_number(rules.jump_factor, lang),
        days=_number(rules.median_days, lang),
        agree=_number(rules.agree_factor, lang),
    )
    keys = ("difference", "correction", "gap")
    after = ("cumulative", "record", "sessions", "own")
    return [t(f"about.rule_{k}", lang) for k in keys] + [jump] + [t(f"about.rule_{k}", lang) for k in after]


def _reason(reason: str, lang: str) -> str:
    """The catalogue's words for a reason key (about.jump_<key>, or a full catalogue key), else the key itself."""
    for key in (f"about.jump_{reason}", reason):
        if key in CATALOGUE:
            return t(key, lang)
    return reason


def known_jumps_table(known: Mapping[tuple[str, str, date], str], names: Names, lang: str = "en") -> pd.DataFrame:
    """The known jumps by date: source, area (the state or a district by name), date, why."""
    rows = [
        (
            source_name(source, lang),
            t("about.area_state", lang) if area == STATE else names.district(area, lang),
            long_date(day, lang),
            _reason(reason, lang),
        )
        for (source, area, day), reason in sorted(known.items(), key=lambda item: (item[0][2], item[0][0]))
    ]
    columns = [t(f"about.col_{c}", lang) for c in ("source", "area", "date", "reason")]
    return pd.DataFrame(rows, columns=columns)


def oddities(lang: str = "en") -> list[str]:
    """The published series' oddities, in our words."""
    return [t(f"about.odd_{key}", lang) for key in ODDITIES]


def demo_paragraphs(lang: str = "en") -> list[str]:
    """What is real and what synthetic in the demo."""
    return [t(f"about.demo_{key}", lang) for key in DEMO]


def _day(value: object, lang: str) -> str:
    return long_date(value, lang) if isinstance(value, date) else t("about.none", lang)


def imports_table(imports: Iterable[Mapping[str, object]], lang: str = "en") -> pd.DataFrame:
    """One row per source (as data.read.about.source_imports gives them): its name, when it was last imported (India
    time; "never imported"), the first and last day it covers, and the values held (Indian grouping)."""
    rows = []
    for row in imports:
        moment = row.get("imported_at")
        when = india_time(moment, lang) if isinstance(moment, datetime) else t("about.never", lang)
        rows.append(
            (
                source_name(str(row["source"]), lang),
                when,
                _day(row.get("first"), lang),
                _day(row.get("last"), lang),
                indian_number(int(row.get("values") or 0), lang),
            )
        )
    columns = [t(f"about.col_{c}", lang) for c in ("source", "imported", "first", "last", "values")]
    return pd.DataFrame(rows, columns=columns)


def bullets(items: Iterable[str], numbered: bool = False) -> str:
    """Sentences as a Markdown list (numbered 1., 2., … or with bullets)."""
    return "\n".join(f"{i}. {item}" if numbered else f"- {item}" for i, item in enumerate(items, start=1))
