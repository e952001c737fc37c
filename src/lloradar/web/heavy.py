"""Limits on the heavy routes (issue 18, finding 3): skill extraction, CV reading and PDF
factsheets take a CPU for up to seconds, so one client must not take them all.

The heavy handlers are plain `def` routes (FastAPI runs them in its threadpool, so the event loop
keeps serving everyone else); this ASGI middleware sits in front of them and
- answers 429 (with `Retry-After`) when one client (its IP address) asked for more than
  `per_client` heavy requests in the last `window` seconds;
- lets at most `concurrent` heavy requests run at once in this process; the next ones wait in
  line for up to `queue_wait` seconds and are then answered 503 (with `Retry-After`).
Cheap pages never pass through either limit. The clock is injectable for tests.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

# (method, path pattern): the routes that run skill extraction, read a CV file or draw a PDF.
HEAVY_ROUTES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (method, re.compile(pattern))
    for method, pattern in (
        ("POST", r"/api/skills/extract"),
        ("POST", r"/api/passport/suggestions(/file)?"),
        ("POST", r"/api/employer/vacancy"),
        ("POST", r"/paspoort/cv(-bestand)?"),
        ("POST", r"/werkgever"),
        ("GET", r"/.+\.pdf"),
    )
)
MAX_CLIENTS = 10_000  # the per-client counters kept (least recently seen dropped first)


def is_heavy(method: str, path: str) -> bool:
    path = path.rstrip("/") or "/"
    return any(method == m and pattern.fullmatch(path) for m, pattern in HEAVY_ROUTES)


class HeavyWorkLimit:
    def __init__(
        self,
        app: ASGIApp,
        per_client: int = 30,
        window: float = 60.0,
        concurrent: int = 2,
        queue_wait: float = 20.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.per_client = per_client
        self.window = window
        self.queue_wait = queue_wait
        self.clock = clock
        self.concurrent = concurrent
        self._slots: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None
        self.recent: OrderedDict[str, deque[float]] = OrderedDict()

    def slots(self) -> asyncio.Semaphore:
        """The semaphore of the running event loop (a test client may start a new loop)."""
        loop = asyncio.get_running_loop()
        if self._slots is None or self._slots[0] is not loop:
            self._slots = (loop, asyncio.Semaphore(self.concurrent))
        return self._slots[1]

    def _retry_after(self, client: str) -> int | None:
        """Seconds until `client` may ask again, or None when it may now (and is counted)."""
        now = self.clock()
        times = self.recent.setdefault(client, deque())
        self.recent.move_to_end(client)
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) >= self.per_client:
            return max(1, int(times[0] + self.window - now) + 1)
        times.append(now)
        if len(self.recent) > MAX_CLIENTS:
            self.recent.popitem(last=False)
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_heavy(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        client = scope["client"][0] if scope.get("client") else "unknown"
        retry = self._retry_after(client)
        if retry is not None:
            await refuse(scope, send, 429, retry)
            return
        slots = self.slots()
        try:
            await asyncio.wait_for(slots.acquire(), self.queue_wait)
        except TimeoutError:
            await refuse(scope, send, 503, max(1, round(self.queue_wait)))
            return
        try:
            await self.app(scope, receive, send)
        finally:
            slots.release()


_WORDS = {
    429: ("Te veel verzoeken", "Too many requests", "Probeer het over {s} seconden opnieuw.",
          "Try again in {s} seconds."),
    503: ("Even druk", "Busy", "De server is bezig; probeer het over {s} seconden opnieuw.",
          "The server is busy; try again in {s} seconds."),
}  # fmt: skip


async def refuse(scope: Scope, send: Send, status: int, retry_after: int) -> None:
    """A problem (RFC 9457) for the API, a short page in both languages otherwise."""
    title_nl, title_en, text_nl, text_en = _WORDS[status]
    if scope["path"].startswith("/api/"):
        body = json.dumps(
            {
                "type": "about:blank",
                "title": title_en,
                "status": status,
                "detail": text_en.format(s=retry_after),
                "instance": scope["path"],
            }
        ).encode()
        media = b"application/problem+json"
    else:
        body = (
            '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
            f"<title>{title_nl} · {title_en}</title></head><body><main>"
            f"<h1>{title_nl}</h1><p>{text_nl.format(s=retry_after)}</p>"
            f'<p lang="en">{text_en.format(s=retry_after)}</p>'
            '<p><a href="/">LLO Radar</a></p></main></body></html>'
        ).encode()
        media = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", media),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(retry_after).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
