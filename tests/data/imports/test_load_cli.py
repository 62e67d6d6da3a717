"""The command line, python -m data.load: exit codes, the summary for people, --json for machines, --dry-run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from data.db import create_schema, make_engine
from data.imports.importer import main
from tests.conftest import snapshot, table_counts
from tests.files import doses_csv

GOOD = doses_csv(
    [
        {"centre_code": "RPR-01", "doses": "90,000"},
        {"centre_code": "RPR-01", "dose_number": "2", "doses": "7"},
        {"centre_code": "DRG-01", "district": "Durg", "centre_name": "DH Durg"},
    ]
)
BAD = doses_csv([{"doses": "12,3456"}, {"date": "2021-06-21", "district": "Gotham"}])


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


def _write(tmp_path: Path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


def _json(capsys: pytest.CaptureFixture[str]) -> dict:
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return json.loads(out)


def test_good_file_exits_0_with_a_summary(database, tmp_path, capsys) -> None:
    path = _write(tmp_path, "doses.csv", GOOD)

    assert main([path, "--user", "officer-a"]) == 0

    out, err = capsys.readouterr()
    assert err == ""
    assert f"{path} — daily doses — committed as import #1" in out
    assert "rows 3 · new 3 · changed 0 · unchanged 0 · rejected 0" in out
    assert "new centres: 2: RPR-01 (PHC Mana, RPR), DRG-01 (DH Durg, DRG)" in out
    assert table_counts(database)["daily_dose"] == 3


def test_json_summary_has_counts_and_problems_per_file(database, tmp_path, capsys) -> None:
    good, bad = _write(tmp_path, "good.csv", GOOD), _write(tmp_path, "bad.csv", BAD)

    assert main(["--json", good, bad]) == 1

    files = _json(capsys)["files"]
    assert [f["file"] for f in files] == [good, bad]
    for entry in files:
        assert {"new", "changed", "unchanged", "rejected", "problems"} <= entry.keys()
    assert (files[0]["status"], files[0]["new"], files[0]["problems"]) == ("committed", 3, [])
    assert (files[1]["status"], files[1]["new"], files[1]["rejected"]) == ("rejected", 0, 2)
    assert [{k: p[k] for k in ("row", "column", "value", "rule")} for p in files[1]["problems"]] == [
        {"row": 2, "column": "doses", "value": "12,3456", "rule": "count_format"},
        {"row": 3, "column": "district", "value": "Gotham", "rule": "unknown_district"},
    ]
    for problem in files[1]["problems"]:
        assert {"row", "column", "value", "rule", "message"} <= problem.keys()
        assert problem["message"] and "{" not in problem["message"]


def test_bad_file_exits_1_with_its_problems_and_writes_nothing(database, tmp_path, capsys) -> None:
    path = _write(tmp_path, "bad.csv", BAD)
    before = snapshot(database)

    assert main([path]) == 1

    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "REJECTED: nothing written" in out
    assert "row 2, column 'doses', value '12,3456': [count_format]" in out
    assert "row 3, column 'district', value 'Gotham': [unknown_district]" in out
    assert snapshot(database) == before


def test_dry_run_reports_and_writes_nothing(database, tmp_path, capsys) -> None:
    path = _write(tmp_path, "doses.csv", GOOD)
    before = snapshot(database)

    assert main(["--dry-run", "--json", path]) == 0

    (entry,) = _json(capsys)["files"]
    assert (entry["status"], entry["new"], entry["batch_id"]) == ("dry-run", 3, None)
    assert len(entry["new_centres"]) == 2
    assert snapshot(database) == before


def test_missing_file_is_a_problem_not_a_traceback(database, tmp_path, capsys) -> None:
    missing = str(tmp_path / "no-such-file.csv")
    good = _write(tmp_path, "doses.csv", GOOD)
    before = snapshot(database)

    assert main(["--json", missing]) == 1

    (entry,) = _json(capsys)["files"]
    assert entry["status"] == "rejected"
    assert [(p["rule"], p["value"]) for p in entry["problems"]] == [("unreadable", missing)]
    assert "No such file or directory" in entry["problems"][0]["message"]
    assert snapshot(database) == before

    # Beside a good file: the good one is imported, the run still fails.
    assert main([missing, good]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert f"{missing} — unrecognised file — REJECTED: nothing written" in out
    assert f"{good} — daily doses — committed as import #1" in out
    assert table_counts(database)["daily_dose"] == 3


def test_reimport_from_the_command_line_says_nothing_changed(database, tmp_path, capsys) -> None:
    path = _write(tmp_path, "doses.csv", GOOD)
    assert main([path]) == 0
    capsys.readouterr()
    before = snapshot(database)

    assert main([path]) == 0

    out, _ = capsys.readouterr()
    assert "already imported: nothing changed" in out
    assert "unchanged 3" in out
    assert snapshot(database) == before


def test_file_name_not_the_path_is_recorded(database, tmp_path, capsys) -> None:
    path = _write(tmp_path, "doses-22-06.csv", GOOD)
    assert main([path, "--user", "officer-a"]) == 0
    with database.connect() as conn:
        row = conn.exec_driver_sql("SELECT file_name, imported_by FROM import_batch").one()
    assert tuple(row) == ("doses-22-06.csv", "officer-a")
