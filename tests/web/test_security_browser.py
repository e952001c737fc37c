"""Issue 18 in chromium: with the security headers on (CSP `script-src 'self'`), the pages
still draw their charts and map without a CSP violation, and the map's tooltip shows a hostile
region name as text (finding 10), never as HTML."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

Page = Any
HOSTILE = '<img src=x onerror="window.__xss=1"></script><script>window.__xss=2</script>'


def _console_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.mark.parametrize(
    ("path", "drawn"),
    [
        ("/", "#map.drawn"),
        ("/regio/AM05", "#series-block .chart.drawn svg"),
        ("/api/docs", ".swagger-ui .info"),
        ("/api/redoc", "h1"),
    ],
)
def test_pages_draw_under_the_csp_without_violations(page: Page, path: str, drawn: str) -> None:
    errors = _console_errors(page)
    response = page.goto(path)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(drawn, timeout=15_000)
    page.wait_for_timeout(300)
    violations = [e for e in errors if "Content Security Policy" in e or "Refused" in e]
    # ReDoc's sidebar always asks cdn.redoc.ly for its logo: the CSP blocks it, as it should.
    assert [v for v in violations if "cdn.redoc.ly/redoc/logo-mini.svg" not in v] == []


def test_the_map_tooltip_shows_a_hostile_name_as_text(page: Page) -> None:
    def hostile_home(route: Any) -> None:
        response = route.fetch()
        html = response.text()
        match = re.search(
            r'(<script type="application/json" id="map-data">)(.*?)(</script>)', html, re.S
        )
        assert match is not None
        data = json.loads(match.group(2))
        data["features"][0]["properties"]["name"] = HOSTILE
        escaped = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e")
        html = html[: match.start(2)] + escaped + html[match.end(2) :]
        route.fulfill(response=response, body=html)

    page.route(re.compile(r".*/(\?.*)?$"), hostile_home)
    page.goto("/?hostile=1")
    page.wait_for_selector("#map.drawn")
    first = page.evaluate(
        "JSON.parse(document.getElementById('map-data').textContent).features[0].properties.code"
    )
    page.locator(f"path.region-{first}").hover(force=True)
    tooltip = page.locator(".leaflet-tooltip")
    tooltip.wait_for()
    assert HOSTILE in tooltip.inner_text()
    assert tooltip.locator("img, script").count() == 0
    assert page.evaluate("window.__xss") is None
