"""The generic StatLine loader on real recorded CBS files: table 82070ENG as saved by cbsodata
(loaded from its folder, and fetched by table id through an httpx mock transport that serves the
same files), and the DataProperties of 83765NED, whose topics the welfare indicators read."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from lloradar.demo.welfare import TOPICS
from lloradar.features.welfare.catalogue import INDICATORS, TABLE
from lloradar.features.welfare.service import load_table
from lloradar.sources.statline import parse_properties
from lloradar.store import Store

V3 = "recorded-sources/cbs-odata-v3"


@pytest.fixture
def download_82070(shared_data: Path) -> Path:
    return shared_data / V3 / "cbsodata-download-82070ENG"


def test_a_table_loads_from_a_saved_cbsodata_folder(any_store: Store, download_82070: Path) -> None:
    duck = any_store  # DuckDB and PostgreSQL
    report = load_table(duck, "82070ENG", folder=download_82070)
    assert report.stored == {"cbs_observation": 630, "statline_table": 1, "statline_topic": 2}
    assert duck.query("SELECT title, period FROM statline_table") == [
        ("Caribbean Netherlands; employed labour force characteristics 2012", "2012")
    ]
    assert duck.query("SELECT measure, title, unit FROM statline_topic ORDER BY measure") == [
        ("EmployedLabourForceInternatDef_1", "Employed labour force (internat. def.)", "number"),
        ("EmployedLabourForceNationalDef_2", "Employed labour force (national def.)", "number"),
    ]
    bonaire = duck.query(
        "SELECT value FROM cbs_observation WHERE region_code = 'GM9001' AND measure = "
        "'EmployedLabourForceInternatDef_1' AND dimensions LIKE 'Gender=1100;"
        "PersonalCharacteristics=10000;%'"
    )
    assert bonaire == [(8837.0,)]
    # suppressed cells come as null with their status, never as zero
    missing = duck.query("SELECT count(*) FROM cbs_observation WHERE value IS NULL")[0][0]
    assert (
        missing
        == duck.query("SELECT count(*) FROM cbs_observation WHERE status = 'missing'")[0][0]
        > 0
    )
    again = load_table(duck, "82070ENG", folder=download_82070)
    assert again.changed.get("cbs_observation", 0) == 0


def test_a_table_is_fetched_by_its_id(duck: Store, download_82070: Path) -> None:
    asked: list[str] = []

    def respond(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        entity = request.url.path.rsplit("/", 1)[-1]
        body = json.loads((download_82070 / f"{entity}.json").read_text(encoding="utf-8"))
        return httpx.Response(200, json={"odata.metadata": "x", "value": body})

    report = load_table(duck, "82070ENG", transport=httpx.MockTransport(respond))
    assert sorted(asked) == [
        "/ODataFeed/odata/82070ENG/DataProperties",
        "/ODataFeed/odata/82070ENG/TableInfos",
        "/ODataFeed/odata/82070ENG/TypedDataSet",
    ]
    assert report.stored["cbs_observation"] == 630


def test_a_folder_of_another_table_is_refused(duck: Store, download_82070: Path) -> None:
    with pytest.raises(Exception, match="this is table '82070ENG', not '83765NED'"):
        load_table(duck, "83765NED", folder=download_82070)


def test_the_welfare_indicators_name_real_topics_of_their_table(shared_data: Path) -> None:
    folder = shared_data / V3 / "cbsodata-download-83765NED-partial"
    _, topics = parse_properties((folder / "DataProperties.json").read_bytes(), "83765NED")
    by_key = {t.key: t for t in topics}
    needed = {i.measure for i in INDICATORS} | {
        m for i in INDICATORS for m in (i.weight, i.per) if m
    }
    assert all(i.table == TABLE == "83765NED" for i in INDICATORS)
    assert needed <= set(by_key) and needed == set(TOPICS)
    for key, (title, unit, decimals, group) in TOPICS.items():
        assert (by_key[key].title.strip(), by_key[key].unit) == (title, unit)
        assert (by_key[key].decimals, by_key[key].group) == (decimals, group)
    assert not by_key["Gemeentenaam_1"].numeric  # a text topic: never read as a number
