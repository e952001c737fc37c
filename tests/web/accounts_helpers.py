"""Playwright helpers for pages behind a login: register a fresh account and log in."""

from __future__ import annotations

import re
import uuid
from typing import Any

PASSWORD = "correct horse battery staple"


def register_and_login(page: Any, base_url: str, role: str = "citizen") -> str:
    """Register a new account of `role` through /registreren, then log in; returns the
    e-mail address. Analyst and admin accounts cannot register themselves: the helper creates
    them in the app's store and logs in through /inloggen."""
    email = f"{role}-{uuid.uuid4().hex[:10]}@example.nl"
    if role in ("citizen", "employer"):
        page.goto(f"{base_url}/registreren")
        page.check(f"input[name=role][value={role}]")
        page.fill("#name", f"Test {role}")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        page.click("form.account-form button[type=submit]")
        page.wait_for_load_state()
        login(page, base_url, email)  # registration does not log in (issue 18, finding 8)
    else:
        _create_privileged(base_url, email, role)
        login(page, base_url, email)
    page.wait_for_load_state()
    if "/inloggen" in page.url or "/registreren" in page.url:
        raise AssertionError(f"login as {role} failed: {page.url}")
    return email


def login(page: Any, base_url: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base_url}/inloggen")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("form.account-form button[type=submit]")
    page.wait_for_load_state()


def _server_store_url() -> str:
    # The browser tests' server runs in this process: find its store through the loaded radar.
    from lloradar.features.indicators import radar as web_data

    urls = [u for u in web_data._LOADED if re.search(r"/web\d*/demo\.duckdb$", u)]
    if len(urls) != 1:
        raise AssertionError(f"cannot tell which store the test server uses: {urls}")
    return urls[0]


def _create_privileged(base_url: str, email: str, role: str) -> None:
    from lloradar.features.accounts.service import register
    from lloradar.store import open_store

    with open_store(_server_store_url()) as store:
        register(store, email, PASSWORD, role, f"Test {role}")


def expire_session(token: str) -> None:
    """Make the session behind a browser's cookie run out, as if hours had passed."""
    from datetime import datetime

    from lloradar.features.accounts.service import token_hash
    from lloradar.store import open_store

    with open_store(_server_store_url()) as store:
        store.execute(
            "UPDATE account_session SET expires_at = ? WHERE token_hash = ?",
            (datetime(2000, 1, 1), token_hash(token)),
        )
