"""The scenario page and the intervention register and progress pages in Debian's chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from tests_web_helpers import AXE, serious_violations

Page = Any


def test_scenario_page_shows_chart_text_assumptions_and_csv(page: Page, artifacts: Path) -> None:
    page.goto("/prognose/aow-68")
    page.wait_for_selector("#scenario-block .chart.drawn svg")
    assert "ten opzichte van de basis" in page.locator("#scenario-text").inner_text()
    assert "aow-68-from-2028" in page.get_by_test_id("assumptions").inner_text()
    page.screenshot(path=str(artifacts / "forecast-scenario-aow68-nl.png"), full_page=True)
    with page.expect_download() as info:
        page.click("#scenario-block a[download]")
    target = artifacts / info.value.suggested_filename
    info.value.save_as(str(target))
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("Jaar,") and len(lines) == 6
    page.goto("/regio/AM05")
    page.click("#forecast-tab")
    page.wait_for_selector("#forecast-block .chart.drawn svg")
    assert "Twente" in page.locator("#forecast-text").inner_text()
    page.goto("/prognose/aow-68?lang=en")
    assert "against the baseline" in page.locator("#scenario-text").inner_text()
    page.goto("/prognose?lang=nl")


def test_new_pages_have_no_serious_accessibility_violations(page: Page) -> None:
    first = page.request.get("/api/occupations?limit=1").json()["items"][0]["slug"]
    occupation = f"/beroep/{first}/prognose"
    for path in (
        "/prognose/aow-68",
        "/regio/AM05/prognose",
        occupation,
        "/interventies",
        "/interventies/demo-twente-zorg",
        "/interventies/portfolio?regio=AM05",
        "/interventies/demo-twente-zorg/factsheet",
        "/interventies/portfolio/factsheet?regio=AM05",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        page.add_script_tag(url="/static/vendor/" + AXE.name)
        violations = serious_violations(page.evaluate("async () => await axe.run()"))
        assert violations == [], f"{path}: {violations}"


def test_register_and_progress_page(page: Page, artifacts: Path) -> None:
    page.goto("/interventies")
    register = page.get_by_test_id("register")
    for demo in ("demo-twente-zorg", "demo-twente-techniek", "demo-twente-taal"):
        assert register.locator(f"a[href='/interventies/{demo}']").count() == 1
    page.screenshot(path=str(artifacts / "interventions-register-nl.png"), full_page=True)
    register.locator("a[href='/interventies/demo-twente-zorg']").click()
    page.wait_for_url("**/interventies/demo-twente-zorg")
    page.wait_for_selector("#kpi-block .chart.drawn svg")
    assert "gerealiseerd, doel 60" in page.locator("#kpi-text").inner_text()
    assert "regionale" in page.get_by_test_id("outflow").inner_text()
    page.screenshot(path=str(artifacts / "intervention-progress-nl.png"), full_page=True)
    with page.expect_download() as info:
        page.click("#kpi-block a[download]")
    assert info.value.suggested_filename == "voortgang-demo-twente-zorg.csv"
    with page.expect_download() as info:
        page.click("#factsheet-pdf")
    assert "Zorgpact Twente" in pdf_text(info.value.path())
    page.goto("/interventies/portfolio?regio=AM05")
    assert "Totaal: 3 interventies" in page.get_by_test_id("portfolio-text").inner_text()
    page.screenshot(path=str(artifacts / "intervention-portfolio-twente-nl.png"), full_page=True)
    with page.expect_download() as info:
        page.click("#factsheet-pdf")
    assert info.value.suggested_filename == "factsheet-portfolio-twente.pdf"
    target = artifacts / info.value.suggested_filename
    info.value.save_as(str(target))
    assert "Factsheet Portfolio van interventies Twente" in pdf_text(target)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
