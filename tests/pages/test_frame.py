"""The frame (app.py): language switch, as-of date, freshness, navigation; empty database handled."""

from __future__ import annotations

from tests.pages.conftest import LAST, open_page


def test_sidebar_defaults_to_the_latest_day_and_says_how_fresh_the_data_is(app_db) -> None:
    app = open_page()
    (language,) = app.sidebar.radio
    (day,) = app.sidebar.date_input
    assert (language.value, day.value) == ("en", LAST)
    captions = [c.value for c in app.sidebar.caption]
    assert captions[0].startswith("Figures to 22 June 2021 · last import ") and captions[0].endswith(" IST")
    assert captions[1].startswith("Last import: ") and captions[1].endswith("by test-officer (upload.csv)")
    assert " IST by " in captions[1]  # India time, like every other time on the pages


def test_switching_to_hindi_relabels_the_frame(app_db) -> None:
    app = open_page()
    app.sidebar.radio[0].set_value("hi").run()
    assert not app.exception
    assert app.sidebar.date_input[0].label == "दिनांक"
    assert app.sidebar.caption[0].value.startswith("आँकड़े 22 जून 2021 तक · अंतिम आयात ")
    assert app.title[0].value == "राज्य अवलोकन"


def test_an_empty_database_shows_no_date_and_says_nothing_was_imported(empty_app_db) -> None:
    app = open_page()
    assert not app.sidebar.date_input
    assert [c.value for c in app.sidebar.caption] == ["No import yet", "Signed in as Test Officer (state officer)"]
