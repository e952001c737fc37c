"""`lloradar indicators`: compute the labour-market indicators on an engine, show them."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Any

import typer
from rich.table import Table

from lloradar.cli.common import console, store_from_settings
from lloradar.services.indicators import FLAGS, compute_indicators, indicator_table

app = typer.Typer(help="Labour-market indicators per region x occupation x month.")

SHOWN = [
    ("period", "month"),
    ("open_vacancies", "open vac."),
    ("job_seekers_short", "seekers <6m"),
    ("tension_ratio", "tension"),
    ("tension_class", "class"),
    ("tension_ratio_ma12", "12m avg"),
    ("tension_ratio_yoy", "YoY"),
    ("tension_rank", "rank"),
    ("interested_per_vacancy", "interested/vac."),
    ("experienced_per_vacancy", "experienced/vac."),
    ("days_open", "days open"),
    ("fill_rate", "fill rate"),
    ("flags", "flags"),
]


class Engine(StrEnum):
    duckdb = "duckdb"
    postgres = "postgres"
    spark = "spark"


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command("compute")
def compute(
    engine: Engine = typer.Option(Engine.duckdb, help="Where the indicators are computed."),
) -> None:
    """Recompute every indicator from the stored facts and replace the stored values."""
    with store_from_settings() as store, console.status(f"Computing on {engine.value}"):
        report = compute_indicators(store, engine.value)
    demo = "  [DEMO DATA]" if report.is_demo else ""
    console.print(
        f"Run {report.run_id}: {report.cells:,} cells, {report.values:,} values "
        f"in {report.seconds:.1f} s on {report.engine}{demo}"
    )


def _cell(name: str, value: Any) -> str:
    if value is None:
        return "—" if name != "flags" else ""
    if isinstance(value, float):
        whole = {"open_vacancies", "job_seekers_short", "tension_rank"}
        return f"{value:.0f}" if name in whole else f"{value:.2f}"
    return str(value)


@app.command("show")
def show(
    region: str = typer.Option(..., help="Region code: AM.. (or PV.., NL01)."),
    occupation: str = typer.Option(..., help="Occupation id, ISCO code or exact label."),
    output: Format = typer.Option(Format.table, "--format", help="table, json or csv."),
    last: int = typer.Option(0, help="Only the last N months (0: all)."),
) -> None:
    """Every indicator for one region x occupation, one row per month."""
    with store_from_settings() as store:
        rows = indicator_table(store, region, occupation, last=last or None)
    if not rows:
        console.print("No indicator values: run `lloradar indicators compute` first.")
        raise typer.Exit(1)
    if output is Format.json:
        sys.stdout.write(json.dumps(rows, indent=2, default=str) + "\n")
        return
    if output is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[-1]), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    demo = any("demo" in (r.get("flags") or "").split() for r in rows)
    table = Table(
        title=f"{region} x {rows[0]['occupation_id']}" + ("  [DEMO DATA]" if demo else "")
    )
    for _, header in SHOWN:
        table.add_column(header)
    for row in rows:
        table.add_row(*(_cell(name, row.get(name)) for name, _ in SHOWN))
    console.print(table)
    used = sorted({f for r in rows for f in (r.get("flags") or "").split()})
    for flag in used:
        console.print(f"  {flag}: {FLAGS[flag]}")
