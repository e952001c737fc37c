"""`lloradar tasks`: the ESCO -> O*NET occupation link and the tasks of an occupation."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.table import Table

from lloradar.cli.common import (
    LANG_DEFAULT,
    Lang,
    chosen_lang,
    console,
    errors,
    store_from_settings,
)
from lloradar.config import get_settings
from lloradar.features.tasks.service import link_from_shared_data, occupation_tasks

app = typer.Typer(help="Tasks of the future: O*NET tasks of ESCO occupations.")


@app.callback()
def main() -> None:
    """Keep the sub-commands a group, also when used on their own."""


@app.command("link")
def link(
    shared_data: Path | None = typer.Option(
        None, "--data", help="The shared data folder (default: LLORADAR_SHARED_DATA)."
    ),
    only_stored: bool = typer.Option(
        False, "--only-stored", help="Link only the occupations in the store (not all of ESCO)."
    ),
) -> None:
    """Load the O*NET task statements and link ESCO occupations to O*NET occupations."""
    folder = shared_data or get_settings().shared_data
    started = time.perf_counter()
    with store_from_settings() as store:
        run = link_from_shared_data(store, folder, only_stored=only_stored)
    seconds = time.perf_counter() - started
    for report in run.reports:
        for message in report.messages()[:20]:
            errors.print(f"[yellow]quarantined:[/yellow] {message}")
    stored = {table: n for r in run.reports for table, n in r.stored.items()}
    typer.echo(
        f"linked {run.occupations} ESCO occupations in {seconds:.1f} s: {run.linked} to O*NET "
        f"tasks, {run.fallback} to their ESCO essential skills; stored "
        + ", ".join(f"{n} {table}" for table, n in stored.items())
    )


@app.command("show")
def show(
    uri: str = typer.Argument(..., help="An ESCO occupation URI."),
    lang: Lang | None = typer.Option(
        None, "--lang", help="Labels of the occupation and its skills.", show_default=LANG_DEFAULT
    ),
) -> None:
    """The tasks of an occupation, with the link (and its confidence) they come through."""
    language = chosen_lang(lang)
    with store_from_settings() as store:
        found = occupation_tasks(store, uri)
    if found is None:
        errors.print(
            f"[red]error:[/red] {uri!r} is not an occupation in the store "
            "(run `lloradar demo build` or `lloradar tasks link`)"
        )
        raise typer.Exit(1)
    typer.echo(f"{found.label(language)}  {found.id}")
    typer.echo(f"tasks from: {found.source.value}")
    for link_ in found.links:
        typer.echo(
            f"  link {link_.rank}: {link_.onet_code} {link_.onet_title} "
            f"(confidence {link_.confidence:.2f}, {link_.method})"
        )
    table = Table("task", "type", "updated", "text")
    for task in found.tasks:
        table.add_row(task.key, task.kind or "", task.updated or "", task.label(language))
    console.print(table)
