"""`lloradar forecast`: run a scenario's five-year forecast, compare it with the baseline,
backtest the model on the stored history."""

from __future__ import annotations

import time
from pathlib import Path

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
from lloradar.cli.labels import known_labels
from lloradar.domain import RegionLevel
from lloradar.features.forecast.results import diff_text, forecast_for_region, scenario_diff
from lloradar.features.forecast.scenarios import load_scenario
from lloradar.features.forecast.service import backtest, ensure_run, run_scenario
from lloradar.services.regions import resolve_region
from lloradar.services.session import Store

app = typer.Typer(help="Five-year forecasts of bottlenecks and scenarios for law and policy.")


@app.command("run")
def run(
    scenario: Path = typer.Option(..., "--scenario", exists=True, dir_okay=False,
                                  help="Scenario YAML file, e.g. scenarios/baseline.yaml."),
) -> None:  # fmt: skip
    """Validate a scenario, run the forecast and store the run."""
    with store_from_settings() as store:
        loaded = load_scenario(scenario)
        result = run_scenario(store, loaded)
    demo = "  [DEMO DATA]" if result.is_demo else ""
    console.print(
        f"Run {result.run_id}: {result.cells:,} region x occupation cells, "
        f"{result.base_year + 1}-{result.base_year + 5}{demo}"
    )


def _ensure(store: Store, scenario: str) -> None:
    """Run a shipped scenario (scenarios/NAME.yaml) that has no stored run yet, and say so."""
    clock = time.perf_counter()
    ran = ensure_run(store, scenario)
    if ran is not None:
        errors.print(
            f"No stored run of {scenario}: ran scenarios/{scenario}.yaml now ({ran.run_id}, "
            f"{ran.cells:,} cells in {time.perf_counter() - clock:.1f} s)."
        )


@app.command("show")
def show(
    region: str = typer.Option(..., help="Region code (AM..) or name."),
    scenario: str = typer.Option("baseline", help="Scenario name or run id."),
) -> None:
    """Per occupation in a region over five years: demand parts, supply, ratio and prospect
    (a shipped scenario without a stored run is run first)."""
    with known_labels(), store_from_settings() as store:
        code = resolve_region(store, region, [RegionLevel.ARBEIDSMARKTREGIO])
        _ensure(store, scenario)
        rows = forecast_for_region(store, code, scenario)
    if not rows:
        console.print(f"No forecast for {code} in the run of {scenario}.")
        raise typer.Exit(1)
    demo = "  [DEMO DATA]" if rows[0]["is_demo"] else ""
    table = Table(title=f"{code}, {rows[0]['run_id']}: five-year outlook{demo}")
    table.add_column("occupation", no_wrap=True, min_width=16, max_width=24)
    for header in ["stock", "demand", "supply", "s/d", "prospect"]:
        table.add_column(header, justify="right", no_wrap=True)
    for r in rows:
        figures = ["stock", "demand", "supply"]
        table.add_row(
            r["occupation"],
            *("<10" if r["suppressed"] else f"{r[k]:,.0f}" for k in figures),
            "" if r["ratio"] is None else f"{r['ratio']:.2f}",
            r["prospect"] or "",
        )
    console.print(table)
    console.print("Prospects are for workers (ROA-ITA style): 'zeer goed' = shortage expected.")


@app.command("diff")
def diff(
    base: str = typer.Argument(..., help="Baseline scenario name or run id."),
    scenario: str = typer.Argument(..., help="Scenario name or run id."),
    region: str = typer.Option("", help="Only this region (AM..)."),
    top: int = typer.Option(10, help="Show the N cells whose prospect class changes."),
    lang: Lang | None = typer.Option(
        None, "--lang", help="Language of the summary text.", show_default=LANG_DEFAULT
    ),
) -> None:
    """The scenario minus the baseline per year, its assumptions and changed prospects."""
    with known_labels(), store_from_settings() as store:
        code = resolve_region(store, region, [RegionLevel.ARBEIDSMARKTREGIO]) if region else None
        for name in (base, scenario):
            _ensure(store, name)
        result = scenario_diff(store, base, scenario, code)
    console.print(f"[bold]{result.scenario_run}[/bold] minus [bold]{result.base_run}[/bold]")
    console.print(diff_text(result, chosen_lang(lang)))
    for a in result.assumptions:
        console.print(f"  - {a['name']} ({a['kind']}): {a['description']} [dim]{a['source']}[/dim]")
    table = Table(title="Difference to the baseline, all cells")
    for header in ["year", "stock", "expansion", "retirement", "other exits", "extra demand",
                   "demand", "supply"]:  # fmt: skip
        table.add_column(header, justify="right")
    for row in result.totals.to_dict("records"):
        table.add_row(
            str(row["year"]),
            *(f"{row[c + '_diff']:+,.0f}" for c in ["stock", "expansion_demand", "retirement",
              "other_exits", "extra_demand", "demand", "supply"]),
        )  # fmt: skip
    console.print(table)
    changed = result.changed_prospects
    console.print(f"{len(changed)} region x occupation cells change prospect class.")
    for row in changed.head(top).to_dict("records"):
        console.print(
            f"  {row['region_code']} {row['occupation']}: {row['prospect_base']} "
            f"({row['ratio_base']:.2f}) -> {row['prospect_scenario']} ({row['ratio_scenario']:.2f})"
        )


@app.command("backtest")
def run_backtest(horizon: int = typer.Option(3, help="Longest horizon in years.")) -> None:
    """Rolling-origin backtest: MAPE and MASE per horizon vs 'no change' and a linear trend."""
    with store_from_settings() as store:
        rows = backtest(store, horizon)
    table = Table(title="Backtest of the employment stock per region x occupation")
    for header in ["h", "n", "MAPE model", "MAPE no change", "MAPE trend", "MASE model",
                   "MASE no change", "MASE trend"]:  # fmt: skip
        table.add_column(header, justify="right")
    for r in rows:
        table.add_row(
            str(r.horizon), str(r.forecasts), f"{r.mape_model:.2f}%", f"{r.mape_no_change:.2f}%",
            f"{r.mape_trend:.2f}%", f"{r.mase_model:.2f}", f"{r.mase_no_change:.2f}",
            f"{r.mase_trend:.2f}",
        )  # fmt: skip
    console.print(table)
