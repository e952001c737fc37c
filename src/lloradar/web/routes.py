"""The kernel of the web pages: the templates, one store and the radar per request, rendering
with the language, the page cache, CSV downloads and the 404/422 pages with suggestions."""

from __future__ import annotations

import csv
import io
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from lloradar.config import get_settings
from lloradar.features.indicators.radar import RadarData, radar_for_store
from lloradar.services.request_store import Store, open_web_store, store_url_for
from lloradar.web.i18n import COOKIE, LANGS, TEXT, install, request_lang

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
install(templates.env)  # jinja2.ext.i18n: `_("id")` in the page's language
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
        {
            "lang": lang,
            "t": TEXT[lang],
            "demo": bool(data and data.is_demo),
            "unfinished": bool(data and getattr(data, "unfinished", None)),
            **context,
        },
        status_code=status,
    )
    if request.query_params.get("lang") in LANGS:
        response.set_cookie(COOKIE, request_lang(request), max_age=31_536_000, samesite="lax")
    return response


PAGE_CACHE_SIZE = 256  # pages (the map is ~66 kB): at most ~17 MB


def _known_params(request: Request) -> tuple[str, ...]:
    """The query parameters the route declares (aliases, in its dependencies too): only they
    can change the page, so only they make up its cache key."""
    names: set[str] = set()
    todo = [getattr(request.scope.get("route"), "dependant", None)]
    while todo:
        dependant = todo.pop()
        if dependant is not None:
            names |= {p.alias for p in dependant.query_params}
            todo += dependant.dependencies
    return tuple(sorted(names - {"lang"}))


def cached_page(request: Request, build: Callable[[], HTMLResponse]) -> HTMLResponse:
    """Pages depend only on their path, their (validated, declared) query parameters and the
    language while the server runs: render once, keep the `PAGE_CACHE_SIZE` most recently used.
    Unknown parameters (`/?zz=1`) are not part of the key, so they cannot grow the cache."""
    cache: OrderedDict[tuple[str, tuple[tuple[str, str], ...], str], bytes] = (
        request.app.state.__dict__.setdefault("page_cache", OrderedDict())
    )
    params = request.query_params
    query = tuple((k, params[k]) for k in _known_params(request) if k in params)
    key = (request.url.path, query, request_lang(request))
    if key not in cache:
        response = build()
        if response.status_code == 200:
            cache[key] = bytes(response.body)
            while len(cache) > PAGE_CACHE_SIZE:
                cache.popitem(last=False)
        return response
    cache.move_to_end(key)
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
