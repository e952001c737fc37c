"""The passport over the API: consent, PUT/GET, suggestions from a CV, export and import
(round trip in both formats), bad files."""

from __future__ import annotations

import io
from typing import Any

import docx
from fastapi.testclient import TestClient

from accounts_fixtures import LoggedIn, logged_in_client, store_url_of
from lloradar.services.request_store import open_web_store

OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def some_skills(client: TestClient, n: int = 3) -> list[tuple[str, str]]:
    with open_web_store(store_url_of(client.app)) as store:
        return [
            (str(r[0]), str(r[1]))
            for r in store.query(f"SELECT id, label_en FROM skill ORDER BY id LIMIT {n}")
        ]


def citizen_with_consent(client: TestClient) -> LoggedIn:
    me = logged_in_client(client.app, "citizen")
    assert me.client.put("/api/me/consent/passport").status_code == 204
    return me


def full_body(client: TestClient) -> dict[str, Any]:
    (a, _), (b, _), _ = some_skills(client)
    return {
        "skills": [
            {"uri": a, "evidence": "diploma", "level": "advanced", "acquired_on": "2019-06-30"},
            {"uri": b, "evidence": "work_experience", "level": "basic", "note": "5 jaar"},
        ],
        "preferences": {"region_code": "AM05", "hours_per_week": 32, "occupations": []},
    }


def test_nothing_is_stored_without_consent(client: TestClient) -> None:
    me = logged_in_client(client.app, "citizen")
    refused = me.client.put("/api/passport", json=full_body(client))
    assert refused.status_code == 409
    assert refused.json()["title"] == "Consent required"
    assert me.client.get("/api/passport").json()["skills"] == []


def test_put_then_get_gives_the_same_passport_with_store_labels(client: TestClient) -> None:
    me = citizen_with_consent(client)
    (a, label_a), (b, _), _ = some_skills(client)
    stored = me.client.put("/api/passport", json=full_body(client))
    assert stored.status_code == 200, stored.text
    got = me.client.get("/api/passport").json()
    assert got == stored.json()
    by_uri = {s["uri"]: s for s in got["skills"]}
    assert by_uri[a]["label"] == label_a and by_uri[a]["acquired_on"] == "2019-06-30"
    assert by_uri[b]["evidence"] == "work_experience" and by_uri[b]["note"] == "5 jaar"
    assert got["preferences"] == {"region_code": "AM05", "hours_per_week": 32, "occupations": []}


def test_bad_passports_name_the_field_and_keep_what_was_stored(client: TestClient) -> None:
    me = citizen_with_consent(client)
    me.client.put("/api/passport", json=full_body(client))
    before = me.client.get("/api/passport").json()
    unknown = full_body(client)
    unknown["skills"].append({"uri": "http://data.europa.eu/esco/skill/not-a-skill"})
    reply = me.client.put("/api/passport", json=unknown)
    assert reply.status_code == 422
    assert "not-a-skill" in reply.json()["detail"]
    region = full_body(client)
    region["preferences"]["region_code"] = "AM99"
    reply = me.client.put("/api/passport", json=region)
    assert "'AM99' is not an arbeidsmarktregio code" in reply.json()["detail"]
    assert me.client.get("/api/passport").json() == before


def test_open_badges_export_is_a_presentation_of_ob3_credentials(client: TestClient) -> None:
    me = citizen_with_consent(client)
    me.client.put("/api/passport", json=full_body(client))
    reply = me.client.get("/api/passport/export/openbadges")
    assert reply.headers["content-type"].startswith("application/ld+json")
    assert "attachment" in reply.headers["content-disposition"]
    doc = reply.json()
    assert doc["type"] == ["VerifiablePresentation"]
    creds = doc["verifiableCredential"]
    assert len(creds) == 2
    (a, label_a), _, _ = some_skills(client)
    first = next(
        c for c in creds if c["credentialSubject"]["achievement"]["alignment"][0]["targetUrl"] == a
    )
    assert first["@context"] == ["https://www.w3.org/ns/credentials/v2", OB_CONTEXT]
    assert first["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert first["credentialSubject"]["type"] == ["AchievementSubject"]
    assert first["credentialSubject"]["achievement"]["name"] == label_a
    assert first["credentialSubject"]["result"][0]["value"] == "advanced"
    assert first["evidence"][0]["genre"] == "diploma"
    assert first["awardedDate"] == "2019-06-30T00:00:00Z"
    assert "proof" not in first  # unsigned, and says so
    assert "unsigned" in first["issuer"]["name"]
    assert me.account.email not in reply.text and me.account.id not in reply.text


def test_both_exports_round_trip_through_import(client: TestClient) -> None:
    me = citizen_with_consent(client)
    me.client.put("/api/passport", json=full_body(client))
    original = me.client.get("/api/passport").json()
    for kind in ("json", "openbadges"):
        exported = me.client.get(f"/api/passport/export/{kind}").json()
        assert me.client.delete("/api/passport").status_code == 204
        assert me.client.get("/api/passport").json()["skills"] == []
        report = me.client.post("/api/passport/import", json=exported).json()
        assert report["skills"] == 2 and report["skipped"] == []
        restored = me.client.get("/api/passport").json()
        assert restored["skills"] == original["skills"], kind
        if kind == "json":
            assert restored["preferences"] == original["preferences"]


def test_import_skips_unknown_skills_and_refuses_malformed_files(client: TestClient) -> None:
    me = citizen_with_consent(client)
    me.client.put("/api/passport", json=full_body(client))
    doc = me.client.get("/api/passport/export/json").json()
    doc["skills"][0]["uri"] = "http://data.europa.eu/esco/skill/unknown-here"
    report = me.client.post("/api/passport/import", json=doc).json()
    assert report["skipped"] == ["http://data.europa.eu/esco/skill/unknown-here"]
    bad = me.client.get("/api/passport/export/openbadges").json()
    bad["verifiableCredential"][1]["evidence"][0]["genre"] = "rumour"
    reply = me.client.post("/api/passport/import", json=bad)
    assert reply.status_code == 422
    assert (
        "verifiableCredential[1].evidence[0].genre: 'rumour' is not allowed"
        in reply.json()["detail"]
    )


def _docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_cv_suggestions_from_text_and_docx_are_not_stored(client: TestClient) -> None:
    me = citizen_with_consent(client)
    cv = "Werkervaring: vijf jaar lasser. Ik kan metalen verbinden en lassen, en heftruck rijden."
    found = me.client.post("/api/passport/suggestions", json={"text": cv})
    assert found.status_code == 200, found.text
    labels = [s["label"] for s in found.json()]
    assert "join metals" in labels
    from_file = me.client.post(
        "/api/passport/suggestions/file",
        files={"file": ("cv.docx", _docx(cv), "application/octet-stream")},
    )
    assert [s["uri"] for s in from_file.json()] == [s["uri"] for s in found.json()]
    assert me.client.get("/api/passport").json()["skills"] == []


def test_bad_cv_files_are_refused_with_a_message(client: TestClient) -> None:
    me = citizen_with_consent(client)
    cases = [
        ("cv.exe", b"MZ\x90\x00", 415, "not accepted"),
        ("cv.txt", b"plain text", 415, "not accepted"),
        ("cv.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024 + 512 * 1024), 413, "the limit is 5 MB"),
        # Over the 6 MB request limit of an upload route: refused before it is parsed.
        ("cv.pdf", b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024), 413, "larger than 6 MB"),
        ("cv.pdf", b"%PDF-1.4 broken", 422, "cannot be read as a PDF"),
    ]
    for name, data, status, message in cases:
        reply = me.client.post("/api/passport/suggestions/file", files={"file": (name, data)})
        assert reply.status_code == status, (name, reply.text)
        assert message in reply.json()["detail"]


def test_delete_me_needs_confirmation_and_removes_the_login(client: TestClient) -> None:
    me = citizen_with_consent(client)
    assert me.client.delete("/api/me").status_code == 422
    # re-authentication: the confirmation alone, or a wrong password, deletes nothing
    assert me.client.delete("/api/me", params={"confirm": "yes"}).status_code == 422
    wrong = me.client.request(
        "DELETE", "/api/me", params={"confirm": "yes"}, json={"password": "not my password!"}
    )
    assert wrong.status_code == 403 and me.client.get("/api/me").status_code == 200
    assert (
        me.client.request(
            "DELETE", "/api/me", params={"confirm": "yes"}, json={"password": me.password}
        ).status_code
        == 204
    )
    again = TestClient(client.app).post(
        "/api/auth/login", json={"email": me.account.email, "password": me.password}
    )
    assert again.status_code == 401
