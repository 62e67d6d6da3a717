"""Reference data shipped in data/master/: reading it, matching names to codes, seeding the tables."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd
from sqlmodel import Session, SQLModel, select

from data.models import AgeBand, District, DistrictTarget, DoseNumber, Vaccine

DEVANAGARI_DIGITS = {0x0966 + digit: ord("0") + digit for digit in range(10)}
"""Translation table: each Devanagari digit to the ASCII digit of the same value."""


def name_key(text: str) -> str:
    """Matching key for a name or alias: NFC, casefolded, Devanagari digits as ASCII, - _ . / as spaces."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold()).translate(DEVANAGARI_DIGITS)
    for separator in "-_./":
        folded = folded.replace(separator, " ")
    return " ".join(folded.split())


MASTER_DIR = Path(__file__).resolve().parent
DERIVED_BANDS = {"45+": ("45-59", "60+")}
"""Bands that some sources report instead of their parts; their target is the sum of the parts."""


def _rows(file_name: str) -> list[dict[str, str]]:
    with open(MASTER_DIR / file_name, encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _aliases(row: dict[str, str]) -> list[str]:
    return [alias for alias in row.get("aliases", "").split("|") if alias.strip()]


@dataclass(frozen=True)
class Lookup:
    """Names and spellings (English or Hindi) mapped to one code; None when unknown."""

    codes: dict[str, str] = field(default_factory=dict)

    def resolve(self, text: str) -> str | None:
        return self.codes.get(name_key(text))


def _lookup(rows: list[dict[str, str]], code_field: str, name_fields: tuple[str, ...]) -> Lookup:
    codes: dict[str, str] = {}
    for row in rows:
        code = row[code_field]
        for name in (code, *(row[f] for f in name_fields), *_aliases(row)):
            codes[name_key(name)] = code
    return Lookup(codes)


@cache
def districts() -> Lookup:
    return _lookup(_rows("districts.csv"), "code", ("name_en", "name_hi"))


@cache
def district_names() -> dict[str, tuple[str, str]]:
    """District code -> (English name, Hindi name), from the master list."""
    return {row["code"]: (row["name_en"], row["name_hi"]) for row in _rows("districts.csv")}


@cache
def district_table() -> pd.DataFrame:
    """Every district as data.read.reference.districts returns it (code, name_en, name_hi, formed_on as a date or
    None, parent_code or None), in the file's order: what stats.districts reads, without a database."""
    rows = _rows("districts.csv")
    return pd.DataFrame(
        {
            "code": [row["code"] for row in rows],
            "name_en": [row["name_en"] for row in rows],
            "name_hi": [row["name_hi"] for row in rows],
            "formed_on": [date.fromisoformat(row["formed_on"]) if row["formed_on"] else None for row in rows],
            "parent_code": [row["parent_code"] or None for row in rows],
        }
    )


@cache
def age_bands() -> Lookup:
    return _lookup(_rows("age_bands.csv"), "code", ("label_en", "label_hi"))


@cache
def vaccines() -> Lookup:
    return _lookup(_rows("vaccines.csv"), "code", ("name_en", "name_hi"))


@cache
def dose_numbers() -> Lookup:
    return _lookup(_rows("dose_numbers.csv"), "number", ("label_en", "label_hi"))


@cache
def state() -> Lookup:
    """The state's own names (English, Hindi, its codes) mapped to its code."""
    return _lookup(_rows("state.csv"), "code", ("name_en", "name_hi"))


@cache
def state_names() -> tuple[str, str]:
    """The state's name in English and Hindi."""
    (row,) = _rows("state.csv")
    return row["name_en"], row["name_hi"]


@cache
def genders() -> Lookup:
    return _lookup(_rows("genders.csv"), "code", ("name_en", "name_hi"))


@cache
def gender_names() -> dict[str, tuple[str, str]]:
    """Gender code -> (English name, Hindi name)."""
    return {row["code"]: (row["name_en"], row["name_hi"]) for row in _rows("genders.csv")}


@dataclass(frozen=True)
class IdType:
    """An accepted photo-ID document: its stored code, names, and the pattern of its number (normalised)."""

    code: str
    label_en: str
    label_hi: str
    pattern: re.Pattern[str]
    form_en: str
    form_hi: str
    aliases: tuple[str, ...] = ()


@cache
def id_types() -> dict[str, IdType]:
    """The photo-ID documents CoWIN accepted, by code (what beneficiary.id_type stores), in the file's order."""
    return {
        row["code"]: IdType(
            row["code"],
            row["label_en"],
            row["label_hi"],
            re.compile(row["pattern"]),
            row["form_en"],
            row["form_hi"],
            tuple(_aliases(row)),
        )
        for row in _rows("id_types.csv")
    }


@cache
def id_type_names() -> Lookup:
    return _lookup(_rows("id_types.csv"), "code", ("label_en", "label_hi"))


def _int_or_none(text: str) -> int | None:
    return int(text) if text else None


def master_records() -> list:
    """Every reference row as a model instance, in an order that satisfies the foreign keys."""
    records: list = []
    for row in _rows("districts.csv"):
        records.append(
            District(
                code=row["code"],
                name_en=row["name_en"],
                name_hi=row["name_hi"],
                formed_on=date.fromisoformat(row["formed_on"]) if row["formed_on"] else None,
                parent_code=row["parent_code"] or None,
            )
        )
    for row in _rows("age_bands.csv"):
        records.append(
            AgeBand(
                code=row["code"],
                label_en=row["label_en"],
                label_hi=row["label_hi"],
                min_age=int(row["min_age"]),
                max_age=_int_or_none(row["max_age"]),
                sort_order=int(row["sort_order"]),
            )
        )
    for row in _rows("dose_numbers.csv"):
        records.append(DoseNumber(number=int(row["number"]), label_en=row["label_en"], label_hi=row["label_hi"]))
    for row in _rows("vaccines.csv"):
        records.append(
            Vaccine(
                code=row["code"],
                name_en=row["name_en"],
                name_hi=row["name_hi"],
                dose2_min_days=int(row["dose2_min_days"]),
                dose2_max_days=int(row["dose2_max_days"]),
                precaution_min_days=int(row["precaution_min_days"]),
            )
        )
    for row in _rows("district_targets.csv"):
        records.append(
            DistrictTarget(
                district_code=row["district_code"],
                age_band=row["age_band"],
                population=int(row["population"]),
                source=row["source"],
            )
        )
    return records


def seed(*, session: Session) -> int:
    """Insert reference rows that are missing and refresh changed ones; returns how many were written."""
    written = 0
    stored: dict[type, dict[tuple, SQLModel]] = {}
    for record in master_records():
        model = type(record)
        key_columns = model.__table__.primary_key.columns.keys()
        if model not in stored:
            stored[model] = {tuple(getattr(r, k) for k in key_columns): r for r in session.exec(select(model))}
        existing = stored[model].get(tuple(getattr(record, k) for k in key_columns))
        if existing is None:
            session.add(record)
            written += 1
            if model is District:
                session.flush()  # a parent district before the districts carved out of it
        elif existing.model_dump() != record.model_dump():
            for name, value in record.model_dump().items():
                setattr(existing, name, value)
            written += 1
    return written


def district_codes(*, session: Session) -> list[str]:
    return list(session.exec(select(District.code).order_by(District.code)))
