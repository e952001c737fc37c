"""The inclusion feature on the offline demo world (issue 21): demo people at a distance from
the labour market per region, protected, with their potential toward tight occupations."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from demo_worlds import copy_world
from lloradar.cli.main import app as cli
from lloradar.domain.errors import ValidationError
from lloradar.features.inclusion import service
from lloradar.features.indicators.radar import radar_for_store
from lloradar.store import Store, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def world(offline_demo_world_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy for the flows and inclusion modules: the same path, so its radar loads once."""
    target = tmp_path_factory.getbasetemp() / "issue21-world" / "demo.duckdb"
    return target if target.is_file() else copy_world(offline_demo_world_file, target)


@pytest.fixture(scope="module")
def store(world: Path) -> Iterator[Store]:
    with open_store(str(world)) as opened:
        yield opened


def test_breakdowns_add_up_and_hide_small_groups(store: Store) -> None:
    result = service.region_inclusion(store, "AM05")
    assert result.is_demo and result.region_name == "Twente"
    total = store.query("SELECT sum(persons) FROM inclusion_group WHERE region_code = 'AM05'")[0][0]
    for part in result.breakdowns:
        assert part.total == total
        assert all(n is None or n >= 10 for n in part.persons)
    assert {b.dimension for b in result.breakdowns} == {
        "benefit_type",
        "age_band",
        "education_level",
        "work_limited",
    }
    assert result.potentials and all(
        p.persons is None or p.persons >= 10 for p in result.potentials
    )
    with pytest.raises(ValidationError) as bad:
        service.region_inclusion(store, "GM0153")
    assert bad.value.field == "region"


def test_page_and_api(world: Path, store: Store) -> None:
    from lloradar.server import create_app

    with TestClient(create_app(radar_for_store(str(world)))) as client:
        html = client.get("/regio/AM05/inclusie").text
        assert "Inclusie: Twente" in html and "Potentieel voor krappe beroepen" in html
        assert 'data-testid="demo-label"' in html
        answer = client.get("/api/inclusion/regions/AM05?lang=en").json()
        assert answer["is_demo"] and answer["benefit_type"]["rows"][0]["label"].startswith("Social")
        assert client.get("/api/inclusion/regions/XX1").status_code == 422


def test_cli_shows_the_region(world: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLORADAR_STORE", str(world))
    result = CliRunner().invoke(cli, ["inclusion", "show", "AM05", "--lang", "en"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["region_name"] == "Twente" and payload["work_limited"]["total"] >= 10
    refused = CliRunner().invoke(cli, ["inclusion", "show", "Twente"])
    assert refused.exit_code == 1 and "field 'region'" in refused.output
