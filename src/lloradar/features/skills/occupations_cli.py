"""`lloradar occupations`: similar occupations and transitions, explained by skills."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from lloradar.cli.common import errors, store_from_settings
from lloradar.features.skills.service import load_similarity_model, similar_occupations

app = typer.Typer(help="Occupations: similarity and career transitions (ESCO).")


@app.callback()
def main() -> None:
    """Keep the sub-commands a group, also when used on their own."""


@app.command("similar")
def similar(
    uri: str | None = typer.Argument(None, help="An ESCO occupation URI."),
    top: int = typer.Option(20, "--top", min=1, help="How many suggestions."),
    output: str = typer.Option("json", "--format", help="json (only format)."),
    input_file: Path | None = typer.Option(
        None, "--input", help="A file with one URI per line: writes JSON Lines, in input order."
    ),
) -> None:
    """The occupations most worth moving to from URI, best first: the score, its components
    (skills, semantic, coverage, work, description, isco), shared skills, the essential skills
    to learn and those of them the origin has a close skill for."""
    if output != "json":
        errors.print(f"[red]error:[/red] --format {output!r}: only json is supported")
        raise typer.Exit(2)
    if (uri is None) == (input_file is None):
        errors.print("[red]error:[/red] give either one URI or --input FILE")
        raise typer.Exit(2)
    if input_file is not None:
        try:
            uris = [u.strip() for u in input_file.read_text("utf-8").splitlines() if u.strip()]
        except (OSError, UnicodeDecodeError) as error:
            errors.print(f"[red]error:[/red] {input_file}: cannot be read ({error})")
            raise typer.Exit(1) from None
    else:
        uris = [uri or ""]
    with store_from_settings() as store:
        model = load_similarity_model(store)
    try:
        for suggestions in similar_occupations(model, uris, top):
            line = json.dumps(suggestions, ensure_ascii=False)
            typer.echo(line if input_file is not None else json.dumps(suggestions, indent=2))
    except LookupError as error:
        errors.print(f"[red]error:[/red] {error.args[0]}")
        raise typer.Exit(1) from None
