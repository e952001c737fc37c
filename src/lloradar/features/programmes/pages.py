"""The programme pages: `/opleiding` (search) and `/opleiding/{code}`, the profile of a CROHO or
crebo code with its graduates or enrolments per year and per labour-market region (DUO, real),
duiding, tables, downloads and sources. Hidden counts show the one marker."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from lloradar.features.programmes.pipeline import programme_pipeline
from lloradar.features.programmes.pipeline_views import pipeline_chart
from lloradar.features.programmes.service import (
    ProgrammeProfile,
    programme_profile,
    programme_text,
    search_programmes,
)
from lloradar.services.request_store import Store
from lloradar.web.charts import count_bar_spec
from lloradar.web.i18n import TEXT, request_lang, words
from lloradar.web.lookup import Lookup
from lloradar.web.routes import DataDep, StoreDep, render
from lloradar.web.views import Chart, fmt_count

router = APIRouter(include_in_schema=False)
WORDS = words("programmes")


def _nearest(store: Store, code: str, lang: str) -> list[tuple[str, str]]:
    return [
        (f"/opleiding/{e.code}", f"{e.name} ({e.code}, {e.levels})")
        for e in search_programmes(store, code, 5)
    ]


PROGRAMMES = Lookup("programme", programme_profile, _nearest)


def year_chart(profile: ProgrammeProfile, lang: str) -> Chart:
    w = WORDS[lang]
    who = profile.kind_word(lang)
    values = [{"year": str(y), "persons": v} for y, v in profile.per_year.items() if v is not None]
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": 200,
        "data": {"values": values},
        "mark": {"type": "bar", "color": "#1f3a5f"},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": w["year"]},
            "y": {"field": "persons", "type": "quantitative", "title": who},
            "tooltip": [
                {"field": "year", "type": "ordinal"},
                {"field": "persons", "type": "quantitative", "format": ",.0f"},
            ],
        },
    }
    return Chart(
        id="programme-years",
        title=f"{who.capitalize()} {w['per_year']}: {profile.name}",
        spec=spec,
        text=programme_text(profile, lang),
        columns=[w["year"], who],
        rows=[[str(y), fmt_count(v, v is None, lang)] for y, v in profile.per_year.items()],
        download=f"/api/programmes/{profile.code}?format=csv",
        sources=profile.sources,
        notes=[TEXT[lang]["hidden_note"]],
    )


def region_chart(profile: ProgrammeProfile, lang: str) -> Chart:
    w = WORDS[lang]
    who = profile.kind_word(lang)
    # the latest year with a region shown (an ending programme may have only hidden cells)
    last = max(
        (y for y in profile.years for r in profile.regions if profile.per_region[r].get(y)),
        default=profile.years[-1],
    )
    values = [
        {"label": profile.region_name(r, lang), "persons": profile.per_region[r].get(last)}
        for r in profile.regions
        if profile.per_region[r].get(last) is not None
    ]
    shown = [r for r in profile.regions if profile.per_region[r].get(last) is not None]
    listed = ", ".join(profile.region_name(r, lang) for r in shown[:3])
    text = [f"{w['largest_regions']} {last}: {listed}." if listed else w["all_hidden"]]
    return Chart(
        id="programme-regions",
        title=f"{who.capitalize()} {w['per_region']}: {profile.name}",
        spec=count_bar_spec(values, "persons", f"{who} {last}"),
        text=text,
        columns=[TEXT[lang]["region"], *(str(y) for y in profile.years), w["total"]],
        rows=[
            [
                profile.region_name(r, lang),
                *(fmt_count(v, v is None, lang) for v in profile.per_region[r].values()),
                fmt_count(profile.region_totals[r], profile.region_totals[r] is None, lang),
            ]
            for r in profile.regions
        ],
        download=f"/api/programmes/{profile.code}?format=csv",
        sources=profile.sources,
        notes=[TEXT[lang]["hidden_note"], w["region_note"]],
    )


def pipeline_charts(store: Store, profile: ProgrammeProfile, lang: str) -> list[Chart]:
    """The education pipeline of the programme (features/programmes/pipeline.py)."""
    found = programme_pipeline(store, profile.code)
    return [] if found is None else [pipeline_chart(found, lang)]


@router.get("/opleiding/{code}", response_class=HTMLResponse, response_model=None)
def programme_page(request: Request, code: str, data: DataDep, store: StoreDep) -> Response:
    return PROGRAMMES.page(request, store, code, lambda p: _page(request, p, data, store))


def _page(request: Request, profile: ProgrammeProfile, data: Any, store: Store) -> HTMLResponse:
    lang = request_lang(request)
    return render(
        request,
        "programme.html",
        data=data,
        w=WORDS[lang],
        programme=profile,
        charts=[
            year_chart(profile, lang),
            region_chart(profile, lang),
            *pipeline_charts(store, profile, lang),
        ],
        demo=profile.is_demo,
    )


@router.get("/opleiding", response_class=HTMLResponse)
def programme_index(request: Request, data: DataDep, store: StoreDep, q: str = "") -> HTMLResponse:
    lang = request_lang(request)
    return render(
        request,
        "programmes.html",
        data=data,
        w=WORDS[lang],
        q=q[:100],
        programmes=search_programmes(store, q[:100], 100),
        fmt=lambda v: fmt_count(v, v is None, lang),
        demo=False,
    )
