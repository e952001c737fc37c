"""The command line does not depend on the terminal: an error or a message is one line however
narrow the terminal is, a table fits it, and the tests here all see the same wide terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.cli import common
from lloradar.features.ingest import regions_cli as regions
from lloradar.features.skills import taxonomy_cli as taxonomy

runner = CliRunner()


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> int:
    """A terminal of 30 columns for the CLI's consoles."""
    for console in (common.console, common.errors):
        monkeypatch.setattr(console, "_width", 30)
    return 30


def test_the_tests_see_a_wide_terminal_without_colour() -> None:
    # tests/cli/conftest.py fixes it, whatever COLUMNS or FORCE_COLOR were when rich was imported
    for console in (common.console, common.errors):
        assert console.width == 200 and console.color_system is None


def test_an_error_is_one_whole_line_on_a_narrow_terminal(narrow: int, tmp_path: Path) -> None:
    missing = tmp_path / ("a-folder-with-a-long-name-" * 3)
    result = runner.invoke(taxonomy.app, ["import", "onet", str(missing)])
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "error:" in line]
    assert len(line) > narrow and f"{missing}: is not a folder (expected" in line


def test_a_table_fits_a_narrow_terminal(narrow: int, module_env: Path) -> None:
    result = runner.invoke(regions.app, ["list"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(len(line) <= narrow for line in lines if line.startswith(("┏", "│", "└")))
    assert "AM05" in result.output
