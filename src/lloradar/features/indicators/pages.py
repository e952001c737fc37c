"""The radar's pages: the map, region and occupation profiles and the region factsheet."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from lloradar.analytics.indicators.cells import COUNTRY_CODE
from lloradar.domain import RegionLevel
from lloradar.features.factsheets.service import chart_svg, html_to_pdf
from lloradar.features.indicators import views
from lloradar.features.indicators.radar import RadarData, cell_key
from lloradar.web.i18n import TEXT, request_lang
from lloradar.web.routes import (
    DataDep,
    OccupationParam,
    UnknownCode,
    cached_page,
    csv_response,
    render,
    templates,
)

router = APIRouter(include_in_schema=False)


def _occupation_or_404(data: RadarData, slug: str | None) -> str | None:
    if slug and data.occupation(slug) is None:
        raise UnknownCode("occupation", slug)
    return slug or None


MAP_LEVELS = (RegionLevel.ARBEIDSMARKTREGIO, RegionLevel.PROVINCIE)
LevelParam = Annotated[RegionLevel, Query(description="arbeidsmarktregio or provincie")]


def _map_level(level: RegionLevel) -> RegionLevel:
    if level not in MAP_LEVELS:
        raise UnknownCode("level", level.value)
    return level


@router.get("/", response_class=HTMLResponse)
async def home(
    request: Request,
    data: DataDep,
    beroep: OccupationParam = None,
    niveau: LevelParam = RegionLevel.ARBEIDSMARKTREGIO,
) -> HTMLResponse:
    return cached_page(request, lambda: _home(request, data, beroep, _map_level(niveau)))


def _home(
    request: Request, data: RadarData, beroep: str | None, level: RegionLevel
) -> HTMLResponse:
    lang = request_lang(request)
    occupation = _occupation_or_404(data, beroep)
    period = data.latest
    if period is None:
        return render(request, "empty.html")
    chart = views.region_chart(data, occupation, None, period, lang, level)
    areas = data.level(level)
    features = views.map_features(data, occupation, period, lang, level)
    return render(
        request,
        "home.html",
        data=data,
        period=period,
        occupation=occupation,
        chart=chart,
        occupations=sorted(data.occupations, key=lambda o: o.label(lang).lower()),
        features=json.dumps(features),
        has_geometry=all(a.code in data.geometry for a in areas),
        tiles=features["features"],
        legend=views.legend(lang),
        level=level,
        levels=MAP_LEVELS,
        views=views,
        country=data.figures(None, occupation, period),
    )


@router.get("/kaart.csv")
def map_csv(
    request: Request,
    data: DataDep,
    occupation: Annotated[str | None, Query()] = None,
    level: LevelParam = RegionLevel.ARBEIDSMARKTREGIO,
) -> Response:
    lang = request_lang(request)
    if data.latest is None:
        raise UnknownCode("data", "kaart")
    chart = views.region_chart(
        data, _occupation_or_404(data, occupation), None, data.latest, lang, _map_level(level)
    )
    return csv_response(chart.columns, chart.rows, "regios.csv")


def _region_or_404(data: RadarData, code: str) -> Any:
    region = data.area(code)
    if region is None:
        raise UnknownCode("region", code)
    return region


@router.get("/regio/{code}", response_class=HTMLResponse)
async def region_page(request: Request, code: str, data: DataDep) -> HTMLResponse:
    return cached_page(request, lambda: _region_page(request, code, data))


def _region_page(request: Request, code: str, data: RadarData) -> HTMLResponse:
    lang = request_lang(request)
    region = _region_or_404(data, code)
    period = data.latest
    if period is None:  # a store with other figures only (real CBS/DUO data, no tension yet)
        return render(request, "empty.html")
    charts = [
        views.series_chart(data, region.name, region.code, None, lang),
        views.occupation_chart(data, region.code, region.name, period, lang),
    ]
    if region.level != RegionLevel.LAND:
        charts.append(views.region_chart(data, None, region.name, period, lang, region.level))
    latest = data.figures(cell_key(region.code), None, period)
    return render(
        request,
        "region.html",
        data=data,
        region=region,
        period=period,
        charts=charts,
        latest=latest,
        views=views,
        larger=_larger_areas(data, region),
        parts=[r for r in data.regions if r.province_code == region.code]
        if region.level == RegionLevel.PROVINCIE
        else [],
    )


def _larger_areas(data: RadarData, region: Any) -> list[Any]:
    """The provincie an arbeidsmarktregio lies in and the country: the level switch."""
    found = []
    if region.level == RegionLevel.ARBEIDSMARKTREGIO and region.province_code:
        found.append(data.area(region.province_code))
    if region.level != RegionLevel.LAND:
        found.append(data.area(COUNTRY_CODE))
    return [a for a in found if a is not None]


@router.get("/regio/{code}/beroepen.csv")
def region_occupations_csv(request: Request, code: str, data: DataDep) -> Response:
    region = _region_or_404(data, code)
    if data.latest is None:
        raise UnknownCode("data", code)
    chart = views.occupation_chart(
        data, region.code, region.name, data.latest, request_lang(request)
    )
    return csv_response(chart.columns, chart.rows, f"beroepen-{region.code}.csv")


def _factsheet_html(request: Request, data: RadarData, code: str) -> tuple[str, str]:
    lang = request_lang(request)
    region = _region_or_404(data, code)
    period = data.latest
    if period is None:
        raise UnknownCode("data", code)
    charts = [
        views.series_chart(data, region.name, region.code, None, lang),
        views.occupation_chart(data, region.code, region.name, period, lang),
    ]
    svgs = [chart_svg(c.spec) for c in charts]
    html = templates.get_template("factsheet.html").render(
        lang=lang,
        t=TEXT[lang],
        demo=data.is_demo,
        region=region,
        period=period,
        charts=list(zip(charts, svgs, strict=True)),
        latest=data.figures(cell_key(region.code), None, period),
        views=views,
        sources=data.sources,
    )
    return html, region.name


@router.get("/regio/{code}/factsheet", response_class=HTMLResponse)
def factsheet(request: Request, code: str, data: DataDep) -> HTMLResponse:
    html, _ = _factsheet_html(request, data, code)
    return HTMLResponse(html)


@router.get("/regio/{code}/factsheet.pdf")
def factsheet_pdf(request: Request, code: str, data: DataDep) -> Response:
    html, name = _factsheet_html(request, data, code)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return Response(
        html_to_pdf(html, f"Factsheet {name}"),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="factsheet-{slug}.pdf"'},
    )


@router.get("/beroep/{slug}", response_class=HTMLResponse)
def occupation_page(request: Request, slug: str, data: DataDep) -> HTMLResponse:
    lang = request_lang(request)
    occupation = data.occupation(slug)
    if occupation is None:
        raise UnknownCode("occupation", slug)
    period = data.latest
    assert period is not None
    label = occupation.label(lang)
    charts = [
        views.series_chart(
            data, "Nederland" if lang == "nl" else "the Netherlands", None, occupation.slug, lang
        ),
        views.region_chart(data, occupation.slug, None, period, lang),
    ]
    charts[0].title = f"{TEXT[lang]['series_title']}: {label}"
    skills = [s for s in data.skills.get(occupation.slug, []) if s[2] == "essential"][:20]
    return render(
        request,
        "occupation.html",
        data=data,
        occupation=occupation,
        label=label,
        period=period,
        charts=charts,
        skills=skills,
    )
