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


class Problem(HTTPException):
    """An HTTP error with a title and extra members for its problem-details body."""

    def __init__(self, status: int, title: str, detail: str, **extra: Any) -> None:
        super().__init__(status, detail=detail)
        self.title = title
        self.extra = extra


async def http_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    if isinstance(exc, Problem):
        return problem(exc.status_code, exc.title, exc.detail, **exc.extra)
    return problem(exc.status_code, "Error", str(exc.detail), instance=request.url.path)


async def validation_problem(request: Request, exc: Exception) -> JSONResponse:
    """422 naming each field that is wrong, e.g. `query.period_from`."""
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()
    ]
    fields = ", ".join(e["field"] for e in errors)
    return problem(
        422,
        "Invalid request",
        f"Check these fields: {fields}",
        errors=errors,
        instance=request.url.path,
    )


def not_found(kind: str, value: str, suggestions: list[str]) -> Problem:
    hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
    return Problem(
        404, f"Unknown {kind}", f"There is no {kind} '{value}'.{hint}", suggestions=suggestions
    )
