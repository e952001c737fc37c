"""`lloradar skills`: extract ESCO skills from Dutch or English text."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from lloradar.cli.common import errors, store_from_settings
from lloradar.features.skills.service import extract_skills, load_extractor

app = typer.Typer(help="Skills: extraction from vacancies, CVs and sentences (nl, en).")
BATCH = 256


class Lang(StrEnum):
    nl = "nl"
    en = "en"
    auto = "auto"


def _lines(data: bytes) -> list[str]:
    """One text per line; invalid UTF-8 bytes become U+FFFD instead of stopping the run."""
    text = data.decode("utf-8-sig", errors="replace")
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


@app.callback()
def main() -> None:
    """Keep the sub-commands a group, also when used on their own."""


@app.command("extract")
def extract(
    lang: Lang = typer.Option(Lang.auto, "--lang", help="Language of the texts."),
    top: int = typer.Option(5, "--top", min=1, help="Skills per text."),
    output: str = typer.Option("jsonl", "--format", help="jsonl (only format)."),
    input_file: Path | None = typer.Option(
        None, "--input", help="A file with one text per line (default: standard input)."
    ),
) -> None:
    """Read one text per line, write one JSON object per line, in order."""
    if output != "jsonl":
        errors.print(f"[red]error:[/red] --format {output!r}: only jsonl is supported")
        raise typer.Exit(2)
    try:
        data = input_file.read_bytes() if input_file else sys.stdin.buffer.read()
    except OSError as error:
        errors.print(f"[red]error:[/red] {input_file}: cannot be read ({error.strerror})")
        raise typer.Exit(1) from None
    texts = [line.rstrip("\r") for line in _lines(data)]
    with store_from_settings() as store:
        extractor = load_extractor(store)
    for start in range(0, len(texts), BATCH):
        for result in extract_skills(extractor, texts[start : start + BATCH], lang.value, top):
            typer.echo(json.dumps(result, ensure_ascii=False))
