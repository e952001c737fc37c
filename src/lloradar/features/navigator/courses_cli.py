"""`lloradar courses`: import a course catalogue and list its courses."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from lloradar.cli.common import console, store_from_settings
from lloradar.features.navigator.courses import import_courses, list_courses

app = typer.Typer(
    help="Course catalogue: schema.org Course JSON-LD or CSV (docs/courses-format.md)."
)


@app.command("import")
def import_(
    path: str = typer.Argument(
        ..., help="Catalogue file or http(s) URL (.jsonld/.json/.html/.csv)."
    ),
    demo: bool = typer.Option(False, "--demo", help="Mark the courses as demo data."),
    skills_engine: bool = typer.Option(
        True,
        "--skills-engine/--no-skills-engine",
        help="Link unmatched skill texts with the skills engine.",
    ),
    fmt: str | None = typer.Option(
        None, "--format", help="csv or jsonld (default: from the name)."
    ),
) -> None:
    """Import or update courses with their skills (idempotent); bad rows are quarantined."""
    with store_from_settings() as store:
        report = import_courses(store, path, is_demo=demo, use_skills_engine=skills_engine, fmt=fmt)
    stored = ", ".join(f"{n} {t}" for t, n in report.stored.items())
    console.print(f"{report.location}: {stored or 'nothing'} stored")
    for message in report.messages():
        console.print(f"  [yellow]quarantined:[/yellow] {message}", markup=True, highlight=False)


@app.command("list")
def list_(
    skill: str | None = typer.Option(None, "--skill", help="Only courses teaching this skill URI."),
    region: str | None = typer.Option(
        None, "--region", help="Only courses in this region or online."
    ),
    limit: int = typer.Option(20, "--limit", min=1, max=500),
    offset: int = typer.Option(0, "--offset", min=0),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of a table."),
) -> None:
    """Courses by name, with what they teach and where they run."""
    with store_from_settings() as store:
        page = list_courses(store, skill=skill, region=region, limit=limit, offset=offset)
    if as_json:
        typer.echo(
            json.dumps({"total": page.total, "items": page.items}, ensure_ascii=False, default=str)
        )
        return
    table = Table(title=f"Courses {offset + 1}-{offset + len(page.items)} of {page.total}")
    for column in ("id", "name", "provider", "teaches", "where / when"):
        table.add_column(column)
    for c in page.items:
        teaches = "; ".join(s["label_en"] for s in c["skills"] if s["relation"] == "teaches")
        runs = "; ".join(
            f"{i['region_code'] or i['location'] or i['mode']} {i['start_date'] or ''}".strip()
            for i in c["instances"]
        )
        name = c["name"] + (" [DEMO]" if c["is_demo"] else "")
        table.add_row(c["course_id"], name, c["provider"], teaches, runs)
    console.print(table)
