"""The inclusion page of a region: /regio/{code}/inclusie."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from lloradar.domain import IngestError
from lloradar.domain.errors import ValidationError
from lloradar.features.inclusion import service
from lloradar.web.routes import StoreDep, UnknownCode, render
from lloradar.web.views import fmt_int

router = APIRouter(include_in_schema=False)


@router.get("/regio/{code}/inclusie", response_class=HTMLResponse)
def inclusion_page(request: Request, code: str, store: StoreDep) -> HTMLResponse:
    try:
        result = service.region_inclusion(store, code)
    except ValidationError as exc:
        raise UnknownCode("region", code) from exc
    except IngestError as exc:
        return render(request, "flows/inclusion.html", result=None, problem=str(exc), code=code)
    return render(request, "flows/inclusion.html", result=result, fmt_int=fmt_int, problem=None)
