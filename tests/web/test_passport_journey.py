"""The citizen's journey in Debian's chromium: register, consent, paste a Dutch CV, confirm
some suggested skills and remove one, see them in the passport, choose a region, see ranked
occupations in the navigator, export the passport as Open Badges 3.0, delete the account and
find that the login no longer works."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from accounts_helpers import PASSWORD, expire_session, login, register_and_login
from tests_web_helpers import AXE, serious_violations

Page = Any

CV_NL = """Curriculum vitae - Jan de Vries, Enschede

Werkervaring
2016-2024  Lasser bij Metaalbouw Twente: metalen verbinden en lassen, tekeningen lezen,
           veiligheidsvoorschriften toepassen.
2012-2016  Magazijnmedewerker: heftruck rijden, voorraad bijhouden, orders verzamelen.

Opleiding
MBO Metaal en techniek, niveau 2 (2012)
"""


def test_citizen_builds_exports_and_deletes_a_passport(
    page: Page, base_url: str, artifacts: Path, tmp_path: Path
) -> None:
    email = register_and_login(page, base_url, "citizen")
    assert page.url.endswith("/paspoort")
    page.click("[data-testid=give-consent]")
    page.wait_for_selector("[data-testid=consent-given]")

    page.fill("#cv", CV_NL)
    page.click("[data-testid=cv-submit]")
    rows = page.locator("[data-testid=suggestions] tbody tr")
    rows.first.wait_for()
    suggested = [rows.nth(i).get_attribute("data-uri") for i in range(rows.count())]
    assert len(suggested) >= 3, suggested
    removed = suggested[1]
    rows.nth(1).locator("input[type=checkbox]").uncheck()
    page.click("[data-testid=confirm-suggestions]")
    page.wait_for_selector("[data-testid=passport-skills]")
    assert "staan in uw paspoort" in page.locator("[data-testid=notice]").inner_text()

    stored_rows = page.locator("[data-testid=passport-skills] tbody tr")
    stored = sorted(
        stored_rows.nth(i).get_attribute("data-uri") for i in range(stored_rows.count())
    )
    assert stored == sorted(u for u in suggested if u != removed)

    page.select_option("#region", "AM05")
    page.fill("#hours", "32")
    page.click("#voorkeuren ~ form button[type=submit]")
    page.wait_for_selector("[data-testid=to-navigator]")
    assert page.locator("#region").input_value() == "AM05"
    page.screenshot(path=str(artifacts / "passport-nl.png"), full_page=True)

    page.add_script_tag(url="/static/vendor/" + AXE.name)
    violations = serious_violations(page.evaluate("async () => await axe.run()"))
    assert violations == [], violations

    with page.expect_download() as download:
        page.click("[data-testid=export-openbadges]")
    saved = tmp_path / "paspoort.json"
    download.value.save_as(saved)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert document["type"] == ["VerifiablePresentation"]
    credentials = document["verifiableCredential"]
    assert all("OpenBadgeCredential" in c["type"] for c in credentials)
    assert all(
        c["@context"][1] == "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        for c in credentials
    )
    exported = sorted(
        c["credentialSubject"]["achievement"]["alignment"][0]["targetUrl"] for c in credentials
    )
    assert exported == stored

    page.click("[data-testid=to-navigator] button")
    page.wait_for_url("**/loopbaan?**")
    cards = page.locator("[data-testid=occupation-card]")
    cards.first.wait_for()
    assert cards.count() >= 1

    page.goto(f"{base_url}/paspoort")
    page.check("#confirm-delete")
    page.fill("#delete-password", PASSWORD)
    page.click("[data-testid=delete-account]")
    page.wait_for_selector("[data-testid=login-notice]")
    assert "verwijderd" in page.locator("[data-testid=login-notice]").inner_text()

    login(page, base_url, email, PASSWORD)
    assert "/inloggen" in page.url
    assert "klopt niet" in page.locator("[data-testid=login-error]").inner_text()
    assert page.goto(f"{base_url}/paspoort").url.startswith(f"{base_url}/inloggen")


def test_bad_uploads_and_an_expired_session_on_the_page(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    email = register_and_login(page, base_url, "citizen")
    page.click("[data-testid=give-consent]")
    page.wait_for_selector("[data-testid=consent-given]")
    exe = tmp_path / "cv.exe"
    exe.write_bytes(b"MZ\x90\x00")
    page.set_input_files("#cv-file", str(exe))
    page.click("#cv-file ~ button")
    assert "niet geaccepteerd" in page.locator("[data-testid=passport-error]").inner_text()
    big = tmp_path / "cv.pdf"
    # Over 5 MB but under the 6 MB request limit of an upload route (over it: a 413 page).
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024 + 512 * 1024))
    page.set_input_files("#cv-file", str(big))
    page.click("#cv-file ~ button")
    assert "the limit is 5 MB" in page.locator("[data-testid=passport-error]").inner_text()
    page.set_input_files(
        "#cv-file",
        {"name": "kapot.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7 kapot"},
    )
    page.click("#cv-file ~ button")
    assert "kapot.pdf is beschadigd" in page.locator("[data-testid=passport-error]").inner_text()

    # The session runs out: the page sends the person to the login with a message, and after
    # logging in again they are back on the passport with nothing lost.
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "lloradar_session")
    expire_session(token)
    page.goto(f"{base_url}/paspoort")
    assert "/inloggen?next=/paspoort&verlopen=1" in page.url
    assert "sessie is verlopen" in page.locator("[data-testid=login-error]").inner_text()
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("form.account-form button[type=submit]")
    page.wait_for_selector("[data-testid=consent-given]")
    assert page.url.endswith("/paspoort")


def test_login_and_register_pages_pass_axe_in_both_languages(page: Page, base_url: str) -> None:
    for path in ("/inloggen", "/registreren", "/inloggen?lang=en", "/registreren?lang=en"):
        page.goto(f"{base_url}{path}")
        page.add_script_tag(url="/static/vendor/" + AXE.name)
        violations = serious_violations(page.evaluate("async () => await axe.run()"))
        assert violations == [], (path, violations)
    assert "Create an account" in page.content()
