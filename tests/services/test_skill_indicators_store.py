"""Skill demand vs supply stored per run, on DuckDB and PostgreSQL: golden rows from a
handmade store (statistics, job seekers, two vacancy texts with their extracted skills)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from lloradar.domain import IngestError, Provenance
from lloradar.features.indicators.skills import (
    compute_skill_indicators,
    latest_skill_run,
    stored_skill_table,
)
from lloradar.pipeline.save import TableRows, save_load
from lloradar.store import Store

JAN = date(2024, 1, 1)
KEY = ["region_code", "occupation_id", "period"]


def fill(store: Store) -> tuple[str, str]:
    stats = Provenance("UWV open data", "t", "uwv.csv", datetime(2026, 1, 1), "CC0", "sha256:u")
    texts = Provenance("vacancy texts", "t", "v.jsonl", datetime(2026, 1, 1), "-", "sha256:v")
    first = save_load(
        store,
        stats,
        [
            TableRows(
                "occupation_skill",
                ["occupation_id", "skill_id", "relation"],
                ["occupation_id", "skill_id"],
                [("o1", "s1", "essential"), ("o1", "s2", "optional")],
            ),
            TableRows(
                "vacancy_stats",
                [*KEY, "open_vacancies", "new_vacancies", "filled_vacancies"],
                KEY,
                [("AM01", "o1", JAN, 30, 5, 5)],
            ),
            TableRows(
                "labour_supply",
                [*KEY, "job_seekers_short", "job_seekers_long", "interested", "experienced"],
                KEY,
                [("AM01", "o1", JAN, 12, 3, 50, 40)],
            ),
        ],
    )
    columns = ["vacancy_id", "title", "description", "region_code", "posted_on", "closed_on"]
    second = save_load(
        store,
        texts,
        [
            TableRows(
                "vacancy",
                [*columns, "text_hash"],
                ["vacancy_id"],
                [
                    ("p1", "Nurse", "...", "AM01", date(2024, 1, 5), None, "h1"),
                    ("p2", "Carer", "...", "AM01", date(2024, 1, 10), date(2024, 1, 20), "h2"),
                ],
            ),
            TableRows(
                "vacancy_skill",
                ["vacancy_id", "skill_id", "method", "score"],
                ["vacancy_id", "skill_id"],
                [
                    ("p1", "s1", "skills engine", 0.9),
                    ("p1", "s2", "skills engine", 0.5),  # below the threshold
                    ("p1", "s3", "skills engine", 0.7),
                    ("p2", "s3", "skills engine", 0.8),
                ],
            ),
        ],
    )
    return first.source_id, second.source_id


def golden(run_id: str) -> list[dict[str, Any]]:
    # s1: text 1 (p1), estimate 30 -> 30 from both; 12 seekers: ratio 2.5, no shortage
    # s2: text 0 (p1's s2 is below 0.65), estimate 0.5 x 30; stock 0.5 x 12 = 6 from 12 people:
    #     shown, and under 10: a real shortage
    # s3: only texts ask for it (p1, p2): no stock, no ratio, flag no_stock, real shortage
    # Order: real shortages first, then by demand.
    common = {"run_id": run_id, "region_code": "AM01", "period": "2024-01-01", "is_demo": False}
    return [
        common | {"skill_id": "s2", "demand": 15.0, "demand_source": "both", "demand_text": 0,
                  "demand_occupation": 15.0, "open_postings": 2, "supply_short": 6.0,
                  "supply_experienced": 20.0, "demand_supply_ratio": 2.5,
                  "real_shortage": True, "flags": "", "label_en": None},
        common | {"skill_id": "s3", "demand": 2.0, "demand_source": "text", "demand_text": 2,
                  "demand_occupation": None, "open_postings": 2, "supply_short": 0.0,
                  "supply_experienced": 0.0, "demand_supply_ratio": None,
                  "real_shortage": True, "flags": "no_stock", "label_en": None},
        common | {"skill_id": "s1", "demand": 30.0, "demand_source": "both", "demand_text": 1,
                  "demand_occupation": 30.0, "open_postings": 2, "supply_short": 12.0,
                  "supply_experienced": 40.0, "demand_supply_ratio": 2.5,
                  "real_shortage": False, "flags": "", "label_en": None},
    ]  # fmt: skip


def test_stored_run_has_the_golden_rows_and_its_provenance(any_store: Store) -> None:
    stats_id, texts_id = fill(any_store)
    report = compute_skill_indicators(any_store, any_store.dialect, run_id="run-1")
    assert (report.rows, report.real_shortages, report.from_text) == (3, 2, 3)
    rows = stored_skill_table(any_store, "AM01")
    assert [{k: r[k] for k in golden("run-1")[0]} for r in rows] == golden("run-1")
    run = latest_skill_run(any_store)
    assert run is not None
    assert (run["run_id"], run["engine"], run["rows"]) == ("run-1", any_store.dialect, 3)
    assert (run["min_score"], run["methods"], run["is_demo"]) == (0.65, "skills engine", False)
    assert run["source_ids"] == " ".join(sorted([stats_id, texts_id]))


def test_storing_a_run_again_or_a_new_run_replaces_never_adds(any_store: Store) -> None:
    fill(any_store)
    compute_skill_indicators(any_store, any_store.dialect, run_id="run-1")
    compute_skill_indicators(any_store, any_store.dialect, run_id="run-1")
    assert any_store.query("SELECT count(*) FROM skill_indicator_value")[0][0] == 3
    later = compute_skill_indicators(any_store, any_store.dialect, min_score=0.85)
    stored = any_store.query(
        "SELECT run_id, skill_id, demand_text FROM skill_indicator_value ORDER BY skill_id"
    )
    # at 0.85 no text asks for s3 (0.7, 0.8) and no occupation carries it: no row
    assert stored == [(later.run_id, "s1", 1), (later.run_id, "s2", 0)]
    runs = any_store.query("SELECT run_id, min_score FROM skill_indicator_run ORDER BY min_score")
    assert runs == [("run-1", 0.65), (later.run_id, 0.85)]


def test_bad_threshold_or_engine_leaves_the_stored_run_intact(any_store: Store) -> None:
    fill(any_store)
    compute_skill_indicators(any_store, any_store.dialect, run_id="run-1")
    with pytest.raises(ValueError, match="min_score 3.0 is outside 0..2"):
        compute_skill_indicators(any_store, any_store.dialect, min_score=3.0)
    other = "postgres" if any_store.dialect == "duckdb" else "duckdb"
    with pytest.raises(IngestError, match=f"engine '{other}' runs inside its own store"):
        compute_skill_indicators(any_store, other)
    assert any_store.query("SELECT DISTINCT run_id FROM skill_indicator_value") == [("run-1",)]
    assert len(stored_skill_table(any_store, "AM01")) == 3
