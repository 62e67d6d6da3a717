"""AppTest of the landing page on a small database whose figures are known."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from data.db import create_schema, make_engine
from tests.files import doses_csv, run_import

APP = Path(__file__).resolve().parents[2] / "app.py"
ROWS = [
    # 21 June: 1,00,000 + 9,353 = 1,09,353 doses at two centres.
    {"date": "2021-06-21", "centre_code": "RPR-1", "dose_number": "1", "doses": "1,00,000"},
    {"date": "2021-06-21", "centre_code": "DRG-1", "district": "Durg", "dose_number": "2", "doses": "9,353"},
    # 22 June: 78,14,481 − 1,09,353 = 77,05,128 more, including 1,000 precaution doses.
    {"date": "2021-06-22", "centre_code": "RPR-1", "dose_number": "1", "doses": "77,04,128"},
    {"date": "2021-06-22", "centre_code": "RPR-1", "age_band": "60+", "dose_number": "3", "doses": "1000"},
]


@pytest.fixture
def app_db(tmp_path, monkeypatch):
    """A configured (non-demo) SQLite database with the rows above, and clean Streamlit caches."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = make_engine(url)
    create_schema(engine)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield engine
    st.cache_data.clear()
    st.cache_resource.clear()
    engine.dispose()


def run_app() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=30)
    app.run()
    assert not app.exception, app.exception
    return app


def test_home_shows_totals_with_indian_grouping(app_db) -> None:
    assert run_import(app_db, doses_csv(ROWS)).status == "committed"
    app = run_app()
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {
        "Total doses · कुल खुराकें": "78,14,481",
        "First doses · पहली खुराक": "78,04,128",
        "Second doses · दूसरी खुराक": "9,353",
        "Precaution doses · एहतियाती खुराक": "1,000",
    }
    text = " ".join(m.value for m in app.markdown)
    assert "Data as of 22 June 2021" in text and "22 जून 2021" in text
    assert any("upload.csv" in c.value for c in app.caption)


def test_home_without_data_says_so(app_db) -> None:
    app = run_app()
    assert not app.metric
    assert "No doses have been imported yet" in app.info[0].value


def test_an_import_refreshes_the_cached_totals(app_db) -> None:
    run_import(app_db, doses_csv(ROWS[:2]))
    app = run_app()
    assert app.metric[0].value == "1,09,353"
    run_import(app_db, doses_csv(ROWS))
    app.run()
    assert app.metric[0].value == "78,14,481"
