"""The sector profile page: employment in an SBI section by region and age band over the years,
with its duiding, table, CSV download and sources."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from lloradar.features.factsheets.service import chart_svg, html_to_pdf
from lloradar.features.indicators.radar import RadarData
from lloradar.features.indicators.sectors import (
    SectorProfile,
    list_sectors,
    sector_profile,
    sector_text,
    suggest_sectors,
)
from lloradar.services.web_store import Store
from lloradar.web.i18n import TEXT, request_lang
from lloradar.web.routes import (
    DataDep,
    StoreDep,
    csv_response,
    page_not_found,
    render,
    templates,
)
from lloradar.web.views import Chart, fmt_int

router = APIRouter(include_in_schema=False)

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "sector": "Sector",
        "sbi": "SBI-sectie",
        "age_title": "Werkzame personen per leeftijdsgroep",
        "region_title": "Werkzame personen per arbeidsmarktregio",
        "year": "Jaar",
        "age": "Leeftijd",
        "persons": "Personen",
        "region": "Regio",
        "total": "Totaal",
        "sectors": "Sectoren (SBI)",
    },
    "en": {
        "sector": "Sector",
        "sbi": "SBI section",
        "age_title": "People employed by age band",
        "region_title": "People employed by labour-market region",
        "year": "Year",
        "age": "Age",
        "persons": "People",
        "region": "Region",
        "total": "Total",
        "sectors": "Sectors (SBI)",
    },
}


class UnknownSector(Exception):
    """A sector code without figures: the page answers 404 with the nearest sectors."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _profile_or_404(store: Store, code: str) -> SectorProfile:
    profile = sector_profile(store, code)
    if profile is None or not profile.years:
        raise UnknownSector(code)
    return profile


def sector_not_found(request: Request, store: Store, code: str) -> HTMLResponse:
    """The 404 page in the user's language with the sectors nearest to `code`."""
    lang = request_lang(request)
    hits = [
        (f"/sector/{c}", f"{en if lang == 'en' else nl} ({c})")
        for c, nl, en in suggest_sectors(store, code)
    ]
    return page_not_found(request, "sector", code, hits)


def or_not_found(
    request: Request, store: Store, code: str, build: Callable[[], Response]
) -> Response:
    try:
        return build()
    except UnknownSector:
        return sector_not_found(request, store, code)


def age_chart(profile: SectorProfile, names: dict[str, str], lang: str) -> Chart:
    w = WORDS[lang]
    bands = sorted({b for year in profile.by_age.values() for b in year})
    values = [
        {"year": str(year), "age": band, "persons": profile.by_age[year].get(band, 0)}
        for year in profile.years
        for band in bands
    ]
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": 220,
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": w["year"]},
            "y": {"field": "persons", "type": "quantitative", "title": w["persons"]},
            "color": {"field": "age", "type": "nominal", "title": w["age"], "sort": bands},
            "tooltip": [
                {"field": "year", "type": "ordinal"},
                {"field": "age", "type": "nominal"},
                {"field": "persons", "type": "quantitative", "format": ",.0f"},
            ],
        },
    }
    return Chart(
        id="sector-age",
        title=f"{w['age_title']}: {profile.label(lang)}",
        spec=spec,
        text=sector_text(profile, names, lang),
        columns=[w["year"], *bands, w["total"]],
        rows=[
            [
                str(year),
                *(fmt_int(profile.by_age[year].get(b, 0), lang) for b in bands),
                fmt_int(profile.total(year), lang),
            ]
            for year in profile.years
        ],
        download=f"/sector/{profile.code}/werkgelegenheid.csv",
        sources=profile.sources,
    )


def region_chart(profile: SectorProfile, names: dict[str, str], lang: str) -> Chart:
    w = WORDS[lang]
    last = profile.years[-1]
    ranked = sorted(
        ((names.get(r, r), years.get(last, 0), years) for r, years in profile.by_region.items()),
        key=lambda item: -item[1],
    )
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": {"step": 14},
        "data": {"values": [{"label": n, "persons": p} for n, p, _ in ranked]},
        "mark": {"type": "bar", "color": "#1f3a5f"},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": "-x", "title": None},
            "x": {"field": "persons", "type": "quantitative", "title": f"{w['persons']} {last}"},
            "tooltip": [
                {"field": "label", "type": "nominal"},
                {"field": "persons", "type": "quantitative", "format": ",.0f"},
            ],
        },
    }
    top = ranked[:3]
    listed = ", ".join(f"{n} ({fmt_int(p, lang)})" for n, p, _ in top)
    text = (
        [
            f"Grootste regio's in {last}: {listed}."
            if lang == "nl"
            else f"Largest in {last}: {listed}."
        ]
        if top
        else []
    )
    return Chart(
        id="sector-regions",
        title=f"{w['region_title']}: {profile.label(lang)}",
        spec=spec,
        text=text,
        columns=[w["region"], *(str(y) for y in profile.years)],
        rows=[
            [n, *(fmt_int(years.get(y, 0), lang) for y in profile.years)] for n, _, years in ranked
        ],
        download=f"/sector/{profile.code}/regios.csv",
        sources=profile.sources,
    )


@router.get("/sector/{code}", response_class=HTMLResponse, response_model=None)
def sector_page(request: Request, code: str, data: DataDep, store: StoreDep) -> Response:
    return or_not_found(request, store, code, lambda: _sector_page(request, code, data, store))


def _sector_page(request: Request, code: str, data: RadarData, store: Store) -> HTMLResponse:
    lang = request_lang(request)
    profile = _profile_or_404(store, code)
    names = {r.code: r.name for r in data.regions}
    return render(
        request,
        "sector.html",
        data=data,
        w=WORDS[lang],
        sector=profile,
        label=profile.label(lang),
        charts=[age_chart(profile, names, lang), region_chart(profile, names, lang)],
        demo=profile.is_demo or data.is_demo,
    )


@router.get("/sector/{code}/werkgelegenheid.csv")
def sector_age_csv(request: Request, code: str, data: DataDep, store: StoreDep) -> Response:
    return or_not_found(request, store, code, lambda: _age_csv(request, code, data, store))


def _age_csv(request: Request, code: str, data: RadarData, store: Store) -> Response:
    profile = _profile_or_404(store, code)
    chart = age_chart(profile, {r.code: r.name for r in data.regions}, request_lang(request))
    return csv_response(chart.columns, chart.rows, f"werkgelegenheid-{profile.code}.csv")


@router.get("/sector/{code}/regios.csv")
def sector_region_csv(request: Request, code: str, data: DataDep, store: StoreDep) -> Response:
    return or_not_found(request, store, code, lambda: _region_csv(request, code, data, store))


def _region_csv(request: Request, code: str, data: RadarData, store: Store) -> Response:
    profile = _profile_or_404(store, code)
    chart = region_chart(profile, {r.code: r.name for r in data.regions}, request_lang(request))
    return csv_response(chart.columns, chart.rows, f"werkgelegenheid-{profile.code}-regios.csv")


def _factsheet_html(request: Request, data: RadarData, store: Store, code: str) -> tuple[str, str]:
    lang = request_lang(request)
    profile = _profile_or_404(store, code)
    names = {r.code: r.name for r in data.regions}
    charts = [age_chart(profile, names, lang), region_chart(profile, names, lang)]
    html = templates.get_template("sector_factsheet.html").render(
        lang=lang,
        t=TEXT[lang],
        w=WORDS[lang],
        demo=profile.is_demo or data.is_demo,
        sector=profile,
        label=profile.label(lang),
        charts=list(zip(charts, [chart_svg(c.spec) for c in charts], strict=True)),
        sources=profile.sources,
    )
    return html, profile.label(lang)


@router.get("/sector/{code}/factsheet", response_class=HTMLResponse, response_model=None)
def sector_factsheet(request: Request, code: str, data: DataDep, store: StoreDep) -> Response:
    return or_not_found(
        request, store, code, lambda: HTMLResponse(_factsheet_html(request, data, store, code)[0])
    )


@router.get("/sector/{code}/factsheet.pdf")
def sector_factsheet_pdf(request: Request, code: str, data: DataDep, store: StoreDep) -> Response:
    return or_not_found(request, store, code, lambda: _factsheet_pdf(request, code, data, store))


def _factsheet_pdf(request: Request, code: str, data: RadarData, store: Store) -> Response:
    html, name = _factsheet_html(request, data, store, code)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return Response(
        html_to_pdf(html, f"Factsheet {name}"),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="factsheet-sector-{slug}.pdf"'},
    )


@router.get("/sector", response_class=HTMLResponse)
def sector_index(request: Request, data: DataDep, store: StoreDep) -> HTMLResponse:
    lang = request_lang(request)
    return render(request, "sectors.html", data=data, w=WORDS[lang], sectors=list_sectors(store))
