"""POST /api/navigator and GET /api/courses on the demo world (with its demo catalogue)."""

from __future__ import annotations

from typing import Any

from lloradar.services.web_data import RadarData


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
