"""Ibis connections for the three engines: the DuckDB store itself, the PostgreSQL store itself,
and a local Spark session fed from the store (guard-rails from DESIGN.md)."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
from ibis.backends import BaseBackend

from lloradar.store import DuckDBStore, PostgresStore, Store

ENGINES = ("duckdb", "postgres", "spark")
BLOCK_PREFIX = "_block_"


def store_backend(store: Store) -> BaseBackend:
    """An Ibis backend over the store's own connection: the work runs inside the database."""
    if isinstance(store, DuckDBStore):
        return ibis.duckdb.from_connection(store.connection)
    if isinstance(store, PostgresStore):
        return ibis.postgres.from_connection(store.connection)
    raise ValueError(f"no Ibis backend for store {type(store).__name__}")


def read_tables(store: Store, names: list[str]) -> dict[str, pa.Table]:
    backend = store_backend(store)
    return {name: backend.table(name).to_pyarrow() for name in names}


@contextmanager
def spark_backend(tables: Mapping[str, pa.Table], partitions: int = 2) -> Iterator[BaseBackend]:
    """A `local[N]` Spark session with the given tables as temporary views, stopped afterwards.
    Tables travel as Parquet through a warehouse directory of this run only."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    import pyarrow.parquet as pq
    from pyspark.sql import SparkSession

    with tempfile.TemporaryDirectory(prefix="lloradar-spark-") as run_dir:
        warehouse = Path(run_dir) / "warehouse"
        session = (
            SparkSession.builder.master(f"local[{partitions}]")
            .appName("lloradar-indicators")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.warehouse.dir", str(warehouse))
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={run_dir}")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        try:
            for name, table in tables.items():
                path = Path(run_dir) / f"{name}.parquet"
                pq.write_table(table, path)
                session.read.parquet(str(path)).createOrReplaceTempView(name)
            yield ibis.pyspark.connect(session)
        finally:
            session.stop()
            _shut_down_gateway()


def _shut_down_gateway() -> None:
    """Close py4j's sockets and the JVM, so nothing of the run outlives it."""
    from pyspark import SparkContext

    gateway = SparkContext._gateway
    if gateway is not None:
        gateway.shutdown()
        gateway.proc.stdin.close()
        gateway.proc.wait(timeout=30)
        SparkContext._gateway = None
        SparkContext._jvm = None


def to_arrow(backend: BaseBackend, expression: Any) -> pa.Table:
    """The result as Arrow. On Spark, straight from Spark's Arrow batches: ibis would go through
    pandas (toPandas), which is slower and warns under pandas 3."""
    if backend.name == "pyspark":
        session = backend._session
        # pyspark leaves its local result socket to the garbage collector.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            table: pa.Table = session.sql(backend.compile(expression)).toArrow()
            gc.collect()
        return table
    result: pa.Table = expression.to_pyarrow()
    return result


def block_bounds(counts: list[tuple[str, int]], block_rows: int) -> list[tuple[str, str]]:
    """Split sorted (key, rows) pairs into contiguous key ranges of about `block_rows` rows
    (a key is never split; a key with more rows than that gets a block of its own)."""
    bounds: list[tuple[str, str]] = []
    first, rows = None, 0
    for key, n in counts:
        if first is None:
            first = key
        rows += n
        if rows >= block_rows:
            bounds.append((first, key))
            first, rows = None, 0
    if first is not None:
        bounds.append((first, counts[-1][0]))
    return bounds


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def duckdb_in_blocks(
    connection: Any,
    select_sql: str,
    target: str,
    *,
    blocked: list[str],
    key: str,
    block_rows: int,
    temporary: bool = False,
) -> int:
    """Run `select_sql` (which reads the tables in `blocked` as `_block_<name>`) once per
    contiguous range of `key` and collect the rows in a new table `target`; returns the
    number of blocks. Only for queries in which no row depends on rows of another key: then
    every window and group-by sorts one block at a time, and memory stays bounded (at 12.6 M
    cells the whole sort did not fit under 1.5 GB and spilled gigabytes to disk)."""
    union = " UNION ALL ".join(f"SELECT {key} AS k FROM {name}" for name in blocked)
    counts = connection.execute(
        f"SELECT k, count(*) FROM ({union}) WHERE k IS NOT NULL GROUP BY k ORDER BY k"
    ).fetchall()
    bounds = block_bounds([(str(k), int(n)) for k, n in counts], block_rows) or [("", "")]
    for i, (low, high) in enumerate(bounds):
        where = "TRUE" if len(bounds) == 1 else f"{key} BETWEEN {_quote(low)} AND {_quote(high)}"
        for name in blocked:
            connection.execute(
                f"CREATE OR REPLACE TEMP VIEW {BLOCK_PREFIX}{name} AS "
                f"SELECT * FROM {name} WHERE {where}"
            )
        create = "CREATE TEMP TABLE" if temporary else "CREATE TABLE"
        verb = f"{create} {target} AS" if i == 0 else f"INSERT INTO {target}"
        connection.execute(f"{verb} {select_sql}")
    for name in blocked:
        connection.execute(f"DROP VIEW IF EXISTS {BLOCK_PREFIX}{name}")
    return len(bounds)
