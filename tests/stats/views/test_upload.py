"""The Upload page's tables and texts (stats/upload_view.py): localised headers, Indian grouping, India time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from data.imports.problems import Problem
from data.imports.undo import UNDOABLE_FILE_KINDS
from data.read.workspace import HISTORY_COLUMNS
from stats.labels import LANGS
from stats.names import names_from_frames
from stats.views import upload as view

DISTRICTS = pd.DataFrame({"code": ["RPR", "DRG"], "name_en": ["Raipur", "Durg"], "name_hi": ["रायपुर", "दुर्ग"]})
HISTORY = pd.DataFrame(
    [
        [3, datetime(2021, 6, 22, 18, 45, tzinfo=UTC), "officer.test", "stock", "stock.xlsx", "c" * 64, 5, 0, 0,
         "committed"],
        [2, datetime(2021, 6, 22, 9, 0, tzinfo=UTC), "collector.rpr", "doses", "b.csv", "b" * 64, 109353, 7814481, 12,
         "undone"],
        [1, datetime(2021, 6, 21, 23, 0, tzinfo=UTC), "officer.test", "beneficiaries", "people.csv", "a" * 64, 3, 0,
         0, "committed"],
    ],
    columns=HISTORY_COLUMNS,
)  # fmt: skip


@dataclass
class Report:
    kind: str | None = "doses"
    rows: int = 109353
    new: int = 100000
    changed: int = 9353
    unchanged: int = 0
    new_centres: list[dict] = field(default_factory=lambda: [{"code": "RPR-3", "name": "PHC Arang", "district": "RPR"}])


@pytest.mark.parametrize(
    ("kind", "lang", "name"),
    [("doses", "en", "Daily doses"), ("stock", "hi", "स्टॉक की आवाजाही"), ("cowin_state", "en",
     "Published series: CoWIN, state"), (None, "en", "Unrecognised file"), ("nonsense", "hi", "अपरिचित फ़ाइल")],
    ids=["doses", "stock in Hindi", "a wide published layout", "none", "unknown kind"],
)  # fmt: skip
def test_kind_name(kind, lang: str, name: str) -> None:
    assert view.kind_name(kind, lang) == name


@pytest.mark.parametrize(
    ("moment", "text"),
    [(datetime(2021, 6, 22, 18, 45, tzinfo=UTC), "23 June 2021, 00:15"),
     (datetime(2021, 6, 22, 9, 0), "22 June 2021, 14:30"), (None, "")],
    ids=["utc to india across midnight", "naive is utc", "missing"],
)  # fmt: skip
def test_imported_at_text(moment, text: str) -> None:
    assert view.imported_at_text(moment) == text


def test_summary_metrics_use_indian_grouping() -> None:
    assert view.summary_metrics(Report()) == [
        ("Rows in the file", "1,09,353"),
        ("New rows", "1,00,000"),
        ("Changed rows", "9,353"),
        ("Unchanged rows", "0"),
        ("New centres", "1"),
    ]
    assert [name for name, _ in view.summary_metrics(Report(), "hi")][0] == "फ़ाइल की पंक्तियाँ"


def test_problem_table_in_both_languages() -> None:
    problems = [
        Problem(None, None, "doses.xls", "file_type"),
        Problem(12345, "doses", "-5", "non_negative"),
    ]
    english = view.problem_table(problems)
    assert english.values.tolist() == [
        ["", "", "doses.xls", "file_type", "'doses.xls' is not a CSV or XLSX file: upload a .csv or .xlsx file."],
        ["12,345", "doses", "-5", "non_negative", "'-5' is negative; counts cannot be below zero."],
    ]
    hindi = view.problem_table(problems, "hi")
    assert hindi.columns.tolist() == ["पंक्ति", "स्तंभ", "मान", "नियम", "संदेश"]
    assert hindi.iloc[1, 4] == "'-5' ऋणात्मक है; गिनती शून्य से कम नहीं हो सकती।"
    assert view.problem_table([]).columns.tolist() == ["Row", "Column", "Value", "Rule", "Message"]


@pytest.mark.parametrize(
    ("problems", "text"),
    [([Problem(3, "date", "x", "date_format"), Problem(3, "doses", "y", "count_format"),
       Problem(5, "doses", "z", "count_format")], "The file is refused whole: 2 of its rows break a rule"),
     ([Problem(4, "doses", "z", "count_format"), Problem(4, "date", "x", "date_format")],
      "The file is refused whole: 1 of its rows breaks a rule (listed below). Nothing was written. Correct it "),
     ([Problem(None, None, "stock", "kind_not_allowed")], "The file is refused whole (see below)")],
    ids=["rows counted once each", "one row in the singular", "the file as a whole"],
)  # fmt: skip
def test_rejected_text(problems, text: str) -> None:
    assert view.rejected_text(problems).startswith(text)


def test_new_centres_table_names_the_district() -> None:
    centres = Report().new_centres
    assert view.new_centres_table(centres, DISTRICTS).values.tolist() == [["RPR-3", "PHC Arang", "Raipur"]]
    assert view.new_centres_table(centres, DISTRICTS, "hi").values.tolist() == [["RPR-3", "PHC Arang", "रायपुर"]]


def test_history_table() -> None:
    table = view.history_table(HISTORY)
    assert table.columns.tolist() == [
        "Import", "When", "By", "Kind", "File", "New", "Changed", "Unchanged", "Status", "SHA-256"
    ]  # fmt: skip
    assert table.iloc[1].tolist() == [
        "#2", "22 June 2021, 14:30", "collector.rpr", "Daily doses", "b.csv", "1,09,353", "78,14,481", "12", "Undone",
        "b" * 64,
    ]  # fmt: skip
    hindi = view.history_table(HISTORY, "hi")
    assert hindi.iloc[0, 1] == "23 जून 2021, 00:15"
    assert hindi.iloc[0, 8] == "दर्ज"
    assert view.history_table(HISTORY.iloc[0:0]).empty


def test_undo_options_are_committed_imports_of_undoable_kinds() -> None:
    assert view.undo_options(HISTORY, UNDOABLE_FILE_KINDS) == {
        3: "#3 · stock.xlsx · Stock movements · 23 June 2021, 00:15 · officer.test"
    }
    assert view.undo_options(HISTORY.iloc[0:0], UNDOABLE_FILE_KINDS) == {}


@pytest.mark.parametrize("lang", LANGS)
def test_messages_fill_every_placeholder(lang: str) -> None:
    texts = [
        view.committed_text(4, 100000, 2, 0, lang),
        view.ready_text(100000, 2, lang),
        view.undone_text(4, 100000, 1, lang),
    ]
    assert all("{" not in text and "1,00,000" in text for text in texts)
    assert (
        view.committed_text(4, 100000, 2, 0)
        == "Committed as import #4. New rows: 1,00,000; changed rows: 2; unchanged rows: 0."
    )


@pytest.mark.parametrize(
    ("name", "download"),
    [("doses.csv", "problems-doses.csv"), ("my.doses.xlsx", "problems-my.doses.csv"), ("doses", "problems-doses.csv")],
    ids=["csv", "dots in the name", "no extension"],
)
def test_problems_file_name(name: str, download: str) -> None:
    assert view.problems_file_name(name) == download


def test_renamed_centres_table_names_the_district_and_both_names() -> None:
    import pandas as pd

    from stats.views.upload import renamed_centres_table

    districts = pd.DataFrame({"code": ["RPR"], "name_en": ["Raipur"], "name_hi": ["रायपुर"]})
    renamed = [{"code": "RPR-1", "district": "RPR", "old_name": "PHC Mana", "name": "PHC Mana Camp", "row": 12}]
    table = renamed_centres_table(renamed, districts, "hi")
    assert table.values.tolist() == [["12", "RPR-1", "रायपुर", "PHC Mana", "PHC Mana Camp"]]
    assert list(table.columns)[-2:] == ["अभी का नाम", "फ़ाइल में नाम"]


NAMES = names_from_frames(
    districts=pd.DataFrame({"code": ["RPR"], "name_en": ["Raipur"], "name_hi": ["रायपुर"]}),
    vaccines=pd.DataFrame({"code": ["COVAXIN"], "name_en": ["Covaxin"], "name_hi": ["कोवैक्सिन"]}),
    bands=pd.DataFrame(
        {"code": ["45-59"], "label_en": ["45–59 years"], "label_hi": ["45–59 वर्ष"], "min_age": [45], "max_age": [59],
         "sort_order": [1]}
    ),
    doses=pd.DataFrame({"number": [3], "label_en": ["Precaution dose"], "label_hi": ["एहतियाती खुराक"]}),
)  # fmt: skip
CHANGED = [
    {"row": 12, "date": date(2022, 3, 31), "district_code": "RPR", "centre_code": "RPR-1", "centre_name": "PHC Mana",
     "age_band": "45-59", "dose_number": 3, "vaccine": "COVAXIN", "old": 1200, "new": 125000},
]  # fmt: skip
MOVED = [
    {"row": 2, "date": date(2021, 6, 2), "vaccine": "COVAXIN", "from_store": "STATE", "to_store": "RPR",
     "reference": "ISS-1", "new": 800},
]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "lang", "expected"),
    [
        (CHANGED, "en", {"Row": "12", "Date": "31 March 2022", "District": "Raipur", "Centre code": "RPR-1",
                         "Centre": "PHC Mana", "Age band": "45–59 years", "Dose": "Precaution dose",
                         "Vaccine": "Covaxin", "Value now": "1,200", "Value in the file": "1,25,000"}),
        (CHANGED, "hi", {"पंक्ति": "12", "तारीख़": "31 मार्च 2022", "ज़िला": "रायपुर", "केंद्र कोड": "RPR-1",
                         "केंद्र": "PHC Mana", "आयु वर्ग": "45–59 वर्ष", "खुराक": "एहतियाती खुराक",
                         "टीका": "कोवैक्सिन", "अभी का मान": "1,200", "फ़ाइल में मान": "1,25,000"}),
        (MOVED, "en", {"Row": "2", "Date": "2 June 2021", "Vaccine": "Covaxin", "From": "State store", "To": "Raipur",
                       "Reference": "ISS-1", "Value in the file": "800"}),
    ],
    ids=["changed-en", "changed-hi", "new-stock"],
)  # fmt: skip
def test_listed_rows_table_names_every_code(rows, lang: str, expected: dict) -> None:
    table = view.listed_rows_table(rows, NAMES, lang)
    assert table.iloc[0].to_dict() == expected
    values = [c for c in expected if c in ("Value now", "Value in the file", "अभी का मान", "फ़ाइल में मान")]
    assert table.columns.tolist()[1 : 1 + len(values)] == values  # right after the row: a phone shows them


@pytest.mark.parametrize(
    ("listed", "total", "note"),
    [(3, 3, ""), (100, 1_234, "The first 100 of 1,234 rows are listed; the counts above cover them all.")],
    ids=["all listed", "capped"],
)
def test_listed_note(listed: int, total: int, note: str) -> None:
    assert view.listed_note(listed, total) == note


def test_template_columns_table() -> None:
    table = view.template_columns_table(("date", "doses"), ("2021-06-22", "120"), "hi")
    assert table.columns.tolist() == ["स्तंभ", "इसमें क्या हो", "उदाहरण"]
    assert table.values.tolist()[1][0::2] == ["doses", "120"]
    assert table.values.tolist()[1][1].startswith("दी गई खुराकें")
