"""Each upload template holds its kind's columns and an example row that passes every check, and the examples fit
together: imported in load order on an empty database, each is valid as a dry run and then committed."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from sqlalchemy.engine import Engine

from data.imports import templates
from tests.files import run_import

OFFICER_KINDS = ["doses", "beneficiaries", "vaccinations", "stock", "series"]


@pytest.mark.parametrize(
    ("collector", "codes"), [(True, ["doses"]), (False, OFFICER_KINDS)], ids=["collector", "officer"]
)
def test_each_viewer_gets_the_templates_of_the_kinds_they_may_upload(collector: bool, codes: list[str]) -> None:
    assert [kind.code for kind in templates.template_kinds(collector)] == codes


@pytest.mark.parametrize("kind", templates.template_kinds(False), ids=lambda kind: kind.code)
def test_a_template_has_the_kinds_columns_and_one_example_row(kind) -> None:
    frame = pd.read_csv(io.BytesIO(templates.template_csv(kind)), dtype=str)
    assert tuple(frame.columns) == kind.columns
    assert len(frame) == 1 and frame.notna().all().all()
    assert templates.template_file_name(kind) == f"template-{kind.code}.csv"


def test_every_template_imports_without_a_problem(engine: Engine) -> None:
    for kind in templates.template_kinds(False):
        content = templates.template_csv(kind)
        name = templates.template_file_name(kind)
        preview = run_import(engine, content, name, dry_run=True)
        assert (preview.kind, preview.status, preview.problems) == (kind.code, "dry-run", [])
        assert run_import(engine, content, name).status == "committed"
