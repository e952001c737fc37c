"""`lloradar sources refresh` offline: the recorded CBS 83599NED pages (two, with odata.nextLink)
and a DUO file served through an httpx mock transport - a changed table, an unchanged one (304
and same checksum), a table whose dimensions changed (refused, nothing lost) and a server error
mid-paging (nothing half-loaded)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from lloradar.cli.main import app
from lloradar.features.ingest import sources_cli
from lloradar.features.ingest.refresh_sources import (
    cbs_source,
    duo_source,
    refresh_sources,
    watched_sources,
)
from lloradar.store import Store

V3 = "recorded-sources/cbs-odata-v3/CBSOData3.jl-test"
DUO = "recorded-sources/duo-open-onderwijsdata/wo_gediplomeerden_2019.csv"
DUO_URL = "https://duo.example/05-gediplomeerden-wo-2019.csv"


def _pages(shared_data: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    first = json.loads(gzip.decompress((shared_data / V3 / "tables_2.json.gz").read_bytes()))
    second = json.loads((shared_data / V3 / "tables_3.json").read_bytes())
    return first, second


class FakeCbs:
    """A CBS feed in two pages, as the recorded files; `edit` changes the rows served, `etag`
    turns on conditional answers, `fail_page` answers 500 to that page."""

    def __init__(self, shared_data: Path) -> None:
        self.first, self.second = _pages(shared_data)
        self.edit: Callable[[dict[str, Any]], dict[str, Any] | None] = lambda row: row
        self.etag: str | None = None
        self.fail_page: int | None = None
        self.duo = (shared_data / DUO).read_bytes()
        self.requests: list[str] = []

    def _page(self, document: dict[str, Any]) -> bytes:
        rows = [r for r in (self.edit(dict(row)) for row in document["value"]) if r is not None]
        return json.dumps({**document, "value": rows}).encode()

    def handler(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.requests.append(url)
        if url.startswith(DUO_URL):
            return httpx.Response(200, content=self.duo)
        page = 2 if "skip=10000" in url else 1
        if self.fail_page == page:
            return httpx.Response(500, text="internal error")
        if page == 1 and self.etag and request.headers.get("If-None-Match") == self.etag:
            return httpx.Response(304)
        headers = {"ETag": self.etag} if self.etag and page == 1 else {}
        body = self._page(self.second if page == 2 else self.first)
        return httpx.Response(200, content=body, headers=headers)

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)


@pytest.fixture
def server(shared_data: Path) -> FakeCbs:
    return FakeCbs(shared_data)


def _without_last_quarter(row: dict[str, Any]) -> dict[str, Any] | None:
    return None if row["Perioden"].strip() == "2020KW02" else row


def _count(store: Store) -> int:
    return int(store.query("SELECT count(*) FROM cbs_observation")[0][0])


def test_a_changed_table_loads_only_its_new_quarter_and_logs_it(
    any_store: Store, server: FakeCbs
) -> None:
    server.edit = _without_last_quarter
    first = refresh_sources(any_store, [cbs_source("83599NED")], transport=server.transport)
    assert [o.outcome for o in first.outcomes] == ["loaded"]
    assert _count(any_store) == 15_504 - 17 * 24
    assert first.outcomes[0].new_periods[-1] == "2020KW01"
    assert any("skip=10000" in url for url in server.requests)  # followed the nextLink
    server.edit = lambda row: row  # CBS publishes 2020 Q2
    second = refresh_sources(any_store, [cbs_source("83599NED")], transport=server.transport)
    outcome = second.outcomes[0]
    assert (outcome.outcome, outcome.new_periods) == ("loaded", ("2020KW02",))
    assert _count(any_store) == 15_504
    logged = any_store.query(
        "SELECT outcome, new_periods FROM source_refresh ORDER BY checked_at DESC LIMIT 1"
    )
    assert logged == [("loaded", "2020KW02")]


def test_an_unchanged_table_is_not_loaded_again(duck: Store, server: FakeCbs) -> None:
    refresh_sources(duck, [cbs_source("83599NED")], transport=server.transport)
    same = refresh_sources(duck, [cbs_source("83599NED")], transport=server.transport)
    assert (same.outcomes[0].outcome, same.outcomes[0].detail) == ("unchanged", "same checksum")
    server.etag = '"v1"'
    refresh_sources(duck, [cbs_source("83599NED")], transport=server.transport)  # learns it
    server.requests.clear()
    conditional = refresh_sources(duck, [cbs_source("83599NED")], transport=server.transport)
    assert conditional.outcomes[0].detail == "304 Not Modified"
    assert len(server.requests) == 1  # no second page fetched


def test_a_table_whose_dimensions_changed_is_refused_and_nothing_is_lost(
    duck: Store, server: FakeCbs
) -> None:
    refresh_sources(duck, [cbs_source("83599NED")], transport=server.transport)
    before = duck.query("SELECT * FROM cbs_observation ORDER BY table_id, dimensions, measure")

    def renamed(row: dict[str, Any]) -> dict[str, Any]:
        row["Regio"] = row.pop("RegioS")
        return row

    server.edit = renamed
    run = refresh_sources(duck, [cbs_source("83599NED")], transport=server.transport)
    outcome = run.outcomes[0]
    assert outcome.outcome == "refused" and not run.ok
    assert "dimensions changed" in outcome.detail and "RegioS" in outcome.detail
    assert "Regio'" in outcome.detail or "'Regio'" in outcome.detail
    after = duck.query("SELECT * FROM cbs_observation ORDER BY table_id, dimensions, measure")
    assert after == before


def test_a_server_error_mid_paging_loads_nothing(duck: Store, server: FakeCbs) -> None:
    server.fail_page = 2
    run = refresh_sources(duck, [cbs_source("83599NED")], transport=server.transport)
    outcome = run.outcomes[0]
    assert outcome.outcome == "failed" and "HTTP 500 on page 2" in outcome.detail
    assert _count(duck) == 0
    assert duck.query("SELECT count(*) FROM source_state") == [(0,)]
    server.fail_page = None  # the next run loads the whole table
    again = refresh_sources(duck, [cbs_source("83599NED")], transport=server.transport)
    assert again.outcomes[0].outcome == "loaded" and _count(duck) == 15_504


def test_a_duo_address_is_watched_after_its_first_load(duck: Store, server: FakeCbs) -> None:
    run = refresh_sources(duck, [duo_source(DUO_URL)], transport=server.transport)
    assert run.outcomes[0].outcome == "loaded" and run.outcomes[0].rows > 0
    keys = {w.key for w in watched_sources(duck)}
    assert f"duo:{DUO_URL}" in keys and "cbs:83599NED" in keys
    again = refresh_sources(duck, [duo_source(DUO_URL)], transport=server.transport)
    assert again.outcomes[0].outcome == "unchanged"


def test_the_command_prints_each_source_and_fails_on_a_failed_one(
    duck: Store, server: FakeCbs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLORADAR_STORE", duck.url)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(sources_cli, "transport", lambda: server.transport)
    duck.close()
    ok = CliRunner().invoke(app, ["sources", "refresh", "--table", "83599NED"])
    assert ok.exit_code == 0, ok.output
    assert "cbs:83599NED" in ok.output and "loaded" in ok.output
    server.fail_page = 1
    failed = CliRunner().invoke(app, ["sources", "refresh", "--table", "83599NED"])
    assert failed.exit_code == 1 and "failed" in failed.output
