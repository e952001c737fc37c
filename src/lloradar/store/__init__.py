"""The store: numbered SQL migrations and one `Store` interface over DuckDB and PostgreSQL."""

import duckdb
import psycopg

from lloradar.domain.errors import StoreUnavailable
from lloradar.store.base import Store
from lloradar.store.duckdb_store import DuckDBStore
from lloradar.store.postgres_store import PostgresStore
from lloradar.store.redact import redacted, scrubbed


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Open the store at `url`: a postgresql:// URL or a DuckDB file path (':memory:' too)."""
    store: Store
    try:
        if url.startswith(("postgresql://", "postgres://")):
            store = PostgresStore(url)
        else:
            store = DuckDBStore(url)
    except (duckdb.Error, psycopg.Error) as error:
        reason = scrubbed(str(error).splitlines()[0], url)
        raise StoreUnavailable(redacted(url), f"cannot be opened ({reason})") from None
    if migrate:
        store.migrate()
    return store


__all__ = ["DuckDBStore", "PostgresStore", "Store", "open_store", "redacted", "scrubbed"]
