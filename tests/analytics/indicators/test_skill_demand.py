"""Golden tests: skill demand (texts and occupations) vs supply per region x skill x month,
hand-computed."""

from __future__ import annotations

from datetime import date
from typing import Any

import ibis
import pyarrow as pa
import pytest
from indicator_cases import frames, month, supply, vacancy

from lloradar.analytics.indicators.skills import (
    MIN_TEXT_SCORE,
    SKILL_COLUMNS,
    skill_demand_supply,
)

LINKS = [
    ("o1", "s1", "essential"),
    ("o1", "s2", "optional"),
    ("o2", "s2", "essential"),
    ("o2", "s3", "essential"),
]
POSTING_SCHEMA = pa.schema(
    [
        ("vacancy_id", pa.string()),
        ("region_code", pa.string()),
        ("posted_on", pa.date32()),
        ("closed_on", pa.date32()),
        ("source_id", pa.string()),
    ]
)
ASKED_SCHEMA = pa.schema(
    [
        ("vacancy_id", pa.string()),
        ("skill_id", pa.string()),
        ("method", pa.string()),
        ("score", pa.float64()),
    ]
)


def posting(
    vid: str, region: str | None, posted: date, closed: date | None = None, source: str = "real"
) -> dict[str, Any]:
    return {
        "vacancy_id": vid,
        "region_code": region,
        "posted_on": posted,
        "closed_on": closed,
        "source_id": source,
    }


def asked(vid: str, skill: str, score: float = 0.8) -> dict[str, Any]:
    return {"vacancy_id": vid, "skill_id": skill, "method": "skills engine", "score": score}


def compute(
    vacancies: list[dict[str, Any]],
    supplies: list[dict[str, Any]],
    postings: list[dict[str, Any]] | None = None,
    skills: list[dict[str, Any]] | None = None,
    **kw: Any,
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
    tables["vacancy"] = pa.Table.from_pylist(postings or [], schema=POSTING_SCHEMA)
    tables["vacancy_skill"] = pa.Table.from_pylist(skills or [], schema=ASKED_SCHEMA)
    for name, frame in tables.items():
        backend.create_table(name, frame)
    texts = postings is not None
    expr = skill_demand_supply(
        backend.table("vacancy_stats"),
        backend.table("labour_supply"),
        backend.table("occupation_skill"),
        backend.table("provenance"),
        backend.table("vacancy") if texts else None,
        backend.table("vacancy_skill") if texts else None,
        **kw,
    )
    rows: list[dict[str, Any]] = expr.to_pyarrow().to_pylist()
    assert all(list(r) == SKILL_COLUMNS for r in rows)
    return sorted(rows, key=lambda r: (r["region_code"], r["skill_id"], r["period"]))


def row(skill: str, i: int, **values: Any) -> dict[str, Any]:
    base = {
        "region_code": "AM01", "skill_id": skill, "period": month(i), "demand": 0.0,
        "demand_source": "none", "demand_text": None, "demand_occupation": None,
        "open_postings": None, "supply_short": 0.0, "supply_experienced": 0.0,
        "demand_supply_ratio": None, "real_shortage": False, "is_demo": False, "flags": "",
    }  # fmt: skip
    return base | values


def test_weighted_demand_and_supply_per_skill() -> None:
    rows = compute(
        [vacancy("AM01", "o1", 0, 40), vacancy("AM01", "o2", 0, 10)],
        [supply("AM01", "o1", 0, 20, experienced=30), supply("AM01", "o2", 0, 0, experienced=0)],
    )
    # s1: o1 essential -> demand 40, supply 20, experienced 30
    # s2: o1 optional 0.5*40 + o2 essential 10 = 30; supply 0.5*20 + 0 = 10; experienced 15
    # s3: o2 essential -> demand 10, supply 0: real shortage, no ratio, flag no_stock
    occ = {"demand_source": "occupation"}
    assert rows == [
        row("s1", 0, demand=40.0, demand_occupation=40.0, supply_short=20.0,
            supply_experienced=30.0, demand_supply_ratio=2.0, **occ),
        row("s2", 0, demand=30.0, demand_occupation=30.0, supply_short=10.0,
            supply_experienced=15.0, demand_supply_ratio=3.0, **occ),
        row("s3", 0, demand=10.0, demand_occupation=10.0, real_shortage=True,
            flags="no_stock", **occ),
    ]  # fmt: skip


def test_text_demand_counts_open_postings_once_per_skill_above_the_threshold() -> None:
    postings = [
        posting("v1", "AM01", date(2023, 1, 10)),  # open from Jan, no closing date
        posting("v2", "AM01", date(2022, 12, 1), date(2023, 2, 3)),  # open Jan and Feb
        posting("v3", "AM01", date(2023, 2, 20), date(2023, 2, 25)),  # only Feb
        posting("v4", "AM01", date(2022, 11, 1), date(2022, 12, 31)),  # closed before Jan
        posting("v5", None, date(2023, 1, 1)),  # no region: left out
    ]
    skills = [
        asked("v1", "s1"), asked("v1", "s3", score=MIN_TEXT_SCORE),  # at the threshold: counts
        asked("v2", "s1"), asked("v2", "s2", score=MIN_TEXT_SCORE - 0.01),  # below: not
        asked("v3", "s1"), asked("v4", "s1"), asked("v5", "s1"),
    ]  # fmt: skip
    rows = compute([vacancy("AM01", "o1", 0, 40)], [supply("AM01", "o1", 0, 20)], postings, skills)
    by_key = {(r["skill_id"], r["period"]): r for r in rows}
    # Months: Jan 2023 (statistics, posted v1), Feb 2023 (posted v3), and the
    # months of v4 and v2's posting (Nov, Dec 2022), in which v2 and v4 are open.
    jan = by_key[("s1", month(0))]
    assert jan == row(
        "s1", 0, demand=40.0, demand_source="both", demand_text=2, demand_occupation=40.0,
        open_postings=2, supply_short=20.0, supply_experienced=100.0, demand_supply_ratio=2.0,
    )  # fmt: skip
    assert by_key[("s1", month(1))] == row(
        "s1", 1, demand=3.0, demand_source="text", demand_text=3, open_postings=3,
        real_shortage=True, flags="no_stock",
    )  # fmt: skip
    # s2 asked below the threshold: the text count is 0, the estimate (0.5 x 40) wins
    s2 = by_key[("s2", month(0))]
    assert (s2["demand_text"], s2["demand_occupation"], s2["demand"]) == (0, 20.0, 20.0)
    assert s2["demand_source"] == "both"
    s3 = by_key[("s3", month(0))]
    assert (s3["demand_text"], s3["demand_occupation"], s3["demand_source"]) == (1, None, "text")
    assert s3["real_shortage"] is True and s3["flags"] == "no_stock"
    dec = by_key[("s1", date(2022, 12, 1))]
    assert (dec["demand_text"], dec["open_postings"]) == (2, 2)  # v2 and v4
    assert ("s1", date(2022, 10, 1)) not in by_key


def test_a_posting_listed_twice_for_a_skill_counts_once() -> None:
    postings = [posting("v1", "AM01", date(2023, 1, 5))]
    rows = compute([], [], postings, [asked("v1", "s1"), asked("v1", "s1", score=0.9)])
    assert [(r["skill_id"], r["demand_text"], r["open_postings"]) for r in rows] == [("s1", 1, 1)]


def test_a_higher_threshold_drops_weak_extractions() -> None:
    postings = [posting("v1", "AM01", date(2023, 1, 5))]
    skills = [asked("v1", "s1", score=0.7), asked("v1", "s2", score=0.9)]
    rows = compute([], [], postings, skills, min_score=0.8)
    assert [(r["skill_id"], r["demand_text"]) for r in rows] == [("s2", 1)]


@pytest.mark.parametrize(
    ("short", "shortage", "flags"),
    [
        (0, True, "no_stock"),
        (19, True, ""),  # 0.5 x 19 = 9.5 job seekers carry s2: below 10, a real shortage
        (20, False, ""),  # 0.5 x 20 = 10.0: at the boundary, not a shortage
    ],
)
def test_real_shortage_boundary(short: int, shortage: bool, flags: str) -> None:
    rows = compute([vacancy("AM01", "o2", 0, 5)], [supply("AM01", "o1", 0, short)])
    s2 = next(r for r in rows if r["skill_id"] == "s2")
    assert s2["supply_short"] == short * 0.5
    assert s2["real_shortage"] is shortage
    assert s2["flags"] == flags
    expected_ratio = None if short == 0 else 5.0 / (short * 0.5)
    assert s2["demand_supply_ratio"] == expected_ratio


def test_supply_under_ten_people_is_suppressed_but_shortage_still_shows() -> None:
    rows = compute([vacancy("AM01", "o1", 0, 40)], [supply("AM01", "o1", 0, 6, experienced=100)])
    s1 = next(r for r in rows if r["skill_id"] == "s1")
    assert s1["supply_short"] is None and s1["demand_supply_ratio"] is None
    assert s1["flags"] == "suppressed"
    assert s1["real_shortage"] is True
    assert s1["supply_experienced"] == pytest.approx(100.0)


def test_suppression_counts_people_not_weighted_stock() -> None:
    # 12 people weighted 0.5 = 6.0: shown (12 people), and a real shortage (stock under 10)
    rows = compute([vacancy("AM01", "o1", 0, 40)], [supply("AM01", "o1", 0, 12)])
    s2 = next(r for r in rows if r["skill_id"] == "s2")
    assert (s2["supply_short"], s2["flags"], s2["real_shortage"]) == (6.0, "", True)


def test_stock_without_demand_is_no_shortage() -> None:
    rows = compute([], [supply("AM02", "o1", 0, 50)])
    s1 = next(r for r in rows if r["skill_id"] == "s1")
    assert s1["demand"] == 0.0 and s1["real_shortage"] is False
    assert s1["demand_source"] == "none" and s1["demand_supply_ratio"] == 0.0


def test_demo_facts_are_flagged() -> None:
    rows = compute([vacancy("AM01", "o1", 0, 40, source="demo")], [supply("AM01", "o1", 0, 6)])
    s1 = next(r for r in rows if r["skill_id"] == "s1")
    assert s1["is_demo"] is True
    assert s1["flags"] == "demo suppressed"


def test_demo_postings_flag_their_region_and_month() -> None:
    postings = [posting("v1", "AM01", date(2023, 1, 5), source="demo")]
    rows = compute([vacancy("AM01", "o1", 0, 40)], [supply("AM01", "o1", 0, 20)], postings, [])
    s1 = next(r for r in rows if r["skill_id"] == "s1")
    assert (s1["demand_text"], s1["is_demo"], s1["flags"]) == (0, True, "demo")


def test_a_closing_date_adds_no_month() -> None:
    postings = [posting("v1", "AM01", date(2023, 1, 5), date(2023, 6, 30))]
    rows = compute([], [], postings, [asked("v1", "s1")])
    assert [(r["period"], r["demand_text"]) for r in rows] == [(month(0), 1)]


def test_stock_with_a_small_occupation_behind_it_is_suppressed() -> None:
    # o1: 20 seekers, o2: 5. s1 (o1 only) shows 20; s2 = 0.5 x 20 + 5 = 15 from 25 people, but
    # showing it next to s1 would give o2's 5 back: suppressed; s3 (o2 only): suppressed.
    rows = compute(
        [vacancy("AM01", "o1", 0, 40), vacancy("AM01", "o2", 0, 10)],
        [supply("AM01", "o1", 0, 20, experienced=30), supply("AM01", "o2", 0, 5, experienced=30)],
    )
    shown = {r["skill_id"]: (r["supply_short"], r["demand_supply_ratio"], r["flags"]) for r in rows}
    assert shown == {
        "s1": (20.0, 2.0, ""),
        "s2": (None, None, "suppressed"),
        "s3": (None, None, "suppressed"),
    }
    assert [r["supply_experienced"] for r in rows] == [30.0, 45.0, 30.0]
