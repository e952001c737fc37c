"""The demo world for the command-line tests: built once per session without shared data, and
copied wherever a test writes to it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lloradar.demo import build_demo_world
from lloradar.store import open_store


@pytest.fixture(scope="session")
def demo_world_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo world (seed 42, handmade taxonomy). Never written to: copy it first."""
    path = tmp_path_factory.mktemp("cli-demo") / "demo.duckdb"
    with open_store(str(path)) as store:
        build_demo_world(store, 42, None)
    return path


def _use(monkeypatch: pytest.MonkeyPatch, path: Path) -> Path:
    """Point the CLI at `path`, with no shared data beside it."""
    monkeypatch.setenv("LLORADAR_STORE", str(path))
    monkeypatch.setenv("LLORADAR_SHARED_DATA", str(path.parent / "no-shared-data"))
    return path


@pytest.fixture(scope="module")
def module_store(tmp_path_factory: pytest.TempPathFactory, demo_world_file: Path) -> Path:
    """A copy of the demo world shared by the tests of one module."""
    path = tmp_path_factory.mktemp("cli-module") / "demo.duckdb"
    shutil.copyfile(demo_world_file, path)
    return path


@pytest.fixture
def module_env(module_store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The CLI pointed at the module's copy of the demo world."""
    return _use(monkeypatch, module_store)


@pytest.fixture
def test_env(tmp_path: Path, demo_world_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The CLI pointed at a copy of the demo world for this test alone."""
    path = tmp_path / "cli.duckdb"
    shutil.copyfile(demo_world_file, path)
    return _use(monkeypatch, path)
