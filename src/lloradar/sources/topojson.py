"""Decode TopoJSON (quantised, delta-encoded arcs) into GeoJSON geometries."""

from __future__ import annotations

from typing import Any

Position = list[float]


def _decode_arcs(topology: dict[str, Any]) -> list[list[Position]]:
    transform = topology.get("transform")
    decoded = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                points.append([round(x * sx + tx, 6), round(y * sy + ty, 6)])
        else:
            points = [[float(p[0]), float(p[1])] for p in arc]
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs: list[list[Position]]) -> list[Position]:
    ring: list[Position] = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def to_geojson_geometry(geometry: dict[str, Any], arcs: list[list[Position]]) -> dict[str, Any]:
    kind = geometry["type"]
    if kind == "Polygon":
        return {"type": kind, "coordinates": [_ring(r, arcs) for r in geometry["arcs"]]}
    if kind == "MultiPolygon":
        return {
            "type": kind,
            "coordinates": [[_ring(r, arcs) for r in poly] for poly in geometry["arcs"]],
        }
    raise ValueError(
        f"unsupported TopoJSON geometry type {kind!r} (expected Polygon or MultiPolygon)"
    )


def features(topology: dict[str, Any]) -> list[dict[str, Any]]:
    """Every geometry of every object as a GeoJSON Feature with its properties."""
    arcs = _decode_arcs(topology)
    result = []
    for obj in topology["objects"].values():
        for geometry in obj["geometries"]:
            result.append(
                {
                    "type": "Feature",
                    "properties": dict(geometry.get("properties") or {}),
                    "geometry": to_geojson_geometry(geometry, arcs),
                }
            )
    return result
