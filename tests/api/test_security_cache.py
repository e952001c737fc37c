"""Issue 18, finding 4: the page cache is keyed on the path, the route's declared query
parameters and the language only, and bounded (least recently used out)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from lloradar.web import routes


def test_junk_query_parameters_do_not_grow_the_page_cache(radar: Any) -> None:
    from lloradar.server import create_app

    app = create_app(radar)
    with TestClient(app) as client:
        first = client.get("/")
        assert first.status_code == 200
        size = len(app.state.page_cache)
        for n in range(30):
            response = client.get(f"/?zz={n}&utm_source=x{n}")
            assert response.status_code == 200
            assert response.text == first.text
        assert len(app.state.page_cache) == size  # without the fix: 30 more entries
        client.get("/?niveau=provincie")  # a declared parameter is part of the key
        assert len(app.state.page_cache) == size + 1
        client.get("/?niveau=provincie&zz=1&lang=nl")
        assert len(app.state.page_cache) == size + 1


def test_the_page_cache_is_a_bounded_lru(radar: Any, monkeypatch: Any) -> None:
    from lloradar.server import create_app

    monkeypatch.setattr(routes, "PAGE_CACHE_SIZE", 3)
    app = create_app(radar)
    codes = [r.code for r in radar.regions][:5]
    with TestClient(app) as client:
        for code in codes:
            assert client.get(f"/regio/{code}").status_code == 200
        cache = app.state.page_cache
        assert len(cache) == 3
        assert [key[0] for key in cache] == [f"/regio/{c}" for c in codes[2:]]
        client.get(f"/regio/{codes[2]}")  # used again: now the most recent
        client.get("/")
        assert [key[0] for key in cache] == [f"/regio/{codes[4]}", f"/regio/{codes[2]}", "/"]
