"""Golden tests: the shortage diagnosis per region x occupation over the latest 12 months."""

from __future__ import annotations

from typing import Any

import ibis
import pyarrow as pa
import pytest
from indicator_cases import frames, supply, vacancy

from lloradar.analytics.indicators.diagnosis import shortage_diagnosis

MONTHS = range(1, 13)  # months 1..12 are the latest 12; month 0 falls outside the window


def cell(
    occupation: str, open_: int, short: int, **kw: Any
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    v = [
        vacancy("AM01", occupation, i, open_, new=10, filled=kw["filled"], days=kw["days"])
        for i in MONTHS
    ]
    s = [
        supply(
            "AM01",
            occupation,
            i,
            short,
            long=kw["long"],
            interested=kw["interested"],
            experienced=kw["experienced"],
        )
        for i in MONTHS
    ]
    return v, s


CELLS = {
    # tension 5 (2), 90 days (2), fill 0.2 (2), 0.5 interested (2) and experienced (2) per
    # vacancy, long-term share 24/264 = 0.09 (2): mean 2.0
    "few": cell("few", 100, 20, filled=2, days=90.0, long=2, interested=50, experienced=50),
    # tension 1.0 (1), 90 days (2), fill 0.2 (2), 10 interested and experienced (0, 0),
    # long-term share 24/144 = 0.17 (2): mean 7/6
    "poor": cell("poor", 10, 10, filled=2, days=90.0, long=2, interested=100, experienced=100),
    # tension 2 (2), 30 days (1), fill 0.5 (1), 5 interested (0), 0.5 experienced (2),
    # long-term share 0.5 (0): mean 1.0
    "skills": cell("skills", 100, 50, filled=5, days=30.0, long=50, interested=500, experienced=50),
    # tension 0.1, 10 days, fill 0.9, 20 interested, 10 experienced (all 0), share 1/3 (1)
    "fine": cell("fine", 10, 100, filled=9, days=10.0, long=50, interested=200, experienced=100),
    # tension 2 (2), 30 days (1), fill 0.5 (1), 2 interested (1) and experienced (1), share 0.5
    # (0): mean 1.0, no people-based driver
    "train": cell("train", 100, 50, filled=5, days=30.0, long=50, interested=200, experienced=200),
}


def compute(education: pa.Table | None = None, demo: bool = False) -> dict[str, dict[str, Any]]:
    vacancies = [row for v, _ in CELLS.values() for row in v]
    supplies = [row for _, s in CELLS.values() for row in s]
    # an old month with opposite figures: outside the window, must not count
    vacancies.append(vacancy("AM01", "few", 0, 1, new=10, filled=10, days=1.0))
    supplies.append(supply("AM01", "few", 0, 5000, interested=9000, experienced=9000))
    if demo:  # one demo cell, with a small count
        vacancies.append(vacancy("AM01", "dem", 12, 50, source="demo"))
        supplies.append(supply("AM01", "dem", 12, 5, source="demo"))
    backend = ibis.duckdb.connect()
    for name, frame in frames(vacancies, supplies).items():
        backend.create_table(name, frame)
    edu = backend.create_table("education", education) if education is not None else None
    expr = shortage_diagnosis(
        backend.table("vacancy_stats"),
        backend.table("labour_supply"),
        edu,
        backend.table("provenance"),
    )
    return {r["occupation_id"]: r for r in expr.to_pyarrow().to_pylist()}


def test_too_few_people() -> None:
    row = compute()["few"]
    assert row["months"] == 12
    assert row["tension_ratio"] == pytest.approx(5.0)
    assert row["fill_rate"] == pytest.approx(0.2)
    assert row["long_term_share"] == pytest.approx(24 / 264)
    assert [row[f"{n}_score"] for n in ["tension_ratio", "days_open", "fill_rate"]] == [2, 2, 2]
    assert row["score"] == pytest.approx(2.0)
    assert (row["diagnosis"], row["driver"]) == ("shortage", "too few people")


@pytest.mark.parametrize(
    ("occupation", "score", "diagnosis", "driver"),
    [
        ("poor", 7 / 6, "signs of shortage", "poor conditions / retention"),
        ("skills", 1.0, "signs of shortage", "wrong skills"),
        ("fine", 1 / 6, "no shortage", "none"),
        ("train", 1.0, "signs of shortage", "unclear"),
    ],
)
def test_drivers(occupation: str, score: float, diagnosis: str, driver: str) -> None:
    row = compute()[occupation]
    assert row["score"] == pytest.approx(score)
    assert (row["diagnosis"], row["driver"]) == (diagnosis, driver)
    assert row["education_signal"] == "unavailable"
    assert row["flags"] == ""


def test_no_one_trained_only_with_an_education_signal() -> None:
    education = pa.table(
        {"region_code": ["AM01"], "occupation_id": ["train"], "graduates_per_vacancy": [0.2]}
    )
    rows = compute(education)
    assert (rows["train"]["driver"], rows["train"]["education_signal"]) == (
        "no one trained",
        "available",
    )
    assert rows["skills"]["education_signal"] == "unavailable"


def test_demo_and_suppressed_cells_are_flagged() -> None:
    rows = compute(demo=True)
    assert (rows["dem"]["is_demo"], rows["dem"]["flags"]) == (True, "demo suppressed")
    assert rows["dem"]["tension_ratio"] is None and rows["dem"]["tension_ratio_score"] is None
    assert rows["few"]["is_demo"] is False
