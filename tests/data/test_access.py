"""Who may see what (data.access): the pages of each role and the server-side scope of every cached query."""

from __future__ import annotations

import pytest

from data.access import CENTRE_QUERIES, PAGES, PUBLIC, PUBLIC_QUERIES, AccessDenied, Viewer, scoped_kwargs
from data.read import queries

OFFICER = Viewer("officer", username="officer1")
RAIPUR = Viewer("collector", "RPR", username="collector.raipur")


@pytest.mark.parametrize(
    "viewer, query, kwargs, expected",
    [
        (PUBLIC, "total_doses", {"by": ("district_code",)}, {"by": ("district_code",)}),
        (PUBLIC, "daily_doses", {}, {}),
        (OFFICER, "centre_days", {"start": 1, "end": 2}, {"start": 1, "end": 2}),
        (OFFICER, "quality_frames", {"day": 1}, {"day": 1}),
        (RAIPUR, "centre_days", {"start": 1}, {"start": 1, "districts": ["RPR"]}),
        (RAIPUR, "centre_days", {"districts": ["RPR"]}, {"districts": ["RPR"]}),
        (RAIPUR, "quality_frames", {"day": 1}, {"day": 1, "centre_districts": ["RPR"]}),
        (RAIPUR, "quality_range_frames", {"start": 1}, {"start": 1, "centre_districts": ["RPR"]}),
        (RAIPUR, "stock_on_hand", {"as_of": 1}, {"as_of": 1}),
        (RAIPUR, "daily_doses", {"districts": ["DRG"]}, {"districts": ["DRG"]}),  # district totals are fine
    ],
)
def test_scoped_kwargs_lets_through_or_narrows(viewer, query, kwargs, expected) -> None:
    assert scoped_kwargs(viewer, query, kwargs) == expected


@pytest.mark.parametrize(
    "viewer, query, kwargs",
    [
        (PUBLIC, "centre_days", {}),
        (PUBLIC, "quality_frames", {}),
        (PUBLIC, "last_import", {}),
        (PUBLIC, "stock_on_hand", {}),
        (PUBLIC, "bulletin_frames", {}),
        (RAIPUR, "centre_days", {"districts": ["DRG"]}),
        (RAIPUR, "centre_days", {"districts": ["RPR", "DRG"]}),
        (RAIPUR, "quality_range_frames", {"centre_districts": ["DRG"]}),
    ],
)
def test_scoped_kwargs_refuses(viewer, query, kwargs) -> None:
    with pytest.raises(AccessDenied):
        scoped_kwargs(viewer, query, kwargs)


def test_every_query_named_exists_with_the_argument_named() -> None:
    import inspect

    for query in PUBLIC_QUERIES | set(CENTRE_QUERIES):
        assert callable(getattr(queries, query)), query
    for query, argument in CENTRE_QUERIES.items():
        assert argument in inspect.signature(getattr(queries, query)).parameters


def test_pages_of_each_role() -> None:
    assert PUBLIC.pages() == ["summary", "sign_in", "certificate", "verify"]
    assert RAIPUR.pages() == [
        "overview",
        "district_pace",
        "data_quality",
        "bulletin",
        "upload",
        "certificate",
        "verify",
    ]
    assert set(OFFICER.pages()) == set(PAGES) - {"summary", "sign_in"}
    assert OFFICER.sees_centres_of("DRG") and OFFICER.sees_centres_of(None)
    assert RAIPUR.sees_centres_of("RPR") and not RAIPUR.sees_centres_of("DRG") and not RAIPUR.sees_centres_of(None)
    assert not PUBLIC.sees_centres_of("RPR")
    assert RAIPUR.scope != Viewer("collector", "DRG").scope != OFFICER.scope != PUBLIC.scope


@pytest.mark.parametrize(
    "role, district", [("collector", None), ("officer", "RPR"), ("public", "RPR"), ("admin", None)]
)
def test_a_viewer_must_be_consistent(role, district) -> None:
    with pytest.raises(ValueError):
        Viewer(role, district)
