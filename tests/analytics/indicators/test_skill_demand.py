"""Golden tests: skill demand vs supply per region x skill x month, hand-computed."""

from __future__ import annotations

from typing import Any

import ibis
import pyarrow as pa
import pytest
from indicator_cases import frames, month, supply, vacancy

from lloradar.analytics.indicators.skills import skill_demand_supply

LINKS = [
    ("o1", "s1", "essential"),
    ("o1", "s2", "optional"),
    ("o2", "s2", "essential"),
    ("o2", "s3", "essential"),
]


def compute(
    vacancies: list[dict[str, Any]], supplies: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    backend = ibis.duckdb.connect()
    tables = frames(vacancies, supplies)
    tables["occupation_skill"] = pa.table(
        {
            "occupation_id": [x[0] for x in LINKS],
            "skill_id": [x[1] for x in LINKS],
            "relation": [x[2] for x in LINKS],
        }
    )
    for name, frame in tables.items():
        backend.create_table(name, frame)
    expr = skill_demand_supply(
        backend.table("vacancy_stats"),
        backend.table("labour_supply"),
        backend.table("occupation_skill"),
        backend.table("provenance"),
    )
    rows: list[dict[str, Any]] = expr.to_pyarrow().to_pylist()
    return sorted(rows, key=lambda r: (r["region_code"], r["skill_id"], r["period"]))


def test_weighted_demand_and_supply_per_skill() -> None:
    rows = compute(
        [vacancy("AM01", "o1", 0, 40), vacancy("AM01", "o2", 0, 10)],
        [supply("AM01", "o1", 0, 20, experienced=30), supply("AM01", "o2", 0, 0, experienced=0)],
    )
    # s1: o1 essential -> demand 40, supply 20, experienced 30
    # s2: o1 optional 0.5*40 + o2 essential 10 = 30; supply 0.5*20 + 0 = 10; experienced 15
    # s3: o2 essential -> demand 10, supply 0: real shortage, no ratio
    assert rows == [
        {"region_code": "AM01", "skill_id": "s1", "period": month(0), "demand": 40.0,
         "supply_short": 20.0, "supply_experienced": 30.0, "demand_supply_ratio": 2.0,
         "real_shortage": False, "is_demo": False, "flags": ""},
        {"region_code": "AM01", "skill_id": "s2", "period": month(0), "demand": 30.0,
         "supply_short": 10.0, "supply_experienced": 15.0, "demand_supply_ratio": 3.0,
         "real_shortage": False, "is_demo": False, "flags": ""},
        {"region_code": "AM01", "skill_id": "s3", "period": month(0), "demand": 10.0,
         "supply_short": 0.0, "supply_experienced": 0.0, "demand_supply_ratio": None,
         "real_shortage": True, "is_demo": False, "flags": ""},
    ]  # fmt: skip


def test_supply_under_ten_people_is_suppressed_but_shortage_still_shows() -> None:
    rows = compute([vacancy("AM01", "o1", 0, 40)], [supply("AM01", "o1", 0, 6, experienced=100)])
    s1 = next(r for r in rows if r["skill_id"] == "s1")
    assert s1["supply_short"] is None and s1["demand_supply_ratio"] is None
    assert s1["flags"] == "suppressed"
    assert s1["real_shortage"] is True
    assert s1["supply_experienced"] == pytest.approx(100.0)


def test_stock_without_demand_is_no_shortage() -> None:
    rows = compute([], [supply("AM02", "o1", 0, 50)])
    s1 = next(r for r in rows if r["skill_id"] == "s1")
    assert s1["demand"] == 0.0 and s1["real_shortage"] is False
    assert s1["demand_supply_ratio"] == 0.0


def test_demo_facts_are_flagged() -> None:
    rows = compute([vacancy("AM01", "o1", 0, 40, source="demo")], [supply("AM01", "o1", 0, 6)])
    s1 = next(r for r in rows if r["skill_id"] == "s1")
    assert s1["is_demo"] is True
    assert s1["flags"] == "demo suppressed"
