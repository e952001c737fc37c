"""Two writers on one DuckDB file at once (issue 19 item 5, issue 22): an indicator run in
another process while this one runs too. The second waits for the file's lock and then runs;
both succeed and the store holds one published result, every cell once (never a mix of two)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_concurrent_runs import small_world

from lloradar.features.indicators.service import compute_indicators
from lloradar.store import open_store

# Another process: opens the file, says so, and holds it through a slow indicator run.
OTHER_RUN = """
import sys, time
from lloradar.features.indicators import tension
from lloradar.features.indicators.service import compute_indicators
from lloradar.store import open_store

replace = tension.replace_values
def slow_replace(store, values):
    replace(store, values)
    time.sleep(0.5)
tension.replace_values = slow_replace
with open_store(sys.argv[1]) as store:
    print("writing", flush=True)
    compute_indicators(store, "duckdb")
print("done", flush=True)
"""


def test_a_run_while_another_process_runs_waits_and_leaves_one_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shared.duckdb"
    with open_store(str(path)) as store:
        small_world(store)
    monkeypatch.setenv("LLORADAR_LOCK_WAIT", "60")
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_RUN, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert other.stdout is not None and other.stdout.readline().strip() == "writing"
    started = time.monotonic()
    with open_store(str(path)) as store:  # waits until the other process has closed the file
        waited = time.monotonic() - started
        compute_indicators(store, "duckdb")
    out, _ = other.communicate(timeout=120)
    assert other.returncode == 0 and out.strip() == "done"
    assert waited >= 0.3
    with open_store(str(path)) as store:
        runs = store.query("SELECT count(DISTINCT run_id) FROM published_indicator")[0][0]
        rows = store.query("SELECT count(*) FROM published_indicator")[0][0]
        cells = store.query(
            "SELECT count(*) FROM (SELECT DISTINCT region_code, occupation_id, period "
            "FROM published_indicator) c"
        )[0][0]
        values = store.query("SELECT count(DISTINCT run_id) FROM indicator_value")[0][0]
    assert runs == values == 1
    assert rows == cells > 0
