"""The demo world for the command-line tests: built once per session without shared data, and
copied wherever a test writes to it. And one fixed terminal for every command run here."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.rich_utils

from lloradar.cli import common

# The terminal every CliRunner here sees: wide, no colour, whatever the terminal pytest runs in.
WIDTH = 200
TERMINAL = {"COLUMNS": str(WIDTH), "LINES": "50", "NO_COLOR": "1", "TERM": "dumb"}
# Variables that would force colour on rich (and on Typer's usage errors).
UNSET = ("FORCE_COLOR", "PY_COLORS", "CLICOLOR_FORCE", "TTY_COMPATIBLE")


@pytest.fixture(scope="module", autouse=True)
def fixed_terminal() -> Iterator[None]:
    """A fixed, wide terminal without colour for the commands of each test module.

    The environment covers the consoles made per command (Typer's usage errors, whose width
    TERMINAL_WIDTH fixed at import); the CLI's own consoles (`lloradar.cli.common`) were made at
    import and read COLUMNS and the colour settings only then, so they are set here too, and
    everything is put back afterwards.
    """
    with pytest.MonkeyPatch.context() as patch:
        for name, value in TERMINAL.items():
            patch.setenv(name, value)
        for name in UNSET:
            patch.delenv(name, raising=False)
        for console in (common.console, common.errors):
            patch.setattr(console, "_width", WIDTH)
            patch.setattr(console, "_height", int(TERMINAL["LINES"]))
            patch.setattr(console, "_color_system", None)
        patch.setattr(typer.rich_utils, "MAX_WIDTH", WIDTH, raising=False)
        yield


@pytest.fixture(scope="session")
def demo_world_file(offline_demo_world_file: Path) -> Path:
    """The demo world (seed 42, handmade taxonomy) of tests/conftest.py, shared with the other
    test folders. Never written to: copy it first."""
    return offline_demo_world_file


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
