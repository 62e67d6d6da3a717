"""Nothing dropped in silence (issue 13), on SQLite and PostgreSQL: a known centre's new name is applied and
recorded, one centre under two names in a file and one ID number for two people are problems with row and column
in both languages, a collector's file naming another district's centre is refused whole, and one
`python -m data.load` call takes its files in dependency order whatever order they are given."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data.accounts.audit import browse
from data.db import create_schema, make_engine
from data.imports import kinds
from data.imports.importer import describe, main
from data.models import Centre, ImportBatch
from tests.conftest import snapshot
from tests.files import (
    beneficiaries_csv,
    doses_csv,
    expected_rollups,
    problems_of,
    run_import,
    series_csv,
    stock_csv,
    stored_doses,
    stored_rollups,
    vaccinations_csv,
)

REGISTRY_TODAY = date(2022, 6, 30)
REF, REF2 = "1234567890123", "1234567890124"
AADHAAR, REF2_AADHAAR = "234123412346", "456745674566"  # valid Verhoeff check digits


def _centres(engine: Engine) -> dict[str, tuple[str, str]]:
    with engine.connect() as conn:
        return {c.code: (c.name, c.district_code) for c in conn.execute(select(Centre.__table__))}


def _audit(engine: Engine, action: str) -> list[tuple]:
    with Session(engine) as session:
        rows = browse(session=session)
    rows = rows[rows["action"] == action]
    return [(r.subject, json.loads(r.counts), r.detail) for r in rows.itertuples()]


# --- A known centre named otherwise --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "renamed"),
    [
        ("PHC Mana Camp", True),  # a new name
        ("phc mana", True),  # a change of case is a change of name
        ("PHC  Mana ", False),  # spacing only: the same name
        ("PHC Mana", False),
    ],
)
def test_a_known_centre_named_otherwise_is_renamed_and_recorded(engine, name: str, renamed: bool) -> None:
    assert run_import(engine, doses_csv([{}])).status == "committed"
    before = snapshot(engine)

    dry = run_import(engine, doses_csv([{"centre_name": name}]), dry_run=True)
    assert snapshot(engine) == before
    report = run_import(engine, doses_csv([{"centre_name": name}]), "renamed.csv", user="officer-b")

    expected = [{"code": "RPR-PHC-01", "district": "RPR", "old_name": "PHC Mana", "name": name, "row": 2}]
    assert dry.renamed_centres == report.renamed_centres == (expected if renamed else [])
    assert (dry.status, report.status) == (("dry-run", "committed") if renamed else ("dry-run", "unchanged"))
    assert (report.new, report.changed, report.unchanged) == (0, 0, 1)
    assert _centres(engine) == {"RPR-PHC-01": (name if renamed else "PHC Mana", "RPR")}
    audit = _audit(engine, "centre-rename")
    if renamed:
        subject = f"import #{report.batch_id} renamed.csv"
        assert audit == [(subject, {"centres": 1}, f"RPR-PHC-01: PHC Mana -> {name}")]
        assert f"centre renamed: RPR-PHC-01 (RPR) 'PHC Mana' → '{name}' (row 2)" in describe(report)
        assert f"केंद्र का नाम बदला: RPR-PHC-01 (RPR) 'PHC Mana' → '{name}' (पंक्ति 2)" in describe(report, lang="hi")
        assert report.to_dict()["renamed_centres"] == expected
    else:
        assert audit == []
        assert snapshot(engine) == before


def test_a_rename_beside_new_doses_keeps_the_rollups_equal_to_the_facts(engine) -> None:
    run_import(engine, doses_csv([{}]))
    report = run_import(
        engine, doses_csv([{"centre_name": "CHC Mana"}, {"centre_name": "CHC Mana", "dose_number": "2"}])
    )
    assert (report.status, report.new, len(report.renamed_centres)) == ("committed", 1, 1)
    assert stored_rollups(engine) == expected_rollups(stored_doses(engine))


def test_undoing_a_renaming_import_keeps_the_new_name(engine) -> None:
    from data.imports.undo import undo_import

    run_import(engine, doses_csv([{}]))
    report = run_import(engine, doses_csv([{"centre_name": "CHC Mana", "dose_number": "2"}]))
    assert (report.status, report.new, len(report.renamed_centres)) == ("committed", 1, 1)
    with Session(engine) as session:
        undone = undo_import(report.batch_id, session=session, actor="test-officer")
    assert (undone.status, undone.deleted) == ("undone", 1)
    assert _centres(engine) == {"RPR-PHC-01": ("CHC Mana", "RPR")}
    assert len(stored_doses(engine)) == 1
    assert stored_rollups(engine) == expected_rollups(stored_doses(engine))


def test_one_centre_under_two_names_in_a_file_is_a_problem(engine) -> None:
    before = snapshot(engine)
    report = run_import(engine, doses_csv([{}, {"dose_number": "2", "centre_name": "PHC Mana Camp"}]))

    assert report.status == "rejected"
    assert problems_of(report) == [(3, "centre_name", "PHC Mana Camp", "centre_name_conflict")]
    problem = report.problems[0]
    assert problem.message() == (
        "centre 'RPR-PHC-01' is named 'PHC Mana Camp' here but 'PHC Mana' higher up in this file; give it one name."
    )
    assert problem.message("hi") == (
        "केंद्र 'RPR-PHC-01' का नाम यहाँ 'PHC Mana Camp' है पर इस फ़ाइल में ऊपर 'PHC Mana'; उसे एक ही नाम दें।"
    )
    assert snapshot(engine) == before


# --- One ID document, one person -----------------------------------------------------------------


def _people(*rows: dict) -> bytes:
    return beneficiaries_csv(list(rows))


@pytest.mark.parametrize(
    ("stored", "content", "expected"),
    [
        # Two people with one Aadhaar number in one file (written differently: normalised first).
        (
            None,
            _people({}, {"reference_id": REF2, "id_number": "2341 2341 2346"}),
            [(3, "XXXXXXXX2346", "id_number_shared")],
        ),
        # A new person with the number the registry holds for another.
        (
            _people({}),
            _people({"reference_id": REF2, "id_number": AADHAAR}),
            [(2, "XXXXXXXX2346", "id_number_registered")],
        ),
        # A stored person corrected to the number of another stored person.
        (
            _people({}, {"reference_id": REF2, "id_number": REF2_AADHAAR}),
            _people({"reference_id": REF2, "id_number": AADHAAR}),
            [(2, "XXXXXXXX2346", "id_number_registered")],
        ),
    ],
    ids=["in-file", "against-registry", "correction-against-registry"],
)
def test_one_id_number_for_two_people_is_a_problem(engine, stored, content, expected) -> None:
    if stored is not None:
        assert run_import(engine, stored, today=REGISTRY_TODAY).status == "committed"
    before = snapshot(engine)

    report = run_import(engine, content, today=REGISTRY_TODAY)

    assert report.status == "rejected"
    assert [(row, column, value, rule) for row, column, value, rule in problems_of(report)] == [
        (row, "id_number", value, rule) for row, value, rule in expected
    ]
    assert snapshot(engine) == before
    problem = report.problems[0]
    if problem.rule == "id_number_shared":
        assert problem.message() == (
            "ID number XXXXXXXX2346 is also given to another reference id in row 2; one ID document belongs to one "
            "person."
        )
        assert problem.message("hi").startswith("पहचान संख्या XXXXXXXX2346 पंक्ति 2 में")
    else:
        assert problem.message().startswith(f"ID number XXXXXXXX2346 is already registered to reference id {REF};")
        assert problem.message("hi").startswith(f"पहचान संख्या XXXXXXXX2346 पहले से संदर्भ आईडी {REF} के नाम")
    assert AADHAAR not in json.dumps(report.to_dict(), ensure_ascii=False)


def test_two_people_swapping_their_numbers_in_one_file_is_taken(engine) -> None:
    stored = _people({}, {"reference_id": REF2, "id_number": REF2_AADHAAR})
    assert run_import(engine, stored, today=REGISTRY_TODAY).status == "committed"
    swapped = _people({"id_number": REF2_AADHAAR}, {"reference_id": REF2, "id_number": AADHAAR})
    report = run_import(engine, swapped, today=REGISTRY_TODAY)
    assert (report.status, report.changed, report.problems) == ("committed", 2, [])


def test_one_mobile_for_two_people_is_allowed(engine) -> None:
    report = run_import(engine, _people({}, {"reference_id": REF2, "id_number": REF2_AADHAAR}), today=REGISTRY_TODAY)
    assert (report.status, report.new) == ("committed", 2)


# --- What a collector may not touch --------------------------------------------------------------

DURG_ROW = {"district": "Durg", "centre_code": "DRG-01", "centre_name": "DH Durg"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (doses_csv([{}, DURG_ROW]), [(3, "district", "Durg", "district_not_allowed")]),
        # The row says Raipur, but the centre is Durg's.
        (
            doses_csv([{}, {"centre_code": "DRG-01", "dose_number": "2"}]),
            [(3, "centre_code", "DRG-01", "centre_not_allowed")],
        ),
        (stock_csv([{}]), [(None, None, "stock", "kind_not_allowed")]),
        (beneficiaries_csv([{}]), [(None, None, "beneficiaries", "kind_not_allowed")]),
    ],
    ids=["district", "centre", "stock", "registry"],
)
def test_a_collector_file_naming_what_they_may_not_touch_is_refused_whole(engine, content, expected) -> None:
    assert run_import(engine, doses_csv([DURG_ROW])).status == "committed"
    before = snapshot(engine)

    report = run_import(engine, content, allowed_districts=["RPR"], user="collector-raipur")

    assert (report.status, report.new, report.changed) == ("rejected", 0, 0)
    assert problems_of(report) == expected
    assert snapshot(engine) == before
    if expected[0][3] == "centre_not_allowed":
        problem = report.problems[0]
        assert problem.message() == (
            "centre 'DRG-01' belongs to Durg, not your district: you may upload rows of Raipur only."
        )
        assert problem.message("hi") == (
            "केंद्र 'DRG-01' दुर्ग का है, आपके ज़िले का नहीं: आप केवल रायपुर की पंक्तियाँ अपलोड कर सकते हैं।"
        )


# --- python -m data.load: dependency order ---------------------------------------------------------


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """DATABASE_URL pointing at a new SQLite file with the schema, and an engine to look into it."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = make_engine(url)
    create_schema(engine)
    try:
        yield engine
    finally:
        engine.dispose()


FILES = {
    "stock.csv": stock_csv([{}, {"from_store": "STATE", "to_store": "Raipur", "quantity": "400"}]),
    "vaccinations.csv": vaccinations_csv([{}]),
    "series.csv": series_csv([{}]),
    "people.csv": beneficiaries_csv([{}]),
    "doses.csv": doses_csv([{}]),
    "notes.csv": b"what,ever\n1,2\n",
}
"""Given in the wrong order: vaccinations need the people and the centre the doses create."""


def test_load_order_names_every_kind_once() -> None:
    assert sorted(k.code for k in kinds.LOAD_ORDER) == sorted(k.code for k in kinds.KINDS)
    codes = [k.code for k in kinds.LOAD_ORDER]
    assert codes.index("doses") < codes.index("vaccinations")
    assert codes.index("beneficiaries") < codes.index("vaccinations")
    assert codes.index("doses") < codes.index("stock")


def test_one_load_call_takes_its_files_in_dependency_order(database, tmp_path, capsys) -> None:
    paths = []
    for name, content in FILES.items():
        (tmp_path / name).write_bytes(content)
        paths.append(str(tmp_path / name))

    assert main([*paths, "--json", "--user", "officer-a"]) == 1  # notes.csv is of no kind

    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    files = json.loads(out)["files"]
    assert [(Path(f["file"]).name, f["status"]) for f in files] == [
        ("doses.csv", "committed"),
        ("people.csv", "committed"),
        ("vaccinations.csv", "committed"),
        ("stock.csv", "committed"),
        ("series.csv", "committed"),
        ("notes.csv", "rejected"),
    ]
    with database.connect() as conn:
        batches = conn.execute(select(ImportBatch.kind).order_by(ImportBatch.id)).scalars().all()
    assert batches == ["doses", "beneficiaries", "vaccinations", "stock", "series"]


def test_vaccinations_alone_before_their_people_are_refused(database, tmp_path, capsys) -> None:
    """Why the order matters: the same vaccinations file on its own, first, is refused."""
    (tmp_path / "vaccinations.csv").write_bytes(FILES["vaccinations.csv"])
    assert main([str(tmp_path / "vaccinations.csv"), "--json"]) == 1
    rules = {p["rule"] for p in json.loads(capsys.readouterr().out)["files"][0]["problems"]}
    assert rules == {"unknown_beneficiary", "unknown_centre"}
