"""The export formats of the API's tables: JSON (default), CSV and Parquet."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from fastapi import Query
from fastapi.responses import Response

Format = Annotated[
    Literal["json", "csv", "parquet"], Query(description="json (default), csv or parquet")
]
PARQUET = "application/vnd.apache.parquet"


def safe_name(filename: str) -> str:
    """A download name that is plain ASCII whatever a query parameter held."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", filename)


def _name(filename: str) -> str:
    return f"{safe_name(filename).removesuffix('.csv')}.parquet"


def _response(content: bytes, filename: str) -> Response:
    return Response(
        content,
        media_type=PARQUET,
        headers={"Content-Disposition": f'attachment; filename="{_name(filename)}"'},
    )


def parquet_rows(rows: list[dict[str, Any]], filename: str) -> Response:
    return _response(rows_to_parquet(rows), filename)


def parquet_csv(text: str, filename: str) -> Response:
    return _response(csv_to_parquet(text), filename)


def csv_rows(rows: list[dict[str, Any]], filename: str) -> Response:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{safe_name(filename)}"'},
    )


def export_rows(rows: list[dict[str, Any]], format: str, filename: str) -> Any:
    """`rows` as JSON (returned as they are), or a CSV or Parquet download named `filename`."""
    if format == "parquet":
        return parquet_rows(rows, filename)
    if format == "csv":
        return csv_rows(rows, filename)
    return rows


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
