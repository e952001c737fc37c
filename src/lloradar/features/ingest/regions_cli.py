"""`lloradar regions`: the CBS regional geography."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from lloradar.cli.common import console, store_from_settings
from lloradar.config import get_settings
from lloradar.domain import RegionLevel
from lloradar.features.ingest.reference import load_reference_data
from lloradar.services.regions import list_regions
from lloradar.services.session import shared_data_dir

app = typer.Typer(help="Regions: gemeenten, arbeidsmarktregio's, provincies (CBS codes).")


@app.command("list")
def list_(
    level: RegionLevel = typer.Option(RegionLevel.ARBEIDSMARKTREGIO, help="Which level."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List the regions of one level with their codes (loads the reference data if needed)."""
    settings = get_settings()
    with store_from_settings(settings) as store:
        regions = list_regions(store, level)
        if not regions:
            load_reference_data(store, shared_data_dir(settings))
            regions = list_regions(store, level)
    if as_json:
        console.print_json(json.dumps([{"code": r.code, "name": r.name} for r in regions]))
        return
    table = Table(title=f"{len(regions)} {level.value} regions")
    table.add_column("code")
    table.add_column("name")
    table.add_column("provincie")
    for r in regions:
        table.add_row(r.code, r.name, r.province_code or "")
    console.print(table)


@app.command("load")
def load() -> None:
    """Load regions, boundaries, ISCO-08 groups and SBI sectors (idempotent)."""
    settings = get_settings()
    with store_from_settings(settings) as store:
        reports = load_reference_data(store, shared_data_dir(settings))
    for report in reports:
        stored = ", ".join(f"{n} {t}" for t, n in report.stored.items())
        console.print(f"{report.source}: {stored or 'nothing'}")
        for message in report.messages():
            console.print(f"  [yellow]quarantined:[/yellow] {message}")
