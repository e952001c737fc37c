"""Similar occupations and skill extraction over the demo world's occupation-skill graph."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from lloradar.features.indicators.radar import RadarData, radar_for_store
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not present")


@needs_shared
def test_similar_occupations_explained(client: TestClient, radar: RadarData) -> None:
    occupation = radar.occupations[0]
    r = client.get(f"/api/occupations/{occupation.slug}/similar", params={"top": 3})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["occupation"] == occupation.id
    assert 1 <= len(body["items"]) <= 3
    first = body["items"][0]
    assert first["uri"] != occupation.id
    assert {"label", "similarity", "shared_skills", "missing_skills"} <= set(first)
    scores = [i["similarity"] for i in body["items"]]
    assert scores == sorted(scores, reverse=True)


@needs_shared
def test_similar_accepts_the_full_uri(client: TestClient, radar: RadarData) -> None:
    uri = radar.occupations[1].id
    r = client.get(f"/api/occupations/{uri.rsplit('/', 1)[-1]}/similar")
    assert r.status_code == 200
    assert r.json()["occupation"] == uri


@needs_shared
def test_similar_unknown_occupation_is_a_problem(client: TestClient) -> None:
    r = client.get("/api/occupations/verpleegkundigx/similar")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "verpleegkundigx" in r.json()["detail"]


def test_similar_top_is_validated(client: TestClient, radar: RadarData) -> None:
    r = client.get(f"/api/occupations/{radar.occupations[0].slug}/similar", params={"top": 0})
    assert r.status_code == 422
    assert "query.top" in r.json()["detail"]


@needs_shared
def test_extract_skills_from_dutch_text(client: TestClient) -> None:
    text = "Wij zoeken een collega die software ontwikkelt in Python en goed communiceert."
    r = client.post("/api/skills/extract", json={"text": text, "lang": "nl", "top": 5})
    assert r.status_code == 200, r.text
    skills = r.json()["skills"]
    assert 1 <= len(skills) <= 5
    assert {"uri", "label", "score", "span"} <= set(skills[0])
    assert any("Python" in s["label"] for s in skills)
    assert all(s["span"] in text for s in skills)


def test_extract_rejects_bad_input(client: TestClient) -> None:
    r = client.post("/api/skills/extract", json={"text": "", "lang": "fr"})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert {"body.text", "body.lang"} <= fields


def test_without_skills_the_answer_is_409(tmp_path: Path) -> None:
    from lloradar.server import create_app

    path = str(tmp_path / "empty.duckdb")
    open_store(path).close()
    with TestClient(create_app(radar_for_store(path))) as empty:
        r = empty.get("/api/occupations/anything/similar")
        assert r.status_code == 409
        assert "skills" in r.json()["detail"]
        r = empty.post("/api/skills/extract", json={"text": "Python"})
        assert r.status_code == 409
