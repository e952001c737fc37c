"""Factsheets (HTML and PDF) of one intervention and of a region's portfolio: KPIs realised vs
target, outflow to work vs the regional baseline, the generated text and the sources. Every
count comes from the services after disclosure control; a hidden one prints `x`."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from lloradar.features.factsheets.service import chart_svg, html_to_pdf
from lloradar.features.indicators.service import RadarData
from lloradar.features.interventions.factsheets import intervention_sources, portfolio_factsheet
from lloradar.features.interventions.service import ProgressReport, progress_report
from lloradar.features.interventions.views import (
    HIDDEN,
    WORDS,
    euro,
    kpi_chart,
    kpi_value,
    portfolio_chart,
    shown,
    track_text,
)
from lloradar.services.request_store import Store
from lloradar.web.i18n import TEXT, request_lang
from lloradar.web.routes import DataDep, StoreDep, UnknownCode, templates

router = APIRouter(include_in_schema=False)
RegionQuery = Annotated[str, Query(alias="regio", min_length=2, max_length=20)]


def pdf_response(html: str, title: str, filename: str) -> Response:
    slug = re.sub(r"[^a-z0-9]+", "-", filename.lower()).strip("-")
    return Response(
        html_to_pdf(html, title),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="factsheet-{slug}.pdf"'},
    )


def outflow_cells(report: ProgressReport) -> dict[str, str]:
    """The outflow row of a factsheet: participants' share, its count/base, the baseline."""
    figure, baseline = report.outflow.participants, report.outflow.baseline_pct
    diff = report.outflow.difference_pp
    return {
        "rate": HIDDEN if figure.value is None else f"{figure.value:.0f}%",
        "count": f"{HIDDEN if figure.count is None else figure.count} / "
        f"{HIDDEN if figure.base is None else figure.base}",
        "baseline": "–" if baseline is None else f"{baseline:.0f}%",
        "difference": "–" if diff is None else f"{diff:+.0f}",
    }


def _intervention_html(
    request: Request, data: RadarData, store: Store, intervention_id: str
) -> tuple[str, str]:
    lang = request_lang(request)
    report = progress_report(store, intervention_id, lang=lang)
    if report is None:
        raise UnknownCode("intervention", intervention_id)
    i = report.intervention
    chart = kpi_chart(report, i.id, lang)
    region = data.region(i.region_code)
    sources = intervention_sources(store, [i.id], [i.region_code])
    html = templates.get_template("intervention_factsheet.html").render(
        lang=lang,
        t=TEXT[lang],
        w=WORDS[lang],
        demo=report.is_demo or any(s.is_demo for s in sources),
        report=report,
        i=i,
        region_name=region.name if region else i.region_code,
        chart=chart,
        svg=chart_svg(chart.spec),
        outflow=outflow_cells(report),
        sources=sources,
        euro=euro,
        kpi_value=kpi_value,
        track_text=track_text,
    )
    return html, i.name


@router.get("/interventies/portfolio/factsheet", response_class=HTMLResponse)
def portfolio_factsheet_page(
    request: Request, data: DataDep, store: StoreDep, regio: RegionQuery
) -> HTMLResponse:
    html, _ = _portfolio_html(request, data, store, regio)
    return HTMLResponse(html)


@router.get("/interventies/portfolio/factsheet.pdf")
def portfolio_factsheet_pdf(
    request: Request, data: DataDep, store: StoreDep, regio: RegionQuery
) -> Response:
    html, name = _portfolio_html(request, data, store, regio)
    title = f"{WORDS[request_lang(request)]['factsheet']} {name}"
    return pdf_response(html, title, f"portfolio-{name}")


def _portfolio_html(request: Request, data: RadarData, store: Store, regio: str) -> tuple[str, str]:
    lang = request_lang(request)
    code = regio.upper()
    sheet = portfolio_factsheet(store, code, lang=lang)
    if sheet is None:
        raise UnknownCode("region", regio)
    region = data.region(code)
    name = region.name if region else code
    chart = portfolio_chart(sheet.portfolio, code, lang)
    html = templates.get_template("intervention_portfolio_factsheet.html").render(
        lang=lang,
        t=TEXT[lang],
        w=WORDS[lang],
        demo=sheet.is_demo,
        sheet=sheet,
        region_name=name,
        code=code,
        chart=chart,
        svg=chart_svg(chart.spec),
        outflows=[outflow_cells(r) for r in sheet.progress],
        euro=euro,
        shown=shown,
        kpi_value=kpi_value,
        track_text=track_text,
    )
    return html, name


@router.get("/interventies/{intervention_id}/factsheet", response_class=HTMLResponse)
def intervention_factsheet(
    request: Request, intervention_id: str, data: DataDep, store: StoreDep
) -> HTMLResponse:
    html, _ = _intervention_html(request, data, store, intervention_id)
    return HTMLResponse(html)


@router.get("/interventies/{intervention_id}/factsheet.pdf")
def intervention_factsheet_pdf(
    request: Request, intervention_id: str, data: DataDep, store: StoreDep
) -> Response:
    html, name = _intervention_html(request, data, store, intervention_id)
    return pdf_response(html, f"{WORDS[request_lang(request)]['factsheet']} {name}", name)
