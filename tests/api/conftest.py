"""The API against the demo world: the session's app world (`app_world_file`), copied once per
session into a temporary DuckDB file of its own."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo_worlds import copy_world
from lloradar.features.indicators.radar import RadarData, radar_for_store

with warnings.catch_warnings():
    # Starlette nudges towards httpx2; the test client itself works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def radar(tmp_path_factory: pytest.TempPathFactory, app_world_file: Path) -> RadarData:
    path = tmp_path_factory.mktemp("api") / "demo.duckdb"
    copy_world(app_world_file, path)
    return radar_for_store(str(path))


@pytest.fixture(scope="session")
def client(radar: RadarData) -> Iterator[TestClient]:
    from lloradar.server import create_app

    with TestClient(create_app(radar)) as test_client:
        yield test_client
