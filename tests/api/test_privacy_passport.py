"""Privacy suite for the passport: one citizen can never read or change another's passport
(API by id, export, import; pages), employers and analysts cannot read one, delete leaves only
the log line, every read and write is logged, and script in any field is escaped."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from accounts_fixtures import PASSWORD, LoggedIn, fresh_email, logged_in_client, store_url_of
from lloradar.services import audit
from lloradar.services.request_store import open_web_store

SCRIPT = "<script>alert('x')</script>"


def _skills(client: TestClient) -> list[str]:
    with open_web_store(store_url_of(client.app)) as store:
        return [str(r[0]) for r in store.query("SELECT id FROM skill ORDER BY id LIMIT 4")]


def _citizen(client: TestClient, skill: str, note: str = "") -> LoggedIn:
    me = logged_in_client(client.app, "citizen")
    me.client.put("/api/me/consent/passport")
    body = {"skills": [{"uri": skill, "note": note}], "preferences": {"region_code": "AM05"}}
    assert me.client.put("/api/passport", json=body).status_code == 200
    return me


def test_a_citizen_cannot_read_anothers_passport_through_the_api(client: TestClient) -> None:
    s1, s2, _, _ = _skills(client)
    anna, bert = _citizen(client, s1), _citizen(client, s2)
    assert anna.client.get(f"/api/passport/{anna.account.id}").status_code == 200
    by_id = anna.client.get(f"/api/passport/{bert.account.id}")
    assert by_id.status_code == 404
    assert s2 not in by_id.text
    assert [s["uri"] for s in anna.client.get("/api/passport").json()["skills"]] == [s1]
    for kind in ("json", "openbadges"):
        exported = anna.client.get(
            f"/api/passport/export/{kind}", params={"account_id": bert.account.id}
        )
        assert s1 in exported.text and s2 not in exported.text
    # Bert's token in a header Anna sends still only ever gives Bert's own passport
    bare = TestClient(client.app)
    own = bare.get("/api/passport", headers={"Authorization": f"Bearer {bert.token}"}).json()
    assert [s["uri"] for s in own["skills"]] == [s2]


def test_a_citizen_cannot_change_anothers_passport(client: TestClient) -> None:
    s1, s2, s3, _ = _skills(client)
    anna, bert = _citizen(client, s1), _citizen(client, s2)
    bert_before = bert.client.get("/api/passport").json()
    bert_export = bert.client.get("/api/passport/export/json").json()
    bert_export["account_id"] = bert.account.id  # a forged owner is ignored
    assert anna.client.post("/api/passport/import", json=bert_export).status_code == 200
    anna.client.put("/api/passport", json={"skills": [{"uri": s3}]})
    anna.client.delete("/api/passport")
    assert anna.client.put(f"/api/passport/{bert.account.id}", json={"skills": []}).status_code in (
        404,
        405,
    )
    assert anna.client.delete(f"/api/passport/{bert.account.id}").status_code in (404, 405)
    assert bert.client.get("/api/passport").json() == bert_before


def test_employers_and_analysts_cannot_read_a_passport(client: TestClient) -> None:
    s1, *_ = _skills(client)
    anna = _citizen(client, s1)
    for role in ("employer", "analyst", "admin"):
        other = logged_in_client(client.app, role)
        for path in (
            "/api/passport",
            f"/api/passport/{anna.account.id}",
            "/api/passport/export/json",
        ):
            reply = other.client.get(path)
            assert reply.status_code == 403, (role, path)
            assert s1 not in reply.text
        page = other.client.get("/paspoort", follow_redirects=False)
        assert page.status_code == 403
        assert "Deze pagina is niet beschikbaar voor uw rol" in page.text


def _browser_login(client: TestClient, me: LoggedIn) -> TestClient:
    browser = TestClient(client.app)
    token = re.search(r'name="csrf" value="([^"]+)"', browser.get("/inloggen").text)
    assert token
    browser.post(
        "/inloggen",
        data={"email": me.account.email, "password": me.password, "csrf": token.group(1)},
    )
    return browser


def test_the_page_shows_only_the_own_passport_and_escapes_script(client: TestClient) -> None:
    s1, s2, _, _ = _skills(client)
    anna = _citizen(client, s1, note=SCRIPT)
    _citizen(client, s2)
    page = _browser_login(client, anna).get("/paspoort")
    assert page.status_code == 200
    assert f'data-uri="{s1}"' in page.text and s2 not in page.text
    assert SCRIPT not in page.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page.text
    anonymous = TestClient(client.app).get("/paspoort", follow_redirects=False)
    assert anonymous.status_code == 303
    assert anonymous.headers["location"] == "/inloggen?next=/paspoort"


def test_script_in_the_search_and_registration_fields_is_escaped(client: TestClient) -> None:
    s1, *_ = _skills(client)
    anna = _citizen(client, s1)
    browser = _browser_login(client, anna)
    found = browser.get("/paspoort", params={"zoek": SCRIPT})
    assert SCRIPT not in found.text and "&lt;script&gt;" in found.text
    fresh = TestClient(client.app)
    token = re.search(r'name="csrf" value="([^"]+)"', fresh.get("/registreren").text)
    assert token
    reply = fresh.post(
        "/registreren",
        data={"email": SCRIPT, "password": PASSWORD, "name": SCRIPT, "csrf": token.group(1)},
    )
    assert reply.status_code == 422
    assert SCRIPT not in reply.text and "&lt;script&gt;" in reply.text


def test_every_read_and_write_is_logged_without_content(client: TestClient) -> None:
    s1, *_ = _skills(client)
    anna = _citizen(client, s1, note="geheime notitie")
    anna.client.get("/api/passport")
    anna.client.get("/api/passport/export/openbadges")
    with open_web_store(store_url_of(client.app)) as store:
        lines = audit.entries_for(store, anna.account.id)
        everything = " ".join(str(v) for r in store.query("SELECT * FROM audit_log") for v in r)
    actions = [line["action"] for line in lines]
    assert actions[-4:] == [
        "consent given",
        "passport replaced",
        "passport read",
        "passport exported (open badges)",
    ]
    assert {line["purpose"] for line in lines} >= {"passport", "account"}
    for secret in ("geheime notitie", s1, anna.account.id, anna.account.email):
        assert secret not in everything


def test_delete_removes_every_trace_except_the_log_line(client: TestClient) -> None:
    s1, s2, _, _ = _skills(client)
    anna = _citizen(client, s1, note="Anna's notitie")
    bert = _citizen(client, s2)
    anna.client.put("/api/me/consent/alerts")
    subscribed = anna.client.post(
        "/api/alerts/subscriptions",
        json={
            "kind": "courses",
            "skill_id": s1,
            "channel": "email",
            "target": anna.account.email,
            "consent": True,
        },
    )
    assert subscribed.status_code == 201, subscribed.text  # another helper's personal table
    anna.client.post("/api/auth/login", json={"email": anna.account.email, "password": "wrong"})
    assert (
        anna.client.request(
            "DELETE", "/api/me", params={"confirm": "yes"}, json={"password": anna.password}
        ).status_code
        == 204
    )
    with open_web_store(store_url_of(client.app)) as store:
        for table in store.tables():
            text = " ".join(str(v) for r in store.query(f"SELECT * FROM {table}") for v in r)
            for trace in (anna.account.id, anna.account.email, "Anna's notitie"):
                assert trace not in text, (table, trace)
        assert [e["action"] for e in audit.entries_for(store, anna.account.id)] == [
            "account deleted"
        ]
    assert bert.client.get("/api/passport").json()["skills"][0]["uri"] == s2
    assert anna.client.get("/api/me").status_code == 401
    relogin = TestClient(client.app).post(
        "/api/auth/login", json={"email": anna.account.email, "password": PASSWORD}
    )
    assert relogin.status_code == 401


def test_a_fresh_email_cannot_see_a_deleted_accounts_data(client: TestClient) -> None:
    s1, *_ = _skills(client)
    anna = _citizen(client, s1)
    anna.client.request(
        "DELETE", "/api/me", params={"confirm": "yes"}, json={"password": anna.password}
    )
    again = logged_in_client(client.app, "citizen")
    assert again.client.get("/api/passport").json()["skills"] == []
    assert fresh_email("x") != anna.account.email
