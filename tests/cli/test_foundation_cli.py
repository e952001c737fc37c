"""The foundation commands: demo build/summary, regions list, store info."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.cli.main import app

runner = CliRunner()


def flat(output: str) -> str:
    return " ".join(output.split())


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    store = tmp_path / "cli.duckdb"
    monkeypatch.setenv("LLORADAR_STORE", str(store))
    monkeypatch.setenv("LLORADAR_SHARED_DATA", str(tmp_path / "no-shared-data"))
    return store


def test_help_lists_the_command_groups() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for group in ["demo", "regions", "store"]:
        assert group in result.output


def test_regions_list_prints_35_regions_with_codes(env: Path) -> None:
    result = runner.invoke(app, ["regions", "list", "--json"])
    assert result.exit_code == 0, result.output
    regions = json.loads(result.output)
    assert len(regions) == 35
    assert {"code": "AM05", "name": "Twente"} in regions
    table = runner.invoke(app, ["regions", "list"])
    assert "35 arbeidsmarktregio regions" in flat(table.output)


def test_demo_build_then_summary_and_store_info(env: Path) -> None:
    build = runner.invoke(app, ["demo", "build", "--seed", "42"], env={"COLUMNS": "200"})
    assert build.exit_code == 0, build.output
    assert "35 regions x 31 occupations x 60 months" in flat(build.output)
    assert "handmade demo taxonomy" in flat(build.output)
    summary = runner.invoke(app, ["demo", "summary"], env={"COLUMNS": "200"})
    assert summary.exit_code == 0, summary.output
    assert "DEMO DATA" in flat(summary.output)
    assert "Groot Amsterdam" in flat(summary.output)
    assert any(cls in summary.output for cls in ["krap", "gemiddeld", "ruim"])
    info = runner.invoke(app, ["store", "info"], env={"COLUMNS": "200"})
    assert info.exit_code == 0, info.output
    assert "vacancy_stats" in info.output
    assert "65,100" in info.output
    assert "LLO Radar demo world" in flat(info.output)


def test_summary_on_an_empty_store_says_what_to_do(env: Path) -> None:
    result = runner.invoke(app, ["demo", "summary"])
    assert result.exit_code == 1
    assert "lloradar demo build" in flat(result.output)


def test_an_unusable_store_gives_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.duckdb"
    broken.write_text("not a database")
    monkeypatch.setenv("LLORADAR_STORE", str(broken))
    result = runner.invoke(app, ["store", "info"], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "broken.duckdb: cannot be opened" in flat(result.output)
    assert "Traceback" not in result.output
