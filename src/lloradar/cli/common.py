"""What every command shares: settings, the store, the console."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

import typer
from rich.console import Console

from lloradar.config import Settings, get_settings
from lloradar.domain.errors import IngestError, StoreUnavailable
from lloradar.services.session import (
    Store,
    build_running,
    open_configured_store,
    scrubbed,
    wait_for_build,
)

# soft_wrap: a message or an error is one line whatever the terminal's width (the terminal may
# wrap it for display, but a pipe, a log or a test sees the whole line); tables still fit the width.
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)
# A write waits this long for a demo build aside of the same DuckDB file (store/aside.py).
BUILD_WAIT_SECONDS = 900


class Lang(StrEnum):
    """The languages of the texts a command prints: `--lang`, by default LLORADAR_LANG."""

    nl = "nl"
    en = "en"


# What `--help` shows as the default of a `--lang` option (typer's show_default).
LANG_DEFAULT = "LLORADAR_LANG, else nl"


def chosen_lang(lang: Lang | None, settings: Settings | None = None) -> str:
    """`--lang` when given, else the configured language (LLORADAR_LANG, Dutch by default)."""
    return lang.value if lang is not None else (settings or get_settings()).lang


@contextmanager
def store_from_settings(settings: Settings | None = None) -> Iterator[Store]:
    """Open the configured store; a store or ingest error becomes one line and exit code 1."""
    settings = settings or get_settings()
    if build_running(settings.store):
        errors.print(
            f"A demo build is running on {settings.store}: waiting until it is swapped in."
        )
        if not wait_for_build(settings.store, BUILD_WAIT_SECONDS):
            errors.print(f"[red]error:[/red] the build still runs after {BUILD_WAIT_SECONDS} s")
            raise typer.Exit(1)
    try:
        store = open_configured_store(settings)
    except StoreUnavailable as error:
        errors.print(f"[red]error:[/red] {scrubbed(str(error), settings.store)}")
        raise typer.Exit(1) from None
    try:
        yield store
    except IngestError as error:
        errors.print(f"[red]error:[/red] {scrubbed(str(error), settings.store)}")
        raise typer.Exit(1) from None
    finally:
        store.close()
