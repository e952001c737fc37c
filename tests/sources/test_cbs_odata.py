"""CBS StatLine OData v3 and v4 on the real recorded responses in shared/data, and the fetcher
following odata.nextLink through a mock transport."""

from __future__ import annotations

import copy
from pathlib import Path

import httpx
import pytest

from lloradar.domain import IngestError
from lloradar.features.ingest.service import ingest_cbs
from lloradar.sources import cbs
from lloradar.store import Store

pytestmark = pytest.mark.shared_data
V3 = "recorded-sources/cbs-odata-v3/CBSOData3.jl-test"
V4 = "recorded-sources/cbs-odata-v4/CBSOData4.jl-test"
PAGE_2 = "https://opendata.cbs.nl/ODataFeed/OData/83599NED/UntypedDataSet/?$format=json&$skip=10000"


def read(shared_data: Path, name: str) -> bytes:
    return (shared_data / name).read_bytes()


def test_v3_untyped_page_has_rows_next_link_and_table(shared_data: Path) -> None:
    page = cbs.parse_page(read(shared_data, f"{V3}/tables_2.json.gz"), "tables_2")
    assert len(page.rows) == 10_000
    assert page.table_id == "83599NED"
    assert page.next_link == PAGE_2
    last = cbs.parse_page(read(shared_data, f"{V3}/tables_3.json"), "tables_3")
    assert last.next_link is None


def test_v3_padded_codes_and_values_are_stripped(shared_data: Path) -> None:
    page = cbs.parse_page(read(shared_data, f"{V3}/tables_2.json.gz"), "tables_2")
    first = cbs.parse_rows(page.rows[:1], "83599NED", "tables_2").records[0]
    assert first.dimensions == (
        ("Perioden", "2011KW01"),
        ("BedrijfstakkenBranchesSBI2008", "T001081"),
        ("RegioS", "NL01"),
    )
    assert first.value == 135.5
    assert first.region_code == "NL01"
    assert first.period == "2011KW01"


def test_v3_both_pages_give_every_observation_and_the_one_missing_cell(shared_data: Path) -> None:
    rows = [
        row
        for name in ("tables_2.json.gz", "tables_3.json")
        for row in cbs.parse_page(read(shared_data, f"{V3}/{name}"), name).rows
    ]
    parsed = cbs.parse_rows(rows, "83599NED", "83599NED")
    assert len(parsed.records) == 15_504
    assert parsed.quarantine == []
    missing = [o for o in parsed.records if o.value is None]
    assert [(o.period, o.region_code, o.status) for o in missing] == [
        ("2014KW03", "PV31", "missing")
    ]
    assert {o.region_code for o in parsed.records} >= {"NL01", "LD01", "PV20", "PV31"}


def test_v3_typed_data_set_with_data_properties(shared_data: Path) -> None:
    dimensions, topics = cbs.table_structure(read(shared_data, f"{V3}/meta_7.json"), "meta_7")
    assert dimensions == ["Persoonskenmerken", "BedrijfstakkenSBI93", "Perioden"]
    assert len(topics) == 12
    page = cbs.parse_page(read(shared_data, f"{V3}/meta_8.json"), "meta_8")
    parsed = cbs.parse_v3_rows(
        page.rows, "80137ned", "meta_8", dimensions=dimensions, topics=topics
    )
    assert len(parsed.records) == 675 * 12
    assert parsed.records[0].dimensions[0] == ("Persoonskenmerken", "1")


def test_cbsodata_download_with_nulls(shared_data: Path) -> None:
    path = "recorded-sources/cbs-odata-v3/cbsodata-download-82070ENG/TypedDataSet.json"
    page = cbs.parse_page(read(shared_data, path), path)
    parsed = cbs.parse_rows(page.rows, "82070ENG", path)
    assert len(parsed.records) == 315 * 2
    by_cell: dict[str, list[float | None]] = {}
    for o in parsed.records:
        by_cell.setdefault(o.key, []).append(o.value)
    assert sum(values == [None, None] for values in by_cell.values()) == 45
    assert all(o.status == "missing" for o in parsed.records if o.value is None)
    assert {o.region_code for o in parsed.records} == {"GM9001", "GM9002", "GM9003"}


def test_v4_observations_are_long_with_unpadded_codes(shared_data: Path) -> None:
    page = cbs.parse_page(read(shared_data, f"{V4}/meta_4.json"), "meta_4")
    parsed = cbs.parse_rows(page.rows, page.table_id or "", "meta_4")
    assert page.table_id == "80072ned"
    assert len(parsed.records) == 4_409
    first = parsed.records[0]
    assert (first.measure, first.value, first.period) == ("M001924", 5.5, "1996KW01")


def test_a_table_whose_dimensions_changed_is_refused(shared_data: Path) -> None:
    rows = cbs.parse_page(read(shared_data, f"{V3}/tables_3.json"), "tables_3").rows[:5]
    changed = copy.deepcopy(rows)
    changed[3]["Regio"] = changed[3].pop("RegioS")
    with pytest.raises(IngestError, match=r"line 4: the table's dimensions changed"):
        cbs.parse_rows(changed, "83599NED", "tables_3")
    v4 = cbs.parse_page(read(shared_data, f"{V4}/meta_4.json"), "meta_4").rows[:3]
    v4[2]["Regio"] = "PV20"
    with pytest.raises(IngestError, match="dimensions changed"):
        cbs.parse_rows(v4, "80072ned", "meta_4")


def test_fetcher_follows_next_link_and_ingest_is_idempotent(shared_data: Path, duck: Store) -> None:
    pages = {
        cbs.v3_url("83599NED"): read(shared_data, f"{V3}/tables_2.json.gz"),
        PAGE_2: read(shared_data, f"{V3}/tables_3.json"),
    }
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url).replace("%24", "$")
        requested.append(url)
        assert request.headers["accept"] == "application/json"
        return httpx.Response(200, content=pages[url])

    transport = httpx.MockTransport(handler)
    assert cbs.v3_url("83599NED") == (
        "https://opendata.cbs.nl/ODataFeed/odata/83599NED/UntypedDataSet?$format=json"
    )
    report = ingest_cbs(duck, ["83599NED"], transport=transport)
    assert requested == list(pages)
    assert report.load.stored == {"cbs_observation": 15_504}
    ingest_cbs(duck, ["83599NED"], transport=transport)
    assert duck.query("SELECT count(*) FROM cbs_observation")[0][0] == 15_504
    assert duck.query("SELECT count(*) FROM provenance WHERE source_table = '83599NED'") == [(1,)]


def test_fetcher_reports_http_errors() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(503))
    with pytest.raises(IngestError, match="HTTP 503"):
        cbs.fetch_pages(cbs.v4_url("80072ned"), transport=transport)
