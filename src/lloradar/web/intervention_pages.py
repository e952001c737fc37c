"""The intervention pages: the register, the progress of one intervention (KPIs realised vs
target, outflow to work vs the regional baseline) and the portfolio of a region. Hidden
counts show the service's marker."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from lloradar.services.interventions import (
    list_interventions,
    portfolio_csv,
    portfolio_report,
    progress_csv,
    progress_report,
)
from lloradar.web.forecast_pages import StoreDep
from lloradar.web.i18n import request_lang
from lloradar.web.routes import DataDep, UnknownCode, render
from lloradar.web.views import Chart, fmt_int

router = APIRouter(include_in_schema=False)
RegionParam = Annotated[str | None, Query(alias="regio", max_length=20)]
HIDDEN = "x"

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "register": "Register van interventies",
        "none": "Nog geen interventies in het register.",
        "id": "Code",
        "name": "Naam",
        "region": "Regio",
        "theme": "Thema",
        "status": "Status",
        "budget": "Budget",
        "period": "Looptijd",
        "portfolio": "Portfolio per thema",
        "progress": "Voortgang",
        "goals": "Doelen",
        "target_group": "Doelgroep",
        "theory": "Veranderingstheorie",
        "funders": "Financiers",
        "kpi_title": "KPI's: gerealiseerd tegen doel",
        "measure": "KPI",
        "date": "Datum",
        "realised": "Gerealiseerd",
        "target": "Doel",
        "target_date": "Doeldatum",
        "outflow": "Uitstroom naar werk tegen de regionale basis",
        "hidden": "x = verborgen wegens privacy (minder dan 10 personen of afleidbaar)",
        "interventions": "Interventies",
        "participants": "Deelnemers",
        "completed": "Afgerond",
        "employed_6m": "Werk na 6 maanden",
        "download": "Download (CSV)",
    },
    "en": {
        "register": "Register of interventions",
        "none": "No interventions in the register yet.",
        "id": "Code",
        "name": "Name",
        "region": "Region",
        "theme": "Theme",
        "status": "Status",
        "budget": "Budget",
        "period": "Period",
        "portfolio": "Portfolio per theme",
        "progress": "Progress",
        "goals": "Goals",
        "target_group": "Target group",
        "theory": "Theory of change",
        "funders": "Funders",
        "kpi_title": "KPIs: realised against target",
        "measure": "KPI",
        "date": "Date",
        "realised": "Realised",
        "target": "Target",
        "target_date": "Target date",
        "outflow": "Outflow to work against the regional baseline",
        "hidden": "x = hidden for privacy (fewer than 10 people or derivable)",
        "interventions": "Interventions",
        "participants": "Participants",
        "completed": "Completed",
        "employed_6m": "Employed after 6 months",
        "download": "Download (CSV)",
    },
}


def euro(value: float, lang: str) -> str:
    return "€ " + fmt_int(round(value), lang)


def shown(value: float | int | None, lang: str) -> str:
    return HIDDEN if value is None else fmt_int(round(value), lang)


@router.get("/interventies", response_class=HTMLResponse)
def register_page(
    request: Request, data: DataDep, store: StoreDep, regio: RegionParam = None
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
        euro=euro,
        names={r.code: r.name for r in data.regions},
    )


def kpi_chart(report: object, intervention_id: str, lang: str) -> Chart:
    w = WORDS[lang]
    values = []
    rows = []
    for k in report.kpis:  # type: ignore[attr-defined]
        measure = k.kpi.measure.value
        for f in k.series:
            values.append({"when": f.when.isoformat(), "measure": measure, "value": f.value})
            rows.append(
                [
                    measure,
                    f.when.isoformat(),
                    HIDDEN if f.value is None else f"{f.value:g}",
                    f"{k.kpi.target:g}",
                    k.kpi.target_date.isoformat(),
                ]
            )
    targets = [
        {
            "when": k.kpi.target_date.isoformat(),
            "measure": k.kpi.measure.value,
            "value": k.kpi.target,
        }
        for k in report.kpis  # type: ignore[attr-defined]
    ]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": 220,
        "layer": [
            {
                "data": {"values": values},
                "mark": {"type": "line", "point": True},
                "encoding": {
                    "x": {"field": "when", "type": "temporal", "title": w["date"]},
                    "y": {"field": "value", "type": "quantitative", "title": w["realised"]},
                    "color": {"field": "measure", "type": "nominal", "title": w["measure"]},
                },
            },
            {
                "data": {"values": targets},
                "mark": {"type": "point", "shape": "diamond", "size": 120, "filled": True},
                "encoding": {
                    "x": {"field": "when", "type": "temporal"},
                    "y": {"field": "value", "type": "quantitative"},
                    "color": {"field": "measure", "type": "nominal"},
                    "tooltip": [{"field": "measure"}, {"field": "value", "title": w["target"]}],
                },
            },
        ],
    }
    return Chart(
        id="kpi",
        title=w["kpi_title"],
        spec=spec,
        text=list(report.kpi_texts),  # type: ignore[attr-defined]
        columns=[w["measure"], w["date"], w["realised"], w["target"], w["target_date"]],
        rows=rows,
        download=f"/interventies/{intervention_id}/voortgang.csv",
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
    request: Request, intervention_id: str, data: DataDep, store: StoreDep
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
    )


def safe_name(filename: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", filename)


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
