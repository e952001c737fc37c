"""The kernel of the API: where its OpenAPI document and documentation live. The routers live in
the features; `lloradar.server.create_app` composes them with the problem-details handlers."""

from __future__ import annotations

OPENAPI = {"openapi_url": "/api/openapi.json", "docs_url": "/api/docs", "redoc_url": None}
