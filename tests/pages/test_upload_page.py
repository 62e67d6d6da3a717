"""The Upload page through AppTest's file uploader: preview, commit, re-upload, refusals, history and undo.

The database is app_db (tests/pages/conftest.py): import #1 daily doses, #2 stock, #3 published series, all by
"test-officer". On 22 June the state gave 740 doses, RPR-1 (PHC Mana, Raipur) 700 of them.

CORRECTION changes RPR-1's 700 to 750 and adds a new centre, RPR-3, with 60 doses: 22 June becomes
740 + 50 + 60 = 850; undoing it gives 740 back.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from data.models import Centre, StateDoseRollup
from tests.conftest import snapshot
from tests.data.imports.test_uploads import BILLION_LAUGHS, GOOD_XLSX, SHEET, _with_part
from tests.files import doses_csv, stock_csv, to_xlsx
from tests.pages.conftest import open_page

D22 = date(2021, 6, 22)
CORRECTION = doses_csv(
    [
        {"date": "2021-06-22", "centre_code": "RPR-1", "centre_name": "PHC Mana", "doses": "750"},
        {"date": "2021-06-22", "centre_code": "RPR-3", "centre_name": "PHC Arang", "doses": "60"},
    ]
)
BAD = doses_csv(
    [
        {"date": "2021-06-22", "centre_code": "RPR-1", "centre_name": "PHC Mana", "doses": "750"},
        {"date": "31-06-2021", "centre_code": "RPR-1", "centre_name": "PHC Mana"},
        {"date": "2021-06-21", "centre_code": "RPR-1", "centre_name": "PHC Mana", "doses": "-5"},
        {"date": "2021-06-21", "district": "Atlantis", "centre_code": "ATL-1"},
    ]
)
DURG = {"district": "Durg", "centre_code": "DRG-1", "centre_name": "CHC Patan", "age_band": "60+"}
ALREADY = "Already imported: every row of this file is in the database with the same value. There is nothing to commit."
FACTS = ("daily_dose", "dose_rollup", "centre_rollup", "reporting_rollup", "state_dose_rollup", "month_dose_rollup")
DATA = (*FACTS, "centre", "stock_movement", "published_value", "import_batch", "correction")


def state_on(engine, day: date = D22) -> int:
    table = StateDoseRollup.__table__
    with engine.connect() as conn:
        return conn.execute(select(func.sum(table.c.doses)).where(table.c.date == day)).scalar_one()


def data_tables(engine, names=DATA) -> dict[str, list[tuple]]:
    everything = snapshot(engine)
    return {name: everything[name] for name in names}


def import_audit(engine) -> list[tuple]:
    """(action, actor, subject, counts) of the audit rows of imports, corrections and undos, oldest first."""
    everything = snapshot(engine)["audit_event"]  # id, at, actor, action, subject, counts, detail
    return [
        (row[3], row[2], row[4], json.loads(row[5]) if row[5] else None)
        for row in everything
        if row[3] in ("import", "correction", "undo")
    ]


def upload(app: AppTest, name: str, content: bytes) -> AppTest:
    mime = "text/csv" if name.endswith(".csv") else "application/octet-stream"
    uploader(app).set_value((name, content, mime))
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def table(app: AppTest, first_column: str):
    """The dataframe whose first column has this header."""
    return next(frame.value for frame in app.dataframe if frame.value.columns[0] == first_column)


def texts(elements) -> list[str]:
    return [element.value for element in elements]


def has_button(app: AppTest, key: str) -> bool:
    return any(button.key == key for button in app.button)


# --- Preview, commit, re-upload ----------------------------------------------------------------------------


def test_preview_commit_and_reupload_of_a_good_file(any_app_db) -> None:
    before = data_tables(any_app_db)
    app = upload(open_page("upload"), "correction.csv", CORRECTION)

    assert metrics(app) == {
        "Rows in the file": "2",
        "New rows": "1",
        "Changed rows": "1",
        "Unchanged rows": "0",
        "New centres": "1",
    }
    assert table(app, "Centre code").values.tolist() == [["RPR-3", "PHC Arang", "Raipur"]]
    assert "The file is valid. Committing it writes, in one step, new rows: 1; changed rows: 1." in texts(app.info)
    assert data_tables(any_app_db) == before  # a preview writes nothing

    app.button(key="upload-commit").click()
    app.run()
    assert not app.exception
    assert texts(app.success) == ["Committed as import #4. New rows: 1; changed rows: 1; unchanged rows: 0."]
    assert state_on(any_app_db) == 850
    # The uploader is empty again (a committed file does not stay in it, ready to be committed twice) ...
    assert uploader(app).value is None and not app.metric and not has_button(app, "upload-commit")
    # ... and the same file uploaded again is reported as already imported, with nothing to commit.
    after = data_tables(any_app_db)
    app = upload(app, "correction.csv", CORRECTION)
    assert metrics(app)["Unchanged rows"] == "2"
    assert metrics(app)["New rows"] == metrics(app)["Changed rows"] == "0"
    assert ALREADY in texts(app.info)
    assert not has_button(app, "upload-commit")
    assert data_tables(any_app_db) == after

    history = table(app, "Import")
    assert history.columns.tolist() == [
        "Import", "When", "By", "Kind", "File", "New", "Changed", "Unchanged", "Status", "SHA-256"
    ]  # fmt: skip
    assert history.iloc[0][["Import", "By", "Kind", "File", "New", "Changed", "Unchanged", "Status"]].tolist() == [
        "#4", "officer.test", "Daily doses", "correction.csv", "1", "1", "0", "Committed"
    ]  # fmt: skip
    assert history["Import"].tolist() == ["#4", "#3", "#2", "#1"]
    assert import_audit(any_app_db)[-2:] == [
        ("import", "officer.test", "import #4 correction.csv", {"new": 1, "changed": 1, "unchanged": 0}),
        ("correction", "officer.test", "import #4 correction.csv", {"changed": 1}),
    ]


def test_only_the_previewed_file_is_committed(app_db) -> None:
    """A click that arrives with another file than the one previewed commits nothing and previews the new one."""
    before = data_tables(app_db)
    app = upload(open_page("upload"), "correction.csv", CORRECTION)
    other = doses_csv([{"date": "2021-06-23", "centre_code": "RPR-1", "doses": "999"}])
    uploader(app).set_value(("other.csv", other, "text/csv"))
    app.button(key="upload-commit").click()
    app.run()
    assert texts(app.warning) == [
        "The file or the data changed since the preview: check the new preview before committing."
    ]
    assert not app.success
    assert data_tables(app_db) == before
    assert metrics(app)["Rows in the file"] == "1"  # the new file's preview
    app.button(key="upload-commit").click()
    app.run()
    assert texts(app.success) == ["Committed as import #4. New rows: 1; changed rows: 0; unchanged rows: 0."]
    assert state_on(app_db, date(2021, 6, 23)) == 999


def test_an_xlsx_file_is_previewed_like_a_csv(app_db) -> None:
    app = upload(open_page("upload"), "doses.xlsx", GOOD_XLSX)
    assert metrics(app)["New rows"] == "1"
    assert has_button(app, "upload-commit")


# --- Refusals -------------------------------------------------------------------------------------------------


def test_a_bad_file_is_refused_whole_with_its_row_report(app_db) -> None:
    before = data_tables(app_db)
    audited = import_audit(app_db)
    app = upload(open_page("upload"), "bad.csv", BAD)

    assert texts(app.error) == [
        "The file is refused whole: 3 of its rows break a rule (listed below). Nothing was written. Correct them "
        "and upload the file again."
    ]
    problems = table(app, "Row")
    assert problems.columns.tolist() == ["Row", "Column", "Value", "Rule", "Message"]
    assert problems.values.tolist() == [
        ["3", "date", "31-06-2021", "date_invalid", "'31-06-2021' is not a real calendar date."],
        ["4", "doses", "-5", "non_negative", "'-5' is negative; counts cannot be below zero."],
        ["5", "district", "Atlantis", "unknown_district",
         "'Atlantis' is not a district of the master list (English or Hindi name)."],
    ]  # fmt: skip
    assert metrics(app)["New rows"] == "0"
    assert not has_button(app, "upload-commit")
    assert data_tables(app_db) == before
    assert import_audit(app_db) == audited


def test_the_row_report_in_hindi(app_db) -> None:
    app = upload(open_page("upload", lang="hi"), "bad.csv", BAD)
    problems = table(app, "पंक्ति")
    assert problems.columns.tolist() == ["पंक्ति", "स्तंभ", "मान", "नियम", "संदेश"]
    assert problems.iloc[0].tolist() == [
        "3",
        "date",
        "31-06-2021",
        "date_invalid",
        "'31-06-2021' कैलेंडर की कोई वास्तविक तारीख़ नहीं है।",
    ]
    assert texts(app.error)[0].startswith("पूरी फ़ाइल अस्वीकार है: उसकी 3 पंक्तियाँ")


@pytest.mark.parametrize(
    ("name", "content", "rule"),
    [
        ("doses.xls", b"\xd0\xcf\x11\xe0" + bytes(60), "file_type"),
        ("doses.csv", b"date,doses\x00\x01\x02", "csv_not_text"),
        ("doses.xlsx", _with_part(GOOD_XLSX, SHEET, BILLION_LAUGHS), "xlsx_unsafe_xml"),
    ],
    ids=["wrong extension", "binary csv", "billion laughs"],
)
def test_an_unsafe_or_wrong_file_is_refused_before_it_is_read(app_db, name: str, content: bytes, rule: str) -> None:
    before = data_tables(app_db)
    app = upload(open_page("upload"), name, content)
    assert texts(app.error) == ["The file was refused before it was read: nothing was written."]
    assert table(app, "Row")["Rule"].tolist() == [rule]
    assert not app.metric and not has_button(app, "upload-commit")
    assert data_tables(app_db) == before


# --- A collector ------------------------------------------------------------------------------------------------


def test_a_collector_uploading_another_districts_rows_is_refused(app_db) -> None:
    before = data_tables(app_db)
    app = open_page("upload", user="collector.rpr")
    assert texts(app.caption)[0].startswith("Upload a daily-doses file of Raipur")
    app = upload(app, "mixed.csv", doses_csv([{"centre_code": "RPR-1", "centre_name": "PHC Mana"}, DURG]))
    assert table(app, "Row").values.tolist() == [
        ["3", "district", "Durg", "district_not_allowed", "'Durg' is not your district: you may upload rows of "
         "Raipur only."]
    ]  # fmt: skip
    assert not has_button(app, "upload-commit")
    app = upload(app, "stock.csv", stock_csv([{}]))
    assert table(app, "Row")["Rule"].tolist() == ["kind_not_allowed"]
    assert data_tables(app_db) == before


def test_a_collector_commits_their_own_district_and_sees_only_their_imports(app_db) -> None:
    app = open_page("upload", user="collector.rpr")
    assert texts(app.info) == ["No imports yet."]  # app_db's imports are test-officer's
    app = upload(app, "raipur.csv", doses_csv([{"date": "2021-06-23", "centre_code": "RPR-1", "doses": "1,250"}]))
    app.button(key="upload-commit").click()
    app.run()
    assert texts(app.success) == ["Committed as import #4. New rows: 1; changed rows: 0; unchanged rows: 0."]
    assert table(app, "Import")["Import"].tolist() == ["#4"]
    assert state_on(app_db, date(2021, 6, 23)) == 1250
    assert not any(form_button.key == "upload-undo-submit" for form_button in app.button)  # officers only
    assert import_audit(app_db)[-1] == (
        "import",
        "collector.rpr",
        "import #4 raipur.csv",
        {"new": 1, "changed": 0, "unchanged": 0},
    )


# --- Undo ---------------------------------------------------------------------------------------------------------


def undo(app: AppTest, batch_id: int, confirm: bool = True) -> AppTest:
    undo_choice(app).set_value(batch_id)
    app.checkbox(key="upload-undo-confirm").set_value(confirm)
    app.button(key="upload-undo-submit").click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_an_officer_undoes_an_import_and_the_totals_come_back(any_app_db) -> None:
    before = data_tables(any_app_db, FACTS)
    app = upload(open_page("upload"), "correction.csv", CORRECTION)
    app.button(key="upload-commit").click()
    app.run()
    assert state_on(any_app_db) == 850
    assert list(undo_choice(app).options)[0].startswith("#4 · correction.csv · Daily doses · ")
    # Nothing is chosen in advance (before, a choice made earlier stayed on another import after a commit).
    assert undo_choice(app).value is None
    app.checkbox(key="upload-undo-confirm").set_value(True)
    app.button(key="upload-undo-submit").click()
    app.run()
    assert texts(app.warning) == ["Choose the import to undo first."]

    # Not confirmed: nothing happens.
    app = undo(app, 4, confirm=False)
    assert texts(app.warning) == ["Tick the confirmation first."]
    assert state_on(any_app_db) == 850
    # Import #1 cannot go first: #4 changed one of its rows.
    app = undo(app, 1)
    assert texts(app.error) == [
        "Import #1 was not undone: a later import (#4) changed 1 of the rows import #1 wrote; undo that import first."
    ]
    assert state_on(any_app_db) == 850

    app = undo(app, 4)
    assert texts(app.success) == ["Import #4 is undone. Rows given their previous values back: 1; rows removed: 1."]
    assert state_on(any_app_db) == 740
    assert data_tables(any_app_db, FACTS) == before
    with any_app_db.connect() as conn:
        assert conn.execute(select(Centre.__table__.c.code).where(Centre.__table__.c.code == "RPR-3")).all()
    history = table(app, "Import")
    assert history.iloc[0][["Import", "Status"]].tolist() == ["#4", "Undone"]
    assert not any(option.startswith("#4 ") for option in undo_choice(app).options)
    assert import_audit(any_app_db)[-1] == (
        "undo",
        "officer.test",
        "import #4 correction.csv",
        {"restored": 1, "deleted": 1},
    )
    # The same file can be uploaded, previewed and committed again.
    app = upload(app, "correction.csv", CORRECTION)
    assert metrics(app)["New rows"] == "1" and has_button(app, "upload-commit")
    # The dashboard shows the day's total as it was before the import.
    app.switch_page("pages/overview.py")
    app.run()
    assert metrics(app)["Doses"] == "740"


def test_a_commit_refreshes_the_dashboard(app_db) -> None:
    app = open_page("overview")
    assert metrics(app)["Doses"] == "740"
    app.switch_page("pages/upload.py")
    app.run()
    app = upload(app, "correction.csv", CORRECTION)
    app.button(key="upload-commit").click()
    app.run()
    app.switch_page("pages/overview.py")
    app.run()
    assert metrics(app)["Doses"] == "850"


# --- Hindi ------------------------------------------------------------------------------------------------------


def test_the_page_in_hindi(app_db) -> None:
    app = upload(open_page("upload", lang="hi"), "correction.csv", CORRECTION)
    assert texts(app.title) == ["आँकड़े अपलोड करें"]
    assert metrics(app) == {
        "फ़ाइल की पंक्तियाँ": "2",
        "नई पंक्तियाँ": "1",
        "बदली पंक्तियाँ": "1",
        "अपरिवर्तित पंक्तियाँ": "0",
        "नए केंद्र": "1",
    }
    assert table(app, "केंद्र कोड").values.tolist() == [["RPR-3", "PHC Arang", "रायपुर"]]
    assert [b.label for b in app.button if b.key == "upload-commit"] == ["आयात दर्ज करें"]
    app.button(key="upload-commit").click()
    app.run()
    assert texts(app.success) == ["आयात #4 के रूप में दर्ज। नई पंक्तियाँ: 1; बदली पंक्तियाँ: 1; अपरिवर्तित पंक्तियाँ: 0।"]
    assert table(app, "आयात").iloc[0][["प्रकार", "स्थिति"]].tolist() == ["दैनिक खुराक", "दर्ज"]


def test_an_xlsx_built_from_typed_cells_commits(app_db) -> None:
    content = to_xlsx(
        ("date", "district", "centre_code", "centre_name", "age_band", "dose_number", "vaccine", "doses"),
        [[date(2021, 6, 23), "Durg", "DRG-1", "CHC Patan", "60+", 1, "Covishield", 45]],
    )
    app = upload(open_page("upload"), "durg.xlsx", content)
    app.button(key="upload-commit").click()
    app.run()
    assert state_on(app_db, date(2021, 6, 23)) == 45


def undo_choice(app):
    """The undo form's choice of import (its key changes with the data version, so that it starts empty)."""
    (choice,) = [box for box in app.selectbox if str(box.key).startswith("upload-undo-batch-")]
    return choice


def uploader(app):
    """The file uploader (a new one, with a new key, after each commit: the committed file does not stay in it)."""
    (widget,) = [w for w in app.file_uploader if str(w.key).startswith("upload-file-")]
    return widget
