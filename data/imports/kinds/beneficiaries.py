"""The certificate registry's beneficiaries: one row per person (reference id), with mobile and ID numbers kept
only as keyed hashes and last four digits. A corrected person revokes their certificates; an import of this kind
cannot be undone (import a corrected file instead).

One ID document belongs to one person: an ID number (of one type) given to two reference ids, in the file or in
the file and the registry as it would be after the import, is a problem on the file's row (id_number_shared,
id_number_registered), never taken. A mobile number may be shared (CoWIN let up to four people register on one).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import Connection, select

from data import master as reference
from data import settings
from data.imports import registry_rows
from data.imports.cells import (
    Invalid,
    checkable,
    convert,
    duplicate_keys,
    in_file_order,
    lookup_rule,
    required,
    typed_frame,
)
from data.imports.files import RawTable
from data.imports.kind import FileKind, Plan
from data.imports.parse import ParseError
from data.imports.problems import Problem
from data.imports.registry import gender, hashed, id_number, id_type, masked, mobile_number, reference_id
from data.master import DEVANAGARI_DIGITS
from data.models import Beneficiary

COLUMNS = ("reference_id", "name", "birth_year", "gender", "mobile", "id_type", "id_number", "district")
KEY = ("reference_id",)
GROUPS = {
    "name": ("name",),
    "birth_year": ("birth_year",),
    "gender": ("gender",),
    "mobile": ("mobile_hash", "mobile_last4"),
    "id": ("id_type", "id_hash", "id_last4"),
    "district": ("district_code",),
}
"""Values of a beneficiary that change together: a corrected mobile or ID keeps its old hash and last four."""
VALUES = tuple(c for group in GROUPS.values() for c in group)
REASON = "beneficiary-corrected"

BIRTH_YEAR_MIN = 1900
"""Nobody older was vaccinated: the oldest people alive in 2021 were born after 1900."""
MIN_AGE = 12
"""The youngest eligible age (12-14 from 16 March 2022), counted as CoWIN did: year of the import − birth year."""
NAME_MAX = 100
SECRET_COLUMNS = ("mobile", "id_number")
"""Columns whose cells never leave this module unmasked."""
_BIRTH_YEAR = re.compile(r"[0-9]{4}")


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

    def rule(text: str) -> int:
        required(text)
        value = text.translate(DEVANAGARI_DIGITS)
        if not _BIRTH_YEAR.fullmatch(value) or not BIRTH_YEAR_MIN <= int(value) <= latest:
            raise Invalid("birth_year", str(latest))
        return int(value)

    return rule


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


def _shared_ids(typed: pd.DataFrame) -> list[Problem]:
    """Every row giving an ID document that an earlier row of the file gives to another reference id."""
    documents = typed["id_type"].astype(str) + ":" + typed["id_number"].astype(str)
    first = pd.DataFrame({"document": documents, "reference_id": typed["reference_id"], "_row": typed["_row"]})
    first = first.drop_duplicates("document").set_index("document")
    problems = []
    for row, person, document, number in zip(
        typed["_row"], typed["reference_id"], documents, typed["id_number"], strict=True
    ):
        owner = first.loc[document]
        if owner["reference_id"] != person:
            problems.append(Problem(int(row), "id_number", number, "id_number_shared", str(int(owner["_row"]))))
    return problems


def _registered_ids(typed: pd.DataFrame, conn: Connection) -> list[Problem]:
    """Every row giving an ID document that the registry holds for a person the file does not correct."""
    table = Beneficiary.__table__
    in_file = set(typed["reference_id"])
    owners: dict[str, str] = {}
    for chunk in registry_rows.chunks(typed["id_hash"]):
        query = select(table.c.id_hash, table.c.reference_id).where(table.c.id_hash.in_(chunk))
        owners.update((h, r) for h, r in conn.execute(query) if r not in in_file)
    return [
        Problem(int(row), "id_number", "X" * 8 + last4, "id_number_registered", owners[digest])
        for row, digest, last4 in zip(typed["_row"], typed["id_hash"], typed["id_last4"], strict=True)
        if digest in owners
    ]


def validate(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
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
    # The rules across rows check every row whose cells they need are good: one pass finds them all.
    cells = list(problems)
    duplicate_keys(checkable(frame, columns, cells, {"reference_id": "reference_id"}), KEY, problems, "reference_id")
    documents = {"reference_id": "reference_id", "id_type": "id_type", "id_number": "id_number"}
    problems += _shared_ids(checkable(frame, columns, cells, documents))
    problems = in_file_order(_mask_secrets(problems), table)
    if problems:
        return typed.drop(columns=["mobile", "id_number"]), problems
    hasher = settings.identifier_hasher()
    typed["birth_year"] = typed["birth_year"].astype("int64")
    typed["mobile_hash"], typed["mobile_last4"] = hashed(typed["mobile"], hasher)
    typed["id_hash"], typed["id_last4"] = hashed(typed["id_type"] + ":" + typed["id_number"], hasher)
    return typed.drop(columns=["mobile", "id_number"]), problems


def plan(typed: pd.DataFrame, conn: Connection) -> Plan:
    """New and corrected people, and the certificates a correction revokes."""
    table = Beneficiary.__table__
    query = select(table.c.reference_id, *(table.c[c] for c in VALUES))
    stored = registry_rows.select_by_reference(
        conn, query, table.c.reference_id, typed["reference_id"], ["reference_id", *VALUES]
    ).astype({"birth_year": "Int64"})  # stays whole beside the new people (NA, not NaN), for the history
    problems = _registered_ids(typed, conn)
    if problems:
        return Plan(typed.iloc[:0], typed.iloc[:0], 0, problems)
    new, changed, unchanged = registry_rows.classify(typed, stored, list(KEY), GROUPS, normalised=("name",))
    revocations = registry_rows.revocations(conn, changed["reference_id"], REASON)
    return Plan(new, changed, unchanged, revocations=revocations)


def write(plan: Plan, batch_id: int, conn: Connection) -> None:
    registry_rows.write(Beneficiary.__table__, KEY, (*KEY, *VALUES), plan, batch_id, conn)


EXAMPLE = ("1234567890123", "Sunita Sahu", "1980", "F", "9876543210", "Aadhaar", "234123412346", "Raipur")
"""The template's example row (data.imports.templates): a made-up person; the ID number is no one's but has a
valid Verhoeff check digit."""


BENEFICIARIES = FileKind(
    code="beneficiaries",
    columns=COLUMNS,
    example=EXAMPLE,
    title="kinds.beneficiaries",
    table=Beneficiary.__table__,
    key=KEY,
    values=VALUES,
    validate=validate,
    plan=plan,
    write=write,
)
