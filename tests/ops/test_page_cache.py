"""The page cache for anonymous visitors (issue 19): repeated anonymous GETs are answered from
it, while a logged-in request, a cookie being set or a no-store answer never touch it."""

from __future__ import annotations

import warnings
from collections.abc import Callable

from prometheus_client import REGISTRY
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from lloradar.features.ops.api import RequestObserver

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def counting_app(seconds: float = 60.0) -> tuple[TestClient, dict[str, int]]:
    calls: dict[str, int] = {}

    def endpoint(answer: Callable[[Request], Response]) -> Callable[[Request], Response]:
        def handle(request: Request) -> Response:
            calls[request.url.path] = calls.get(request.url.path, 0) + 1
            return answer(request)

        return handle

    def who(request: Request) -> Response:
        return PlainTextResponse(f"page for {request.cookies.get('lloradar_session', 'anyone')}")

    def with_cookie(request: Request) -> Response:
        response = PlainTextResponse("form")
        response.set_cookie("csrf", "token")
        return response

    routes = [
        Route("/page", endpoint(who)),
        Route("/form", endpoint(with_cookie)),
        Route("/private", endpoint(lambda r: PlainTextResponse("x", headers={"Cache-Control": "no-store"}))),
        Route("/missing", endpoint(lambda r: PlainTextResponse("no", status_code=404))),
    ]  # fmt: skip
    app = RequestObserver(Starlette(routes=routes), cache_seconds=seconds)
    return TestClient(app), calls


def hits() -> float:
    return REGISTRY.get_sample_value("lloradar_page_cache_total", {"result": "hit"}) or 0


def test_a_repeated_anonymous_page_is_answered_from_the_cache() -> None:
    client, calls = counting_app()
    before = hits()
    first, second = client.get("/page?x=1"), client.get("/page?x=1")
    assert first.text == second.text == "page for anyone"
    assert calls["/page"] == 1
    assert hits() == before + 1
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
    assert len(second.headers.get_list("x-request-id")) == 1  # its own id, not the first's too
    client.get("/page?x=2")  # another query is another page
    client.get("/page?x=1", headers={"Accept-Language": "en"})  # and another language
    assert calls["/page"] == 3


def test_a_logged_in_request_never_reads_or_fills_the_cache() -> None:
    client, calls = counting_app()
    assert client.get("/page").text == "page for anyone"
    client.cookies.set("lloradar_session", "alice")
    assert client.get("/page").text == "page for alice"
    assert client.get("/page").text == "page for alice"
    client.cookies.clear()
    client.cookies.set("__Host-lloradar_session", "bob")
    assert client.get("/page").text == "page for anyone"  # rendered again, not Alice's
    assert client.get("/page", headers={"Authorization": "Bearer t"}).status_code == 200
    assert calls["/page"] == 5


def test_answers_that_set_a_cookie_say_no_store_or_fail_are_not_kept() -> None:
    client, calls = counting_app()
    for path in ("/form", "/private", "/missing"):
        client.get(path)
        client.get(path)
        assert calls[path] == 2, path


def test_entries_expire() -> None:
    client, calls = counting_app(seconds=1e-9)
    client.get("/page")
    client.get("/page")
    assert calls["/page"] == 2
