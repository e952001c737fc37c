"""The forecast and intervention endpoints against the demo world with two forecast runs and
the example intervention register."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from demo_worlds import copy_world
from lloradar.features.indicators.radar import radar_for_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, app_world_file: Path) -> Iterator[TestClient]:
    """This module's own copy of the app world: a progress answer records its release in the
    disclosure ledger, so questions other modules asked before must not change these answers
    (the tests pass in any order and on any worker)."""
    from lloradar.server import create_app

    path = tmp_path_factory.mktemp("interventions-api") / "demo.duckdb"
    copy_world(app_world_file, path)
    with TestClient(create_app(radar_for_store(str(path)))) as test_client:
        yield test_client


def test_forecast_runs_region_outlook_and_scenario_diff(client: TestClient) -> None:
    runs = client.get("/api/forecast/runs").json()
    assert {r["scenario"] for r in runs} == {"baseline", "aow-68"}
    rows = client.get("/api/forecast/regions/AM05").json()
    assert rows and all(r["region_code"] == "AM05" for r in rows)
    assert client.get("/api/forecast/regions/AM05", params={"format": "csv"}).text.startswith(
        "occupation_id,"
    )
    diff = client.get("/api/forecast/scenarios/aow-68/diff", params={"lang": "nl"}).json()
    assert diff["assumptions"][0]["kind"] == "pension_age"
    assert "ten opzichte van de basis" in diff["text"]
    assert [t["year"] for t in diff["totals"]] == [2026, 2027, 2028, 2029, 2030]
    assert diff["totals"][2]["demand_diff"] < 0  # the pension age applies from 2028


def test_forecast_unknowns_are_problems(client: TestClient) -> None:
    assert client.get("/api/forecast/regions/twnte").status_code == 404
    missing = client.get("/api/forecast/scenarios/nope/diff")
    assert missing.status_code == 404
    assert missing.json()["title"] == "No forecast run"


def test_intervention_register_progress_and_portfolio(client: TestClient) -> None:
    register = client.get("/api/interventions", params={"region": "AM05"}).json()
    assert [i["id"] for i in register] == [
        "demo-twente-taal",
        "demo-twente-techniek",
        "demo-twente-zorg",
    ]
    progress = client.get(
        "/api/interventions/demo-twente-zorg/progress", params={"as_of": "2026-06-30"}
    ).json()
    assert "participants: 64 realised, target 60" in progress["kpi_texts"][0]
    assert progress["outflow"]["baseline_pct"] is not None
    csv_text = client.get(
        "/api/interventions/demo-twente-zorg/progress",
        params={"as_of": "2026-06-30", "format": "csv"},
    ).text
    assert csv_text.startswith("intervention_id,measure,date,realised,base,target")
    portfolio = client.get(
        "/api/interventions/portfolio", params={"region": "AM05", "as_of": "2026-06-30"}
    ).json()
    assert portfolio["total"]["interventions"] == 3
    assert portfolio["texts"][-1].startswith("Total: 3 interventions")
    assert client.get("/api/interventions/nope").status_code == 404
