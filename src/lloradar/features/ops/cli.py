"""`lloradar serve` and `lloradar store migrate|backup|restore`: running the server and keeping
its store (docs/operations.md)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import typer
import uvicorn

from lloradar.cli.common import console, errors
from lloradar.config import get_settings
from lloradar.features.ops.logs import log_config
from lloradar.features.ops.service import (
    BackupError,
    SchemaOutOfDate,
    StoreUnavailable,
    backup,
    is_postgres,
    latest_version,
    migrate,
    prepare_store,
    redacted,
    restore,
    schema_version,
)

# By import string: uvicorn imports the app in each worker process.
APP = "lloradar.server:create_app"
WORKER_START_SECONDS = 120
migrate_app = typer.Typer(help="Schema migrations: up to the latest, or down to a version.")


def _fail(message: str) -> typer.Exit:
    errors.print(f"[red]error:[/red] {message}")
    return typer.Exit(1)


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(
        None, help="Worker processes (LLORADAR_WORKERS, else 1); more than 1 needs PostgreSQL."
    ),
    migrate_on_start: bool = typer.Option(
        None,
        "--migrate/--no-migrate",
        help="Apply pending migrations first (LLORADAR_MIGRATE_ON_START, else yes); "
        "with --no-migrate an older schema is refused.",
    ),
    log_level: str = typer.Option("info", help="debug, info, warning or error."),
) -> None:
    """Serve the web app and REST API: migrations (or the schema check) once, then the workers,
    each with its own connection pool on PostgreSQL. Logs are JSON lines with the request id."""
    settings = get_settings()
    workers = workers or settings.workers
    if workers > 1 and not is_postgres(settings.store):
        raise _fail(
            f"--workers {workers} needs PostgreSQL: a DuckDB file ({settings.store}) has one "
            "writer process at a time; serve it with --workers 1"
        )
    try:
        version = prepare_store(settings, migrate=migrate_on_start)
    except StoreUnavailable as error:  # SchemaOutOfDate too: both versions named
        raise _fail(str(error)) from None
    # The workers are new processes that read the settings from the environment: they check
    # the schema (done here) instead of migrating again, and share one metrics folder.
    os.environ["LLORADAR_MIGRATE_ON_START"] = "false"
    if workers > 1 and settings.metrics_dir is None:
        metrics_dir = tempfile.mkdtemp(prefix="lloradar-metrics-")
        atexit.register(shutil.rmtree, metrics_dir, True)
        os.environ["LLORADAR_METRICS_DIR"] = metrics_dir
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir  # read by prometheus_client
    elif settings.metrics_dir is not None:
        settings.metrics_dir.mkdir(parents=True, exist_ok=True)
        for stale in settings.metrics_dir.glob("*.db"):  # the files of an earlier run's workers
            stale.unlink()
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(settings.metrics_dir)
    console.print(
        f"LLO Radar serving {redacted(settings.store)} (schema {version}) at "
        f"http://{host}:{port} with {workers} worker(s)  (API docs: /api/docs)"
    )
    uvicorn.run(
        APP,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=log_config(log_level, settings.log_format),
        access_log=False,  # the request middleware logs each request, with its id
        # A new worker imports the whole app before it answers the supervisor's ping: on a busy
        # machine that takes longer than uvicorn's 5 s, and it would be killed and restarted.
        timeout_worker_healthcheck=WORKER_START_SECONDS,
    )


@migrate_app.command("up")
def migrate_up(
    to: int = typer.Option(None, "--to", help="Stop at this version (default: the latest)."),
) -> None:
    """Apply the migrations not applied yet."""
    _migrate("up", to)


@migrate_app.command("down")
def migrate_down(
    to: int = typer.Option(..., "--to", help="Revert every migration above this version."),
) -> None:
    """Revert migrations, newest first, with their NNN_name.down.sql files (data in the tables
    they made is lost: make a backup first)."""
    _migrate("down", to)


@migrate_app.command("status")
def migrate_status() -> None:
    """The store's schema version and the version this LLO Radar needs."""
    settings = get_settings()
    try:
        version = schema_version(settings.store)
    except StoreUnavailable as error:
        raise _fail(str(error)) from None
    needed = latest_version()
    state = "current" if version == needed else ("behind" if version < needed else "ahead")
    console.print(f"Store {redacted(settings.store)}: schema {version}, needed {needed} ({state})")


def _migrate(direction: str, to: int | None) -> None:
    settings = get_settings()
    try:
        changed, version = migrate(settings.store, direction, to)
    except (StoreUnavailable, ValueError) as error:
        raise _fail(str(error)) from None
    done = "Applied" if direction == "up" else "Reverted"
    listed = ", ".join(f"{v:03d}" for v in changed) or "nothing"
    console.print(f"{done} {listed}; {redacted(settings.store)} is at schema version {version}")


def store_backup(
    path: Path = typer.Argument(
        ..., help="New folder (DuckDB) or file (PostgreSQL, pg_dump custom format)."
    ),
) -> None:
    """Back up the whole store (DuckDB EXPORT DATABASE, or pg_dump)."""
    settings = get_settings()
    try:
        written = backup(settings.store, path)
    except (StoreUnavailable, BackupError) as error:
        raise _fail(str(error)) from None
    console.print(f"Backed up {redacted(settings.store)} to {written}")


def store_restore(
    path: Path = typer.Argument(..., help="A backup made by `lloradar store backup`."),
) -> None:
    """Restore a backup into the configured store, which must be empty (a new DuckDB file or
    a new PostgreSQL database)."""
    settings = get_settings()
    try:
        version = restore(settings.store, path)
    except (StoreUnavailable, BackupError) as error:
        raise _fail(str(error)) from None
    console.print(f"Restored {path} into {redacted(settings.store)} (schema version {version})")


def register(store_app: typer.Typer) -> None:
    """Add `migrate`, `backup` and `restore` to the `lloradar store` group."""
    store_app.add_typer(migrate_app, name="migrate")
    store_app.command("backup")(store_backup)
    store_app.command("restore")(store_restore)


__all__ = ["SchemaOutOfDate", "register", "serve"]
