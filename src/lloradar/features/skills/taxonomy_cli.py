"""`lloradar taxonomy`: import ESCO and O*NET into the common taxonomy, show one concept."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from lloradar.cli.common import console, errors, store_from_settings
from lloradar.features.skills.service import import_taxonomy, show_concept

app = typer.Typer(help="The skills taxonomy: ESCO occupations and skills, ISCO-08, O*NET.")


class Kind(StrEnum):
    esco = "esco"
    onet = "onet"


@app.command("import")
def import_(
    kind: Kind = typer.Argument(..., help="esco (the ESCO CSV package) or onet (O*NET tables)."),
    path: Path = typer.Argument(..., help="The folder with the files."),
) -> None:
    """Import a taxonomy (idempotent); bad rows are quarantined and counted."""
    with store_from_settings() as store, console.status(f"importing {kind.value} from {path}"):
        reports = import_taxonomy(store, kind.value, path)
    for report in reports:
        stored = ", ".join(f"{n} {table}" for table, n in report.stored.items())
        console.print(f"{report.source_id} stored {stored}; {len(report.quarantined)} quarantined")
        for message in report.messages()[:5]:
            console.print(f"  [yellow]quarantined:[/yellow] {message}")


@app.command("show")
def show(
    uri: str = typer.Argument(..., help="A concept id: ESCO URI, O*NET-SOC code, ..."),
) -> None:
    """Print one concept of the taxonomy as JSON."""
    with store_from_settings() as store:
        concept = show_concept(store, uri)
    if concept is None:
        errors.print(f"[red]error:[/red] {uri!r} is not in the imported taxonomy")
        raise typer.Exit(1)
    typer.echo(json.dumps(concept, ensure_ascii=False, indent=2))
