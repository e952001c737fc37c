"""`lloradar sources refresh`: fetch the live CBS and DUO sources again and load what changed."""

from __future__ import annotations

from typing import Annotated

import httpx
import typer
from rich.table import Table

from lloradar.cli.common import console, store_from_settings
from lloradar.features.ingest.refresh_sources import RefreshRun, refresh_sources, watched_sources

app = typer.Typer(help="Live sources: refresh CBS StatLine tables and DUO files.")


def transport() -> httpx.BaseTransport | None:
    """The HTTP transport of the refresh (None: the network); tests put a mock here."""
    return None


def _print(run: RefreshRun) -> None:
    table = Table(title="sources refresh")
    for column in ("source", "outcome", "rows stored", "new periods", "detail"):
        table.add_column(column, justify="right" if column == "rows stored" else "left")
    for o in run.outcomes:
        colour = {"loaded": "green", "unchanged": "", "refused": "red", "failed": "red"}[o.outcome]
        shown = f"[{colour}]{o.outcome}[/{colour}]" if colour else o.outcome
        periods = " ".join(o.new_periods[:8]) + (" ..." if len(o.new_periods) > 8 else "")
        table.add_row(o.key, shown, f"{o.rows:,}", periods, o.detail)
    console.print(table)
    if run.recomputed:
        console.print(run.recomputed)


@app.command("refresh")
def refresh(
    table: Annotated[
        list[str] | None, typer.Option("--table", help="A CBS table id (repeatable).")
    ] = None,
    duo: Annotated[
        list[str] | None, typer.Option("--duo", help="A DUO CSV address (repeatable).")
    ] = None,
    recompute: bool = typer.Option(
        True, "--recompute/--no-recompute", help="Recompute what changed tables feed."
    ),
) -> None:
    """Fetch the live sources again (every CBS table and DUO address in the store, and CBS
    83599NED, unless --table/--duo name them), load only what changed; exit code 1 when a
    source failed or was refused (its stored figures are kept)."""
    with store_from_settings() as store:
        sources = watched_sources(store, table or [], duo or [])
        run = refresh_sources(store, sources, transport=transport(), recompute=recompute)
    _print(run)
    if not run.ok:
        raise typer.Exit(1)
