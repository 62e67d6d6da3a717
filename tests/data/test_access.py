"""Who may see and do what (data.access): the roles and their pages, the scopes, and closed-by-default access —
every function a page reaches in data/ is gated, and every gated function refuses a role outside its scope."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from datetime import date
from pathlib import Path

import pytest

import data
from data.access import (
    EVERYONE,
    GATED,
    OFFICER,
    PAGES,
    PUBLIC,
    STAFF,
    AccessDenied,
    Command,
    Context,
    Gated,
    Viewer,
    district,
    own,
)
from data.read import doses, quality, workspace
from data.read.query import Query

ROOT = Path(__file__).resolve().parents[2]
OFFICER_VIEWER = Viewer("officer", username="officer1")
RAIPUR = Viewer("collector", "RPR", username="collector.raipur")
DURG = Viewer("collector", "DRG", username="collector.durg")


def _import_every_data_module() -> None:
    """Every module of data/, so that GATED holds every gated function (they register when defined)."""
    for module in pkgutil.walk_packages(data.__path__, "data."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)


_import_every_data_module()


# --- Scopes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "scope, viewer, arguments, expected",
    [
        (EVERYONE, PUBLIC, {"end": 1}, {"end": 1}),
        (STAFF, RAIPUR, {"districts": ["DRG"]}, {"districts": ["DRG"]}),  # district totals are staff data
        (district("districts"), OFFICER_VIEWER, {"districts": None}, {"districts": None}),
        (district("districts"), OFFICER_VIEWER, {"districts": ["DRG"]}, {"districts": ["DRG"]}),
        (district("districts"), RAIPUR, {"districts": None}, {"districts": ["RPR"]}),
        (district("districts"), RAIPUR, {"start": 1}, {"start": 1, "districts": ["RPR"]}),
        (district("districts"), RAIPUR, {"districts": ["RPR"]}, {"districts": ["RPR"]}),
        (own("imported_by"), RAIPUR, {"imported_by": None}, {"imported_by": "collector.raipur"}),
        (own("imported_by"), OFFICER_VIEWER, {"imported_by": None}, {"imported_by": None}),
        (own("imported_by"), OFFICER_VIEWER, {"imported_by": "x"}, {"imported_by": "x"}),
        (OFFICER, OFFICER_VIEWER, {}, {}),
    ],
    ids=[
        "public reads a public query",
        "a collector reads another district's totals",
        "the officer's centres of every district",
        "the officer's centres of another district",
        "a collector's centres: their own district filled in",
        "a collector's centres: the argument added",
        "a collector asks for their own district",
        "a collector's history: their own imports",
        "the officer's history: everybody's",
        "the officer's history: one user's",
        "the officer's own scope",
    ],
)
def test_a_scope_lets_through_or_narrows(scope, viewer, arguments, expected) -> None:
    assert scope.check(viewer, arguments) == expected


@pytest.mark.parametrize(
    "scope, viewer, arguments",
    [
        (STAFF, PUBLIC, {}),
        (OFFICER, RAIPUR, {}),
        (OFFICER, PUBLIC, {}),
        (district("districts"), PUBLIC, {}),
        (district("districts"), RAIPUR, {"districts": ["DRG"]}),
        (district("districts"), RAIPUR, {"districts": ["RPR", "DRG"]}),
        (district("districts"), RAIPUR, {"districts": "RPR"}),  # one code, not a list: refused, not mistaken
        (own("imported_by"), RAIPUR, {"imported_by": "collector.durg"}),
        (own("imported_by"), PUBLIC, {}),
    ],
    ids=[
        "public and a staff query",
        "a collector and an officer's query",
        "public and an officer's query",
        "public and centres",
        "a collector and another district's centres",
        "a collector and two districts' centres",
        "a collector and a bare district code",
        "a collector and another user's imports",
        "public and the import history",
    ],
)
def test_a_scope_refuses(scope, viewer, arguments) -> None:
    with pytest.raises(AccessDenied):
        scope.check(viewer, arguments)


# --- Every gated function ----------------------------------------------------------------------------


def _gated_ids(gated: Gated) -> str:
    return gated.name.removeprefix("data.")


def test_gated_functions_are_registered_with_their_scopes() -> None:
    names = {gated.name for gated in GATED}
    assert {doses.centre_days.name, quality.day_flags.name, workspace.import_history.name} <= names
    assert doses.centre_days.scope == district("districts")
    assert workspace.import_history.scope == own("imported_by")
    assert all(isinstance(gated.scope.roles, frozenset) and gated.scope.roles for gated in GATED)


@pytest.mark.parametrize("gated", [g for g in GATED if "public" not in g.scope.roles], ids=_gated_ids)
def test_the_public_is_refused_every_staff_call(gated: Gated) -> None:
    with pytest.raises(AccessDenied):
        gated(Context(PUBLIC))


@pytest.mark.parametrize("gated", [g for g in GATED if "collector" not in g.scope.roles], ids=_gated_ids)
def test_a_collector_is_refused_every_officer_call(gated: Gated) -> None:
    with pytest.raises(AccessDenied):
        gated(Context(RAIPUR))


DISTRICT_NARROWED = [g for g in GATED if g.scope.argument and g.scope.by == "district"]


@pytest.mark.parametrize("gated", DISTRICT_NARROWED, ids=_gated_ids)
def test_a_collector_asking_for_another_district_is_refused(gated: Gated) -> None:
    with pytest.raises(AccessDenied):
        gated(Context(RAIPUR), **{gated.scope.argument: ["DRG"]})


@pytest.mark.parametrize("gated", DISTRICT_NARROWED, ids=_gated_ids)
def test_a_collector_asking_for_every_district_gets_their_own(gated: Gated) -> None:
    assert gated.arguments(RAIPUR)[gated.scope.argument] == ["RPR"]
    assert gated.arguments(DURG)[gated.scope.argument] == ["DRG"]
    assert gated.arguments(OFFICER_VIEWER)[gated.scope.argument] is None


def test_centre_level_queries_are_district_narrowed() -> None:
    """Every read that returns centres or says anything about them is narrowed for collectors."""
    assert {doses.centre_days, quality.quality_frames, quality.quality_range_frames, quality.day_flags} <= set(
        DISTRICT_NARROWED
    )


def test_arguments_are_bound_by_name_with_defaults() -> None:
    start, end = date(2021, 6, 1), date(2021, 6, 2)
    assert doses.centre_days.arguments(OFFICER_VIEWER, start=start, end=end) == {
        "start": start,
        "end": end,
        "districts": None,
    }
    assert doses.total_doses.arguments(PUBLIC) == {"start": None, "end": None, "by": (), "districts": None}


# --- Pages reach data/ only through gated functions ---------------------------------------------------

FRAME_AND_PAGES = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]


def _data_references(path: Path) -> list[tuple[int, str, object]]:
    """(line, dotted name, object) of everything a page or the frame takes from data/: names imported from a
    data module, and attributes of a data module it imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: dict[str, object] = {}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "data":
            for alias in node.names:
                parent = importlib.import_module(node.module)
                value = getattr(parent, alias.name, None)
                if value is None:
                    value = importlib.import_module(f"{node.module}.{alias.name}")
                if inspect.ismodule(value):
                    modules[alias.asname or alias.name] = value
                else:
                    found.append((node.lineno, f"{node.module}.{alias.name}", value))
        elif isinstance(node, ast.Import):
            assert not any(alias.name.split(".")[0] == "data" for alias in node.names), f"{path.name}: import data.x"
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in modules:
            module = modules[node.value.id]
            found.append((node.lineno, f"{module.__name__}.{node.attr}", getattr(module, node.attr)))
        elif node.attr == "run" and isinstance(node.value, ast.Attribute) and isinstance(node.value.value, ast.Name):
            module = modules.get(node.value.value.id)
            if module is not None and isinstance(getattr(module, node.value.attr, None), Gated):
                # query.run(session, ...) skips the gate: for data/'s own use only
                found.append((node.lineno, f"{module.__name__}.{node.value.attr}.run", _skips_the_gate))
    return found


def _skips_the_gate(session) -> None:
    """Stands for Query.run in the scan: a call that takes a session and skips the gate."""


def _takes_a_session(value: object) -> bool:
    if not callable(value) or isinstance(value, Gated) or inspect.isclass(value):
        return False
    try:
        return "session" in inspect.signature(value).parameters
    except (TypeError, ValueError):
        return False


@pytest.mark.parametrize("path", FRAME_AND_PAGES, ids=lambda p: p.name)
def test_pages_reach_the_database_only_through_gated_functions(path: Path) -> None:
    references = _data_references(path)
    ungated = [(line, name) for line, name, value in references if _takes_a_session(value)]
    assert ungated == [], f"{path.name} calls data/ functions that take a session without a scope"
    text = path.read_text(encoding="utf-8")
    for forbidden in ("sqlalchemy", "sqlmodel", "from data.db", "from data import db", "Session("):
        assert forbidden not in text, f"{path.name} holds {forbidden!r}: pages hold no database session"


def test_the_pages_use_gated_reads_and_commands() -> None:
    """The scan above sees the gated functions (so it would see an ungated one in their place)."""
    seen = [value for path in FRAME_AND_PAGES for _, _, value in _data_references(path) if isinstance(value, Gated)]
    assert doses.daily_doses in seen and doses.centre_days in seen
    assert any(isinstance(value, Command) for value in seen) and any(isinstance(value, Query) for value in seen)


# --- Roles and pages -------------------------------------------------------------------------------


def test_pages_of_each_role() -> None:
    assert PUBLIC.pages() == ["summary", "sign_in", "certificate", "verify", "about"]
    assert RAIPUR.pages() == [
        "overview",
        "district_pace",
        "data_quality",
        "bulletin",
        "upload",
        "certificate",
        "verify",
        "about",
    ]
    assert set(OFFICER_VIEWER.pages()) == set(PAGES) - {"summary", "sign_in"}
    assert OFFICER_VIEWER.sees_centres_of("DRG") and OFFICER_VIEWER.sees_centres_of(None)
    assert RAIPUR.sees_centres_of("RPR") and not RAIPUR.sees_centres_of("DRG") and not RAIPUR.sees_centres_of(None)
    assert not PUBLIC.sees_centres_of("RPR")


@pytest.mark.parametrize(
    "role, district_code", [("collector", None), ("officer", "RPR"), ("public", "RPR"), ("admin", None)]
)
def test_a_viewer_must_be_consistent(role, district_code) -> None:
    with pytest.raises(ValueError):
        Viewer(role, district_code)


def test_every_page_file_has_its_roles() -> None:
    files = {path.stem for path in (ROOT / "pages").glob("*.py") if not path.stem.startswith("_")}
    assert files == set(PAGES)
