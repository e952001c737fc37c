"""`lloradar ingest`: load CBS StatLine, UWV, DUO and vacancy texts from a file or a URL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from lloradar.cli.common import console, errors, store_from_settings
from lloradar.config import get_settings
from lloradar.features.ingest.service import (
    IngestReport,
    ingest_cbs,
    ingest_duo,
    ingest_uwv,
    ingest_vacancies,
    store_extractor,
)
from lloradar.features.ingest.shared import SharedRun, ingest_shared

app = typer.Typer(help="Load labour-market sources (all or nothing, bad rows quarantined).")
LARGE_FILE_BYTES = 20 * 2**20  # above this, `ingest vacancies` points to `batch vacancies`
Target = Annotated[str, typer.Argument(help="A file path or an http(s) URL.")]
Refresh = Annotated[
    bool,
    typer.Option(
        "--refresh/--no-refresh",
        help="Recompute what the loaded tables feed (indicators, skill demand) when rows changed.",
    ),
]


def _print(report: IngestReport) -> None:
    load = report.load
    if report.refused:
        errors.print(
            f"[red]refused:[/red] {len(load.quarantined)} bad row(s) quarantined, nothing of "
            f"{load.source} was stored:"
        )
        for message in load.messages()[:20]:
            errors.print(f"  {message}")
        raise typer.Exit(1)
    stored = ", ".join(f"{n:,} {table}" for table, n in load.stored.items()) or "nothing"
    console.print(f"Stored {stored} (source id {load.source_id}).")
    if report.partial and load.quarantined:
        console.print(
            f"  [yellow]{len(load.quarantined)} bad row(s) quarantined[/yellow] "
            "(--keep-good-rows: the good rows were stored):"
        )
        for message in load.messages()[:20]:
            console.print(f"  {message}")
    for note in report.notes:
        console.print(f"  {note}")
    if report.unplaced:
        console.print(
            f"  {report.unplaced:,} vacancies have a location outside the known gemeenten"
        )
    if report.skills:
        console.print(f"  skills: {report.skills}")
    if report.refreshed is not None:
        console.print(report.refreshed.summary())
    elif load.stored and not load.changed_tables:
        console.print("  every row was stored before from the same file: nothing changed")


@app.command("cbs")
def cbs(
    targets: Annotated[list[str], typer.Argument(help="Files, a URL, or a table id (83599NED).")],
    table: str = typer.Option(None, help="CBS table id, when the files do not say."),
    refresh: Refresh = True,
) -> None:
    """A CBS StatLine table (OData v3 or v4), following odata.nextLink across pages."""
    with store_from_settings() as store:
        _print(ingest_cbs(store, targets, table_id=table, refresh=refresh))


@app.command("uwv")
def uwv(target: Target, refresh: Refresh = True) -> None:
    """A UWV open-data CSV of vacancies and job seekers per region x occupation x month."""
    with store_from_settings() as store:
        _print(ingest_uwv(store, target, refresh=refresh))


@app.command("duo")
def duo(target: Target, refresh: Refresh = True) -> None:
    """A DUO open onderwijsdata CSV (graduates hbo/wo, participants mbo)."""
    with store_from_settings() as store:
        _print(ingest_duo(store, target, refresh=refresh))


@app.command("vacancies")
def vacancies(
    target: Target,
    fmt: str = typer.Option(None, "--format", help="csv, jsonl or jsonld (default: guessed)."),
    skills: bool = typer.Option(True, help="Extract skills with the skills engine."),
    refresh: Refresh = True,
    keep_good_rows: bool = typer.Option(
        False,
        "--keep-good-rows",
        help="Store the good rows of a file with bad ones and quarantine those (default: "
        "all or nothing).",
    ),
) -> None:
    """Vacancy texts (CSV, JSON Lines, schema.org JobPosting JSON-LD) with their skills; CSV
    columns and JSON keys may use schema.org names (datePosted, validThrough, jobLocation,
    hiringOrganization, occupationalCategory). For large feeds use `lloradar batch vacancies`
    (batches with progress, resumable)."""
    if Path(target).is_file() and Path(target).stat().st_size > LARGE_FILE_BYTES:
        errors.print(
            f"{target} is large: `lloradar batch vacancies {target}` loads it in batches with "
            "progress and continues where it stopped if interrupted"
        )
    with store_from_settings() as store:
        extract, method = store_extractor(store) if skills else (None, "")
        report = ingest_vacancies(
            store,
            target,
            fmt=fmt,
            extract=extract,
            method=method,
            refresh=refresh,
            keep_good_rows=keep_good_rows,
        )
        if extract is None and skills:
            report.skills = method
        _print(report)


def _print_shared(run: SharedRun) -> None:
    table = Table(title=f"Real public data from {run.base}")
    for column in ("dataset", "rows stored", "rows quarantined", "provenance id"):
        table.add_column(column, justify="right" if column.startswith("rows") else "left")
    for r in run.results:
        if r.skipped:
            table.add_row(r.dataset, "-", "-", f"skipped: {r.skipped}")
        else:
            note = " (refused)" if r.refused else ""
            table.add_row(r.dataset, f"{r.stored:,}", f"{r.quarantined:,}{note}", r.source_id)
    console.print(table)
    for note in run.notes:
        console.print(f"  {note}")


@app.command("shared")
def shared(
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="The shared data folder (default: LLORADAR_SHARED_DATA, ../shared/data)."
        ),
    ] = None,
) -> None:
    """Every real dataset in the shared data folder (regions, SBI, CBS StatLine, DUO), in one
    idempotent, all-or-nothing run; prints a table per dataset."""
    settings = get_settings()
    base = directory if directory is not None else settings.shared_data
    if not base.is_dir():
        errors.print(f"[red]error:[/red] {base} is not a folder (pass the shared data folder)")
        raise typer.Exit(1)
    with store_from_settings(settings) as store:
        run = ingest_shared(store, base, progress=lambda name: errors.print(f"loading {name}"))
    _print_shared(run)
