"""The Upload page (issue 14): every problem of a broken file in one preview, districts named in the user's
language, counts in sentences in the singular when there is one, changed rows with their old and new values, and a
template per kind of file the viewer may upload.

The database is app_db (tests/pages/conftest.py): RPR-1 (PHC Mana, Raipur) gave 700 doses on 22 June; DRG-1 (CHC
Patan) is Durg's.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import snapshot
from tests.files import doses_csv
from tests.pages.conftest import open_page
from tests.pages.test_upload_page import CORRECTION, metrics, texts, upload

RPR = {"date": "2021-06-22", "centre_code": "RPR-1", "centre_name": "PHC Mana"}
BROKEN = doses_csv(
    [
        {**RPR, "doses": "750"},  # line 2: good (a correction)
        {**RPR, "date": "31-06-2021"},  # 3: no such day
        {**RPR, "date": "2021-06-21", "doses": "-5"},  # 4: a negative count
        {"date": "2021-06-21", "district": "Atlantis", "centre_code": "ATL-1"},  # 5: no such district
        # 6: Durg's centre filed under Raipur, with a bad age band: the database's check used to wait for the cells
        {"date": "2021-06-21", "centre_code": "DRG-1", "centre_name": "CHC Patan", "age_band": "30-40"},
        {**RPR, "district": "Durg", "age_band": "45-59"},  # 7: line 2 files RPR-1 under Raipur
        {**RPR, "doses": "1"},  # 8: line 2's key again
    ]
)
EXPECTED = [
    ["3", "date", "31-06-2021", "date_invalid"],
    ["4", "doses", "-5", "non_negative"],
    ["5", "district", "Atlantis", "unknown_district"],
    ["6", "centre_code", "DRG-1", "centre_district"],
    ["6", "age_band", "30-40", "unknown_age_band"],
    ["7", "centre_code", "RPR-1", "centre_district"],
    ["8", "date", "", "duplicate_key"],
]
"""Counted by hand: 7 problems on 6 rows."""


def frame_with(app: AppTest, column: str):
    """The one dataframe that has this column."""
    (found,) = [d.value for d in app.dataframe if column in d.value.columns]
    return found


def test_every_problem_of_a_broken_file_in_one_preview(app_db) -> None:
    before = snapshot(app_db)
    app = upload(open_page("upload"), "broken.csv", BROKEN)
    problems = frame_with(app, "Rule")
    assert problems[["Row", "Column", "Value", "Rule"]].values.tolist() == EXPECTED
    messages = problems["Message"].tolist()
    assert messages[3] == "centre 'DRG-1' belongs to Durg, not to the district in this row."
    assert messages[5] == "centre 'RPR-1' belongs to Raipur, not to the district in this row."
    assert texts(app.error)[0].startswith("The file is refused whole: 6 of its rows break a rule")
    assert snapshot(app_db) == before


def test_districts_are_named_in_hindi(app_db) -> None:
    app = upload(open_page("upload", lang="hi"), "broken.csv", BROKEN)
    messages = frame_with(app, "नियम")["संदेश"].tolist()
    assert messages[3] == "केंद्र 'DRG-1' दुर्ग का है, इस पंक्ति के ज़िले का नहीं।"
    assert messages[5] == "केंद्र 'RPR-1' रायपुर का है, इस पंक्ति के ज़िले का नहीं।"


def test_a_collectors_broken_file_names_the_other_districts_centre(app_db) -> None:
    app = upload(open_page("upload", user="collector.rpr"), "broken.csv", BROKEN)
    problems = frame_with(app, "Rule")
    row6 = problems[problems["Row"] == "6"]
    assert row6["Rule"].tolist() == ["centre_not_allowed", "unknown_age_band"]
    assert row6["Message"].iloc[0] == (
        "centre 'DRG-1' belongs to Durg, not your district: you may upload rows of Raipur only."
    )


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "The file is refused whole: 1 of its rows breaks a rule (listed below). Nothing was written. Correct "
         "it and upload the file again."),
        ("hi", "पूरी फ़ाइल अस्वीकार है: उसकी 1 पंक्ति किसी नियम को तोड़ती है (नीचे सूची है)। कुछ नहीं लिखा गया। "
         "उसे सुधारकर फ़ाइल फिर से अपलोड करें।"),
    ],
    ids=["en", "hi"],
)  # fmt: skip
def test_one_bad_row_is_said_in_the_singular(app_db, lang: str, sentence: str) -> None:
    app = upload(open_page("upload", lang=lang), "one.csv", doses_csv([{**RPR, "doses": "x"}]))
    assert texts(app.error) == [sentence]


def test_changed_rows_are_listed_with_old_and_new_values(app_db) -> None:
    app = upload(open_page("upload"), "correction.csv", CORRECTION)
    assert metrics(app)["Changed rows"] == "1"
    changed = frame_with(app, "Value now")
    assert changed.columns.tolist() == [
        "Row", "Value now", "Value in the file", "Date", "District", "Centre code", "Centre", "Age band", "Dose",
        "Vaccine",
    ]  # fmt: skip
    assert changed.values.tolist() == [
        ["2", "700", "750", "22 June 2021", "Raipur", "RPR-1", "PHC Mana", "18–44 years", "First dose", "Covishield"]
    ]
    new = [d.value for d in app.dataframe if "Value in the file" in d.value.columns and "Value now" not in d.value]
    assert [row[0] for row in new[0].values.tolist()] == ["3"]
    assert new[0]["Value in the file"].tolist() == ["60"]


def test_changed_rows_in_hindi(app_db) -> None:
    app = upload(open_page("upload", lang="hi"), "correction.csv", CORRECTION)
    changed = frame_with(app, "अभी का मान")
    assert changed.iloc[0][["ज़िला", "टीका", "अभी का मान", "फ़ाइल में मान"]].tolist() == [
        "रायपुर",
        "कोविशील्ड",
        "700",
        "750",
    ]


def template_buttons(app: AppTest) -> list[str]:
    return [b.proto.label for b in app.get("download_button") if str(b.proto.id).count("upload-template-")]


@pytest.mark.parametrize(
    ("user", "labels"),
    [
        ("collector.rpr", ["Download the template: Daily doses (CSV)"]),
        (
            "officer.test",
            [
                "Download the template: Daily doses (CSV)",
                "Download the template: Registry: beneficiaries (CSV)",
                "Download the template: Registry: vaccinations (CSV)",
                "Download the template: Stock movements (CSV)",
                "Download the template: Published series (CSV)",
            ],
        ),
    ],
    ids=["collector", "officer"],
)
def test_templates_for_the_kinds_the_viewer_may_upload(app_db, user: str, labels: list[str]) -> None:
    app = open_page("upload", user=user)
    app.run()
    assert not app.exception
    assert template_buttons(app) == labels
    columns = [table.value for table in app.table if "What it holds" in table.value.columns]
    assert len(columns) == len(labels)
    columns = columns[0]  # daily doses first
    assert columns.index.tolist()[:3] == ["date", "district", "centre_code"]
    assert columns["Example"].tolist()[:2] == ["2021-06-22", "Raipur"]
    assert (
        columns.loc["doses", "What it holds"] == "Doses given: a whole number, 1234 or 1,234 (at most 1,00,000 a row)."
    )
