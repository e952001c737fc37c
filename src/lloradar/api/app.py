"""The API on its own: `uvicorn --factory lloradar.api.app:create_app`."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from lloradar.api.problems import http_problem, validation_problem
from lloradar.features.indicators.api import router
from lloradar.features.indicators.radar import RadarData

OPENAPI = {"openapi_url": "/api/openapi.json", "docs_url": "/api/docs", "redoc_url": None}


def add_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, http_problem)
    app.add_exception_handler(RequestValidationError, validation_problem)


def create_app(data: RadarData | None = None) -> FastAPI:
    app = FastAPI(title="LLO Radar API", version="0.1.0", **OPENAPI)  # type: ignore[arg-type]
    app.state.radar = data
    app.include_router(router)
    add_problem_handlers(app)
    return app
