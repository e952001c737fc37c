"""`lloradar store migrate up|down|status` and the start-up checks of `lloradar serve`
(issue 19): the server refuses an older schema, naming both versions, before any worker starts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.cli.main import app
from lloradar.store import latest_version, open_store
from lloradar.store.base import migrations

runner = CliRunner()


@pytest.fixture
def store_file(tmp_path: Path, migrated_duckdb_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "ops.duckdb"
    shutil.copy(migrated_duckdb_file, path)
    monkeypatch.setenv("LLORADAR_STORE", str(path))
    monkeypatch.setenv("COLUMNS", "200")
    return path


def test_migrate_down_status_and_up(store_file: Path) -> None:
    versions = [v for v, _, _ in migrations()]
    down = runner.invoke(app, ["store", "migrate", "down", "--to", str(versions[-3])])
    assert down.exit_code == 0, down.output
    assert f"Reverted {versions[-1]:03d}, {versions[-2]:03d}" in down.output
    assert f"schema version {versions[-3]}" in down.output
    status = runner.invoke(app, ["store", "migrate", "status"])
    assert f"schema {versions[-3]}, needed {latest_version()} (behind)" in status.output
    up = runner.invoke(app, ["store", "migrate", "up"])
    assert up.exit_code == 0, up.output
    assert f"Applied {versions[-2]:03d}, {versions[-1]:03d}" in up.output
    again = runner.invoke(app, ["store", "migrate", "up"])
    assert "Applied nothing" in again.output


def test_serve_refuses_an_older_schema_without_migrating(store_file: Path) -> None:
    previous = [v for v, _, _ in migrations()][-2]
    with open_store(str(store_file), migrate=False) as store:
        store.migrate_down(to=previous)
    served = runner.invoke(app, ["serve", "--no-migrate"])
    assert served.exit_code == 1
    assert f"schema version {previous}, but this LLO Radar needs version {latest_version()}" in (
        served.output
    )
    assert "lloradar store migrate up" in served.output
    with open_store(str(store_file), migrate=False) as store:
        assert store.schema_version() == previous  # nothing was changed


def test_serve_with_several_workers_needs_postgresql(store_file: Path) -> None:
    served = runner.invoke(app, ["serve", "--workers", "4"])
    assert served.exit_code == 1
    assert "--workers 4 needs PostgreSQL" in served.output


def test_migrate_down_needs_a_version(store_file: Path) -> None:
    result = runner.invoke(app, ["store", "migrate", "down"])
    assert result.exit_code == 2
    assert "--to" in result.output
