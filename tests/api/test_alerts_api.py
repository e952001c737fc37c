"""Alerts over the API and the page: own subscriptions only, the feed, signature check, run."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient

from accounts_fixtures import logged_in_client, store_url_of
from alerts_world import add_month_with_another_class, watched_cell
from lloradar.features.alerts.delivery.signing import sign
from lloradar.services.request_store import open_web_store

ATOM = "{http://www.w3.org/2005/Atom}"


def _market(client: TestClient) -> tuple[str, str]:
    with open_web_store(store_url_of(client.app)) as store:
        return watched_cell(store)


def _move_class(client: TestClient, region: str, occupation: str) -> str:
    with open_web_store(store_url_of(client.app)) as store:
        return add_month_with_another_class(store, region, occupation)


def test_crud_of_own_subscriptions_and_others_get_404(client: TestClient) -> None:
    region, occupation = _market(client)
    me, other = logged_in_client(client.app), logged_in_client(client.app)
    body = {"kind": "tension_class", "region_code": region, "occupation_id": occupation}
    refused = me.client.post("/api/alerts/subscriptions", json=body)
    assert refused.status_code == 422 and "consent" in refused.json()["detail"]
    made = me.client.post("/api/alerts/subscriptions", json={**body, "consent": True})
    assert made.status_code == 201, made.text
    sub = made.json()
    assert sub["feed_url"].endswith(".atom") and sub["webhook_secret"] is None
    assert [s["id"] for s in me.client.get("/api/alerts/subscriptions").json()] == [sub["id"]]
    assert other.client.get("/api/alerts/subscriptions").json() == []
    path = f"/api/alerts/subscriptions/{sub['id']}"
    assert other.client.get(path).status_code == 404
    assert other.client.delete(path).status_code == 404
    assert other.client.get(f"/api/alerts/events?subscription_id={sub['id']}").status_code == 404
    assert me.client.get(path).json()["id"] == sub["id"]
    assert TestClient(client.app).get("/api/alerts/subscriptions").status_code == 401
    assert me.client.delete(path).status_code == 204
    assert me.client.get(path).status_code == 404


def test_a_class_change_shows_in_the_feed_and_events_after_an_admin_run(
    client: TestClient,
) -> None:
    region, occupation = _market(client)
    me = logged_in_client(client.app)
    sub = me.client.post(
        "/api/alerts/subscriptions",
        json={"kind": "tension_class", "region_code": region, "occupation_id": occupation,
              "consent": True},
    ).json()  # fmt: skip
    after = _move_class(client, region, occupation)
    assert me.client.post("/api/alerts/run").status_code == 403  # citizens may not run it
    admin = logged_in_client(client.app, "admin")
    ran = admin.client.post("/api/alerts/run")
    assert ran.status_code == 200 and ran.json()["events"] >= 1
    events = me.client.get(f"/api/alerts/events?subscription_id={sub['id']}").json()
    assert len(events) == 1 and events[0]["details"]["after"] == after
    english = me.client.get(f"/api/alerts/events?subscription_id={sub['id']}&lang=en").json()
    assert english[0]["title"].startswith("Tension for ")
    token = re.search(r"/feeds/([^/]+)\.atom$", sub["feed_url"]).group(1)  # type: ignore[union-attr]
    feed = TestClient(client.app).get(f"/feeds/{token}.atom")
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("application/atom+xml")
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(feed.content).iter(f"{ATOM}entry")]
    assert titles == [events[0]["title"]]
    assert TestClient(client.app).get("/feeds/not-a-token.atom").status_code == 404
    assert admin.client.post("/api/alerts/run").json()["events"] == 0  # idempotent


def test_verify_endpoint_accepts_a_genuine_and_rejects_a_tampered_delivery(
    client: TestClient,
) -> None:
    me = logged_in_client(client.app)
    region, occupation = _market(client)
    sub = me.client.post(
        "/api/alerts/subscriptions",
        json={"kind": "tension_class", "region_code": region, "occupation_id": occupation,
              "channel": "webhook", "target": "https://ontvanger.example.nl/hook",
              "consent": True},
    ).json()  # fmt: skip
    import time

    body = '{"event_id": "e1", "title": "krap"}'
    headers = sign(sub["webhook_secret"], body.encode(), int(time.time()))
    check = {"body": body, "timestamp": headers["X-LLORADAR-Timestamp"],
             "signature": headers["X-LLORADAR-Signature"]}  # fmt: skip
    url = f"/api/alerts/subscriptions/{sub['id']}/verify"
    assert me.client.post(url, json=check).json()["valid"] is True
    tampered = me.client.post(url, json={**check, "body": body.replace("krap", "ruim")}).json()
    assert tampered == {
        "valid": False,
        "reason": "signature does not match the body (tampered, or the wrong secret)",
    }
    assert logged_in_client(client.app).client.post(url, json=check).status_code == 404


def test_bad_subscription_input_is_a_problem_naming_the_field(client: TestClient) -> None:
    me = logged_in_client(client.app)
    reply = me.client.post(
        "/api/alerts/subscriptions",
        json={"kind": "tension_class", "region_code": "AM05", "occupation_id": "nope",
              "consent": True},
    )  # fmt: skip
    assert reply.status_code == 422
    assert reply.json()["detail"] == "occupation 'nope' is not in the radar's occupation list."
    assert me.client.get("/api/alerts/subscriptions").json() == []


def test_the_page_shows_only_my_subscriptions_and_others_cannot_delete_them(
    client: TestClient,
) -> None:
    region, occupation = _market(client)
    me, other = logged_in_client(client.app), logged_in_client(client.app)
    form = {"csrf": me.csrf, "kind": "tension_class", "region": region,
            "occupation": occupation, "channel": "feed", "consent": "ja"}  # fmt: skip
    made = me.client.post("/meldingen", data=form, follow_redirects=False)
    assert made.status_code == 303 and made.headers["location"] == "/meldingen?ok=gemaakt"
    page = me.client.get("/meldingen").text
    ids = re.findall(r'data-testid="alert-subscription" data-id="([^"]+)"', page)
    assert len(ids) == 1 and "Spanningsklasse van" in page
    assert 'data-testid="alert-subscription"' not in other.client.get("/meldingen").text
    gone = other.client.post(
        f"/meldingen/{ids[0]}/verwijderen", data={"csrf": other.csrf}, follow_redirects=False
    )
    assert gone.status_code == 404
    assert ids[0] in me.client.get("/meldingen").text
    no_csrf = me.client.post(f"/meldingen/{ids[0]}/verwijderen", follow_redirects=False)
    assert no_csrf.status_code == 403
    deleted = me.client.post(
        f"/meldingen/{ids[0]}/verwijderen", data={"csrf": me.csrf}, follow_redirects=False
    )
    assert deleted.status_code == 303
    assert 'data-testid="alert-subscription"' not in me.client.get("/meldingen").text


def test_the_page_escapes_script_and_keeps_nothing_on_bad_input(client: TestClient) -> None:
    me = logged_in_client(client.app)
    form = {"csrf": me.csrf, "kind": "courses", "skill": "<script>alert(1)</script>",
            "channel": "feed", "consent": "ja"}  # fmt: skip
    reply = me.client.post("/meldingen", data=form)
    assert reply.status_code == 400
    assert "<script>alert(1)</script>" not in reply.text
    assert (
        "vaardigheid &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; staat niet in de lijst"
        in reply.text
    )
    assert me.client.get("/api/alerts/subscriptions").json() == []


def test_the_page_needs_a_login(client: TestClient) -> None:
    reply = TestClient(client.app).get("/meldingen", follow_redirects=False)
    assert reply.status_code in (302, 303, 307)
    assert reply.headers["location"].startswith("/inloggen?next=")
