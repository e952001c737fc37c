"""The inclusion endpoint: a region's people at a distance from the labour market."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter

from lloradar.api.deps import StoreDep
from lloradar.api.problems import Problem
from lloradar.domain import IngestError
from lloradar.domain.errors import ValidationError
from lloradar.features.inclusion import service

router = APIRouter(prefix="/api/inclusion", tags=["inclusion"])


@router.get("/regions/{code}", summary="People at a distance from the labour market in a region")
def region_inclusion(code: str, store: StoreDep, lang: Literal["nl", "en"] = "nl") -> Any:
    """Breakdowns by benefit type, age band, education level, work-limited and last occupation,
    and the potential toward the region's tight occupations; null is a hidden count (fewer than
    10 people, or one the total would give away)."""
    try:
        return service.inclusion_payload(service.region_inclusion(store, code), lang)
    except ValidationError as exc:
        raise Problem(
            422, "Invalid request", str(exc), errors=[{"field": exc.field, "message": str(exc)}]
        ) from exc
    except IngestError as exc:
        raise Problem(404, "No data", str(exc)) from exc
