"""POST /api/navigator and GET /api/courses on the demo world (with its demo catalogue)."""

from __future__ import annotations

from typing import Any

from accounts_fixtures import LoggedIn, logged_in_client, store_url_of
from lloradar.domain.passport import Preferences
from lloradar.features.indicators.radar import RadarData
from lloradar.features.navigator.service import occupation_skills
from lloradar.features.passport.service import SkillClaim, add_skills, set_preferences
from lloradar.services.audit import entries_for
from lloradar.services.request_store import open_web_store


def shop_assistant(radar: RadarData) -> str:
    return next(o.id for o in radar.occupations if o.label_en == "shop assistant")


def test_navigator_ranks_occupations_with_opportunity_missing_skills_and_courses(
    client: Any, radar: RadarData
) -> None:
    r = client.post(
        "/api/navigator",
        json={"occupation": shop_assistant(radar), "region": "AM22", "top": 5, "lang": "nl"},
    )
    assert r.status_code == 200
    body = r.json()
    assert body["region"] == {"code": "AM22", "name": "Rijnmond"} and body["is_demo"] is True
    first = body["occupations"][0]
    assert first["uri"] == shop_assistant(radar) and first["label"] == "winkelmedewerker"
    assert len(body["occupations"]) == 5
    assert [o["score"] for o in body["occupations"]] == sorted(
        (o["score"] for o in body["occupations"]), reverse=True
    )
    assert set(first["opportunity"]) == {
        "tension_class", "tension_ratio", "forecast_prospect", "forecast_growth",
        "forecast_direction", "score",
    }  # fmt: skip
    assert first["opportunity"]["forecast_direction"] == "shrinking"
    courses = [c for o in body["occupations"] for m in o["missing_skills"] for c in m["courses"]]
    assert courses and all(c["name"].endswith("(demo)") for c in courses)
    assert (
        body["transitions"]
        and body["transitions"][0]["opportunity"]["forecast_direction"] == "growing"
    )


def test_navigator_with_plain_skill_uris(client: Any) -> None:
    page = client.get("/api/courses", params={"limit": 200}).json()
    taught = next(
        s["uri"] for c in page["items"] for s in c["skills"] if "lassen" in c["name"].lower()
    )
    body = client.post("/api/navigator", json={"skills": [taught], "region": "AM32"}).json()
    assert body["skills"][0]["uri"] == taught
    assert all(taught in o["have"] for o in body["occupations"])


def test_navigator_bad_input_is_a_problem_document(client: Any) -> None:
    r = client.post("/api/navigator", json={"skills": ["no:such"], "region": "AM22"})
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    assert (
        r.json()["detail"]
        == "unknown skill(s): no:such (expected URIs of the skills in this store)"
    )
    r = client.post("/api/navigator", json={"skills": ["no:such"], "region": "Twente"})
    assert r.status_code == 422 and "body.region" in r.json()["detail"]
    r = client.post("/api/navigator", json={"region": "AM22"})
    assert r.status_code == 422 and r.json()["detail"].startswith("no skills given")


def test_courses_are_paginated_and_filtered_by_skill(client: Any) -> None:
    first = client.get("/api/courses", params={"limit": 8}).json()
    second = client.get("/api/courses", params={"limit": 8, "offset": 8}).json()
    assert first["total"] == 20 and len(first["items"]) == 8 and second["offset"] == 8
    assert not {c["course_id"] for c in first["items"]} & {c["course_id"] for c in second["items"]}
    course = first["items"][0]
    assert course["is_demo"] and course["instances"] and course["skills"]
    assert {s["method"] for s in course["skills"]} == {"identifier"}
    skill = course["skills"][0]["uri"]
    filtered = client.get("/api/courses", params={"skill": skill}).json()
    assert course["course_id"] in {c["course_id"] for c in filtered["items"]}
    assert all(skill in {s["uri"] for s in c["skills"]} for c in filtered["items"])
    assert client.get("/api/courses", params={"limit": 0}).status_code == 422
    assert client.get("/api/courses", params={"region": "Twente"}).status_code == 422


def citizen_with_passport(client: Any, radar: RadarData, region: str | None = "AM22") -> LoggedIn:
    """A logged-in citizen whose passport holds the essential skills of shop assistant."""
    me = logged_in_client(client.app, "citizen")
    assert me.client.put("/api/me/consent/passport").status_code == 204
    with open_web_store(store_url_of(client.app)) as store:
        skills = occupation_skills(store, shop_assistant(radar))
        add_skills(store, me.account.id, [SkillClaim(uri) for uri in skills])
        set_preferences(store, me.account.id, Preferences(region_code=region))
    return me


def audit_actions(client: Any, account_id: str) -> list[str]:
    with open_web_store(store_url_of(client.app)) as store:
        return [e["action"] for e in entries_for(store, account_id)]


def test_a_citizen_navigates_from_their_passport_after_consent(
    client: Any, radar: RadarData
) -> None:
    me = citizen_with_passport(client, radar)
    refused = me.client.post("/api/navigator", json={"use_passport": True})
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    assert "consent for the purpose 'navigator'" in refused.json()["detail"]
    assert "career navigator: passport used" not in audit_actions(client, me.account.id)

    assert me.client.put("/api/me/consent/navigator").status_code == 204
    r = me.client.post("/api/navigator", json={"use_passport": True, "lang": "nl", "top": 3})
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    # the passport's region and the passport's skills: shop assistant fits best
    assert body["region"] == {"code": "AM22", "name": "Rijnmond"}
    assert body["occupations"][0]["label"] == "winkelmedewerker"
    assert body["occupations"][0]["essential_coverage"] == 1.0
    direct = client.post(
        "/api/navigator", json={"occupation": shop_assistant(radar), "region": "AM22", "top": 3}
    ).json()
    assert {s["uri"] for s in body["skills"]} == {s["uri"] for s in direct["skills"]}
    actions = audit_actions(client, me.account.id)
    assert {"career navigator: passport used", "passport skills read", "passport region read"} <= (
        set(actions)
    )
    # a region sent with the request wins over the passport's; bearer works as well
    bearer = client.post(
        "/api/navigator",
        json={"use_passport": True, "region": "AM05"},
        headers={"Authorization": f"Bearer {me.token}"},
    )
    assert bearer.status_code == 200 and bearer.json()["region"]["code"] == "AM05"


def test_use_passport_needs_a_logged_in_citizen(client: Any, radar: RadarData) -> None:
    anonymous = client.post("/api/navigator", json={"use_passport": True, "region": "AM22"})
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"] == "application/problem+json"
    assert anonymous.json()["title"] == "Not logged in"
    assert "career navigator" not in anonymous.text  # nothing of anyone's passport
    employer = logged_in_client(client.app, "employer")
    r = employer.client.post("/api/navigator", json={"use_passport": True, "region": "AM22"})
    assert r.status_code == 403 and "only a citizen" in r.json()["detail"]


def test_use_passport_without_a_region_anywhere_is_a_clear_error(
    client: Any, radar: RadarData
) -> None:
    me = citizen_with_passport(client, radar, region=None)
    assert me.client.put("/api/me/consent/navigator").status_code == 204
    r = me.client.post("/api/navigator", json={"use_passport": True})
    assert r.status_code == 422
    assert r.json()["detail"] == "region: your passport names no region; send one (e.g. AM22)"
    plain = client.post("/api/navigator", json={"skills": ["x"]})
    assert plain.status_code == 422 and plain.json()["detail"].startswith("region: required")


def test_an_offset_beyond_any_database_integer_is_a_422_not_a_crash(client: Any) -> None:
    for path in ("/api/courses", "/api/occupations"):
        response = client.get(path, params={"offset": 2**63})
        assert response.status_code == 422, (path, response.text)
        assert "offset" in response.text
