"""Boundaries: TopoJSON decoding, GeoJSON, and the PDOK WFS fetcher through a mock transport."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from lloradar.domain import IngestError, RegionLevel
from lloradar.sources.regions import boundary_request, fetch_boundaries, parse_boundaries
from lloradar.sources.topojson import features

TOY_TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [4.0, 52.0]},
    "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
    "objects": {
        "amr": {
            "type": "GeometryCollection",
            "geometries": [
                {
                    "type": "Polygon",
                    "arcs": [[0, 1]],
                    "properties": {"statcode": "AM18", "statnaam": "Groot Amsterdam"},
                },
                {
                    "type": "MultiPolygon",
                    "arcs": [[[~1, ~0]]],
                    "properties": {"statcode": "AM13", "statnaam": "Midden-Utrecht"},
                },
            ],
        }
    },
}


def test_topojson_arcs_are_decoded_and_stitched() -> None:
    polygon, multi = features(TOY_TOPOLOGY)
    ring = polygon["geometry"]["coordinates"][0]
    assert ring == [[4.0, 52.0], [5.0, 52.0], [5.0, 53.0], [4.0, 53.0], [4.0, 52.0]]
    assert ring[0] == ring[-1]
    reversed_ring = multi["geometry"]["coordinates"][0][0]
    assert reversed_ring == ring[::-1]


def test_real_topojson_has_35_closed_labour_market_regions(shared_data: Path) -> None:
    data = (shared_data / "regions" / "arbeidsmarktregio_2023.topojson").read_bytes()
    boundaries = parse_boundaries(data, "amr", RegionLevel.ARBEIDSMARKTREGIO)
    assert len(boundaries) == 35
    assert {b.code for b in boundaries} >= {"AM01", "AM18", "AM38"}
    for boundary in boundaries:
        polygons = boundary.geometry["coordinates"]
        rings = (
            [polygons[0]] if boundary.geometry["type"] == "Polygon" else [p[0] for p in polygons]
        )
        for ring in rings:
            assert ring[0] == ring[-1]
            assert all(3.3 < x < 7.3 and 50.7 < y < 53.6 for x, y in ring)


def test_geojson_feature_collection_is_accepted() -> None:
    collection = {"type": "FeatureCollection", "features": features(TOY_TOPOLOGY)}
    boundaries = parse_boundaries(
        json.dumps(collection).encode(), "wfs", RegionLevel.ARBEIDSMARKTREGIO
    )
    assert [b.name for b in boundaries] == ["Groot Amsterdam", "Midden-Utrecht"]


def test_wrong_level_code_names_the_feature() -> None:
    with pytest.raises(IngestError, match="prov.json line 1, field 'statcode'"):
        parse_boundaries(json.dumps(TOY_TOPOLOGY).encode(), "prov.json", RegionLevel.PROVINCIE)


def test_not_a_topology_is_refused() -> None:
    with pytest.raises(IngestError, match="expected a TopoJSON Topology or GeoJSON"):
        parse_boundaries(b'{"type": "Point"}', "x.json", RegionLevel.GEMEENTE)


def test_fetcher_asks_pdok_wfs_for_geojson(shared_data: Path) -> None:
    recorded = (shared_data / "regions" / "provincie_2023.topojson").read_bytes()
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=recorded)

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        data = fetch_boundaries(RegionLevel.PROVINCIE, 2023, client)
    assert len(parse_boundaries(data, "pdok", RegionLevel.PROVINCIE)) == 12
    request = seen[0]
    assert request.url.host == "service.pdok.nl"
    assert request.url.path == "/cbs/gebiedsindelingen/2023/wfs/v1_0"
    assert request.url.params["typeNames"] == "gebiedsindelingen:provincie_gegeneraliseerd"
    assert request.url.params["outputFormat"] == "application/json"


def test_fetcher_raises_on_http_errors() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(503))
    with httpx.Client(transport=transport) as client, pytest.raises(httpx.HTTPStatusError):
        fetch_boundaries(RegionLevel.GEMEENTE, 2023, client)


def test_boundary_request_uses_the_year() -> None:
    assert "/2024/" in str(boundary_request(RegionLevel.GEMEENTE, 2024).url)
