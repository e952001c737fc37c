"""Issue 22: a server on a DuckDB file keeps answering while `demo build` (built aside and swapped
in) and an `ingest` write the same file; both writes succeed and both are in the file after."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

import duckdb
import pytest

from demo_worlds import copy_world
from lloradar.store.aside import build_running, built_aside

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "vacancies"
PAGES = ("/inloggen", "/prognose", "/interventies", "/api/interventions", "/api/forecast/runs")


def _count(path: Path, sql: str) -> int:
    with duckdb.connect(str(path), read_only=True) as connection:
        row = connection.execute(sql).fetchone()
    assert row is not None
    return int(row[0])


def test_a_build_aside_is_swapped_in_whole_and_a_failed_one_leaves_the_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "w.duckdb"
    with duckdb.connect(str(target)) as connection:
        connection.execute("CREATE TABLE kept AS SELECT 1 AS x")
    with built_aside(str(target)) as building:
        assert building.endswith(".building") and build_running(str(target))
        with duckdb.connect(building) as connection:
            assert connection.execute("SELECT x FROM kept").fetchall() == [(1,)]  # a copy
            connection.execute("CREATE TABLE built AS SELECT 2 AS y")
        # meanwhile a reader opens the file itself, and sees the old world
        assert _count(target, "SELECT count(*) FROM duckdb_tables() WHERE table_name='built'") == 0
    assert _count(target, "SELECT y FROM built") == 2
    assert not build_running(str(target))
    with pytest.raises(RuntimeError), built_aside(str(target)) as building:
        with duckdb.connect(building) as connection:
            connection.execute("DROP TABLE built")
        raise RuntimeError("the build failed")
    assert _count(target, "SELECT y FROM built") == 2  # untouched
    assert not Path(building).exists()


def test_the_server_answers_while_a_demo_build_and_an_ingest_write(
    offline_demo_world_file: Path, tmp_path: Path
) -> None:
    from lloradar.features.indicators.radar import radar_for_store
    from lloradar.server import create_app

    store = copy_world(offline_demo_world_file, tmp_path / "served.duckdb")
    env = {
        **os.environ,
        "LLORADAR_STORE": str(store),
        "LLORADAR_SHARED_DATA": str(tmp_path / "no-shared-data"),
        "LLORADAR_PSEUDONYM_KEY": "build-aside-test-key-0123456789",
    }
    lloradar = [sys.executable, "-m", "lloradar.cli.main"]
    statuses: list[int] = []
    with TestClient(create_app(radar_for_store(str(store)))) as client:
        build = subprocess.Popen(
            [*lloradar, "demo", "build", "--seed", "7"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while not build_running(str(store)) and build.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        ingest = subprocess.Popen(
            [*lloradar, "ingest", "vacancies", str(FIXTURES / "vacatures.jsonl"), "--no-skills"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        while build.poll() is None or ingest.poll() is None:
            statuses.extend(client.get(page).status_code for page in PAGES)
        statuses.extend(client.get(page).status_code for page in PAGES)
    built, ingested = build.communicate()[0].decode(), ingest.communicate()[0].decode()
    assert build.returncode == 0, built
    assert ingest.returncode == 0, ingested
    assert "waiting until it is swapped in" in ingested  # it waited for the build
    assert statuses and all(status < 500 for status in statuses), sorted(set(statuses))
    assert _count(store, "SELECT count(*) FROM build_state WHERE state = 'complete'") == 1
    assert _count(store, "SELECT count(*) FROM vacancy WHERE source_id IN (SELECT source_id "
                  "FROM provenance WHERE url LIKE '%vacatures.jsonl')") > 0  # fmt: skip
