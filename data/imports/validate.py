"""Checking every cell and row of a file against the data contract (with the rules of data.imports.cells); good
rows become typed frames."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from data import master as reference
from data.imports import registry
from data.imports.cells import (
    CAMPAIGN_START,
    CENTRE_CODE,
    Invalid,
    convert,
    date_rule,
    duplicate_keys,
    in_file_order,
    lookup_rule,
    pattern_rule,
    text_rule,
    typed_frame,
)
from data.imports.files import RawTable, header_key
from data.imports.parse import ParseError, name_key, parse_count
from data.imports.problems import Problem
from data.models import ADJUSTMENT, STATE, SUPPLIER, WASTAGE
from stats.formatting import today_in_india

STOCK_START = date(2021, 1, 1)
"""Vaccine reached the state store a few days before the first dose."""
SOURCE_NAME = re.compile(r"[a-z0-9_]{1,16}")

KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "doses": ("date", "centre_code", "age_band", "dose_number", "vaccine"),
    "stock": ("date", "vaccine", "from_store", "to_store", "reference"),
    "series": ("source", "area", "date", "metric"),
}
VALUE_COLUMN = {"doses": "doses", "stock": "quantity", "series": "value"}
REGISTRY_KINDS = ("beneficiaries", "vaccinations")
"""The certificate registry's files: their rules are in data.imports.registry."""


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
    return pattern_rule(SOURCE_NAME, "unknown_source")(text.lower())


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


def validate_doses(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
    frame, problems = table.frame, []
    columns = {
        "date": convert(frame, "date", date_rule(CAMPAIGN_START, today), problems, "date"),
        "district_code": convert(
            frame, "district", lookup_rule(reference.districts(), "unknown_district"), problems, "district"
        ),
        "centre_code": convert(frame, "centre_code", pattern_rule(CENTRE_CODE, "centre_code"), problems, "centre_code"),
        "centre_name": convert(frame, "centre_name", text_rule(200), problems, "centre_name"),
        "age_band": convert(
            frame, "age_band", lookup_rule(reference.age_bands(), "unknown_age_band"), problems, "age_band"
        ),
        "dose_number": convert(
            frame, "dose_number", lookup_rule(reference.dose_numbers(), "unknown_dose"), problems, "dose_number"
        ),
        "vaccine": convert(frame, "vaccine", lookup_rule(reference.vaccines(), "unknown_vaccine"), problems, "vaccine"),
        "doses": convert(frame, "doses", parse_count, problems, "doses"),
    }
    typed = typed_frame(frame, columns, problems)
    typed["dose_number"] = typed["dose_number"].astype(int)
    typed["doses"] = typed["doses"].astype("int64")
    # One centre, one district: within the file (the database is checked in load.py).
    districts_per_centre = typed.groupby("centre_code")["district_code"].nunique()
    for code in districts_per_centre[districts_per_centre > 1].index:
        rows = typed[typed["centre_code"] == code]
        first_district = rows["district_code"].iloc[0]
        for row in rows.loc[rows["district_code"] != first_district, "_row"]:
            problems.append(Problem(int(row), "centre_code", code, "centre_district", first_district))
    duplicate_keys(typed, KEY_COLUMNS["doses"], problems, "date")
    return typed, in_file_order(problems, table)


def validate_stock(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
    frame, problems = table.frame, []
    columns = {
        "date": convert(frame, "date", date_rule(STOCK_START, today), problems, "date"),
        "vaccine": convert(frame, "vaccine", lookup_rule(reference.vaccines(), "unknown_vaccine"), problems, "vaccine"),
        "from_store": convert(frame, "from_store", _store, problems, "from_store"),
        "to_store": convert(frame, "to_store", _store, problems, "to_store"),
        "quantity": convert(frame, "quantity", _positive_count, problems, "quantity"),
        "reference": convert(frame, "reference", text_rule(64), problems, "reference"),
    }
    typed = typed_frame(frame, columns, problems)
    typed["quantity"] = typed["quantity"].astype("int64")
    for row, source, target in zip(typed["_row"], typed["from_store"], typed["to_store"], strict=True):
        message = _direction_problem(source, target)
        if message:
            problems.append(Problem(int(row), "to_store", f"{source} → {target}", "store_direction", message))
    duplicate_keys(typed, KEY_COLUMNS["stock"], problems, "reference")
    return typed, in_file_order(problems, table)


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
        "source": convert(long, "source", _source, problems, "source"),
        "area": convert(long, "area", _area, problems, label_of["area"]),
        "date": convert(long, "date", date_rule(CAMPAIGN_START, today), problems, label_of["date"]),
        "metric": convert(long, "metric", text_rule(64), problems, "metric"),
        "value": convert(long, "value", parse_count, problems, label_of["value"]),
    }
    typed = typed_frame(long, columns, problems)
    typed["value"] = typed["value"].astype("int64")
    duplicate_keys(typed, KEY_COLUMNS["series"], problems, "date")
    return typed, in_file_order(problems, table)


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
        return registry.validate(table, kind, today)
    return validate_series(table, today, kind)


def contract_kind(kind: str) -> str:
    """The stored kind of a file kind: the wide published layouts are all stored as series."""
    return kind if kind in KEY_COLUMNS or kind in REGISTRY_KINDS else "series"
