"""Use-cases for the labour-market indicators: compute them on an engine and store them, and
show one region x occupation as rows per month."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.compute as pc
from ibis.backends import BaseBackend

from lloradar.analytics.indicators import (
    ALL_OCCUPATIONS,
    FLAGS,
    VALUE_INDICATORS,
    all_occupation_indicators,
    labour_market_indicators,
)
from lloradar.domain import IngestError, UnknownLabel
from lloradar.features.indicators.publish import PUBLISHED_COLUMNS, publish_run
from lloradar.services.engines import (
    BLOCK_PREFIX,
    ENGINES,
    duckdb_in_blocks,
    read_tables,
    spark_backend,
    store_backend,
    to_arrow,
)
from lloradar.services.regions import resolve_region
from lloradar.services.suggest import closest
from lloradar.store import DuckDBStore, PostgresStore, Store, redacted

__all__ = [
    "FLAGS",
    "ComputeReport",
    "compute_indicators",
    "compute_on",
    "ensure_indicators",
    "indicator_table",
    "resolve_occupation",
    "suggest_occupations",
]
INPUT_TABLES = ["vacancy_stats", "labour_supply", "provenance", "region"]
FACT_TABLES = ["vacancy_stats", "labour_supply"]
# Cells (vacancy + supply rows) per block of occupations in a DuckDB recompute: every indicator
# is computed within one occupation (windows per region x occupation and per occupation x month,
# sums per occupation), so blocks give the same rows; 2.5 M rows keep a block's sorts in memory.
DUCKDB_BLOCK_ROWS = 2_500_000
VALUE_COLUMNS = [
    "name",
    "region_code",
    "region_level",
    "occupation_id",
    "period",
    "value",
    "class",
    "flags",
    "run_id",
]


@dataclass(frozen=True, slots=True)
class ComputeReport:
    run_id: str
    engine: str
    cells: int
    values: int
    seconds: float
    is_demo: bool
    hidden_primary: int = 0
    hidden_secondary: int = 0


def indicator_expression(backend: BaseBackend) -> ir.Table:
    """The one indicator expression, bound to the tables of `backend`."""
    tables = [backend.table(name) for name in INPUT_TABLES]
    return labour_market_indicators(*tables)


def totals_expression(backend: BaseBackend) -> ir.Table:
    """The same expression over each area's all-occupations totals."""
    return all_occupation_indicators(*(backend.table(name) for name in INPUT_TABLES))


def _with_totals(cells: pa.Table, totals: pa.Table) -> pa.Table:
    return pa.concat_tables([cells, totals.cast(cells.schema)])


def create_indicator_table(
    connection: Any, target: str, *, block_rows: int = DUCKDB_BLOCK_ROWS, temporary: bool = False
) -> int:
    """Every indicator (OUTPUT_COLUMNS) computed inside DuckDB into a new table `target`, one
    block of occupations at a time (see DUCKDB_BLOCK_ROWS); returns the number of blocks.
    The Ibis expression is compiled once, over views that each block redefines."""
    import ibis

    for name in FACT_TABLES:
        connection.execute(f"CREATE OR REPLACE TEMP VIEW {BLOCK_PREFIX}{name} AS FROM {name}")
    backend = ibis.duckdb.from_connection(connection)
    names = [f"{BLOCK_PREFIX}{n}" if n in FACT_TABLES else n for n in INPUT_TABLES]
    sql = ibis.to_sql(labour_market_indicators(*(backend.table(n) for n in names)))
    return duckdb_in_blocks(
        connection,
        sql,
        target,
        blocked=FACT_TABLES,
        key="occupation_id",
        block_rows=block_rows,
        temporary=temporary,
    )


def compute_on(store: Store, engine: str) -> pa.Table:
    """Every indicator (wide: one row per cell, OUTPUT_COLUMNS) computed on `engine`."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (expected one of {', '.join(ENGINES)})")
    if engine == "spark":
        with spark_backend(read_tables(store, INPUT_TABLES)) as backend:
            return _with_totals(
                to_arrow(backend, indicator_expression(backend)),
                to_arrow(backend, totals_expression(backend)),
            )
    expected = DuckDBStore if engine == "duckdb" else PostgresStore
    if not isinstance(store, expected):
        raise IngestError(
            redacted(store.url),
            f"engine {engine!r} runs inside its own store; the configured store is "
            f"{store.dialect} (set LLORADAR_STORE, or use --engine {store.dialect} or spark)",
        )
    backend = store_backend(store)
    totals = totals_expression(backend).to_pyarrow()
    if isinstance(store, DuckDBStore):
        return _with_totals(_compute_on_duckdb(store), totals)
    return _with_totals(indicator_expression(backend).to_pyarrow(), totals)


def _compute_on_duckdb(store: DuckDBStore) -> pa.Table:
    target = f"_indicators_{uuid.uuid4().hex[:8]}"
    connection = store.connection
    connection.execute("SET preserve_insertion_order = false")  # a set of rows, no order
    try:
        create_indicator_table(connection, target, temporary=True)
        table: pa.Table = connection.execute(f"SELECT * FROM temp.{target}").to_arrow_table()
    finally:
        connection.execute(f"DROP TABLE IF EXISTS temp.{target}")
        connection.execute("RESET preserve_insertion_order")
    return table


def long_table(cells: pa.Table, run_id: str) -> pa.Table:
    """One (name, keys, value, class, flags, run_id) row per indicator per cell, in Arrow."""
    n = cells.num_rows
    period = pc.cast(cells.column("period"), pa.date32())
    parts = []
    for name in VALUE_INDICATORS:
        classes = (
            cells.column("tension_class") if name == "tension_ratio" else pa.nulls(n, pa.string())
        )
        parts.append(
            pa.table(
                {
                    "name": pa.array([name] * n, pa.string()),
                    "region_code": cells.column("region_code"),
                    "region_level": cells.column("region_level"),
                    "occupation_id": cells.column("occupation_id"),
                    "period": period,
                    "value": pc.cast(cells.column(name), pa.float64()),
                    "class": pc.cast(classes, pa.string()),
                    "flags": cells.column("flags"),
                    "run_id": pa.array([run_id] * n, pa.string()),
                }
            )
        )
    return pa.concat_tables(parts)


def replace_values(store: Store, values: pa.Table) -> None:
    """Replace every stored row of `indicator_value` (inside the caller's transaction)."""
    store.execute("DELETE FROM indicator_value")
    store.insert_arrow("indicator_value", values.select(list(VALUE_COLUMNS)))


def compute_indicators(store: Store, engine: str = "duckdb") -> ComputeReport:
    """Recompute every indicator on `engine` and replace the stored values in one transaction."""
    started = datetime.now(UTC).replace(tzinfo=None)
    clock = time.perf_counter()
    cells = compute_on(store, engine)
    seconds = time.perf_counter() - clock
    run_id = f"{started:%Y%m%dT%H%M%S}-{engine}-{uuid.uuid4().hex[:6]}"
    values = long_table(cells, run_id)
    is_demo = bool(pc.any(cells.column("is_demo")).as_py()) if cells.num_rows else False
    with store.transaction():
        store.lock("indicator_value")
        replace_values(store, values)
        hidden = publish_run(store, cells, run_id)
        store.upsert(
            "indicator_run",
            ["run_id", "engine", "started_at", "seconds", "cells", "is_demo"],
            [(run_id, engine, started, seconds, cells.num_rows, is_demo)],
            ["run_id"],
        )
    return ComputeReport(
        run_id,
        engine,
        cells.num_rows,
        values.num_rows,
        seconds,
        is_demo,
        hidden.get("primary", 0),
        hidden.get("secondary", 0),
    )


def resolve_occupation(store: Store, occupation: str) -> str:
    """An occupation id from an id, the last part of one (the web's slug), an ISCO code or an
    exact (case-insensitive) Dutch or English label; an occupation id of the stored figures.
    Anything else raises UnknownLabel with the nearest labels of occupations with figures."""
    found = store.query(
        "SELECT id FROM occupation WHERE id = ? OR id LIKE ? ESCAPE '\\' OR isco_code = ? "
        "OR lower(label_en) = lower(?) OR lower(label_nl) = lower(?) "
        "ORDER BY id = ? DESC, id",
        [occupation, "%/" + _like(occupation), occupation, occupation, occupation, occupation],
    )
    if not found:
        found = store.query(
            "SELECT occupation_id FROM vacancy_stats WHERE occupation_id = ? "
            "UNION SELECT occupation_id FROM labour_supply WHERE occupation_id = ?",
            [occupation, occupation],
        )
    if not found:
        raise UnknownLabel("occupation", occupation, suggest_occupations(store, occupation))
    return str(found[0][0])


def _like(text: str) -> str:
    """`text` as a literal in a LIKE pattern (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def suggest_occupations(store: Store, text: str, limit: int = 5) -> list[str]:
    """Labels (Dutch, or English where the text is nearer) of the occupations with figures
    nearest to `text`, best first; of every occupation when none has figures."""
    rows = store.query(
        "SELECT id, label_nl, label_en FROM occupation "
        "WHERE id IN (SELECT occupation_id FROM vacancy_stats) ORDER BY id"
    ) or store.query("SELECT id, label_nl, label_en FROM occupation ORDER BY id")
    choices = [(str(r[0]), label) for r in rows for label in (r[1], r[2])]
    return [label for _, label in closest(text, choices, limit)]


def ensure_indicators(store: Store) -> ComputeReport | None:
    """Compute and publish every indicator on the store's own engine when none is published yet
    (a store that was loaded without the recompute); None when they are, or there are no facts."""
    if store.query("SELECT 1 FROM published_indicator LIMIT 1") or not store.query(
        "SELECT 1 FROM vacancy_stats LIMIT 1"
    ):
        return None
    return compute_indicators(store, store.dialect)


# What `indicator_table` shows of a published row: everything but its keys and run.
SHOWN_COLUMNS = [
    c
    for c in PUBLISHED_COLUMNS
    if c not in {"run_id", "region_code", "region_level", "occupation_id", "period", "is_demo"}
]


def indicator_table(
    store: Store, region: str, occupation: str, *, last: int | None = None
) -> list[dict[str, Any]]:
    """The published rows per month for one area (code or name) x occupation ("all": every
    occupation together): every indicator, the class, what is hidden and the flags. An unknown
    region or occupation raises UnknownLabel with suggestions."""
    region_code = resolve_region(store, region)
    occupation_id = (
        ALL_OCCUPATIONS if occupation == ALL_OCCUPATIONS else resolve_occupation(store, occupation)
    )
    values = store.query_dicts(
        f"SELECT period, {', '.join(SHOWN_COLUMNS)} FROM published_indicator "
        "WHERE region_code = ? AND occupation_id = ? ORDER BY period",
        [region_code, occupation_id],
    )
    rows = [
        {
            "region": region_code,
            "occupation_id": occupation_id,
            **row,
            "period": row["period"].isoformat(),
        }
        for row in values
    ]
    return rows[-last:] if last else rows
