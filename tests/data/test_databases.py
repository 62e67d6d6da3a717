"""data.databases on the test server: a database made as a copy of another (CREATE DATABASE … TEMPLATE, as
tests/bench/bench_import_pair.py copies a kept bench database) holds its rows, and is dropped with them."""

from __future__ import annotations

import secrets

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from data.databases import create_database, database_exists, drop_database, sibling_url
from data.db import make_engine
from data.models import District
from tests.conftest import postgres_database


@pytest.mark.postgres
@pytest.mark.usefixtures("_postgres_database")  # skipped, or failed when PostgreSQL is required, if unreachable
def test_a_database_made_from_a_template_holds_its_rows() -> None:
    with postgres_database("teeka_template_") as source:
        engine = make_engine(source)
        with engine.connect() as conn:
            districts = conn.execute(select(func.count()).select_from(District.__table__)).scalar_one()
        engine.dispose()  # a template must have no connection open
        assert districts > 0  # the schema's reference data
        copy = sibling_url(source, f"teeka_copy_{secrets.token_hex(4)}")
        create_database(copy, template=make_url(source).database)
        try:
            engine = make_engine(copy)
            with engine.connect() as conn:
                assert conn.execute(select(func.count()).select_from(District.__table__)).scalar_one() == districts
            engine.dispose()
        finally:
            drop_database(copy)
        assert not database_exists(copy)
