"""Issue 18, finding 12 (first half): Swagger UI and ReDoc come from vendored files under
/static, with their licences; no CDN, no inline script (the CSP allows none)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

VENDOR = Path(__file__).resolve().parents[2] / "src/lloradar/web/static/vendor"


@pytest.mark.parametrize("path", ["/api/docs", "/api/redoc"])
def test_the_api_documentation_loads_only_local_files(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/static/") for s in sources), sources
    assert "cdn" not in html.lower() and "https://" not in html
    assert re.findall(r"<script>(.*?)</script>", html, re.S) == []  # no inline script
    for source in sources:
        assert client.get(source).status_code == 200, source


def test_the_vendored_documentation_files_carry_their_licences() -> None:
    assert "Apache License" in (VENDOR / "swagger-ui/LICENSE").read_text()
    assert "MIT License" in (VENDOR / "redoc/LICENSE").read_text()
    versions = (VENDOR / "VERSIONS.txt").read_text()
    assert "swagger-ui-dist 5.35.0" in versions and "redoc 2.5.4" in versions
