"""Use-cases for the skill-level indicators: skill demand (from vacancy texts and from
occupations) vs supply per region, computed on an engine and stored per run, and the shortage
diagnosis per region x occupation (latest 12 months), computed in the store."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.compute as pc
from ibis.backends import BaseBackend

from lloradar.analytics.indicators.diagnosis import shortage_diagnosis
from lloradar.analytics.indicators.skills import (
    MIN_TEXT_SCORE,
    SKILL_COLUMNS,
    SKILL_FLAGS,
    skill_demand_supply,
)
from lloradar.domain import IngestError, RegionLevel
from lloradar.features.indicators.tension import resolve_occupation
from lloradar.services.engines import ENGINES, spark_backend, store_backend, to_arrow
from lloradar.services.regions import resolve_region
from lloradar.store import DuckDBStore, PostgresStore, Store, redacted

__all__ = [
    "MIN_TEXT_SCORE",
    "SKILL_FLAGS",
    "SkillRunReport",
    "compute_skill_indicators",
    "compute_skills_on",
    "diagnosis_table",
    "skill_table",
    "stored_skill_table",
]
# The columns each input table contributes (Spark gets only these, not the posting texts).
INPUT_COLUMNS = {
    "vacancy_stats": ["region_code", "occupation_id", "period", "open_vacancies", "source_id"],
    "labour_supply": [
        "region_code",
        "occupation_id",
        "period",
        "job_seekers_short",
        "experienced",
        "source_id",
    ],
    "occupation_skill": ["occupation_id", "skill_id", "relation"],
    "provenance": ["source_id", "is_demo"],
    "vacancy": ["vacancy_id", "region_code", "posted_on", "closed_on", "source_id"],
    "vacancy_skill": ["vacancy_id", "skill_id", "method", "score"],
}
VALUE_COLUMNS = ["run_id", *SKILL_COLUMNS]
RUN_COLUMNS = ["run_id", "engine", "started_at", "seconds", "row_count", "min_score"]
RUN_COLUMNS += ["methods", "source_ids", "is_demo"]
# Skill figures and the diagnosis are per arbeidsmarktregio.
REGION_LEVELS = (RegionLevel.ARBEIDSMARKTREGIO,)


@dataclass(frozen=True, slots=True)
class SkillRunReport:
    run_id: str
    engine: str
    rows: int
    real_shortages: int
    from_text: int
    seconds: float
    min_score: float
    is_demo: bool


def skill_expression(backend: BaseBackend, min_score: float = MIN_TEXT_SCORE) -> ir.Table:
    """The one skill expression, bound to the tables of `backend`."""
    t = {name: backend.table(name) for name in INPUT_COLUMNS}
    return skill_demand_supply(
        t["vacancy_stats"],
        t["labour_supply"],
        t["occupation_skill"],
        t["provenance"],
        t["vacancy"],
        t["vacancy_skill"],
        min_score=min_score,
    )


def compute_skills_on(store: Store, engine: str, min_score: float = MIN_TEXT_SCORE) -> pa.Table:
    """Every region x skill x month (SKILL_COLUMNS) computed on `engine`."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (expected one of {', '.join(ENGINES)})")
    if engine == "spark":
        backend = store_backend(store)
        tables = {n: backend.table(n).select(*c).to_pyarrow() for n, c in INPUT_COLUMNS.items()}
        with spark_backend(tables) as spark:
            return to_arrow(spark, skill_expression(spark, min_score))
    expected = DuckDBStore if engine == "duckdb" else PostgresStore
    if not isinstance(store, expected):
        raise IngestError(
            redacted(store.url),
            f"engine {engine!r} runs inside its own store; the configured store is "
            f"{store.dialect} (set LLORADAR_STORE, or use --engine {store.dialect} or spark)",
        )
    result: pa.Table = skill_expression(store_backend(store), min_score).to_pyarrow()
    return result


def _provenance(store: Store, min_score: float) -> tuple[str, str]:
    """(extraction methods, provenance ids) of the facts a run reads."""
    methods = store.query(
        "SELECT DISTINCT method FROM vacancy_skill WHERE score >= ? ORDER BY method", [min_score]
    )
    sources = store.query(
        "SELECT source_id FROM vacancy_stats UNION SELECT source_id FROM labour_supply "
        "UNION SELECT source_id FROM occupation_skill UNION SELECT source_id FROM vacancy "
        "UNION SELECT source_id FROM vacancy_skill WHERE score >= ? ORDER BY 1",
        [min_score],
    )
    return (
        " ".join(str(m[0]) for m in methods if m[0]),
        " ".join(str(s[0]) for s in sources),
    )


def _values(table: pa.Table, run_id: str) -> pa.Table:
    period = pc.cast(table.column("period"), pa.date32())
    columns = {name: table.column(name) for name in SKILL_COLUMNS}
    columns["period"] = period
    return pa.table({"run_id": pa.array([run_id] * table.num_rows, pa.string()), **columns})


def replace_skill_values(store: Store, values: pa.Table) -> None:
    """Replace every stored row of `skill_indicator_value` (inside the caller's transaction)."""
    store.execute("DELETE FROM skill_indicator_value")
    store.insert_arrow("skill_indicator_value", values.select(list(VALUE_COLUMNS)))


def compute_skill_indicators(
    store: Store,
    engine: str = "duckdb",
    min_score: float = MIN_TEXT_SCORE,
    *,
    run_id: str | None = None,
) -> SkillRunReport:
    """Compute every region x skill x month on `engine` and store it with its run (engine,
    threshold, methods, provenance ids) in one transaction; the run replaces the stored values.
    Storing again under the same `run_id` gives the same rows."""
    if not 0.0 <= min_score <= 2.0:
        raise ValueError(f"min_score {min_score} is outside 0..2 (skills-engine scores)")
    started = datetime.now(UTC).replace(tzinfo=None)
    clock = time.perf_counter()
    table = compute_skills_on(store, engine, min_score)
    seconds = time.perf_counter() - clock
    run_id = run_id or f"{started:%Y%m%dT%H%M%S}-skills-{engine}-{uuid.uuid4().hex[:6]}"
    values = _values(table, run_id)
    n = table.num_rows
    is_demo = bool(pc.any(table.column("is_demo")).as_py()) if n else False
    shortages = int(pc.sum(pc.cast(table.column("real_shortage"), pa.int64())).as_py() or 0)
    from_text = int(pc.count(table.column("demand_text")).as_py())
    methods, sources = _provenance(store, min_score)
    with store.transaction():
        store.lock("skill_indicator_value")
        replace_skill_values(store, values)
        store.upsert(
            "skill_indicator_run",
            RUN_COLUMNS,
            [(run_id, engine, started, seconds, n, min_score, methods, sources, is_demo)],
            ["run_id"],
        )
    return SkillRunReport(run_id, engine, n, shortages, from_text, seconds, min_score, is_demo)


def _ordered(expr: ir.Table, backend: BaseBackend, top: int | None) -> list[dict[str, Any]]:
    skills = backend.table("skill").select("id", "label_en")
    joined = expr.left_join(skills, expr.skill_id == skills.id).drop("id")
    ordered = joined.order_by(
        [ibis.desc("real_shortage"), ibis.desc("demand"), ibis.asc("skill_id")]
    )
    if top:
        ordered = ordered.limit(top)
    rows: list[dict[str, Any]] = ordered.to_pyarrow().to_pylist()
    for row in rows:
        period = row["period"]
        row["period"] = (period.date() if isinstance(period, datetime) else period).isoformat()
    return rows


def skill_table(
    store: Store, region: str, *, top: int | None = None, min_score: float = MIN_TEXT_SCORE
) -> list[dict[str, Any]]:
    """Skills in `region` (an arbeidsmarktregio's code or name) for its latest month, computed
    now in the store: real shortages first, then by demand."""
    region = resolve_region(store, region, REGION_LEVELS)
    backend = store_backend(store)
    expr = skill_expression(backend, min_score)
    expr = expr.filter(expr.region_code == region)
    expr = expr.filter(expr.period == expr.period.max().as_scalar())
    return _ordered(expr, backend, top)


def stored_skill_table(
    store: Store, region: str, *, top: int | None = None
) -> list[dict[str, Any]]:
    """The same rows from the stored run (with its `run_id`), for the region's latest month."""
    region = resolve_region(store, region, REGION_LEVELS)
    backend = store_backend(store)
    stored = backend.table("skill_indicator_value")
    expr = stored.filter(stored.region_code == region)
    expr = expr.filter(expr.period == expr.period.max().as_scalar())
    return _ordered(expr.select("run_id", *SKILL_COLUMNS), backend, top)


def latest_skill_run(store: Store) -> dict[str, Any] | None:
    """The stored run: engine, threshold, methods, provenance ids."""
    rows = store.query(
        "SELECT r.run_id, r.engine, r.started_at, r.row_count, r.min_score, r.methods, "
        "r.source_ids, r.is_demo FROM skill_indicator_run r "
        "WHERE r.run_id IN (SELECT DISTINCT run_id FROM skill_indicator_value)"
    )
    if not rows:
        return None
    names = ["run_id", "engine", "started_at", "rows", "min_score", "methods", "source_ids"]
    return dict(zip([*names, "is_demo"], rows[0], strict=True))


def diagnosis_table(
    store: Store, region: str, occupation: str | None = None
) -> list[dict[str, Any]]:
    """The shortage diagnosis per occupation in `region` (or one occupation), highest score
    first. No education signal is linked to occupations yet: `education_signal` says so."""
    region = resolve_region(store, region, REGION_LEVELS)
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
