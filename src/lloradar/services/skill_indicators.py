"""Use-cases for the skill-level indicators: skill demand vs supply per region (latest month)
and the shortage diagnosis per region x occupation (latest 12 months), computed in the store."""

from __future__ import annotations

from typing import Any

import ibis

from lloradar.analytics.indicators.diagnosis import shortage_diagnosis
from lloradar.analytics.indicators.skills import skill_demand_supply
from lloradar.services.engines import store_backend
from lloradar.services.indicators import resolve_occupation
from lloradar.store import Store

__all__ = ["diagnosis_table", "skill_table"]


def skill_table(store: Store, region: str, *, top: int | None = None) -> list[dict[str, Any]]:
    """Skills in `region` for its latest month: real shortages first, then by demand."""
    backend = store_backend(store)
    expr = skill_demand_supply(
        backend.table("vacancy_stats"),
        backend.table("labour_supply"),
        backend.table("occupation_skill"),
        backend.table("provenance"),
    )
    expr = expr.filter(expr.region_code == region)
    expr = expr.filter(expr.period == expr.period.max().as_scalar())
    skills = backend.table("skill").select("id", "label_en")
    joined = expr.left_join(skills, expr.skill_id == skills.id).drop("id")
    ordered = joined.order_by(
        [ibis.desc("real_shortage"), ibis.desc("demand"), ibis.asc("skill_id")]
    )
    if top:
        ordered = ordered.limit(top)
    rows: list[dict[str, Any]] = ordered.to_pyarrow().to_pylist()
    for row in rows:
        row["period"] = row["period"].isoformat()
    return rows


def diagnosis_table(
    store: Store, region: str, occupation: str | None = None
) -> list[dict[str, Any]]:
    """The shortage diagnosis per occupation in `region` (or one occupation), highest score
    first. No education signal is linked to occupations yet: `education_signal` says so."""
    backend = store_backend(store)
    expr = shortage_diagnosis(
        backend.table("vacancy_stats"),
        backend.table("labour_supply"),
        provenance=backend.table("provenance"),
    )
    expr = expr.filter(expr.region_code == region)
    if occupation is not None:
        expr = expr.filter(expr.occupation_id == resolve_occupation(store, occupation))
    ordered = expr.order_by([ibis.desc("score"), ibis.asc("occupation_id")])
    rows: list[dict[str, Any]] = ordered.to_pyarrow().to_pylist()
    return rows
