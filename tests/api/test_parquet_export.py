"""Every table export answers ?format=parquet with the rows and columns of the CSV."""

from __future__ import annotations

import csv
import io
import warnings

import pyarrow.parquet as pq
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EXPORTS = [
    ("/api/occupations", {}),
    ("/api/indicators", {"region": "AM05", "period_from": "2024-01"}),
    ("/api/forecast/regions/AM05", {}),
    ("/api/forecast/scenarios/aow-68/diff", {}),
    ("/api/interventions/portfolio", {"region": "AM05", "as_of": "2026-06-30"}),
    ("/api/interventions/demo-twente-zorg/progress", {"as_of": "2026-06-30"}),
]


@pytest.mark.parametrize(("path", "params"), EXPORTS)
def test_parquet_matches_csv(client: TestClient, path: str, params: dict[str, str]) -> None:
    r = client.get(path, params={**params, "format": "parquet"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/vnd.apache.parquet"
    assert r.headers["content-disposition"].endswith('.parquet"')
    table = pq.read_table(io.BytesIO(r.content))
    rows = list(
        csv.DictReader(io.StringIO(client.get(path, params={**params, "format": "csv"}).text))
    )
    assert rows, "the CSV export should not be empty"
    assert table.column_names == list(rows[0])
    assert table.num_rows == len(rows)


def test_parquet_keeps_types(client: TestClient) -> None:
    r = client.get("/api/indicators", params={"region": "AM05", "format": "parquet"})
    table = pq.read_table(io.BytesIO(r.content))
    assert str(table.schema.field("open_vacancies").type) == "int64"
    assert table.column("region").to_pylist()[0] == "AM05"


def test_unknown_format_is_422(client: TestClient) -> None:
    r = client.get("/api/occupations", params={"format": "xlsx"})
    assert r.status_code == 422
    assert "query.format" in r.json()["detail"]
