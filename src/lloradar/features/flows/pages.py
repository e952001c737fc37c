"""The flows pages: /stromen (choose a region) and /regio/{code}/stromen (the region's flow
matrix and the waterbed view of drawing N people into one occupation or sector)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from lloradar.analytics.flows import STRUCTURAL
from lloradar.domain import IngestError
from lloradar.domain.errors import UnknownLabel, ValidationError
from lloradar.features.flows import commuting, payloads, scenarios, service
from lloradar.web.i18n import request_lang
from lloradar.web.routes import StoreDep, UnknownCode, render
from lloradar.web.views import fmt_int, fmt_ratio

router = APIRouter(include_in_schema=False)


@router.get("/stromen", response_class=HTMLResponse)
def choose_region(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "flows/index.html", regions=service.regions(store))


def _waterbed_rows(result: service.Waterbed, lang: str) -> list[list[str]]:
    rows = []
    for e in result.shown:
        before, after = result.forecast.get(e.key, (None, None))
        rows.append(
            [
                result.flows.label(e.key, lang),
                fmt_int(e.drawn, lang),
                fmt_ratio(e.ratio_before, lang),
                fmt_ratio(e.ratio_after, lang),
                fmt_ratio(before, lang),
                fmt_ratio(after, lang),
            ]
        )
    return rows


def _commuting(store: StoreDep, region: str) -> dict[str, Any] | None:
    result = commuting.commuting(store)
    if result is None or region not in result.protected.keys:
        return None
    return payloads.commuting_payload(result, region)


@router.get("/regio/{code}/stromen", response_class=HTMLResponse)
def region_flows_page(
    request: Request,
    code: str,
    store: StoreDep,
    target: Annotated[str | None, Query(alias="doel", max_length=200)] = None,
    n: Annotated[int, Query(alias="aantal", ge=1, le=service.MAX_DRAW)] = 100,
    basis: Annotated[Literal["job_seekers", "employed"], Query(alias="basis")] = "job_seekers",
    level: Annotated[Literal["occupation", "sector"], Query(alias="niveau")] = "occupation",
    scenario: Annotated[str | None, Query(alias="scenario", max_length=100)] = None,
) -> HTMLResponse:
    lang = request_lang(request)
    try:
        flows = service.region_flows(store, code, basis, level)
    except ValidationError as exc:
        raise UnknownCode("region", code) from exc
    except IngestError as exc:
        return render(request, "flows/region.html", flows=None, problem=str(exc), code=code)
    context: dict[str, Any] = {"flows": flows, "target": target, "n": n, "problem": None}
    if scenario:
        try:
            draw, result = scenarios.waterbed_for_scenario(
                store, flows.region, scenario, basis, lang
            )
            context.update(result=result, rows=_waterbed_rows(result, lang), draw=draw)
            context.update(n=draw.n, target=draw.occupation)
        except (UnknownLabel, LookupError, ValidationError, IngestError) as exc:
            context["problem"] = str(exc)
    elif target:
        try:
            result = service.waterbed(store, flows.region, target, n, basis, level, lang)
            context["result"] = result
            context["rows"] = _waterbed_rows(result, lang)
        except (UnknownLabel, LookupError, ValidationError) as exc:
            context["problem"] = str(exc)
    return render(
        request,
        "flows/region.html",
        labels=[(k, flows.label(k, lang)) for k in flows.protected.keys],
        # only what people can move into: a target without a viable move in has no sources
        targets=[
            (k, flows.label(k, lang))
            for c, k in enumerate(flows.protected.keys)
            if flows.protected.inflow[c] != STRUCTURAL
        ],
        notes=payloads.cbs_notes(flows, lang),
        matrix_text=payloads.matrix_duiding(flows, lang),
        commuting=_commuting(store, flows.region),
        scenarios=scenarios.scenarios_with_drives(),
        fmt_int=fmt_int,
        fmt_ratio=fmt_ratio,
        **context,
    )
