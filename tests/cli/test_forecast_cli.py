"""`lloradar forecast run / diff / backtest` on a demo world."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.features.forecast.cli import app
from lloradar.store import open_store

runner = CliRunner()


def flat(output: str) -> str:
    """Rich wraps long lines at the terminal width; compare words, not line breaks."""
    return " ".join(output.split())


SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


@pytest.fixture
def env(module_env: Path) -> Path:
    return module_env


def test_run_then_diff_shows_the_assumptions_and_the_difference(env: Path) -> None:
    for name in ["baseline", "aow-68"]:
        result = runner.invoke(app, ["run", "--scenario", str(SCENARIOS / f"{name}.yaml")])
        assert result.exit_code == 0, result.output
        assert "1,085 region x occupation cells, 2026-2030 [DEMO DATA]" in flat(result.output)
    result = runner.invoke(app, ["show", "--region", "AM18"])
    assert result.exit_code == 0, result.output
    assert "specialist" in result.output and "zeer goed" in flat(result.output)
    result = runner.invoke(app, ["diff", "baseline", "aow-68"])
    assert result.exit_code == 0, result.output
    assert "aow-68-from-2028 (pension_age)" in flat(result.output)
    assert "change prospect class" in flat(result.output)
    assert "ten opzichte van de basis" in flat(result.output)  # LLORADAR_LANG unset: Dutch
    english = runner.invoke(app, ["diff", "baseline", "aow-68"], env={"LLORADAR_LANG": "en"})
    assert english.exit_code == 0 and "against the baseline" in flat(english.output)
    dutch = runner.invoke(
        app, ["diff", "baseline", "aow-68", "--lang", "nl"], env={"LLORADAR_LANG": "en"}
    )
    assert dutch.exit_code == 0 and "ten opzichte van de basis" in flat(dutch.output)


def test_an_invalid_scenario_exits_1_with_key_and_line(env: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('name: bad\nversion: "1"\ndescription: x\nhorizon: 7\n', encoding="utf-8")
    result = runner.invoke(app, ["run", "--scenario", str(bad)])
    assert result.exit_code == 1
    assert "line 4, key 'horizon'" in flat(result.output)


def test_diff_without_runs_says_what_to_do(env: Path) -> None:
    result = runner.invoke(app, ["diff", "baseline", "nothing-here"])
    assert result.exit_code == 1
    assert "run `lloradar forecast run` first" in flat(result.output)


def test_backtest_prints_mape_and_mase_per_horizon(env: Path) -> None:
    result = runner.invoke(app, ["backtest"])
    assert result.exit_code == 0, result.output
    assert "Backtest" in result.output and "MASE" in result.output


def test_show_runs_the_baseline_when_none_is_stored(test_env: Path) -> None:
    with open_store(str(test_env)) as store:
        store.execute("DELETE FROM forecast_value")
        store.execute("DELETE FROM forecast_run")
    result = runner.invoke(app, ["show", "--region", "twente"])
    assert result.exit_code == 0, result.output
    assert "No stored run of baseline: ran scenarios/baseline.yaml now" in flat(result.stderr)
    assert "AM05, baseline-" in flat(result.stdout) and "run `lloradar" not in result.output
    again = runner.invoke(app, ["show", "--region", "AM05"])
    assert again.exit_code == 0 and "ran scenarios" not in again.output


def test_an_unknown_region_suggests_the_closest(env: Path) -> None:
    result = runner.invoke(app, ["show", "--region", "Twnte"])
    assert result.exit_code == 1
    assert "'Twnte' is not a known region; did you mean: Twente (AM05)" in flat(result.output)
