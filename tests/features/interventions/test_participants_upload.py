"""`POST /api/interventions/participants` and `GET /api/interventions/uploads/{source_id}`: an
analyst uploads the participants CSV and reads what it stored and quarantined; the rows are the
same as the CLI import's (one load, `load_participants_data`), bad rows quarantined by line."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accounts_fixtures import logged_in_client, store_url_of
from demo_worlds import copy_world
from lloradar.features.indicators.radar import radar_for_store
from lloradar.features.ingest.reference import load_reference_data
from lloradar.features.interventions.service import import_interventions, import_participants
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples" / "interventions"
KEY = "upload-test-key-0123456789"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, migrated_duckdb_file: Path) -> Iterator[Any]:
    """The app on a small store: the regions and the example register, no participants yet."""
    from lloradar.server import create_app

    path = copy_world(migrated_duckdb_file, tmp_path_factory.mktemp("upload") / "w.duckdb")
    with open_store(str(path)) as store:
        load_reference_data(store, None)
        import_interventions(store, EXAMPLES / "register.yaml", is_demo=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LLORADAR_PSEUDONYM_KEY", KEY)
        yield create_app(radar_for_store(str(path)))


def test_only_analysts_upload(app: Any) -> None:
    files = {"file": ("p.csv", EXAMPLES.joinpath("participants.csv").read_bytes(), "text/csv")}
    assert TestClient(app).post("/api/interventions/participants", files=files).status_code == 401
    citizen = logged_in_client(app, "citizen").client
    assert citizen.post("/api/interventions/participants", files=files).status_code == 403


def test_an_upload_stores_what_the_cli_import_stores_and_quarantines_bad_rows(
    app: Any, tmp_path: Path, migrated_duckdb_file: Path
) -> None:
    data = EXAMPLES.joinpath("participants.csv").read_bytes()
    bad = data + b"demo-twente-zorg,ZT-9999,2025-13-01,,,,,,,,\n"
    analyst = logged_in_client(app, "analyst").client
    reply = analyst.post(
        "/api/interventions/participants", files={"file": ("../deelnemers.csv", bad, "text/csv")}
    )
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["location"] == "upload:deelnemers.csv"
    assert body["stored"]["participant"] == 97
    assert [(q["line"], q["field"]) for q in body["quarantined"]] == [(99, "start_date")]
    assert "is not a date" in body["quarantined"][0]["reason"]
    state = analyst.get(body["upload"]).json()
    assert (state["participants"], len(state["quarantined"])) == (97, 1)
    assert "/api/interventions/demo-twente-zorg/progress" in state["progress"]
    # the CLI import of the same file stores the same rows under the same pseudonyms
    with open_store(str(copy_world(migrated_duckdb_file, tmp_path / "cli.duckdb"))) as cli:
        import_interventions(cli, EXAMPLES / "register.yaml", is_demo=True)
        import_participants(cli, EXAMPLES / "participants.csv", KEY)
        by_cli = sorted(cli.query("SELECT intervention_id, pseudonym, start_date FROM participant"))
    with open_store(store_url_of(app)) as served:
        by_api = sorted(
            served.query("SELECT intervention_id, pseudonym, start_date FROM participant")
        )
    assert by_api == by_cli


def test_a_file_without_the_columns_is_refused_naming_the_line(app: Any) -> None:
    analyst = logged_in_client(app, "analyst").client
    reply = analyst.post(
        "/api/interventions/participants",
        files={"file": ("x.csv", b"naam,datum\nJan,2025-01-01\n", "text/csv")},
    )
    assert reply.status_code == 422
    assert reply.json()["line"] == 1 and "missing column" in reply.json()["detail"]
    assert analyst.get("/api/interventions/uploads/nope").status_code == 404
