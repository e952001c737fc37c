"""The flows endpoints: a region's transition matrix and the waterbed view."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from lloradar.api.deps import StoreDep
from lloradar.api.problems import Problem
from lloradar.domain import IngestError
from lloradar.domain.errors import UnknownLabel, ValidationError
from lloradar.features.flows import commuting, payloads, scenarios, service

router = APIRouter(prefix="/api/flows", tags=["flows"])
BasisParam = Annotated[
    Literal["job_seekers", "employed"],
    Query(description="job_seekers: all job seekers; employed: workers leaving in a year"),
]
LevelParam = Annotated[Literal["occupation", "sector"], Query(description="rows and columns")]
Lang = Literal["nl", "en"]


def _problem(exc: Exception) -> Problem:
    if isinstance(exc, ValidationError):
        return Problem(
            422, "Invalid request", str(exc), errors=[{"field": exc.field, "message": str(exc)}]
        )
    if isinstance(exc, UnknownLabel):
        return Problem(404, f"Unknown {exc.kind}", str(exc), suggestions=list(exc.suggestions))
    return Problem(404, "No data", str(exc))


@router.get("/regions/{code}", summary="A region's flow matrix, after disclosure control")
def region_matrix(
    code: str,
    store: StoreDep,
    basis: BasisParam = "job_seekers",
    level: LevelParam = "occupation",
    lang: Lang = "nl",
) -> dict[str, Any]:
    """Rows are origins, columns destinations; `outflow` the row totals (each row sums to it),
    `inflow` the column totals. "x" is a hidden count (fewer than 10 people, or one that would
    give a hidden cell away), "-" a move the skills engine does not find viable."""
    try:
        return payloads.flows_payload(service.region_flows(store, code, basis, level), lang)
    except (ValidationError, IngestError) as exc:
        raise _problem(exc) from exc


@router.get("/regions/{code}/waterbed", summary="Where N people drawn into A come from")
def waterbed(
    code: str,
    store: StoreDep,
    target: Annotated[str, Query(min_length=1, max_length=200, description="Occupation or sector")],
    n: Annotated[int, Query(ge=1, le=service.MAX_DRAW, description="People drawn into target")],
    basis: BasisParam = "job_seekers",
    level: LevelParam = "occupation",
    lang: Lang = "nl",
) -> dict[str, Any]:
    """The waterbed effect (waterbedeffect): the sources (target's inflow column scaled to n),
    the tension before and after in each, the forecast ratio, and a generated text."""
    try:
        result = service.waterbed(store, code, target, n, basis, level, lang)
    except (ValidationError, UnknownLabel, IngestError) as exc:
        raise _problem(exc) from exc
    except LookupError as exc:
        raise Problem(404, "No flows", str(exc)) from exc
    return payloads.waterbed_payload(result, lang)


@router.get("/commuting", summary="Commuting between labour-market regions (CBS), protected")
def commuting_matrix(
    store: StoreDep,
    region: Annotated[str | None, Query(description="An arbeidsmarktregio code")] = None,
) -> dict[str, Any]:
    """Jobs by region of residence x region of work from a loaded CBS table (85481NED or
    83628NED), the whole matrix after disclosure control, or with `region` its largest flows
    out (where its residents work) and in (where its workers live)."""
    result = commuting.commuting(store)
    if result is None:
        raise Problem(
            404,
            "No commuting data",
            "No CBS commuting table is loaded (83628NED, 85481NED): "
            "load one with `lloradar welfare load 85481NED`.",
        )
    if region is not None and region.upper() not in result.protected.keys:
        raise _problem(ValidationError("region", region, "an arbeidsmarktregio code"))
    return payloads.commuting_payload(result, None if region is None else region.upper())


@router.get(
    "/regions/{code}/waterbed/scenario/{scenario}",
    summary="The waterbed of a scenario's recruitment drive in a region",
)
def scenario_waterbed(
    code: str,
    scenario: str,
    store: StoreDep,
    basis: BasisParam = "employed",
    lang: Lang = "nl",
) -> dict[str, Any]:
    """A shipped scenario's largest recruitment drive, spread over the regions by their stock
    of the occupation as the forecast does, drawn into `code`: the waterbed view of it."""
    try:
        draw, result = scenarios.waterbed_for_scenario(store, code, scenario, basis, lang)
    except (ValidationError, UnknownLabel, IngestError) as exc:
        raise _problem(exc) from exc
    except LookupError as exc:
        raise Problem(404, "No flows", str(exc)) from exc
    return {
        **payloads.waterbed_payload(result, lang),
        "scenario": draw.scenario,
        "assumption": draw.assumption,
        "national_per_year": draw.national_per_year,
    }
