"""`lloradar inclusion`: people at a distance from the labour market in a region, as JSON."""

from __future__ import annotations

import json

import typer

from lloradar.cli.common import errors, store_from_settings
from lloradar.domain import IngestError
from lloradar.domain.errors import ValidationError
from lloradar.features.inclusion import service

app = typer.Typer(help="Inclusion (inclusie): people at a distance from the labour market.")


@app.callback()
def main() -> None:
    """Keep the sub-commands a group, also when used on their own."""


@app.command("show")
def show(
    region: str = typer.Argument(..., help="An arbeidsmarktregio code, e.g. AM05."),
    lang: str = typer.Option("nl", "--lang", help="nl or en (labels)."),
) -> None:
    """Breakdowns and the potential toward tight occupations; null is a hidden count."""
    try:
        with store_from_settings() as store:
            payload = service.inclusion_payload(service.region_inclusion(store, region), lang)
    except (ValidationError, IngestError) as error:
        errors.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1) from None
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
