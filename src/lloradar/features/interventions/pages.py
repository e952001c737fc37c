"""The intervention pages: the register, the progress of one intervention (KPIs realised vs
target, outflow to work vs the regional baseline) and the portfolio of a region. Hidden
counts show the service's marker."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from lloradar.api.export import safe_name
from lloradar.domain.account import Account, Role
from lloradar.features.interventions.factsheet_pages import router as factsheet_router
from lloradar.features.interventions.form_pages import router as forms_router
from lloradar.features.interventions.service import (
    list_interventions,
    portfolio_csv,
    portfolio_report,
    progress_csv,
    progress_report,
)
from lloradar.features.interventions.views import HIDDEN, WORDS, euro, kpi_chart, shown
from lloradar.web.auth import OptionalAccount
from lloradar.web.i18n import request_lang
from lloradar.web.routes import DataDep, StoreDep, UnknownCode, render

router = APIRouter(include_in_schema=False)
# Before the `/interventies/{intervention_id}` routes: literal paths first.
router.include_router(factsheet_router)
router.include_router(forms_router)
RegionParam = Annotated[str | None, Query(alias="regio", max_length=20)]


def can_edit(account: Account | None) -> bool:
    return account is not None and account.role in (Role.ANALYST, Role.ADMIN)


@router.get("/interventies", response_class=HTMLResponse)
def register_page(
    request: Request,
    data: DataDep,
    store: StoreDep,
    account: OptionalAccount,
    regio: RegionParam = None,
) -> HTMLResponse:
    lang = request_lang(request)
    items = list_interventions(store, region=regio.upper() if regio else None)
    return render(
        request,
        "interventions.html",
        data=data,
        w=WORDS[lang],
        items=items,
        regions=sorted({i.region_code for i in items}),
        can_edit=can_edit(account),
        euro=euro,
        names={r.code: r.name for r in data.regions},
    )


@router.get("/interventies/portfolio", response_class=HTMLResponse)
def portfolio_page(
    request: Request, data: DataDep, store: StoreDep, regio: RegionParam = None
) -> HTMLResponse:
    lang = request_lang(request)
    region = regio.upper() if regio else None
    report = portfolio_report(store, region=region, lang=lang)
    return render(
        request,
        "intervention_portfolio.html",
        data=data,
        w=WORDS[lang],
        report=report,
        region=data.region(region) if region else None,
        euro=euro,
        shown=shown,
    )


@router.get("/interventies/portfolio.csv")
def portfolio_download(store: StoreDep, regio: RegionParam = None) -> Response:
    region = regio.upper() if regio else None
    report = portfolio_report(store, region=region)
    return _csv(portfolio_csv(report), f"portfolio-{region or 'alle'}.csv")


@router.get("/interventies/{intervention_id}", response_class=HTMLResponse)
def progress_page(
    request: Request,
    intervention_id: str,
    data: DataDep,
    store: StoreDep,
    account: OptionalAccount,
) -> HTMLResponse:
    lang = request_lang(request)
    report = progress_report(store, intervention_id, lang=lang)
    if report is None:
        raise UnknownCode("intervention", intervention_id)
    outflow = report.outflow
    return render(
        request,
        "intervention_progress.html",
        data=data,
        w=WORDS[lang],
        report=report,
        i=report.intervention,
        chart=kpi_chart(report, intervention_id, lang),
        outflow_pct=HIDDEN
        if outflow.participants.value is None
        else f"{outflow.participants.value:.0f}%",
        baseline_pct="–" if outflow.baseline_pct is None else f"{outflow.baseline_pct:.0f}%",
        euro=euro,
        region=data.region(report.intervention.region_code),
        can_edit=can_edit(account),
    )


def _csv(text: str, filename: str) -> Response:
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{safe_name(filename)}"'},
    )


@router.get("/interventies/{intervention_id}/voortgang.csv")
def progress_download(intervention_id: str, store: StoreDep) -> Response:
    report = progress_report(store, intervention_id)
    if report is None:
        raise UnknownCode("intervention", intervention_id)
    return _csv(progress_csv(report), f"voortgang-{intervention_id}.csv")
