"""The scenario page and the intervention register and progress pages in Debian's chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
    page.goto("/regio/AM05/prognose")
    page.wait_for_selector("#forecast-block .chart.drawn svg")
    assert "Twente" in page.locator("#forecast-text").inner_text()


def test_register_and_progress_page(page: Page, artifacts: Path) -> None:
    page.goto("/interventies")
    register = page.get_by_test_id("register")
    assert register.locator("tbody tr").count() == 3
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
    page.goto("/interventies/portfolio?regio=AM05")
    assert "Totaal: 3 interventies" in page.get_by_test_id("portfolio-text").inner_text()
    page.screenshot(path=str(artifacts / "intervention-portfolio-twente-nl.png"), full_page=True)
