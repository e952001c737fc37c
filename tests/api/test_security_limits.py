"""Issue 18, finding 2: a request body over the limit is refused (413) before any parsing or
login check: by its Content-Length, and by counting a body sent without one (chunked)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator, MutableMapping
from typing import Any

from fastapi.testclient import TestClient

from lloradar.web.security import MB, BodyLimit


def test_an_oversized_upload_is_413_before_the_login_check(client: TestClient) -> None:
    # Without the limit: 401 (the login check) after the multipart body was parsed.
    big = b"%PDF-1.4\n" + b"x" * (6 * MB + 10)
    response = client.post(
        "/api/passport/suggestions/file", files={"file": ("cv.pdf", big, "application/pdf")}
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 413
    assert "6 MB" in response.json()["detail"]


def test_an_upload_route_allows_6_mb_the_others_1_mb(client: TestClient) -> None:
    body = b"x" * (2 * MB)
    upload = client.post(
        "/api/passport/suggestions/file", files={"file": ("cv.pdf", body, "application/pdf")}
    )
    assert upload.status_code == 401  # within 6 MB: on to the login check
    other = client.post("/api/skills/extract", json={"text": "a" * (2 * MB), "lang": "nl"})
    assert other.status_code == 413  # without the limit: parsed, then 422 or 409
    assert other.json()["title"] == "Request too large"


def test_a_page_gets_a_413_page(client: TestClient) -> None:
    response = client.post("/inloggen", data={"email": "a@b.nl", "password": "p" * (2 * MB)})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert "Te groot" in response.text


def test_a_chunked_body_without_content_length_is_counted(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(3):
            yield b"{" + b" " * (MB // 2)

    response = client.post(
        "/api/skills/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413


def _run(
    middleware: BodyLimit, headers: list[tuple[bytes, bytes]], parts: list[bytes]
) -> list[MutableMapping[str, Any]]:
    messages = [
        {"type": "http.request", "body": p, "more_body": i < len(parts) - 1}
        for i, p in enumerate(parts)
    ]
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/x", "headers": headers}
    # A thread of its own: a browser test before this one (Playwright's sync API) may have
    # left an event loop running in this thread, and asyncio.run refuses to nest.
    runner = threading.Thread(target=lambda: asyncio.run(middleware(scope, receive, send)))
    runner.start()
    runner.join(timeout=30)
    return sent


def test_the_app_never_sees_a_streamed_body_over_the_limit() -> None:
    seen: list[bytes] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        message = await receive()
        seen.append(message["body"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    limited = BodyLimit(app, limit=100, upload_limit=1000)
    sent = _run(limited, [(b"transfer-encoding", b"chunked")], [b"a" * 60, b"b" * 60])
    assert sent[0]["status"] == 413 and seen == []
    sent = _run(limited, [(b"content-length", b"101")], [b"a" * 101])
    assert sent[0]["status"] == 413 and seen == []
    sent = _run(limited, [(b"transfer-encoding", b"chunked")], [b"a" * 50, b"b" * 50])
    assert sent[0]["status"] == 200 and seen == [b"a" * 50 + b"b" * 50]  # replayed whole


def test_the_limits_come_from_the_settings(monkeypatch: Any, radar: Any) -> None:
    from lloradar.server import create_app

    monkeypatch.setenv("LLORADAR_MAX_BODY", "1000")
    with TestClient(create_app(radar)) as small:
        response = small.post("/api/skills/extract", json={"text": "a" * 2000, "lang": "nl"})
    assert response.status_code == 413
    assert "1000 bytes" in response.json()["detail"]
