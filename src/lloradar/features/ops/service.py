"""Use-cases of running the server: the schema at start-up, the pool of a worker, readiness,
migrations up and down, backups, and the Prometheus metrics every worker records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

from lloradar.config import Settings
from lloradar.domain.errors import StoreUnavailable
from lloradar.store import (
    SchemaOutOfDate,
    forget_current,
    latest_version,
    mark_current,
    open_store,
    pool_use,
    redacted,
    use_pool,
)
from lloradar.store.backup import BackupError, backup_store, restore_store

__all__ = [
    "CACHE",
    "REQUESTS",
    "BackupError",
    "Readiness",
    "SchemaOutOfDate",
    "StoreUnavailable",
    "backup",
    "is_postgres",
    "latest_version",
    "metrics_payload",
    "migrate",
    "prepare_store",
    "readiness",
    "record_pool_use",
    "redacted",
    "restore",
    "schema_version",
    "start_worker",
]

# Request latency by route template (not the raw path: the number of series stays bounded).
REQUESTS = Histogram(
    "lloradar_http_request_duration_seconds",
    "Time to answer an HTTP request, by method, route and status class.",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 10),
)
CACHE = Counter(
    "lloradar_page_cache_total",
    "Anonymous GET answers by what the page cache did: hit, miss (stored) or bypass.",
    ["result"],
)
POOL = Gauge(
    "lloradar_db_pool_connections",
    "PostgreSQL pool connections of the workers: size, max, in_use, waiting (requests).",
    ["state"],
    multiprocess_mode="livesum",
)
POOL_TIMEOUTS = Gauge(
    "lloradar_db_pool_errors",
    "Requests that got no pooled connection in time (pool timeout), per worker lifetime.",
    multiprocess_mode="livesum",
)


# A readiness probe waits this long for a DuckDB file another process writes, then says busy.
PROBE_WAIT_SECONDS = 2.0


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def prepare_store(settings: Settings, *, migrate: bool | None = None) -> int:
    """At start-up, once: apply the pending migrations (`migrate_on_start`), then insist on the
    schema this code needs. Returns the schema version; `SchemaOutOfDate` names both versions."""
    apply = settings.migrate_on_start if migrate is None else migrate
    with open_store(settings.store, migrate=apply) as store:
        version = store.check_schema()
        mark_current(store)
    return version


def start_worker(settings: Settings) -> int:
    """In each worker process before it serves: a connection pool for PostgreSQL (with the
    statement timeout), and the schema check (or the migrations, when started alone)."""
    if is_postgres(settings.store):
        use_pool(
            settings.store,
            min_size=settings.pool_min_size,
            max_size=settings.pool_max_size,
            timeout=settings.pool_timeout,
            statement_timeout_ms=settings.statement_timeout_ms,
        )
    return prepare_store(settings)


@dataclass(frozen=True, slots=True)
class Readiness:
    ready: bool
    store: str
    schema_version: int | None
    needed_version: int
    detail: str = ""


def readiness(url: str) -> Readiness:
    """Ready: the store answers and its schema is the one this code needs."""
    needed = latest_version()
    try:
        with open_store(url, migrate=False, wait=PROBE_WAIT_SECONDS) as store:
            found = store.schema_version()
    except StoreUnavailable as error:
        return Readiness(False, redacted(url), None, needed, str(error))
    except Exception as error:  # an unreachable store is a reason, not a crash of the probe
        return Readiness(False, redacted(url), None, needed, type(error).__name__)
    if found != needed:
        detail = str(SchemaOutOfDate(redacted(url), found, needed))
        return Readiness(False, redacted(url), found, needed, detail)
    return Readiness(True, redacted(url), found, needed)


def migrate(url: str, direction: str, to: int | None = None) -> tuple[list[int], int]:
    """`up` (to version `to` or the latest) or `down` (to version `to`); returns the versions
    applied or reverted and the schema version after."""
    with open_store(url, migrate=False) as store:
        if direction == "up":
            changed = store.migrate(to=to)
        else:
            if to is None:
                raise ValueError("migrate down needs --to VERSION (0 removes every table)")
            changed = store.migrate_down(to=to)
            forget_current(url)
        return changed, store.schema_version()


def schema_version(url: str) -> int:
    """The store's schema version (0: no migration applied), changing nothing."""
    with open_store(url, migrate=False) as store:
        return store.schema_version()


def backup(url: str, target: Path) -> Path:
    with open_store(url, migrate=False) as store:
        return backup_store(store, target)


def restore(url: str, source: Path) -> int:
    """Restore a backup into an empty store at `url`; returns its schema version."""
    with open_store(url, migrate=False) as store:
        restore_store(store, source)
        return store.schema_version()


def record_pool_use() -> None:
    """The gauges of this worker's pool (cheap: a dict of counters), after each request."""
    for use in pool_use().values():
        POOL.labels("size").set(use.size)
        POOL.labels("max").set(use.max_size)
        POOL.labels("in_use").set(use.in_use)
        POOL.labels("waiting").set(use.waiting)
        POOL_TIMEOUTS.set(use.timeouts)


def metrics_payload(settings: Settings) -> tuple[bytes, str]:
    """The Prometheus text exposition of every worker (their files in `metrics_dir`), or of
    this process alone."""
    record_pool_use()
    if settings.metrics_dir is not None:
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=str(settings.metrics_dir))  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
