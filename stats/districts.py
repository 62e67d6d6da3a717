"""Districts over time: which districts existed on a day, whose area a later district was part of, and target
populations and figures as the districts stood on a day (data/master/README.md, "Districts over time").

Input `districts` as data.read.reference.districts returns it: code, name_en, name_hi, formed_on (a date, or
None/NaT for a district older than the campaign), parent_code (the district it was carved from). A frame without
formed_on is taken as districts that all existed on every day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd


def _formed_on(districts: pd.DataFrame) -> pd.Series:
    """code -> formation day as a Timestamp (NaT: always existed)."""
    if "formed_on" not in districts.columns:
        return pd.Series(pd.NaT, index=districts["code"], dtype="datetime64[ns]")
    return pd.Series(pd.to_datetime(districts["formed_on"]).to_numpy(), index=districts["code"])


def existed_on(districts: pd.DataFrame, day: date) -> pd.Series:
    """code -> True when the district existed on day (formed on or before it)."""
    formed = _formed_on(districts)
    return formed.isna() | (formed <= pd.Timestamp(day))


def districts_on(districts: pd.DataFrame, day: date, lang: str = "en") -> pd.DataFrame:
    """The districts that existed on day (same columns), in alphabetical order of their names in lang."""
    column = "name_hi" if lang == "hi" else "name_en"
    present = districts[existed_on(districts, day).to_numpy()]
    return present.sort_values(column, kind="stable").reset_index(drop=True)


def owners_on(districts: pd.DataFrame, day: date) -> dict[str, str]:
    """Every district's code -> the code of the district its area belonged to on day: itself once formed, else
    its parent (or the parent's parent, when the parent too was formed later)."""
    present = existed_on(districts, day)
    parent_codes = districts["parent_code"] if "parent_code" in districts.columns else [None] * len(districts)
    parents = dict(zip(districts["code"], parent_codes, strict=True))
    owner: dict[str, str] = {}
    for code in districts["code"]:
        current = code
        while not present.get(current, True) and isinstance(parents.get(current), str) and parents[current]:
            current = parents[current]
        owner[code] = current
    return owner


def owner_on(districts: pd.DataFrame, code: str, day: date) -> str:
    """The district whose area held `code`'s on day (code itself when it existed then)."""
    return owners_on(districts, day).get(code, code)


def as_districts_on(
    frame: pd.DataFrame,
    districts: pd.DataFrame,
    day: date,
    values: Sequence[str],
    column: str = "district_code",
) -> pd.DataFrame:
    """frame with `column` mapped to the districts as they stood on day (a district formed later counted in its
    parent) and `values` summed over the rows that then fall together; other columns keep their first value
    when they are not part of the key. Codes that are no district (STATE, SUPPLIER, ...) are kept as they are.

    The key is every column except `values`; pass only the columns that identify a row and the values.
    """
    if frame.empty:
        return frame.copy()
    owners = owners_on(districts, day)
    mapped = frame.assign(**{column: frame[column].map(lambda code: owners.get(code, code))})
    if mapped[column].equals(frame[column]):
        return frame.copy()
    key = [c for c in frame.columns if c not in values]
    out = mapped.groupby(key, as_index=False, sort=False, dropna=False)[list(values)].sum()
    return out[list(frame.columns)]


def targets_on(targets: pd.DataFrame, districts: pd.DataFrame, day: date) -> pd.DataFrame:
    """Target populations as they applied on day: a district's own from its formation date; before it, its
    population counted in its parent's (the parent's target includes the child's).

    targets: district_code, age_band, population (and source, kept: the parent's); districts as above.
    Returns the same columns, one row per district that existed on day and age band.
    """
    owners = owners_on(districts, day)
    mapped = targets.assign(district_code=targets["district_code"].map(lambda code: owners.get(code, code)))
    summed = mapped.groupby(["district_code", "age_band"], as_index=False, sort=True)["population"].sum()
    if "source" in targets.columns:
        own = targets[["district_code", "age_band", "source"]]
        summed = summed.merge(own, on=["district_code", "age_band"], how="left")
    return summed[list(targets.columns)].astype({"population": "int64"}).reset_index(drop=True)


def formed_between(districts: pd.DataFrame, first: date, last: date) -> list[str]:
    """Codes of the districts formed after `first` and on or before `last` (a window that crosses their
    formation), in code order."""
    formed = _formed_on(districts).dropna()
    inside = formed[(formed > pd.Timestamp(first)) & (formed <= pd.Timestamp(last))]
    return sorted(inside.index)
