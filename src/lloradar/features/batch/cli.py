"""`lloradar batch vacancies`: a large vacancy file (or folder) in batches, locally or on Spark,
with its skills and the skill demand; progress with rows/s and an estimate; resumable."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from lloradar.cli.common import console, errors, store_from_settings
from lloradar.features.batch.service import (
    BATCH_ROWS,
    BatchRun,
    Options,
    ProgressHook,
    run_batch,
    skill_finder,
)
from lloradar.store import Store

app = typer.Typer(help="Batch work on large files (local DuckDB or Spark), resumable.")


@contextmanager
def progress_bar() -> Iterator[ProgressHook]:
    """A rich progress bar per file: postings stored, rows/s and the time left."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:,.0f} rows/s"),
        TimeRemainingColumn(),
    )
    tasks: dict[str, TaskID] = {}
    with Progress(*columns, console=errors) as bar:

        def advance(location: str, done: int, total: int) -> None:
            if location not in tasks:
                tasks[location] = bar.add_task(Path(location).name, total=total, rate=0.0)
            task = tasks[location]
            bar.update(task, completed=done, total=total)
            speed = bar.tasks[task].speed
            bar.update(task, rate=speed or 0.0)

        yield advance


def run_with_progress(
    store: Store, target: Path, out: Path | None, options: Options, skills: bool
) -> BatchRun:
    finder = skill_finder(store) if skills else None
    with progress_bar() as advance:
        return run_batch(store, target, out=out, options=options, finder=finder, progress=advance)


def print_run(run: BatchRun) -> None:
    for f in run.files:
        if f.loaded_before:
            console.print(
                f"{f.location}: loaded before from the same bytes (source id {f.source_id})"
            )
            continue
        console.print(
            f"{f.location}: {f.read:,} records read, {f.stored:,} vacancies and {f.skills:,} "
            f"skill rows stored, {f.quarantined:,} quarantined (source id {f.source_id})"
        )
        if f.unplaced:
            console.print(f"  {f.unplaced:,} vacancies have a location outside the known gemeenten")
        for message in f.messages:
            console.print(f"  {message}")
    seconds = max(run.seconds, 1e-9)
    console.print(
        f"{run.stored:,} vacancies in {run.seconds:,.1f} s ({run.stored / seconds:,.0f}/s) on "
        f"{run.engine}" + (f"; skills: {run.method}" if run.method else "")
    )
    if run.indicators is not None:
        console.print(run.indicators.summary())
    if run.out is not None:
        console.print(f"Parquet written under {run.out}")


@app.command("vacancies")
def vacancies(
    target: Annotated[
        Path, typer.Argument(help="A .jsonl/.ndjson(.gz) or .parquet file, or a folder of them.")
    ],
    out: Annotated[Path | None, typer.Option(help="Folder for the Parquet output (kept).")] = None,
    engine: Annotated[
        str, typer.Option(help="local (DuckDB, this process) or spark (local[N]).")
    ] = "local",
    batch_rows: Annotated[int, typer.Option(help="Postings per committed batch.")] = BATCH_ROWS,
    partitions: Annotated[int, typer.Option(help="Spark: local[N] cores.")] = 2,
    skills: Annotated[bool, typer.Option(help="Extract skills with the skills engine.")] = True,
    indicators: Annotated[
        bool, typer.Option(help="Recompute the skill demand afterwards (in the store).")
    ] = True,
) -> None:
    """Vacancy texts in batches: each batch is committed with the position reached, so a run
    that stopped continues there when started again (never storing a row twice). Good postings
    are stored and bad ones quarantined (as `ingest vacancies --keep-good-rows`)."""
    if engine not in ("local", "spark"):
        errors.print(f"[red]error:[/red] --engine {engine!r}: expected local or spark")
        raise typer.Exit(2)
    options = Options(engine, batch_rows, partitions, indicators)
    with store_from_settings() as store:
        print_run(run_with_progress(store, target, out, options, skills))
