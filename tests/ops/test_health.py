"""Health, readiness, metrics and request ids of the served app (issue 19)."""

from __future__ import annotations

import json
import logging
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from lloradar.features.indicators.radar import load_radar_data
from lloradar.features.ops.logs import JsonFormatter
from lloradar.server import create_app
from lloradar.store import latest_version, open_store
from lloradar.store.base import migrations

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette nudges towards httpx2; the client is the same
    from fastapi.testclient import TestClient


@pytest.fixture
def store_file(tmp_path: Path, migrated_duckdb_file: Path) -> Path:
    path = tmp_path / "served.duckdb"
    shutil.copy(migrated_duckdb_file, path)
    return path


@pytest.fixture
def client(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("LLORADAR_STORE", str(store_file))
    with open_store(str(store_file)) as store:
        data = load_radar_data(store)
    app = create_app(data)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_healthz_answers_without_the_store(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_ready_on_a_current_schema(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"
    assert response.json()["schema_version"] == latest_version()


def test_readyz_is_not_ready_on_an_older_schema_and_names_both_versions(
    client: TestClient, store_file: Path
) -> None:
    previous = [version for version, _, _ in migrations()][-2]
    with open_store(str(store_file), migrate=False) as store:
        store.migrate_down(to=previous)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["schema_version"] == previous
    assert f"needs version {latest_version()}" in body["detail"]


def test_readyz_is_not_ready_when_the_store_cannot_be_opened(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    client.app.state.store_url = str(tmp_path / "missing-dir" / "x.duckdb")  # type: ignore[attr-defined]
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "not ready"
    assert "x.duckdb" in response.json()["detail"]


def test_a_request_id_is_sent_back_and_kept_in_the_problem(client: TestClient) -> None:
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id\nwith newline"})
    assert made.headers["x-request-id"] != "bad id\nwith newline"
    assert len(made.headers["x-request-id"]) == 12
    failed = client.get("/api/boom", headers={"X-Request-ID": "trace-7"})
    assert failed.status_code == 500
    assert failed.json()["request_id"] == "trace-7"  # the id of the log lines too


def test_each_request_is_one_json_log_line_with_its_id(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="lloradar.server"):
        client.get("/healthz?q=private+words", headers={"X-Request-ID": "req-42"})
    records = [r for r in caplog.records if r.getMessage() == "request"]
    line = json.loads(JsonFormatter().format(records[-1]))
    assert line["request_id"] == "req-42"
    assert line["route"] == "/healthz" and line["status"] == 200
    assert line["path"] == "/healthz"  # the query (what a person typed) is never logged
    assert "private" not in json.dumps(line)
    assert line["duration_ms"] >= 0


def test_metrics_count_requests_by_route_template(client: TestClient) -> None:
    labels = {"method": "GET", "route": "/api/regions/{code}", "status": "4xx"}
    name = "lloradar_http_request_duration_seconds_count"
    before = REGISTRY.get_sample_value(name, labels) or 0
    client.get("/api/regions/XX99")
    client.get("/api/regions/YY98")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert "text/plain" in response.headers["content-type"]
    assert REGISTRY.get_sample_value(name, labels) == before + 2
    assert 'route="/api/regions/{code}"' in response.text
    assert "XX99" not in response.text  # the raw path never becomes a label
    assert "lloradar_page_cache_total" in response.text


def test_readyz_says_busy_soon_while_another_process_writes_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from lloradar.features.ops.service import PROBE_WAIT_SECONDS, readiness

    monkeypatch.syspath_prepend(str(Path(__file__).parents[1] / "store"))
    from test_duckdb_lock_wait import hold_lock

    path = tmp_path / "busy.duckdb"
    holder = hold_lock(path, 30)
    try:
        started = time.monotonic()
        state = readiness(str(path))
        assert time.monotonic() - started < PROBE_WAIT_SECONDS + 5
        assert not state.ready and "lock" in state.detail.lower()
    finally:
        holder.kill()
        holder.communicate(timeout=30)
