"""The skill and sector profile pages: TestClient checks on a demo world of their own, and one
look at the sector page in Debian's chromium."""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests_web_helpers import AXE, serious_violations

from demo_worlds import copy_world
from lloradar.features.indicators.radar import radar_for_store
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not present")
Page = Any


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, shared_data_demo_world_file: Path
) -> Iterator[tuple[TestClient, str]]:
    """A client on a copy of the demo world and a skill that an occupation with figures needs."""
    from lloradar.server import create_app

    target = tmp_path_factory.mktemp("skills") / "demo.duckdb"
    path = str(copy_world(shared_data_demo_world_file, target))
    store = open_store(path)
    try:
        found = store.query(
            "SELECT s.id FROM occupation_skill os JOIN skill s ON s.id = os.skill_id "
            "WHERE os.relation = 'essential' AND os.occupation_id IN "
            "(SELECT DISTINCT occupation_id FROM vacancy_stats) ORDER BY s.id LIMIT 1"
        )
    finally:
        store.close()
    with TestClient(create_app(radar_for_store(path))) as client:
        yield client, (found[0][0] if found else "")


def test_sector_page_has_chart_duiding_table_and_sources(world: tuple[TestClient, str]) -> None:
    client, _ = world
    r = client.get("/sector/Q?lang=nl")
    assert r.status_code == 200
    html = r.text
    assert 'data-testid="sector-name"' in html
    assert "personen in" in html and "55 jaar of ouder" in html
    assert 'id="sector-age-spec"' in html and 'id="sector-regions-spec"' in html
    assert "/sector/Q/werkgelegenheid.csv" in html
    assert "employment" in html  # the source table beneath the chart
    english = client.get("/sector/q", params={"lang": "en"}).text
    assert "people worked in" in english


def test_sector_csv_has_years_and_age_bands(world: tuple[TestClient, str]) -> None:
    client, _ = world
    r = client.get("/sector/Q/werkgelegenheid.csv?lang=nl")
    assert r.status_code == 200
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0][0] == "Jaar" and "15-24" in rows[0] and rows[0][-1] == "Totaal"
    assert len(rows) >= 3
    regions = list(csv.reader(io.StringIO(client.get("/sector/Q/regios.csv").text)))
    assert len(regions) == 36


def test_sector_factsheet_and_index(world: tuple[TestClient, str]) -> None:
    client, _ = world
    sectors = client.get("/sector?lang=nl").text
    assert 'href="/sector/Q"' in sectors
    assert 'href="/sector"' in client.get("/regio/AM05?lang=nl").text
    html = client.get("/sector/Q/factsheet?lang=nl").text
    assert "Factsheet Gezondheids- en welzijnszorg" in html and html.count("<svg") >= 2
    assert "personen in" in html
    pdf = client.get("/sector/Q/factsheet.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "factsheet-sector-" in pdf.headers["content-disposition"]


def suggestions(html: str) -> list[tuple[str, str]]:
    block = re.search(r'<ul class="suggestions">(.*?)</ul>', html, re.S)
    return re.findall(r'<a href="([^"]*)">([^<]*)</a>', block.group(1)) if block else []


def test_unknown_sector_is_a_404_page_with_suggestions_in_dutch_and_english(
    world: tuple[TestClient, str],
) -> None:
    client, _ = world
    r = client.get("/sector/ZZ?lang=nl")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "<h1>Niet gevonden</h1>" in r.text and suggestions(r.text) == []
    r = client.get("/sector/gezondheidszorg?lang=nl")
    assert r.status_code == 404 and "Bedoelde u" in r.text
    assert suggestions(r.text) == [("/sector/Q", "Gezondheids- en welzijnszorg (Q)")]
    r = client.get("/sector/health?lang=en")
    assert r.status_code == 404 and "<h1>Not found</h1>" in r.text and "Did you mean" in r.text
    assert suggestions(r.text) == [("/sector/Q", "Human health and social work activities (Q)")]
    for path in ("/sector/bouw/factsheet.pdf", "/sector/bouw/regios.csv"):
        r = client.get(path, params={"lang": "nl"})
        assert r.status_code == 404 and ("/sector/F", "Bouwnijverheid (F)") in suggestions(r.text)


@needs_shared
def test_skill_page_lists_occupations_and_regional_demand(world: tuple[TestClient, str]) -> None:
    client, skill = world
    key = skill.rsplit("/", 1)[-1]
    r = client.get(f"/vaardigheid/{key}?lang=nl")
    assert r.status_code == 200, r.text
    assert 'data-testid="skill-name"' in r.text
    assert 'data-testid="essential"' in r.text and 'href="/beroep/' in r.text
    assert 'id="skill-demand-spec"' in r.text and "de meeste vacatures" in r.text
    demand = list(csv.reader(io.StringIO(client.get(f"/vaardigheid/{key}/vraag.csv?lang=nl").text)))
    assert demand[0] == ["Regio", "Openstaande vacatures"] and len(demand) == 36
    assert "most open vacancies" in client.get(f"/vaardigheid/{key}?lang=en").text


@needs_shared
def test_occupation_page_links_its_skills(world: tuple[TestClient, str]) -> None:
    client, _ = world
    slug = client.get("/api/occupations", params={"limit": 1}).json()["items"][0]["slug"]
    html = client.get(f"/beroep/{slug}").text
    start = html.index('href="/vaardigheid/') + len('href="')
    link = html[start : html.index('"', start)]
    assert client.get(link).status_code == 200


def test_unknown_skill_is_a_404_page(world: tuple[TestClient, str]) -> None:
    client, _ = world
    r = client.get("/vaardigheid/x?lang=nl")
    assert r.status_code == 404 and "<h1>Niet gevonden</h1>" in r.text
    assert suggestions(r.text) == []  # too short to suggest anything


@needs_shared
def test_misspelt_skill_gives_a_404_with_the_skill_suggested_in_dutch_and_english(
    world: tuple[TestClient, str],
) -> None:
    client, skill = world
    key = skill.rsplit("/", 1)[-1]
    for lang, title in (("nl", "Niet gevonden"), ("en", "Not found")):
        html = client.get(f"/vaardigheid/{key}", params={"lang": lang}).text
        found = re.search(r'data-testid="skill-name"[^>]*>([^<]+)<', html)
        assert found is not None
        label = found.group(1).strip()
        misspelt = label[:-2] + label[-1] + label[-2] + "s"  # swap the last two letters, add one
        r = client.get(f"/vaardigheid/{misspelt}", params={"lang": lang})
        assert r.status_code == 404 and f"<h1>{title}</h1>" in r.text
        assert (f"/vaardigheid/{key}", label) in suggestions(r.text)
    csv_404 = client.get(f"/vaardigheid/{misspelt}/vraag.csv?lang=en")
    assert csv_404.status_code == 404 and (f"/vaardigheid/{key}", label) in suggestions(
        csv_404.text
    )


def test_sector_page_draws_its_chart_and_text(page: Page, artifacts: Path) -> None:
    page.goto("/sector/Q")
    page.wait_for_selector("#sector-age-block .chart.drawn svg")
    assert "personen in" in page.locator("#sector-age-text").inner_text()
    assert page.locator("#sector-regions-block .chart.drawn svg").count() == 1
    page.screenshot(path=str(artifacts / "sector-Q-nl.png"), full_page=True)


def test_skill_and_sector_pages_pass_axe(page: Page, artifacts: Path) -> None:
    occupation = page.request.get("/api/occupations?limit=1").json()["items"][0]["slug"]
    page.goto(f"/beroep/{occupation}")
    links = page.locator("ul.skills a")
    skills = [links.first.get_attribute("href") or ""] if links.count() else []
    for path in ("/sector/Q", "/sector", *skills):
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        page.add_script_tag(url="/static/vendor/" + AXE.name)
        violations = serious_violations(page.evaluate("async () => await axe.run()"))
        assert violations == [], f"{path}: {violations}"
    page.screenshot(path=str(artifacts / "skill-profile-nl.png"), full_page=True)
