"""`GET /api/programmes` (search) and `GET /api/programmes/{code}`: DUO graduates (CROHO) or
enrolments (crebo) per year and per labour-market region, counts under 10 people hidden."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from lloradar.api.deps import StoreDep
from lloradar.api.export import Format, export_rows
from lloradar.api.problems import not_found
from lloradar.features.programmes.service import (
    profile_json,
    programme_profile,
    search_programmes,
)

router = APIRouter(prefix="/api/programmes", tags=["programmes"])


@router.get("", summary="Programmes (DUO) whose code or name matches `q`")
def programmes(
    store: StoreDep,
    q: Annotated[str, Query(max_length=100, description="CROHO/crebo code or name")] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    format: Format = "json",
) -> Any:
    rows = [
        {
            "code": e.code,
            "name": e.name,
            "kind": e.kind,
            "levels": e.levels,
            "latest_year": e.year,
            "persons": e.persons,
            "hidden": e.persons is None,
        }
        for e in search_programmes(store, q, limit)
    ]
    return export_rows(rows, format, "opleidingen.csv")


@router.get("/{code}", summary="A programme's graduates or enrolments per year and region (DUO)")
def programme(code: str, store: StoreDep, format: Format = "json") -> Any:
    profile = programme_profile(store, code)
    if profile is None:
        raise not_found("programme", code, [e.code for e in search_programmes(store, code, 5)])
    answer = profile_json(profile)
    if format == "json":
        return answer
    rows = [{"code": profile.code, "kind": profile.kind, **r} for r in answer["per_region"]]
    return export_rows(rows, format, f"opleiding-{profile.code}.csv")
