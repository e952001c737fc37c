"""`lloradar indicators`: compute the labour-market indicators on an engine, show them."""

from __future__ import annotations

import csv
import json
import sys
import time
from enum import StrEnum
from typing import Any

import typer
from rich.table import Table

from lloradar.analytics.disclosure import HIDDEN
from lloradar.cli.common import console, errors, store_from_settings
from lloradar.cli.labels import known_labels
from lloradar.features.indicators.skills import (
    MIN_TEXT_SCORE,
    SKILL_FLAGS,
    compute_skill_indicators,
    diagnosis_table,
    skill_table,
    stored_skill_table,
)
from lloradar.features.indicators.tension import (
    FLAGS,
    compute_indicators,
    ensure_indicators,
    indicator_table,
)

app = typer.Typer(help="Labour-market indicators per region x occupation x month.")

SHOWN = [
    ("period", "month"),
    ("open_vacancies", "open vac."),
    ("job_seekers_short", "seekers <6m"),
    ("interested", "interested"),
    ("experienced", "experienced"),
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
        f"in {report.seconds:.1f} s on {report.engine}{demo}; published with "
        f"{report.hidden_primary:,} counts under 10 people hidden and "
        f"{report.hidden_secondary:,} more to protect them"
    )


def _cell(name: str, row: dict[str, Any]) -> str:
    value = row.get(name)
    if value is None and name in (row.get("hidden") or "").split():
        return HIDDEN
    if value is None:
        return "—" if name != "flags" else ""
    if isinstance(value, float):
        whole = {"open_vacancies", "job_seekers_short", "tension_rank"}
        return f"{value:.0f}" if name in whole else f"{value:.2f}"
    return str(value)


@app.command("show")
def show(
    region: str = typer.Option(..., help="Region code (AM.., PV.., NL01) or name."),
    occupation: str = typer.Option(..., help="Occupation id, ISCO code or exact label."),
    output: Format = typer.Option(Format.table, "--format", help="table, json or csv."),
    last: int = typer.Option(0, help="Only the last N months (0: all)."),
) -> None:
    """Every indicator for one region x occupation, one row per month (computed first when the
    store holds none yet)."""
    with known_labels(), store_from_settings() as store:
        rows = indicator_table(store, region, occupation, last=last or None)
        clock = time.perf_counter()
        computed = None if rows else ensure_indicators(store)
        if computed is not None:
            errors.print(
                f"No indicators were stored: computed them now ({computed.cells:,} cells in "
                f"{time.perf_counter() - clock:.1f} s on {computed.engine})."
            )
            rows = indicator_table(store, region, occupation, last=last or None)
    if not rows:
        console.print(
            f"No indicator values for {region} x {occupation}: the store holds no vacancy or "
            "job-seeker figures for them."
        )
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
        title=f"{rows[0]['region']} x {rows[0]['occupation_id']}"
        + ("  [DEMO DATA]" if demo else "")
    )
    for _, header in SHOWN:
        table.add_column(header)
    for row in rows:
        table.add_row(*(_cell(name, row) for name, _ in SHOWN))
    console.print(table)
    if any(r.get("hidden") for r in rows):
        console.print(
            f"  {HIDDEN}: hidden, fewer than 10 people or a count that would reveal such a group"
        )
    used = sorted({f for r in rows for f in (r.get("flags") or "").split()})
    for flag in used:
        console.print(f"  {flag}: {FLAGS[flag]}")


def _emit(rows: list[dict[str, Any]], output: Format, title: str, columns: list[str]) -> None:
    if output is Format.json:
        sys.stdout.write(json.dumps(rows, indent=2, default=str) + "\n")
        return
    if output is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table(title=title)
    for name in columns:
        table.add_column(name)
    for row in rows:
        table.add_row(*(_cell(name, row) for name in columns))
    console.print(table)


@app.command("skills")
def skills(
    region: str = typer.Option(..., help="Region code (AM..) or name."),
    top: int = typer.Option(20, help="Only the first N skills (0: all)."),
    output: Format = typer.Option(Format.table, "--format", help="table, json or csv."),
    store_results: bool = typer.Option(
        False,
        "--store-results",
        help="Compute every region x skill x month, store it as a run, show the stored rows.",
    ),
    engine: Engine | None = typer.Option(
        None, help="Engine of a --store-results run (default: the store's own)."
    ),
    min_score: float = typer.Option(
        MIN_TEXT_SCORE,
        min=0.0,
        max=2.0,
        help="Lowest skills-engine score that counts a posting's skill.",
    ),
) -> None:
    """Skill demand (vacancy texts and occupations) vs supply (job seekers) in a region, latest
    month. Sources per figure: demand_text, demand_occupation, demand_source."""
    with known_labels(), store_from_settings() as store:
        if store_results:
            on = engine.value if engine else store.dialect
            report = compute_skill_indicators(store, on, min_score)
            demo = "  [DEMO DATA]" if report.is_demo else ""
            errors.print(
                f"Run {report.run_id}: {report.rows:,} rows ({report.from_text:,} with text "
                f"demand, {report.real_shortages:,} real shortages) in {report.seconds:.1f} s "
                f"on {report.engine}, text score >= {report.min_score}{demo}"
            )
            rows = stored_skill_table(store, region, top=top or None)
        else:
            rows = skill_table(store, region, top=top or None, min_score=min_score)
    if not rows:
        console.print(f"No skill demand or supply for {region}.")
        raise typer.Exit(1)
    columns = ["skill_id", "label_en", "demand", "demand_source", "demand_text"]
    columns += ["demand_occupation", "supply_short", "supply_experienced"]
    columns += ["demand_supply_ratio", "real_shortage", "flags"]
    _emit(rows, output, f"Skills in {region}, {rows[0]['period']}", columns)
    if output is Format.table:
        used = sorted({f for r in rows for f in (r.get("flags") or "").split()})
        for flag in used:
            console.print(f"  {flag}: {SKILL_FLAGS[flag]}")


@app.command("diagnose")
def diagnose(
    region: str = typer.Option(..., help="Region code (AM..) or name."),
    occupation: str | None = typer.Option(None, help="One occupation id, ISCO code or label."),
    output: Format = typer.Option(Format.table, "--format", help="table, json or csv."),
) -> None:
    """Shortage diagnosis per occupation in a region over the latest 12 months."""
    with known_labels(), store_from_settings() as store:
        rows = diagnosis_table(store, region, occupation)
    if not rows:
        console.print(f"No cells to diagnose in {region}.")
        raise typer.Exit(1)
    columns = ["occupation_id", "tension_ratio", "days_open", "fill_rate"]
    columns += ["interested_per_vacancy", "experienced_per_vacancy", "long_term_share"]
    columns += ["score", "diagnosis", "driver", "education_signal", "flags"]
    _emit(rows, output, f"Shortage diagnosis, {region} (latest 12 months)", columns)
