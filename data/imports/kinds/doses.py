"""Daily doses: doses given per day, centre, age band, dose number and vaccine; the one kind a district
collector may upload (rows of their own district only).

A file creates the centres it names that are not known yet; a centre known under another district is a problem.
A known centre named differently (beyond Unicode form and spacing) is renamed, and the change is recorded: the
import report lists each (code, old name, new name), and the commit adds a "centre-rename" row to the audit trail
with the old and new names. Undoing the import keeps the new name, as it keeps the centres an import created. One
centre under two names in one file is a problem (centre_name_conflict), as is one centre under two districts.
The fact table stores a centre by id, and the rollups (date × district × age band × dose × vaccine) follow every
import and undo in the same transaction.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Select, bindparam, func, insert, select, update

from data import master as reference
from data.imports.cells import (
    CAMPAIGN_START,
    CENTRE_CODE,
    centre_day_totals,
    checkable,
    convert,
    date_rule,
    dose_count,
    duplicate_keys,
    first_in_file,
    in_file_order,
    lookup_rule,
    not_yet_formed,
    pattern_rule,
    text_rule,
    typed_frame,
)
from data.imports.facts import FactTable
from data.imports.files import RawTable
from data.imports.kind import FileKind, Plan
from data.imports.problems import Problem, details
from data.models import Centre, DailyDose
from data.rollup import add_district_rollups, refresh_derived_rollups, refresh_district_rollups

COLUMNS = ("date", "district", "centre_code", "centre_name", "age_band", "dose_number", "vaccine", "doses")
KEY = ("date", "centre_code", "age_band", "dose_number", "vaccine")
LABELS = {
    "date": "date",
    "district_code": "district",
    "centre_code": "centre_code",
    "centre_name": "centre_name",
    "age_band": "age_band",
    "dose_number": "dose_number",
    "vaccine": "vaccine",
    "doses": "doses",
}
"""Each typed column and the column of the file its problems name."""


def validate(table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
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
        "doses": convert(frame, "doses", dose_count, problems, "doses"),
    }
    typed = typed_frame(frame, columns, problems)
    typed["dose_number"] = typed["dose_number"].astype(int)
    typed["doses"] = typed["doses"].astype("int64")
    # The rules across rows check every row whose cells they need are good, so one pass finds every problem.
    cells = list(problems)

    def rows_with(*needed: str) -> pd.DataFrame:
        return checkable(frame, columns, cells, {name: LABELS[name] for name in needed})

    problems += centre_district_conflicts(rows_with("centre_code", "district_code"))
    problems += _name_conflicts(rows_with("centre_code", "centre_name"))
    not_yet_formed(
        rows_with("date", "district_code"),
        frame,
        problems,
        code_column="district_code",
        cell_column="district",
        label="district",
        rule="district_not_formed",
    )
    duplicate_keys(rows_with(*KEY), KEY, problems, "date")
    counted = rows_with("date", "centre_code", "doses")
    centre_day_totals(counted.astype({"doses": "int64"}), problems, centre="centre_code", count="doses")
    return typed, in_file_order(problems, table)


def district_detail(code: str) -> str:
    """The detail of a problem naming a district: its code, English and Hindi names (messages show the names)."""
    return details(code, *reference.district_names().get(code, (code, code)))


def centre_district_conflicts(located: pd.DataFrame) -> list[Problem]:
    """Every row filing a centre under another district than the centre's first row in the file does."""
    first = first_in_file(located["centre_code"], located["district_code"])
    moved = located["district_code"].to_numpy(dtype=object) != first
    return [
        Problem(int(row), "centre_code", code, "centre_district", district_detail(district))
        for row, code, district in zip(
            located["_row"].to_numpy()[moved], located["centre_code"].to_numpy()[moved], first[moved], strict=True
        )
    ]


class StoredCentre(NamedTuple):
    """A centre as stored."""

    id: int
    district_code: str
    name: str


READ_EVERY_CENTRE = 1000
"""Above this many codes, stored_centres reads every centre in one query: a few thousand short rows cost less than
binding the codes (a state day's 2,600 codes in three queries of 1,000: 20–24 ms against 6–13 ms)."""


def stored_centres(codes, conn: Connection) -> dict[str, StoredCentre]:
    """The stored centres among these codes, by code (one query for each 1,000 codes, or one for all)."""
    centre = Centre.__table__
    codes = sorted(codes)
    columns = (centre.c.code, centre.c.id, centre.c.district_code, centre.c.name)
    if len(codes) > READ_EVERY_CENTRE:
        wanted = set(codes)
        return {code: StoredCentre(*rest) for code, *rest in conn.execute(select(*columns)) if code in wanted}
    stored: dict[str, StoredCentre] = {}
    for start in range(0, len(codes), 1000):
        query = select(*columns).where(centre.c.code.in_(codes[start : start + 1000]))
        stored.update((code, StoredCentre(*rest)) for code, *rest in conn.execute(query))
    return stored


def centres_elsewhere(located: pd.DataFrame, conn: Connection) -> list[Problem]:
    """The first row of each centre that the database has under another district than the row's."""
    first_rows = located.drop_duplicates("centre_code")
    return _elsewhere(first_rows, stored_centres(first_rows["centre_code"], conn))


def _elsewhere(first_rows: pd.DataFrame, stored: dict[str, StoredCentre]) -> list[Problem]:
    """centres_elsewhere, given each centre's first row and the stored centres they name."""
    return [
        Problem(int(line), "centre_code", code, "centre_district", district_detail(stored[code].district_code))
        for line, code, district in zip(
            first_rows["_row"], first_rows["centre_code"], first_rows["district_code"], strict=True
        )
        if code in stored and stored[code].district_code != district
    ]


def database_checks(table: RawTable, today: date, conn: Connection) -> list[Problem]:
    """For a file with bad cells (whose plan is not made): the centres the database has under another district,
    on every row whose centre code and district are good."""
    frame, problems = table.frame, []
    columns = {
        "district_code": convert(
            frame, "district", lookup_rule(reference.districts(), "unknown_district"), problems, "district"
        ),
        "centre_code": convert(frame, "centre_code", pattern_rule(CENTRE_CODE, "centre_code"), problems, "centre_code"),
    }
    located = checkable(frame, columns, problems, {"centre_code": "centre_code", "district_code": "district"})
    return centres_elsewhere(located, conn) if len(located) else []


def same_name(a: str, b: str) -> bool:
    """Two centre names that are the same name: equal in NFC with runs of spaces as one."""
    return " ".join(unicodedata.normalize("NFC", a).split()) == " ".join(unicodedata.normalize("NFC", b).split())


def _name_conflicts(typed: pd.DataFrame) -> list[Problem]:
    """Every row naming a centre otherwise than the centre's first row in the file."""
    first_names = first_in_file(typed["centre_code"], typed["centre_name"])
    names = typed["centre_name"].to_numpy(dtype=object)
    differ = names != first_names  # only these can name a centre otherwise (same_name is the slow part)
    return [
        Problem(int(row), "centre_name", name, "centre_name_conflict", details(code, first_name))
        for row, code, name, first_name in zip(
            typed["_row"].to_numpy()[differ],
            typed["centre_code"].to_numpy(dtype=object)[differ],
            names[differ],
            first_names[differ],
            strict=True,
        )
        if not same_name(name, first_name)
    ]


@dataclass(frozen=True)
class DosesTable(FactTable):
    """The daily_dose table: centres checked and created, stored by id; rollups kept."""

    def check(self, typed: pd.DataFrame, conn: Connection) -> tuple[list[Problem], pd.DataFrame]:
        """Centres already known under another district are errors; unknown ones will be created."""
        first_rows = typed.drop_duplicates("centre_code")
        return _checked_centres(first_rows, stored_centres(first_rows["centre_code"], conn))

    def plan(self, typed: pd.DataFrame, conn: Connection) -> Plan:
        """The shared plan, with the known centres the file names otherwise (renamed when it is written)."""
        first_rows = typed.drop_duplicates("centre_code")
        stored = stored_centres(first_rows["centre_code"], conn)  # once for the checks and the renames
        plan = super().plan(typed, conn, checked=_checked_centres(first_rows, stored))
        if plan.problems:
            return plan
        plan.renamed_centres = [
            {"code": code, "district": district, "old_name": stored[code].name, "name": name, "row": int(row)}
            for row, code, district, name in zip(
                first_rows["_row"],
                first_rows["centre_code"],
                first_rows["district_code"],
                first_rows["centre_name"],
                strict=True,
            )
            if code in stored and stored[code].name != name and not same_name(stored[code].name, name)
        ]
        plan.centre_ids = {code: centre.id for code, centre in stored.items()}
        return plan

    def stored_values(self, typed: pd.DataFrame) -> Select:
        table, centre = self.table, Centre.__table__
        return (
            select(
                table.c.date,
                centre.c.code.label("centre_code"),
                table.c.age_band,
                table.c.dose_number,
                table.c.vaccine,
                table.c.doses.label("old"),
                table.c.batch_id.label("old_batch"),
            )
            .select_from(table.join(centre, centre.c.id == table.c.centre_id))
            # The file's districts, not its centre codes (a state day names 2,600): a valid file's known centres
            # are under the districts its rows name (check), so these rows hold every stored row it could touch.
            .where(centre.c.district_code.in_(sorted(typed["district_code"].unique())))
        )

    def stored_rows(self, rows: pd.DataFrame, conn: Connection) -> pd.DataFrame:
        return _with_centre_ids(rows, _centre_ids(rows["centre_code"].unique(), conn))

    def prepare(self, plan: Plan, conn: Connection) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The file's new centres are written first; then every row refers to its centre by id."""
        _insert_centres(plan.new_centres, conn)
        _rename_centres(plan.renamed_centres, conn)
        new, changed = plan.new, plan.changed
        codes = pd.concat([new["centre_code"], changed["centre_code"]]).unique()
        # The plan read the stored centres' ids in this transaction: only the centres just written are looked up.
        ids = plan.centre_ids | _centre_ids([code for code in codes if code not in plan.centre_ids], conn)
        return _with_centre_ids(new, ids), _with_centre_ids(changed, ids)

    def written(self, plan: Plan, new: pd.DataFrame, changed: pd.DataFrame, conn: Connection) -> None:
        if plan.stored == 0:  # the file's days held no row in its districts (stored_values): its rows are all
            add_district_rollups(conn, new)
            refresh_derived_rollups(conn, new["date"].unique(), new["district_code"].unique())
            return
        _refresh_rollups(pd.concat([new[["date", "district_code"]], changed[["date", "district_code"]]]), conn)

    def carried_query(self, where: list) -> tuple[Select, list[str]]:
        table, centre = self.table, Centre.__table__
        query = (
            select(table.c.date, centre.c.district_code, func.count())
            .select_from(table.join(centre, centre.c.id == table.c.centre_id))
            .where(*where)
            .group_by(table.c.date, centre.c.district_code)
        )
        return query, ["date", "district_code", "rows"]

    def undone(self, carried: pd.DataFrame, conn: Connection) -> None:
        if len(carried):
            _refresh_rollups(carried, conn)


def _checked_centres(first_rows: pd.DataFrame, stored: dict[str, StoredCentre]) -> tuple[list[Problem], pd.DataFrame]:
    """DosesTable.check, given each centre's first row in the file and the stored centres they name."""
    new = first_rows[~first_rows["centre_code"].isin(list(stored))]
    return _elsewhere(first_rows, stored), new[["centre_code", "centre_name", "district_code"]].reset_index(drop=True)


def _refresh_rollups(touched: pd.DataFrame, conn: Connection) -> None:
    """The rollups of the days and districts rows were written or removed on."""
    for day, districts in touched.groupby("date")["district_code"]:
        refresh_district_rollups(conn, [day], districts.unique())
    # Once for the whole file: a month's total is summed again for each month the file touched.
    refresh_derived_rollups(conn, touched["date"].unique(), touched["district_code"].unique())


def _insert_centres(centres: pd.DataFrame, conn: Connection) -> None:
    if centres.empty:
        return
    rows = [
        {"code": r.centre_code, "name": r.centre_name, "district_code": r.district_code, "active": True}
        for r in centres.itertuples()
    ]
    conn.execute(insert(Centre.__table__), rows)


def _rename_centres(renamed: list[dict], conn: Connection) -> None:
    if not renamed:
        return
    centre = Centre.__table__
    statement = update(centre).where(centre.c.code == bindparam("k_code")).values(name=bindparam("v_name"))
    conn.execute(statement, [{"k_code": r["code"], "v_name": r["name"]} for r in renamed])


def _with_centre_ids(rows: pd.DataFrame, ids: dict[str, int]) -> pd.DataFrame:
    """The rows with the id of each one's centre (every code is in `ids`); a dict lookup a row costs half of
    Series.map here."""
    return rows.assign(centre_id=np.fromiter(map(ids.__getitem__, rows["centre_code"]), np.int64, len(rows)))


def _centre_ids(codes, conn: Connection) -> dict[str, int]:
    centre = Centre.__table__
    ids: dict[str, int] = {}
    codes = list(codes)
    for start in range(0, len(codes), 1000):
        chunk = codes[start : start + 1000]
        ids.update(conn.execute(select(centre.c.code, centre.c.id).where(centre.c.code.in_(chunk))).all())
    return ids


FACTS = DosesTable(
    DailyDose.__table__, KEY, "doses", stored_key=("date", "centre_id", "age_band", "dose_number", "vaccine")
)

EXAMPLE = ("2021-06-22", "Raipur", "RPR-PHC-01", "PHC Mana", "18-44", "1", "Covishield", "120")
"""The template's example row (data.imports.templates), a cell per column: it passes every check."""


DOSES = FileKind(
    code="doses",
    columns=COLUMNS,
    example=EXAMPLE,
    title="kinds.doses",
    table=FACTS.table,
    key=FACTS.table_key,
    values=(FACTS.value,),
    validate=validate,
    plan=FACTS.plan,
    write=FACTS.write,
    undo=FACTS.undo,
    collector_column="district",
    database_checks=database_checks,
)
