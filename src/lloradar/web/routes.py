"""The web pages: the map, region and occupation profiles, questions and factsheets."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from lloradar.config import get_settings
from lloradar.features.factsheets.service import chart_svg, html_to_pdf
from lloradar.features.indicators.radar import RadarData, radar_for_store
from lloradar.features.questions.service import answer_question
from lloradar.services.web_store import Store, open_web_store, store_url_for
from lloradar.web import views
from lloradar.web.i18n import COOKIE, LANGS, TEXT, request_lang

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)


class UnknownCode(HTTPException):
    """A region, occupation or data code that does not exist: a 404 page with suggestions."""

    def __init__(self, kind: str, value: str) -> None:
        super().__init__(404, detail=f"unknown {kind} {value!r}")
        self.kind = kind
        self.value = value


async def get_data(request: Request) -> RadarData:
    data = getattr(request.app.state, "radar", None)
    if data is None:
        data = request.app.state.radar = radar_for_store(get_settings().store)
    return data


DataDep = Annotated[RadarData, Depends(get_data)]


def get_store(request: Request, data: DataDep) -> Iterator[Store]:
    """The store the radar's figures came from, opened for one request."""
    url = store_url_for(data, getattr(request.app.state, "store_url", None))
    with open_web_store(url) as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]
OccupationParam = Annotated[str | None, Query(alias="beroep", max_length=100)]


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = request_lang(request)
    data = context.get("data") or getattr(request.app.state, "radar", None)
    response: HTMLResponse = templates.TemplateResponse(
        request,
        name,
        {"lang": lang, "t": TEXT[lang], "demo": bool(data and data.is_demo), **context},
        status_code=status,
    )
    if request.query_params.get("lang") in LANGS:
        response.set_cookie(COOKIE, request_lang(request), max_age=31_536_000, samesite="lax")
    return response


def cached_page(request: Request, build: Callable[[], HTMLResponse]) -> HTMLResponse:
    """Pages depend only on their path, query and language while the server runs: render once."""
    cache: dict[tuple[str, str, str], bytes] = request.app.state.__dict__.setdefault(
        "page_cache", {}
    )
    query = "&".join(f"{k}={v}" for k, v in sorted(request.query_params.items()) if k != "lang")
    key = (request.url.path, query, request_lang(request))
    if key not in cache:
        response = build()
        if response.status_code == 200:
            cache[key] = bytes(response.body)
        return response
    response = HTMLResponse(cache[key])
    if request.query_params.get("lang") in LANGS:
        response.set_cookie(COOKIE, request_lang(request), max_age=31_536_000, samesite="lax")
    return response


def page_not_found(
    request: Request, kind: str, value: str, suggestions: list[tuple[str, str]]
) -> HTMLResponse:
    return render(
        request,
        "error.html",
        404,
        title=TEXT[request_lang(request)]["not_found"],
        value=value,
        kind=kind,
        suggestions=suggestions,
    )


def csv_response(columns: list[str], rows: list[list[str]], filename: str) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _occupation_or_404(data: RadarData, slug: str | None) -> str | None:
    if slug and data.occupation(slug) is None:
        raise UnknownCode("occupation", slug)
    return slug or None


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, data: DataDep, beroep: OccupationParam = None) -> HTMLResponse:
    return cached_page(request, lambda: _home(request, data, beroep))


def _home(request: Request, data: RadarData, beroep: str | None) -> HTMLResponse:
    lang = request_lang(request)
    occupation = _occupation_or_404(data, beroep)
    period = data.latest
    if period is None:
        return render(request, "empty.html")
    chart = views.region_chart(data, occupation, None, period, lang)
    return render(
        request,
        "home.html",
        data=data,
        period=period,
        occupation=occupation,
        chart=chart,
        occupations=sorted(data.occupations, key=lambda o: o.label(lang).lower()),
        features=json.dumps(views.map_features(data, occupation, period, lang)),
        has_geometry=len(data.geometry) >= len(data.regions),
        tiles=views.map_features(data, occupation, period, lang)["features"],
        legend=views.legend(lang),
    )


@router.get("/kaart.csv")
def map_csv(
    request: Request, data: DataDep, occupation: Annotated[str | None, Query()] = None
) -> Response:
    lang = request_lang(request)
    if data.latest is None:
        raise UnknownCode("data", "kaart")
    chart = views.region_chart(data, _occupation_or_404(data, occupation), None, data.latest, lang)
    return csv_response(chart.columns, chart.rows, "regios.csv")


def _region_or_404(data: RadarData, code: str) -> Any:
    region = data.region(code)
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
    assert period is not None
    charts = [
        views.series_chart(data, region.name, region.code, None, lang),
        views.occupation_chart(data, region.code, region.name, period, lang),
        views.region_chart(data, None, region.name, period, lang),
    ]
    latest = data.figures(region.code, None, period)
    return render(
        request,
        "region.html",
        data=data,
        region=region,
        period=period,
        charts=charts,
        latest=latest,
        views=views,
    )


@router.get("/regio/{code}/beroepen.csv")
def region_occupations_csv(request: Request, code: str, data: DataDep) -> Response:
    region = _region_or_404(data, code)
    assert data.latest is not None
    chart = views.occupation_chart(
        data, region.code, region.name, data.latest, request_lang(request)
    )
    return csv_response(chart.columns, chart.rows, f"beroepen-{region.code}.csv")


def _factsheet_html(request: Request, data: RadarData, code: str) -> tuple[str, str]:
    lang = request_lang(request)
    region = _region_or_404(data, code)
    period = data.latest
    assert period is not None
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
        latest=data.figures(region.code, None, period),
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


@router.get("/vraag", response_class=HTMLResponse)
def question_page(
    request: Request, data: DataDep, q: Annotated[str, Query(max_length=300)] = ""
) -> HTMLResponse:
    answer = answer_question(data, q, request_lang(request)) if q.strip() else None
    return render(request, "question.html", data=data, q=q, answer=answer)


@router.post("/vraag", response_class=HTMLResponse)
def question_fragment(
    request: Request, data: DataDep, q: Annotated[str, Form(max_length=300)] = ""
) -> HTMLResponse:
    """The htmx answer: only the answer block, swapped into the page."""
    answer = answer_question(data, q, request_lang(request)) if q.strip() else None
    return render(request, "_answer.html", data=data, q=q, answer=answer)


def suggestions_for(request: Request, kind: str, value: str) -> list[tuple[str, str]]:
    data = getattr(request.app.state, "radar", None)
    if data is None:
        return []
    lang = request_lang(request)
    if kind == "occupation":
        return [(f"/beroep/{o.slug}", o.label(lang)) for o in data.suggest_occupations(value)]
    return [(f"/regio/{r.code}", f"{r.name} ({r.code})") for r in data.suggest_regions(value)]


async def html_not_found(request: Request, exc: Exception) -> HTMLResponse:
    """404 in the user's language, with the nearest regions or occupations as suggestions."""
    if isinstance(exc, UnknownCode):
        kind, value = exc.kind, exc.value
    else:
        kind, value = "page", request.url.path.rsplit("/")[-1]
    if kind == "page":
        hits = suggestions_for(request, "region", value) + suggestions_for(
            request, "occupation", value
        )
    else:
        hits = suggestions_for(request, kind, value)
    return page_not_found(request, kind, value, hits[:5])


async def html_invalid(request: Request, exc: Exception) -> HTMLResponse:
    """422 naming the field, in the user's language."""
    errors: list[dict[str, Any]] = list(getattr(exc, "errors", list)())
    fields = [str(e["loc"][-1]) for e in errors] or ["?"]
    lang = request_lang(request)
    return render(
        request,
        "error.html",
        422,
        title=TEXT[lang]["invalid"],
        fields=fields,
        kind="field",
        value=", ".join(fields),
        suggestions=[],
    )
