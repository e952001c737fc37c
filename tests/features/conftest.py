"""The real world: a store after `lloradar ingest shared` on ../shared/data (no demo data), made
once per session, and a web client on a copy of it. Skips without the shared data."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo_worlds import copy_world
from lloradar.features.indicators.radar import radar_for_store
from lloradar.features.ingest.shared import SharedRun, ingest_shared
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def real_world(
    tmp_path_factory: pytest.TempPathFactory, shared_data: Path, migrated_duckdb_file: Path
) -> tuple[Path, SharedRun]:
    """The store file after one `ingest shared` run, and the run. Never written to: copy it."""
    path = copy_world(migrated_duckdb_file, tmp_path_factory.mktemp("real") / "real.duckdb")
    with open_store(str(path)) as store:
        run = ingest_shared(store, shared_data)
    return path, run


@pytest.fixture(scope="session")
def real_client(
    real_world: tuple[Path, SharedRun], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    from lloradar.server import create_app

    path = copy_world(real_world[0], tmp_path_factory.mktemp("real-app") / "real.duckdb")
    with TestClient(create_app(radar_for_store(str(path)))) as client:
        yield client
