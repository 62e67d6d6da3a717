"""The database layer: URL choice, schema creation, and the constraints both backends enforce."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from data.db import DEFAULT_DB_PATH, create_schema, database_url
from data.models import AgeBand, Centre, DailyDose, District, DoseNumber, ImportBatch, Vaccine
from tests.conftest import snapshot, table_counts

# --- database_url ------------------------------------------------------------------------------


def test_database_url_defaults_to_the_embedded_sqlite_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert database_url() == f"sqlite:///{DEFAULT_DB_PATH}"
    assert DEFAULT_DB_PATH.name == "teeka.db"
    assert DEFAULT_DB_PATH.parent.name == "data"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u:p@db:5432/teeka", "postgresql+psycopg://u:p@db:5432/teeka"),
        ("postgres://u@db/teeka", "postgresql+psycopg://u@db/teeka"),
        ("postgresql+psycopg://u@db/teeka", "postgresql+psycopg://u@db/teeka"),
        ("sqlite:////srv/teeka.db", "sqlite:////srv/teeka.db"),
    ],
    ids=["postgresql", "postgres-alias", "already-psycopg", "sqlite-untouched"],
)
def test_database_url_from_environment(monkeypatch: pytest.MonkeyPatch, given: str, expected: str) -> None:
    monkeypatch.setenv("DATABASE_URL", given)
    assert database_url() == expected


def test_database_url_argument_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////elsewhere.db")
    assert database_url("postgresql://u@db/teeka") == "postgresql+psycopg://u@db/teeka"


# --- Schema ------------------------------------------------------------------------------------


def test_create_schema_seeds_reference_data(engine) -> None:
    counts = table_counts(engine)
    for table in ("district", "age_band", "dose_number", "vaccine"):
        assert counts[table] > 0, f"{table} not seeded"
    assert counts["daily_dose"] == 0


def test_create_schema_is_idempotent(engine) -> None:
    tables_before = sorted(inspect(engine).get_table_names())
    before = snapshot(engine)

    create_schema(engine)

    assert sorted(inspect(engine).get_table_names()) == tables_before
    assert snapshot(engine) == before


# --- Constraints -------------------------------------------------------------------------------


def test_centre_with_unknown_district_is_rejected(engine) -> None:
    with Session(engine) as session:
        session.add(Centre(code="C-NOWHERE", name="Nowhere PHC", district_code="NOWHERE"))
        with pytest.raises(IntegrityError):
            session.commit()
    assert table_counts(engine)["centre"] == 0


def _one_dose_row(session: Session) -> DailyDose:
    """A valid daily_dose row for the first seeded district, band, dose number and vaccine."""
    district = session.scalars(select(District.code).order_by(District.code)).first()
    band = session.scalars(select(AgeBand.code).order_by(AgeBand.code)).first()
    dose = session.scalars(select(DoseNumber.number).order_by(DoseNumber.number)).first()
    vaccine = session.scalars(select(Vaccine.code).order_by(Vaccine.code)).first()
    assert None not in (district, band, dose, vaccine), "reference data not seeded"
    centre = Centre(code="C-001", name="Test PHC", district_code=district)
    batch = ImportBatch(
        kind="daily_dose",
        file_name="t.csv",
        sha256="0" * 64,
        imported_by="test",
        imported_at=datetime(2021, 6, 22, tzinfo=UTC),
    )
    session.add_all([centre, batch])
    session.flush()
    return DailyDose(
        date=date(2021, 6, 22),
        centre_id=centre.id,
        age_band=band,
        dose_number=dose,
        vaccine=vaccine,
        doses=10,
        batch_id=batch.id,
    )


def test_daily_dose_natural_key_rejects_a_duplicate(engine) -> None:
    with Session(engine) as session:
        row = _one_dose_row(session)
        duplicate = row.model_dump() | {"doses": 99}
        session.add(row)
        session.commit()

        # A Core insert: the ORM would refuse the duplicate identity before the database sees it.
        with pytest.raises(IntegrityError):
            session.execute(DailyDose.__table__.insert().values(**duplicate))
        session.rollback()

    with Session(engine) as session:
        assert [r.doses for r in session.scalars(select(DailyDose))] == [10]


def test_daily_dose_rejects_negative_doses(engine) -> None:
    with Session(engine) as session:
        row = _one_dose_row(session)
        row.doses = -1
        session.add(row)
        with pytest.raises(IntegrityError):
            session.commit()
