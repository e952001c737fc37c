"""The flows feature on the offline demo world (issue 21): the region's matrix (rows sum to
the outflow, nothing under 10 shown), the waterbed view through service, API and CLI, and
bad input named by its field."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from demo_worlds import copy_world
from lloradar.analytics.disclosure import HIDDEN
from lloradar.analytics.flows import STRUCTURAL
from lloradar.cli.main import app as cli
from lloradar.domain.errors import UnknownLabel, ValidationError
from lloradar.features.flows import scenarios, service
from lloradar.features.flows.commuting import commuting
from lloradar.features.indicators.radar import radar_for_store
from lloradar.store import Store, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

NURSE_AID = "demo:occupation/healthcare-assistant"


@pytest.fixture(scope="module")
def world(offline_demo_world_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy for the flows and inclusion modules: the same path, so its radar loads once."""
    target = tmp_path_factory.getbasetemp() / "issue21-world" / "demo.duckdb"
    return target if target.is_file() else copy_world(offline_demo_world_file, target)


@pytest.fixture(scope="module")
def store(world: Path) -> Iterator[Store]:
    with open_store(str(world)) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(world: Path, store: Store) -> Iterator[TestClient]:
    from lloradar.server import create_app

    with TestClient(create_app(radar_for_store(str(world)))) as test_client:
        yield test_client


def _shown(values: tuple[str, ...]) -> list[int]:
    return [int(v) for v in values if v not in (HIDDEN, STRUCTURAL)]


def test_the_region_matrix_rows_sum_to_the_outflow_of_job_seekers(store: Store) -> None:
    flows = service.region_flows(store, "AM05")
    seekers = {
        str(o): int(s) + int(lg)
        for o, s, lg in store.query(
            "SELECT occupation_id, job_seekers_short, job_seekers_long FROM labour_supply "
            "WHERE region_code = 'AM05' AND period = (SELECT max(period) FROM labour_supply)"
        )
    }
    matrix = flows.matrix
    for r, key in enumerate(matrix.keys):
        expected = seekers[key] if matrix.viable[r].any() else 0
        assert matrix.counts[r].sum() == expected
    assert flows.is_demo and flows.region_name == "Twente"
    cells = [v for row in flows.protected.cells for v in row]
    assert all(v in (HIDDEN, STRUCTURAL) or int(v) >= 10 for v in cells)
    assert flows.job_to_job_tables == [] and flows.commuting_tables == []


def test_the_sector_matrix_keeps_the_region_total(store: Store) -> None:
    occupations = service.region_flows(store, "AM05", "employed", "occupation")
    sectors = service.region_flows(store, "AM05", "employed", "sector")
    assert sectors.matrix.counts.sum() == occupations.matrix.counts.sum() > 0
    assert "Q" in sectors.protected.keys and sectors.label("Q", "nl")


def test_bad_input_names_the_field(store: Store) -> None:
    with pytest.raises(ValidationError) as bad_region:
        service.region_flows(store, "PV21")  # a provincie, not an arbeidsmarktregio
    assert bad_region.value.field == "region"
    with pytest.raises(ValidationError) as bad_basis:
        service.region_flows(store, "AM05", basis="everyone")
    assert bad_basis.value.field == "basis"
    with pytest.raises(ValidationError) as bad_n:
        service.waterbed(store, "AM05", NURSE_AID, 0)
    assert bad_n.value.field == "n"
    with pytest.raises(UnknownLabel, match="'astronaut' is not a known occupation of AM05"):
        service.waterbed(store, "AM05", "astronaut", 10)


def test_the_waterbed_takes_exactly_n_from_the_sources(store: Store) -> None:
    result = service.waterbed(store, "AM05", "healthcare assistant", 250, "employed")
    assert result.target == NURSE_AID
    assert sum(result.drawn.values()) == 250
    assert sum(e.drawn for e in result.shown) + result.pooled == 250
    top = result.shown[0]
    assert top.ratio_after is not None and top.ratio_before is not None
    assert top.ratio_after > top.ratio_before  # workers leave: their jobs open again
    before, after = result.forecast[top.key]
    assert before is not None and after is not None and after != before
    assert result.text.startswith("Als 250 mensen in Twente als zorghulp gaan werken")


def test_api_answers_the_matrix_and_the_waterbed(client: TestClient) -> None:
    matrix = client.get("/api/flows/regions/AM05?level=sector&lang=en").json()
    assert matrix["level"] == "sector" and len(matrix["cells"]) == len(matrix["keys"])
    assert any("No CBS job-to-job table" in n for n in matrix["notes"])
    assert matrix["text"].startswith("The largest flows in Twente:")
    answer = client.get(
        "/api/flows/regions/AM05/waterbed",
        params={"target": NURSE_AID, "n": 120, "basis": "employed", "lang": "en"},
    ).json()
    assert sum(s["drawn"] for s in answer["sources"]) + answer["other_sources"] == 120
    assert answer["text"].startswith("If 120 people in Twente start work as healthcare assistant")
    bad = client.get("/api/flows/regions/AM05/waterbed", params={"target": NURSE_AID, "n": 0})
    assert bad.status_code == 422 and "n" in bad.text
    unknown = client.get("/api/flows/regions/AM05/waterbed", params={"target": "x", "n": 5})
    assert unknown.status_code == 404


def test_the_page_shows_the_waterbed_in_dutch(client: TestClient) -> None:
    html = client.get(
        "/regio/AM05/stromen", params={"doel": NURSE_AID, "aantal": 120, "basis": "employed"}
    ).text
    assert 'data-testid="waterbed"' in html and "Als 120 mensen in Twente" in html
    assert "Stroommatrix" in html and 'data-testid="demo-label"' in html
    assert client.get("/regio/PV21/stromen").status_code == 404
    assert 'href="/regio/AM05/stromen"' in client.get("/regio/AM05").text


def test_cli_prints_the_waterbed(world: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLORADAR_STORE", str(world))
    result = CliRunner().invoke(
        cli, ["flows", "waterbed", "AM05", NURSE_AID, "80", "--format", "json", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["n"] == 80 and payload["target"]["label"] == "healthcare assistant"
    refused = CliRunner().invoke(cli, ["flows", "matrix", "AM99"])
    assert refused.exit_code == 1 and "field 'region'" in refused.output


def test_no_commuting_table_is_said_plainly(client: TestClient) -> None:
    answer = client.get("/api/flows/commuting?region=AM05")
    assert answer.status_code == 404 and "lloradar welfare load 85481NED" in answer.text


def test_a_loaded_commuting_table_gives_each_region_its_partners(
    offline_demo_world_file: Path, tmp_path: Path
) -> None:
    path = copy_world(offline_demo_world_file, tmp_path / "commuting.duckdb")
    with open_store(str(path)) as store:
        store.execute(
            "INSERT INTO provenance (source_id, source, source_table, url, retrieved_at, "
            "licence, checksum) VALUES ('cbs85481', 'CBS StatLine OData', '85481NED', "
            "'https://opendata.cbs.nl/ODataApi/odata/85481NED', TIMESTAMP '2025-01-02', "
            "'CC BY 4.0', 'test')"
        )
        store.execute(
            "INSERT INTO statline_topic (table_id, measure, title, unit, source_id) VALUES "
            "('85481NED', 'Werknemersbanen_1', 'Werknemersbanen', 'x 1 000', 'cbs85481')"
        )
        regions = [str(r[0]) for r in store.query(
            "SELECT code FROM region WHERE level = 'arbeidsmarktregio'"
        )]  # fmt: skip
        jobs = {(h, w): 0.1 for h in regions for w in regions}  # 100 jobs between any two
        jobs |= {("AM05", "AM05"): 250.0, ("AM05", "AM12"): 1.5, ("AM12", "AM05"): 0.8,
                 ("AM05", "AM13"): 0.005}  # fmt: skip
        values = ", ".join(
            f"('85481NED', 'Woonregio={h};Werkregio={w};Perioden=2022MM12', "
            f"'Werknemersbanen_1', {v}, 'cbs85481')"
            for (h, w), v in jobs.items()
        )
        store.execute(
            "INSERT INTO cbs_observation (table_id, dimensions, measure, value, source_id) "
            f"VALUES {values}"
        )
        result = commuting(store)
        assert result is not None and result.table_id == "85481NED"
        partners = result.partners("AM05")
        flows = service.region_flows(store, "AM05")
    names = dict(result.names)
    assert partners["out"][0] == (names["AM12"], "1500")
    assert names["AM13"] not in dict(partners["out"])  # 5 jobs: hidden
    assert len(partners["out"]) == 10 and all(v == "100" for _, v in partners["out"][1:])
    assert partners["in"][0] == (names["AM12"], "800")
    assert flows.commuting_tables == ["85481NED"]


def test_a_scenarios_recruitment_drive_is_drawn_into_the_region(store: Store) -> None:
    stock = dict(
        store.query(
            "SELECT region_code, sum(persons) FROM occupation_employment WHERE year = "
            "(SELECT max(year) FROM occupation_employment) "
            "AND occupation_id = 'demo:occupation/police-officer' GROUP BY 1"
        )
    )
    [draw] = scenarios.scenario_draws(store, "AM05", "police-recruitment")
    assert draw.assumption == "police-drive" and draw.national_per_year == 2000
    assert draw.n == round(2000 * stock["AM05"] / sum(stock.values()))
    same, result = scenarios.waterbed_for_scenario(store, "AM05", "police-recruitment", "employed")
    assert same == draw and sum(result.drawn.values()) == draw.n
    with pytest.raises(ValidationError) as bad:
        scenarios.scenario_draws(store, "AM05", "../baseline")
    assert bad.value.field == "scenario"


def test_api_and_page_answer_a_scenarios_waterbed(client: TestClient) -> None:
    answer = client.get("/api/flows/regions/AM05/waterbed/scenario/police-recruitment").json()
    assert answer["assumption"] == "police-drive" and answer["target"]["label"] == "politieagent"
    refused = client.get("/api/flows/regions/AM05/waterbed/scenario/aow-68")
    assert refused.status_code == 422 and "scenario" in refused.text  # no recruitment drive
    page = client.get("/regio/AM05/stromen?scenario=police-recruitment&basis=employed").text
    assert 'data-testid="scenario-draw"' in page and "police-drive" in page


def test_a_target_nobody_can_move_into_is_named(store: Store) -> None:
    flows = service.region_flows(store, "AM05")
    closed = [k for c, k in enumerate(flows.protected.keys) if flows.protected.inflow[c] == "-"]
    label = flows.label(closed[0], "en")
    expected = re.escape(f"no one moves into {label} in the flow matrix of Twente")
    with pytest.raises(LookupError, match=expected):
        service.waterbed(store, "AM05", closed[0], 10)
