"""The published-figures sections (pages/_published.py) on a database holding only the three real files of
data/published/, run from a tiny script as the overview and district pace will call them.

Expected figures are worked out by hand from the CSV rows quoted beside them.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from data.imports.importer import import_path

FILES = ("cg_state_daily.csv", "cg_district_daily.csv", "cg_state_mohfw_daily.csv")

SCRIPT = """
import streamlit as st
from data.access import Context
from data.read.query import current_version
from pages._published import show_district_published, show_published

lang = st.session_state["lang"]
ctx = Context(version=current_version(), lang=lang)
call = st.session_state["call"]
if call[0] == "range":
    show_published(ctx, call[1], call[2], call[3], lang)
else:
    show_district_published(ctx, call[1], lang)
"""


def _import_real(engine, real_data_dir):
    for name in FILES:
        with Session(engine) as session:
            report = import_path(real_data_dir / name, session=session, user="test")
        assert report.status == "committed", report.problems
    return engine


@pytest.fixture
def real_app_db(empty_app_db, real_data_dir):
    """The app database (SQLite) with the three published files imported, and nothing else."""
    return _import_real(empty_app_db, real_data_dir)


@pytest.fixture
def any_real_app_db(any_empty_app_db, real_data_dir):
    """The same on SQLite and on PostgreSQL in turn."""
    return _import_real(any_empty_app_db, real_data_dir)


def run(*call, lang: str = "en") -> AppTest:
    app = AppTest.from_string(SCRIPT, default_timeout=60)
    app.session_state["lang"] = lang
    app.session_state["call"] = call
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def tables(app: AppTest) -> list:
    return [d.value for d in app.dataframe]


def texts(app: AppTest) -> str:
    parts = [m.value for m in app.markdown] + [c.value for c in app.caption] + [i.value for i in app.info]
    return "\n".join(parts + [e.label for e in app.expander])


def choose(app: AppTest, key: str) -> AppTest:
    """Pick what the section shows (its radio of the groups the source has for the dates)."""
    app.radio[0].set_value(key).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_state_range_shows_every_split_with_its_source(real_app_db) -> None:
    app = run("range", "STATE", date(2021, 6, 20), date(2021, 6, 30))
    assert [h.value for h in app.subheader] == ["What CoWIN published for these dates"]
    assert app.radio[0].options == [
        "Doses by vaccine",
        "Doses by age band (CoWIN's bands)",
        "Doses by gender",
        "People vaccinated by age band (CoWIN's bands)",
        "People vaccinated by gender",
        "Adverse events following immunisation (AEFI)",
        "Sessions and sites, as published",
    ]
    vaccine = tables(app)[0].set_index("What")
    # cg_state_daily.csv, Covaxin / CoviShield / Sputnik V: 19 June 2,35,332 / 61,39,897 / 0;
    # 30 June 6,68,560 / 77,84,554 / 231.
    assert vaccine.loc["Covishield", "Count in the range"] == "16,44,657"
    assert vaccine.loc["Covaxin", "Count in the range"] == "4,33,228"
    assert vaccine.loc["Sputnik V", "Count in the range"] == "231"
    assert vaccine.loc["Covishield", "Share"] == "79.1%"  # 16,44,657 ÷ 20,78,116
    assert "25 June 2021, 26 June 2021" in vaccine.loc["Covaxin", "Note"]  # the catch-up jumps are inside
    assert "No district figures after 25 April 2021" in texts(app)

    choose(app, "band")
    assert "CoWIN's age bands are its own" in texts(app)
    band = tables(app)[0]
    assert band.iloc[0]["What"] == "18–44 (CoWIN's band)"
    # Doses by band are published from 25 June: the split covers 26 to 30 June only, and says so.
    assert band.iloc[0]["Days covered"] == "26 June 2021 to 30 June 2021"
    assert "from 25 June 2021 to 29 September 2021" in band.iloc[0]["Note"]

    choose(app, "aefi")
    assert "AEFI reported, 20 June 2021 to 30 June 2021: 21 (CoWIN)." in texts(app)  # 564 on 19 June, 585 on 30 June

    choose(app, "counts")
    assert "implausible" in texts(app)
    assert tables(app)[0].iloc[0].to_dict() == {
        "Date": "20 June 2021",
        "What": "Sessions",
        "As published": "2,48,472",  # cg_state_daily.csv, Sessions on 20 June 2021
        "Note": "the day's count as published",
    }


def test_state_range_in_hindi(real_app_db) -> None:
    app = run("range", "STATE", date(2021, 3, 1), date(2021, 3, 20), lang="hi")
    assert [h.value for h in app.subheader] == ["इन तारीख़ों के लिए कोविन ने क्या प्रकाशित किया"]
    assert "कोविन इन्हें केवल 25 जून 2021 से 29 सितंबर 2021 तक प्रकाशित करता है" in texts(app)  # no doses by band yet
    assert "अविश्वसनीय" in texts(choose(app, "counts"))


def test_state_range_after_the_series_says_what_is_missing(real_app_db) -> None:
    app = run("range", "STATE", date(2021, 10, 1), date(2021, 10, 10))
    assert [i.value for i in app.info] == [
        "CoWIN published nothing for the state between 1 October 2021 and 10 October 2021."
    ]
    assert not app.dataframe and not app.radio
    assert "The figures of CoWIN end on 29 September 2021: nothing from it after that day." in texts(app)


def test_district_range(any_real_app_db) -> None:
    app = run("range", "BJR", date(2021, 4, 1), date(2021, 4, 10))
    assert [h.value for h in app.subheader] == ["What CoWIN (district series) published for these dates"]
    assert "CoWIN's district series has no age bands" in texts(app)
    assert app.radio[0].value == "vaccine"
    daily = tables(app)[1]
    # Bijapur's Covaxin: 79 on 3 April, 0 on 4 April — a correction, not −79 doses.
    row = daily[(daily["Date"] == "4 April 2021") & (daily["What"] == "Covaxin")].iloc[0]
    assert row["On the day"] == "—"
    assert row["Note"] == "correction: the cumulative fell by 79 (a recount, not a negative figure)"


def test_district_day_table(real_app_db) -> None:
    app = run("day", date(2021, 4, 4))
    table = tables(app)[0].set_index("District")
    assert len(table) == 28
    # Raipur, 3 → 4 April: first doses 1,60,612 → 2,11,250; sessions 31,400 as published.
    assert table.loc["Raipur", "First doses on the day"] == "50,638"
    assert table.loc["Raipur", "Sessions"] == "31,400"
    # Bijapur: second doses 10,196 → 9,478.
    assert table.loc["Bijapur", "Second doses on the day"] == "—"
    assert "Second doses on the day: correction, fell by 718" in table.loc["Bijapur", "Note"]
    assert app.get("download_button")


def test_district_day_table_in_hindi(real_app_db) -> None:
    app = run("day", date(2021, 3, 20), lang="hi")
    assert [h.value for h in app.subheader] == ["20 मार्च 2021 के लिए कोविन की ज़िला शृंखला"]
    table = tables(app)[0]
    assert len(table) == 28 and table.columns[1] == "उस दिन पहली खुराकें"
    assert any("ज़िलों का जोड़" in c.value for c in app.caption)  # the districts do not add up to the state then


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "No district figures for 22 June 2021: CoWIN's district series runs from 16 January 2021 to 25 April 2021.",
        ),
        ("hi", "22 जून 2021 के लिए ज़िलों के आँकड़े नहीं: कोविन की ज़िला शृंखला 16 जनवरी 2021 से 25 अप्रैल 2021 तक है।"),
    ],
    ids=["en", "hi"],
)
def test_district_day_after_the_series(real_app_db, lang, expected) -> None:
    app = run("day", date(2021, 6, 22), lang=lang)
    assert [i.value for i in app.info] == [expected]
    assert not app.dataframe
