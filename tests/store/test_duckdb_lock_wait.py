"""One DuckDB file, two processes (issue 22): an open waits while the other process holds the
write lock, and gives up with a clear error after LLORADAR_LOCK_WAIT seconds."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from lloradar.domain.errors import StoreUnavailable
from lloradar.store import open_store

HOLD = """
import sys, time, duckdb
connection = duckdb.connect(sys.argv[1])
connection.execute("CREATE TABLE IF NOT EXISTS held (x INTEGER)")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.close()
"""


def hold_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process with the file open for writing, for `seconds`."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_an_open_waits_for_the_other_process_to_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLORADAR_LOCK_WAIT", "30")
    path = tmp_path / "shared.duckdb"
    holder = hold_lock(path, 1.5)
    started = time.monotonic()
    with open_store(str(path)) as store:
        assert store.query("SELECT count(*) FROM held")[0][0] == 0
    assert time.monotonic() - started >= 0.5  # it waited instead of failing at once
    holder.communicate(timeout=30)


def test_after_the_wait_the_error_names_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLORADAR_LOCK_WAIT", "0.3")
    path = tmp_path / "busy.duckdb"
    holder = hold_lock(path, 5)
    try:
        with pytest.raises(StoreUnavailable) as raised:
            open_store(str(path))
        assert "busy.duckdb" in str(raised.value) and "lock" in str(raised.value).lower()
    finally:
        holder.kill()
        holder.communicate(timeout=30)
