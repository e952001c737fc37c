"""`lloradar store`: what the store holds."""

from __future__ import annotations

import typer
from rich.table import Table

from lloradar.cli.common import console, store_from_settings
from lloradar.features.ingest.store_info import store_info

app = typer.Typer(help="The store (DuckDB file or PostgreSQL).")


@app.command("info")
def info() -> None:
    """Tables with row counts, and the provenance of everything loaded."""
    with store_from_settings() as store:
        details = store_info(store)
    console.print(f"Store: {details.url} ({details.dialect})")
    tables = Table(title="Tables")
    tables.add_column("table")
    tables.add_column("rows", justify="right")
    for name, count in details.row_counts.items():
        tables.add_row(name, f"{count:,}")
    console.print(tables)
    sources = Table(title="Provenance")
    for column in ["source", "table", "licence", "retrieved", "demo"]:
        sources.add_column(column)
    for p in details.provenance:
        sources.add_row(
            p["source"],
            p["source_table"],
            p["licence"],
            f"{p['retrieved_at']:%Y-%m-%d %H:%M}",
            "demo" if p["is_demo"] else "",
        )
    console.print(sources)
    if details.quarantined:
        console.print(f"[yellow]{details.quarantined} quarantined rows (table quarantine)[/yellow]")
