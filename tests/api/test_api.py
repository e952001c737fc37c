"""The REST API: listings, filters, pagination, CSV export and problem details."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient


def test_regions_lists_the_35_labour_market_regions(client: TestClient) -> None:
    body = client.get("/api/regions").json()
    assert len(body) == 35
    assert {"code": "AM05", "name": "Twente"}.items() <= next(
        r for r in body if r["code"] == "AM05"
    ).items()


def test_unknown_region_is_a_problem_with_suggestions(client: TestClient) -> None:
    response = client.get("/api/regions/twnte")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Unknown region"
    assert "AM05" in body["suggestions"]


def test_indicators_filter_by_region_and_period_with_pagination(client: TestClient) -> None:
    body = client.get(
        "/api/indicators",
        params={"region": "AM05", "period_from": "2025-01", "period_to": "2025-12", "limit": 5},
    ).json()
    assert body["total"] == 12
    assert len(body["items"]) == 5
    assert {i["period"] for i in body["items"]} == {f"2025-0{m}" for m in range(1, 6)}
    assert all(i["region"] == "AM05" and i["is_demo"] for i in body["items"])


def test_indicator_ratio_is_vacancies_over_short_term_job_seekers(client: TestClient) -> None:
    item = client.get("/api/indicators", params={"region": "AM05", "limit": 1}).json()["items"][0]
    assert item["ratio"] == round(item["open_vacancies"] / item["job_seekers_short"], 3)


def test_suppressed_job_seekers_have_no_ratio(client: TestClient) -> None:
    occupations = client.get("/api/occupations", params={"limit": 100}).json()["items"]
    for occupation in occupations:
        rows = client.get(
            "/api/indicators", params={"occupation": occupation["slug"], "limit": 1000}
        ).json()["items"]
        for row in rows:
            if row["job_seekers_short"] is None:
                assert row["ratio"] is None and row["tension_class"] is None
            else:
                assert row["job_seekers_short"] >= 10


def test_indicators_export_as_csv(client: TestClient) -> None:
    response = client.get("/api/indicators", params={"region": "AM05", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 60
    assert rows[0]["region_name"] == "Twente"


def test_malformed_period_is_422_naming_the_field(client: TestClient) -> None:
    response = client.get("/api/indicators", params={"period_from": "2024-13"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "query.period_from"


def test_question_is_answered_with_figure_class_and_source(client: TestClient) -> None:
    body = client.get(
        "/api/question", params={"q": "hoe krap is de markt voor verpleegkundigen in Twente?"}
    ).json()
    assert body["answered"] is True
    assert "Twente" in body["text"] and body["figure"] in body["text"]
    assert body["tension"] in {"zeer ruim", "ruim", "gemiddeld", "krap", "zeer krap"}
    assert body["sources"]


def test_question_about_wages_is_refused_without_a_number(client: TestClient) -> None:
    body = client.get("/api/question", params={"q": "wat is het salaris van piloten?"}).json()
    assert body["answered"] is False
    assert body["figure"] is None
    assert not any(ch.isdigit() for ch in body["text"])


def test_openapi_document_lists_the_routes(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/regions", "/api/indicators", "/api/occupations", "/api/question"} <= set(paths)
