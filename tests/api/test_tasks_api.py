"""/api/tasks: public tasks of an occupation; personal ratings and report (consent, owner only);
an employer's team view (10 or more, refused when one person would be derivable)."""

from __future__ import annotations

from typing import Any

from accounts_fixtures import logged_in_client


def _occupation(client: Any) -> tuple[str, list[str]]:
    """The first occupation of the radar that has at least one task, and its task keys."""
    for page in range(5):
        items = client.get(f"/api/occupations?limit=50&offset={page * 50}").json()["items"]
        for item in items:
            body = client.get("/api/tasks", params={"occupation": item["id"]}).json()
            if len(body.get("tasks", [])) >= 2:
                return item["id"], [t["key"] for t in body["tasks"]]
    raise AssertionError("no occupation with tasks")


def _rate(me: Any, occupation: str, key: str, energy: int, consent: bool = True) -> Any:
    return me.client.put(
        "/api/tasks/ratings",
        json={
            "occupation": occupation,
            "consent": consent,
            "ratings": [
                {
                    "task_key": key,
                    "does_task": True,
                    "can_do": 3,
                    "want_to_learn": 4,
                    "energy": energy,
                }
            ],
        },
    )


def test_tasks_of_an_occupation_are_public_with_their_link(client: Any) -> None:
    occupation, keys = _occupation(client)
    body = client.get("/api/tasks", params={"occupation": occupation}).json()
    assert body["task_source"] in ("onet", "esco_essential_skills", "demo_skills")
    if body["task_source"] == "onet":
        assert body["links"][0]["rank"] == 1 and 0 < body["links"][0]["confidence"] <= 1
        assert all(k.startswith("onet:") for k in keys)
    missing = client.get("/api/tasks", params={"occupation": "http://x/unknown"})
    assert missing.status_code == 404 and missing.json()["title"] == "Unknown occupation"


def test_ratings_need_login_consent_and_valid_values(client: Any) -> None:
    occupation, keys = _occupation(client)
    assert client.get("/api/tasks/ratings", params={"occupation": occupation}).status_code == 401
    anna = logged_in_client(client.app, "citizen")
    refused = _rate(anna, occupation, keys[0], 4, consent=False)
    assert refused.status_code == 409 and refused.json()["title"] == "Consent required"
    bad = _rate(anna, occupation, keys[0], 9)
    assert bad.status_code == 422
    wrong = _rate(anna, occupation, "onet:999999999", 4)
    assert wrong.status_code == 422 and "is not a task of this occupation" in wrong.json()["detail"]
    assert _rate(anna, occupation, keys[0], 5).json() == {"saved": 1}
    mine = anna.client.get("/api/tasks/ratings", params={"occupation": occupation}).json()
    assert mine == [
        {"task_key": keys[0], "does_task": True, "can_do": 3, "want_to_learn": 4, "energy": 5}
    ]
    report = anna.client.get("/api/tasks/report", params={"occupation": occupation}).json()
    assert [r["task"]["key"] for r in report["rated"]] == [keys[0]]
    assert report["energy"] == [keys[0]] and report["unrated"] == len(keys) - 1
    bert = logged_in_client(client.app, "citizen")
    assert bert.client.get("/api/tasks/ratings", params={"occupation": occupation}).json() == []
    boss = logged_in_client(client.app, "employer")
    assert _rate(boss, occupation, keys[0], 4).status_code == 403
    assert anna.client.delete("/api/tasks/ratings").json() == {"deleted": 1}
    assert anna.client.get("/api/tasks/ratings", params={"occupation": occupation}).json() == []


def test_team_view_only_for_ten_or_more_and_never_a_difference_of_one(client: Any) -> None:
    occupation, keys = _occupation(client)
    boss = logged_in_client(client.app, "employer")
    code = boss.client.post("/api/tasks/teams", json={"name": "Zorg"}).json()["code"]
    first = logged_in_client(client.app, "citizen")
    no_consent = first.client.post(f"/api/tasks/teams/{code}/join", json={"consent": False})
    assert no_consent.status_code == 409
    workers = [first] + [logged_in_client(client.app, "citizen") for _ in range(9)]
    for i, worker in enumerate(workers):
        joined = worker.client.post(f"/api/tasks/teams/{code}/join", json={"consent": True})
        assert joined.json() == {"team": "Zorg"}
        assert _rate(worker, occupation, keys[0], 1 + i % 5).status_code == 200
        if i == 8:
            view = boss.client.get(f"/api/tasks/teams/{code}").json()
            assert (view["refused"], view["tasks"]) == ("too_few", [])
    view = boss.client.get(f"/api/tasks/teams/{code}").json()
    assert view["refused"] is None and view["members"] == 10
    (task,) = view["tasks"]
    assert (task["task_key"], task["raters"]) == (keys[0], 10)
    assert task["doing"] is None  # about 10 of 10: the few who do not would be known
    # exact means 3.0, 4.0 and 3.0, shown with the team's fixed noise in bands of 0.5
    bands = {1 + i / 2 for i in range(9)}
    assert {task["can_do"], task["want_to_learn"], task["energy"]} <= bands
    eleventh = logged_in_client(client.app, "citizen")
    eleventh.client.post(f"/api/tasks/teams/{code}/join", json={"consent": True})
    _rate(eleventh, occupation, keys[0], 5)
    assert boss.client.get(f"/api/tasks/teams/{code}").json()["refused"] == "differencing"
    stranger = logged_in_client(client.app, "employer")
    assert stranger.client.get(f"/api/tasks/teams/{code}").status_code == 404
    assert workers[0].client.get(f"/api/tasks/teams/{code}").status_code == 403
