"""`lloradar welfare`: load a CBS StatLine table by its id, and show a region's brede welvaart
(broad welfare) indicators."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from lloradar.cli.common import console, errors, store_from_settings
from lloradar.config import get_settings
from lloradar.features.welfare.service import (
    load_table,
    number,
    theme_name,
    welfare_profile,
    welfare_text,
)

app = typer.Typer(
    help="Brede welvaart (broad welfare): CBS StatLine tables beside the labour data."
)


@app.command("load")
def load(
    table_id: str = typer.Argument(..., help="StatLine table id, e.g. 83765NED."),
    folder: Path | None = typer.Option(
        None, "--from-folder", help="A saved cbsodata download instead of the live feed."
    ),
    row_filter: str | None = typer.Option(
        None,
        "--filter",
        help="OData $filter for the rows, e.g. \"substringof('GM',WijkenEnBuurten)\".",
    ),
    demo: bool = typer.Option(False, "--demo", help="Mark the loaded rows as demo data."),
) -> None:
    """Load any StatLine table (OData v3) by its id: values, topics and their units."""
    with store_from_settings() as store:
        report = load_table(store, table_id, folder=folder, row_filter=row_filter, is_demo=demo)
    summary = ", ".join(f"{n} {t}" for t, n in report.stored.items())
    console.print(f"{table_id}: {summary or 'nothing'} stored")
    for message in report.messages():
        console.print(f"  [yellow]quarantined:[/yellow] {message}")


@app.command("show")
def show(region: str = typer.Argument(..., help="Region code, e.g. AM05.")) -> None:
    """A region's broad-welfare indicators beside the national figure."""
    settings = get_settings()
    lang = settings.lang
    with store_from_settings(settings) as store:
        profile = welfare_profile(store, region)
    if profile is None:
        errors.print(f"[red]error:[/red] no region {region!r}")
        raise typer.Exit(1)
    demo = " - demo data" if profile.is_demo else ""
    title = f"{profile.region_name} ({profile.region_code}): {profile.table_title}{demo}"
    table = Table(title=title)
    for column in ("theme", "indicator", "value", "national", "unit", "parts"):
        table.add_column(column)
    for v in profile.values:
        table.add_row(
            theme_name(v.indicator.theme, lang),
            v.indicator.label(lang),
            number(v.value, lang),
            number(v.national, lang),
            v.indicator.unit_in(lang),
            f"{v.parts_used}/{v.parts_in_region}",
        )
    console.print(table)
    for sentence in welfare_text(profile, lang):
        console.print(sentence)
