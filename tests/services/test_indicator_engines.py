"""Engine contract: the same indicators, row for row, on DuckDB, PostgreSQL and Spark local[2]."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest

from lloradar.analytics.indicators.diagnosis import shortage_diagnosis
from lloradar.analytics.indicators.skills import skill_demand_supply
from lloradar.domain import Provenance
from lloradar.pipeline.save import TableRows, save_load
from lloradar.services.engines import store_backend
from lloradar.services.indicators import compute_indicators, compute_on, indicator_table
from lloradar.store import Store, open_store

REGIONS = [
    ("NL01", "Nederland", "land", None, None),
    ("PV20", "Groningen", "provincie", "NL01", "PV20"),
    ("PV21", "Fryslân", "provincie", "NL01", "PV21"),
    ("AM01", "Groningen", "arbeidsmarktregio", "PV20", "PV20"),
    ("AM02", "Friesland", "arbeidsmarktregio", "PV21", "PV21"),
    ("AM03", "Noord-Holland Noord", "arbeidsmarktregio", "PV21", "PV21"),
]
KEY = ["region_code", "occupation_id", "period"]


def facts() -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """3 regions x 2 occupations x 26 months with zeros, small counts and a gap."""
    vacancies, supply = [], []
    for r, region in enumerate(["AM01", "AM02", "AM03"]):
        for o, occupation in enumerate(["occ-a", "occ-b"]):
            for i in range(26):
                if region == "AM03" and occupation == "occ-b" and i in (5, 6):
                    continue
                period = date(2023 + i // 12, i % 12 + 1, 1)
                open_ = (7 * i + 13 * r + 5 * o) % 60
                short = 0 if (i + r) % 11 == 0 else (3 * i + 11 * r + o) % 45
                vacancies.append(
                    (region, occupation, period, open_, open_ // 2, open_ // 3, 20.0 + i % 7)
                )
                supply.append((region, occupation, period, short, 2 * short, 3 * short, short))
    return vacancies, supply


def fill(store: Store) -> None:
    provenance = Provenance("test", "contract", "t", datetime(2026, 1, 1), "CC0", "sha256:c")
    vacancies, supply = facts()
    save_load(
        store,
        provenance,
        [
            TableRows(
                "region",
                ["code", "name", "level", "parent_code", "province_code"],
                ["code"],
                REGIONS,
            ),
            TableRows(
                "vacancy_stats",
                [*KEY, "open_vacancies", "new_vacancies", "filled_vacancies", "days_open_filled"],
                KEY,
                vacancies,
            ),
            TableRows(
                "labour_supply",
                [*KEY, "job_seekers_short", "job_seekers_long", "interested", "experienced"],
                KEY,
                supply,
            ),
            TableRows(
                "occupation_skill",
                ["occupation_id", "skill_id", "relation"],
                ["occupation_id", "skill_id"],
                SKILL_LINKS,
            ),
        ],
    )


SKILL_LINKS = [
    ("occ-a", "s1", "essential"),
    ("occ-a", "s2", "optional"),
    ("occ-b", "s2", "essential"),
    ("occ-b", "s3", "optional"),
]


def skill_results(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Skill demand vs supply and the shortage diagnosis, computed inside `store`."""
    backend = store_backend(store)
    vacancies, supply = backend.table("vacancy_stats"), backend.table("labour_supply")
    provenance = backend.table("provenance")
    skills = skill_demand_supply(vacancies, supply, backend.table("occupation_skill"), provenance)
    diagnosis = shortage_diagnosis(vacancies, supply, provenance=provenance)
    return (
        sorted(normalised(skills.to_pyarrow().to_pylist())),
        sorted(normalised(diagnosis.to_pyarrow().to_pylist())),
    )


def normalised(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    def value(v: Any) -> Any:
        if isinstance(v, datetime):
            return v.date()
        if isinstance(v, float):
            assert not math.isinf(v)
            return round(v, 9)
        return v

    result = [tuple(value(v) for v in row.values()) for row in rows]
    return sorted(result, key=lambda t: (t[0], t[2], t[3]))


@pytest.fixture(scope="module")
def duckdb_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(str(tmp_path_factory.mktemp("engines") / "contract.duckdb"))
    fill(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def expected(duckdb_store: Store) -> list[tuple[Any, ...]]:
    return normalised(compute_on(duckdb_store, "duckdb").to_pylist())


def test_duckdb_result_has_every_level_and_no_infinity(expected: list[tuple[Any, ...]]) -> None:
    levels = {row[1] for row in expected}
    assert levels == {"arbeidsmarktregio", "provincie", "land"}
    assert len([r for r in expected if r[1] == "arbeidsmarktregio"]) == 3 * 2 * 26 - 2


@pytest.mark.postgres
def test_postgres_gives_the_same_indicators(
    fresh_postgres_url: str, expected: list[tuple[Any, ...]]
) -> None:
    store = open_store(fresh_postgres_url)
    try:
        fill(store)
        assert normalised(compute_on(store, "postgres").to_pylist()) == expected
        report = compute_indicators(store, "postgres")
        compute_indicators(store, "postgres")
        count = store.query("SELECT count(*) FROM indicator_value")[0][0]
        assert count == report.values == len(expected) * 13
        assert len(indicator_table(store, "AM02", "occ-b")) == 26
    finally:
        store.close()


def test_duckdb_skill_indicators_cover_every_cell(duckdb_store: Store) -> None:
    skills, diagnosis = skill_results(duckdb_store)
    assert len(skills) == 3 * 3 * 26 - 2  # regions x skills x months; s3 misses the gap
    assert len(diagnosis) == 3 * 2
    assert {row[-3] for row in diagnosis} == {"unavailable"}


@pytest.mark.postgres
def test_postgres_gives_the_same_skill_indicators(
    fresh_postgres_url: str, duckdb_store: Store
) -> None:
    store = open_store(fresh_postgres_url)
    try:
        fill(store)
        assert skill_results(store) == skill_results(duckdb_store)
    finally:
        store.close()


def test_spark_gives_the_same_indicators(
    duckdb_store: Store, expected: list[tuple[Any, ...]]
) -> None:
    pytest.importorskip("pyspark")
    assert normalised(compute_on(duckdb_store, "spark").to_pylist()) == expected


def test_compute_stores_values_that_show_reads_back(duckdb_store: Store) -> None:
    report = compute_indicators(duckdb_store, "duckdb")
    assert report.cells == len(normalised(compute_on(duckdb_store, "duckdb").to_pylist()))
    rows = indicator_table(duckdb_store, "AM01", "occ-a")
    assert len(rows) == 26
    assert rows[-1]["period"] == "2025-02-01"
    assert {"tension_ratio", "tension_class", "flags", "tension_ratio_ma12"} <= set(rows[-1])
    again = compute_indicators(duckdb_store, "duckdb")
    assert again.values == report.values
    count = duckdb_store.query("SELECT count(*) FROM indicator_value")[0][0]
    assert count == report.values
