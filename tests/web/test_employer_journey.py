"""The employer journey in Debian's chromium: register as an employer, paste a Dutch vacancy,
see its skills, the candidate pool and the competing vacancies; the page passes axe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accounts_helpers import register_and_login
from tests_web_helpers import AXE, serious_violations

Page = Any
VACANCY_NL = (
    "Verpleegkundige interne geneeskunde (32-36 uur)\n\n"
    "Voor onze afdeling interne geneeskunde zoeken wij een enthousiaste verpleegkundige. "
    "Je verleent zorg aan patiënten, dient medicatie toe en stelt zorgplannen op. Je werkt "
    "nauw samen met artsen en communiceert helder met patiënten en hun familie.\n\n"
    "Wat wij bieden: een goed salaris volgens de cao Ziekenhuizen."
)
TEAM = "occupation,age_band,count\nalgemeen verpleegkundige,25-34,14\nalgemeen verpleegkundige,55-64,12\n"


def test_employer_pastes_a_dutch_vacancy_and_sees_the_pool(
    page: Page, base_url: str, artifacts: Path
) -> None:
    register_and_login(page, base_url, role="employer")
    response = page.goto(f"{base_url}/werkgever?lang=nl")
    assert response.status == 200
    page.fill("#vacancy-text", VACANCY_NL)
    page.select_option("#region", "AM05")
    page.click("details summary")
    page.fill("#team", TEAM)
    page.click("[data-testid=employer-submit]")
    page.wait_for_selector("[data-testid=employer-pool]")

    skills = page.locator("[data-testid=skills-table] tbody tr")
    assert skills.count() >= 5
    assert "verpleegkundige" in page.locator("[data-testid=employer-skills]").inner_text()
    pool = page.locator("[data-testid=employer-pool]").inner_text()
    assert "werkzoekenden ingeschreven" in pool and "Twente" in pool
    interested = page.locator("[data-testid=pool-interested]").inner_text()
    assert interested == "<10" or int(interested.replace(".", "")) >= 10
    competing = page.locator("[data-testid=competing-vacancies]").inner_text()
    assert int(competing.replace(".", "")) >= 0
    assert "vacatures" in page.locator("[data-testid=employer-competition]").inner_text()
    assert page.locator("[data-testid=employer-risk] tbody tr").count() >= 1
    # the text came back in the form, as text
    assert page.locator("#vacancy-text").input_value().startswith("Verpleegkundige interne")

    page.screenshot(path=str(artifacts / "employer-nl.png"), full_page=True)
    page.add_script_tag(url="/static/vendor/" + AXE.name)
    violations = serious_violations(page.evaluate("async () => await axe.run()"))
    assert violations == [], violations
