"""Two ASGI middlewares the server wraps around everything (issue 18, OWASP ASVS L1):

- `BodyLimit`: a request body over the limit (1 MB, 6 MB on the upload routes; settings
  `max_body` and `max_upload_body`) is answered 413 before any route, form parser or login
  check sees it: by its Content-Length, and by counting the bytes of a body sent without one
  (chunked). A body within the limit is read here and replayed to the app.
- `SecurityHeaders`: CSP, frame-ancestors and X-Frame-Options, nosniff, Referrer-Policy, and
  HSTS when the request came over TLS (or through a proxy trusted to say so).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MB = 1024 * 1024
# The routes that take a file (a CV of at most 5 MB, a passport export): 6 MB.
UPLOAD_PATHS = frozenset(
    {"/api/passport/suggestions/file", "/paspoort/cv-bestand", "/paspoort/import"}
)

# The pages load their scripts from /static only, and no script evaluates strings: app.js asks
# vega-embed for Vega's expression interpreter (`ast: true`) instead of `new Function`, so no
# 'unsafe-eval'. Leaflet, Vega and htmx set style attributes ('unsafe-inline'
# for styles only); the map and Vega draw data: images; ReDoc runs its search in a blob: worker.
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class BodyTooLarge(Exception):
    pass


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value)
    return None


class BodyLimit:
    """413 for a request body over `limit` bytes (`upload_limit` on `upload_paths`)."""

    def __init__(
        self,
        app: ASGIApp,
        limit: int = 1 * MB,
        upload_limit: int = 6 * MB,
        upload_paths: Iterable[str] = UPLOAD_PATHS,
    ) -> None:
        self.app = app
        self.limit = limit
        self.upload_limit = upload_limit
        self.upload_paths = frozenset(upload_paths)

    def limit_for(self, path: str) -> int:
        return self.upload_limit if path.rstrip("/") in self.upload_paths else self.limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        chunked = _header(scope, b"transfer-encoding") is not None
        if length is None and not chunked:
            await self.app(scope, receive, send)  # no body
            return
        limit = self.limit_for(scope["path"])
        try:
            declared = int(length) if length is not None else 0
        except ValueError:
            declared = limit + 1
        if declared > limit:
            await too_large(scope, send, limit)
            return
        try:
            body = await _read_body(receive, limit)
        except BodyTooLarge:
            await too_large(scope, send, limit)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _read_body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise BodyTooLarge  # nobody left to answer; stop here as well
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def too_large(scope: Scope, send: Send, limit: int) -> None:
    """A problem (RFC 9457) for the API, a short page in both languages otherwise."""
    megabytes = f"{limit // MB} MB" if limit % MB == 0 else f"{limit} bytes"
    if scope["path"].startswith("/api/"):
        body = json.dumps(
            {
                "type": "about:blank",
                "title": "Request too large",
                "status": 413,
                "detail": f"The request body is larger than {megabytes}.",
                "instance": scope["path"],
            }
        ).encode()
        media = b"application/problem+json"
    else:
        body = (
            '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
            "<title>Te groot · Too large</title></head><body><main>"
            f"<h1>Te groot</h1><p>Het verzoek is groter dan {megabytes}.</p>"
            f'<p lang="en">The request is larger than {megabytes}.</p>'
            '<p><a href="/">LLO Radar</a></p></main></body></html>'
        ).encode()
        media = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", media),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds `HEADERS` to every HTTP response (a header the app set itself is kept), and HSTS
    when the scheme is https, or the `X-Forwarded-Proto` of a trusted proxy says https."""

    def __init__(self, app: ASGIApp, trust_forwarded_proto: bool = False) -> None:
        self.app = app
        self.trust_forwarded_proto = trust_forwarded_proto

    def is_tls(self, scope: Scope) -> bool:
        if scope.get("scheme") == "https":
            return True
        if self.trust_forwarded_proto:
            proto = _header(scope, b"x-forwarded-proto") or b""
            return proto.split(b",")[0].strip().lower() == b"https"
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = [*HEADERS, HSTS] if self.is_tls(scope) else HEADERS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {bytes(k).lower() for k, _ in headers}
                headers += [(k, v) for k, v in extra if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
