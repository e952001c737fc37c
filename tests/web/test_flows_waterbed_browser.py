"""The waterbed view in chromium (issue 21, flows): a regional policy maker picks an occupation and a
number on the region's flows page and reads where the people come from, in Dutch and English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests_web_helpers import AXE, serious_violations


def test_waterbed_view_shows_sources_that_add_up_to_n(page: Any, artifacts: Path) -> None:
    page.goto("/regio/AM05")
    page.click('[data-testid="flows-links"] a[href="/regio/AM05/stromen"]')
    page.select_option('select[name="basis"]', "employed")
    target = page.locator('[data-testid="waterbed-target"] option', has_text="zorghulp").first
    page.select_option('[data-testid="waterbed-target"]', target.get_attribute("value"))
    page.fill('[data-testid="waterbed-n"]', "250")
    page.click('[data-testid="waterbed-submit"]')
    page.wait_for_selector('[data-testid="waterbed"]')
    text = page.locator('[data-testid="waterbed"] [data-testid="duiding"]').inner_text()
    assert "Als 250 mensen in Twente als zorghulp gaan werken" in text
    assert page.get_by_test_id("waterbed-total").inner_text() == "250"
    assert page.get_by_test_id("demo-label").is_visible()
    page.screenshot(path=str(artifacts / "waterbed-twente-nl.png"), full_page=True)
    page.add_script_tag(url="/static/vendor/" + AXE.name)
    assert serious_violations(page.evaluate("async () => await axe.run()")) == []
    page.goto(page.url + "&lang=en")  # the switch keeps the path only: ask again in English
    english = page.locator('[data-testid="waterbed"] [data-testid="duiding"]').inner_text()
    assert "If 250 people in Twente start work as healthcare assistant" in english
