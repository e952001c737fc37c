"""Errors as JSON problem details (RFC 9457): a title, a status and what to do about it."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

PROBLEM = "application/problem+json"


def problem(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


async def http_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    if isinstance(exc.detail, dict):
        return problem(exc.status_code, **exc.detail)
    return problem(exc.status_code, "Error", str(exc.detail), instance=request.url.path)


async def validation_problem(request: Request, exc: Exception) -> JSONResponse:
    """422 naming each field that is wrong, e.g. `query.period_from`."""
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()
    ]
    fields = ", ".join(e["field"] for e in errors)
    return problem(
        422, "Invalid request", f"Check these fields: {fields}", errors=errors,
        instance=request.url.path,
    )


def not_found(kind: str, value: str, suggestions: list[str]) -> HTTPException:
    hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
    return HTTPException(
        404,
        detail={
            "title": f"Unknown {kind}",
            "detail": f"There is no {kind} '{value}'.{hint}",
            "suggestions": suggestions,
        },
    )
