"""Test helpers: an API client logged in as a fresh account of a role.

    from accounts_fixtures import logged_in_client
    me = logged_in_client(client.app, "employer")   # me.client, me.account, me.token
    me.client.get("/api/me")

The client carries the session cookie and the `X-CSRF-Token` header, like a browser app would.
The `account_client` fixture does the same for the `client` fixture of the test's conftest.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from lloradar.domain.account import Account, Role
from lloradar.features.accounts.service import register
from lloradar.services.request_store import open_web_store, store_url_for

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery staple"


@dataclass
class LoggedIn:
    client: TestClient
    account: Account
    token: str
    csrf: str
    password: str


def fresh_email(role: str) -> str:
    return f"{role}-{uuid.uuid4().hex[:10]}@example.nl"


def store_url_of(app: Any) -> str:
    return store_url_for(app.state.radar, getattr(app.state, "store_url", None))


def logged_in_client(app: Any, role: Role | str = Role.CITIZEN, name: str = "") -> LoggedIn:
    """Register a new account of `role` in the app's store and log a new client in."""
    role = Role(role)
    email = fresh_email(str(role))
    with open_web_store(store_url_of(app)) as store:
        account = register(store, email, PASSWORD, role, name or f"Test {role}")
    client = TestClient(app)
    reply = client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    client.headers["X-CSRF-Token"] = body["csrf_token"]
    return LoggedIn(client, account, body["token"], body["csrf_token"], PASSWORD)


@pytest.fixture
def account_client(client: TestClient) -> Callable[..., LoggedIn]:
    """A factory: `account_client("citizen")` -> a LoggedIn for a fresh account."""

    def make(role: Role | str = Role.CITIZEN, name: str = "") -> LoggedIn:
        return logged_in_client(client.app, role, name)

    return make
