"""The public summary's figures and district table (stats.views.summary), worked by hand."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from stats.sources import empty_days
from stats.views.sources import day_notes
from stats.views.summary import district_table, headline, summary
from tests.stats import master_names

NAMES = master_names()

DAY = date(2021, 6, 30)


def _row(**values) -> pd.Series:
    """One standing figure (a days-frame row) with what the test does not care about filled in."""
    base = {
        "date": DAY,
        "source": "cowin",
        "area": "STATE",
        "doses": 1_49_462,
        "first": 1_20_000,
        "second": 29_462,
        "precaution": pd.NA,
        "cumulative": 84_19_708,
        "cumulative_first": 67_22_247,
        "cumulative_second": 16_97_461,
        "cumulative_precaution": pd.NA,
        "days": 1.0,
        "status": "day",
    }
    return pd.Series(base | values)


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            [
                ("Doses on the day", "1,49,462", "on 30 June 2021 · CoWIN"),
                ("All doses to date", "84,19,708", "84.20 lakh · up to 30 June 2021 · CoWIN"),
                ("First dose", "67,22,247", "up to 30 June 2021 · CoWIN"),
                ("Second dose", "16,97,461", "up to 30 June 2021 · CoWIN"),
                ("Precaution dose", "not published", "up to 30 June 2021 · CoWIN"),
            ],
        ),
        (
            "hi",
            [
                ("दिन की खुराकें", "1,49,462", "30 जून 2021 को · कोविन"),
                ("अब तक की कुल खुराकें", "84,19,708", "84.20 लाख · 30 जून 2021 तक · कोविन"),
                ("पहली खुराक", "67,22,247", "30 जून 2021 तक · कोविन"),
                ("दूसरी खुराक", "16,97,461", "30 जून 2021 तक · कोविन"),
                ("एहतियाती खुराक", "प्रकाशित नहीं", "30 जून 2021 तक · कोविन"),
            ],
        ),
    ],
)
def test_headline_names_the_source(lang, expected) -> None:
    figures = headline(_row(), DAY, NAMES, lang)
    assert [(f.label, f.value, f.when) for f in figures] == expected


def test_headline_of_a_correction_shows_no_doses_for_the_day_and_says_why() -> None:
    # 9 March 2021: CoWIN's cumulative fell by 83,734; the cumulative stands as published.
    row = _row(date=date(2021, 3, 9), doses=-83_734, first=-94_889, second=11_155, status="correction")
    row["cumulative"] = 9_05_112
    figures = headline(row, date(2021, 3, 9), NAMES, "en")
    assert (figures[0].value, figures[1].value) == ("—", "9,05,112")
    notes = day_notes(row, pd.DataFrame([row]), "en")
    assert notes == ["CoWIN: correction: the cumulative fell by 83,734 (a recount, not negative doses)"]


def test_day_notes_give_the_other_source_and_the_difference() -> None:
    cowin = _row(doses=1_25_214)
    mohfw = _row(source="mohfw", doses=1_10_143)
    assert day_notes(cowin, pd.DataFrame([cowin, mohfw]), "en") == [
        "Other sources for the day: the health ministry (MoHFW): 1,10,143 (−15,071)."
    ]


def test_headline_without_a_figure_for_the_day() -> None:
    figures = headline(None, DAY, NAMES, "en")
    assert [(f.label, f.value) for f in figures] == [("Doses on the day", "—"), ("All doses to date", "—")]


def _standing(area: str, source: str, first: int, second: int, precaution) -> dict:
    return _row(
        area=area, source=source, cumulative_first=first, cumulative_second=second, cumulative_precaution=precaution
    ).to_dict()


def test_district_table_of_own_reports_lists_every_district_and_names_the_source() -> None:
    standing = pd.DataFrame([_standing("RPR", "own", 1_000, 250, 0), _standing("DRG", "own", 0, 0, 10)])
    districts = pd.DataFrame(
        {"code": ["RPR", "DRG", "BLD"], "name_en": ["Raipur", "Durg", "Balod"], "name_hi": ["रायपुर", "दुर्ग", "बालोद"]}
    )
    targets = pd.DataFrame(
        {
            "district_code": ["RPR", "RPR", "DRG"],
            "age_band": ["18-44", "45-59", "60+"],
            "population": [8_000, 2_000, 500],
        }
    )
    # Raipur: first 1,000 of 10,000 = 10.0%; second 250 = 2.5%. Durg: precaution only. Balod: no report yet.
    table = district_table(standing, districts, targets, NAMES, "en")
    assert table.values.tolist() == [
        ["Balod", "0", "0", "0", "0", "—", "—", "State reports"],
        ["Durg", "10", "0", "0", "10", "0.0%", "0.0%", "State reports"],
        ["Raipur", "1,250", "1,000", "250", "0", "10.0%", "2.5%", "State reports"],
    ]
    plain = district_table(standing, districts, targets, NAMES, "hi", formatted=False)
    assert list(plain.columns)[0] == "ज़िला" and plain.iloc[2, 1:5].tolist() == [1250, 1000, 250, 0]
    assert plain.iloc[2, 5] == pytest.approx(10.0) and plain.iloc[2, 6] == pytest.approx(2.5)  # per cent
    assert list(plain.columns)[5].endswith("(%)")
    assert plain.columns[-1] == "स्रोत" and plain.iloc[0, -1] == "राज्य रिपोर्ट"


def test_district_table_of_the_cowin_district_series_lists_only_its_districts() -> None:
    standing = pd.DataFrame([_standing("RPR", "cowin_district", 2_000, 500, pd.NA)])
    districts = pd.DataFrame({"code": ["RPR", "DRG"], "name_en": ["Raipur", "Durg"], "name_hi": ["रायपुर", "दुर्ग"]})
    targets = pd.DataFrame({"district_code": ["RPR"], "age_band": ["18-44"], "population": [10_000]})
    table = district_table(standing, districts, targets, NAMES, "en")
    assert table.values.tolist() == [["Raipur", "2,500", "2,000", "500", "0", "20.0%", "5.0%", "CoWIN districts"]]


def _days(*rows: dict) -> pd.DataFrame:
    frame = pd.DataFrame([_row(**row).to_dict() | {"reported": True} for row in rows])
    return frame.astype({"first": "Int64", "second": "Int64", "precaution": "Int64", "cumulative": "Int64"})


DISTRICTS = pd.DataFrame(
    {
        "code": ["RPR", "DRG"],
        "name_en": ["Raipur", "Durg"],
        "name_hi": ["रायपुर", "दुर्ग"],
        "formed_on": [None, None],
        "parent_code": [None, None],
    }
)
TARGETS = pd.DataFrame({"district_code": ["RPR", "DRG"], "age_band": ["18-44", "18-44"], "population": [4_000, 1_000]})


def test_summary_of_a_day_is_built_from_the_days_frames_alone() -> None:
    """CoWIN on 29 and 30 June: 1,000 and 1,49,462 doses (cumulative 84,19,708 on the 30th); Raipur's district
    series 2,000 first and 500 second doses: 2,000 ÷ 4,000 = 50.0%, 500 ÷ 4,000 = 12.5%."""
    state = _days(
        {"date": date(2021, 6, 29), "doses": 1_000, "cumulative": 82_70_246},
        {"date": DAY},
    )
    districts = pd.DataFrame([_standing("RPR", "cowin_district", 2_000, 500, pd.NA) | {"reported": True}])
    built = summary(state, districts, NAMES, DISTRICTS, TARGETS, DAY, "en")
    assert [(c.label, c.value) for c in built.cards][:2] == [
        ("Doses on the day", "1,49,462"),
        ("All doses to date", "84,19,708"),
    ]
    assert built.has_state and built.has_figures
    assert len(built.daily_table) == 2  # the default range starts on the first day with a figure
    assert built.districts is not None
    raipur = ["Raipur", "2,500", "2,000", "500", "0", "50.0%", "12.5%", "CoWIN districts"]
    assert built.districts.values.tolist() == [raipur]
    assert built.districts_csv.decode().splitlines()[1] == "Raipur,2500,2000,500,0,50.0,12.5,CoWIN districts"


def test_summary_without_figures_says_there_is_nothing() -> None:
    built = summary(empty_days(), empty_days(), NAMES, DISTRICTS, TARGETS, DAY, "hi")
    assert [c.value for c in built.cards] == ["—", "—"]
    assert not built.has_state and not built.has_figures
    assert built.districts is None and built.districts_csv == b"" and built.daily_table.empty
