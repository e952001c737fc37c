"""Property-based run of the OpenAPI document: no generated request gives a server error.

Every operation of the document gets EXAMPLES generated requests (10 by default: about 520
requests, 17 s; 25 took 42 s of every `make test`). LLORADAR_FUZZ_EXAMPLES=200 runs a deeper
search by hand."""

from __future__ import annotations

import os
import warnings

import schemathesis
from hypothesis import HealthCheck, given, settings

from lloradar.features.indicators.radar import RadarData

EXAMPLES = int(os.environ.get("LLORADAR_FUZZ_EXAMPLES") or 10)


def test_no_generated_request_gives_a_server_error(radar: RadarData) -> None:
    from lloradar.server import create_app

    schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app(radar))
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def no_server_error(case: schemathesis.Case) -> None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                response = case.call(timeout=300)  # the first extraction loads the model
            assert response.status_code < 500, f"{case.method} {case.path}: {response.text}"

        no_server_error()
        checked.append(operation.path)
    assert "/api/indicators" in checked
