"""Factsheets of an intervention and of a region's portfolio (HTML and PDF): names, KPI texts,
baseline, sources, and disclosure control that holds in the PDF too.

Each test gets a fresh copy of one demo world, so the stored disclosure ledger starts empty and
the figures below are golden (the example register and participants in examples/)."""

from __future__ import annotations

import io
import re
import shutil
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from demo_worlds import copy_world
from lloradar.features.indicators.radar import radar_for_store
from lloradar.features.interventions.service import (
    import_interventions,
    import_participants,
    release_progress,
)
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "interventions"
RELEASE = date(2026, 6, 30)


@pytest.fixture(scope="module")
def world_file(tmp_path_factory: pytest.TempPathFactory, shared_data_demo_world_file: Path) -> Path:
    target = tmp_path_factory.mktemp("factsheets") / "demo.duckdb"
    path = copy_world(shared_data_demo_world_file, target)
    store = open_store(str(path))
    try:
        import_interventions(store, EXAMPLES / "register.yaml", is_demo=True)
        import_participants(store, EXAMPLES / "participants.csv", "factsheet-key", is_demo=True)
        release_progress(store, RELEASE, released_by="tests")
    finally:
        store.close()
    return path


@pytest.fixture
def client(world_file: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client on a fresh copy of the world, released on `RELEASE`."""
    from lloradar.server import create_app

    path = tmp_path / "copy.duckdb"
    shutil.copy(world_file, path)
    with TestClient(create_app(radar_for_store(str(path)))) as test_client:
        yield test_client


def pdf_text(content: bytes) -> str:
    """The text of a PDF with every run of whitespace as one space (lines wrap on paper)."""
    assert content.startswith(b"%PDF")
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_intervention_factsheet_pdf_downloads_with_its_name_kpis_and_sources(
    client: TestClient,
) -> None:
    r = client.get("/interventies/demo-twente-zorg/factsheet.pdf?lang=nl")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"] == (
        'attachment; filename="factsheet-zorgpact-twente-zij-instroom-verpleegkunde-demo.pdf"'
    )
    text = pdf_text(r.content)
    assert "Factsheet Zorgpact Twente: zij-instroom verpleegkunde (demo)" in text
    assert "participants: 64 gerealiseerd, doel 60 op 2025-12-31; op koers." in text
    assert "participants 64 60 60 2025-12-31 op koers" in text
    assert "completed 44 40 40 2026-06-30 op koers" in text
    assert "in de regionale" in text and "Regionale basis" in text
    assert "Demodata" in text
    for table in ("(intervention)", "(participant)", "(labour_supply)", "(vacancy_stats)"):
        assert table in text, table


def test_small_intervention_stays_hidden_in_the_pdf(client: TestClient) -> None:
    """Suppression case: 6 participants (primary, under 10) print `x`, never 6 or 0."""
    html = client.get("/interventies/demo-twente-taal/factsheet?lang=nl").text
    assert re.findall(r'data-testid="realised">([^<]*)<', html) == ["x"]
    text = pdf_text(client.get("/interventies/demo-twente-taal/factsheet.pdf").content)
    assert "Factsheet Taal op de werkvloer (demo)" in text
    assert "participants x 15 15 2026-03-31 x" in text
    assert "participants: x gerealiseerd" in text
    assert not re.search(r"participants [0-9]", text)
    assert "<10 = minder dan 10 personen; x = verborgen wegens privacy" in text


def test_portfolio_factsheet_pdf_has_the_region_and_hides_a_derivable_theme(
    client: TestClient,
) -> None:
    """Suppression case (differencing): the release publishes every intervention first, so the
    zorg theme (70) is withheld: beside the zorg intervention's 64 it would reveal the 6 of the
    language project."""
    r = client.get("/interventies/portfolio/factsheet.pdf?regio=am05")
    assert r.status_code == 200
    assert r.headers["content-disposition"] == (
        'attachment; filename="factsheet-portfolio-twente.pdf"'
    )
    text = pdf_text(r.content)
    assert "Factsheet Portfolio van interventies Twente" in text
    assert "Stand per 2026-06-30" in text
    assert "techniek 1 € 200.000 27 x 14" in text
    assert "zorg 2 € 500.000 x x x" in text
    assert "total 3 € 700.000 97 x 51" in text
    assert "Totaal: 3 interventies met samen € 700.000 budget; 97 deelnemers" in text
    zorg = text[text.index("Zorgpact Twente") :]
    assert "participants 64 60 60 2025-12-31 op koers" in zorg
    for name in ("Taal op de werkvloer", "Techniektalent Twente", "Zorgpact Twente"):
        assert name in text


def test_readers_release_nothing(client: TestClient, world_file: Path, tmp_path: Path) -> None:
    """Issue 18, finding 7: pages, PDFs, CSVs and the API only read the release; they never add
    a population to the disclosure ledger, and a date that was not released is refused."""
    released = _ledger_rows(world_file)
    for path in (
        "/interventies/demo-twente-zorg",
        "/interventies/demo-twente-zorg/factsheet.pdf",
        "/interventies/demo-twente-zorg/voortgang.csv",
        "/interventies/portfolio?regio=AM05",
        "/interventies/portfolio/factsheet?regio=AM05",
        "/api/interventions/demo-twente-taal/progress",
        "/api/interventions/portfolio?by=region",
        "/api/interventions/portfolio?theme=zorg",
    ):
        assert client.get(path).status_code == 200, path
    assert _ledger_rows(tmp_path / "copy.duckdb") == released  # the client's copy
    refused = client.get("/api/interventions/demo-twente-zorg/progress?as_of=2026-12-01")
    assert refused.status_code == 404
    assert "released on: 2026-06-30" in refused.json()["detail"]


def _ledger_rows(path: Path) -> list[tuple[object, ...]]:
    with open_store(str(path)) as store:
        return store.query("SELECT population_id, size FROM disclosure_release ORDER BY 1")


def test_factsheets_in_english_and_linked_from_the_pages(client: TestClient) -> None:
    html = client.get("/interventies/portfolio/factsheet?regio=AM05&lang=en").text
    assert "Factsheet Portfolio of interventions Twente" in html
    assert "<svg" in html and "Sources" in html
    progress = client.get("/interventies/demo-twente-zorg?lang=nl").text
    assert 'href="/interventies/demo-twente-zorg/factsheet.pdf"' in progress
    portfolio = client.get("/interventies/portfolio?regio=AM05").text
    assert 'href="/interventies/portfolio/factsheet.pdf?regio=AM05"' in portfolio


def test_unknown_intervention_or_region_is_a_404_and_a_missing_region_a_422(
    client: TestClient,
) -> None:
    r = client.get("/interventies/nope/factsheet.pdf")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    r = client.get("/interventies/portfolio/factsheet?regio=Twenthe&lang=en")
    assert r.status_code == 404 and "Not found" in r.text
    assert 'href="/regio/AM05"' in r.text  # the nearest region is suggested
    r = client.get("/interventies/portfolio/factsheet.pdf")
    assert r.status_code == 422 and "regio" in r.text
