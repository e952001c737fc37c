"""Test helper: copy a session's demo world file before writing to it.

    from demo_worlds import copy_world
    path = copy_world(shared_data_demo_world_file, tmp_path / "demo.duckdb")

The demo worlds themselves are session fixtures of tests/conftest.py (`offline_demo_world_file`,
`shared_data_demo_world_file`, `app_world_file`): each is built once per session and never written to.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def copy_world(source: Path, target: Path) -> Path:
    """A private copy of a session's closed DuckDB file (one file: closing checkpoints the WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
