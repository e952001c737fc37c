"""No plain-text 500 anywhere (issue 22): an unexpected error is a JSON problem on the API and a
page in the reader's language elsewhere, with a request id that is in the log; a busy store is a
503 with Retry-After."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pytest

from lloradar.domain.errors import StoreUnavailable
from lloradar.features.indicators.radar import load_radar_data
from lloradar.server import create_app
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette nudges towards httpx2; the client is the same
    from fastapi.testclient import TestClient


def app_that_fails(tmp_path: Path, error: Exception) -> TestClient:
    with open_store(str(tmp_path / "empty.duckdb")) as store:
        data = load_radar_data(store)
    app = create_app(data)

    @app.get("/api/boom")
    def api_boom() -> None:
        raise error

    @app.get("/boom")
    def page_boom() -> None:
        raise error

    return TestClient(app, raise_server_exceptions=False)


def test_an_unexpected_error_is_a_problem_or_a_page_with_a_request_id(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    client = app_that_fails(tmp_path, RuntimeError("kapot"))
    with caplog.at_level(logging.ERROR, logger="lloradar.server"):
        api = client.get("/api/boom")
        page = client.get("/boom", params={"lang": "en"})
    assert api.status_code == 500
    assert api.headers["content-type"].startswith("application/problem+json")
    request_id = api.json()["request_id"]
    assert request_id in caplog.text and "kapot" in caplog.text  # the log has the cause
    assert "kapot" not in api.text  # the answer does not
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "Something went wrong" in page.text and 'data-testid="request-id"' in page.text


def test_a_busy_store_is_503_with_retry_after(tmp_path: Path) -> None:
    client = app_that_fails(tmp_path, StoreUnavailable("lloradar.duckdb", "is locked"))
    api = client.get("/api/boom")
    page = client.get("/boom")
    assert api.status_code == 503 and api.headers["retry-after"].isdigit()
    assert api.json()["title"] and "request_id" in api.json()
    assert page.status_code == 503 and "even bezig" in page.text
