"""`lloradar indicators skills / diagnose` on a demo world."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.cli.main import app
from lloradar.demo import build_demo_world
from lloradar.store import open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("skill-indicators-cli") / "x.duckdb"
    with open_store(str(path)) as store:
        build_demo_world(store, 42, None)
    return path


@pytest.fixture
def region(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LLORADAR_STORE", str(store_path))
    monkeypatch.setenv("LLORADAR_SHARED_DATA", str(store_path.parent / "no-shared-data"))
    with open_store(str(store_path)) as store:
        return str(store.query("SELECT min(region_code) FROM vacancy_stats")[0][0])


def test_skills_json_top_n(region: str) -> None:
    result = runner.invoke(
        app, ["indicators", "skills", "--region", region, "--top", "5", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert 0 < len(rows) <= 5
    assert {"skill_id", "demand", "supply_short", "real_shortage", "flags"} <= set(rows[0])
    # real shortages first, then by demand
    keys = [(not r["real_shortage"], -r["demand"]) for r in rows]
    assert keys == sorted(keys)


def test_skills_table_and_csv(region: str) -> None:
    table = runner.invoke(app, ["indicators", "skills", "--region", region, "--top", "3"])
    assert table.exit_code == 0, table.output
    assert "Skills in" in table.stdout
    out = runner.invoke(app, ["indicators", "skills", "--region", region, "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert list(csv.DictReader(io.StringIO(out.stdout)))


def test_diagnose_names_a_driver_and_no_invented_education_signal(region: str) -> None:
    result = runner.invoke(app, ["indicators", "diagnose", "--region", region, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows
    drivers = {
        None,
        "none",
        "too few people",
        "wrong skills",
        "poor conditions / retention",
        "unclear",
    }
    assert {r["driver"] for r in rows} <= drivers
    assert {r["education_signal"] for r in rows} == {"unavailable"}
    assert all(r["is_demo"] and "demo" in r["flags"].split() for r in rows)
    one = rows[0]["occupation_id"]
    single = runner.invoke(
        app, ["indicators", "diagnose", "--region", region, "--occupation", one, "--format", "csv"]
    )
    assert single.exit_code == 0, single.output
    assert [r["occupation_id"] for r in csv.DictReader(io.StringIO(single.stdout))] == [one]
    table = runner.invoke(app, ["indicators", "diagnose", "--region", region])
    assert table.exit_code == 0 and "Shortage diagnosis" in table.stdout


def test_unknown_region_exits_with_a_message(region: str) -> None:
    result = runner.invoke(app, ["indicators", "diagnose", "--region", "AM99"])
    assert result.exit_code == 1
