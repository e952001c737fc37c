"""The forecast endpoints: stored runs, a region's or an occupation's outlook, and a scenario
compared with the baseline."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from lloradar.api.deps import DataDep, StoreDep
from lloradar.api.export import Format, export_rows
from lloradar.api.problems import Problem, not_found
from lloradar.domain import IngestError
from lloradar.features.forecast.results import diff_text, number, scenario_diff
from lloradar.features.forecast.results import forecast_for_occupation as occupation_outlook
from lloradar.features.forecast.results import forecast_for_region as region_outlook
from lloradar.features.forecast.results import list_runs as stored_runs
from lloradar.services.request_store import Store

router = APIRouter(prefix="/api/forecast", tags=["forecast"])
ScenarioParam = Annotated[
    str, Query(min_length=1, max_length=100, description="Scenario name or run id")
]


def no_run(exc: IngestError) -> Problem:
    return Problem(404, "No forecast run", str(exc))


def _jsonable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: (str(v) if hasattr(v, "isoformat") else v) for k, v in r.items()} for r in rows]


@router.get("/runs", summary="Stored forecast runs, newest first")
def runs(store: StoreDep) -> list[dict[str, Any]]:
    return _jsonable(stored_runs(store))


@router.get("/regions/{code}", summary="Five-year outlook per occupation in a region")
def region_forecast(
    code: str,
    data: DataDep,
    store: StoreDep,
    scenario: ScenarioParam = "baseline",
    format: Format = "json",
) -> Any:
    region = data.region(code)
    if region is None:
        raise not_found("region", code, [r.code for r in data.suggest_regions(code)])
    try:
        rows = region_outlook(store, region.code, scenario)
    except IngestError as exc:
        raise no_run(exc) from exc
    return export_rows(rows, format, f"prognose-{region.code}-{scenario}.csv")


@router.get("/occupations/{occupation}", summary="Five-year outlook per region of an occupation")
def occupation_forecast(
    occupation: str,
    data: DataDep,
    store: StoreDep,
    scenario: ScenarioParam = "baseline",
    format: Format = "json",
) -> Any:
    found = data.occupation(occupation)
    if found is None:
        raise not_found(
            "occupation", occupation, [o.slug for o in data.suggest_occupations(occupation)]
        )
    try:
        rows = occupation_outlook(store, found.id, scenario)
    except IngestError as exc:
        raise no_run(exc) from exc
    return export_rows(rows, format, f"prognose-{found.slug}-{scenario}.csv")


def diff_totals(store: Store, scenario: str, base: str, region: str | None) -> Any:
    try:
        return scenario_diff(store, base, scenario, region)
    except IngestError as exc:
        raise no_run(exc) from exc


@router.get("/scenarios/{scenario}/diff", summary="A scenario compared with the baseline")
def scenario_vs_base(
    scenario: str,
    data: DataDep,
    store: StoreDep,
    base: ScenarioParam = "baseline",
    region: Annotated[str | None, Query(description="Region code, e.g. AM05")] = None,
    lang: Literal["nl", "en"] = "en",
    format: Format = "json",
) -> Any:
    """Totals per year (base, scenario, difference), the assumptions and a generated text."""
    if region is not None:
        found = data.region(region)
        if found is None:
            raise not_found("region", region, [r.code for r in data.suggest_regions(region)])
        region = found.code
    diff = diff_totals(store, scenario, base, region)
    totals = [
        {k: (int(v) if k == "year" else number(v)) for k, v in row.items()}
        for row in diff.totals.to_dict("records")
    ]
    if format != "json":
        return export_rows(totals, format, f"scenario-{diff.scenario}-vs-{base}.csv")
    return {
        "scenario": diff.scenario,
        "base_run": diff.base_run,
        "scenario_run": diff.scenario_run,
        "region": region,
        "assumptions": diff.assumptions,
        "text": diff_text(diff, lang) if totals else "",
        "totals": totals,
        "changed_prospects": len(diff.changed_prospects),
    }
