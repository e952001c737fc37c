"""Backup and restore (issue 19): a store restored from its backup publishes the same figures,
on DuckDB (EXPORT/IMPORT DATABASE) and PostgreSQL (pg_dump/pg_restore); a restore never writes
over a store that has tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_concurrent_runs import small_world

from lloradar.features.indicators.service import compute_indicators
from lloradar.store import latest_version, open_store
from lloradar.store.backup import BackupError, backup_store, restore_store


def published(url: str) -> list[tuple[object, ...]]:
    with open_store(url, migrate=False) as store:
        columns = [c for c, in store.query(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'published_indicator' ORDER BY ordinal_position"
        )]  # fmt: skip
        order = ", ".join(str(c) for c in columns)
        return store.query(f"SELECT * FROM published_indicator ORDER BY {order}")


def urls(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> tuple[str, str]:
    if engine == "duckdb":
        return str(tmp_path / "source.duckdb"), str(tmp_path / "restored.duckdb")
    if not shutil.which("pg_dump") and not list(Path("/usr/lib/postgresql").glob("*/bin/pg_dump")):
        pytest.skip("pg_dump not found: install Debian's postgresql-client")
    new_database = request.getfixturevalue("new_postgres_database")
    return new_database(), new_database()


@pytest.mark.parametrize("engine", ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_a_restored_store_publishes_the_same_figures(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    source, target = urls(engine, tmp_path, request)
    with open_store(source) as store:
        small_world(store)
        compute_indicators(store, engine)
        backup = backup_store(store, tmp_path / "backup")
    figures = published(source)
    assert len(figures) > 10
    with open_store(target, migrate=False) as store:
        restore_store(store, backup)
        assert store.schema_version() == latest_version()
    assert published(target) == figures


def test_a_restore_refuses_a_store_with_tables(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "a.duckdb")) as store:
        backup = backup_store(store, tmp_path / "backup")
        with pytest.raises(BackupError, match="restore needs an empty store"):
            restore_store(store, backup)
        with pytest.raises(BackupError, match="exists and is not empty"):
            backup_store(store, backup)
    with (
        open_store(str(tmp_path / "b.duckdb"), migrate=False) as empty,
        pytest.raises(BackupError, match="does not exist"),
    ):
        restore_store(empty, tmp_path / "nowhere")
