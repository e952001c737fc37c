"""The API against the demo world, built once per session in a temporary DuckDB file."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from lloradar.demo import build_demo_world
from lloradar.features.forecast.scenarios import load_scenario
from lloradar.features.forecast.service import run_scenario
from lloradar.features.indicators.radar import RadarData, radar_for_store
from lloradar.features.interventions.service import import_interventions, import_participants
from lloradar.store import Store, open_store

with warnings.catch_warnings():
    # Starlette nudges towards httpx2; the test client itself works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"

ROOT = Path(__file__).resolve().parents[2]


def add_forecasts_and_interventions(store: Store) -> None:
    """Two forecast runs (baseline, aow-68) and the example intervention register."""
    for name in ("baseline", "aow-68"):
        run_scenario(store, load_scenario(ROOT / "scenarios" / f"{name}.yaml"))
    examples = ROOT / "examples" / "interventions"
    import_interventions(store, examples / "register.yaml", is_demo=True)
    key = os.environ.get("LLORADAR_PSEUDONYM_KEY") or "web-test-key"
    import_participants(store, examples / "participants.csv", key, is_demo=True)


@pytest.fixture(scope="session")
def radar(tmp_path_factory: pytest.TempPathFactory) -> RadarData:
    path = tmp_path_factory.mktemp("api") / "demo.duckdb"
    store = open_store(str(path))
    try:
        build_demo_world(store, seed=42, shared_data=SHARED if SHARED.is_dir() else None)
        add_forecasts_and_interventions(store)
    finally:
        store.close()
    return radar_for_store(str(path))


@pytest.fixture(scope="session")
def client(radar: RadarData) -> Iterator[TestClient]:
    from lloradar.server import create_app

    with TestClient(create_app(radar)) as test_client:
        yield test_client
