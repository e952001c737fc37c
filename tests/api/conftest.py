"""The API against the demo world, built once per session in a temporary DuckDB file."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from lloradar.demo import build_demo_world
from lloradar.services.web_data import RadarData, radar_for_store
from lloradar.store import open_store

with warnings.catch_warnings():
    # Starlette nudges towards httpx2; the test client itself works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="session")
def radar(tmp_path_factory: pytest.TempPathFactory) -> RadarData:
    path = tmp_path_factory.mktemp("api") / "demo.duckdb"
    store = open_store(str(path))
    try:
        build_demo_world(store, seed=42, shared_data=SHARED if SHARED.is_dir() else None)
    finally:
        store.close()
    return radar_for_store(str(path))


@pytest.fixture(scope="session")
def client(radar: RadarData) -> Iterator[TestClient]:
    from lloradar.server import create_app

    with TestClient(create_app(radar)) as test_client:
        yield test_client
