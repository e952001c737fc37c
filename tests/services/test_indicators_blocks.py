"""The DuckDB recompute per block of occupations gives exactly the rows of one single query."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import duckdb
import ibis
import pyarrow as pa
import pytest

from lloradar.analytics.indicators import OUTPUT_COLUMNS, labour_market_indicators
from lloradar.features.indicators.tension import create_indicator_table
from lloradar.services.engines import block_bounds

REGIONS = [("AM01", "PV20"), ("AM02", "PV20"), ("AM03", "PV21")]
OCCUPATIONS = ["occ-a", "occ-b", "occ-c", "occ-d", "occ-e"]


def facts(connection: Any) -> None:
    """3 regions x 5 occupations x 26 months, with zeros, small counts, a gap, and one
    occupation that only the supply side reports."""
    vacancies, supply = [], []
    for r, region in enumerate(REGIONS):
        for o, occupation in enumerate(OCCUPATIONS):
            for i in range(26):
                if (r, o) == (2, 1) and i in (5, 6):
                    continue
                period = date(2023 + i // 12, i % 12 + 1, 1)
                key = {"region_code": region[0], "occupation_id": occupation, "period": period}
                open_ = (7 * i + 13 * r + 5 * o) % 60
                short = 0 if (i + r) % 11 == 0 else (3 * i + 11 * r + o) % 45
                if occupation != "occ-e":
                    vacancies.append({**key, "open_vacancies": open_, "new_vacancies": open_ // 2,
                                      "filled_vacancies": open_ // 3,
                                      "days_open_filled": 20.0 + i % 7, "source_id": "s"})  # fmt: skip
                supply.append({**key, "job_seekers_short": short, "job_seekers_long": 2 * short,
                               "interested": 3 * short, "experienced": short,
                               "source_id": "s"})  # fmt: skip
    tables = {
        "vacancy_stats": pa.Table.from_pylist(vacancies),
        "labour_supply": pa.Table.from_pylist(supply),
        "provenance": pa.table({"source_id": ["s"], "is_demo": [False]}),
        "region": pa.table(
            {
                "code": [c for c, _ in REGIONS],
                "level": ["arbeidsmarktregio"] * len(REGIONS),
                "parent_code": [p for _, p in REGIONS],
            }
        ),
    }
    for name, table in tables.items():
        connection.register(f"_{name}", table)
        connection.execute(f"CREATE TABLE {name} AS SELECT * FROM _{name}")
        connection.unregister(f"_{name}")


def rows(table: pa.Table) -> list[tuple[Any, ...]]:
    def norm(value: Any) -> Any:
        return round(value, 9) if isinstance(value, float) and not math.isnan(value) else value

    records = table.select(OUTPUT_COLUMNS).to_pylist()
    return sorted(
        (tuple(norm(r[c]) for c in OUTPUT_COLUMNS) for r in records),
        key=lambda t: tuple(str(v) for v in t[:4]),
    )


def test_blocks_of_occupations_give_the_rows_of_one_query() -> None:
    connection = duckdb.connect()
    facts(connection)
    backend = ibis.duckdb.from_connection(connection)
    tables = [backend.table(n) for n in ["vacancy_stats", "labour_supply", "provenance", "region"]]
    expected = rows(labour_market_indicators(*tables).to_pyarrow())

    assert create_indicator_table(connection, "one_block") == 1
    # about 2 occupations (2 x 3 regions x 26 months x 2 facts) per block
    blocks = create_indicator_table(connection, "blocks", block_rows=300)
    assert blocks == 3
    for name in ["one_block", "blocks"]:
        got = rows(connection.execute(f"SELECT * FROM {name}").to_arrow_table())
        assert got == expected, name
    # regions, provinces, country; the gap misses in AM03 and in PV21 (its only region)
    assert len(expected) == 5 * 26 * (3 + 2 + 1) - 2 * 2
    views = connection.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal")
    assert views.fetchone() == (0,)  # the block views are gone


@pytest.mark.parametrize(
    ("counts", "block_rows", "expected"),
    [
        ([("a", 3), ("b", 3), ("c", 3), ("d", 1)], 5, [("a", "b"), ("c", "d")]),
        ([("a", 9), ("b", 1)], 5, [("a", "a"), ("b", "b")]),  # a key is never split
        ([("a", 1)], 100, [("a", "a")]),
        ([], 100, []),
    ],
)
def test_block_bounds_are_contiguous_key_ranges(
    counts: list[tuple[str, int]], block_rows: int, expected: list[tuple[str, str]]
) -> None:
    assert block_bounds(counts, block_rows) == expected
