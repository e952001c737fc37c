"""The whole web server: the REST API and the web pages in one FastAPI app.

It composes the two edges (`api` and `web`, which may not import each other), so it sits beside
them: `uvicorn --factory lloradar.server:create_app`, or `lloradar serve`.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from lloradar.api.app import OPENAPI
from lloradar.api.auth import no_store_when_personal
from lloradar.api.problems import http_problem, validation_problem
from lloradar.config import get_settings
from lloradar.features.accounts.api import router as api_accounts_router
from lloradar.features.accounts.pages import router as account_pages_router
from lloradar.features.alerts.api import router as api_alerts_router
from lloradar.features.alerts.pages import router as alert_pages_router
from lloradar.features.employer.api import router as api_employer_router
from lloradar.features.employer.pages import router as employer_pages_router
from lloradar.features.flows.api import router as api_flows_router
from lloradar.features.flows.pages import router as flows_pages_router
from lloradar.features.forecast.api import router as api_forecast_router
from lloradar.features.forecast.pages import router as forecast_pages_router
from lloradar.features.inclusion.api import router as api_inclusion_router
from lloradar.features.inclusion.pages import router as inclusion_pages_router
from lloradar.features.indicators.api import router as api_router
from lloradar.features.indicators.pages import router as web_router
from lloradar.features.indicators.radar import RadarData, radar_for_store
from lloradar.features.indicators.sector_pages import router as sector_pages_router
from lloradar.features.indicators.skill_pages import router as skill_pages_router
from lloradar.features.interventions.api import router as api_interventions_router
from lloradar.features.interventions.pages import router as intervention_pages_router
from lloradar.features.navigator.api import router as api_navigator_router
from lloradar.features.navigator.pages import router as navigator_pages_router
from lloradar.features.ops.api import install as install_operations
from lloradar.features.ops.service import start_worker
from lloradar.features.panel.api import router as api_panel_router
from lloradar.features.panel.pages import router as panel_pages_router
from lloradar.features.passport.api import router as api_passport_router
from lloradar.features.passport.pages import router as passport_pages_router
from lloradar.features.programmes.api import router as api_programmes_router
from lloradar.features.programmes.pages import router as programme_pages_router
from lloradar.features.programmes.pipeline_api import router as api_pipeline_router
from lloradar.features.questions.pages import router as question_pages_router
from lloradar.features.sector_vacancies.api import router as api_sector_vacancies_router
from lloradar.features.skills.api import router as api_skills_router
from lloradar.features.tasks.api import router as api_tasks_router
from lloradar.features.tasks.pages import router as task_pages_router
from lloradar.features.welfare.api import router as api_welfare_router
from lloradar.features.welfare.pages import router as welfare_pages_router
from lloradar.services.audit import require_pseudonym_key
from lloradar.web.auth import PageAuthError, page_auth_error
from lloradar.web.failures import StoreUnavailable, store_unavailable, unexpected
from lloradar.web.heavy import HeavyWorkLimit
from lloradar.web.routes import html_invalid, html_not_found
from lloradar.web.security import BodyLimit, SecurityHeaders

STATIC = Path(__file__).parent / "web" / "static"


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _http_error(request: Request, exc: Exception) -> Response:
    if _is_api(request) or getattr(exc, "status_code", 404) != 404:
        return await http_problem(request, exc)
    return await html_not_found(request, exc)


async def _invalid(request: Request, exc: Exception) -> Response:
    if _is_api(request):
        return await validation_problem(request, exc)
    return await html_invalid(request, exc)


def create_app(data: RadarData | None = None) -> FastAPI:
    """`data` defaults to the configured store (LLORADAR_STORE), read once at start, as is the
    default language of the pages (LLORADAR_LANG; `?lang=` and the cookie override it). Serving
    the configured store needs LLORADAR_PSEUDONYM_KEY (`MissingPseudonymKey` otherwise)."""
    if data is None:  # the served app (uvicorn factory, `lloradar serve`), not an embedded one
        require_pseudonym_key()
    app = FastAPI(title="LLO Radar", version="0.1.0", **OPENAPI)  # type: ignore[arg-type]
    settings = get_settings()
    if data is None:  # this worker's pool, and the schema it needs (docs/operations.md)
        start_worker(settings)
    app.state.radar = data if data is not None else radar_for_store(settings.store)
    app.state.lang = settings.lang
    app.include_router(api_skills_router)
    app.include_router(api_accounts_router)
    app.include_router(account_pages_router)
    app.include_router(api_passport_router)
    app.include_router(passport_pages_router)
    app.include_router(api_router)
    app.include_router(api_forecast_router)
    app.include_router(api_interventions_router)
    app.include_router(api_navigator_router)
    app.include_router(web_router)
    app.include_router(question_pages_router)
    app.include_router(forecast_pages_router)
    app.include_router(intervention_pages_router)
    app.include_router(skill_pages_router)
    app.include_router(api_employer_router)
    app.include_router(employer_pages_router)
    app.include_router(sector_pages_router)
    app.include_router(api_sector_vacancies_router)
    app.include_router(api_panel_router)
    app.include_router(panel_pages_router)
    app.include_router(api_welfare_router)
    app.include_router(welfare_pages_router)
    app.include_router(api_programmes_router)
    app.include_router(api_pipeline_router)
    app.include_router(programme_pages_router)
    app.include_router(navigator_pages_router)
    app.include_router(api_alerts_router)
    app.include_router(alert_pages_router)
    app.include_router(api_tasks_router)
    app.include_router(task_pages_router)
    app.include_router(api_flows_router)
    app.include_router(flows_pages_router)
    app.include_router(api_inclusion_router)
    app.include_router(inclusion_pages_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(PageAuthError, page_auth_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StoreUnavailable, store_unavailable)
    app.add_exception_handler(Exception, unexpected)
    app.middleware("http")(no_store_when_personal)
    app.add_middleware(BodyLimit, limit=settings.max_body, upload_limit=settings.max_upload_body)
    app.add_middleware(
        HeavyWorkLimit, per_client=settings.heavy_per_minute, concurrent=settings.heavy_concurrent
    )
    app.add_middleware(SecurityHeaders, trust_forwarded_proto=settings.trust_forwarded_proto)
    install_operations(app, settings)  # /healthz, /readyz, /metrics; request ids, JSON logs
    return app
