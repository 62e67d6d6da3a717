"""What the Upload page shows: the preview's figures, the problems, new centres and import history as small
labelled tables in the user's language, and the texts of its messages.

Pure functions (no Streamlit, no I/O): pages/upload.py hands over what data.imports.uploads, data.imports.importer and
data.imports.undo return (read here through the few attributes it needs).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Protocol

import pandas as pd

from stats.formatting import india_time, indian_number, long_date
from stats.labels import CATALOGUE, t
from stats.names import Names, district_options

HISTORY_STATUSES = ("committed", "undone")
STORE_WORDS = ("STATE", "SUPPLIER", "WASTAGE", "ADJUSTMENT")
"""Stores that are not districts, named by the stock page's labels (stock.store_<code>)."""


class ProblemLike(Protocol):
    """What a data.imports.problems.Problem offers: where, what, which rule, and its message in a language."""

    row: int | None
    column: str | None
    value: str | None
    rule: str

    def message(self, lang: str = "en") -> str: ...


class ReportLike(Protocol):
    """The figures of a data.imports.importer.FileReport the page shows."""

    kind: str | None
    rows: int
    new: int
    changed: int
    unchanged: int
    new_centres: list[dict]


def kind_name(kind: str | None, lang: str = "en") -> str:
    """A file kind in words (an unknown or missing kind: "Unrecognised file")."""
    key = f"upload.kind_{kind}"
    return t(key if key in CATALOGUE else "upload.kind_unknown", lang)


def status_name(status: str, lang: str = "en") -> str:
    """An import's status in words."""
    return t(f"upload.status_{status}", lang) if status in HISTORY_STATUSES else status


def imported_at_text(moment: datetime | pd.Timestamp | None, lang: str = "en") -> str:
    """A UTC moment as the date and time of day in India: 22 June 2021, 14:05."""
    if moment is None or pd.isna(moment):
        return ""
    return india_time(moment, lang, zone=False)


def summary_metrics(report: ReportLike, lang: str = "en") -> list[tuple[str, str]]:
    """The preview's figures as (label, value): rows, new, changed, unchanged rows and new centres."""
    figures = (
        ("metric_rows", report.rows),
        ("metric_new", report.new),
        ("metric_changed", report.changed),
        ("metric_unchanged", report.unchanged),
        ("metric_new_centres", len(report.new_centres)),
    )
    return [(t(f"upload.{key}", lang), indian_number(value, lang)) for key, value in figures]


def problem_table(problems: Iterable[ProblemLike], lang: str = "en", *, formatted: bool = True) -> pd.DataFrame:
    """Every problem: row (the line in the file; empty for the file as a whole; a whole number when not formatted,
    for the downloads), column, value, rule and the message in the language."""
    problems = list(problems)
    rows = (
        [indian_number(p.row, lang) if p.row else "" for p in problems]
        if formatted
        else pd.array([p.row or None for p in problems], dtype="Int64")
    )
    return pd.DataFrame(
        {
            t("upload.col_row", lang): rows,
            t("upload.col_column", lang): [p.column or "" for p in problems],
            t("upload.col_value", lang): [p.value if p.value is not None else "" for p in problems],
            t("upload.col_rule", lang): [p.rule for p in problems],
            t("upload.col_message", lang): [p.message(lang) for p in problems],
        },
        dtype="object" if formatted else None,
    )


def new_centres_table(centres: Sequence[Mapping[str, str]], districts: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The centres a file creates: code, name and district (by name)."""
    names = district_options(districts, lang)
    return pd.DataFrame(
        {
            t("upload.col_centre_code", lang): [c["code"] for c in centres],
            t("upload.col_centre_name", lang): [c["name"] for c in centres],
            t("upload.col_district", lang): [names.get(c["district"], c["district"]) for c in centres],
        },
        dtype="object",
    )


def renamed_centres_table(
    centres: Sequence[Mapping[str, object]], districts: pd.DataFrame, lang: str = "en"
) -> pd.DataFrame:
    """Known centres the file names otherwise: row, code, district (by name), the stored name and the file's."""
    names = district_options(districts, lang)
    return pd.DataFrame(
        {
            t("upload.col_row", lang): [indian_number(int(c["row"]), lang) for c in centres],
            t("upload.col_centre_code", lang): [c["code"] for c in centres],
            t("upload.col_district", lang): [names.get(c["district"], c["district"]) for c in centres],
            t("upload.col_old_name", lang): [c["old_name"] for c in centres],
            t("upload.col_new_name", lang): [c["name"] for c in centres],
        },
        dtype="object",
    )


def _cell(column: str, value: object, names: Names, lang: str) -> str:
    """One key cell of a listed row in words: a date written out, districts, stores, vaccines, bands and doses by
    name."""
    if column == "date":
        return long_date(value, lang)
    if column in ("district_code", "area"):
        return names.district(str(value), lang)
    if column in ("from_store", "to_store"):
        return t(f"stock.store_{value}", lang) if value in STORE_WORDS else names.district(str(value), lang)
    if column == "vaccine":
        return names.vaccine(str(value), lang)
    if column == "age_band":
        return names.band(str(value), lang)
    if column == "dose_number":
        return names.dose(int(value), lang)
    return str(value)


def _column_label(column: str, lang: str) -> str:
    key = f"upload.key_{column}"
    return t(key, lang) if key in CATALOGUE else column


def listed_rows_table(rows: Sequence[Mapping[str, object]], names: Names, lang: str = "en") -> pd.DataFrame:
    """Changed or new rows of a preview (data.imports.importer.listed_rows): the line in the file, the value stored
    now (changed rows) and the file's value, grouped the Indian way, then the key in words. The values come first
    so that a phone shows them without scrolling the table sideways."""
    if not rows:
        return pd.DataFrame()
    keys = [c for c in rows[0] if c not in ("row", "old", "new")]
    table = {t("upload.col_row", lang): [indian_number(int(r["row"]), lang) for r in rows]}
    if "old" in rows[0]:
        table[t("upload.col_old_value", lang)] = [indian_number(int(r["old"]), lang) for r in rows]
    table[t("upload.col_new_value", lang)] = [indian_number(int(r["new"]), lang) for r in rows]
    for column in keys:
        table[_column_label(column, lang)] = [_cell(column, r[column], names, lang) for r in rows]
    return pd.DataFrame(table, dtype="object")


def listed_note(listed: int, total: int, lang: str = "en") -> str:
    """Under a capped list of rows: the first `listed` of `total` are shown ("" when all are)."""
    if listed >= total:
        return ""
    return t("upload.rows_capped", lang, listed=indian_number(listed, lang), total=indian_number(total, lang))


def template_columns_table(columns: Sequence[str], example: Sequence[str], lang: str = "en") -> pd.DataFrame:
    """A template's columns: the name as in the header, what it holds, and the example row's cell."""
    return pd.DataFrame(
        {
            t("upload.col_column", lang): list(columns),
            t("upload.col_holds", lang): [_column_help(c, lang) for c in columns],
            t("upload.col_example", lang): list(example),
        },
        dtype="object",
    )


def _column_help(column: str, lang: str) -> str:
    key = f"upload.column_{column}"
    return t(key, lang) if key in CATALOGUE else ""


def history_table(history: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The import history (data.imports.undo.import_history) with headers, kinds, statuses and times in the
    language and counts grouped the Indian way."""

    def counts(column: str) -> list[str]:
        return [indian_number(n, lang) for n in history[column]]

    return pd.DataFrame(
        {
            t("upload.col_id", lang): [f"#{n}" for n in history["id"]],
            t("upload.col_when", lang): [imported_at_text(m, lang) for m in history["imported_at"]],
            t("upload.col_who", lang): list(history["imported_by"]),
            t("upload.col_kind", lang): [kind_name(k, lang) for k in history["kind"]],
            t("upload.col_file", lang): list(history["file_name"]),
            t("upload.col_new", lang): counts("rows_new"),
            t("upload.col_changed", lang): counts("rows_changed"),
            t("upload.col_unchanged", lang): counts("rows_unchanged"),
            t("upload.col_status", lang): [status_name(s, lang) for s in history["status"]],
            t("upload.col_sha256", lang): list(history["sha256"]),
        },
        dtype="object",
    )


def undo_options(history: pd.DataFrame, undoable_kinds: Iterable[str], lang: str = "en") -> dict[int, str]:
    """The imports an officer may try to undo (committed, of an undoable kind), newest first: id -> label."""
    kinds = set(undoable_kinds)
    rows = history[(history["status"] == "committed") & history["kind"].isin(kinds)]
    return {
        int(row.id): t(
            "upload.undo_option",
            lang,
            id=int(row.id),
            file=row.file_name,
            kind=kind_name(row.kind, lang),
            when=imported_at_text(row.imported_at, lang),
            who=row.imported_by,
        )
        for row in rows.itertuples(index=False)
    }


def committed_text(batch_id: int, new: int, changed: int, unchanged: int, lang: str = "en") -> str:
    """The message after a commit."""
    return t(
        "upload.committed",
        lang,
        batch=batch_id,
        new=indian_number(new, lang),
        changed=indian_number(changed, lang),
        unchanged=indian_number(unchanged, lang),
    )


def ready_text(new: int, changed: int, lang: str = "en") -> str:
    """The message above the commit button."""
    return t("upload.ready", lang, new=indian_number(new, lang), changed=indian_number(changed, lang))


def rejected_text(problems: Iterable[ProblemLike], lang: str = "en") -> str:
    """Why nothing can be committed: how many rows break a rule (or that the file as a whole does)."""
    rows = {p.row for p in problems if p.row}
    if rows:
        key = "upload.rejected_one" if len(rows) == 1 else "upload.rejected"
        return t(key, lang, rows=indian_number(len(rows), lang))
    return t("upload.rejected_file", lang)


def undone_text(batch_id: int, restored: int, deleted: int, lang: str = "en") -> str:
    """The message after an undo."""
    return t(
        "upload.undone",
        lang,
        batch=batch_id,
        restored=indian_number(restored, lang),
        deleted=indian_number(deleted, lang),
    )


def problems_file_name(file_name: str) -> str:
    """The download name of a file's problem report: problems-<file>.csv."""
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    return f"problems-{stem}.csv"
