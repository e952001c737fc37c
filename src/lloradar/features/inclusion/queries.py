"""The inclusion feature's SQL: a region's people at a distance from the labour market by one
dimension, by last occupation, and the provenance of those counts."""

from __future__ import annotations

from typing import Any

from lloradar.store import Store

DIMENSIONS = ("benefit_type", "age_band", "education_level", "work_limited")


def region(store: Store, code: str) -> dict[str, Any] | None:
    rows = store.query_dicts("SELECT code, name, level FROM region WHERE code = ?", [code])
    return rows[0] if rows else None


def counts_by(store: Store, region_code: str, dimension: str) -> dict[str, int]:
    if dimension not in DIMENSIONS:  # a column name: only the fixed ones
        raise ValueError(f"unknown dimension {dimension!r}")
    rows = store.query(
        f"SELECT CAST({dimension} AS VARCHAR), sum(persons) FROM inclusion_group "
        "WHERE region_code = ? GROUP BY 1",
        [region_code],
    )
    return {str(k).lower(): int(v) for k, v in rows}


def counts_by_last_occupation(store: Store, region_code: str) -> dict[str, int]:
    rows = store.query(
        "SELECT occupation_id, sum(persons) FROM inclusion_occupation WHERE region_code = ? "
        "GROUP BY 1",
        [region_code],
    )
    return {str(k): int(v) for k, v in rows}


def occupation_labels(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.query("SELECT id, COALESCE(label_nl, label_en), label_en FROM occupation")
    return {str(i): (str(nl), str(en)) for i, nl, en in rows}


def sources(store: Store) -> list[dict[str, Any]]:
    return store.query_dicts(
        'SELECT DISTINCT source, source_table AS "table", licence, retrieved_at, is_demo '
        "FROM provenance WHERE source_table = 'inclusion_group'"
    )
