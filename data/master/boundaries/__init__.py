"""District boundaries shipped with the app (data/master/README.md, "District boundaries"): each district's
outline as drawn in districts.geojson, and a point for each district the file has no outline of."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent

Ring = tuple[tuple[float, ...], tuple[float, ...]]
"""One closed outline: its longitudes and its latitudes."""


@cache
def district_shapes() -> dict[str, tuple[Ring, ...]]:
    """District code -> its outer rings (longitudes, latitudes), one per part (holes are left out: an enclave is
    drawn by the district it belongs to)."""
    collection = json.loads((HERE / "districts.geojson").read_text(encoding="utf-8"))
    shapes: dict[str, tuple[Ring, ...]] = {}
    for feature in collection["features"]:
        rings = []
        for polygon in feature["geometry"]["coordinates"]:
            outer = polygon[0]
            rings.append((tuple(p[0] for p in outer), tuple(p[1] for p in outer)))
        shapes[feature["id"]] = tuple(rings)
    return shapes


@cache
def district_points() -> dict[str, tuple[float, float, str]]:
    """District code -> (longitude, latitude, code of the district whose outline holds it): the headquarters of a
    district formed after the outlines were drawn."""
    with open(HERE / "points.csv", encoding="utf-8", newline="") as handle:
        return {r["code"]: (float(r["lon"]), float(r["lat"]), r["drawn_within"]) for r in csv.DictReader(handle)}
