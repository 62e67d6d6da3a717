"""The real series shipped in data/published/: unchanged from the shared extract, described, and importable
from the command line into a new database, idempotently."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PUBLISHED_DIR

ROOT = Path(__file__).resolve().parents[2]
FILES = {
    "cg_district_daily.csv": "b9a4b42b06d4be8266ef6eaaf7f205ed200d5028993afb35362adc15ab197f87",
    "cg_state_daily.csv": "bccb610156b6b5c06f2519f67712d36ab094cb599ba4131c2b8fbf8dc9936ac9",
    "cg_state_mohfw_daily.csv": "1fdd8c61ce0b419f7a557a905a172ffa26a7f02907be13522f05d076f710948d",
}
VALUES = {"cg_state_daily.csv": 3494, "cg_district_daily.csv": 28000, "cg_state_mohfw_daily.csv": 840}
"""Published figures (non-empty cells) in each file: what an import of it stores."""


@pytest.mark.parametrize("name", FILES)
def test_the_shipped_files_are_the_published_ones(name: str) -> None:
    content = (PUBLISHED_DIR / name).read_bytes()
    assert hashlib.sha256(content).hexdigest() == FILES[name]
    readme = (PUBLISHED_DIR / "README.md").read_text(encoding="utf-8")
    assert name in readme and FILES[name] in readme


@pytest.mark.parametrize("name", FILES)
def test_the_shipped_files_equal_the_shared_extract(name: str, shared_dir: Path) -> None:
    shared = shared_dir / "data" / "real" / name
    if not shared.exists():
        pytest.skip(f"{shared} is not here to compare with")
    assert (PUBLISHED_DIR / name).read_bytes() == shared.read_bytes()


def _load(url: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "data.load", "--json", *args, *(str(PUBLISHED_DIR / name) for name in FILES)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return {Path(report["file"]).name: report for report in json.loads(result.stdout)["files"]}


def test_the_command_line_takes_them_into_a_new_database_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'published.db'}"
    first = _load(url)
    assert {name: (report["status"], report["new"]) for name, report in first.items()} == {
        name: ("committed", values) for name, values in VALUES.items()
    }
    again = _load(url)
    assert {name: (report["status"], report["unchanged"]) for name, report in again.items()} == {
        name: ("unchanged", values) for name, values in VALUES.items()
    }
