"""A demo build that did not finish is known as such (issue 22, item 3)."""

from __future__ import annotations

import warnings
from pathlib import Path

from lloradar.demo import build_state
from lloradar.features.indicators.radar import load_radar_data
from lloradar.server import create_app
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette nudges towards httpx2; the client is the same
    from fastapi.testclient import TestClient


def test_a_build_killed_half_way_stays_marked_building(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as store:
        assert build_state.started(store) is False
        # ... killed here: nothing marks it complete
    with open_store(str(tmp_path / "s.duckdb")) as store:
        assert build_state.unfinished_builds(store) == ["demo"]
        assert load_radar_data(store).unfinished == ["demo"]
        assert build_state.started(store) is True  # the next build says so
        build_state.finished(store)
        assert build_state.unfinished_builds(store) == []
        assert load_radar_data(store).unfinished == []


def test_the_pages_say_a_build_did_not_finish(tmp_path: Path) -> None:
    path = tmp_path / "half.duckdb"
    with open_store(str(path)) as store:
        build_state.started(store)
        data = load_radar_data(store)
    with TestClient(create_app(data)) as client:
        page = client.get("/").text
    assert 'data-testid="unfinished-build"' in page and "demo build" in page
