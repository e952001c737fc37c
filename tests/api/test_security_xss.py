"""Issue 18, finding 10: a hostile region name from ingested data cannot break out of the
map's JSON data block on the home page (`|tojson`, which escapes `<`, `>` and `&`)."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi.testclient import TestClient

from lloradar.features.indicators import views

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"


def test_a_hostile_region_name_stays_inside_the_map_data(radar: Any, monkeypatch: Any) -> None:
    from lloradar.server import create_app

    real = views.map_features

    def hostile(*args: Any, **kwargs: Any) -> dict[str, Any]:
        collection = real(*args, **kwargs)
        collection["features"][0]["properties"]["name"] = HOSTILE
        return collection

    monkeypatch.setattr(views, "map_features", hostile)
    with TestClient(create_app(radar)) as client:
        html = client.get("/").text
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    block = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', html, re.S)
    assert block is not None
    data = json.loads(block.group(1))
    assert data["type"] == "FeatureCollection"
    assert data["features"][0]["properties"]["name"] == HOSTILE
    assert "\\u003c/script\\u003e" in block.group(1)
