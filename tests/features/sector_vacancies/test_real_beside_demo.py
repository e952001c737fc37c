"""A store with both real CBS vacancies and demo employment for one sector: the sector page
shows both, in separate charts, the real ones labelled with their source and the demo ones in
a section labelled demo; the demo banner of a demo-only page is not shown over real figures."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from demo_worlds import copy_world
from lloradar.features.indicators.radar import radar_for_store
from lloradar.features.ingest.shared import SharedRun
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def mixed_client(
    real_world: tuple[Path, SharedRun], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    from lloradar.server import create_app

    path = copy_world(real_world[0], tmp_path_factory.mktemp("mixed") / "mixed.duckdb")
    with open_store(str(path)) as store:
        store.execute(
            "INSERT INTO provenance (source_id, source, source_table, url, retrieved_at, "
            "licence, checksum, is_demo) VALUES ('demo-emp', 'LLO Radar demo world', "
            "'employment', 'demo', ?, 'CC0', 'x', TRUE)",
            [datetime(2026, 1, 1)],
        )
        store.upsert(
            "employment",
            ["region_code", "sector_code", "age_band", "year", "persons", "source_id"],
            [
                (region, "F", band, year, 1000 + year, "demo-emp")
                for region in ("AM05", "AM08")
                for band in ("15-24", "55-64")
                for year in (2022, 2023)
            ]
            # a division without CBS vacancies: a demo-only page
            + [("AM05", "01.13", "15-24", 2023, 500, "demo-emp")],
            ["region_code", "sector_code", "age_band", "year"],
        )
    with TestClient(create_app(radar_for_store(str(path)))) as client:
        yield client


def _figures(html: str) -> list[str]:
    return re.findall(r'<figure class="chart-block".*?</figure>', html, flags=re.S)


def test_real_and_demo_never_share_a_chart(mixed_client: TestClient) -> None:
    html = mixed_client.get("/sector/F?lang=nl").text
    real_part, _, demo_part = html.partition('data-testid="demo-section"')
    assert demo_part, "the demo figures are in their own section"
    assert 'data-testid="real-label"' in real_part and "CBS 83599NED" in real_part
    assert "demodata" in demo_part.lower() or "demo" in demo_part.lower()
    real_figures = _figures(real_part)
    assert len(real_figures) == 3  # vacancies per quarter, per province; sick leave
    for figure in real_figures:
        assert ("83599NED" in figure or "80072ned" in figure) and "— <em>demo</em>" not in figure
    demo_figures = _figures(demo_part)
    assert len(demo_figures) == 2
    for figure in demo_figures:
        assert "— <em>demo</em>" in figure and "CBS 8" not in figure


def test_the_cbs_id_of_a_section_shows_the_same_page(mixed_client: TestClient) -> None:
    html = mixed_client.get("/sector/350000?lang=nl").text
    assert 'data-testid="demo-section"' in html and "CBS 83599NED" in html


def test_a_demo_only_sector_keeps_its_demo_banner(mixed_client: TestClient) -> None:
    html = mixed_client.get("/sector/01.13?lang=nl").text
    assert 'data-testid="demo-label"' in html and 'data-testid="real-label"' not in html
