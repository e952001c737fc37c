"""The career navigator page (/loopbaan) and the course catalogue page (/cursussen) in
Debian's chromium on the demo world, with its labelled demo catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests_web_helpers import AXE, serious_violations

Page = Any


def choose_shop_assistant_in_rijnmond(page: Page) -> None:
    page.goto("/loopbaan")
    page.select_option("#nav-occupation", label="winkelmedewerker")
    page.select_option("#nav-region", value="AM22")
    page.click("[data-testid=navigator-submit]")
    page.wait_for_selector("[data-testid=navigator-results]")


def pick_skill(page: Page, typed: str, label: str) -> None:
    """Type into the skill search, wait for the matches (htmx) and add the one named `label`."""
    page.fill("#nav-search", typed)
    add = page.locator("#skill-results .add-skill", has_text=label).first
    add.wait_for(timeout=15_000)  # the first phrase loads the skills engine
    add.click()
    page.locator("[data-testid=chosen-skill]", has_text=label).wait_for()


def test_a_person_types_skills_picks_them_and_sees_ranked_occupations(
    page: Page, artifacts: Path
) -> None:
    page.goto("/loopbaan")
    assert page.locator("select[multiple]").count() == 0  # no list of thousands of skills
    pick_skill(page, "communiceren met klanten", "communicate with customers")  # Dutch phrase
    pick_skill(page, "spreadsheet", "use spreadsheets software")  # English label
    assert page.evaluate("document.activeElement.id") == "nav-search"  # focus stays put
    status = page.locator("[data-testid=search-status]").inner_text()
    assert "gevonden voor 'spreadsheet'" in status
    assert page.locator("#chip-status").inner_text() == "use spreadsheets software toegevoegd."
    page.press("#nav-search", "Enter")  # with JavaScript, Enter searches in place
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/loopbaan")
    assert page.locator("[data-testid=chosen-skill]").count() == 2
    # a chip is removable; what is left goes with the form as hidden inputs
    pick_skill(page, "complaints", "handle customer complaints")
    page.get_by_role("button", name="Verwijder handle customer complaints").click()
    assert page.locator("[data-testid=chosen-skill]").count() == 2
    assert page.evaluate("document.activeElement.id") == "nav-search"
    page.select_option("#nav-region", value="AM22")
    page.click("[data-testid=navigator-submit]")
    page.wait_for_selector("[data-testid=navigator-results]")
    assert page.url.count("vaardigheid=") == 2  # the two chips left, not the removed one
    assert page.input_value("#nav-search") == "" and page.locator(".add-skill").count() == 0
    chips = page.locator("[data-testid=chosen-skill] .chip-label").all_inner_texts()
    assert chips == ["communicate with customers", "use spreadsheets software"]
    cards = page.locator("[data-testid=occupation-card]")
    assert cards.count() == 6  # the occupations (with figures) needing one of the two
    fits = [int(t.rstrip("%")) for t in page.locator("[data-testid=fit]").all_inner_texts()]
    assert fits[0] > 0
    missing = page.locator("[data-testid=missing-skills] a[href^='/vaardigheid/']")
    assert missing.count() > 0
    assert page.locator("[data-testid=course-link]").count() > 0
    page.screenshot(path=str(artifacts / "navigator-nl.png"), full_page=True)


def test_the_skill_picker_works_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/loopbaan")
        page.fill("#nav-search", "spreadsheet")
        page.click("#nav-search-button")  # submits the form: the matches come server-side
        page.wait_for_selector("[data-testid=skill-matches]")
        assert page.locator("[data-testid=navigator-results]").count() == 0
        page.locator(".add-skill", has_text="use spreadsheets software").click()
        page.wait_for_selector("[data-testid=chosen-skill]")
        page.fill("#nav-search", "complaints")
        page.press("#nav-search", "Enter")  # Enter searches, never removes a chip
        page.locator(".add-skill", has_text="handle customer complaints").click()
        assert page.locator("[data-testid=chosen-skill]").count() == 2
        page.get_by_role("button", name="Verwijder handle customer complaints").click()
        assert page.locator("[data-testid=chosen-skill] .chip-label").all_inner_texts() == [
            "use spreadsheets software"
        ]
        page.select_option("#nav-region", value="AM22")
        page.click("[data-testid=navigator-submit]")
        page.wait_for_selector("[data-testid=navigator-results]")
        assert page.locator("[data-testid=occupation-card] h3").first.inner_text()
    finally:
        context.close()


def test_loopbaan_from_the_current_occupation_only(page: Page) -> None:
    choose_shop_assistant_in_rijnmond(page)
    cards = page.locator("[data-testid=occupation-card]")
    assert 5 <= cards.count() <= 10  # those sharing a skill, at most ten
    first = cards.first
    assert first.locator("h3").inner_text() == "winkelmedewerker"
    assert first.locator("[data-testid=fit]").inner_text().endswith("%")
    assert "krimpt" in first.locator("[data-testid=forecast]").inner_text()
    tension = first.locator("[data-testid=tension]").inner_text()
    assert tension in {"zeer ruim", "ruim", "gemiddeld", "krap", "zeer krap", "geen cijfers"}
    # further down: skills still missing, linked to their skill page, with demo courses
    missing = page.locator("[data-testid=missing-skills] a[href^='/vaardigheid/']")
    assert missing.count() > 0
    courses = page.locator("[data-testid=course-link]")
    assert courses.count() > 0 and "(demo)" in courses.first.inner_text()
    assert page.locator("[data-testid=transitions] li").count() > 0
    assert page.locator("[data-testid=demo-label]").count() == 1
    href = missing.first.get_attribute("href")
    assert page.goto(href).status == 200


def test_course_link_opens_the_catalogue_filtered_on_the_skill(page: Page) -> None:
    choose_shop_assistant_in_rijnmond(page)
    name = page.locator("[data-testid=course-link]").first.inner_text()
    page.locator("[data-testid=course-link]").first.click()
    page.wait_for_selector("[data-testid=courses]")
    assert name in page.locator("[data-testid=courses]").inner_text()
    assert page.locator("[data-testid=demo-courses]").count() == 1


def test_loopbaan_in_english_and_bad_input(page: Page) -> None:
    html = page.request.get("/loopbaan?lang=en").text()
    assert "Career navigator" in html and "Show my options" in html
    bad = page.request.get("/loopbaan?vaardigheid=no:such&regio=AM22")
    assert bad.status == 422
    assert "unknown skill(s): no:such" in bad.text()


def test_skill_search_and_chip_fragments_escape_input_and_refuse_unknowns(page: Page) -> None:
    hostile = page.request.get("/loopbaan/vaardigheden?zoek=<script>alert(1)</script>").text()
    assert "<script>alert" not in hostile and "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    assert page.request.get("/loopbaan/vaardigheden?zoek=a").text().strip() == ""  # too short
    found = page.request.get("/loopbaan/vaardigheden?zoek=spreadsheet&lang=en").text()
    assert "skills found for &#39;spreadsheet&#39;" in found
    assert found.index(">use spreadsheets software</button>") < found.index("close to what you")
    uri = found.split('name="plus" value="', 1)[1].split('"', 1)[0]
    chip = page.request.get("/loopbaan/keuze", params={"plus": uri}).text()
    assert f'<input type="hidden" name="vaardigheid" value="{uri}">' in chip
    again = page.request.get(f"/loopbaan/keuze?plus={uri}&vaardigheid={uri}").text()
    assert again.strip() == ""  # already chosen: no second chip
    assert page.request.get("/loopbaan/keuze?plus=no:such").text().strip() == ""
    marked = page.request.get(f"/loopbaan/vaardigheden?zoek=spreadsheet&vaardigheid={uri}").text()
    assert marked.count('class="add-skill"') == found.count('class="add-skill"') - 1
    assert "use spreadsheets software (chosen)" in marked  # the lang cookie: English


def test_course_catalogue_pages(page: Page) -> None:
    first = page.request.get("/cursussen").text()
    assert "1-10 van 20 cursussen" in first and 'rel="next"' in first
    second = page.request.get("/cursussen?pagina=2").text()
    assert "11-20 van 20 cursussen" in second and 'rel="prev"' in second
    assert "Geen cursussen gevonden." in page.request.get("/cursussen?vaardigheid=no:such").text()
    in_region = page.request.get("/cursussen?regio=AM32").text()
    assert "Lassen MIG/MAG (demo)" in in_region and "Databases en SQL (demo)" in in_region  # online


def test_navigator_and_course_pages_pass_axe(page: Page, artifacts: Path) -> None:
    choose_shop_assistant_in_rijnmond(page)
    pick_skill(page, "spreadsheet", "use spreadsheets software")  # matches and chips shown
    for path in (None, "/cursussen"):
        if path is not None:
            assert page.goto(path).status == 200, path
        page.wait_for_load_state("networkidle")
        page.add_script_tag(url="/static/vendor/" + AXE.name)
        violations = serious_violations(page.evaluate("async () => await axe.run()"))
        assert violations == [], f"{path or 'navigator results'}: {violations}"


def server_store_url() -> str:
    """The browser tests' server runs in this process: its store, through the loaded radar."""
    import re

    from lloradar.features.indicators import radar as web_data

    urls = [u for u in web_data._LOADED if re.search(r"/web\d*/demo\.duckdb$", u)]
    assert len(urls) == 1, urls
    return urls[0]


def occupation_skills_of_shop(url: str) -> list[str]:
    from lloradar.features.navigator.service import occupation_skills
    from lloradar.store import open_store

    with open_store(url) as store:
        shop = str(store.query("SELECT id FROM occupation WHERE label_en = 'shop assistant'")[0][0])
        return occupation_skills(store, shop)


def test_a_logged_in_citizen_starts_from_their_passport_after_consent(
    page: Page, base_url: str, browser: Any
) -> None:
    from accounts_helpers import register_and_login

    from lloradar.domain.passport import Preferences
    from lloradar.features.accounts.service import give_consent
    from lloradar.features.navigator.service import occupation_skills
    from lloradar.features.passport.service import SkillClaim, add_skills, set_preferences
    from lloradar.services.audit import entries_for
    from lloradar.store import open_store

    email = register_and_login(page, base_url, role="citizen")
    with open_store(server_store_url()) as store:
        account = str(store.query("SELECT account_id FROM account WHERE email = ?", [email])[0][0])
        shop = str(store.query("SELECT id FROM occupation WHERE label_en = 'shop assistant'")[0][0])
        give_consent(store, account, "passport")
        add_skills(store, account, [SkillClaim(uri) for uri in occupation_skills(store, shop)])
        set_preferences(store, account, Preferences(region_code="AM22"))
    page.goto("/loopbaan")
    assert page.locator("[data-testid=navigator-results]").count() == 0  # no consent yet
    page.click("[data-testid=passport-consent] button")
    page.wait_for_selector("[data-testid=navigator-results]")
    assert "vaardigheden in uw paspoort" in page.locator("[data-testid=passport-note]").inner_text()
    first = page.locator("[data-testid=occupation-card]").first
    assert first.locator("h3").inner_text() == "winkelmedewerker"
    assert "Rijnmond" in page.locator("#results-title").inner_text()
    # the passport's skills are the person's own chips, to refine before ranking again
    assert page.locator("[data-testid=chosen-skill]").count() == len(
        occupation_skills_of_shop(server_store_url())
    )
    with open_store(server_store_url()) as store:
        actions = [e["action"] for e in entries_for(store, account)]
    assert "consent given" in actions and "career navigator: passport used" in actions
    assert "passport skills read" in actions and "passport region read" in actions
    # someone else (not logged in) sees only the form
    other = browser.new_context(base_url=base_url)
    try:
        stranger = other.new_page()
        stranger.goto("/loopbaan")
        assert stranger.locator("[data-testid=navigator-results]").count() == 0
        assert stranger.locator("[data-testid=passport-note]").count() == 0
        assert stranger.locator("[data-testid=passport-consent]").count() == 0
        assert stranger.locator("[data-testid=chosen-skill]").count() == 0
    finally:
        other.close()
    # withdrawing consent stops the passport use
    page.click("[data-testid=passport-stop]")
    page.wait_for_selector("[data-testid=passport-consent]")
    assert page.locator("[data-testid=navigator-results]").count() == 0
