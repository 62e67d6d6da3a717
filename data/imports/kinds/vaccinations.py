"""The certificate registry's vaccinations: one row per person and dose, checked against the registry (the person
and the centre must be known) and against the person's other doses (order, intervals, the same vaccine). A
corrected dose revokes the person's certificates; an import of this kind cannot be undone."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import Connection, select

from data import master as reference
from data.imports import registry_rows
from data.imports.cells import (
    CAMPAIGN_START,
    CENTRE_CODE,
    checkable,
    convert,
    date_rule,
    duplicate_keys,
    formation_detail,
    formed_later,
    in_file_order,
    lookup_rule,
    pattern_rule,
    text_rule,
    typed_frame,
)
from data.imports.files import RawTable
from data.imports.kind import FileKind, Plan
from data.imports.problems import Problem, details
from data.imports.registry import reference_id
from data.models import Beneficiary, Centre, Vaccination, Vaccine

COLUMNS = ("reference_id", "dose_number", "date", "vaccine", "centre_code", "batch")
KEY = ("reference_id", "dose_number")
VALUES = ("date", "vaccine", "centre_code", "lot")
STORED_VALUES = ("date", "vaccine", "centre_id", "lot")
"""The values as stored: a centre by id."""
REASON = "vaccination-corrected"
LOT_MAX = 32
DOSE2_EARLIER_MINIMUM = {"COVISHIELD": (date(2021, 5, 13), 28)}
"""Covishield second doses given before 13 May 2021 followed the interval then in force (from 4 weeks); the
vaccine table's 84 days apply from that day, when the interval became 12-16 weeks."""


def validate(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
    frame, problems = table.frame, []
    columns = {
        "reference_id": convert(frame, "reference_id", reference_id, problems, "reference_id"),
        "dose_number": convert(
            frame, "dose_number", lookup_rule(reference.dose_numbers(), "unknown_dose"), problems, "dose_number"
        ),
        "date": convert(frame, "date", date_rule(CAMPAIGN_START, today), problems, "date"),
        "vaccine": convert(frame, "vaccine", lookup_rule(reference.vaccines(), "unknown_vaccine"), problems, "vaccine"),
        "centre_code": convert(frame, "centre_code", pattern_rule(CENTRE_CODE, "centre_code"), problems, "centre_code"),
        "lot": convert(frame, "batch", text_rule(LOT_MAX), problems, "batch"),
    }
    typed = typed_frame(frame, columns, problems)
    typed["dose_number"] = typed["dose_number"].astype("int64")
    keyed = checkable(frame, columns, problems, {"reference_id": "reference_id", "dose_number": "dose_number"})
    duplicate_keys(keyed, KEY, problems, "reference_id")
    return typed, in_file_order(problems, table)


def database_checks(table: RawTable, today: date, conn: Connection) -> list[Problem]:
    """For a file with bad cells (whose plan is not made): people and centres the registry does not know, and doses
    dated before their centre's district was formed, on every row whose cells these need are good. The course of
    a person's doses waits for a file without bad cells (a bad row left out would make it wrong)."""
    frame, problems = table.frame, []
    columns = {
        "reference_id": convert(frame, "reference_id", reference_id, problems, "reference_id"),
        "date": convert(frame, "date", date_rule(CAMPAIGN_START, today), problems, "date"),
        "centre_code": convert(frame, "centre_code", pattern_rule(CENTRE_CODE, "centre_code"), problems, "centre_code"),
    }
    people = checkable(frame, columns, problems, {"reference_id": "reference_id"})
    known_people = registry_rows.select_by_reference(
        conn,
        select(Beneficiary.__table__.c.reference_id),
        Beneficiary.__table__.c.reference_id,
        people["reference_id"],
        ["reference_id"],
    )
    placed = checkable(frame, columns, problems, {"centre_code": "centre_code"})
    centre_districts = _centre_districts(placed["centre_code"], conn)
    dated = checkable(frame, columns, problems, {"centre_code": "centre_code", "date": "date"})
    return (
        _missing(people, "reference_id", known_people["reference_id"], "unknown_beneficiary")
        + _missing(placed, "centre_code", centre_districts, "unknown_centre")
        + _before_formation(dated, centre_districts)
    )


def _centre_districts(codes: pd.Series, conn: Connection) -> dict[str, str]:
    """The known centres among these codes: code -> district."""
    centre = Centre.__table__
    found: dict[str, str] = {}
    for chunk in registry_rows.chunks(codes):
        found.update(conn.execute(select(centre.c.code, centre.c.district_code).where(centre.c.code.in_(chunk))).all())
    return found


def _vaccines(conn: Connection) -> pd.DataFrame:
    table = Vaccine.__table__
    columns = ("code", "name_en", "name_hi", "dose2_min_days", "precaution_min_days")
    return pd.DataFrame(conn.execute(select(*(table.c[c] for c in columns))).all(), columns=columns).set_index("code")


def _missing(typed: pd.DataFrame, column: str, known: Iterable, rule: str) -> list[Problem]:
    bad = typed[~typed[column].isin(list(known))]
    return [Problem(int(row), column, value, rule) for row, value in zip(bad["_row"], bad[column], strict=True)]


def _before_formation(typed: pd.DataFrame, centre_districts: dict[str, str]) -> list[Problem]:
    """A dose dated before the district of its centre was formed (the centre's district counts)."""
    problems = []
    for row, code, day in zip(typed["_row"], typed["centre_code"], typed["date"], strict=True):
        district = centre_districts.get(code)
        if district is not None and formed_later(district, day):
            problems.append(
                Problem(int(row), "centre_code", code, "centre_not_formed", formation_detail(district, day))
            )
    return problems


def _dose2_minimum(earlier_vaccine: pd.Series, dose2_date: pd.Series, vaccines: pd.DataFrame) -> pd.Series:
    """Fewest days from dose 1 to each dose 2: the vaccine table's, or the rule in force on the day of dose 2."""
    minimum = earlier_vaccine.map(vaccines["dose2_min_days"]).astype("int64")
    for vaccine, (until, days) in DOSE2_EARLIER_MINIMUM.items():
        minimum[(earlier_vaccine == vaccine) & (dose2_date < pd.Timestamp(until))] = days
    return minimum


def _course_problems(incoming: pd.DataFrame, stored: pd.DataFrame, vaccines: pd.DataFrame) -> list[Problem]:
    """Cross-row rules on the doses each person will have (stored, overridden by the file), for pairs the file touches.

    Dose n needs dose n − 1; dose 2 comes at least the vaccine's dose-2 interval after dose 1, with the same
    vaccine; a precaution dose comes at least the precaution interval after dose 2. A broken pair is blamed on
    the later dose when the file holds it, else on the earlier dose the file corrects.
    """
    key = list(KEY)
    kept = stored.merge(incoming[key], on=key, how="left", indicator=True)
    kept = kept[kept["_merge"] == "left_only"].drop(columns="_merge").assign(_row=np.nan)
    after = pd.concat([kept, incoming[[*key, "date", "vaccine", "_row"]].astype({"_row": "float64"})])
    by_dose = {n: after[after["dose_number"] == n].set_index("reference_id") for n in (1, 2, 3)}
    names = vaccines[["name_en", "name_hi"]]
    problems = []
    for n in (2, 3):
        pairs = by_dose[n].join(by_dose[n - 1], how="left", suffixes=("", "_before"))
        pairs = pairs[pairs["_row"].notna() | pairs["_row_before"].notna()]
        missing = pairs["vaccine_before"].isna()
        problems += [
            Problem(int(row), "dose_number", str(n), "dose_sequence", str(n - 1)) for row in pairs.loc[missing, "_row"]
        ]
        pairs = pairs[~missing]
        later, earlier = pd.to_datetime(pairs["date"]), pd.to_datetime(pairs["date_before"])
        days = (later - earlier).dt.days
        if n == 2:
            minimum, rule = _dose2_minimum(pairs["vaccine_before"], later, vaccines), "dose2_too_early"
        else:
            minimum = pairs["vaccine_before"].map(vaccines["precaution_min_days"]).astype("int64")
            rule = "precaution_too_early"
        file_holds_later = pairs["_row"].notna()
        blamed = pairs["_row"].where(file_holds_later, pairs["_row_before"]).astype("int64")
        for i in np.flatnonzero((days < minimum).to_numpy()):
            pair = pairs.iloc[i]
            day = pair["date"] if file_holds_later.iloc[i] else pair["date_before"]
            detail = details(
                pair["date_before"], pair["date"], days.iloc[i], minimum.iloc[i], *names.loc[pair["vaccine_before"]]
            )
            problems.append(Problem(int(blamed.iloc[i]), "date", day.isoformat(), rule, detail))
        if n == 2:
            for i in np.flatnonzero((pairs["vaccine"] != pairs["vaccine_before"]).to_numpy()):
                pair = pairs.iloc[i]
                first, second = names.loc[pair["vaccine_before"]], names.loc[pair["vaccine"]]
                value = pair["vaccine"] if file_holds_later.iloc[i] else pair["vaccine_before"]
                detail = details(first["name_en"], second["name_en"], first["name_hi"], second["name_hi"])
                problems.append(Problem(int(blamed.iloc[i]), "vaccine", value, "vaccine_mismatch", detail))
    return problems


def _by_row(problems: list[Problem]) -> list[Problem]:
    order = {c: i for i, c in enumerate(COLUMNS)}
    return sorted(dict.fromkeys(problems), key=lambda p: (p.row or 0, order.get(p.column or "", 99)))


def plan(typed: pd.DataFrame, conn: Connection) -> Plan:
    """New and corrected doses, the certificates a correction revokes, and the problems only the registry shows."""
    beneficiary, centre, table = Beneficiary.__table__, Centre.__table__, Vaccination.__table__
    people = registry_rows.select_by_reference(
        conn, select(beneficiary.c.reference_id), beneficiary.c.reference_id, typed["reference_id"], ["reference_id"]
    )
    centre_ids, centre_districts = {}, {}
    for chunk in registry_rows.chunks(typed["centre_code"]):
        query = select(centre.c.code, centre.c.id, centre.c.district_code).where(centre.c.code.in_(chunk))
        for code, centre_id, district_code in conn.execute(query):
            centre_ids[code], centre_districts[code] = centre_id, district_code
    problems = _missing(typed, "reference_id", people["reference_id"], "unknown_beneficiary")
    problems += _missing(typed, "centre_code", centre_ids, "unknown_centre")
    problems += _before_formation(typed, centre_districts)
    known = typed[typed["reference_id"].isin(list(people["reference_id"]))]
    query = select(
        table.c.reference_id, table.c.dose_number, table.c.date, table.c.vaccine, centre.c.code, table.c.lot
    ).select_from(table.join(centre, centre.c.id == table.c.centre_id))
    stored = registry_rows.select_by_reference(
        conn, query, table.c.reference_id, known["reference_id"], [*KEY, *VALUES]
    ).astype({"dose_number": "int64"})
    problems += _course_problems(known, stored[[*KEY, "date", "vaccine"]], _vaccines(conn))
    if problems:
        return Plan(typed.iloc[:0], typed.iloc[:0], 0, _by_row(problems))
    typed = typed.assign(centre_id=typed["centre_code"].map(centre_ids).astype("int64"))
    groups = {c: (c,) for c in VALUES}
    new, changed, unchanged = registry_rows.classify(typed, stored, list(KEY), groups)
    revocations = registry_rows.revocations(conn, changed["reference_id"], REASON)
    return Plan(new, changed, unchanged, revocations=revocations)


def write(plan: Plan, batch_id: int, conn: Connection) -> None:
    registry_rows.write(Vaccination.__table__, KEY, (*KEY, *STORED_VALUES), plan, batch_id, conn)


EXAMPLE = ("1234567890123", "1", "2021-06-22", "Covishield", "RPR-PHC-01", "4121Z001")
"""The template's example row (data.imports.templates): the beneficiaries template's person, given a dose at the
daily-doses template's centre."""


VACCINATIONS = FileKind(
    code="vaccinations",
    columns=COLUMNS,
    example=EXAMPLE,
    database_checks=database_checks,
    title="kinds.vaccinations",
    table=Vaccination.__table__,
    key=KEY,
    values=STORED_VALUES,
    validate=validate,
    plan=plan,
    write=write,
)
