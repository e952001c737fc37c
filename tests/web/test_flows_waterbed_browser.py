"""The waterbed view in chromium (issue 21, flows): a regional policy maker picks an occupation and a
number on the region's flows page and reads where the people come from, in Dutch and English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests_web_helpers import AXE, serious_violations

from demo_worlds import copy_world
from live_server import served
from lloradar.features.indicators.radar import radar_for_store


@pytest.fixture
def page(browser: Any, app_world_file: Path, tmp_path: Path) -> Iterator[Any]:
    """A tab on the app over its own copy of the app world: the flows follow the stocks, which
    the session's shared server may have seen other browser tests change."""
    from lloradar.server import create_app

    path = copy_world(app_world_file, tmp_path / "flows.duckdb")
    with served(create_app(radar_for_store(str(path)))) as url:
        context = browser.new_context(base_url=url)
        try:
            yield context.new_page()
        finally:
            context.close()


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
