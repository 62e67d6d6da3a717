"""The certificate registry's rows (beneficiaries, vaccinations): what a valid file would change against the
stored rows, and the writing of it, with the history of corrected rows and the revocation of the certificates
of the people whose records were corrected.

Only hashes and last four digits of mobile and ID numbers ever reach this module (data.imports.registry).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Table, and_, bindparam, insert, select, update

from data.bulk import insert_columns
from data.imports.kind import Plan
from data.models import Certificate, CertificateRevocation, RegistryCorrection

CHUNK = 1000
"""Keys per IN (...) list: well inside SQLite's and PostgreSQL's limits on bound parameters."""


def chunks(values: Iterable) -> Iterable[list]:
    """The distinct values, sorted, in lists of at most CHUNK."""
    values = sorted(set(values))
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def select_by_reference(conn: Connection, query, column, ids: Iterable[str], names: list[str]) -> pd.DataFrame:
    """The rows of `query` whose `column` is one of `ids`, read CHUNK ids at a time, with these column names."""
    rows = [row for chunk in chunks(ids) for row in conn.execute(query.where(column.in_(chunk))).all()]
    return pd.DataFrame(rows, columns=names)


def _same(new: pd.Series, old: pd.Series, normalise: bool) -> np.ndarray:
    """Equal stored and new values; text to normalise compares in NFC (a file in another form is unchanged)."""
    new, old = new.to_numpy(dtype=object), old.to_numpy(dtype=object)
    if normalise:
        nfc = np.vectorize(lambda s: unicodedata.normalize("NFC", s) if isinstance(s, str) else s, otypes=[object])
        new, old = nfc(new), nfc(old)
    return np.array([a is not pd.NA and b is not pd.NA and a == b for a, b in zip(new, old, strict=True)], dtype=bool)


def _plain(value):
    """A plain Python value for a bound parameter (numpy integers are not adapted by every driver)."""
    return int(value) if isinstance(value, np.integer) else value


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else _plain(value)


def classify(
    typed: pd.DataFrame,
    stored: pd.DataFrame,
    key: list[str],
    groups: dict[str, tuple[str, ...]],
    normalised: tuple[str, ...] = (),
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """New rows, changed rows (with the old values as <column>_old and a "history" of the changed groups as
    (old, new) JSON), and the unchanged count. A group's values change together; `normalised` columns compare
    in NFC."""
    values = [c for group in groups.values() for c in group]
    merged = typed.merge(stored.rename(columns={c: f"{c}_old" for c in values}), on=key, how="left", indicator=True)
    is_new = (merged["_merge"] == "left_only").to_numpy()
    merged = merged.drop(columns="_merge")
    differs = {
        name: ~is_new & ~np.logical_and.reduce([_same(merged[c], merged[f"{c}_old"], c in normalised) for c in columns])
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


def revocations(conn: Connection, reference_ids: Iterable[str], reason: str) -> list[tuple[str, str]]:
    """Every not-yet-revoked certificate of these people, with the reason it will be revoked."""
    certificate, revocation = Certificate.__table__, CertificateRevocation.__table__
    query = (
        select(certificate.c.id)
        .select_from(certificate.outerjoin(revocation, revocation.c.certificate_id == certificate.c.id))
        .where(revocation.c.certificate_id.is_(None))
    )
    found = select_by_reference(conn, query, certificate.c.reference_id, reference_ids, ["id"])
    return [(certificate_id, reason) for certificate_id in sorted(found["id"])]


def write(table: Table, key: tuple[str, ...], columns: tuple[str, ...], plan: Plan, batch_id: int, conn: Connection):
    """Insert the new rows, replace the changed ones (`columns` as stored), keep their old values in the history
    and revoke the certificates."""
    if not plan.new.empty:
        data = {c: plan.new[c].tolist() for c in columns}
        insert_columns(conn, table, data | {"batch_id": [batch_id] * len(plan.new)})
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
