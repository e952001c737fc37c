"""The panel's analyst pages and API: analysts and admins only; response, attrition and results
of the demo panel, with every hidden value shown as x (page) or null (API)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accounts_fixtures import logged_in_client
from demo_worlds import copy_world
from lloradar.demo.panel import build_demo_panel
from lloradar.features.indicators.radar import radar_for_store
from lloradar.features.ingest.reference import load_reference_data
from lloradar.features.interventions.service import import_interventions, import_participants
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

REPO = Path(__file__).resolve().parents[3]
KEY = "lloradar-demo-participants-not-secret"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, migrated_duckdb_file: Path) -> Iterator[Any]:
    """The app on a small store: the regions, the example interventions and the demo panel."""
    from lloradar.server import create_app

    path = copy_world(migrated_duckdb_file, tmp_path_factory.mktemp("panel-api") / "w.duckdb")
    with open_store(str(path)) as store:
        load_reference_data(store, None)
        examples = REPO / "examples" / "interventions"
        import_interventions(store, examples / "register.yaml", is_demo=True)
        import_participants(store, examples / "participants.csv", KEY, is_demo=True)
        build_demo_panel(store, 42, KEY, REPO)
    yield create_app(radar_for_store(str(path)))


def test_results_are_for_analysts_only(app: Any) -> None:
    anonymous = TestClient(app)
    assert anonymous.get("/api/panel/response").status_code == 401
    citizen = logged_in_client(app, "citizen").client
    assert citizen.get("/api/panel/response").status_code == 403
    page = citizen.get("/panel-resultaten")
    assert page.status_code == 403


def test_api_response_and_results_hide_small_counts(app: Any) -> None:
    analyst = logged_in_client(app, "analyst").client
    waves = analyst.get("/api/panel/response").json()["waves"]
    assert [(w["wave_id"], w["invited"], w["responded"]) for w in waves] == [
        ("2026-voorjaar", 224, 160),
        ("2026-najaar", 224, 121),
    ]
    assert waves[1]["attrition_rate"] == pytest.approx(26.9)
    group = analyst.get("/api/panel/response", params={"group": "interventie:demo-twente-zorg"})
    assert all(w["invited"] == 64 for w in group.json()["waves"])
    body = analyst.get("/api/panel/waves/2026-voorjaar/results").json()
    assert body["is_demo"] is True
    participation = body["results"]["all"][0]
    assert participation["question_id"] == "participation"
    assert participation["counts"]["werkzoekend"] is None  # fewer than 10
    assert all(
        c is None or c >= 10
        for rows in body["results"].values()
        for r in rows
        for c in r["counts"].values()
    )
    assert analyst.get("/api/panel/waves/nope/results").status_code == 404


def test_the_results_page_in_dutch_and_english(app: Any) -> None:
    analyst = logged_in_client(app, "analyst").client
    page = analyst.get("/panel-resultaten")
    assert page.status_code == 200
    assert "Respons en uitval per ronde" in page.text and "71.4%" in page.text
    wave = analyst.get("/panel-resultaten/2026-voorjaar", params={"lang": "en"})
    assert "All respondents" in wave.text and "paid work: 104" in wave.text
    assert "demo" in wave.text
