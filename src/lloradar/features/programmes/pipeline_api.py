"""`GET /api/programmes/{code}/pipeline`: a programme's education pipeline (onderwijspijplijn)
per arbeidsmarktregio x year x stage from DUO, hidden counts null."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from lloradar.api.deps import StoreDep
from lloradar.api.export import Format, export_rows
from lloradar.api.problems import not_found
from lloradar.features.programmes.pipeline import pipeline_rows, programme_pipeline

router = APIRouter(prefix="/api/programmes", tags=["programmes"])


@router.get("/{code}/pipeline", summary="A programme's education pipeline per region and year")
def pipeline(code: str, store: StoreDep, format: Format = "json") -> Any:
    found = programme_pipeline(store, code[:20])
    if found is None:
        raise not_found("programme", code, [])
    rows = pipeline_rows(found)
    if format != "json":
        return export_rows(rows, format, f"pijplijn-{found.code}.csv")
    return {
        "code": found.code,
        "name": found.name,
        "years": found.pipeline.years,
        "stages": found.stages,
        "missing_stages": found.missing_stages,
        "rows": rows,
        "sources": [
            {"source": s.source, "table": s.table, "licence": s.licence} for s in found.sources
        ],
        "is_demo": found.is_demo,
    }
