"""The store: numbered SQL migrations and one `Store` interface over DuckDB and PostgreSQL."""

import os

import duckdb
import psycopg

from lloradar.domain.errors import StoreUnavailable
from lloradar.store.base import SchemaOutOfDate, Store, latest_version
from lloradar.store.duckdb_store import DuckDBStore
from lloradar.store.pools import close_pools, pool_for, pool_use, use_pool
from lloradar.store.postgres_store import PostgresStore
from lloradar.store.redact import redacted, scrubbed

# The stores this process has migrated or found current: opening one of them again skips the
# migrations (a web request opens the store each time; it should cost no schema query).
_current: set[tuple[str, int]] = set()


def _is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def _identity(url: str) -> tuple[str, int] | None:
    """What names one database: the URL, and for a DuckDB file its inode too (a file removed
    and made again at the same path is another store); None for an in-memory database."""
    if _is_postgres(url):
        return (url, 0)
    if url == ":memory:" or not url:
        return None
    try:
        return (os.path.abspath(url), os.stat(url).st_ino)
    except OSError:
        return None


def mark_current(store: Store) -> None:
    """Remember that `store` has this code's schema (migrations will not run again on open)."""
    identity = _identity(store.url)
    if identity is not None:
        _current.add(identity)


def forget_current(url: str) -> None:
    """After a down migration: the next open migrates (or checks) again."""
    identity = _identity(url)
    if identity is not None:
        _current.discard(identity)


def open_store(url: str, *, migrate: bool = True, wait: float | None = None) -> Store:
    """Open the store at `url`: a postgresql:// URL or a DuckDB file path (':memory:' too).
    A PostgreSQL URL with a pool in this process (`use_pool`) borrows one of its connections.
    `migrate`: apply the migrations not applied yet, once per store and process. `wait`: how
    long a DuckDB open waits for another process's lock (default LLORADAR_LOCK_WAIT)."""
    try:
        store: Store = (
            PostgresStore(url, pool=pool_for(url))
            if _is_postgres(url)
            else DuckDBStore(url, wait=wait)
        )
    except (duckdb.Error, psycopg.Error) as error:
        reason = scrubbed(str(error).splitlines()[0], url)
        raise StoreUnavailable(redacted(url), f"cannot be opened ({reason})") from None
    if migrate and _identity(url) not in _current:
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
        mark_current(store)
    return store


__all__ = [
    "DuckDBStore",
    "PostgresStore",
    "SchemaOutOfDate",
    "Store",
    "close_pools",
    "forget_current",
    "latest_version",
    "mark_current",
    "open_store",
    "pool_use",
    "redacted",
    "scrubbed",
    "use_pool",
]
