"""The export formats of the API's tables: JSON (default), CSV and Parquet."""

from __future__ import annotations

import csv
import io
import re
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.responses import Response

from lloradar.features.indicators.export import csv_to_parquet, rows_to_parquet

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
