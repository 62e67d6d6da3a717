"""The Bulletin page: the note equals what `python -m data.bulletin` prints, in both languages, and so does the
download; the figures beside it are the app_db fixture's, worked out by hand.

On 22 June 2021 (the latest day, so the sidebar's default) the state gave 740 doses at 2 centres: RPR-1 700
(18-44, dose 1) and DRG-1 30 (60+, dose 1) + 10 (60+, precaution); RPR-2 and BST-1 sent nothing.
So far: 180 + 280 + 380 + 480 + 1,080 + 680 + 740 = 3,820 doses; first doses 2,800 (RPR-1) + 210 (DRG-1) + 500
(BST-1) = 3,510, second doses 6 × 50 = 300 (RPR-2), precaution 10. The record before 22 June is 1,080 on 20 June;
740 / 1,080 = 68.5% → 69%. 7-day average 3,820 / 7 = 545.7 (546 in the note). Stock: 12,000 received − 3,820
given = 8,180; 8,180 / 545.7 = 14.99 days → 14.9 (rounded down).
The note carries no data checks, and is the same for the officer and a collector.
"""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from data import bulletin as bulletin_cli
from data.read import quality as quality_reads
from stats import bulletin
from stats.quality import Flag
from tests.pages.conftest import LAST, open_page

PAGE = "bulletin"

STATE_EN = """Vaccination bulletin — Chhattisgarh, 22 June 2021

On 22 June 2021, 740 doses were given at 2 centres in Chhattisgarh. The total so far is 3,820.
First doses 730, second doses 0, precaution doses 10.
18–44 years: 700 first doses.
60+ years: 30 first doses, 10 precaution doses.
CoWIN reported 800 doses for the day.
Stock on hand: 8,180 doses, enough for 14 days at the 7-day average of 546 doses a day.
The record so far is 1,080 doses on 20 June 2021; this day reached 69% of it.
Source: the state's centre reports."""


@pytest.fixture
def downloads(monkeypatch) -> list[tuple[bytes, str, str | None]]:
    """Every file the app hands to Streamlit's media storage (download buttons): (data, mimetype, file name)."""
    saved: list[tuple[bytes, str, str | None]] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        saved.append((path_or_data, mimetype, filename))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return saved


def cli_note(capsys, *args: str) -> str:
    """What `python -m data.bulletin ARGS` prints (DATABASE_URL is the fixture's), without print's newline."""
    assert bulletin_cli.main(list(args)) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n")
    return out[:-1]


def note_file(downloads: list, name: str) -> bytes:
    files = [data for data, _, file_name in downloads if file_name == name]
    assert files, [file_name for _, _, file_name in downloads]
    return files[-1]


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_the_state_note_for_the_sidebar_day_is_the_cli_note(app_db, capsys, downloads, lang) -> None:
    app = open_page(PAGE, lang=lang)
    expected = cli_note(capsys, "--date", "2021-06-22", "--lang", lang)
    assert [c.value for c in app.code] == [expected]
    assert app.date_input(key="bulletin_day").value == LAST
    assert app.radio(key="bulletin_lang").value == lang
    assert note_file(downloads, f"bulletin-2021-06-22-STATE-{lang}.txt") == expected.encode("utf-8")


def test_the_english_note_states_the_hand_worked_figures(app_db) -> None:
    app = open_page(PAGE)
    assert app.code[0].value == STATE_EN


def a_flag_for_every_area(day, area, frames) -> list[Flag]:
    """A data check of Raipur's centres and one of Durg's on the day, whatever the data (stands in for the rules)."""
    return [Flag(code, day, "missing_centres", {}, f"Check {code}.", f"{code} जाँचें।") for code in ("DRG", "RPR")]


@pytest.mark.parametrize(("area", "lang"), [("STATE", "en"), ("RPR", "hi"), ("STATE", "hi")])
def test_the_note_is_the_same_for_the_officer_and_a_collector(app_db, monkeypatch, downloads, area, lang) -> None:
    monkeypatch.setattr(quality_reads, "flags_from_frames", a_flag_for_every_area)
    notes = []
    for user in ("officer.test", "collector.rpr"):
        app = open_page(PAGE, user=user)
        app.selectbox(key="bulletin_area").set_value(area)
        app.radio(key="bulletin_lang").set_value(lang)
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        notes.append(note_file(downloads, f"bulletin-2021-06-22-{area}-{lang}.txt"))
        assert [c.value.encode("utf-8") for c in app.code] == [notes[-1]]
    officer, collector = notes
    assert officer == collector  # byte for byte
    assert b"Check" not in officer and "जाँच".encode() not in officer  # no data checks in a press note


@pytest.mark.parametrize(
    ("day", "area", "lang", "cli_args"),
    [
        (date(2021, 6, 21), "RPR", "en", ("--date", "2021-06-21", "--district", "Raipur")),
        (date(2021, 6, 21), "RPR", "hi", ("--date", "2021-06-21", "--district", "रायपुर", "--lang", "hi")),
        (date(2021, 6, 22), "DRG", "hi", ("--date", "2021-06-22", "--district", "Durg", "--lang", "hi")),
        (date(2021, 6, 20), "BST", "en", ("--date", "2021-06-20", "--district", "Bastar")),
        (date(2021, 6, 16), "STATE", "hi", ("--date", "2021-06-16", "--lang", "hi")),
    ],
    ids=["raipur-21-en", "raipur-21-hi", "durg-22-hi-precaution", "bastar-20-en-one-day", "state-first-day-hi"],
)
def test_a_chosen_day_area_and_language_give_the_cli_note(app_db, capsys, downloads, day, area, lang, cli_args) -> None:
    app = open_page(PAGE)  # the page in English; the note's language is chosen on its own
    app.date_input(key="bulletin_day").set_value(day)
    app.selectbox(key="bulletin_area").set_value(area)
    app.radio(key="bulletin_lang").set_value(lang)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    expected = cli_note(capsys, *cli_args)
    assert [c.value for c in app.code] == [expected]
    assert note_file(downloads, f"bulletin-{day.isoformat()}-{area}-{lang}.txt") == expected.encode("utf-8")
    assert app.title[0].value == "Daily bulletin"


@pytest.mark.parametrize(
    ("lang", "first", "some"),
    [("en", "Chhattisgarh", ("Raipur", "Durg", "Bastar")), ("hi", "छत्तीसगढ़", ("रायपुर", "दुर्ग", "बस्तर"))],
    ids=["en", "hi"],
)
def test_the_area_selector_lists_the_state_then_the_28_districts_of_2021(app_db, lang, first, some) -> None:
    area = open_page(PAGE, lang=lang).selectbox(key="bulletin_area")
    assert len(area.options) == 29  # the five districts of September 2022 did not exist on 20 June 2021
    assert area.options[0] == first
    assert area.value == bulletin.STATE
    assert set(some) <= set(area.options[1:])
    assert area.options[1:] == sorted(area.options[1:])


def test_a_district_not_yet_formed_on_the_day_gives_way_to_its_parent(app_db) -> None:
    app = open_page(PAGE, bulletin_area="SBG")
    assert app.selectbox(key="bulletin_area").value == "RGH"


def test_the_date_defaults_to_the_sidebar_date(app_db) -> None:
    app = open_page(PAGE, as_of=date(2021, 6, 20))
    assert app.date_input(key="bulletin_day").value == date(2021, 6, 20)
    # 20 June: RPR-1 500, RPR-2 50, DRG-1 30, BST-1 500 = 1,080 at 4 centres, the highest so far (480 on 19 June).
    assert app.code[0].value.splitlines()[2] == (
        "On 20 June 2021, 1,080 doses were given at 4 centres in Chhattisgarh. The total so far is 2,400."
    )


def test_the_figures_and_the_band_table_are_the_fixtures(app_db, downloads) -> None:
    app = open_page(PAGE)
    figures, bands = (frame.value for frame in app.dataframe)
    assert dict(zip(figures["Figure"], figures["Value"], strict=True)) == {
        "Day": "22 June 2021",
        "Area": "Chhattisgarh",
        "Doses given that day": "740",
        "Centres reporting": "2",
        "First doses that day": "730",
        "Second doses that day": "0",
        "Precaution doses that day": "10",
        "Doses so far": "3,820",
        "First doses so far": "3,510",
        "Second doses so far": "300",
        "Precaution doses so far": "10",
        "Record day before this one": "20 June 2021",
        "Doses on that record day": "1,080",
        "7-day average (doses a day)": "545.7",
        "Stock on hand (doses)": "8,180",
        "Days the stock lasts at that pace": "14.9",
    }
    assert bands.to_dict("records") == [
        {"Age band": "18-44", "Dose": "First dose", "Doses": "700"},
        {"Age band": "60+", "Dose": "First dose", "Doses": "30"},
        {"Age band": "60+", "Dose": "Precaution dose", "Doses": "10"},
    ]
    csv = note_file(downloads, "bulletin-by-band-2021-06-22-STATE.csv").decode("utf-8-sig")
    assert csv.splitlines() == [
        "Age band,Dose,Doses",
        "18-44,First dose,700",
        "60+,First dose,30",
        "60+,Precaution dose,10",
    ]


def test_a_district_shows_its_own_figures(app_db) -> None:
    # Raipur by 22 June: RPR-1 2,800 + RPR-2 300 = 3,100 given; its store got 4,000 + 1,000, so 1,900 remain.
    app = open_page(PAGE)
    app.selectbox(key="bulletin_area").set_value("RPR").run()
    figures = app.dataframe[0].value
    values = dict(zip(figures["Figure"], figures["Value"], strict=True))
    assert (values["Doses so far"], values["Stock on hand (doses)"], values["Area"]) == ("3,100", "1,900", "Raipur")


def test_hindi_changes_every_label(app_db) -> None:
    app = open_page(PAGE, lang="hi")
    assert app.title[0].value == "दैनिक बुलेटिन"
    assert [s.value for s in app.subheader] == ["प्रेस नोट", "नोट के आँकड़े", "आयु वर्ग और खुराक के अनुसार खुराकें"]
    assert app.date_input(key="bulletin_day").label == "नोट का दिन"
    assert app.selectbox(key="bulletin_area").label == "क्षेत्र"
    radio = app.radio(key="bulletin_lang")
    assert (radio.label, radio.options) == ("नोट की भाषा", ["हिन्दी", "अंग्रेज़ी"])
    assert [b.label for b in app.get("download_button")] == [
        "नोट डाउनलोड करें (.txt)",
        "CSV डाउनलोड करें",
        "एक्सेल डाउनलोड करें (.xlsx)",
    ]
    figures, bands = (frame.value for frame in app.dataframe)
    assert list(figures.columns) == ["आँकड़ा", "मान"]
    assert figures["आँकड़ा"].iloc[0] == "दिन"
    assert figures["मान"].iloc[0] == "22 जून 2021"
    assert figures["मान"].iloc[11:13].to_list() == ["20 जून 2021", "1,080"]  # the record day, its doses
    assert list(bands.columns) == ["आयु वर्ग", "खुराक", "खुराकें"]
    assert bands["खुराक"].to_list() == ["पहली खुराक", "पहली खुराक", "एहतियाती खुराक"]


@pytest.mark.parametrize(
    ("lang", "lead"),
    [
        ("en", "No doses were reported in Bastar on 22 June 2021. The total so far is 500."),
        ("hi", "बस्तर में 22 जून 2021 को कोई खुराक दर्ज नहीं हुई। अब तक कुल 500 खुराकें दी जा चुकी हैं।"),
    ],
    ids=["en", "hi"],
)
def test_an_area_silent_that_day_gets_a_note_of_no_doses(app_db, lang, lead) -> None:
    app = open_page(PAGE, lang=lang)
    app.selectbox(key="bulletin_area").set_value("BST").run()
    assert not app.exception
    assert app.code[0].value.splitlines()[2] == lead


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "No doses have been imported yet."), ("hi", "अभी तक कोई खुराक आयात नहीं हुई है।")],
    ids=["en", "hi"],
)
def test_an_empty_database_gets_a_message(empty_app_db, lang, message) -> None:
    app = open_page(PAGE, lang=lang)
    assert [i.value for i in app.info] == [message]
    assert not app.code
