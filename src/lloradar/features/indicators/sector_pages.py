"""The sector profile page. Real figures first: the open vacancies of the sector per quarter and
per province from CBS StatLine 83599NED (trend, comparison between provinces, duiding, sources);
then, in a section labelled demo, the demo world's employment by region and age band. Real and
demo figures never share a chart, and the page says which is which."""

from __future__ import annotations

import re
from dataclasses import dataclass
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
from lloradar.features.sector_vacancies.service import (
    COUNTRY,
    SectorVacancies,
    SickLeave,
    list_vacancy_sectors,
    province_chart,
    region_name,
    sector_vacancies,
    sick_leave,
    sick_leave_chart,
    trend_chart,
)
from lloradar.services.request_store import Store
from lloradar.web.charts import count_bar_spec
from lloradar.web.i18n import TEXT, request_lang, words
from lloradar.web.lookup import Lookup
from lloradar.web.routes import DataDep, StoreDep, csv_response, render, templates
from lloradar.web.views import Chart, fmt_int

router = APIRouter(include_in_schema=False)

WORDS = words("sectors")


@dataclass(frozen=True, slots=True)
class SectorPage:
    """What the page of one sector shows: the real CBS vacancies, the demo employment, or both
    (in separate charts)."""

    code: str
    real: SectorVacancies | None
    profile: SectorProfile | None
    sick: SickLeave | None = None  # sick leave per quarter (CBS 80072ned), real

    def label(self, lang: str) -> str:
        found = self.real or self.sick or self.profile
        assert found is not None
        return found.label(lang)

    @property
    def demo_only(self) -> bool:
        return self.real is None and self.sick is None


def _with_figures(store: Store, code: str) -> SectorProfile | None:
    profile = sector_profile(store, code)
    return profile if profile is not None and profile.years else None


def _find(store: Store, code: str) -> SectorPage | None:
    real = sector_vacancies(store, code)
    sick = sick_leave(store, code)
    profile = _with_figures(store, code)
    sbi = real.sbi if real is not None else sick.sbi if sick is not None else None
    if profile is None and sbi is not None and sbi != code.strip().upper():
        profile = _with_figures(store, sbi)  # /sector/350000: the demo figures of F
    if real is None and sick is None and profile is None:
        return None
    return SectorPage(code.strip(), real, profile, sick)


def _nearest(store: Store, code: str, lang: str) -> list[tuple[str, str]]:
    real = [
        (f"/sector/{c}", f"{en if lang == 'en' else nl} ({sbi}, CBS)")
        for c, sbi, nl, en in list_vacancy_sectors(store)
        if code.strip().upper() in (c, sbi)
    ]
    return real + [
        (f"/sector/{c}", f"{en if lang == 'en' else nl} ({c})")
        for c, nl, en in suggest_sectors(store, code)
    ]


SECTORS = Lookup("sector", _with_figures, _nearest)
PAGES = Lookup("sector", _find, _nearest)


def _region_names(data: RadarData) -> dict[str, str]:
    return {r.code: r.name for r in data.regions}


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
    values = [{"label": n, "persons": p} for n, p, _ in ranked]
    spec = count_bar_spec(values, "persons", f"{w['persons']} {last}")
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
        columns=[TEXT[lang]["region"], *(str(y) for y in profile.years)],
        rows=[
            [n, *(fmt_int(years.get(y, 0), lang) for y in profile.years)] for n, _, years in ranked
        ],
        download=f"/sector/{profile.code}/regios.csv",
        sources=profile.sources,
    )


def _charts(
    page: SectorPage, data: RadarData, lang: str, region: str
) -> tuple[list[Chart], list[Chart]]:
    """(real charts, demo charts) of a sector page."""
    real: list[Chart] = []
    if page.real is not None:
        shown = region if region in page.real.series else COUNTRY
        real = [trend_chart(page.real, shown, lang), province_chart(page.real, lang)]
    if page.sick is not None:
        real.append(sick_leave_chart(page.sick, lang))
    demo: list[Chart] = []
    if page.profile is not None:
        names = _region_names(data)
        demo = [age_chart(page.profile, names, lang), region_chart(page.profile, names, lang)]
    return real, demo


@router.get("/sector/{code}", response_class=HTMLResponse, response_model=None)
def sector_page(
    request: Request, code: str, data: DataDep, store: StoreDep, regio: str = COUNTRY
) -> Response:
    return PAGES.page(request, store, code, lambda page: _sector_page(request, page, data, regio))


def _sector_page(request: Request, page: SectorPage, data: RadarData, region: str) -> HTMLResponse:
    lang = request_lang(request)
    real, demo = _charts(page, data, lang, region.strip().upper())
    return render(
        request,
        "sector.html",
        data=data,
        w=WORDS[lang],
        page=page,
        sector=page.profile,
        real=page.real,
        label=page.label(lang),
        real_charts=real,
        charts=demo,
        regions=[COUNTRY, *page.real.landsdelen, *page.real.provinces] if page.real else [],
        region_name=region_name,
        demo=page.demo_only,
    )


@router.get("/sector/{code}/werkgelegenheid.csv")
def sector_age_csv(request: Request, code: str, data: DataDep, store: StoreDep) -> Response:
    return SECTORS.page(request, store, code, lambda profile: _age_csv(request, profile, data))


def _age_csv(request: Request, profile: SectorProfile, data: RadarData) -> Response:
    chart = age_chart(profile, _region_names(data), request_lang(request))
    return csv_response(chart.columns, chart.rows, f"werkgelegenheid-{profile.code}.csv")


@router.get("/sector/{code}/regios.csv")
def sector_region_csv(request: Request, code: str, data: DataDep, store: StoreDep) -> Response:
    return SECTORS.page(request, store, code, lambda profile: _region_csv(request, profile, data))


def _region_csv(request: Request, profile: SectorProfile, data: RadarData) -> Response:
    chart = region_chart(profile, _region_names(data), request_lang(request))
    return csv_response(chart.columns, chart.rows, f"werkgelegenheid-{profile.code}-regios.csv")


def _factsheet_html(request: Request, page: SectorPage, data: RadarData) -> str:
    lang = request_lang(request)
    real, demo = _charts(page, data, lang, COUNTRY)
    charts = real + demo
    sources = [
        *(page.real.sources if page.real else []),
        *(page.sick.sources if page.sick else []),
        *(page.profile.sources if page.profile else []),
    ]
    return templates.get_template("sector_factsheet.html").render(
        lang=lang,
        t=TEXT[lang],
        w=WORDS[lang],
        demo=page.demo_only,
        page=page,
        sector=page.profile,
        real=page.real,
        label=page.label(lang),
        charts=list(zip(charts, [chart_svg(c.spec) for c in charts], strict=True)),
        demo_from=len(real) if real and demo else None,
        sources=sources,
    )


@router.get("/sector/{code}/factsheet", response_class=HTMLResponse, response_model=None)
def sector_factsheet(request: Request, code: str, data: DataDep, store: StoreDep) -> Response:
    return PAGES.page(
        request, store, code, lambda page: HTMLResponse(_factsheet_html(request, page, data))
    )


@router.get("/sector/{code}/factsheet.pdf")
def sector_factsheet_pdf(request: Request, code: str, data: DataDep, store: StoreDep) -> Response:
    return PAGES.page(request, store, code, lambda page: _factsheet_pdf(request, page, data))


def _factsheet_pdf(request: Request, page: SectorPage, data: RadarData) -> Response:
    name = page.label(request_lang(request))
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return Response(
        html_to_pdf(_factsheet_html(request, page, data), f"Factsheet {name}"),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="factsheet-sector-{slug}.pdf"'},
    )


@router.get("/sector", response_class=HTMLResponse)
def sector_index(request: Request, data: DataDep, store: StoreDep) -> HTMLResponse:
    lang = request_lang(request)
    only_real = request.query_params.get("echt") in ("1", "ja", "true")
    return render(
        request,
        "sectors.html",
        data=data,
        w=WORDS[lang],
        real_sectors=list_vacancy_sectors(store),
        sectors=[] if only_real else list_sectors(store),
        only_real=only_real,
    )
