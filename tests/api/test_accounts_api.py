"""Accounts over the API and the pages: login, sessions, CSRF, rate limit, roles."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from fastapi import APIRouter, Depends
from fastapi.testclient import TestClient

from accounts_fixtures import (  # account_client: the fixture
    PASSWORD,
    LoggedIn,
    account_client,  # noqa: F401
    fresh_email,
    logged_in_client,
    store_url_of,
)
from lloradar.domain.account import Account, Role
from lloradar.features.accounts.service import register, token_hash
from lloradar.services.request_store import open_web_store


def _csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the form has no csrf field"
    return found.group(1)


def test_me_needs_a_login_and_names_the_account(client: TestClient) -> None:
    anonymous = TestClient(client.app)
    reply = anonymous.get("/api/me")
    assert reply.status_code == 401
    assert reply.headers["content-type"].startswith("application/problem+json")
    assert reply.json()["title"] == "Not logged in"
    me = logged_in_client(client.app, "employer")
    body = me.client.get("/api/me").json()
    assert body["account"]["email"] == me.account.email
    assert body["account"]["role"] == "employer"
    assert body["consent"] == {
        "passport": False,
        "navigator": False,
        "alerts": False,
        "tasks": False,
    }


def test_bearer_token_works_without_cookie_or_csrf(client: TestClient) -> None:
    me = logged_in_client(client.app)
    bare = TestClient(client.app)
    headers = {"Authorization": f"Bearer {me.token}"}
    assert bare.get("/api/me", headers=headers).json()["account"]["id"] == me.account.id
    assert bare.post("/api/auth/logout", headers=headers).status_code == 204
    assert bare.get("/api/me", headers=headers).status_code == 401


def test_cookie_post_without_csrf_header_is_403(client: TestClient) -> None:
    me = logged_in_client(client.app)
    del me.client.headers["X-CSRF-Token"]
    reply = me.client.post("/api/auth/logout")
    assert reply.status_code == 403
    assert "X-CSRF-Token" in reply.json()["detail"]
    assert me.client.get("/api/me").status_code == 200  # still logged in


def test_sixth_wrong_password_is_429_and_right_one_waits_too(client: TestClient) -> None:
    email = fresh_email("citizen")
    with open_web_store(store_url_of(client.app)) as store:
        register(store, email, PASSWORD, Role.CITIZEN, "")
    fresh = TestClient(client.app)
    codes = [
        fresh.post("/api/auth/login", json={"email": email, "password": "wrong!"}).status_code
        for _ in range(5)
    ]
    assert codes == [401] * 5
    blocked = fresh.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Te veel mislukte pogingen" in blocked.json()["detail"]
    assert blocked.json()["retry_after"] > 0


def test_expired_session_is_401_for_the_api_and_a_login_redirect_for_pages(
    client: TestClient,
) -> None:
    me = logged_in_client(client.app)
    with open_web_store(store_url_of(client.app)) as store:
        store.execute(
            "UPDATE account_session SET expires_at = ? WHERE token_hash = ?",
            (datetime(2000, 1, 1), token_hash(me.token)),
        )
    reply = me.client.get("/api/me")
    assert reply.status_code == 401
    assert reply.json()["title"] == "Session expired"
    login_page = me.client.get("/inloggen?next=/paspoort&verlopen=1")
    assert "Uw sessie is verlopen" in login_page.text


def test_page_login_needs_the_form_token_and_sets_an_httponly_lax_cookie(
    client: TestClient,
) -> None:
    email = fresh_email("citizen")
    with open_web_store(store_url_of(client.app)) as store:
        register(store, email, PASSWORD, Role.CITIZEN, "")
    browser = TestClient(client.app)
    form = browser.get("/inloggen")
    token = _csrf_of(form.text)
    no_token = browser.post(
        "/inloggen", data={"email": email, "password": PASSWORD}, follow_redirects=False
    )
    assert no_token.status_code == 403
    assert "CSRF" in no_token.text
    done = browser.post(
        "/inloggen",
        data={"email": email, "password": PASSWORD, "csrf": token, "next": "https://evil.example/"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/paspoort"  # never to another site
    cookie = done.headers["set-cookie"]
    assert "lloradar_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_registration_page_offers_only_citizen_and_employer(client: TestClient) -> None:
    browser = TestClient(client.app)
    token = _csrf_of(browser.get("/registreren").text)
    email = fresh_email("admin")
    reply = browser.post(
        "/registreren",
        data={"email": email, "password": PASSWORD, "role": "admin", "csrf": token},
    )
    assert reply.status_code == 422
    assert "beheerder" in reply.text
    with open_web_store(store_url_of(client.app)) as store:
        assert not store.query("SELECT 1 FROM account WHERE email = ?", (email,))
    ok = browser.post(
        "/registreren",
        data={"email": email, "password": PASSWORD, "role": "employer", "csrf": token},
        follow_redirects=False,
    )
    assert ok.status_code == 303 and ok.headers["location"] == "/inloggen?aangemeld=1"
    login = browser.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert login.json()["account"]["role"] == "employer"


def test_logout_page_needs_csrf_and_ends_the_session(client: TestClient) -> None:
    browser = TestClient(client.app)
    token = _csrf_of(browser.get("/registreren").text)
    email = fresh_email("citizen")
    browser.post(
        "/registreren",
        data={"email": email, "password": PASSWORD, "role": "citizen", "csrf": token},
    )
    login_page = browser.get("/inloggen")
    browser.post(
        "/inloggen",
        data={"email": email, "password": PASSWORD, "csrf": _csrf_of(login_page.text)},
    )
    assert browser.get("/api/me").status_code == 200
    assert browser.post("/uitloggen", data={"csrf": "forged"}).status_code == 403
    session_csrf = browser.get("/api/me").json()["csrf_token"]
    out = browser.post("/uitloggen", data={"csrf": session_csrf}, follow_redirects=False)
    assert out.status_code == 303
    assert browser.get("/api/me").status_code == 401


def test_require_api_roles_gives_403_problem(client: TestClient) -> None:
    from lloradar.api.auth import require_api_roles
    from lloradar.server import create_app

    app = create_app(client.app.state.radar)
    router = APIRouter()

    @router.get("/api/only-analysts")
    def only(account: Account = Depends(require_api_roles(Role.ANALYST))) -> dict[str, str]:
        return {"role": account.role}

    app.include_router(router)
    citizen = logged_in_client(app, "citizen")
    analyst = logged_in_client(app, "analyst")
    denied = citizen.client.get("/api/only-analysts")
    assert denied.status_code == 403
    assert denied.json()["title"] == "Forbidden"
    assert analyst.client.get("/api/only-analysts").json() == {"role": "analyst"}


def test_account_client_fixture(account_client: Callable[..., LoggedIn]) -> None:  # noqa: F811
    me = account_client("employer")
    assert me.client.get("/api/me").json()["account"]["role"] == "employer"


def test_change_password_over_the_api_needs_the_old_one_and_ends_other_sessions(
    client: TestClient,
) -> None:
    me = logged_in_client(client.app)
    other = TestClient(client.app)
    login = {"email": me.account.email, "password": PASSWORD}
    other_token = other.post("/api/auth/login", json=login).json()["token"]
    new = "een heel ander wachtwoord"
    wrong = me.client.post(
        "/api/auth/password", json={"old_password": "not it at all", "new_password": new}
    )
    assert wrong.status_code == 401
    common = me.client.post(
        "/api/auth/password", json={"old_password": PASSWORD, "new_password": "Password1234!"}
    )
    assert common.status_code == 422 and "most used" in common.json()["detail"]
    done = me.client.post(
        "/api/auth/password", json={"old_password": PASSWORD, "new_password": new}
    )
    assert done.status_code == 204
    assert me.client.get("/api/me").status_code == 200  # this session goes on
    bearer = {"Authorization": f"Bearer {other_token}"}
    assert TestClient(client.app).get("/api/me", headers=bearer).status_code == 401
    assert other.post("/api/auth/login", json=login).status_code == 401
    assert other.post("/api/auth/login", json={**login, "password": new}).status_code == 200


def test_logout_everywhere_ends_every_session_of_the_account(client: TestClient) -> None:
    me = logged_in_client(client.app)
    login = {"email": me.account.email, "password": PASSWORD}
    tokens = [TestClient(client.app).post("/api/auth/login", json=login).json()["token"]]
    assert me.client.post("/api/auth/logout-everywhere").status_code == 204
    assert me.client.get("/api/me").status_code == 401
    for token in tokens:
        bare = TestClient(client.app)
        assert bare.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
