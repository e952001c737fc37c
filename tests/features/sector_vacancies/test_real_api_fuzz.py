"""The real-data routes (sector vacancies, programmes) on a store after `ingest shared`: no
generated request gives a server error."""

from __future__ import annotations

import warnings

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings


def test_no_generated_request_gives_a_server_error(real_client: TestClient) -> None:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", real_client.app)
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if not operation.path.startswith(("/api/sectors", "/api/programmes")):
            continue

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def no_server_error(case: schemathesis.Case) -> None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                response = case.call()
            assert response.status_code < 500, f"{case.method} {case.path}: {response.text}"

        no_server_error()
        checked.append(operation.path)
    assert sorted(checked) == [
        "/api/programmes",
        "/api/programmes/{code}",
        "/api/programmes/{code}/pipeline",
        "/api/sectors/{sbi}/sick-leave",
        "/api/sectors/{sbi}/vacancies",
    ]
