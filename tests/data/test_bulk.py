"""Bulk inserts write exactly what they are given on both backends, awkward characters included."""

from __future__ import annotations

from datetime import UTC, date, datetime

import psycopg
import pytest
from sqlalchemy import Connection, func, insert, select
from sqlalchemy.exc import IntegrityError

from data.bulk import bulk_load, insert_columns
from data.models import Centre, DailyDose, ImportBatch, PublishedValue


def test_insert_columns_round_trips_dates_text_and_big_numbers(engine) -> None:
    metrics = ["plain", "tab\there", "back\\slash", "new\nline", "हिन्दी"]
    with engine.begin() as conn:
        batch_id = conn.execute(
            insert(ImportBatch.__table__)
            .values(kind="series", file_name="f", sha256="0" * 64, imported_by="t", imported_at=datetime.now(UTC))
            .returning(ImportBatch.__table__.c.id)
        ).scalar_one()
        count = insert_columns(
            conn,
            PublishedValue.__table__,
            {
                "source": ["cowin"] * 5,
                "area": ["STATE"] * 5,
                "date": [date(2021, 6, 22)] * 5,
                "metric": metrics,
                "value": [0, 1, 2**40, 7_814_481, 109_353],
                "batch_id": [batch_id] * 5,
            },
        )
    assert count == 5
    table = PublishedValue.__table__
    with engine.connect() as conn:
        stored = dict(conn.execute(select(table.c.metric, table.c.value)).all())
        days = set(conn.execute(select(table.c.date)).scalars())
    assert stored == dict(zip(metrics, [0, 1, 2**40, 7_814_481, 109_353], strict=True))
    assert days == {date(2021, 6, 22)}


def test_insert_columns_with_no_rows_writes_nothing(engine) -> None:
    with engine.begin() as conn:
        assert insert_columns(conn, PublishedValue.__table__, {"source": [], "metric": []}) == 0


def test_insert_columns_refuses_columns_of_different_lengths(engine) -> None:
    with engine.begin() as conn, pytest.raises(ValueError, match="different lengths"):
        insert_columns(conn, PublishedValue.__table__, {"source": ["a", "b"], "metric": ["a"]})


def _batch_and_centre(conn: Connection) -> tuple[int, int]:
    batch = ImportBatch.__table__
    batch_id = conn.execute(
        insert(batch)
        .values(kind="doses", file_name="f", sha256="0" * 64, imported_by="t", imported_at=datetime.now(UTC))
        .returning(batch.c.id)
    ).scalar_one()
    centre = Centre.__table__
    values = {"code": "C1", "name": "One", "district_code": "BST", "active": True}
    return batch_id, conn.execute(insert(centre).values(**values).returning(centre.c.id)).scalar_one()


def _doses(centre_ids: list[int], batch_id: int) -> dict[str, list]:
    count = len(centre_ids)
    return {
        "date": [date(2021, 6, 22)] * count,
        "centre_id": centre_ids,
        "age_band": ["18-44"] * count,
        "dose_number": list(range(1, count + 1)),
        "vaccine": ["COVAXIN"] * count,
        "doses": [5] * count,
        "batch_id": [batch_id] * count,
    }


def test_bulk_load_writes_the_rows_and_plans_for_them(engine) -> None:
    with engine.begin() as conn:
        batch_id, centre_id = _batch_and_centre(conn)
        with bulk_load(conn, DailyDose.__table__):
            assert insert_columns(conn, DailyDose.__table__, _doses([centre_id, centre_id], batch_id)) == 2
    with engine.connect() as conn:
        assert conn.execute(select(func.sum(DailyDose.__table__.c.doses))).scalar_one() == 10
        if engine.dialect.name == "postgresql":  # analysed: the planner knows the table's size
            estimate = "SELECT reltuples FROM pg_class WHERE relname = 'daily_dose'"
            assert conn.exec_driver_sql(estimate).scalar_one() == 2


def test_bulk_load_of_a_row_naming_no_centre_writes_nothing(engine) -> None:
    with engine.begin() as conn:
        batch_id, centre_id = _batch_and_centre(conn)
    refused = (IntegrityError, psycopg.errors.IntegrityError)  # COPY's error is psycopg's, not wrapped
    with pytest.raises(refused), engine.begin() as conn, bulk_load(conn, DailyDose.__table__):
        insert_columns(conn, DailyDose.__table__, _doses([centre_id, centre_id + 1], batch_id))
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(DailyDose.__table__)).scalar_one() == 0
