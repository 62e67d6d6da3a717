"""The daily bulletin: figures and notes in both languages from a fixture database whose figures are known."""

from __future__ import annotations

import json

import pytest

from data import bulletin as bulletin_cli
from data.db import create_schema, make_engine
from stats import bulletin
from tests.files import doses_csv, run_import, stock_csv
from tests.stats import master_names

DOSES = [
    # 20 June: 1,500 doses at 2 centres (the record before 22 June).
    {"date": "2021-06-20", "centre_code": "RPR-1", "doses": "1,000"},
    {"date": "2021-06-20", "centre_code": "DRG-1", "district": "Durg", "age_band": "45+", "doses": "500"},
    # 21 June: 800 doses at 1 centre.
    {"date": "2021-06-21", "centre_code": "RPR-1", "doses": "800"},
    # 22 June: 92,857 + 6,890 + 6,932 + 8,929 = 1,15,608 doses at 3 centres.
    {"date": "2021-06-22", "centre_code": "RPR-1", "doses": "92,857"},
    {"date": "2021-06-22", "centre_code": "RPR-2", "dose_number": "2", "doses": "6,890"},
    {"date": "2021-06-22", "centre_code": "DRG-1", "district": "Durg", "age_band": "45+", "doses": "6,932"},
    {
        "date": "2021-06-22",
        "centre_code": "DRG-1",
        "district": "Durg",
        "age_band": "45+",
        "dose_number": "2",
        "doses": "8,929",
    },
]
STOCK = [
    {"date": "2021-06-01", "from_store": "SUPPLIER", "to_store": "STATE", "quantity": "5,00,000", "reference": "GRN-1"},
    {"date": "2021-06-02", "from_store": "STATE", "to_store": "Raipur", "quantity": "2,00,000", "reference": "ISS-1"},
    {"date": "2021-06-02", "from_store": "STATE", "to_store": "Durg", "quantity": "50,000", "reference": "ISS-2"},
]


@pytest.fixture
def bulletin_db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'bulletin.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = make_engine(url)
    create_schema(engine)
    assert run_import(engine, doses_csv(DOSES)).status == "committed"
    assert run_import(engine, stock_csv(STOCK)).status == "committed"
    yield engine
    engine.dispose()


def note(capsys, *args: str) -> tuple[int, str, str]:
    status = bulletin_cli.main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# Cumulative 1,500 + 800 + 1,15,608 = 1,17,908. Stock: 5,00,000 received − 1,17,908 given = 3,82,092.
# 7-day average on 22 June over the 3 days since data began: 1,17,908 / 3 = 39,302.7; cover 9.7 days → 9.
STATE_EN = """Vaccination bulletin — Chhattisgarh, 22 June 2021

On 22 June 2021, 1,15,608 doses were given at 3 centres in Chhattisgarh. The total so far is 1,17,908 (1.18 lakh).
First doses 99,789, second doses 15,819.
18–44 years: 92,857 first doses, 6,890 second doses.
45+ years: 6,932 first doses, 8,929 second doses.
Stock on hand: 3,82,092 doses, enough for 9 days at the 7-day average of 39,303 doses a day.
This is the highest daily figure so far; the previous record was 1,500 on 20 June 2021.
Source: the state's centre reports.
"""

STATE_HI = """टीकाकरण बुलेटिन — छत्तीसगढ़, 22 जून 2021

छत्तीसगढ़ में 22 जून 2021 को 3 केंद्रों पर 1,15,608 खुराकें दी गईं। अब तक कुल 1,17,908 (1.18 लाख) खुराकें दी जा चुकी हैं।
पहली खुराक 99,789, दूसरी खुराक 15,819।
18–44 वर्ष: पहली खुराक 92,857, दूसरी खुराक 6,890।
45+ वर्ष: पहली खुराक 6,932, दूसरी खुराक 8,929।
भंडार में 3,82,092 खुराकें हैं, जो 7 दिन के औसत (39,303 खुराक प्रतिदिन) पर 9 दिन चलेंगी।
यह अब तक का सर्वाधिक दैनिक आँकड़ा है; पिछला रिकॉर्ड 20 जून 2021 को 1,500 था।
स्रोत: राज्य की केंद्र रिपोर्ट।
"""

# Raipur: 1,000 + 800 + 99,747 = 1,01,547 given; its store got 2,00,000, so 98,453 remain.
# 7-day average 1,01,547 / 3 = 33,849; cover 2.9 days → 2. On 21 June it gave 800 of its 1,000 record (80%).
RAIPUR_21_EN = """Vaccination bulletin — Raipur, 21 June 2021

On 21 June 2021, 800 doses were given at 1 centre in Raipur. The total so far is 1,800.
First doses 800, second doses 0.
18–44 years: 800 first doses.
Stock on hand: 1,98,200 doses, enough for 220 days at the 7-day average of 900 doses a day.
The record so far is 1,000 doses on 20 June 2021; this day reached 80% of it.
Source: the state's centre reports.
"""


# 21 June: DRG-1 reported on 20 June and not on 21 June; the note carries no data checks (the overview does).
STATE_21_HI = """टीकाकरण बुलेटिन — छत्तीसगढ़, 21 जून 2021

छत्तीसगढ़ में 21 जून 2021 को 1 केंद्र पर 800 खुराकें दी गईं। अब तक कुल 2,300 खुराकें दी जा चुकी हैं।
पहली खुराक 800, दूसरी खुराक 0।
18–44 वर्ष: पहली खुराक 800।
भंडार में 4,97,700 खुराकें हैं, जो 7 दिन के औसत (1,150 खुराक प्रतिदिन) पर 432 दिन चलेंगी।
अब तक का रिकॉर्ड 20 जून 2021 को 1,500 खुराकें है; आज का आँकड़ा उसका 53% रहा।
स्रोत: राज्य की केंद्र रिपोर्ट।
"""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--date", "2021-06-22"), STATE_EN),
        (("--date", "2021-06-21", "--lang", "hi"), STATE_21_HI),
        (("--date", "2021-06-22", "--lang", "hi"), STATE_HI),
        (("--date", "2021-06-21", "--district", "रायपुर"), RAIPUR_21_EN),
    ],
    ids=["state-en", "state-hi", "state-hi-22", "district-hindi-name"],
)
def test_note_states_the_known_figures(bulletin_db, capsys, args, expected) -> None:
    status, out, err = note(capsys, *args)
    assert (status, err) == (0, "")
    assert out == expected


def test_json_carries_the_figures_behind_the_note(bulletin_db, capsys) -> None:
    status, out, _ = note(capsys, "--date", "2021-06-22", "--district", "Raipur", "--json")
    assert status == 0
    figures = json.loads(out)
    assert figures == {
        "date": "2021-06-22",
        "area": "RPR",
        "area_name_en": "Raipur",
        "area_name_hi": "रायपुर",
        "doses": 99_747,
        "centres": 2,
        "cumulative_doses": 1_01_547,
        "first_doses": 92_857,
        "second_doses": 6_890,
        "precaution_doses": 0,
        "cumulative_first_doses": 94_657,
        "cumulative_second_doses": 6_890,
        "cumulative_precaution_doses": 0,
        "by_age_band_and_dose": [
            {"age_band": "18-44", "dose_number": 1, "doses": 92_857},
            {"age_band": "18-44", "dose_number": 2, "doses": 6_890},
        ],
        "record_day": {"date": "2021-06-20", "doses": 1_000},
        "average_7d": 33_849.0,
        "stock_on_hand": 98_453,
        "days_of_cover": 2.9,
        "stock_to_check": [],
        "source": "own",
        "status": "day",
        "note_en": "",
        "note_hi": "",
        "others": [],
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--date", "2021-06-25"),
            "No source has a figure for Chhattisgarh on 25 June 2021. Figures run from 20 June 2021 to 22 June 2021.",
        ),
        (("--date", "2021-06-22", "--district", "Atlantis"), "'Atlantis' is not a district of Chhattisgarh"),
    ],
    ids=["no-data-that-day", "unknown-district"],
)
def test_a_day_without_data_is_a_clear_message_and_exit_1(bulletin_db, capsys, args, message) -> None:
    status, out, err = note(capsys, *args)
    assert (status, out) == (1, "")
    assert message in err


def test_a_district_silent_on_a_day_the_state_reports_had_no_doses(bulletin_db, capsys) -> None:
    # Durg reported on 20 and 22 June, not on 21 June: within the reports' dates, a day of 0 doses.
    status, out, _ = note(capsys, "--date", "2021-06-21", "--district", "Durg")
    assert status == 0
    assert "No doses were reported in Durg on 21 June 2021. The total so far is 500." in out


@pytest.mark.parametrize(
    ("cover", "lang", "expected"),
    [
        (0.2, "en", "enough for less than a day at"),
        (1.9, "en", "enough for 1 day at"),
        (2.0, "en", "enough for 2 days at"),
        (0.2, "hi", "पर एक दिन से भी कम चलेंगी।"),
        (1.5, "hi", "पर 1 दिन चलेंगी।"),
    ],
    ids=["under-a-day", "one-day", "two-days", "hi-under-a-day", "hi-one-day"],
)
def test_days_of_cover_is_worded_for_one_and_less_than_one_day(cover, lang, expected) -> None:
    from datetime import date

    figures = bulletin.BulletinFigures(
        date=date(2021, 6, 22),
        area="BST",
        area_name_en="Bastar",
        area_name_hi="बस्तर",
        doses=100,
        centres=1,
        cumulative_doses=100,
        first_doses=100,
        second_doses=0,
        precaution_doses=0,
        cumulative_first_doses=100,
        cumulative_second_doses=0,
        cumulative_precaution_doses=0,
        by_age_band_and_dose=[{"age_band": "18-44", "dose_number": 1, "doses": 100}],
        record_day=None,
        average_7d=100.0,
        stock_on_hand=round(cover * 100),
        days_of_cover=cover,
    )
    assert expected in bulletin.render(figures, lang, names=master_names())


def test_without_any_stock_received_the_note_says_nothing_about_stock() -> None:
    from datetime import date

    import pandas as pd

    doses = pd.DataFrame({"date": [date(2021, 6, 22)], "age_band": ["18-44"], "dose_number": [1], "doses": [300]})
    centres = pd.DataFrame({"date": [date(2021, 6, 22)], "centres": [1]})
    # stock_on_hand with no movements: districts appear with only the doses they gave.
    stock = pd.DataFrame(
        {
            "store": ["RPR"],
            "vaccine": ["COVISHIELD"],
            "received": [0],
            "sent": [0],
            "administered": [300],
            "on_hand": [-300],
        }
    )
    area = bulletin.Area("STATE", "Chhattisgarh", "छत्तीसगढ़")
    figures = bulletin.bulletin_figures(date(2021, 6, 22), area, doses, centres, stock, names=master_names())
    assert (figures.stock_on_hand, figures.days_of_cover) == (None, None)
    assert "Stock" not in bulletin.render(figures, "en", names=master_names())


@pytest.mark.parametrize(
    ("args", "error", "message_hi"),
    [
        (
            ("--date", "2021-06-25"),
            "no_figures",
            "25 जून 2021 को छत्तीसगढ़ के लिए किसी स्रोत में आँकड़ा नहीं है। आँकड़े 20 जून 2021 से 22 जून 2021 तक हैं।",
        ),
        (("--date", "2021-06-22", "--district", "Atlantis"), "unknown_district", "'Atlantis' छत्तीसगढ़ का ज़िला नहीं है।"),
    ],
    ids=["no-figures", "unknown-district"],
)
def test_errors_under_json_are_json_in_both_languages(bulletin_db, capsys, args, error, message_hi) -> None:
    status, out, err = note(capsys, *args, "--json")
    assert (status, err) == (1, "")
    answer = json.loads(out)
    assert answer["error"] == error and answer["message_hi"] == message_hi and answer["message"]


def test_errors_under_hindi_are_hindi(bulletin_db, capsys) -> None:
    status, out, err = note(capsys, "--date", "2021-06-22", "--district", "Atlantis", "--lang", "hi")
    assert (status, out) == (1, "")
    assert err == "'Atlantis' छत्तीसगढ़ का ज़िला नहीं है।\n"


def test_an_empty_database_says_nothing_has_been_imported(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    status, out, err = note(capsys, "--date", "2021-06-22", "--lang", "hi", "--json")
    assert status == 1 and json.loads(out)["message"] == (
        "No source has a figure for Chhattisgarh on 22 June 2021. Nothing has been imported yet."
    )
