"""`/api/panel`: the citizen panel's response, attrition and results for analysts (the same
figures as the pages: nothing under 10 people, hidden values null)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from lloradar.api.auth import AccountStoreDep, require_api_roles
from lloradar.api.problems import not_found
from lloradar.domain.account import Account, Role
from lloradar.features.panel.results import response_report, wave_results
from lloradar.features.panel.service import list_waves

router = APIRouter(prefix="/api/panel", tags=["panel"])
Analyst = Annotated[Account, Depends(require_api_roles(Role.ANALYST, Role.ADMIN))]


@router.get("/response", summary="Response and attrition per wave (analysts)")
def response(
    store: AccountStoreDep,
    account: Analyst,
    group: Annotated[str | None, Query(max_length=80)] = None,
) -> dict[str, Any]:
    return {
        "group": group,
        "waves": [asdict(r) for r in response_report(store, group)],
    }


@router.get("/waves/{wave_id}/results", summary="A wave's answers per question (analysts)")
def results(wave_id: str, store: AccountStoreDep, account: Analyst) -> dict[str, Any]:
    found = wave_results(store, wave_id)
    if found is None:
        raise not_found("panel wave", wave_id, [w.wave_id for w in list_waves(store)])
    return {
        "wave_id": found.wave.wave_id,
        "version": found.wave.version,
        "populations": found.populations,
        "results": {name: [asdict(r) for r in rows] for name, rows in found.results.items()},
        "is_demo": found.is_demo,
    }
