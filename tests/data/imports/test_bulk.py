"""Bulk inserts write exactly what they are given on both backends, awkward characters included."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import insert, select

from data.imports.bulk import insert_columns
from data.models import ImportBatch, PublishedValue


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
