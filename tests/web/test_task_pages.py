"""Tasks of the future in the browser: a citizen rates tasks on four questions and sees the
personal report; an employer's team page refuses small groups; both pass axe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accounts_helpers import register_and_login
from tests_web_helpers import AXE, serious_violations

Page = Any


def _axe(page: Page) -> list[str]:
    page.add_script_tag(url="/static/vendor/" + AXE.name)
    return serious_violations(page.evaluate("async () => await axe.run()"))


def _answer(page: Page, row: int, does: str, can: str, learn: str, energy: str) -> None:
    page.select_option(f"select[name=does_{row}]", does)
    page.select_option(f"select[name=can_{row}]", can)
    page.select_option(f"select[name=learn_{row}]", learn)
    page.select_option(f"select[name=energy_{row}]", energy)


def test_citizen_rates_tasks_and_sees_the_report(
    page: Page, base_url: str, artifacts: Path
) -> None:
    register_and_login(page, base_url, role="citizen")
    page.goto("/taken")
    nurse = page.locator("#beroep option", has_text="algemeen verpleegkundige")
    page.select_option("#beroep", nurse.get_attribute("value"))
    page.click("[data-testid=occupation-form] button")
    page.wait_for_load_state()
    source = page.get_by_test_id("task-source").inner_text()
    assert "O*NET" in source or "Demo" in source
    assert page.get_by_test_id("task-row").count() >= 3
    assert _axe(page) == []
    _answer(page, 0, "ja", "2", "5", "5")  # do it, weak, want to learn, energy
    _answer(page, 1, "ja", "4", "1", "1")  # do it, drains, no ambition
    _answer(page, 2, "nee", "1", "4", "3")  # not yet, want to learn
    page.select_option("select[name=does_3]", "ja")  # half an answer: refused, nothing lost
    page.get_by_test_id("save-ratings").click()
    page.wait_for_load_state()
    assert (
        "Taak 4: beantwoord alle vier de vragen" in page.get_by_test_id("tasks-error").inner_text()
    )
    assert page.locator("select[name=energy_1]").input_value() == "1"
    page.select_option("select[name=does_3]", "")
    # without consent nothing is stored, and the answers stay in the form
    page.get_by_test_id("save-ratings").click()
    page.wait_for_load_state()
    assert "toestemming" in page.get_by_test_id("tasks-error").inner_text()
    assert page.locator("[data-testid=delete-form]").count() == 0  # nothing was stored
    assert page.locator("select[name=does_2]").input_value() == "nee"
    assert page.locator("select[name=learn_0]").input_value() == "5"
    page.check("#consent")
    page.screenshot(path=str(artifacts / "tasks-rate-nl.png"))
    page.get_by_test_id("save-ratings").click()
    page.wait_for_load_state()
    assert "/taken/rapport" in page.url
    summary = page.get_by_test_id("report-summary").inner_text()
    assert summary.startswith("U beantwoordde 3 taken; 2 daarvan doet u nu.")
    outlook = page.get_by_test_id("outlook").inner_text()
    assert outlook in ("groeit", "stabiel", "krimpt")  # the baseline forecast run exists
    assert page.get_by_test_id("trend").count() == 3
    assert page.get_by_test_id("suggestion-close_gap").is_visible()
    assert page.get_by_test_id("suggestion-ask_for_task").is_visible()
    assert page.get_by_test_id("suggestion-hand_over").is_visible()
    assert _axe(page) == []
    page.screenshot(path=str(artifacts / "tasks-report-nl.png"), full_page=True)
    # the answers come back in the form
    page.goto("/taken")
    assert page.locator("select[name=does_1]").input_value() == "ja"
    assert page.locator("select[name=energy_0]").input_value() == "5"
    # joining a team: an unknown code, and no consent, are clear refusals
    page.fill("#code", "ONBEKEND")
    page.check("#team-consent")
    page.click("[data-testid=join-form] button")
    page.wait_for_load_state()
    assert "Er is geen team met code" in page.get_by_test_id("tasks-error").inner_text()
    page.fill("#code", "ONBEKEND")
    page.click("[data-testid=join-form] button")
    page.wait_for_load_state()
    assert "alleen met uw toestemming" in page.get_by_test_id("tasks-error").inner_text()
    # delete everything: the form is empty again
    page.click("[data-testid=delete-form] button")
    page.wait_for_load_state()
    assert page.locator("[data-testid=delete-form]").count() == 0
    assert page.get_by_test_id("report-title").count() == 0


def test_employer_team_page_refuses_a_small_group(page: Page, base_url: str) -> None:
    register_and_login(page, base_url, role="employer")
    page.goto("/taken")
    assert _axe(page) == []
    page.fill("#name", "Zorgteam <script>alert(1)</script>")
    page.click("[data-testid=team-form] button")
    page.wait_for_load_state()
    assert "/taken/team/" in page.url
    assert page.locator("h1").inner_text() == "Team Zorgteam <script>alert(1)</script>"
    assert page.locator("main script").count() == 0
    assert "minder dan 10" in page.get_by_test_id("team-refused").inner_text()
    assert page.locator("[data-testid=team-table]").count() == 0
    assert _axe(page) == []
    page.goto(page.url + "?lang=en")
    assert "fewer than 10 members" in page.get_by_test_id("team-refused").inner_text()


def test_an_employer_cannot_open_the_citizen_report(page: Page, base_url: str) -> None:
    register_and_login(page, base_url, role="employer")
    response = page.goto("/taken/rapport")
    assert response.status == 403
