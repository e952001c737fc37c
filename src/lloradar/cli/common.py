"""What every command shares: settings, the store, the console."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from lloradar.config import Settings, get_settings
from lloradar.domain.errors import IngestError, StoreUnavailable
from lloradar.services.session import Store, open_configured_store

console = Console()
errors = Console(stderr=True)


@contextmanager
def store_from_settings(settings: Settings | None = None) -> Iterator[Store]:
    """Open the configured store; a store or ingest error becomes one line and exit code 1."""
    settings = settings or get_settings()
    try:
        store = open_configured_store(settings)
    except StoreUnavailable as error:
        errors.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1) from None
    try:
        yield store
    except IngestError as error:
        errors.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1) from None
    finally:
        store.close()
