"""The answers to what went wrong on the server, never a plain-text "Internal Server Error":
a JSON problem on the API and a page in the reader's language elsewhere, each with a request id
that is also in the log line (with the traceback), so a report can be matched to its cause.

A store that is busy or unreachable (`StoreUnavailable`: another process holds the DuckDB file
longer than LLORADAR_LOCK_WAIT, or PostgreSQL is down) answers 503 with Retry-After."""

from __future__ import annotations

import logging
import uuid

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from lloradar.domain.errors import StoreUnavailable
from lloradar.web.i18n import TEXT, request_lang
from lloradar.web.routes import render

log = logging.getLogger("lloradar.server")
RETRY_AFTER_SECONDS = 10


def _answer(request: Request, status: int, title: str, detail: str, request_id: str) -> Response:
    if request.url.path.startswith("/api/"):  # RFC 9457 problem details, as api/problems.py
        body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
        response: Response = JSONResponse(
            {**body, "request_id": request_id},
            status_code=status,
            media_type="application/problem+json",
        )
    else:
        response = render(
            request,
            "failure.html",
            status,
            title=title,
            detail=detail,
            request_id=request_id,
        )
    if status == 503:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _request_id(request: Request) -> str:
    """The id the request middleware gave the request (features/ops), else a new one."""
    return getattr(request.state, "request_id", None) or uuid.uuid4().hex[:12]


async def store_unavailable(request: Request, exc: Exception) -> Response:
    request_id = _request_id(request)
    log.warning("request %s %s: %s", request_id, request.url.path, exc)
    t = TEXT[request_lang(request)]
    return _answer(request, 503, t["failure_busy_title"], t["failure_busy_text"], request_id)


async def unexpected(request: Request, exc: Exception) -> Response:
    request_id = _request_id(request)
    log.error("request %s %s failed", request_id, request.url.path, exc_info=exc)
    t = TEXT[request_lang(request)]
    return _answer(request, 500, t["failure_title"], t["failure_text"], request_id)


__all__ = ["StoreUnavailable", "store_unavailable", "unexpected"]
