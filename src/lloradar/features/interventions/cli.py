"""`lloradar interventions`: the register of regional interventions (HCA projects)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.table import Table

from lloradar.cli.common import console, errors, store_from_settings
from lloradar.config import get_settings
from lloradar.features.interventions.service import (
    NotReleased,
    import_interventions,
    import_participants,
    list_interventions,
    portfolio_csv,
    portfolio_report,
    progress_csv,
    progress_report,
    release_progress,
)

app = typer.Typer(help="Interventions (HCA projects): register, participants, progress.")

AS_OF = typer.Option(
    None, "--as-of", help="A release date YYYY-MM-DD (default: the latest release)."
)
CSV_OUT = typer.Option(None, "--csv", help="Also write the figures to this CSV file.")
DEMO = typer.Option(False, "--demo", help="Mark the loaded rows as demo data.")


def print_report(report_source: str, stored: dict[str, int], messages: list[str]) -> None:
    summary = ", ".join(f"{n} {t}" for t, n in stored.items())
    console.print(f"{report_source}: {summary or 'nothing'} stored")
    for message in messages:
        console.print(f"  [yellow]quarantined:[/yellow] {message}")


def parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)") from None


@app.command("import")
def import_(
    file: Path = typer.Argument(
        ..., help="Register file, .csv or .yaml (docs/interventions-format.md)."
    ),
    demo: bool = DEMO,
) -> None:
    """Import or update interventions with their KPIs (idempotent)."""
    with store_from_settings() as store:
        report = import_interventions(store, file, is_demo=demo)
    print_report(report.location, report.stored, report.messages())


@app.command("participants")
def participants(
    file: Path = typer.Argument(..., help="Participants CSV (docs/interventions-format.md)."),
    demo: bool = DEMO,
) -> None:
    """Import participants and outcomes under keyed-hash pseudonyms (LLORADAR_PSEUDONYM_KEY)."""
    settings = get_settings()
    key = settings.pseudonym_key.get_secret_value()
    if not key:
        errors.print("[red]error:[/red] set LLORADAR_PSEUDONYM_KEY (the key of the pseudonyms)")
        raise typer.Exit(1)
    with store_from_settings(settings) as store:
        report = import_participants(store, file, key, is_demo=demo)
    print_report(report.location, report.stored, report.messages())


@app.command("list")
def list_(region: str | None = typer.Option(None, help="Region code, e.g. AM05.")) -> None:
    """The register."""
    with store_from_settings() as store:
        found = list_interventions(store, region=region)
    table = Table(title=f"{len(found)} interventions")
    for column in ("id", "name", "region", "theme", "status", "KPIs"):
        table.add_column(column)
    for i in found:
        table.add_row(i.id, i.name, i.region_code, i.theme, i.status.value, str(len(i.kpis)))
    console.print(table)


@app.command("progress")
def progress(
    intervention_id: str = typer.Argument(..., help="Intervention id."),
    as_of: str | None = AS_OF,
    csv_out: Path | None = CSV_OUT,
) -> None:
    """Realised vs target per KPI, and outflow to work vs the regional baseline."""
    settings = get_settings()
    with store_from_settings(settings) as store:
        try:
            report = progress_report(
                store, intervention_id, as_of=parse_day(as_of), lang=settings.lang
            )
        except NotReleased as exc:
            errors.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from None
    if report is None:
        errors.print(f"[red]error:[/red] no intervention {intervention_id!r} in the register")
        raise typer.Exit(1)
    demo = " - demo data" if report.is_demo else ""
    console.print(f"[bold]{report.intervention.name}[/bold] ({report.as_of}){demo}")
    table = Table()
    for column in ("KPI", "target", "by", "realised", "expected now", "on track"):
        table.add_column(column)
    for k in report.kpis:
        pct = k.kpi.measure.is_percentage
        table.add_row(
            k.kpi.measure.value,
            f"{k.kpi.target:.0f}",
            k.kpi.target_date.isoformat(),
            k.current.shown(pct),
            f"{k.expected:.0f}",
            {None: "x", True: "yes", False: "no"}[k.on_track],
        )
    console.print(table)
    for text in [*report.kpi_texts, report.outflow_text]:
        console.print(text)
    if csv_out is not None:
        csv_out.write_text(progress_csv(report), encoding="utf-8")


@app.command("release")
def release(
    as_of: str = typer.Option(..., "--as-of", help="The date the figures are for, YYYY-MM-DD."),
) -> None:
    """Release the progress figures on a date (an analyst's action, or a scheduled job): only
    released figures are shown on the pages and the API, each under the disclosure rules."""
    day = parse_day(as_of)
    assert day is not None
    with store_from_settings(get_settings()) as store:
        added = release_progress(store, day, released_by="command line")
    console.print(f"Released the progress figures on {day.isoformat()}: {added} new populations.")


@app.command("portfolio")
def portfolio(
    region: str | None = typer.Option(None, "--region", help="Region code, e.g. AM05."),
    by: str = typer.Option("theme", "--by", help="Group by 'theme' or 'region'."),
    as_of: str | None = AS_OF,
    csv_out: Path | None = CSV_OUT,
) -> None:
    """The interventions of a region per theme (or all regions), with a sentence per row."""
    if by not in ("theme", "region"):
        raise typer.BadParameter("--by must be 'theme' or 'region'")
    settings = get_settings()
    with store_from_settings(settings) as store:
        try:
            report = portfolio_report(
                store, region=region, by=by, as_of=parse_day(as_of), lang=settings.lang
            )
        except NotReleased as exc:
            errors.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from None
    demo = " - demo data" if report.is_demo else ""
    console.print(f"[bold]Portfolio {region or 'all regions'} ({report.as_of}){demo}[/bold]")
    for text in report.texts:
        console.print(text)
    if csv_out is not None:
        csv_out.write_text(portfolio_csv(report), encoding="utf-8")
