"""Connection pools for the server: one psycopg pool per PostgreSQL URL in each worker process.

A served worker calls `use_pool(url, ...)` once at start-up; from then on `open_store(url)` in
that process borrows a connection from the pool instead of connecting (about 5 ms and a backend
process each time) and `Store.close()` gives it back. The pool's connections carry the statement
timeout, so a runaway query of a page is cancelled by PostgreSQL instead of holding a connection.
The command line keeps its own connection per command (no pool, no timeout: batch runs are long).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from psycopg_pool import ConnectionPool

from lloradar.store.redact import redacted

_pools: dict[str, ConnectionPool[Any]] = {}


@dataclass(frozen=True, slots=True)
class PoolUse:
    """What a pool holds now: its connections, those lent out, and requests waiting for one."""

    size: int
    max_size: int
    in_use: int
    waiting: int
    timeouts: int


def use_pool(
    url: str,
    *,
    min_size: int = 1,
    max_size: int = 10,
    timeout: float = 10.0,
    statement_timeout_ms: int = 0,
) -> ConnectionPool[Any]:
    """Open (once per process) the pool for `url`. A borrower waits up to `timeout` seconds for a
    free connection, then fails (`StoreUnavailable`, a 503 with Retry-After on the web)."""
    if url in _pools:
        return _pools[url]
    options = f"-c statement_timeout={statement_timeout_ms}" if statement_timeout_ms else ""
    kwargs: dict[str, Any] = {"autocommit": True}
    if options:
        kwargs["options"] = options
    pool: ConnectionPool[Any] = ConnectionPool(
        url,
        min_size=min_size,
        max_size=max(max_size, min_size),
        timeout=timeout,
        kwargs=kwargs,
        name=redacted(url),
        open=False,
    )
    pool.open(wait=False)
    _pools[url] = pool
    return pool


def pool_for(url: str) -> ConnectionPool[Any] | None:
    return _pools.get(url)


def pool_use() -> dict[str, PoolUse]:
    """Redacted URL -> the use of its pool, for the metrics."""
    found = {}
    for url, pool in _pools.items():
        stats = pool.get_stats()
        size = stats.get("pool_size", 0)
        found[redacted(url)] = PoolUse(
            size=size,
            max_size=pool.max_size,
            in_use=size - stats.get("pool_available", 0),
            waiting=stats.get("requests_waiting", 0),
            timeouts=stats.get("requests_errors", 0),
        )
    return found


def close_pools() -> None:
    """Close every pool of this process (at shutdown)."""
    while _pools:
        _, pool = _pools.popitem()
        pool.close()
