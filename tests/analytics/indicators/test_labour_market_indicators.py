"""Golden tests: input facts -> expected indicator rows, on DuckDB through Ibis."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Any

import ibis
import pytest
from indicator_cases import frames, month, supply, vacancy

from lloradar.analytics.indicators import labour_market_indicators
from lloradar.domain import TensionClass


def compute(
    vacancies: list[dict[str, Any]], supplies: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    backend = ibis.duckdb.connect()
    for name, frame in frames(vacancies, supplies).items():
        backend.create_table(name, frame)
    tables = [backend.table(n) for n in ["vacancy_stats", "labour_supply", "provenance", "region"]]
    records: list[dict[str, Any]] = labour_market_indicators(*tables).to_pyarrow().to_pylist()
    return records


def cell(rows: list[dict[str, Any]], region: str, i: int, occupation: str = "o1") -> dict[str, Any]:
    wanted = month(i)
    [row] = [
        r
        for r in rows
        if r["region_code"] == region and r["occupation_id"] == occupation and r["period"] == wanted
    ]
    return row


@pytest.mark.parametrize(
    ("open_vacancies", "expected"),
    [
        (401, "zeer krap"),  # 4.01
        (400, "krap"),  # exactly 4.0 is not above 4.0
        (151, "krap"),
        (150, "gemiddeld"),  # exactly 1.5
        (67, "gemiddeld"),  # exactly 0.67
        (66, "ruim"),
        (25, "ruim"),  # exactly 0.25
        (24, "zeer ruim"),
        (0, "zeer ruim"),
    ],
)
def test_tension_class_follows_the_uwv_boundaries(open_vacancies: int, expected: str) -> None:
    rows = compute([vacancy("AM01", "o1", 0, open_vacancies)], [supply("AM01", "o1", 0, 100)])
    row = cell(rows, "AM01", 0)
    assert row["tension_ratio"] == pytest.approx(open_vacancies / 100)
    assert row["tension_class"] == expected
    assert TensionClass.from_ratio(open_vacancies / 100) == TensionClass(expected)


def test_no_job_seekers_gives_no_ratio_and_a_flag_never_infinity() -> None:
    rows = compute([vacancy("AM01", "o1", 0, 40)], [supply("AM01", "o1", 0, 0)])
    for row in rows:
        assert row["tension_ratio"] is None
        assert row["tension_class"] is None
        assert row["tension_rank"] is None
        assert "no_job_seekers" in row["flags"].split()
        assert all(not (isinstance(v, float) and math.isinf(v)) for v in row.values())


def test_no_vacancies_gives_no_per_vacancy_ratios() -> None:
    rows = compute([vacancy("AM01", "o1", 0, 0)], [supply("AM01", "o1", 0, 20)])
    row = cell(rows, "AM01", 0)
    assert row["interested_per_vacancy"] is None
    assert row["experienced_per_vacancy"] is None
    assert row["tension_ratio"] == 0.0
    assert "no_vacancies" in row["flags"].split()


def test_interested_and_experienced_per_vacancy() -> None:
    rows = compute(
        [vacancy("AM01", "o1", 0, 40)],
        [supply("AM01", "o1", 0, 50, interested=100, experienced=30)],
    )
    row = cell(rows, "AM01", 0)
    assert row["interested_per_vacancy"] == pytest.approx(2.5)
    assert row["experienced_per_vacancy"] == pytest.approx(0.75)


def test_fill_rate_and_days_open_and_the_median_of_a_province() -> None:
    rows = compute(
        [
            vacancy("AM01", "o1", 0, 40, new=20, filled=15, days=30.0),
            vacancy("AM02", "o1", 0, 40, new=10, filled=5, days=50.0),
            vacancy("AM03", "o1", 0, 40, new=0, filled=0, days=None),
        ],
        [supply(r, "o1", 0, 50) for r in ["AM01", "AM02", "AM03"]],
    )
    assert cell(rows, "AM01", 0)["fill_rate"] == pytest.approx(0.75)
    assert cell(rows, "AM01", 0)["days_open"] == pytest.approx(30.0)
    assert cell(rows, "AM03", 0)["fill_rate"] is None  # no new vacancies: no rate
    assert cell(rows, "PV20", 0)["days_open"] == pytest.approx(40.0)
    assert cell(rows, "PV20", 0)["fill_rate"] == pytest.approx(20 / 30)
    assert cell(rows, "NL01", 0)["days_open"] == pytest.approx(40.0)


def test_year_on_year_change_and_twelve_month_moving_average() -> None:
    # ratio in month i is (i + 1) / 10 for 24 months
    vacancies = [vacancy("AM01", "o1", i, (i + 1) * 10) for i in range(24)]
    supplies = [supply("AM01", "o1", i, 100) for i in range(24)]
    rows = compute(vacancies, supplies)
    assert cell(rows, "AM01", 10)["tension_ratio_ma12"] is None
    assert "short_history" in cell(rows, "AM01", 10)["flags"].split()
    assert cell(rows, "AM01", 11)["tension_ratio_ma12"] == pytest.approx(sum(range(1, 13)) / 120)
    assert cell(rows, "AM01", 23)["tension_ratio_ma12"] == pytest.approx(sum(range(13, 25)) / 120)
    assert cell(rows, "AM01", 11)["tension_ratio_yoy"] is None
    assert cell(rows, "AM01", 12)["tension_ratio_yoy"] == pytest.approx(1.2)
    assert cell(rows, "AM01", 12)["open_vacancies_yoy"] == pytest.approx(130 / 10 - 1)


def test_moving_average_needs_twelve_consecutive_months_not_twelve_rows() -> None:
    months = [*range(0, 6), *range(8, 14)]  # a gap of two months
    rows = compute(
        [vacancy("AM01", "o1", i, 50) for i in months],
        [supply("AM01", "o1", i, 100) for i in months],
    )
    assert cell(rows, "AM01", 13)["tension_ratio_ma12"] is None


def test_year_on_year_change_never_compares_with_the_wrong_month() -> None:
    # months 6 and 7 are missing: the trends skip every month whose year spans the gap
    months = [*range(0, 6), *range(8, 26)]
    rows = compute(
        [vacancy("AM01", "o1", i, 10 * (i + 1)) for i in months],
        [supply("AM01", "o1", i, 100) for i in months],
    )
    assert cell(rows, "AM01", 13)["tension_ratio_yoy"] is None  # the year spans the gap
    assert cell(rows, "AM01", 19)["tension_ratio_yoy"] is None  # 12 rows back is month 5, not 7
    assert cell(rows, "AM01", 19)["open_vacancies_yoy"] is None
    assert cell(rows, "AM01", 20)["tension_ratio_yoy"] == pytest.approx(2.1 - 0.9)
    assert cell(rows, "AM01", 20)["open_vacancies_yoy"] == pytest.approx(210 / 90 - 1)
    assert cell(rows, "AM01", 18)["tension_ratio_ma12"] is None
    assert cell(rows, "AM01", 19)["tension_ratio_ma12"] == pytest.approx(sum(range(9, 21)) / 120)


def test_rank_among_regions_tightest_first_and_none_without_ratio() -> None:
    rows = compute(
        [vacancy(r, "o1", 0, v) for r, v in [("AM01", 200), ("AM02", 300), ("AM03", 100)]]
        + [vacancy("AM01", "o2", 0, 10), vacancy("AM02", "o2", 0, 10)],
        [supply(r, "o1", 0, 100) for r in ["AM01", "AM02", "AM03"]]
        + [supply("AM01", "o2", 0, 0), supply("AM02", "o2", 0, 20)],
    )
    assert [cell(rows, r, 0)["tension_rank"] for r in ["AM01", "AM02", "AM03"]] == [2, 1, 3]
    assert cell(rows, "AM01", 0)["regions_ranked"] == 3
    assert cell(rows, "AM01", 0, "o2")["tension_rank"] is None
    assert cell(rows, "AM02", 0, "o2")["tension_rank"] == 1
    assert cell(rows, "AM02", 0, "o2")["regions_ranked"] == 1
    assert cell(rows, "PV20", 0)["tension_rank"] is None  # only regions are ranked


def test_province_and_country_sum_counts_and_recompute_ratios() -> None:
    rows = compute(
        [vacancy(r, "o1", 0, v) for r, v in [("AM01", 200), ("AM02", 300), ("AM03", 100)]],
        [supply(r, "o1", 0, s) for r, s in [("AM01", 100), ("AM02", 100), ("AM03", 50)]],
    )
    province = cell(rows, "PV20", 0)
    assert province["region_level"] == "provincie"
    assert province["open_vacancies"] == 500
    assert province["job_seekers_short"] == 200
    assert province["tension_ratio"] == pytest.approx(2.5)
    assert province["tension_class"] == "krap"
    country = cell(rows, "NL01", 0)
    assert country["region_level"] == "land"
    assert country["tension_ratio"] == pytest.approx(600 / 250)


def test_cell_under_ten_people_is_flagged_and_kept_for_the_publication_step() -> None:
    # Hiding it (and what would give it away) is the publication step's job, once, over the
    # whole table: tests/features/indicators/test_publication.py.
    rows = compute(
        [vacancy("AM01", "o1", 0, 40), vacancy("AM02", "o1", 0, 40)],
        [supply("AM01", "o1", 0, 5, interested=3), supply("AM02", "o1", 0, 15)],
    )
    row = cell(rows, "AM01", 0)
    assert row["job_seekers_short"] == 5
    assert row["tension_ratio"] == pytest.approx(40 / 5)
    assert row["experienced_per_vacancy"] == pytest.approx(100 / 40)
    assert "suppressed" in row["flags"].split()
    assert "small" in cell(rows, "AM02", 0)["flags"].split()
    # the province sums 20 people: shown again
    assert cell(rows, "PV20", 0)["tension_ratio"] == pytest.approx(80 / 20)


def test_demo_data_is_flagged_on_every_value_it_touches() -> None:
    rows = compute(
        [vacancy("AM01", "o1", 0, 40, source="demo"), vacancy("AM03", "o1", 0, 40)],
        [supply("AM01", "o1", 0, 50), supply("AM03", "o1", 0, 50)],
    )
    assert "demo" in cell(rows, "AM01", 0)["flags"].split()
    assert "demo" not in cell(rows, "AM03", 0)["flags"].split()
    assert "demo" in cell(rows, "NL01", 0)["flags"].split()


def test_a_missing_count_is_flagged_not_guessed() -> None:
    rows = compute([vacancy("AM01", "o1", 0, 40)], [supply("AM02", "o1", 0, 50)])
    assert cell(rows, "AM01", 0)["job_seekers_short"] is None
    assert "missing" in cell(rows, "AM01", 0)["flags"].split()
    assert cell(rows, "AM02", 0)["open_vacancies"] is None


def test_indicators_use_only_portable_functions() -> None:
    import lloradar.analytics.indicators as package

    source = "".join(p.read_text() for p in Path(package.__file__).parent.glob("*.py"))
    for name in ["first", "last", "arbitrary", "mode", "approx_median"]:
        assert f".{name}(" not in source


def test_vacancy_duration_is_the_median_days_open_of_closed_postings() -> None:
    import pyarrow as pa

    from lloradar.analytics.indicators import vacancy_duration

    postings = pa.table(
        {
            "region_code": ["AM01", "AM01", "AM01", "AM01", None],
            "occupation_id": ["o1"] * 5,
            "posted_on": [date(2025, 1, 1), date(2025, 1, 1), date(2025, 1, 6), date(2025, 2, 1),
                          date(2025, 1, 1)],
            "closed_on": [date(2025, 1, 11), date(2025, 1, 31), date(2025, 1, 26), None,
                          date(2025, 1, 2)],
        }
    )  # fmt: skip
    backend = ibis.duckdb.connect()
    backend.create_table("vacancy", postings)
    [row] = vacancy_duration(backend.table("vacancy")).to_pyarrow().to_pylist()
    assert row["period"] == date(2025, 1, 1)
    assert row["median_days_open"] == 20.0  # 10, 20 and 30 days
    assert row["closed_postings"] == 3
