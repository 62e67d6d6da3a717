"""Checking every cell and row of a file against the data contract; good rows become typed frames."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

import numpy as np
import pandas as pd

from data import master as reference
from data.imports.files import RawTable, header_key
from data.imports.parse import ParseError, name_key, parse_count, parse_date
from data.imports.problems import Problem
from data.models import ADJUSTMENT, STATE, SUPPLIER, WASTAGE
from stats.formatting import INDIA

CAMPAIGN_START = date(2021, 1, 16)
"""India's COVID-19 vaccination began on this day; no dose or published figure can be older."""
STOCK_START = date(2021, 1, 1)
"""Vaccine reached the state store a few days before the first dose."""
CENTRE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-/.]{0,31}")
SOURCE_NAME = re.compile(r"[a-z0-9_]{1,16}")

KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "doses": ("date", "centre_code", "age_band", "dose_number", "vaccine"),
    "stock": ("date", "vaccine", "from_store", "to_store", "reference"),
    "series": ("source", "area", "date", "metric"),
}
VALUE_COLUMN = {"doses": "doses", "stock": "quantity", "series": "value"}
REGISTRY_KINDS = ("beneficiaries", "vaccinations")
"""The certificate registry's files: their rules are in data.imports.registry."""


class Invalid(Exception):
    """A cell broke a rule of the catalogue (stats/labels/problems.py)."""

    def __init__(self, rule: str, detail: str = "") -> None:
        super().__init__(rule)
        self.rule = rule
        self.detail = detail


def today_in_india() -> date:
    return datetime.now(INDIA).date()


def _convert(
    frame: pd.DataFrame,
    column: str,
    convert: Callable[[str], object],
    problems: list[Problem],
    label: str | pd.Series,
) -> pd.Series:
    """Apply `convert` to each distinct value of a column; each failing cell becomes a Problem.

    `label` names the column in problems: one name, or a name per row (wide files, one per metric).
    """
    raw = frame[column]
    codes, uniques = pd.factorize(raw, use_na_sentinel=False)
    converted = np.empty(len(uniques), dtype=object)
    bad: dict[int, tuple[str, str]] = {}
    for i, text in enumerate(uniques):
        try:
            converted[i] = convert(text.strip())
        except ParseError as error:
            bad[i] = (error.rule, "")
        except Invalid as error:
            bad[i] = (error.rule, error.detail)
    if bad:
        mask = np.isin(codes, list(bad))
        labels = label[mask] if isinstance(label, pd.Series) else [label] * int(mask.sum())
        for row, code, name in zip(frame["_row"].to_numpy()[mask], codes[mask], labels, strict=True):
            rule, detail = bad[int(code)]
            problems.append(Problem(int(row), name, uniques[code].strip(), rule, detail))
    return pd.Series(converted[codes], index=raw.index, dtype=object)


def _date_rule(earliest: date, today: date) -> Callable[[str], date]:
    def convert(text: str) -> date:
        value = parse_date(text)
        if value > today:
            raise Invalid("future_date", today.isoformat())
        if value < earliest:
            raise Invalid("before_campaign", earliest.isoformat())
        return value

    return convert


def _lookup_rule(lookup: reference.Lookup, rule: str) -> Callable[[str], str]:
    def convert(text: str) -> str:
        if not text:
            raise ParseError("required", "")
        code = lookup.resolve(text)
        if code is None:
            raise Invalid(rule)
        return code

    return convert


def _text_rule(limit: int) -> Callable[[str], str]:
    def convert(text: str) -> str:
        if not text:
            raise ParseError("required", "")
        if len(text) > limit:
            raise Invalid("text_too_long", str(limit))
        return text

    return convert


def _pattern_rule(pattern: re.Pattern[str], rule: str) -> Callable[[str], str]:
    def convert(text: str) -> str:
        if not text:
            raise ParseError("required", "")
        if not pattern.fullmatch(text):
            raise Invalid(rule)
        return text

    return convert


def _positive_count(text: str) -> int:
    value = parse_count(text)
    if value <= 0:
        raise Invalid("positive")
    return value


def _store(text: str) -> str:
    if not text:
        raise ParseError("required", "")
    upper = text.strip().upper()
    if upper in (STATE, SUPPLIER, WASTAGE, ADJUSTMENT):
        return upper
    code = reference.districts().resolve(text)
    if code is None:
        raise Invalid("unknown_store")
    return code


def _source(text: str) -> str:
    """A source name, lower-cased (problems quote the cell as written, so lower-case it here)."""
    return _pattern_rule(SOURCE_NAME, "unknown_source")(text.lower())


def is_state(text: str) -> bool:
    """Whether a name is the state's own (in English or Hindi, one of its codes, or STATE)."""
    return name_key(text) == name_key(STATE) or reference.state().resolve(text) is not None


def _area(text: str) -> str:
    if not text:
        raise ParseError("required", "")
    if is_state(text):
        return STATE
    code = reference.districts().resolve(text)
    if code is None:
        raise Invalid("unknown_area")
    return code


def _duplicates(frame: pd.DataFrame, key: tuple[str, ...], problems: list[Problem], label: str) -> None:
    """Every row whose key already appeared higher up in the same file is a problem."""
    repeated = frame.duplicated(list(key), keep=False)
    if not repeated.any():
        return
    first_rows = frame[repeated].groupby(list(key), sort=False)["_row"].transform("min")
    for row, first in zip(frame.loc[repeated, "_row"], first_rows, strict=True):
        if row != first:
            problems.append(Problem(int(row), label, None, "duplicate_key", str(int(first))))


def _typed(frame: pd.DataFrame, columns: dict[str, pd.Series], problems: list[Problem]) -> pd.DataFrame:
    out = pd.DataFrame({"_row": frame["_row"].to_numpy()} | {k: v.to_numpy() for k, v in columns.items()})
    bad_rows = {p.row for p in problems}
    return out[~out["_row"].isin(bad_rows)].reset_index(drop=True)


def validate_doses(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
    frame, problems = table.frame, []
    columns = {
        "date": _convert(frame, "date", _date_rule(CAMPAIGN_START, today), problems, "date"),
        "district_code": _convert(
            frame, "district", _lookup_rule(reference.districts(), "unknown_district"), problems, "district"
        ),
        "centre_code": _convert(
            frame, "centre_code", _pattern_rule(CENTRE_CODE, "centre_code"), problems, "centre_code"
        ),
        "centre_name": _convert(frame, "centre_name", _text_rule(200), problems, "centre_name"),
        "age_band": _convert(
            frame, "age_band", _lookup_rule(reference.age_bands(), "unknown_age_band"), problems, "age_band"
        ),
        "dose_number": _convert(
            frame, "dose_number", _lookup_rule(reference.dose_numbers(), "unknown_dose"), problems, "dose_number"
        ),
        "vaccine": _convert(
            frame, "vaccine", _lookup_rule(reference.vaccines(), "unknown_vaccine"), problems, "vaccine"
        ),
        "doses": _convert(frame, "doses", parse_count, problems, "doses"),
    }
    typed = _typed(frame, columns, problems)
    typed["dose_number"] = typed["dose_number"].astype(int)
    typed["doses"] = typed["doses"].astype("int64")
    # One centre, one district: within the file (the database is checked in load.py).
    districts_per_centre = typed.groupby("centre_code")["district_code"].nunique()
    for code in districts_per_centre[districts_per_centre > 1].index:
        rows = typed[typed["centre_code"] == code]
        first_district = rows["district_code"].iloc[0]
        for row in rows.loc[rows["district_code"] != first_district, "_row"]:
            problems.append(Problem(int(row), "centre_code", code, "centre_district", first_district))
    _duplicates(typed, KEY_COLUMNS["doses"], problems, "date")
    return typed, _sorted(problems, table)


def validate_stock(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
    frame, problems = table.frame, []
    columns = {
        "date": _convert(frame, "date", _date_rule(STOCK_START, today), problems, "date"),
        "vaccine": _convert(
            frame, "vaccine", _lookup_rule(reference.vaccines(), "unknown_vaccine"), problems, "vaccine"
        ),
        "from_store": _convert(frame, "from_store", _store, problems, "from_store"),
        "to_store": _convert(frame, "to_store", _store, problems, "to_store"),
        "quantity": _convert(frame, "quantity", _positive_count, problems, "quantity"),
        "reference": _convert(frame, "reference", _text_rule(64), problems, "reference"),
    }
    typed = _typed(frame, columns, problems)
    typed["quantity"] = typed["quantity"].astype("int64")
    for row, source, target in zip(typed["_row"], typed["from_store"], typed["to_store"], strict=True):
        message = _direction_problem(source, target)
        if message:
            problems.append(Problem(int(row), "to_store", f"{source} → {target}", "store_direction", message))
    _duplicates(typed, KEY_COLUMNS["stock"], problems, "reference")
    return typed, _sorted(problems, table)


def _direction_problem(source: str, target: str) -> str:
    """Why a movement between these stores is impossible, as a direction key (problems.direction_<key>)."""
    if source == target:
        return "same_store"
    if target == SUPPLIER:
        return "to_supplier"
    if source == WASTAGE:
        return "from_wastage"
    outside = (SUPPLIER, WASTAGE, ADJUSTMENT)
    if source in outside and target in outside:
        return "no_real_store"
    return ""


def validate_series(table: RawTable, today: date, kind: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Published series, long or wide: every figure becomes one (source, area, date, metric, value)."""
    problems: list[Problem] = []
    long, label_of = _series_long(table, kind, problems)
    if long.empty and not problems:  # a wide file whose every figure is empty: nothing to store
        return long, [Problem(1, None, None, "no_rows")]
    columns = {
        "source": _convert(long, "source", _source, problems, "source"),
        "area": _convert(long, "area", _area, problems, label_of["area"]),
        "date": _convert(long, "date", _date_rule(CAMPAIGN_START, today), problems, label_of["date"]),
        "metric": _convert(long, "metric", _text_rule(64), problems, "metric"),
        "value": _convert(long, "value", parse_count, problems, label_of["value"]),
    }
    typed = _typed(long, columns, problems)
    typed["value"] = typed["value"].astype("int64")
    _duplicates(typed, KEY_COLUMNS["series"], problems, "date")
    return typed, _sorted(problems, table)


SERIES_ID_COLUMNS = {
    "cowin_state": ("date", "updated on", "state"),
    "mohfw_state": ("date", "vaccinated as of", "state"),
    "cowin_district": ("date", "source_date", "s_no", "state_code", "state", "district_key", "cowin_key", "district"),
}
SERIES_SOURCE = {"cowin_state": "cowin", "cowin_district": "cowin", "mohfw_state": "mohfw"}


def _series_long(table: RawTable, kind: str, problems: list[Problem]) -> tuple[pd.DataFrame, dict]:
    frame = table.frame
    if kind == "series":
        labels = {"area": "area", "date": "date", "value": "value"}
        return frame, labels
    frame = frame.assign(**{c: frame[c].str.strip() for c in frame.columns if c != "_row"})  # wide files are small
    id_columns = SERIES_ID_COLUMNS[kind]
    date_column = "date" if "date" in frame.columns else id_columns[1]
    metrics = [c for c in table.columns if header_key(c) not in id_columns]
    state_name = reference.state_names()[0]
    for row, state in zip(frame["_row"], frame["state"], strict=True):
        if not is_state(state):
            problems.append(Problem(int(row), "State", state, "wrong_state", state_name))
    if kind == "cowin_district":
        area = frame["district"].where(frame["district"] != "", frame["cowin_key"])
        area_label = "district"
    else:
        area = pd.Series(STATE, index=frame.index)
        area_label = "State"
    parts = []
    for metric in metrics:
        cells = frame[header_key(metric)]
        present = cells != ""
        parts.append(
            pd.DataFrame(
                {
                    "_row": frame.loc[present, "_row"],
                    "source": SERIES_SOURCE[kind],
                    "area": area[present],
                    "date": frame.loc[present, date_column],
                    "metric": metric,
                    "value": cells[present],
                }
            )
        )
    long = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=["_row", "source", "area", "date", "metric", "value"])
    )
    long = long.astype({"_row": "int64"}).reset_index(drop=True)
    return long, {"area": area_label, "date": date_column, "value": long["metric"]}


def _sorted(problems: list[Problem], table: RawTable) -> list[Problem]:
    order = {header_key(c): i for i, c in enumerate(table.columns)}
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.row or 0, order.get(header_key(p.column or ""), 999)))


def validate(table: RawTable, kind: str, today: date | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """The typed rows of a file of the given kind, and every problem found (empty when all are good)."""
    today = today or today_in_india()
    if table.frame.empty:
        return table.frame, [Problem(1, None, None, "no_rows")]
    if kind == "doses":
        return validate_doses(table, today)
    if kind == "stock":
        return validate_stock(table, today)
    if kind in REGISTRY_KINDS:
        from data.imports import registry  # builds on the rules above

        return registry.validate(table, kind, today)
    return validate_series(table, today, kind)


def contract_kind(kind: str) -> str:
    """The stored kind of a file kind: the wide published layouts are all stored as series."""
    return kind if kind in KEY_COLUMNS or kind in REGISTRY_KINDS else "series"
