"""Issue 18, finding 8 on the pages: change the password (old one first) and log out
everywhere, each a form with its CSRF token."""

from __future__ import annotations

import re
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
NEW = "a rather different passphrase"
EMAIL = "pages@example.nl"


@pytest.fixture
def app(tmp_path: Path, migrated_duckdb_file: Path) -> Iterator[Any]:
    from lloradar.server import create_app

    path = copy_world(migrated_duckdb_file, tmp_path / "app.duckdb")
    with open_store(str(path)) as store:
        register(store, EMAIL, PASSWORD, Role.CITIZEN, "")
    with TestClient(create_app(radar_for_store(str(path)))) as client:
        yield client.app


def _logged_in(app: Any, password: str = PASSWORD) -> TestClient:
    client = TestClient(app, follow_redirects=False)
    token = _csrf(client.get("/inloggen").text)
    reply = client.post("/inloggen", data={"email": EMAIL, "password": password, "csrf": token})
    assert reply.status_code == 303, reply.text
    return client


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found
    return found.group(1)


def test_the_password_page_changes_it_after_the_old_one(app: Any) -> None:
    here, elsewhere = _logged_in(app), _logged_in(app)
    page = here.get("/account/wachtwoord")
    assert page.status_code == 200 and 'minlength="12"' in page.text
    token = _csrf(page.text)
    form = {"old_password": "not the old one", "new_password": NEW, "csrf": token}
    assert here.post("/account/wachtwoord", data=form).status_code == 401
    form["old_password"] = PASSWORD
    weak = here.post("/account/wachtwoord", data={**form, "new_password": "Password1234!"})
    assert weak.status_code == 422 and "meest gebruikte" in weak.text
    assert here.post("/account/wachtwoord", data={**form, "csrf": "forged"}).status_code == 403
    done = here.post("/account/wachtwoord", data=form)
    assert done.status_code == 303 and done.headers["location"].endswith("?gewijzigd=1")
    assert here.get("/account/wachtwoord").status_code == 200  # this browser stays logged in
    assert elsewhere.get("/account/wachtwoord").status_code == 303  # the other one not
    _logged_in(app, NEW)


def test_log_out_everywhere_ends_the_other_browsers_too(app: Any) -> None:
    here, elsewhere = _logged_in(app), _logged_in(app)
    token = _csrf(here.get("/account/wachtwoord").text)
    assert here.post("/uitloggen-overal", data={"csrf": "forged"}).status_code == 403
    assert here.post("/uitloggen-overal", data={"csrf": token}).status_code == 303
    for client in (here, elsewhere):
        assert client.get("/account/wachtwoord").status_code == 303
