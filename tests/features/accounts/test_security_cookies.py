"""Issue 18, finding 6: the session and form-token cookies are `Secure` with a `__Host-` name by
default, whatever scheme the server itself sees (behind a TLS proxy it sees http); only
LLORADAR_COOKIE_SECURE=0 (`make demo`, plain http on this machine) turns that off."""

from __future__ import annotations

import re
import subprocess
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from demo_worlds import copy_world
from lloradar.domain.account import Role
from lloradar.features.accounts.service import register
from lloradar.features.indicators.radar import radar_for_store
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery staple"
EMAIL = "cookies@example.nl"
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def app(tmp_path: Path, migrated_duckdb_file: Path) -> Iterator[Any]:
    from lloradar.server import create_app

    path = copy_world(migrated_duckdb_file, tmp_path / "app.duckdb")
    with open_store(str(path)) as store:
        register(store, EMAIL, PASSWORD, Role.CITIZEN, "")
    with TestClient(create_app(radar_for_store(str(path)))) as client:
        yield client.app


def _set_cookies(reply: Any) -> list[str]:
    return list(reply.headers.get_list("set-cookie"))


def test_by_default_the_cookies_are_secure_host_cookies_even_over_http(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LLORADAR_COOKIE_SECURE", raising=False)
    plain = TestClient(app)  # http://testserver: a TLS proxy's view
    login = plain.post("/api/auth/login", json={"email": EMAIL, "password": PASSWORD})
    assert login.status_code == 200
    [session] = _set_cookies(login)
    assert session.startswith("__Host-lloradar_session=")
    assert "Secure" in session and "HttpOnly" in session and "Path=/" in session
    assert "Domain" not in session
    [csrf] = _set_cookies(plain.get("/inloggen"))
    assert csrf.startswith("__Host-lloradar_csrf=") and "Secure" in csrf and "Domain" not in csrf


def test_over_https_the_host_cookies_carry_the_session(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LLORADAR_COOKIE_SECURE", raising=False)
    browser = TestClient(app, base_url="https://testserver", follow_redirects=False)
    token = re.search(r'name="csrf" value="([^"]+)"', browser.get("/inloggen").text)
    assert token
    form = {"email": EMAIL, "password": PASSWORD, "csrf": token.group(1)}
    assert browser.post("/inloggen", data=form).status_code == 303
    page = browser.get("/account/wachtwoord")
    assert page.status_code == 200
    session_csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert session_csrf
    logout = browser.post("/uitloggen", data={"csrf": session_csrf.group(1)})
    assert logout.status_code == 303
    cleared = [c for c in _set_cookies(logout) if c.startswith("__Host-lloradar_session=")]
    assert cleared and "Secure" in cleared[0]  # a browser deletes a __Host- cookie only so


def test_a_cookie_without_the_prefix_is_not_a_session(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `lloradar_session` cookie planted over plain http (or by a sibling domain) is not
    read: only the `__Host-` one, which a browser takes only from this host over https."""
    monkeypatch.delenv("LLORADAR_COOKIE_SECURE", raising=False)
    token = (
        TestClient(app)
        .post("/api/auth/login", json={"email": EMAIL, "password": PASSWORD})
        .json()["token"]
    )
    planted = TestClient(app)
    planted.cookies.set("lloradar_session", token)
    assert planted.get("/api/me").status_code == 401
    assert planted.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200


@pytest.mark.parametrize("value", ["0", "false", "off"])
def test_turned_off_the_cookies_are_plain_for_local_http(
    app: Any, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("LLORADAR_COOKIE_SECURE", value)
    plain = TestClient(app)
    login = plain.post("/api/auth/login", json={"email": EMAIL, "password": PASSWORD})
    [session] = _set_cookies(login)
    assert session.startswith("lloradar_session=") and "Secure" not in session
    assert plain.get("/api/me").status_code == 200


def test_make_demo_serves_plain_http_with_the_setting_off() -> None:
    dry = subprocess.run(
        ["make", "-n", "-B", "demo"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    serve = next(line for line in dry.splitlines() if "lloradar serve" in line)
    assert "LLORADAR_COOKIE_SECURE=0" in serve and "--host 127.0.0.1" in serve
