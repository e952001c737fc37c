"""`lloradar tasks link` and `lloradar tasks show` on a tiny O*NET + ESCO world."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import tasks_world
from lloradar.features.tasks.cli import app

runner = CliRunner()


def flat(text: str) -> str:
    """Error lines as one line (the error console wraps at its own width)."""
    return " ".join(text.split())


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.duckdb"
    monkeypatch.setenv("LLORADAR_STORE", str(path))
    return path


def test_link_then_show_an_occupations_tasks_with_confidence(
    store_path: Path, tmp_path: Path
) -> None:
    tasks_world.build(tmp_path / "data")
    linked = runner.invoke(app, ["link", "--data", str(tmp_path / "data")], terminal_width=200)
    assert linked.exit_code == 0, linked.output
    assert "linked 3 ESCO occupations" in flat(linked.output)
    assert "2 to O*NET tasks, 1 to their ESCO essential skills" in flat(linked.output)
    shown = runner.invoke(app, ["show", tasks_world.NURSE], terminal_width=200)
    assert shown.exit_code == 0, shown.output
    assert "tasks from: onet" in flat(shown.output)
    assert "link 1: 29-1141.00 Registered Nurses (confidence 0.61" in flat(shown.output)
    assert "onet:1839" in shown.output and "Maintain accurate records." in flat(shown.output)
    again = runner.invoke(app, ["link", "--data", str(tmp_path / "data")], terminal_width=200)
    assert again.exit_code == 0 and "stored 5 onet_task" in flat(again.output)


def test_unknown_occupation_and_missing_data_are_clear_errors(
    store_path: Path, tmp_path: Path
) -> None:
    unknown = runner.invoke(app, ["show", "http://data.europa.eu/esco/occupation/x"])
    assert unknown.exit_code == 1
    assert "is not an occupation in the store" in flat(unknown.output)
    missing = runner.invoke(app, ["link", "--data", str(tmp_path / "nothing")], terminal_width=200)
    assert missing.exit_code == 1
    assert "Task Statements.xlsx: is missing (expected the O*NET 29.2 Excel release)" in flat(
        missing.output
    )
