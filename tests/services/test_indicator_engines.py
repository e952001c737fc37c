"""Engine contract: the same indicators, row for row, on DuckDB, PostgreSQL and Spark local[2]."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest

from lloradar.analytics.indicators.diagnosis import shortage_diagnosis
from lloradar.domain import Provenance
from lloradar.features.indicators.skills import compute_skill_indicators, compute_skills_on
from lloradar.features.indicators.tension import compute_indicators, compute_on, indicator_table
from lloradar.pipeline.save import TableRows, save_load
from lloradar.services import engines
from lloradar.services.engines import store_backend
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
            TableRows(
                "vacancy",
                POSTING_COLUMNS,
                ["vacancy_id"],
                [(*p, f"hash-{p[0]}") for p in postings()],
            ),
            TableRows(
                "vacancy_skill",
                ["vacancy_id", "skill_id", "method", "score"],
                ["vacancy_id", "skill_id"],
                posting_skills(),
            ),
        ],
    )


POSTING_COLUMNS = ["vacancy_id", "title", "description", "region_code", "posted_on"]
POSTING_COLUMNS += ["closed_on", "text_hash"]


def postings() -> list[tuple[Any, ...]]:
    """40 postings in AM01, AM02 (some without a region), some still open, some closed
    in a later month, some from before the statistics start (months of their own)."""
    rows = []
    for n in range(40):
        region = [None, "AM01", "AM02", "AM01"][n % 4] if n % 13 else None  # AM03: none
        posted = date(2022, 11, 1) if n % 9 == 0 else date(2023 + n % 2, n % 12 + 1, 1 + n % 27)
        closed = None if n % 3 == 0 else date(posted.year + 1, (n * 5) % 12 + 1, 15)
        rows.append((f"v{n}", f"title {n}", f"text {n}", region, posted, closed))
    return rows


def posting_skills() -> list[tuple[Any, ...]]:
    """Skills asked per posting, some below the score threshold, one not in any occupation."""
    skills = ["s1", "s2", "s3", "s4"]
    return [
        (f"v{n}", skill, "skills engine", 0.5 + ((n + k) % 5) * 0.1)
        for n in range(40)
        for k, skill in enumerate(skills)
        if (n + k) % 3
    ]


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
    skills = compute_skills_on(store, store.dialect)
    diagnosis = shortage_diagnosis(vacancies, supply, provenance=provenance)
    return (
        sorted(normalised(skills.to_pylist())),
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


def published_rows(store: Store) -> list[tuple[Any, ...]]:
    """The published table without its run id (each run has its own)."""
    rows = store.query_dicts("SELECT * FROM published_indicator")
    return normalised([{k: v for k, v in r.items() if k != "run_id"} for r in rows])


@pytest.fixture(scope="module")
def expected_published(duckdb_store: Store) -> list[tuple[Any, ...]]:
    compute_indicators(duckdb_store, "duckdb")
    return published_rows(duckdb_store)


def test_duckdb_publication_hides_small_counts_and_adds_the_totals(
    expected_published: list[tuple[Any, ...]],
) -> None:
    hidden = [r for r in expected_published if r[-3]]  # hidden
    # columns: region, level, occupation, period, open vacancies, job seekers, ...
    assert hidden and all(r[5] is None for r in hidden if "job_seekers_short" in r[-3])
    assert {r[2] for r in expected_published} == {"occ-a", "occ-b", "all"}
    shown = [r[5] for r in expected_published if r[5] is not None]
    assert min(shown) >= 10


def test_duckdb_result_has_every_level_and_no_infinity(expected: list[tuple[Any, ...]]) -> None:
    levels = {row[1] for row in expected}
    assert levels == {"arbeidsmarktregio", "provincie", "land"}
    regional = [r for r in expected if r[1] == "arbeidsmarktregio"]
    assert len([r for r in regional if r[2] != "all"]) == 3 * 2 * 26 - 2
    assert len([r for r in regional if r[2] == "all"]) == 3 * 26  # each region's total


@pytest.mark.postgres
def test_postgres_gives_the_same_indicators(
    fresh_postgres_url: str,
    expected: list[tuple[Any, ...]],
    expected_published: list[tuple[Any, ...]],
) -> None:
    store = open_store(fresh_postgres_url)
    try:
        fill(store)
        assert normalised(compute_on(store, "postgres").to_pylist()) == expected
        report = compute_indicators(store, "postgres")
        assert published_rows(store) == expected_published
        compute_indicators(store, "postgres")
        count = store.query("SELECT count(*) FROM indicator_value")[0][0]
        assert count == report.values == len(expected) * 13
        assert len(indicator_table(store, "AM02", "occ-b")) == 26
    finally:
        store.close()


def test_duckdb_skill_indicators_cover_every_cell(duckdb_store: Store) -> None:
    skills, diagnosis = skill_results(duckdb_store)
    from_stats = [r for r in skills if r[6] is not None]  # demand_occupation
    assert len(from_stats) == 3 * 3 * 26 - 2  # regions x skills x months; s3 misses the gap
    sources = {row[4] for row in skills}
    assert sources == {"both", "text", "occupation"}
    assert any(r[1] == "s4" and r[5] for r in skills)  # a skill only texts ask for
    assert any(r[11] for r in skills) and any("no_stock" in r[13] for r in skills)
    assert len(diagnosis) == 3 * 2
    assert {row[-3] for row in diagnosis} == {"unavailable"}


@pytest.fixture(scope="module")
def one_jvm_for_spark() -> Iterator[None]:
    """Each Spark test starts and stops its own `local[2]` session, as the product does; they
    share one JVM (starting one takes about 10 s), shut down after the module as after a run."""
    pytest.importorskip("pyspark")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engines, "_shut_down_gateway", lambda: None)
        yield
    engines._shut_down_gateway()


def test_spark_gives_the_same_skill_indicators(
    duckdb_store: Store, one_jvm_for_spark: None
) -> None:
    pytest.importorskip("pyspark")
    spark = sorted(normalised(compute_skills_on(duckdb_store, "spark").to_pylist()))
    assert spark == skill_results(duckdb_store)[0]


@pytest.mark.postgres
def test_postgres_gives_the_same_skill_indicators(
    fresh_postgres_url: str, duckdb_store: Store
) -> None:
    store = open_store(fresh_postgres_url)
    try:
        fill(store)
        assert skill_results(store) == skill_results(duckdb_store)
        report = compute_skill_indicators(store, "postgres", run_id="contract")
        compute_skill_indicators(store, "postgres", run_id="contract")
        stored = store.query("SELECT count(*), count(DISTINCT run_id) FROM skill_indicator_value")
        assert stored[0] == (report.rows, 1)
    finally:
        store.close()


def test_spark_gives_the_same_indicators(
    duckdb_store: Store, expected: list[tuple[Any, ...]], one_jvm_for_spark: None
) -> None:
    pytest.importorskip("pyspark")
    assert normalised(compute_on(duckdb_store, "spark").to_pylist()) == expected


def test_spark_publishes_the_same_table(
    duckdb_store: Store, expected_published: list[tuple[Any, ...]], one_jvm_for_spark: None
) -> None:
    pytest.importorskip("pyspark")
    compute_indicators(duckdb_store, "spark")
    assert published_rows(duckdb_store) == expected_published


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
