"""The kernel of the API: where its OpenAPI document and documentation live. The routers live in
the features; `lloradar.server.create_app` composes them with the problem-details handlers.

The documentation pages (Swagger UI at /api/docs, ReDoc at /api/redoc) load their scripts from
the vendored copies under /static/vendor (no CDN, issue 18) and run no inline script, so the
Content-Security-Policy `script-src 'self'` holds for them too. They come into the app through
`OPENAPI["routes"]`, outside the OpenAPI schema."""

from __future__ import annotations

from fastapi.responses import HTMLResponse
from starlette.requests import Request
from starlette.routing import Route

OPENAPI_URL = "/api/openapi.json"

SWAGGER_UI = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>LLO Radar API · Swagger UI</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{OPENAPI_URL}"></div>
<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body>
</html>
"""

REDOC = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>LLO Radar API · ReDoc</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
<redoc spec-url="{OPENAPI_URL}"></redoc>
<script src="/static/vendor/redoc/redoc.standalone.js"></script>
</body>
</html>
"""


async def swagger_ui(request: Request) -> HTMLResponse:
    return HTMLResponse(SWAGGER_UI)


async def redoc(request: Request) -> HTMLResponse:
    return HTMLResponse(REDOC)


DOCS_ROUTES = [
    Route("/api/docs", swagger_ui, methods=["GET"], include_in_schema=False),
    Route("/api/redoc", redoc, methods=["GET"], include_in_schema=False),
]
OPENAPI = {
    "openapi_url": OPENAPI_URL,
    "docs_url": None,
    "redoc_url": None,
    "routes": DOCS_ROUTES,
}
