"""`lloradar flows`: a region's flow matrix and the waterbed effect, as JSON or text."""

from __future__ import annotations

import json

import typer

from lloradar.cli.common import errors, store_from_settings
from lloradar.domain import IngestError
from lloradar.domain.errors import UnknownLabel, ValidationError
from lloradar.features.flows import payloads, scenarios, service

app = typer.Typer(help="Flows (stromen): transition matrices per region and the waterbed effect.")

BASIS = typer.Option("job_seekers", "--basis", help="job_seekers or employed.")
LEVEL = typer.Option("occupation", "--level", help="occupation or sector.")
LANG = typer.Option("nl", "--lang", help="nl or en (labels and text).")


@app.callback()
def main() -> None:
    """Keep the sub-commands a group, also when used on their own."""


def _fail(error: Exception) -> typer.Exit:
    errors.print(f"[red]error:[/red] {error}")
    return typer.Exit(1)


@app.command("matrix")
def matrix(
    region: str = typer.Argument(..., help="An arbeidsmarktregio code, e.g. AM05."),
    basis: str = BASIS,
    level: str = LEVEL,
    lang: str = LANG,
) -> None:
    """The region's flow matrix after disclosure control (x hidden, - not a viable move)."""
    try:
        with store_from_settings() as store:
            payload = payloads.flows_payload(
                service.region_flows(store, region, basis, level), lang
            )
    except (ValidationError, IngestError) as error:
        raise _fail(error) from None
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))


@app.command("waterbed")
def waterbed(
    region: str = typer.Argument(..., help="An arbeidsmarktregio code, e.g. AM05."),
    target: str = typer.Argument(..., help="Occupation (id, label) or sector (SBI code)."),
    n: int = typer.Argument(..., help="People drawn into the target."),
    basis: str = BASIS,
    level: str = LEVEL,
    lang: str = LANG,
    output: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Where N people drawn into TARGET come from and how tension changes there."""
    if output not in ("text", "json"):
        raise _fail(ValidationError("--format", output, "text or json"))
    try:
        with store_from_settings() as store:
            result = service.waterbed(store, region, target, n, basis, level, lang)
    except (ValidationError, UnknownLabel, IngestError, LookupError) as error:
        raise _fail(error) from None
    payload = payloads.waterbed_payload(result, lang)
    if output == "json":
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    typer.echo(payload["text"])
    for source in payload["sources"]:
        typer.echo(f"  {source['drawn']:>7}  {source['label']}")
    if payload["other_sources"]:
        typer.echo(f"  {payload['other_sources']:>7}  ({'andere' if lang == 'nl' else 'other'})")
    for note in payload["notes"]:
        typer.echo(note)


@app.command("scenario")
def scenario(
    region: str = typer.Argument(..., help="An arbeidsmarktregio code, e.g. AM05."),
    name: str = typer.Argument(..., help="A shipped scenario with a recruitment drive."),
    basis: str = typer.Option("employed", "--basis", help="job_seekers or employed."),
    lang: str = LANG,
) -> None:
    """The waterbed of a scenario's largest recruitment drive in the region."""
    try:
        with store_from_settings() as store:
            draw, result = scenarios.waterbed_for_scenario(store, region, name, basis, lang)
    except (ValidationError, UnknownLabel, IngestError, LookupError) as error:
        raise _fail(error) from None
    typer.echo(
        f"{draw.scenario} / {draw.assumption}: {draw.national_per_year:,.0f} a year nationally, "
        f"{draw.n} in {result.flows.region_name}"
    )
    typer.echo(result.text)
