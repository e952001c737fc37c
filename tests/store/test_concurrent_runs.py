"""Two writers at once on PostgreSQL (issue 22): result runs that replace a whole table leave
one result, and two processes migrating a fresh database both succeed."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from lloradar.domain import Provenance
from lloradar.features.indicators import tension
from lloradar.features.indicators.service import compute_indicators
from lloradar.pipeline.save import TableRows, save_load
from lloradar.store import Store, open_store

pytestmark = pytest.mark.postgres


def at_once(work: Callable[[], Any], times: int = 2) -> list[BaseException]:
    """Run `work` in `times` threads released together; the errors they raised."""
    start = threading.Barrier(times)
    errors: list[BaseException] = []

    def run() -> None:
        start.wait()
        try:
            work()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors


def test_two_processes_migrate_a_fresh_database(fresh_postgres_url: str) -> None:
    url = fresh_postgres_url  # a new database without any migration
    assert at_once(lambda: open_store(url).close(), times=3) == []
    with open_store(url) as store:
        versions = [r[0] for r in store.query("SELECT version FROM schema_migration")]
    assert len(versions) == len(set(versions)) > 10


def small_world(store: Store) -> None:
    """Two regions in one provincie, two occupations, a year of months."""
    regions = [
        ("NL01", "Nederland", "land", None, None),
        ("PV20", "Groningen", "provincie", "NL01", "PV20"),
        ("AM01", "Groningen", "arbeidsmarktregio", "PV20", "PV20"),
        ("AM02", "Friesland", "arbeidsmarktregio", "PV20", "PV20"),
    ]
    key = ["region_code", "occupation_id", "period"]
    cells = [
        (region, occupation, date(2024, month, 1))
        for region in ("AM01", "AM02")
        for occupation in ("occ-a", "occ-b")
        for month in range(1, 13)
    ]
    save_load(
        store,
        Provenance("test", "concurrency", "t", datetime(2026, 1, 1), "CC0", "sha256:c"),
        [
            TableRows("region", ["code", "name", "level", "parent_code", "province_code"],
                      ["code"], regions),
            TableRows("vacancy_stats", [*key, "open_vacancies", "new_vacancies", "filled_vacancies"],
                      key, [(*c, 20 + i % 30, 5, 3) for i, c in enumerate(cells)]),
            TableRows("labour_supply",
                      [*key, "job_seekers_short", "job_seekers_long", "interested", "experienced"],
                      key, [(*c, (7 * i) % 40, 30, 40, 20) for i, c in enumerate(cells)]),
        ],
    )  # fmt: skip


def test_two_indicator_runs_at_once_leave_one_result(
    fresh_postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(fresh_postgres_url) as store:
        small_world(store)
    # Hold each replace open a moment, so the two transactions overlap for certain.
    replace = tension.replace_values

    def slow_replace(store: Store, values: Any) -> None:
        replace(store, values)
        time.sleep(1.0)

    monkeypatch.setattr(tension, "replace_values", slow_replace)

    def run() -> None:
        with open_store(fresh_postgres_url) as store:
            compute_indicators(store, "postgres")

    assert at_once(run) == []
    with open_store(fresh_postgres_url) as store:
        runs = store.query("SELECT count(DISTINCT run_id) FROM indicator_value")[0][0]
        published = store.query("SELECT count(DISTINCT run_id) FROM published_indicator")[0][0]
        rows = store.query("SELECT count(*) FROM published_indicator")[0][0]
        cells = store.query(
            "SELECT count(*) FROM (SELECT DISTINCT region_code, occupation_id, period "
            "FROM published_indicator) c"
        )[0][0]
    assert runs == published == 1
    assert rows == cells  # every cell once
