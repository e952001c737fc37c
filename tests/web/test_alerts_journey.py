"""Journey: a citizen subscribes to a tension-class change, the data changes, the evaluation
runs, and the alert shows on /meldingen and in the subscription's Atom feed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from accounts_helpers import register_and_login
from tests_web_helpers import AXE, serious_violations

from alerts_world import add_month_with_another_class, watched_cell
from lloradar.features.alerts import evaluation as alert_evaluation
from lloradar.features.indicators import radar as web_data
from lloradar.store import open_store

ATOM = "{http://www.w3.org/2005/Atom}"


def _server_store() -> str:
    # The browser tests' server runs in this process and reads this DuckDB file per request.
    urls = [u for u in web_data._LOADED if re.search(r"/web\d*/demo\.duckdb$", u)]
    assert len(urls) == 1, urls
    return urls[0]


def test_citizen_subscribes_and_sees_the_alert_fire(
    page: Any, base_url: str, artifacts: Path
) -> None:
    register_and_login(page, base_url, "citizen")
    with open_store(_server_store()) as store:
        region, occupation = watched_cell(store)
    page.goto(f"{base_url}/meldingen")
    assert page.locator("[data-testid=alerts-none]").is_visible()
    page.check("input[name=kind][value=tension_class]")
    page.select_option("#alert-region", region)
    page.select_option("#alert-occupation", occupation)
    page.check("input[name=channel][value=feed]")
    page.check("input[name=consent]")
    page.click("[data-testid=alert-form] button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("[data-testid=alerts-notice]").inner_text() == "Uw melding is gemaakt."
    assert page.locator("[data-testid=alert-subscription]").count() == 1
    assert page.locator("[data-testid=alert-event]").count() == 0

    with open_store(_server_store()) as store:
        after = add_month_with_another_class(store, region, occupation)
        fired = alert_evaluation.evaluate(store)
        assert alert_evaluation.evaluate(store) == []  # a second run finds nothing new
    assert len([e for e in fired if e.details["occupation_id"] == occupation]) >= 1

    page.goto(f"{base_url}/meldingen")
    events = page.locator("[data-testid=alert-event]")
    assert events.count() == 1
    assert f"naar {after}" in events.first.inner_text()

    feed_url = page.locator("[data-testid=alert-feed]").get_attribute("href")
    reply = page.request.get(feed_url)
    assert reply.status == 200
    entries = ET.fromstring(reply.body()).findall(f"{ATOM}entry")
    assert len(entries) == 1 and f"naar {after}" in (entries[0].findtext(f"{ATOM}title") or "")

    page.add_script_tag(url="/static/vendor/" + AXE.name)
    violations = serious_violations(page.evaluate("async () => await axe.run()"))
    assert violations == [], violations
    page.screenshot(path=str(artifacts / "alerts-nl.png"), full_page=True)

    page.goto(f"{base_url}/meldingen?lang=en")
    assert page.locator("h1").inner_text() == "Alerts"
    assert page.locator("[data-testid=alert-event]").first.inner_text().count("Tension for") == 1
    page.add_script_tag(url="/static/vendor/" + AXE.name)
    assert serious_violations(page.evaluate("async () => await axe.run()")) == []
    page.goto(f"{base_url}/meldingen?lang=nl")
