"""Findings of the privacy review through the edges (pages and API), one test per fix, plus
hostile regression checks of what was found sound: open redirects after login, IDOR on a team
code and a passport id."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute

from accounts_fixtures import PASSWORD, fresh_email, logged_in_client, store_url_of
from lloradar.api.auth import api_account
from lloradar.domain.account import Role
from lloradar.features.accounts.service import register
from lloradar.services.request_store import open_web_store
from lloradar.web.auth import check_csrf

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the form has no csrf field"
    return found.group(1)


def test_registration_page_does_not_echo_a_taken_address_and_stops_a_prober(
    client: TestClient,
) -> None:
    """Issue 18 (finding 8): a taken address gets the same answer as a new one (a redirect to
    the login page), so the page does not tell who has an account; after 5 taken addresses
    the client is refused."""
    taken = fresh_email("citizen")
    with open_web_store(store_url_of(client.app)) as store:
        register(store, taken, PASSWORD, Role.CITIZEN, "")
    # its own client address, so the limit does not reach the other tests' browsers
    prober = TestClient(client.app, client=("203.0.113.7", 40000), follow_redirects=False)
    token = _csrf_of(prober.get("/registreren").text)
    fresh = fresh_email("citizen")
    new = prober.post(
        "/registreren",
        data={"email": fresh, "password": PASSWORD, "role": "citizen", "csrf": token},
    )
    for _ in range(5):
        reply = prober.post(
            "/registreren",
            data={"email": taken, "password": PASSWORD, "role": "citizen", "csrf": token},
        )
        assert (reply.status_code, reply.headers.get("location"), reply.text) == (
            new.status_code,
            new.headers.get("location"),
            new.text,
        )
        assert reply.status_code == 303 and taken not in reply.text
    blocked = prober.post(
        "/registreren",
        data={"email": fresh_email("citizen"), "password": PASSWORD, "csrf": token},
    )
    assert blocked.status_code == 422 and "Te veel mislukte pogingen" in blocked.text


def _docx_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b" " * (60 * 1024 * 1024))
    return out.getvalue()


def test_a_docx_that_unpacks_past_the_limit_is_refused_before_parsing(client: TestClient) -> None:
    me = logged_in_client(client.app, Role.CITIZEN)
    bomb = _docx_bomb()
    assert len(bomb) < 1024 * 1024  # small on the wire
    reply = me.client.post(
        "/api/passport/suggestions/file",
        files={"file": ("cv.docx", bomb, "application/vnd.openxmlformats")},
    )
    assert reply.status_code == 413, reply.text
    assert "cv.docx unpacks to 60 MB; the limit is 50 MB unpacked" in reply.json()["detail"]


def test_deleting_an_employer_account_over_the_api_removes_its_teams_members(
    client: TestClient,
) -> None:
    boss = logged_in_client(client.app, Role.EMPLOYER)
    worker = logged_in_client(client.app, Role.CITIZEN)
    code = boss.client.post("/api/tasks/teams", json={"name": "Ploeg"}).json()["code"]
    joined = worker.client.post(f"/api/tasks/teams/{code}/join", json={"consent": True})
    assert joined.status_code == 200
    assert (
        boss.client.request(
            "DELETE", "/api/me", params={"confirm": "yes"}, json={"password": boss.password}
        ).status_code
        == 204
    )
    with open_web_store(store_url_of(client.app)) as store:
        left = store.query("SELECT count(*) FROM task_team_member WHERE team_code = ?", (code,))
    assert left[0][0] == 0
    # the worker's own account and session are untouched
    assert worker.client.get("/api/me").status_code == 200


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "/\t/evil.example/",
        "/%2F/evil.example/",
        "https:evil.example",
        "javascript:alert(1)",
    ],
)
def test_login_never_redirects_to_another_site(client: TestClient, target: str) -> None:
    email = fresh_email("citizen")
    with open_web_store(store_url_of(client.app)) as store:
        register(store, email, PASSWORD, Role.CITIZEN, "")
    browser = TestClient(client.app)
    token = _csrf_of(browser.get("/inloggen").text)
    done = browser.post(
        "/inloggen",
        data={"email": email, "password": PASSWORD, "csrf": token, "next": target},
        follow_redirects=False,
    )
    location = done.headers["location"]
    # what a browser makes of it: tabs and newlines dropped, backslashes read as slashes
    seen = re.sub(r"[\t\r\n]", "", location).replace("\\", "/")
    assert seen.startswith("/") and not seen.startswith("//"), location


def test_another_employers_team_code_and_another_citizens_passport_are_not_found(
    client: TestClient,
) -> None:
    owner, other = (
        logged_in_client(client.app, Role.EMPLOYER),
        logged_in_client(client.app, Role.EMPLOYER),
    )
    code = owner.client.post("/api/tasks/teams", json={"name": "Eigen"}).json()["code"]
    assert other.client.get(f"/api/tasks/teams/{code}").status_code == 404
    assert other.client.get(f"/taken/team/{code}").status_code == 404
    anna, bob = logged_in_client(client.app), logged_in_client(client.app)
    assert bob.client.get(f"/api/passport/{anna.account.id}").status_code == 404


def test_personal_responses_are_not_stored_by_any_cache(client: TestClient) -> None:
    me = logged_in_client(client.app, Role.CITIZEN)
    for path in ("/api/me", "/api/passport", "/paspoort", "/taken", "/meldingen"):
        reply = me.client.get(path)
        assert reply.status_code == 200, path
        assert reply.headers.get("cache-control") == "no-store", path
    bearer = TestClient(client.app, headers={"Authorization": f"Bearer {me.token}"})
    assert bearer.get("/api/passport").headers.get("cache-control") == "no-store"
    # public pages and static files keep their caching
    anonymous = TestClient(client.app)
    assert "cache-control" not in anonymous.get("/api/regions").headers
    assert me.client.get("/static/app.css").headers.get("cache-control") != "no-store"


def test_logging_in_again_ends_the_session_the_browser_carried(client: TestClient) -> None:
    """Session fixation: a token planted in (or copied from) the browser before a login must
    not stay valid beside the new one."""
    email = fresh_email("citizen")
    with open_web_store(store_url_of(client.app)) as store:
        register(store, email, PASSWORD, Role.CITIZEN, "")
    browser = TestClient(client.app)
    first = browser.post("/api/auth/login", json={"email": email, "password": PASSWORD}).json()
    planted = first["token"]
    second = browser.post("/api/auth/login", json={"email": email, "password": PASSWORD}).json()
    assert second["token"] != planted
    bearer = {"Authorization": f"Bearer {planted}"}
    assert TestClient(client.app).get("/api/me", headers=bearer).status_code == 401
    # the same on the login page
    token = _csrf_of(browser.get("/inloggen").text)
    done = browser.post(
        "/inloggen",
        data={"email": email, "password": PASSWORD, "csrf": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    bearer = {"Authorization": f"Bearer {second['token']}"}
    assert TestClient(client.app).get("/api/me", headers=bearer).status_code == 401
    assert browser.get("/api/me").status_code == 200  # the newest session works


# Unsafe routes that change nothing of anyone's and read no personal data (public analyses), and
# the login itself (the page's login form does carry the double-submit token).
PUBLIC_UNSAFE = {"/api/skills/extract", "/api/navigator", "/vraag", "/api/auth/login"}


def _routes(routes: list[Any]) -> Iterator[Any]:
    for route in routes:
        inner = getattr(route, "original_router", None)
        yield from _routes(inner.routes) if inner is not None else [route]


def _calls(dependant: Any) -> set[Any]:
    found, stack = set(), [dependant]
    while stack:
        current = stack.pop()
        found.add(current.call)
        stack.extend(current.dependencies)
    return found


def test_every_state_changing_route_checks_csrf_or_the_api_session(client: TestClient) -> None:
    """Pages: the `CsrfForm` check; API: `api_account`, which demands X-CSRF-Token for a
    cookie (a bearer token cannot be sent by another site)."""
    unchecked, seen = [], 0
    for route in _routes(client.app.routes):
        if not isinstance(route, APIRoute) or not route.methods & {
            "POST",
            "PUT",
            "PATCH",
            "DELETE",
        }:
            continue
        seen += 1
        calls = _calls(route.dependant)
        if route.path not in PUBLIC_UNSAFE and not calls & {check_csrf, api_account}:
            unchecked.append(f"{sorted(route.methods)} {route.path}")
    assert seen > 40 and unchecked == []
