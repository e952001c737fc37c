"""Issue 18, finding 5: every response carries a CSP, frame-ancestors and X-Frame-Options,
nosniff and Referrer-Policy; HSTS only over TLS (or a trusted proxy's X-Forwarded-Proto)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("path", ["/", "/api/regions", "/static/app.js", "/api/docs", "/nope"])
def test_security_headers_on_every_kind_of_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    script_src = csp.split("script-src")[1].split(";")[0]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "object-src 'none'" in csp
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert "strict-transport-security" not in headers  # plain http


def test_hsts_over_tls_only(radar: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from lloradar.server import create_app

    with TestClient(create_app(radar), base_url="https://testserver") as tls:
        assert "max-age=" in tls.get("/api/regions").headers["strict-transport-security"]
    with TestClient(create_app(radar)) as plain:
        forwarded = plain.get("/api/regions", headers={"x-forwarded-proto": "https"})
        assert "strict-transport-security" not in forwarded.headers  # proxy not trusted
    monkeypatch.setenv("LLORADAR_TRUST_FORWARDED_PROTO", "true")
    with TestClient(create_app(radar)) as proxied:
        forwarded = proxied.get("/api/regions", headers={"x-forwarded-proto": "https"})
        assert "strict-transport-security" in forwarded.headers
