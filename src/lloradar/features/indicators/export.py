"""Table exports as Apache Parquet, for the API's `?format=parquet`: the same rows and columns as
the CSV download, typed."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq


def _bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def rows_to_parquet(rows: Sequence[dict[str, Any]]) -> bytes:
    """Rows of one shape (the first row's keys are the columns) as a Parquet file."""
    if not rows:
        return _bytes(pa.table({}))
    columns = list(rows[0])
    return _bytes(pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows]))


def csv_to_parquet(text: str) -> bytes:
    """A CSV export (header first) as a Parquet file with the types pyarrow infers."""
    if not text.strip():
        return _bytes(pa.table({}))
    return _bytes(pa_csv.read_csv(io.BytesIO(text.encode("utf-8"))))
