"""The operations edge of the server: `/healthz`, `/readyz`, `/metrics`, and the request
middleware that gives every request an id, logs it as one JSON line, times it for Prometheus
and answers repeated anonymous GETs from a short-lived page cache."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lloradar.config import Settings, get_settings
from lloradar.features.ops.logs import REQUEST_ID
from lloradar.features.ops.service import (
    CACHE,
    REQUESTS,
    metrics_payload,
    readiness,
    record_pool_use,
)
from lloradar.store import close_pools

log = logging.getLogger("lloradar.server")
router = APIRouter(include_in_schema=False)
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# Cookies that make a request personal (a session, plain or __Host-): never cached.
_SESSION_COOKIE = b"lloradar_session"
_NOT_CACHED = ("/healthz", "/readyz", "/metrics", "/static/", "/api/auth/", "/feeds/")
CACHE_ENTRIES = 512
CACHE_BODY_LIMIT = 4 * 1024 * 1024


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """Liveness: the process answers (it does not touch the store)."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request) -> JSONResponse:
    """Readiness: the store answers and has the schema this code needs; 503 otherwise."""
    url = getattr(request.app.state, "store_url", None) or get_settings().store
    state = readiness(url)
    body = {
        "status": "ready" if state.ready else "not ready",
        "store": state.store,
        "schema_version": state.schema_version,
        "needed_version": state.needed_version,
    }
    if state.detail:
        body["detail"] = state.detail
    return JSONResponse(body, status_code=200 if state.ready else 503)


@router.get("/metrics")
def metrics() -> Response:
    """Prometheus metrics of every worker: request latency, pool use, page cache."""
    payload, content_type = metrics_payload(get_settings())
    return Response(payload, media_type=content_type)


def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers", [])}


class PageCache:
    """Anonymous GET answers for `seconds`, at most `CACHE_ENTRIES` (least recently used go).
    The key is the path, the query string and every header a page may depend on (cookies, the
    languages accepted, htmx's partial requests); a request with a session cookie or an
    Authorization header never reads or fills it, and an answer that sets a cookie, is not a 200
    or says no-store or private is never kept."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.entries: OrderedDict[tuple[Any, ...], tuple[float, list[Message]]] = OrderedDict()

    def key(self, scope: Scope) -> tuple[Any, ...] | None:
        if scope["method"] != "GET" or scope["path"].startswith(_NOT_CACHED):
            return None
        headers = _headers(scope)
        cookie = headers.get(b"cookie", b"")
        if b"authorization" in headers or _SESSION_COOKIE in cookie:
            return None
        vary = tuple(headers.get(h, b"") for h in (b"accept", b"accept-language", b"hx-request"))
        return (scope["path"], scope.get("query_string", b""), cookie, vary)

    def get(self, key: tuple[Any, ...]) -> list[Message] | None:
        found = self.entries.get(key)
        if found is None or found[0] < time.monotonic():
            return None
        self.entries.move_to_end(key)
        return found[1]

    def put(self, key: tuple[Any, ...], messages: list[Message]) -> None:
        start = messages[0]
        names = {k.lower() for k, _ in start.get("headers", [])}
        control = b"".join(v for k, v in start.get("headers", []) if k.lower() == b"cache-control")
        if start["status"] != 200 or b"set-cookie" in names:
            return
        if b"no-store" in control or b"private" in control:
            return
        self.entries[key] = (time.monotonic() + self.seconds, messages)
        self.entries.move_to_end(key)
        while len(self.entries) > CACHE_ENTRIES:
            self.entries.popitem(last=False)


class RequestObserver:
    """Pure ASGI (no BaseHTTPMiddleware: it would cost a task per request). Outermost of ours."""

    def __init__(self, app: ASGIApp, cache_seconds: float = 0.0) -> None:
        self.app = app
        self.cache = PageCache(cache_seconds) if cache_seconds > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = _headers(scope).get(b"x-request-id", b"").decode("latin-1")
        request_id = sent if _SAFE_ID.fullmatch(sent) else uuid.uuid4().hex[:12]
        scope.setdefault("state", {})["request_id"] = request_id
        token = REQUEST_ID.set(request_id)
        start = time.perf_counter()
        status = 500
        key = self.cache.key(scope) if self.cache else None
        kept: list[Message] | None = [] if key is not None else None
        id_header = (b"x-request-id", request_id.encode())

        size = 0

        async def answer(message: Message) -> None:
            nonlocal status, kept, size
            if kept is not None:  # as the app sent it: a hit gets its own request id
                kept.append(message)
                size += len(message.get("body", b""))
                if size > CACHE_BODY_LIMIT:
                    kept = None
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", []), id_header]}
            await send(message)

        try:
            cached = self.cache.get(key) if self.cache and key is not None else None
            if cached is not None:
                CACHE.labels("hit").inc()
                kept = None
                for message in cached:
                    await answer(message)
            else:
                await self.app(scope, receive, answer)
                if self.cache is not None and key is not None and kept:
                    self.cache.put(key, kept)
                    CACHE.labels("miss").inc()
                elif self.cache is not None:
                    CACHE.labels("bypass").inc()
        finally:
            elapsed = time.perf_counter() - start
            route = getattr(scope.get("route"), "path", None) or (
                "/static" if scope["path"].startswith("/static/") else "<unmatched>"
            )
            REQUESTS.labels(scope["method"], route, f"{status // 100}xx").observe(elapsed)
            record_pool_use()
            log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],  # never the query: it may hold what a person typed
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 1),
                    "request_id": request_id,
                },
            )
            REQUEST_ID.reset(token)


def install(app: FastAPI, settings: Settings) -> None:
    """Add the health, readiness and metrics routes, the request middleware (outermost) and the
    closing of this worker's pools at shutdown to `app`."""
    app.include_router(router)
    app.add_middleware(RequestObserver, cache_seconds=settings.page_cache_seconds)
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app_: Any) -> AsyncIterator[Any]:
        async with inner(app_) as state:
            yield state
        await asyncio.to_thread(close_pools)

    app.router.lifespan_context = lifespan
