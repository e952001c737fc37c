"""`lloradar employer`: the employer view of a vacancy text from the command line."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from lloradar.cli.common import (
    LANG_DEFAULT,
    Lang,
    chosen_lang,
    console,
    errors,
    store_from_settings,
)
from lloradar.config import get_settings
from lloradar.features.employer.service import (
    BASELINE_PENSION_AGE,
    SUPPRESSED,
    EmployerInputError,
    VacancyQuery,
    analyse_vacancy,
    models_for,
)
from lloradar.features.skills.service import SkillsUnavailable

app = typer.Typer(help="Employers: skills, candidate pool and competition for a vacancy.")


class Format(StrEnum):
    text = "text"
    json = "json"


@app.callback()
def main() -> None:
    """Keep the sub-commands a group, also when used on their own."""


def _read(path: Path, what: str) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as error:
        errors.print(f"[red]error:[/red] {path}: the {what} cannot be read ({error.strerror})")
        raise typer.Exit(1) from None


@app.command("vacancy")
def vacancy(
    file: Path = typer.Argument(..., help="The vacancy text (UTF-8), Dutch or English."),
    region: str = typer.Option(..., "--region", help="Arbeidsmarktregio code, e.g. AM05."),
    occupation: str | None = typer.Option(
        None, "--occupation", help="ESCO URI, UUID or exact label instead of the best match."
    ),
    team: Path | None = typer.Option(
        None, "--team", help="Team composition CSV: occupation,age_band,count."
    ),
    pension_age: int = typer.Option(
        BASELINE_PENSION_AGE, "--pension-age", min=55, max=75, help="State pension (AOW) age."
    ),
    lang: Lang | None = typer.Option(
        None, "--lang", help="Language of labels and duiding.", show_default=LANG_DEFAULT
    ),
    output: Format = typer.Option(Format.text, "--format", help="text or json."),
) -> None:
    """Skills, candidate pool, competing vacancies, occupations to recruit from and skills at
    risk through retirement; counts of fewer than 10 people are shown as <10 (null in json)."""
    text = _read(file, "vacancy text")
    team_csv = _read(team, "team file") if team is not None else ""
    settings = get_settings()
    url = settings.store
    query = VacancyQuery(
        text, region, occupation, team_csv, pension_age, chosen_lang(lang, settings)
    )
    try:
        models = models_for(url)
        with store_from_settings() as store:
            result = analyse_vacancy(store, models, query).as_dict()
    except (EmployerInputError, SkillsUnavailable) as error:
        where = f"{file}: " if getattr(error, "field", "") == "text" else ""
        errors.print(f"[red]error:[/red] {where}{error}")
        raise typer.Exit(2 if isinstance(error, EmployerInputError) else 1) from None
    if output == Format.json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    _print(result)


def _n(value: object) -> str:
    return SUPPRESSED if value is None else str(value)


def _print(result: dict[str, object]) -> None:
    region = result["region"]
    assert isinstance(region, dict)
    demo = " (demo data)" if result["is_demo"] else ""
    console.print(f"[bold]{region['name']} ({region['code']}), {result['period']}{demo}[/bold]")
    for block in ("skills", "pool", "competition", "adjacent", "team_risk"):
        part = result[block]
        assert isinstance(part, dict)
        console.print(f"\n[bold]{block}[/bold]: " + " ".join(part["text"]), highlight=False)
        if block == "skills":
            for s in part["items"]:
                console.print(f"  {s['score']:.2f}  {s['label']}", highlight=False)
        elif block == "adjacent":
            for a in part["items"]:
                console.print(
                    f"  {a['similarity']:.2f} ({a['viability']})  {a['label']}: "
                    f"{_n(a['pool']['candidates'])} "
                    f"candidates, {len(a['gap'])} skills to learn",
                    highlight=False,
                )
        elif block == "team_risk":
            for k in part["items"][:15]:
                console.print(
                    f"  {k['label']}: {_n(k['holders'])} holders, {_n(k['retiring_10'])} "
                    "retiring within 10 years",
                    highlight=False,
                )
            if len(part["items"]) > 15:
                console.print(f"  ... and {len(part['items']) - 15} more (--format json)")
