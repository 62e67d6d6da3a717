"""What the Bulletin page shows beside the note (stats.views.bulletin) and the area helpers of stats.bulletin."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from stats.bulletin import STATE, Area, BulletinFigures, area_for, areas, reports_on
from stats.views.bulletin import area_name, band_dose_table, band_table_file_name, figures_table, note_file_name
from tests.stats import master_names

MASTER_NAMES = master_names()

DAY = date(2021, 6, 22)
NAMES = pd.DataFrame(
    {
        "code": ["BST", "DRG", "RPR"],
        "name_en": ["Bastar", "Durg", "Raipur"],
        "name_hi": ["बस्तर", "दुर्ग", "रायपुर"],
    }
)

# The state press note of 22 June 2021: 1,09,353 doses; 78,14,481 so far.
FIGURES = BulletinFigures(
    date=DAY,
    area=STATE,
    area_name_en="Chhattisgarh",
    area_name_hi="छत्तीसगढ़",
    doses=1_09_353,
    centres=1_234,
    cumulative_doses=78_14_481,
    first_doses=92_857,
    second_doses=16_496,
    precaution_doses=0,
    cumulative_first_doses=63_00_000,
    cumulative_second_doses=15_14_481,
    cumulative_precaution_doses=0,
    by_age_band_and_dose=[
        {"age_band": "45-59", "dose_number": 2, "doses": 9_606},
        {"age_band": "18-44", "dose_number": 1, "doses": 85_967},
        {"age_band": "45-59", "dose_number": 1, "doses": 6_890},
        {"age_band": "18-44", "dose_number": 2, "doses": 6_890},
    ],
    record_day={"date": date(2021, 6, 21), "doses": 1_20_000},
    average_7d=1_02_345.67,
    stock_on_hand=12_34_567,
    days_of_cover=12.06,
)


@pytest.mark.parametrize(
    ("figures", "lang", "expected"),
    [
        (
            FIGURES,
            "en",
            {
                "Day": "22 June 2021",
                "Area": "Chhattisgarh",
                "Doses given that day": "1,09,353",
                "Centres reporting": "1,234",
                "First doses that day": "92,857",
                "Second doses that day": "16,496",
                "Precaution doses that day": "0",
                "Doses so far": "78,14,481",
                "First doses so far": "63,00,000",
                "Second doses so far": "15,14,481",
                "Precaution doses so far": "0",
                "Record day before this one": "21 June 2021",
                "Doses on that record day": "1,20,000",
                "7-day average (doses a day)": "1,02,345.7",
                "Stock on hand (doses)": "12,34,567",
                "Days the stock lasts at that pace": "12.1",
            },
        ),
        (
            FIGURES,
            "hi",
            {
                "दिन": "22 जून 2021",
                "क्षेत्र": "छत्तीसगढ़",
                "उस दिन दी गई खुराकें": "1,09,353",
                "रिपोर्ट करने वाले केंद्र": "1,234",
                "उस दिन पहली खुराकें": "92,857",
                "उस दिन दूसरी खुराकें": "16,496",
                "उस दिन एहतियाती खुराकें": "0",
                "अब तक कुल खुराकें": "78,14,481",
                "अब तक पहली खुराकें": "63,00,000",
                "अब तक दूसरी खुराकें": "15,14,481",
                "अब तक एहतियाती खुराकें": "0",
                "इससे पहले का रिकॉर्ड दिन": "21 जून 2021",
                "उस रिकॉर्ड दिन की खुराकें": "1,20,000",
                "7 दिन का औसत (खुराक प्रतिदिन)": "1,02,345.7",
                "भंडार में खुराकें": "12,34,567",
                "उस गति पर भंडार कितने दिन चलेगा": "12.1",
            },
        ),
    ],
    ids=["en", "hi"],
)
def test_figures_table_lists_every_figure_labelled_and_grouped(figures, lang, expected) -> None:
    table = figures_table(figures, lang)
    assert len(table.columns) == 2
    assert dict(zip(*(table[c] for c in table.columns), strict=True)) == expected


@pytest.mark.parametrize(
    ("changes", "lang", "row", "value"),
    [
        ({"record_day": None}, "en", "Record day before this one", "—"),
        ({"record_day": None}, "en", "Doses on that record day", "—"),
        ({"stock_on_hand": None, "days_of_cover": None}, "en", "Stock on hand (doses)", "—"),
        ({"stock_on_hand": None, "days_of_cover": None}, "en", "Days the stock lasts at that pace", "—"),
        ({"days_of_cover": math.inf}, "en", "Days the stock lasts at that pace", "No doses given in the last 7 days"),
        ({"days_of_cover": math.inf}, "hi", "उस गति पर भंडार कितने दिन चलेगा", "पिछले 7 दिनों में कोई खुराक नहीं दी गई"),
        ({"days_of_cover": 0.0}, "en", "Days the stock lasts at that pace", "0.0"),
        ({"area": "RPR", "area_name_en": "Raipur", "area_name_hi": "रायपुर"}, "hi", "क्षेत्र", "रायपुर"),
    ],
    ids=[
        "first-day",
        "first-day-doses",
        "no-ledger-stock",
        "no-ledger-cover",
        "idle-en",
        "idle-hi",
        "stock-out",
        "district",
    ],
)
def test_figures_table_writes_missing_and_special_values(changes, lang, row, value) -> None:
    table = figures_table(replace(FIGURES, **changes), lang)
    labels, values = (table[c].to_list() for c in table.columns)
    assert values[labels.index(row)] == value


@pytest.mark.parametrize(
    ("lang", "formatted", "expected"),
    [
        (
            "en",
            True,
            {
                "Age band": ["18-44", "18-44", "45-59", "45-59"],
                "Dose": ["First dose", "Second dose", "First dose", "Second dose"],
                "Doses": ["85,967", "6,890", "6,890", "9,606"],
            },
        ),
        (
            "hi",
            True,
            {
                "आयु वर्ग": ["18-44", "18-44", "45-59", "45-59"],
                "खुराक": ["पहली खुराक", "दूसरी खुराक", "पहली खुराक", "दूसरी खुराक"],
                "खुराकें": ["85,967", "6,890", "6,890", "9,606"],
            },
        ),
        (
            "en",
            False,
            {
                "Age band": ["18-44", "18-44", "45-59", "45-59"],
                "Dose": ["First dose", "Second dose", "First dose", "Second dose"],
                "Doses": [85_967, 6_890, 6_890, 9_606],
            },
        ),
    ],
    ids=["en-screen", "hi-screen", "en-csv"],
)
def test_band_dose_table_orders_bands_youngest_first(lang, formatted, expected) -> None:
    table = band_dose_table(FIGURES, MASTER_NAMES, lang, formatted=formatted)
    assert table.to_dict("list") == expected


def test_band_dose_table_of_a_day_without_doses_is_empty_with_headers() -> None:
    table = band_dose_table(replace(FIGURES, by_age_band_and_dose=[]), MASTER_NAMES, "en", formatted=False)
    assert (list(table.columns), len(table)) == (["Age band", "Dose", "Doses"], 0)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (note_file_name(DAY, STATE, "hi"), "bulletin-2021-06-22-STATE-hi.txt"),
        (note_file_name(date(2021, 1, 5), "RPR", "en"), "bulletin-2021-01-05-RPR-en.txt"),
        (band_table_file_name(DAY, "DRG"), "bulletin-by-band-2021-06-22-DRG.csv"),
    ],
    ids=["state-hi", "district-en", "band-csv"],
)
def test_file_names(name, expected) -> None:
    assert name == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (STATE, Area(STATE, "Chhattisgarh", "छत्तीसगढ़")),
        ("DRG", Area("DRG", "Durg", "दुर्ग")),
    ],
    ids=["state", "district"],
)
def test_area_for(code, expected) -> None:
    assert area_for(code, NAMES) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["Chhattisgarh", "Bastar", "Durg", "Raipur"]),
        ("hi", ["छत्तीसगढ़", "दुर्ग", "बस्तर", "रायपुर"]),
    ],
    ids=["en", "hi"],
)
def test_areas_put_the_state_first_then_districts_by_name_in_the_language(lang, expected) -> None:
    listed = areas(NAMES, lang)
    assert [area_name(area, lang) for area in listed] == expected
    assert listed[0].code == STATE


@pytest.mark.parametrize(
    ("dates", "expected"),
    [([date(2021, 6, 21), DAY], True), ([date(2021, 6, 21)], False), ([], False)],
    ids=["reported", "silent", "no-history"],
)
def test_reports_on(dates, expected) -> None:
    frames = {"centres": pd.DataFrame({"date": dates, "centres": [1] * len(dates)}, columns=["date", "centres"])}
    assert reports_on(DAY, frames) is expected
