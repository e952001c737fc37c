"""`GET /api/welfare/{code}`: a region's brede welvaart (broad welfare) indicators with the
national figure, coverage, generated text and sources."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from lloradar.api.deps import StoreDep
from lloradar.api.export import Format, export_rows
from lloradar.api.problems import not_found
from lloradar.features.welfare.service import welfare_profile, welfare_text

router = APIRouter(prefix="/api/welfare", tags=["welfare"])


@router.get("/{code}", summary="Broad-welfare indicators of a region (CBS StatLine)")
def welfare(
    code: str,
    store: StoreDep,
    lang: Annotated[Literal["nl", "en"], Query()] = "nl",
    format: Format = "json",
) -> Any:
    profile = welfare_profile(store, code[:20])
    if profile is None:
        raise not_found("region", code, [])
    rows = [
        {
            "region": profile.region_code,
            "theme": v.indicator.theme,
            "indicator": v.indicator.id,
            "label": v.indicator.label(lang),
            "unit": v.indicator.unit_in(lang),
            "value": v.value,
            "national": v.national,
            "parts_used": v.parts_used,
            "parts_in_region": v.parts_in_region,
            "table": v.indicator.table,
            "measure": v.indicator.measure,
        }
        for v in profile.values
    ]
    if format != "json":
        return export_rows(rows, format, f"brede-welvaart-{profile.region_code}.csv")
    return {
        "region": profile.region_code,
        "name": profile.region_name,
        "table": profile.table_id,
        "table_title": profile.table_title,
        "period": profile.period,
        "indicators": rows,
        "text": welfare_text(profile, lang),
        "sources": [
            {
                "source": s.source,
                "table": s.table,
                "licence": s.licence,
                "retrieved_at": s.retrieved_at.isoformat(),
                "is_demo": s.is_demo,
            }
            for s in profile.sources
        ],
        "is_demo": profile.is_demo,
    }
