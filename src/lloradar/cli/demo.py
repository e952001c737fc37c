"""`lloradar demo`: build the demo world and show its summary."""

from __future__ import annotations

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from lloradar.cli.common import console, store_from_settings
from lloradar.config import get_settings
from lloradar.demo import build_demo_world
from lloradar.services.session import shared_data_dir
from lloradar.services.summary import region_summaries

app = typer.Typer(help="The deterministic demo world (labelled as demo data everywhere).")


@app.command("build")
def build(
    seed: int = typer.Option(42, help="Random seed: the same seed gives the same world."),
) -> None:
    """Write the demo world into the store (idempotent for a seed)."""
    settings = get_settings()
    shared = shared_data_dir(settings)
    with (
        store_from_settings(settings) as store,
        Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console
        ) as progress,
    ):
        progress.add_task("Building the demo world", total=None)
        world = build_demo_world(store, seed=seed, shared_data=shared)
    taxonomy = "real ESCO occupations" if world.uses_esco else "handmade demo taxonomy (demo: ids)"
    console.print(
        f"Demo world (seed {world.seed}): {world.regions} regions x {world.occupations} "
        f"occupations x {world.months} months, {taxonomy}, stored in {settings.store}"
    )
    if shared is None:
        console.print(f"[yellow]{settings.shared_data} not found: built-in regions only.[/yellow]")


@app.command("summary")
def summary() -> None:
    """Per region, the latest month: open vacancies, short-term job seekers, tension class."""
    with store_from_settings() as store:
        rows = region_summaries(store)
    if not rows:
        console.print("The store holds no vacancy data yet: run `lloradar demo build` first.")
        raise typer.Exit(1)
    demo = any(r.is_demo for r in rows)
    title = f"Spanningsindicator / tension indicator, {rows[0].period:%Y-%m}"
    table = Table(title=title + ("  [DEMO DATA, not real]" if demo else ""))
    for column in [
        "code",
        "arbeidsmarktregio",
        "open vacancies",
        "job seekers < 6 mnd",
        "ratio",
        "class",
    ]:
        table.add_column(column, justify="right" if column[0] in "ojr" else "left")
    for r in rows:
        table.add_row(
            r.code,
            r.name,
            f"{r.open_vacancies:,}" if r.open_vacancies is not None else "<10",
            f"{r.job_seekers_short:,}" if r.job_seekers_short is not None else "<10",
            f"{r.ratio:.2f}" if r.ratio is not None else "no data",
            f"{r.tension} ({r.tension.label_en})" if r.tension else "no data",
        )
    console.print(table)
