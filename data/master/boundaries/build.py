"""Build data/master/boundaries/districts.geojson from the TopoJSON beside it (data/master/README.md, "District
boundaries"): decode the arcs, round coordinates to 3 decimals (about 100 m), drop repeated points and key each
district by its code in districts.csv. Run: python -m data.master.boundaries.build"""

from __future__ import annotations

import json
from pathlib import Path

from data import master

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "chhattisgarh.topo.json"
TARGET = HERE / "districts.geojson"
DIGITS = 3


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc as absolute longitude/latitude points (TopoJSON's quantised, delta-encoded arcs decoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, DIGITS), round(y * sy + ty, DIGITS)))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """A closed ring from arc indexes (a negative index ~i is arc i reversed), without repeated points."""
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        for point in points if not ring else points[1:]:
            if not ring or ring[-1] != point:
                ring.append(point)
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return [list(point) for point in ring]


def features(topology: dict) -> list[dict]:
    """One GeoJSON feature per district: id and properties.code from the master list, properties.name as drawn."""
    arcs = _arcs(topology)
    lookup = master.districts()
    out = []
    for geometry in next(iter(topology["objects"].values()))["geometries"]:
        name = geometry["properties"]["district"]
        code = lookup.resolve(name)
        if code is None:
            raise SystemExit(f"{name}: no district of that name in districts.csv (add it as an alias)")
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        coordinates = [[_ring(ring, arcs) for ring in polygon] for polygon in polygons]
        out.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"code": code, "name": name},
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    return sorted(out, key=lambda feature: feature["id"])


def main() -> None:
    """Write districts.geojson (compact JSON)."""
    collection = {"type": "FeatureCollection", "features": features(json.loads(SOURCE.read_text(encoding="utf-8")))}
    TARGET.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{TARGET.name}: {len(collection['features'])} districts, {TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
