"""`lloradar panel`: the citizen panel (burgerpanel) - waves, members, invitations, response
and attrition, results and the export for linkage with CBS microdata (docs/panel-export.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.table import Table

from lloradar.cli.common import console, errors, store_from_settings
from lloradar.config import get_settings
from lloradar.features.panel.invitations import invite as invite_members
from lloradar.features.panel.invitations import send_configured
from lloradar.features.panel.results import (
    linkage_export,
    response_report,
    wave_results,
    write_export,
)
from lloradar.features.panel.service import (
    PanelError,
    add_members,
    close_wave,
    load_wave_file,
    withdraw,
)

app = typer.Typer(help="Citizen panel (burgerpanel): survey waves, invitations, results, export.")
DEMO = typer.Option(False, "--demo", help="Mark the loaded rows as demo data.")


def _key() -> str:
    key = get_settings().pseudonym_key.get_secret_value()
    if not key:
        errors.print("[red]error:[/red] set LLORADAR_PSEUDONYM_KEY (the key of the pseudonyms)")
        raise typer.Exit(1)
    return key


def _refused(error: PanelError) -> None:
    errors.print(f"[red]error:[/red] {error}")
    raise typer.Exit(1)


def _shown(value: float | int | None, suffix: str = "") -> str:
    return "x" if value is None else f"{value}{suffix}"


@app.command("wave")
def wave(
    file: Path = typer.Argument(..., help="Wave definition, YAML (docs/panel-export.md)."),
    demo: bool = DEMO,
) -> None:
    """Load or update a wave's definition (questions versioned in YAML)."""
    with store_from_settings() as store:
        definition = load_wave_file(store, file, is_demo=demo)
    console.print(
        f"wave {definition.wave_id} version {definition.version}: "
        f"{len(definition.questions)} questions, open {definition.opens_on} to "
        f"{definition.closes_on}"
    )


@app.command("members")
def members(
    file: Path = typer.Argument(..., help="CSV id,email[,region] (docs/panel-export.md)."),
    intervention: str | None = typer.Option(
        None, "--intervention", help="The ids are participants of this intervention: its group."
    ),
    demo: bool = DEMO,
) -> None:
    """Add panel members under keyed-hash pseudonyms (LLORADAR_PSEUDONYM_KEY)."""
    key = _key()
    with store_from_settings() as store:
        report = add_members(
            store, file.read_bytes(), str(file), key, intervention_id=intervention, is_demo=demo
        )
    console.print(f"{file}: {report.added} members stored")
    for message in report.messages():
        console.print(f"  [yellow]quarantined:[/yellow] {message}")


@app.command("invite")
def invite(
    wave_id: str = typer.Argument(..., help="Wave id."),
    base_url: str = typer.Option(..., "--base-url", help="The site's address for the links."),
    group: str | None = typer.Option(None, "--group", help="Only this group, e.g. bewoners."),
) -> None:
    """Put an invitation with a personal link in the outbox for every member not invited yet."""
    with store_from_settings() as store:
        try:
            count = invite_members(store, wave_id, base_url, group=group, today=date.today())
        except PanelError as error:
            _refused(error)
    console.print(f"{count} invitations in the outbox for wave {wave_id}")


@app.command("send")
def send() -> None:
    """Send the invitations in the outbox through the SMTP server (LLORADAR_SMTP_*)."""
    settings = get_settings()
    with store_from_settings(settings) as store:
        sent, failures = send_configured(store, settings)
    console.print(f"{sent} invitations sent")
    for failure in failures:
        console.print(f"  [yellow]not sent:[/yellow] {failure}")


@app.command("close")
def close(wave_id: str = typer.Argument(..., help="Wave id.")) -> None:
    """Close a wave: no answers are taken for it any more."""
    with store_from_settings() as store:
        try:
            close_wave(store, wave_id)
        except PanelError as error:
            _refused(error)
    console.print(f"wave {wave_id} closed")


@app.command("withdraw")
def withdraw_member(member_id: str = typer.Argument(..., help="The member's own id.")) -> None:
    """A member leaves the panel: address and unsent invitations are deleted."""
    with store_from_settings() as store:
        found = withdraw(store, member_id, _key())
    console.print("member removed" if found else "no such member")


@app.command("response")
def response(group: str | None = typer.Option(None, "--group", help="One group only.")) -> None:
    """Response and attrition per wave (x: fewer than 10 people, or derivable)."""
    with store_from_settings() as store:
        rows = response_report(store, group)
    table = Table(title=f"Response per wave{f' ({group})' if group else ''}")
    for column in ("wave", "invited", "responded", "response %", "retained", "attrition %"):
        table.add_column(column)
    for n, r in enumerate(rows):
        first = n == 0  # the first wave has no attrition
        table.add_row(
            r.wave_id,
            _shown(r.invited),
            _shown(r.responded),
            _shown(r.response_rate),
            "-" if first else _shown(r.retained),
            "-" if first else _shown(r.attrition_rate),
        )
    console.print(table)


@app.command("results")
def results(wave_id: str = typer.Argument(..., help="Wave id.")) -> None:
    """The answers of a wave per question, for all and per group (no result under 10 people)."""
    settings = get_settings()
    with store_from_settings(settings) as store:
        found = wave_results(store, wave_id)
    if found is None:
        errors.print(f"[red]error:[/red] no wave {wave_id!r}")
        raise typer.Exit(1)
    demo = " - demo data" if found.is_demo else ""
    console.print(f"[bold]{found.wave.title(settings.lang)}[/bold]{demo}")
    for population, size in found.populations.items():
        console.print(f"{population}: {_shown(size)} respondents")
        for q in found.results.get(population, []):
            if q.respondents is None:
                console.print(f"  {q.question_id}: x")
            elif q.counts:
                parts = ", ".join(f"{o} {_shown(c)}" for o, c in q.counts.items())
                console.print(f"  {q.question_id} (n={q.respondents}): {parts}")
            else:
                console.print(
                    f"  {q.question_id} (n={q.respondents}): mean {q.mean}, median {q.median}"
                )


@app.command("export")
def export(
    folder: Path = typer.Argument(..., help="Folder for the key file, answers and codebook."),
    secret: str = typer.Option(
        ...,
        "--secret",
        envvar="LLORADAR_PANEL_EXPORT_SECRET",
        prompt=True,
        hide_input=True,
        help="Secret of this export's study keys (16+ characters); keep it with the key file.",
    ),
) -> None:
    """The export for linkage with CBS microdata (docs/panel-export.md)."""
    with store_from_settings() as store:
        try:
            files = linkage_export(store, secret)
        except PanelError as error:
            _refused(error)
    for path in write_export(files, folder):
        console.print(f"wrote {path}")
    console.print(f"{files.respondents} respondents")
