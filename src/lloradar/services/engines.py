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
