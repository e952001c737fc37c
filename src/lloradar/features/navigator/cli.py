"""`lloradar navigator`: occupations ranked for a set of skills in a region (career navigator)."""

from __future__ import annotations

import json

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
from lloradar.features.navigator.service import (
    NavigatorError,
    navigate,
    occupation_skills,
    result_json,
)


def navigator(
    skill: list[str] = typer.Option([], "--skill", help="A skill URI (repeat for more)."),
    occupation: str | None = typer.Option(
        None, "--occupation", help="Start from the essential skills of this occupation (id)."
    ),
    region: str = typer.Option(..., "--region", help="Arbeidsmarktregio code, e.g. AM05."),
    top: int = typer.Option(10, "--top", min=1, max=100),
    fmt: str = typer.Option("table", "--format", help="table or json."),
    lang: Lang | None = typer.Option(None, "--lang", help="Labels.", show_default=LANG_DEFAULT),
) -> None:
    """Rank occupations by skill fit and regional opportunity, with missing skills and courses."""
    if fmt not in ("table", "json"):
        raise typer.BadParameter("expected table or json", param_hint="--format")
    with store_from_settings() as store:
        try:
            skills = list(skill) + (occupation_skills(store, occupation) if occupation else [])
            found = navigate(store, skills, region.upper(), top=top)
            result = result_json(found, chosen_lang(lang))
        except NavigatorError as error:
            errors.print(f"[red]error:[/red] {error}")
            raise typer.Exit(1) from None
    if fmt == "json":
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    title = f"Career options in {result['region']['name']} ({result['region']['code']})"
    table = Table(title=title + ("  [DEMO DATA]" if result["is_demo"] else ""))
    for column in ("#", "occupation", "score", "fit", "tension", "forecast", "missing (courses)"):
        table.add_column(column)
    for rank, o in enumerate(result["occupations"], start=1):
        chance = o["opportunity"]
        missing = "; ".join(
            m["label"] + (f" ({len(m['courses'])})" if m["courses"] else "")
            for m in o["missing_skills"][:4]
        )
        more = len(o["missing_skills"]) - 4
        table.add_row(
            str(rank),
            o["label"],
            f"{o['score']:.2f}",
            f"{o['fit']:.2f}",
            chance["tension_class"] or "no data",
            f"{chance['forecast_prospect'] or 'no data'} / {chance['forecast_direction'] or '-'}",
            missing + (f" +{more} more" if more > 0 else ""),
        )
    console.print(table)
    for t in result["transitions"]:
        console.print(
            f"shrinking -> growing: {t['from']['label']} -> {t['to']['label']} "
            f"(covers {t['coverage']:.0%} of the essential skills)"
        )
