"""The About page as the public (and staff), in English and Hindi: on a database holding only the three published
files (data/published/: 3,494 CoWIN state values 16 Jan – 29 Sep 2021, 28,000 district values 16 Jan – 25 Apr,
840 ministry values 16 Jan – 24 Oct; no own reports) and on an empty one."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from data.imports.importer import import_path
from tests.conftest import PUBLISHED_DIR
from tests.pages.conftest import open_page

FILES = ("cg_state_daily.csv", "cg_district_daily.csv", "cg_state_mohfw_daily.csv")


@pytest.fixture
def published_db(empty_app_db):
    for name in FILES:
        with Session(empty_app_db) as session:
            report = import_path(PUBLISHED_DIR / name, session=session, user="test-officer")
        assert report.status == "committed", report.problems
    return empty_app_db


def _about(lang: str = "en", user: str | None = None, **state):
    app = open_page("about", lang=lang, user=user, **state)
    assert not app.exception, [e.value for e in app.exception]
    return app


def _rows(app, index: int) -> list[list[str]]:
    return app.table[index].value.values.tolist()


def _text(app) -> str:
    return "\n".join(m.value for m in app.markdown) + "\n".join(c.value for c in app.caption)


def test_the_page_on_the_published_files(published_db) -> None:
    app = _about()
    assert app.title[0].value == "About the data"
    assert [h.value for h in app.subheader] == [
        "The sources",
        "Which source a figure is taken from",
        "How daily figures are worked out",
        "Oddities in the published figures",
        "What is synthetic in the demo",
        "When each source was last imported",
    ]
    assert [row[0] for row in _rows(app, 0)] == [
        "State's own centre reports",
        "CoWIN, district series",
        "CoWIN, state series",
        "Health ministry (MoHFW), state series",
    ]
    assert len(_rows(app, 1)) == 4  # the known jumps
    imports = _rows(app, 2)
    assert imports[0] == ["State's own centre reports", "never imported", "–", "–", "0"]
    assert [row[2:] for row in imports[1:]] == [
        ["16 January 2021", "25 April 2021", "28,000"],
        ["16 January 2021", "29 September 2021", "3,494"],
        ["16 January 2021", "24 October 2021", "840"],
    ]
    assert all(row[1].endswith(" IST") for row in imports[1:])
    text = _text(app)
    assert "covid19india.org volunteers" in text
    assert "1. the state's own centre reports" in text and "4. the health ministry's state series." in text
    assert "more than 4 times the median of the 14 regular days" in text
    assert "the ministry's figure for that day" in text  # the demo paragraph, always there
    assert not app.main.info  # not the demo database


def test_the_page_in_hindi(published_db) -> None:
    app = _about("hi")
    assert app.title[0].value == "आँकड़ों के बारे में"
    imports = _rows(app, 2)
    assert imports[0] == ["राज्य की अपनी केंद्र रिपोर्टें", "कभी आयात नहीं", "–", "–", "0"]
    assert imports[2][2:] == ["16 जनवरी 2021", "29 सितंबर 2021", "3,494"]
    assert "covid19india.org के स्वयंसेवकों" in _text(app)


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_an_empty_database(empty_app_db, lang) -> None:
    app = _about(lang)
    never = "never imported" if lang == "en" else "कभी आयात नहीं"
    assert [row[1:] for row in _rows(app, 2)] == [[never, "–", "–", "0"]] * 4
    assert len(app.table) == 3 and len(app.subheader) == 6


def test_the_demo_says_so(empty_app_db, monkeypatch) -> None:
    from data import demo

    monkeypatch.setattr(demo, "is_demo", lambda: True)
    app = _about(demo_checked=True)
    assert "You are looking at the demo database" in app.main.info[0].value


@pytest.mark.parametrize("user", ["officer.test", "collector.rpr"])
def test_staff_open_it_too(empty_app_db, user) -> None:
    app = _about(user=user)
    assert app.title[0].value == "About the data"
