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


def test_an_open_while_another_thread_closes_the_file_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen under load: a thread connects while another closes the process's last connection
    to the file, and DuckDB says the file is still attached. A moment later it is not."""
    import duckdb

    from lloradar.store import duckdb_store

    real_connect = duckdb.connect
    failures = iter([True, True])

    def flaky(path: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        if next(failures, False):
            raise duckdb.BinderException(
                'Binder Error: Unique file handle conflict: Cannot attach "x" - the database '
                'file "x.duckdb" is already attached by database "x"'
            )
        return real_connect(path, read_only=read_only)

    monkeypatch.setattr(duckdb_store.duckdb, "connect", flaky)
    with open_store(str(tmp_path / "x.duckdb"), migrate=False) as store:
        assert store.query("SELECT 42") == [(42,)]

    def other_binder_error(path: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        raise duckdb.BinderException("Binder Error: something else")

    monkeypatch.setattr(duckdb_store.duckdb, "connect", other_binder_error)
    with pytest.raises(StoreUnavailable, match="something else"):
        open_store(str(tmp_path / "y.duckdb"), migrate=False)
