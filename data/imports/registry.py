"""The certificate registry files — beneficiaries and vaccinations: their rules, what an import of one would
change (plan) and the writing of it, with the history of corrected rows and the revocation of certificates.

Privacy: a mobile or ID number is normalised and hashed (keyed HMAC, data.settings) as soon as its cell
is read. Only the hash and the last four digits go further — into the plan, the database and the correction history —
and a problem about such a cell quotes it masked (XXXXXX1234), since problems are shown on screen and printed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

import numpy as np
import pandas as pd
from sqlalchemy import Connection, and_, bindparam, insert, select, update

from data import master as reference
from data import settings
from data.imports.bulk import insert_columns
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
    required,
    text_rule,
    typed_frame,
)
from data.imports.files import RawTable
from data.imports.parse import DEVANAGARI_DIGITS, ParseError
from data.imports.problems import Problem, details
from data.models import (
    Beneficiary,
    Centre,
    Certificate,
    CertificateRevocation,
    RegistryCorrection,
    Vaccination,
    Vaccine,
)

KINDS = ("beneficiaries", "vaccinations")
KEY_COLUMNS = {"beneficiaries": ("reference_id",), "vaccinations": ("reference_id", "dose_number")}

BIRTH_YEAR_MIN = 1900
"""Nobody older was vaccinated: the oldest people alive in 2021 were born after 1900."""
MIN_AGE = 12
"""The youngest eligible age (12-14 from 16 March 2022), counted as CoWIN did: year of the import − birth year."""
NAME_MAX = 100
LOT_MAX = 32
SECRET_COLUMNS = ("mobile", "id_number")
"""Columns whose cells never leave this module unmasked."""

DOSE2_EARLIER_MINIMUM = {"COVISHIELD": (date(2021, 5, 13), 28)}
"""Covishield second doses given before 13 May 2021 followed the interval then in force (from 4 weeks); the
vaccine table's 84 days apply from that day, when the interval became 12-16 weeks."""

# --- Cell rules ----------------------------------------------------------------------------------

_REFERENCE_ID = re.compile(r"[0-9]{13}")
_BIRTH_YEAR = re.compile(r"[0-9]{4}")
_MOBILE = re.compile(r"[6-9][0-9]{9}")
_SEPARATORS = re.compile(r"[\s\-().]")
_ID_SEPARATORS = re.compile(r"[\s\-/.]")

ID_TYPES = reference.id_types()
"""The photo-ID documents CoWIN accepted (data/master/id_types.csv), by the code beneficiary.id_type stores."""
_ID_TYPE_LIST = details(
    ", ".join(t.label_en for t in ID_TYPES.values()), ", ".join(t.label_hi for t in ID_TYPES.values())
)

# Verhoeff's check digit, the last digit of every Aadhaar number (dihedral group D5).
VERHOEFF_D = np.array(
    [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
)
VERHOEFF_P = np.array(
    [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]
)
VERHOEFF_INVERSE = np.array([0, 4, 3, 2, 1, 5, 6, 7, 8, 9])


def verhoeff_check_digits(digits: np.ndarray) -> np.ndarray:
    """The Verhoeff check digit of each row of a (numbers × digits) array of digits, most significant first."""
    check = np.zeros(len(digits), dtype=np.int64)
    for position in range(digits.shape[1]):
        check = VERHOEFF_D[check, VERHOEFF_P[(position + 1) % 8, digits[:, -1 - position]]]
    return VERHOEFF_INVERSE[check]


def verhoeff_valid(number: str) -> bool:
    """True when the last digit of a string of digits is the Verhoeff check digit of the others."""
    digits = np.array([[int(c) for c in number]])
    return int(verhoeff_check_digits(digits[:, :-1])[0]) == int(number[-1])


"""SHA-256's block size in bytes: an HMAC key is padded (or first hashed) to it."""


def masked(text: str | None) -> str | None:
    """A mobile or ID number as it may be shown: every character but the last four as X (XXXXXX1234)."""
    if text is None:
        return None
    return "X" * max(len(text) - 4, 0) + text[-4:]


def reference_id(text: str) -> str:
    """A reference id: 13 digits (Devanagari digits read as ASCII)."""
    required(text)
    value = text.translate(DEVANAGARI_DIGITS)
    if not _REFERENCE_ID.fullmatch(value):
        raise Invalid("reference_id")
    return value


def person_name(text: str) -> str:
    """A name, kept exactly as written (after trimming): at most 100 characters, a letter, no control characters."""
    required(text)
    if len(text) > NAME_MAX:
        raise Invalid("text_too_long", str(NAME_MAX))
    if not any(c.isalpha() for c in text) or any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text):
        raise Invalid("name_text")
    return text


def _birth_year_rule(today: date) -> Callable[[str], int]:
    latest = today.year - MIN_AGE

    def convert(text: str) -> int:
        required(text)
        value = text.translate(DEVANAGARI_DIGITS)
        if not _BIRTH_YEAR.fullmatch(value) or not BIRTH_YEAR_MIN <= int(value) <= latest:
            raise Invalid("birth_year", str(latest))
        return int(value)

    return convert


def gender(text: str) -> str:
    """M, F or O from a code or a word in English or Hindi (data/master/genders.csv)."""
    required(text)
    code = reference.genders().resolve(text)
    if code is None:
        raise Invalid("gender")
    return code


def mobile_number(text: str) -> str:
    """The 10 digits of an Indian mobile number; +91, 0091, 91 or 0 in front, spaces, hyphens, brackets allowed."""
    required(text)
    digits = _SEPARATORS.sub("", text.translate(DEVANAGARI_DIGITS))
    if digits.startswith("+91"):
        digits = digits[3:]
    elif digits.startswith("0091") and len(digits) == 14:
        digits = digits[4:]
    elif digits.startswith("91") and len(digits) == 12:
        digits = digits[2:]
    elif digits.startswith("0") and len(digits) == 11:
        digits = digits[1:]
    if not _MOBILE.fullmatch(digits):
        raise Invalid("mobile")
    return digits


def id_type(text: str) -> str:
    required(text)
    code = reference.id_type_names().resolve(text)
    if code is None:
        raise Invalid("id_type", _ID_TYPE_LIST)
    return code


def id_number(code: str, text: str) -> str:
    """The number of an ID document of type `code`, normalised (upper case, no spaces, hyphens, slashes, dots)."""
    required(text)
    kind = ID_TYPES[code]
    value = _ID_SEPARATORS.sub("", text.translate(DEVANAGARI_DIGITS)).upper()
    if not kind.pattern.fullmatch(value):
        raise Invalid("id_number", details(kind.label_en, kind.form_en, kind.label_hi, kind.form_hi))
    if code == "AADHAAR" and not verhoeff_valid(value):
        raise Invalid("aadhaar_checksum")
    return value


def _id_numbers(frame: pd.DataFrame, types: pd.Series, problems: list[Problem]) -> pd.Series:
    """Each row's ID number checked against its type (rows whose type is bad are left to that problem)."""
    pairs = pd.Series(
        [f"{t}\x00{n.strip()}" if t is not None else "" for t, n in zip(types, frame["id_number"], strict=True)]
    )
    codes, uniques = pd.factorize(pairs)
    converted = np.empty(len(uniques), dtype=object)
    bad: dict[int, Invalid | ParseError] = {}
    for i, pair in enumerate(uniques):
        if not pair:
            continue
        code, text = pair.split("\x00", 1)
        try:
            converted[i] = id_number(code, text)
        except (Invalid, ParseError) as error:
            bad[i] = error
    for row, code, raw in zip(frame["_row"], codes, frame["id_number"], strict=True):
        error = bad.get(int(code))
        if error is not None:
            problems.append(Problem(int(row), "id_number", raw.strip(), error.rule, getattr(error, "detail", "")))
    return pd.Series(converted[codes], index=frame.index, dtype=object)


def _mask_secrets(problems: list[Problem]) -> list[Problem]:
    """Problems about mobile and ID cells (and names that are no names: often a number in the wrong column)."""
    return [
        replace(p, value=masked(p.value)) if p.column in SECRET_COLUMNS or p.rule == "name_text" else p
        for p in problems
    ]


def hashed(values: pd.Series, hasher: Callable[[str], str]) -> tuple[np.ndarray, np.ndarray]:
    """Keyed hash and last four characters of each value (each distinct value hashed once)."""
    codes, uniques = pd.factorize(values)
    uniques = uniques.to_numpy(dtype=object).tolist()
    hashes = np.array([hasher(v) for v in uniques], dtype=object)
    last4 = np.array([v[-4:] for v in uniques], dtype=object)
    return hashes[codes], last4[codes]


# --- Validation of a file (no database) --------------------------------------------------------------


def validate_beneficiaries(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed beneficiaries with mobile and ID number already hashed (mobile_hash, mobile_last4, id_hash, id_last4)."""
    frame, problems = table.frame, []
    columns = {
        "reference_id": convert(frame, "reference_id", reference_id, problems, "reference_id"),
        "name": convert(frame, "name", person_name, problems, "name"),
        "birth_year": convert(frame, "birth_year", _birth_year_rule(today), problems, "birth_year"),
        "gender": convert(frame, "gender", gender, problems, "gender"),
        "mobile": convert(frame, "mobile", mobile_number, problems, "mobile"),
        "id_type": convert(frame, "id_type", id_type, problems, "id_type"),
        "district_code": convert(
            frame, "district", lookup_rule(reference.districts(), "unknown_district"), problems, "district"
        ),
    }
    columns["id_number"] = _id_numbers(frame, columns["id_type"], problems)
    typed = typed_frame(frame, columns, problems)
    duplicate_keys(typed, KEY_COLUMNS["beneficiaries"], problems, "reference_id")
    problems = in_file_order(_mask_secrets(problems), table)
    if problems:
        return typed.drop(columns=["mobile", "id_number"]), problems
    hasher = settings.identifier_hasher()
    typed["birth_year"] = typed["birth_year"].astype("int64")
    typed["mobile_hash"], typed["mobile_last4"] = hashed(typed["mobile"], hasher)
    typed["id_hash"], typed["id_last4"] = hashed(typed["id_type"] + ":" + typed["id_number"], hasher)
    return typed.drop(columns=["mobile", "id_number"]), problems


def validate_vaccinations(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
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
    duplicate_keys(typed, KEY_COLUMNS["vaccinations"], problems, "reference_id")
    return typed, in_file_order(problems, table)


def validate(table: RawTable, kind: str, today: date) -> tuple[pd.DataFrame, list[Problem]]:
    if kind == "beneficiaries":
        return validate_beneficiaries(table, today)
    return validate_vaccinations(table, today)


# --- Planning (reads the database, writes nothing) ---------------------------------------------------

BENEFICIARY_GROUPS = {
    "name": ("name",),
    "birth_year": ("birth_year",),
    "gender": ("gender",),
    "mobile": ("mobile_hash", "mobile_last4"),
    "id": ("id_type", "id_hash", "id_last4"),
    "district": ("district_code",),
}
"""Values of a beneficiary that change together: a corrected mobile or ID keeps its old hash and last four."""
BENEFICIARY_VALUES = tuple(c for group in BENEFICIARY_GROUPS.values() for c in group)
VACCINATION_VALUES = ("date", "vaccine", "centre_code", "lot")
REASONS = {"beneficiaries": "beneficiary-corrected", "vaccinations": "vaccination-corrected"}
CHUNK = 1000
"""Keys per IN (...) list: well inside SQLite's and PostgreSQL's limits on bound parameters."""


@dataclass
class RegistryPlan:
    """What importing a valid registry file would do: rows new and changed (with old values), certificates to revoke."""

    kind: str
    new: pd.DataFrame
    changed: pd.DataFrame  # the new values, the old ones as <column>_old, and "history": (old, new) JSON
    unchanged: int
    problems: list[Problem]
    revocations: list[tuple[str, str]] = field(default_factory=list)  # (certificate id, reason)
    new_centres: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["centre_code"]))


def _chunks(values: Iterable) -> Iterable[list]:
    values = sorted(set(values))
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _select_by_reference(conn: Connection, query, column, ids: Iterable[str], names: list[str]) -> pd.DataFrame:
    rows = [row for chunk in _chunks(ids) for row in conn.execute(query.where(column.in_(chunk))).all()]
    return pd.DataFrame(rows, columns=names)


def _same(new: pd.Series, old: pd.Series, column: str) -> np.ndarray:
    """Equal stored and new values; names compare in NFC, so a file in another normalisation form is unchanged."""
    new, old = new.to_numpy(dtype=object), old.to_numpy(dtype=object)
    if column == "name":
        nfc = np.vectorize(lambda s: unicodedata.normalize("NFC", s) if isinstance(s, str) else s, otypes=[object])
        new, old = nfc(new), nfc(old)
    return np.array([a is not pd.NA and b is not pd.NA and a == b for a, b in zip(new, old, strict=True)], dtype=bool)


def _plain(value):
    """A plain Python value for a bound parameter (numpy integers are not adapted by every driver)."""
    return int(value) if isinstance(value, np.integer) else value


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else _plain(value)


def _classify(
    typed: pd.DataFrame, stored: pd.DataFrame, key: list[str], groups: dict[str, tuple[str, ...]]
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """New rows, changed rows (with the old values and a history of the changed groups), unchanged count."""
    values = [c for group in groups.values() for c in group]
    merged = typed.merge(stored.rename(columns={c: f"{c}_old" for c in values}), on=key, how="left", indicator=True)
    is_new = (merged["_merge"] == "left_only").to_numpy()
    merged = merged.drop(columns="_merge")
    differs = {
        name: ~is_new & ~np.logical_and.reduce([_same(merged[c], merged[f"{c}_old"], c) for c in columns])
        for name, columns in groups.items()
    }
    is_changed = np.logical_or.reduce(list(differs.values()))
    new = merged[is_new][typed.columns].reset_index(drop=True)
    changed = merged[is_changed].reset_index(drop=True)
    history = []
    for i in np.flatnonzero(is_changed):
        moved = [c for name, columns in groups.items() if differs[name][i] for c in columns]
        record = merged.iloc[i]
        history.append(
            (
                json.dumps({c: _jsonable(record[f"{c}_old"]) for c in moved}, ensure_ascii=False),
                json.dumps({c: _jsonable(record[c]) for c in moved}, ensure_ascii=False),
            )
        )
    changed["history"] = pd.Series(history, dtype=object)
    return new, changed, int((~is_new & ~is_changed).sum())


def _revocations(conn: Connection, reference_ids: Iterable[str], reason: str) -> list[tuple[str, str]]:
    """Every not-yet-revoked certificate of these people, with the reason it will be revoked."""
    certificate, revocation = Certificate.__table__, CertificateRevocation.__table__
    query = (
        select(certificate.c.id)
        .select_from(certificate.outerjoin(revocation, revocation.c.certificate_id == certificate.c.id))
        .where(revocation.c.certificate_id.is_(None))
    )
    found = _select_by_reference(conn, query, certificate.c.reference_id, reference_ids, ["id"])
    return [(certificate_id, reason) for certificate_id in sorted(found["id"])]


def _plan_beneficiaries(typed: pd.DataFrame, conn: Connection) -> RegistryPlan:
    table = Beneficiary.__table__
    query = select(table.c.reference_id, *(table.c[c] for c in BENEFICIARY_VALUES))
    stored = _select_by_reference(
        conn, query, table.c.reference_id, typed["reference_id"], ["reference_id", *BENEFICIARY_VALUES]
    ).astype({"birth_year": "Int64"})  # stays whole beside the new people (NA, not NaN), for the history
    new, changed, unchanged = _classify(typed, stored, ["reference_id"], BENEFICIARY_GROUPS)
    revocations = _revocations(conn, changed["reference_id"], REASONS["beneficiaries"])
    return RegistryPlan("beneficiaries", new, changed, unchanged, [], revocations)


def _vaccines(conn: Connection) -> pd.DataFrame:
    table = Vaccine.__table__
    columns = ("code", "name_en", "name_hi", "dose2_min_days", "precaution_min_days")
    return pd.DataFrame(conn.execute(select(*(table.c[c] for c in columns))).all(), columns=columns).set_index("code")


def _missing(typed: pd.DataFrame, column: str, known: Iterable, rule: str) -> list[Problem]:
    bad = typed[~typed[column].isin(list(known))]
    return [Problem(int(row), column, value, rule) for row, value in zip(bad["_row"], bad[column], strict=True)]


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
    key = ["reference_id", "dose_number"]
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


def _plan_vaccinations(typed: pd.DataFrame, conn: Connection) -> RegistryPlan:
    beneficiary, centre, table = Beneficiary.__table__, Centre.__table__, Vaccination.__table__
    people = _select_by_reference(
        conn, select(beneficiary.c.reference_id), beneficiary.c.reference_id, typed["reference_id"], ["reference_id"]
    )
    centre_ids = {
        code: centre_id
        for chunk in _chunks(typed["centre_code"])
        for code, centre_id in conn.execute(select(centre.c.code, centre.c.id).where(centre.c.code.in_(chunk)))
    }
    problems = _missing(typed, "reference_id", people["reference_id"], "unknown_beneficiary")
    problems += _missing(typed, "centre_code", centre_ids, "unknown_centre")
    known = typed[typed["reference_id"].isin(list(people["reference_id"]))]
    query = select(
        table.c.reference_id, table.c.dose_number, table.c.date, table.c.vaccine, centre.c.code, table.c.lot
    ).select_from(table.join(centre, centre.c.id == table.c.centre_id))
    stored = _select_by_reference(
        conn, query, table.c.reference_id, known["reference_id"], ["reference_id", "dose_number", *VACCINATION_VALUES]
    ).astype({"dose_number": "int64"})
    problems += _course_problems(known, stored[["reference_id", "dose_number", "date", "vaccine"]], _vaccines(conn))
    if problems:
        return RegistryPlan("vaccinations", typed.iloc[:0], typed.iloc[:0], 0, _by_row(problems))
    typed = typed.assign(centre_id=typed["centre_code"].map(centre_ids).astype("int64"))
    groups = {c: (c,) for c in VACCINATION_VALUES}
    new, changed, unchanged = _classify(typed, stored, list(KEY_COLUMNS["vaccinations"]), groups)
    revocations = _revocations(conn, changed["reference_id"], REASONS["vaccinations"])
    return RegistryPlan("vaccinations", new, changed, unchanged, [], revocations)


def _by_row(problems: list[Problem]) -> list[Problem]:
    order = {c: i for i, c in enumerate(("reference_id", "dose_number", "date", "vaccine", "centre_code", "batch"))}
    return sorted(dict.fromkeys(problems), key=lambda p: (p.row or 0, order.get(p.column or "", 99)))


def plan(kind: str, typed: pd.DataFrame, conn: Connection) -> RegistryPlan:
    """What importing these valid rows would change; problems that need the database (vaccinations only)."""
    if kind == "beneficiaries":
        return _plan_beneficiaries(typed, conn)
    return _plan_vaccinations(typed, conn)


# --- Writing ---------------------------------------------------------------------------------------

STORED_COLUMNS = {
    "beneficiaries": ("reference_id", *BENEFICIARY_VALUES),
    "vaccinations": ("reference_id", "dose_number", "date", "vaccine", "centre_id", "lot"),
}
TABLES = {"beneficiaries": Beneficiary.__table__, "vaccinations": Vaccination.__table__}


def _values(frame: pd.DataFrame, columns: Iterable[str]) -> dict[str, list]:
    return {c: frame[c].tolist() for c in columns}


def write(plan: RegistryPlan, batch_id: int, conn: Connection) -> None:
    """Insert the new rows, replace the changed ones, keep their old values and revoke the certificates."""
    table, columns = TABLES[plan.kind], STORED_COLUMNS[plan.kind]
    key = list(KEY_COLUMNS[plan.kind])
    if not plan.new.empty:
        insert_columns(conn, table, _values(plan.new, columns) | {"batch_id": [batch_id] * len(plan.new)})
    if not plan.changed.empty:
        values = [c for c in columns if c not in key]
        statement = (
            update(table)
            .where(and_(*(table.c[c] == bindparam(f"k_{c}") for c in key)))
            .values({c: bindparam(f"v_{c}") for c in values} | {"batch_id": batch_id})
        )
        rows = plan.changed[[*key, *values]].to_dict("records")
        conn.execute(statement, [{f"{'k' if c in key else 'v'}_{c}": _plain(r[c]) for c in r} for r in rows])
        history = [
            {
                "batch_id": batch_id,
                "table_name": table.name,
                "reference_id": record["reference_id"],
                "dose_number": int(record["dose_number"]) if "dose_number" in record else None,
                "old_values": old,
                "new_values": new,
            }
            for record, (old, new) in zip(rows, plan.changed["history"], strict=True)
        ]
        conn.execute(insert(RegistryCorrection.__table__), history)
    if plan.revocations:
        now = datetime.now(UTC)
        conn.execute(
            insert(CertificateRevocation.__table__),
            [
                {"certificate_id": certificate_id, "revoked_at": now, "reason": reason, "batch_id": batch_id}
                for certificate_id, reason in plan.revocations
            ],
        )
