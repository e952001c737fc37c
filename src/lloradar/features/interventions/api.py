"""The intervention endpoints: the register, progress per intervention and the portfolio.
Hidden counts come as the marker the service gives ("x" in CSV, null in JSON)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, UploadFile
from fastapi.responses import Response

from lloradar.api.auth import AccountStoreDep, require_api_roles
from lloradar.api.deps import StoreDep
from lloradar.api.export import Format, parquet_csv, safe_name
from lloradar.api.problems import Problem, not_found
from lloradar.config import get_settings
from lloradar.domain import IngestError, Intervention
from lloradar.domain.account import Account, Role
from lloradar.features.interventions.service import (
    NotReleased,
    get_intervention,
    list_interventions,
    portfolio_csv,
    portfolio_report,
    progress_csv,
    progress_report,
)
from lloradar.features.interventions.uploads import report_json, upload_participants, upload_state

router = APIRouter(prefix="/api/interventions", tags=["interventions"])
Lang = Annotated[Literal["nl", "en"], Query(description="Language of the generated text")]
AsOf = Annotated[
    date | None,
    Query(description="A release date, YYYY-MM-DD (default: the latest release)"),
]
Text = Annotated[str | None, Query(max_length=100)]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "value") and not isinstance(value, int | float | str):
        return value.value  # enums
    if isinstance(value, date):
        return value.isoformat()
    return value


def intervention_json(intervention: Intervention) -> dict[str, Any]:
    return dict(_plain(asdict(intervention)))


def _csv(text: str, filename: str) -> Response:
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{safe_name(filename)}"'},
    )


@router.get("", summary="The register of interventions (HCA projects)")
def interventions(store: StoreDep, region: Text = None, theme: Text = None) -> list[dict[str, Any]]:
    return [intervention_json(i) for i in list_interventions(store, region=region, theme=theme)]


@router.get("/portfolio", summary="Interventions per theme or region with generated text")
def portfolio(
    store: StoreDep,
    region: Text = None,
    theme: Text = None,
    by: Literal["theme", "region"] = "theme",
    as_of: AsOf = None,
    lang: Lang = "en",
    format: Format = "json",
) -> Any:
    try:
        report = portfolio_report(store, region=region, theme=theme, by=by, as_of=as_of, lang=lang)
    except NotReleased as exc:
        raise Problem(404, "No release on this date", str(exc)) from exc
    if format == "parquet":
        return parquet_csv(portfolio_csv(report), f"portfolio-{region or 'all'}-{by}.csv")
    if format == "csv":
        return _csv(portfolio_csv(report), f"portfolio-{region or 'all'}-{by}.csv")
    return {
        "by": report.by,
        "region": report.region,
        "as_of": report.as_of.isoformat(),
        "rows": [_plain(asdict(r)) for r in report.rows],
        "total": _plain(asdict(report.total)),
        "texts": report.texts,
        "is_demo": report.is_demo,
    }


Analyst = Annotated[Account, Depends(require_api_roles(Role.ANALYST, Role.ADMIN))]


@router.post("/participants", summary="Upload participants and outcomes, CSV (analysts)")
def upload_participants_csv(
    file: UploadFile, store: AccountStoreDep, account: Analyst
) -> dict[str, Any]:
    """The participants CSV of docs/interventions-format.md as a multipart file: validated,
    pseudonymised and quarantined as `lloradar interventions participants` does."""
    key = get_settings().pseudonym_key.get_secret_value()
    if not key:
        raise Problem(503, "No pseudonym key", "Set LLORADAR_PSEUDONYM_KEY on the server.")
    try:
        report = upload_participants(store, file.file.read(), file.filename or "", key)
    except IngestError as error:
        raise Problem(422, "File refused", str(error), line=error.line) from None
    answer = report_json(report)
    answer["upload"] = f"/api/interventions/uploads/{report.source_id}"
    return answer


@router.get("/uploads/{source_id}", summary="What an upload stored and quarantined (analysts)")
def upload_progress(source_id: str, store: AccountStoreDep, account: Analyst) -> dict[str, Any]:
    state = upload_state(store, source_id)
    if state is None:
        raise not_found("upload", source_id, [])
    return {
        "source_id": state.source_id,
        "location": state.location,
        "retrieved_at": state.retrieved_at.isoformat(),
        "participants": state.participants,
        "outcomes": state.outcomes,
        "quarantined": [asdict(q) for q in state.quarantined],
        "progress": [f"/api/interventions/{i}/progress" for i in state.interventions],
    }


@router.get("/{intervention_id}", summary="One intervention with its KPIs")
def intervention(intervention_id: str, store: StoreDep) -> dict[str, Any]:
    found = get_intervention(store, intervention_id)
    if found is None:
        raise not_found("intervention", intervention_id, [])
    return intervention_json(found)


@router.get("/{intervention_id}/progress", summary="KPIs realised vs target, outflow vs baseline")
def progress(
    intervention_id: str,
    store: StoreDep,
    as_of: AsOf = None,
    lang: Lang = "en",
    format: Format = "json",
) -> Any:
    try:
        report = progress_report(store, intervention_id, as_of=as_of, lang=lang)
    except NotReleased as exc:
        raise Problem(404, "No release on this date", str(exc)) from exc
    if report is None:
        raise not_found("intervention", intervention_id, [])
    if format == "parquet":
        return parquet_csv(progress_csv(report), f"voortgang-{intervention_id}.csv")
    if format == "csv":
        return _csv(progress_csv(report), f"voortgang-{intervention_id}.csv")
    return {
        "intervention": intervention_json(report.intervention),
        "as_of": report.as_of.isoformat(),
        "kpis": [_plain(asdict(k)) for k in report.kpis],
        "outflow": _plain(asdict(report.outflow)),
        "kpi_texts": report.kpi_texts,
        "outflow_text": report.outflow_text,
        "is_demo": report.is_demo,
    }
