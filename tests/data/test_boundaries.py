"""The district boundaries shipped in data/master/boundaries/ (README "District boundaries"): small, every
outline a district of the master list, every later district's point inside the outline of its parent."""

from __future__ import annotations

from data.master import district_table
from data.master.boundaries import HERE, district_points, district_shapes


def _inside(x: float, y: float, xs, ys) -> bool:
    """Ray casting: whether (x, y) lies inside the closed ring."""
    result, j = False, len(xs) - 1
    for i in range(len(xs)):
        if (ys[i] > y) != (ys[j] > y) and x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]:
            result = not result
        j = i
    return result


def test_the_file_is_small() -> None:
    assert (HERE / "districts.geojson").stat().st_size < 300_000


def test_every_district_has_an_outline_or_a_point_in_its_parent() -> None:
    shapes, points = district_shapes(), district_points()
    master = district_table().set_index("code")
    assert len(shapes) == 27  # the districts of 2014
    assert set(shapes) | set(points) == set(master.index)
    assert not set(shapes) & set(points)
    for code, (lon, lat, within) in points.items():
        assert master.loc[code, "parent_code"] == within
        assert any(_inside(lon, lat, *ring) for ring in shapes[within]), code
        assert not any(_inside(lon, lat, *ring) for other, rings in shapes.items() if other != within for ring in rings)


def test_the_outlines_lie_in_chhattisgarh() -> None:
    for rings in district_shapes().values():
        for lons, lats in rings:
            assert all(80.2 <= x <= 84.5 for x in lons) and all(17.7 <= y <= 24.2 for y in lats)
