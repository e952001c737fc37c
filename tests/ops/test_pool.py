"""A worker's PostgreSQL pool (issue 19): stores borrow its connections, the statement timeout
cancels a runaway query, and a worker refuses an older schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from lloradar.config import Settings
from lloradar.features.ops.service import SchemaOutOfDate, readiness, start_worker
from lloradar.store import close_pools, latest_version, open_store, pool_use

pytestmark = pytest.mark.postgres


@pytest.fixture
def url(new_postgres_database: Any, migrated_postgres_template: str) -> Iterator[str]:
    yield new_postgres_database(migrated_postgres_template)
    close_pools()


def test_stores_borrow_the_pool_connections_and_give_them_back(url: str) -> None:
    settings = Settings(store=url, pool_min_size=1, pool_max_size=1, statement_timeout_ms=300)
    assert start_worker(settings) == latest_version()
    with open_store(url) as first:
        backend = first.query("SELECT pg_backend_pid()")[0][0]
        assert next(iter(pool_use().values())).in_use == 1
    with open_store(url) as second:  # the same connection again, no new backend process
        assert second.query("SELECT pg_backend_pid()")[0][0] == backend
    use = next(iter(pool_use().values()))
    assert (use.in_use, use.max_size) == (0, 1)


def test_the_statement_timeout_cancels_a_runaway_query(url: str) -> None:
    start_worker(Settings(store=url, statement_timeout_ms=200))
    with open_store(url) as store, pytest.raises(psycopg.errors.QueryCanceled):
        store.query("SELECT pg_sleep(3)")
    with open_store(url) as store:  # the connection went back to the pool usable
        assert store.query("SELECT 1") == [(1,)]


def test_a_worker_refuses_an_older_schema(url: str) -> None:
    with open_store(url, migrate=False) as store:
        store.migrate_down(to=5)
    with pytest.raises(
        SchemaOutOfDate, match=f"version 5, but .* needs version {latest_version()}"
    ):
        start_worker(Settings(store=url, migrate_on_start=False))
    assert not readiness(url).ready
    assert start_worker(Settings(store=url, migrate_on_start=True)) == latest_version()
    assert readiness(url).ready
