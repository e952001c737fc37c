"""POST /api/employer/vacancy on the demo world: employer accounts only, the five blocks, counts
of people never under 10, and clear problems for an empty, a 1 MB or a misplaced request."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from accounts_fixtures import LoggedIn, logged_in_client

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

VACANCY_NL = (
    "Voor onze afdeling interne geneeskunde zoeken wij een verpleegkundige. Je verleent zorg "
    "aan patiënten, dient medicatie toe, stelt zorgplannen op en werkt samen met artsen."
)
PEOPLE = {"candidates", "interested", "experienced", "job_seekers_short", "holders",
          "retiring_5", "retiring_10", "team_size"}  # fmt: skip


@pytest.fixture(scope="module")
def employer(client: TestClient) -> Iterator[LoggedIn]:
    me = logged_in_client(client.app, "employer")
    with me.client:
        yield me


def people_counts(node: Any) -> list[int | None]:
    """Every count of people anywhere in a JSON answer."""
    found: list[int | None] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in PEOPLE and not isinstance(value, dict | list):
                found.append(value)
            else:
                found.extend(people_counts(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(people_counts(item))
    return found


def test_needs_an_employer_account(client: TestClient) -> None:
    anonymous = client.post("/api/employer/vacancy", json={"text": VACANCY_NL, "region": "AM05"})
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"].startswith("application/problem+json")
    citizen = logged_in_client(client.app, "citizen")
    r = citizen.client.post("/api/employer/vacancy", json={"text": VACANCY_NL, "region": "AM05"})
    assert r.status_code == 403 and "employer" in r.json()["detail"]


def test_dutch_vacancy_gives_every_block(employer: LoggedIn) -> None:
    team = [
        {"occupation": "algemeen verpleegkundige", "age_band": "25-34", "count": 14},
        {"occupation": "algemeen verpleegkundige", "age_band": "55-64", "count": 12},
        {"occupation": "zorghulp", "age_band": "60+", "count": 3},
    ]
    r = employer.client.post(
        "/api/employer/vacancy", json={"text": VACANCY_NL, "region": "AM05", "team": team}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["region"]["code"] == "AM05" and body["is_demo"] is True
    assert len(body["skills"]["items"]) >= 5
    occupation = body["skills"]["occupation"]
    assert "verpleegkundige" in occupation["label"]
    assert body["pool"]["no_figures"] is False
    assert body["competition"]["open_vacancies"] >= 0
    assert body["competition"]["text"] and body["pool"]["text"] and body["adjacent"]["text"]
    assert body["adjacent"]["items"], "related occupations to recruit from"
    assert body["team_risk"]["team_size"] == 29
    assert body["team_risk"]["items"]
    counts = people_counts(body)
    assert counts and all(c is None or c >= 10 for c in counts)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"text": "", "region": "AM05"}, "the vacancy text is empty"),
        ({"text": "a" * 1_000_000, "region": "AM05"}, "1,000,000 characters"),
        ({"text": VACANCY_NL, "region": "AM99"}, "'AM99' is not an arbeidsmarktregio"),
        (
            {
                "text": VACANCY_NL,
                "region": "AM05",
                "team": [{"occupation": "astronaut", "age_band": "20-29", "count": 12}],
            },
            "'astronaut' is not an occupation",
        ),
    ],
)
def test_bad_requests_are_clear_problems(
    employer: LoggedIn, body: dict[str, Any], words: str
) -> None:
    r = employer.client.post("/api/employer/vacancy", json=body)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert words in r.json()["detail"]


def test_cookie_without_csrf_header_is_refused(employer: LoggedIn, client: TestClient) -> None:
    bare = TestClient(client.app)
    bare.cookies.set("lloradar_session", employer.token)
    r = bare.post("/api/employer/vacancy", json={"text": VACANCY_NL, "region": "AM05"})
    assert r.status_code == 403 and "X-CSRF-Token" in r.json()["detail"]


def test_saved_team_is_the_employers_own(employer: LoggedIn, client: TestClient) -> None:
    team = [{"occupation": "zorghulp", "age_band": "60-64", "count": 11}]
    saved = employer.client.put("/api/employer/team", json={"team": team})
    assert saved.status_code == 200, saved.text
    [group] = saved.json()["team"]
    assert group["age_band"] == "60-64" and group["count"] == 11
    assert group["occupation"].startswith(("http://data.europa.eu/esco/occupation/", "demo:"))
    other = logged_in_client(client.app, "employer")
    assert other.client.get("/api/employer/team").json() == {"team": []}
    assert client.get("/api/employer/team").status_code == 401
    r = employer.client.post(
        "/api/employer/vacancy",
        json={"text": VACANCY_NL, "region": "AM05", "use_saved_team": True},
    )
    assert r.json()["team_risk"]["team_size"] == 11
    bad = employer.client.put(
        "/api/employer/team",
        json={"team": [{"occupation": "zorghulp", "age_band": "oud", "count": 1}]},
    )
    assert bad.status_code == 422 and "age_band" in bad.json()["detail"]
    assert employer.client.get("/api/employer/team").json()["team"] == [group]  # kept
    assert employer.client.delete("/api/employer/team").json() == {"deleted": 1}
    assert employer.client.get("/api/employer/team").json() == {"team": []}
