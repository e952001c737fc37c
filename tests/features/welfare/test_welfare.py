"""Brede welvaart of a region: gemeente rows aggregated to the arbeidsmarktregio (weighted means
and rates, coverage), the demo figures labelled demo, the region page's section, the API."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from demo_worlds import copy_world
from lloradar.demo.welfare import build_demo_welfare
from lloradar.domain import Provenance
from lloradar.features.indicators.radar import radar_for_store
from lloradar.features.welfare.service import welfare_profile, welfare_text
from lloradar.pipeline.save import TableRows, save_load
from lloradar.store import Store, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def add_gemeenten(store: Store) -> None:
    """Three gemeenten of AM05 and their rows of 83765NED (one without an income figure, one
    2017 gemeente that no longer exists), as a real load would store them."""
    provenance = Provenance("test", "region", "test", datetime(2026, 1, 1), "test", "x1", "")
    regions = [
        ("GM0153", "Enschede", "gemeente", "AM05", "PV23"),
        ("GM0164", "Hengelo", "gemeente", "AM05", "PV23"),
        ("GM0141", "Almelo", "gemeente", "AM05", "PV23"),
    ]
    key = ["table_id", "dimensions", "measure"]
    rows = []
    figures = {
        "GM0153": {
            "AantalInwoners_5": 158000,
            "GemiddeldInkomenPerInwoner_66": 22.0,
            "PersonenPerSoortUitkeringBijstand_74": 7000,
        },
        "GM0164": {
            "AantalInwoners_5": 81000,
            "GemiddeldInkomenPerInwoner_66": 25.0,
            "PersonenPerSoortUitkeringBijstand_74": 2000,
        },
        "GM0141": {
            "AantalInwoners_5": 72000,
            "GemiddeldInkomenPerInwoner_66": None,
            "PersonenPerSoortUitkeringBijstand_74": 2500,
        },
        "GM9999": {"AantalInwoners_5": 5000, "GemiddeldInkomenPerInwoner_66": 99.0},
    }
    for code, measures in figures.items():
        for measure, value in measures.items():
            rows.append(("83765NED", f"WijkenEnBuurten={code}", measure, code, None, value, ""))
    save_load(
        store,
        provenance,
        [
            TableRows(
                "region",
                ["code", "name", "level", "parent_code", "province_code"],
                ["code"],
                regions,
            ),
            TableRows(
                "cbs_observation",
                [*key, "region_code", "period", "value", "status"],
                key,
                rows,
            ),
        ],
    )


def test_gemeente_rows_are_aggregated_to_their_arbeidsmarktregio(any_store: Store) -> None:
    duck = any_store  # DuckDB and PostgreSQL
    from lloradar.features.ingest.reference import load_reference_data

    load_reference_data(duck, None)
    add_gemeenten(duck)
    profile = welfare_profile(duck, "AM05")
    assert profile is not None and not profile.is_demo
    values = {v.indicator.id: v for v in profile.values}
    # income: weighted by inhabitants over the two gemeenten that have it
    income = values["inkomen"]
    assert income.value == pytest.approx((158000 * 22.0 + 81000 * 25.0) / (158000 + 81000))
    assert (income.parts_used, income.parts_in_region) == (2, 3)
    # social assistance per 1,000 inhabitants: a rate of sums over all three
    assistance = values["bijstand"]
    assert assistance.value == pytest.approx(11500 / 311000 * 1000)
    # the country: every gemeente row of the table, the one no longer existing included
    assert income.national == pytest.approx(
        (158000 * 22.0 + 81000 * 25.0 + 5000 * 99.0) / (158000 + 81000 + 5000)
    )
    assert values["woz"].value is None  # not in the table: no figure, not zero
    text = welfare_text(profile, "nl")
    income_text = next(t for t in text if t.startswith("Gemiddeld inkomen per inwoner"))
    assert income_text.startswith("Gemiddeld inkomen per inwoner: 23,0 x 1.000 euro, lager dan")
    assert income_text.endswith(": ongunstig.")  # higher income is better: below is unfavourable


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, migrated_duckdb_file: Path) -> Iterator[Any]:
    """The app on a small store: the regions and the demo welfare figures (the region page with
    its section is checked in a browser: tests/features/panel/test_panel_browser.py)."""
    from lloradar.features.ingest.reference import load_reference_data
    from lloradar.server import create_app

    path = copy_world(migrated_duckdb_file, tmp_path_factory.mktemp("welfare") / "w.duckdb")
    with open_store(str(path)) as store:
        load_reference_data(store, None)
        build_demo_welfare(store, 42)
    yield create_app(radar_for_store(str(path)))


def test_the_broad_welfare_section_shows_demo_figures(app: Any) -> None:
    client = TestClient(app)
    fragment = client.get("/regio/AM05/brede-welvaart", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert 'data-testid="welfare-demo"' in fragment.text
    assert 'data-indicator="actieven"' in fragment.text and "Participatie" in fragment.text
    whole = client.get("/regio/AM05/brede-welvaart?lang=en")
    assert "<html" in whole.text and "Broad welfare (brede welvaart)" in whole.text
    assert client.get("/regio/XX99/brede-welvaart").status_code == 404


def test_the_api_gives_every_indicator_with_its_source(app: Any) -> None:
    body = TestClient(app).get("/api/welfare/AM05").json()
    assert body["is_demo"] is True and body["table"] == "83765NED"
    assert {r["theme"] for r in body["indicators"]} == {
        "participation",
        "health",
        "income",
        "housing",
    }
    assert all(r["value"] is not None and r["national"] is not None for r in body["indicators"])
    assert body["sources"][0]["is_demo"] is True
    csv = TestClient(app).get("/api/welfare/AM05?format=csv")
    assert csv.text.splitlines()[0].startswith("region,theme,indicator")
