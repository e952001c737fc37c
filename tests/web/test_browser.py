"""The web app in Debian's chromium: map, profiles, charts with duiding, language, factsheet,
questions and accessibility."""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Any

from tests_web_helpers import AXE, serious_violations

Page = Any


def test_map_renders_35_regions_and_clicking_one_opens_its_profile(
    page: Page, artifacts: Path
) -> None:
    page.goto("/")
    page.wait_for_selector("#map.drawn")
    regions = page.locator("path.region")
    assert regions.count() == 35
    assert page.get_by_test_id("demo-label").is_visible()
    page.screenshot(path=str(artifacts / "home-map-nl.png"), full_page=True)
    page.locator("path.region-AM05").dispatch_event("click")
    page.wait_for_url("**/regio/AM05")
    assert page.get_by_test_id("region-name").inner_text().startswith("Twente")


def test_region_profile_shows_a_chart_its_duiding_download_and_sources(
    page: Page, artifacts: Path
) -> None:
    page.goto("/regio/AM05")
    page.wait_for_selector("#series-block .chart.drawn svg")
    text = page.locator("#series-text").inner_text()
    assert "Twente" in text and "vacatures" in text
    assert (
        page.locator("#series-block a[download]")
        .get_attribute("href")
        .startswith("/api/indicators")
    )
    assert "LLO Radar demo world" in page.locator("#series-block .sources").inner_text()
    page.screenshot(path=str(artifacts / "region-twente-nl.png"), full_page=True)


def test_language_switch_turns_the_page_english_and_stays(page: Page, artifacts: Path) -> None:
    page.goto("/regio/AM05")
    page.click("#lang-switch")
    page.wait_for_selector("html[lang=en]")
    assert "vacancies" in page.locator("#series-text").inner_text()
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Labour-market tension" in page.locator("h1").inner_text()
    page.wait_for_selector("#map.drawn")
    page.screenshot(path=str(artifacts / "home-map-en.png"), full_page=True)


def test_factsheet_pdf_downloads_with_the_region_name(page: Page, artifacts: Path) -> None:
    page.goto("/regio/AM05")
    with page.expect_download() as info:
        page.click("#factsheet-pdf")
    download = info.value
    assert download.suggested_filename == "factsheet-twente.pdf"
    target = artifacts / download.suggested_filename
    download.save_as(str(target))
    content = target.read_bytes()
    assert content.startswith(b"%PDF")
    assert b"Factsheet Twente" in b"".join(_pdf_streams(content))


def _pdf_streams(content: bytes) -> list[bytes]:
    """The decompressed streams of a PDF, where WeasyPrint puts the document's title."""
    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return found


def test_question_box_answers_a_known_question(page: Page, artifacts: Path) -> None:
    page.goto("/vraag")
    page.fill("#q", "hoe krap is de markt voor verpleegkundigen in Twente?")
    page.click("form.ask button")
    answer = page.get_by_test_id("answer")
    answer.wait_for()
    assert "answered" in answer.get_attribute("class")
    assert re.search(r"Twente is (zeer )?(krap|ruim|gemiddeld)", answer.inner_text())
    page.screenshot(path=str(artifacts / "question-answered-nl.png"), full_page=True)


def test_question_box_refuses_an_unanswerable_question(page: Page) -> None:
    page.goto("/vraag")
    page.fill("#q", "wat verdienen piloten op Mars?")
    page.click("form.ask button")
    answer = page.get_by_test_id("answer")
    answer.wait_for()
    assert "refused" in answer.get_attribute("class")
    assert not re.search(r"\d", answer.inner_text())


def test_unknown_region_gives_a_404_page_with_suggestions(page: Page) -> None:
    response = page.goto("/regio/twnte")
    assert response.status == 404
    assert page.locator("ul.suggestions a", has_text="Twente").count() == 1


def test_pages_have_no_serious_accessibility_violations(page: Page) -> None:
    for path in ("/", "/regio/AM05", "/vraag?q=krap+Twente"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(url="/static/vendor/" + AXE.name)
        violations = serious_violations(page.evaluate("async () => await axe.run()"))
        assert violations == [], f"{path}: {violations}"
