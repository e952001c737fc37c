"""The export formats of the API's tables: JSON (default), CSV and Parquet."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.responses import Response

from lloradar.services.web_export import csv_to_parquet, rows_to_parquet

Format = Annotated[
    Literal["json", "csv", "parquet"], Query(description="json (default), csv or parquet")
]
PARQUET = "application/vnd.apache.parquet"


def _name(filename: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", filename).removesuffix(".csv")
    return f"{stem}.parquet"


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
