"""Issue 18, finding 3: the heavy routes (skill extraction, CV files, PDFs) run in the threadpool,
not on the event loop, and one client cannot take them all (429), nor can everyone at once
queue without end (503)."""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Iterator
from typing import Any

import httpx
from fastapi.routing import APIRoute

from lloradar.web.heavy import HeavyWorkLimit, is_heavy


def test_the_heavy_routes_are_known() -> None:
    assert is_heavy("POST", "/api/skills/extract")
    assert is_heavy("POST", "/api/passport/suggestions/file")
    assert is_heavy("POST", "/paspoort/cv-bestand")
    assert is_heavy("POST", "/werkgever")
    assert is_heavy("GET", "/regio/AM05/factsheet.pdf")
    assert not is_heavy("GET", "/werkgever")
    assert not is_heavy("GET", "/regio/AM05")
    assert not is_heavy("POST", "/api/skills/extract-later")


def test_no_heavy_handler_runs_on_the_event_loop() -> None:
    from lloradar.features.indicators.radar import RadarData
    from lloradar.server import create_app

    radar = RadarData(regions=[], occupations=[], periods=[], geometry={}, sources=[], skills={})
    heavy = [
        route
        for route in _routes(create_app(radar).routes)
        if isinstance(route, APIRoute)
        and any(is_heavy(method, route.path.replace("{code}", "x")) for method in route.methods)
    ]
    assert len(heavy) >= 8  # extraction, CV text and file (page and API), employer, PDFs
    on_the_loop = [r.path for r in heavy if inspect.iscoroutinefunction(r.endpoint)]
    assert on_the_loop == []


def _routes(routes: list[Any]) -> Iterator[Any]:
    for route in routes:
        inner = getattr(route, "original_router", None)  # FastAPI's lazily included routers
        yield from _routes(inner.routes) if inner is not None else [route]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _serve(limited: HeavyWorkLimit, work: Any) -> list[httpx.Response]:
    """Run `work(client)` against `limited` in a thread of its own (a browser test may have left
    an event loop running in this one)."""
    answers: list[httpx.Response] = []

    async def main() -> None:
        transport = httpx.ASGITransport(app=limited, client=("192.0.2.7", 1234))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            answers.extend(await work(client))

    runner = threading.Thread(target=lambda: asyncio.run(main()))
    runner.start()
    runner.join(timeout=30)
    return answers


async def _ok(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def test_one_client_gets_429_over_its_share_and_again_after_the_window() -> None:
    clock = Clock()
    limited = HeavyWorkLimit(_ok, per_client=3, window=60, clock=clock)

    async def four(client: httpx.AsyncClient) -> list[httpx.Response]:
        return [await client.post("/api/skills/extract") for _ in range(4)]

    answers = _serve(limited, four)
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[3].headers["content-type"] == "application/problem+json"
    assert answers[3].json()["title"] == "Too many requests"
    assert 1 <= int(answers[3].headers["retry-after"]) <= 61

    async def pages(client: httpx.AsyncClient) -> list[httpx.Response]:
        return [await client.get("/regio/AM05"), await client.post("/paspoort/cv")]

    cheap, page = _serve(limited, pages)
    assert cheap.status_code == 200  # cheap pages are never counted
    assert page.status_code == 429 and "Te veel verzoeken" in page.text
    clock.now += 61
    assert [a.status_code for a in _serve(limited, four)] == [200, 200, 200, 429]


def test_a_full_worker_answers_503_after_the_queue_wait() -> None:
    release = threading.Event()

    async def slow(scope: Any, receive: Any, send: Any) -> None:
        while not release.is_set():
            await asyncio.sleep(0.01)
        await _ok(scope, receive, send)

    limited = HeavyWorkLimit(slow, per_client=100, concurrent=1, queue_wait=0.2)

    async def two_at_once(client: httpx.AsyncClient) -> list[httpx.Response]:
        first = asyncio.create_task(client.get("/regio/AM05/factsheet.pdf"))
        await asyncio.sleep(0.05)
        second = await client.get("/sector/F/factsheet.pdf")
        release.set()
        return [await first, second]

    first, second = _serve(limited, two_at_once)
    assert first.status_code == 200
    assert second.status_code == 503 and "Even druk" in second.text
    assert second.headers["retry-after"] == "1"
