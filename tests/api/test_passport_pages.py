"""The /paspoort page through its forms (TestClient): consent, search and add by hand, edit,
remove, preferences, import, bad input, English, and the CSRF check on every form."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from accounts_fixtures import LoggedIn, logged_in_client, store_url_of
from lloradar.services.request_store import open_web_store


def _browser(client: TestClient) -> tuple[TestClient, LoggedIn]:
    me = logged_in_client(client.app, "citizen")
    browser = TestClient(client.app)
    form = browser.get("/inloggen").text
    token = re.search(r'name="csrf" value="([^"]+)"', form)
    assert token
    browser.post(
        "/inloggen",
        data={"email": me.account.email, "password": me.password, "csrf": token.group(1)},
    )
    return browser, me


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found
    return found.group(1)


def _skill(client: TestClient, like: str) -> tuple[str, str]:
    with open_web_store(store_url_of(client.app)) as store:
        row = store.query(
            "SELECT id, label_en FROM skill WHERE label_en LIKE ? ORDER BY id LIMIT 1", (like,)
        )[0]
    return str(row[0]), str(row[1])


def test_consent_search_add_edit_remove(client: TestClient) -> None:
    browser, _ = _browser(client)
    page = browser.get("/paspoort").text
    token = _csrf(page)
    uri, label = _skill(client, "%metal%")
    refused = browser.post("/paspoort/vaardigheid", data={"uri": uri, "csrf": token})
    assert refused.status_code == 422 and "toestemming" in refused.text
    browser.post("/paspoort/toestemming", data={"give": "yes", "csrf": token})
    found = browser.get("/paspoort", params={"zoek": label}).text
    assert f'name="uri" value="{uri}"' in found
    added = browser.post(
        "/paspoort/vaardigheid",
        data={
            "uri": uri,
            "evidence": "certificate",
            "level": "expert",
            "acquired_on": "2021-03-01",
            "note": "VCA",
            "csrf": token,
        },
    )
    assert added.status_code == 200 and "Vaardigheid opgeslagen." in added.text
    assert f'data-uri="{uri}"' in added.text
    assert (
        '<option value="certificate" selected>' in added.text and 'value="2021-03-01"' in added.text
    )
    browser.post(
        "/paspoort/vaardigheid",
        data={"uri": uri, "evidence": "validated", "level": "expert", "csrf": token},
    )
    assert '<option value="validated" selected>' in browser.get("/paspoort").text
    removed = browser.post("/paspoort/vaardigheid/verwijder", data={"uri": uri, "csrf": token})
    assert f'data-uri="{uri}"' not in removed.text and "Vaardigheid verwijderd." in removed.text


def test_every_passport_form_needs_the_token(client: TestClient) -> None:
    browser, _ = _browser(client)
    for path in (
        "/paspoort/toestemming",
        "/paspoort/vaardigheid",
        "/paspoort/voorkeuren",
        "/paspoort/cv",
        "/paspoort/bevestig",
        "/account/verwijderen",
    ):
        reply = browser.post(path, data={"csrf": "forged", "uri": "x", "confirm": "yes"})
        assert reply.status_code == 403, path
    assert browser.get("/api/me").status_code == 200  # the account is still there


def test_preferences_and_import_errors_are_named_and_nothing_is_lost(client: TestClient) -> None:
    browser, me = _browser(client)
    token = _csrf(browser.get("/paspoort").text)
    browser.post("/paspoort/toestemming", data={"give": "yes", "csrf": token})
    ok = browser.post("/paspoort/voorkeuren", data={"region": "AM05", "hours": "24", "csrf": token})
    assert "Voorkeuren opgeslagen." in ok.text
    bad = browser.post(
        "/paspoort/voorkeuren", data={"region": "AM05", "hours": "veel", "csrf": token}
    )
    assert bad.status_code == 422 and "&#39;veel&#39; is not a whole number" in bad.text
    bad = browser.post(
        "/paspoort/voorkeuren", data={"region": "AM05", "hours": "200", "csrf": token}
    )
    assert "hours per week: 200 is not between 1 and 80" in bad.text
    assert me.client.get("/api/passport").json()["preferences"]["hours_per_week"] == 24
    not_json = browser.post(
        "/paspoort/import",
        data={"csrf": token},
        files={"bestand": ("oud.json", b"{kapot", "application/json")},
    )
    assert not_json.status_code == 422 and "oud.json is not a JSON file" in not_json.text
    wrong = browser.post(
        "/paspoort/import",
        data={"csrf": token},
        files={"bestand": ("x.json", json.dumps({"type": ["Other"]}).encode(), "application/json")},
    )
    assert "credential.type: expected OpenBadgeCredential" in wrong.text
    assert me.client.get("/api/passport").json()["preferences"]["region_code"] == "AM05"


def test_delete_needs_the_tick_and_english_works(client: TestClient) -> None:
    browser, me = _browser(client)
    page = browser.get("/paspoort", params={"lang": "en"}).text
    assert "My skills passport" in page and "Open Badges 3.0" in page
    token = _csrf(page)
    unticked = browser.post("/account/verwijderen", data={"csrf": token})
    assert unticked.status_code == 422 and "really want to delete" in unticked.text
    assert me.client.get("/api/me").status_code == 200
    wrong = browser.post(
        "/account/verwijderen",
        data={"csrf": token, "confirm": "yes", "password": "not my password!"},
    )
    assert wrong.status_code == 403 and "password is not right" in wrong.text
    assert me.client.get("/api/me").status_code == 200
