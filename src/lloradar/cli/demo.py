"""`lloradar demo`: build the demo world and show its summary."""

from __future__ import annotations

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from lloradar.cli.common import console, store_from_settings
from lloradar.config import get_settings
from lloradar.demo import build_state
from lloradar.demo.showcase import DemoAccount, build_showcase, ensure_demo_accounts
from lloradar.features.indicators.service import HIDDEN, RegionSummary, region_summaries
from lloradar.services.session import built_aside, redacted, shared_data_dir

app = typer.Typer(help="The deterministic demo world (labelled as demo data everywhere).")


LINKS = (
    ("/", "de kaart / the map of the 35 regions, with the question box"),
    ("/regio/AM05", "a region: Twente, its tension, occupations and factsheet"),
    ("/prognose", "the five-year forecast and every scenario as a difference to the baseline"),
    ("/interventies", "the HCA intervention register and its progress"),
    ("/loopbaan", "the career navigator (log in as the citizen)"),
)


@app.command("build")
def build(
    seed: int = typer.Option(42, help="Random seed: the same seed gives the same world."),
) -> None:
    """Write the demo world and everything every screen needs (idempotent for a seed)."""
    settings = get_settings()
    shared = shared_data_dir(settings)
    # Built aside and swapped in at the end (DuckDB): a server on the file keeps answering from
    # the last world meanwhile, and a build that fails leaves that world as it was.
    with (
        built_aside(settings.store) as building,
        store_from_settings(settings.model_copy(update={"store": building})) as store,
        Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console
        ) as progress,
    ):
        task = progress.add_task("Building the demo world", total=None)
        if build_state.started(store):
            console.print("An earlier demo build did not finish: building it again.")
        showcase = build_showcase(
            store,
            seed=seed,
            shared_data=shared,
            step=lambda text: progress.update(task, description=f"Building {text}"),
        )
        build_state.finished(store)
        rows = region_summaries(store)
    world = showcase.world
    console.print(
        f"Demo world (seed {world.seed}): {world.regions} regions x {world.occupations} "
        f"occupations x {world.months} months, stored in {redacted(settings.store)}"
    )
    console.print(f"Taxonomy: {showcase.taxonomy}")
    console.print(
        f"{showcase.vacancies} demo vacancy texts ({showcase.vacancy_skills} skills found), "
        f"{len(showcase.forecast_runs)} forecast runs ({', '.join(showcase.forecast_runs)}), "
        f"{showcase.interventions} interventions with {showcase.participants} demo participants"
    )
    timing = ", ".join(f"{name} {s:.0f} s" for name, s in showcase.seconds.items())
    console.print(f"Seconds per step: {timing}")
    if shared is None:
        console.print(
            f"[yellow]{settings.shared_data} not found: built-in regions and a handmade "
            "taxonomy only; skill extraction, the passport from a CV and the tasks of O*NET "
            "need the shared data (set LLORADAR_SHARED_DATA).[/yellow]"
        )
    print_summary(rows)
    print_accounts(showcase.accounts)
    console.print("\nOpen first (after `lloradar serve`, http://127.0.0.1:8000):")
    for path, what in LINKS:
        console.print(f"  http://127.0.0.1:8000{path}  {what}", soft_wrap=True)


@app.command("accounts")
def demo_accounts(
    reset: bool = typer.Option(False, "--reset", help="Give every demo account a new password."),
) -> None:
    """The demo logins (citizen, employer, analyst, admin); --reset prints new passwords."""
    with store_from_settings() as store:
        made = ensure_demo_accounts(store, reset=reset)
    print_accounts(made)


def print_accounts(made: list[DemoAccount]) -> None:
    table = Table(title="Demo logins (/inloggen)")
    for column in ("role", "e-mail", "password"):
        table.add_column(column, no_wrap=True)
    for account in made:
        shown = account.password or "(set earlier: `lloradar demo accounts --reset` for a new one)"
        table.add_row(account.role, account.email, shown)
    console.print(table)
    if any(a.password for a in made):
        console.print("The passwords are shown only this once; the store keeps argon2id hashes.")


@app.command("summary")
def summary() -> None:
    """Per region, the latest month: open vacancies, short-term job seekers, tension class."""
    with store_from_settings() as store:
        rows = region_summaries(store)
    if not rows:
        console.print("The store holds no vacancy data yet: run `lloradar demo build` first.")
        raise typer.Exit(1)
    print_summary(rows)


def print_summary(rows: list[RegionSummary]) -> None:
    """The per-region tension table of the latest month."""
    if not rows:
        return
    demo = any(r.is_demo for r in rows)
    title = f"Spanningsindicator / tension indicator, {rows[0].period:%Y-%m}"
    table = Table(title=title + ("  [DEMO DATA, not real]" if demo else ""))
    for column in [
        "code",
        "arbeidsmarktregio",
        "open vacancies",
        "job seekers < 6 mnd",
        "ratio",
        "class",
    ]:
        table.add_column(column, justify="right" if column[0] in "ojr" else "left")
    for r in rows:
        table.add_row(
            r.code,
            r.name,
            f"{r.open_vacancies:,}" if r.open_vacancies is not None else "–",
            f"{r.job_seekers_short:,}" if r.job_seekers_short is not None else HIDDEN,
            f"{r.ratio:.2f}" if r.ratio is not None else "no data",
            f"{r.tension} ({r.tension.label_en})" if r.tension else "no data",
        )
    console.print(table)
