"""Creating and editing interventions through the web forms: analyst and admin only, CSRF,
a message beside each bad field (Dutch and English), nothing stored from a bad form, and one
audit-log line per change."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from accounts_fixtures import LoggedIn, logged_in_client
from lloradar.features.indicators.radar import radar_for_store
from lloradar.features.interventions.service import get_intervention, import_interventions
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.store import Store, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "interventions"
VALID = {
    "id": "form-zorg-1",
    "name": "Zorgbanen Twente <b>2026</b>",
    "region": "AM05",
    "theme": "zorg",
    "status": "running",
    "start_date": "2026-01-01",
    "end_date": "2027-06-30",
    "goals": "Zij-instroom in de zorg",
    "target_group": "Werkzoekenden 25-55",
    "sector": "Q",
    "education_level": "mbo-3",
    "occupations": "2221; 3221",
    "skills": "patient care; wound care",
    "budget_eur": "250000",
    "theory_of_change": "Leren en werken tegelijk",
    "funder_name": ["ESF+", "Gemeente Enschede", ""],
    "funder_amount": ["150000", "100000", ""],
    "kpi_measure": ["participants", "employed_6m_pct", ""],
    "kpi_target": ["40", "65", ""],
    "kpi_date": ["2026-12-31", "2027-06-30", ""],
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A small world: the built-in regions and the example register, no labour-market data."""
    from lloradar.server import create_app

    path = str(tmp_path_factory.mktemp("forms") / "forms.duckdb")
    store = open_store(path)
    try:
        load_builtin_regions(store)
        import_interventions(store, EXAMPLES / "register.yaml", is_demo=True)
    finally:
        store.close()
    return create_app(radar_for_store(path))


@pytest.fixture(scope="module")
def analyst(app: Any) -> Iterator[LoggedIn]:
    me = logged_in_client(app, "analyst")
    with me.client:
        yield me


def store_of(app: Any) -> Store:
    from accounts_fixtures import store_url_of

    return open_store(store_url_of(app))


def post(me: LoggedIn, path: str, form: dict[str, Any], lang: str = "nl") -> Any:
    return me.client.post(
        f"{path}?lang={lang}", data={"csrf": me.csrf, **form}, follow_redirects=False
    )


def errors(html: str) -> dict[str, str]:
    found = re.findall(r'data-testid="error-([a-z_]+)">([^<]*)<', html)
    return {field: unescape(text) for field, text in found}


def test_anonymous_and_citizens_cannot_reach_the_forms(app: Any) -> None:
    with TestClient(app, follow_redirects=False) as anonymous:
        r = anonymous.get("/interventies/nieuw")
        assert (
            r.status_code == 303 and r.headers["location"] == "/inloggen?next=/interventies/nieuw"
        )
        r = anonymous.get("/interventies/demo-twente-zorg/bewerken")
        assert r.status_code == 303 and r.headers["location"].startswith("/inloggen?next=")
        assert anonymous.post("/interventies/nieuw", data=VALID).status_code == 303
        assert 'href="/interventies/nieuw"' not in anonymous.get("/interventies").text
    citizen = logged_in_client(app, "citizen")
    with citizen.client:
        assert citizen.client.get("/interventies/nieuw").status_code == 403
        assert citizen.client.get("/interventies/demo-twente-zorg/bewerken").status_code == 403
        r = post(citizen, "/interventies/nieuw", {**VALID, "id": "citizen-made"})
        assert r.status_code == 403
    with store_of(app) as store:
        assert get_intervention(store, "citizen-made") is None


def test_a_form_without_its_csrf_token_is_refused(analyst: LoggedIn, app: Any) -> None:
    r = analyst.client.post("/interventies/nieuw", data={**VALID, "id": "no-csrf"})
    assert r.status_code == 403 and "CSRF" in r.text
    with store_of(app) as store:
        assert get_intervention(store, "no-csrf") is None


def test_analyst_creates_an_intervention_and_sees_it_in_the_register(
    analyst: LoggedIn, app: Any
) -> None:
    form = analyst.client.get("/interventies/nieuw?lang=nl").text
    assert 'name="csrf"' in form and 'value="AM05"' in form and 'name="kpi_measure"' in form
    r = post(analyst, "/interventies/nieuw", VALID)
    assert r.status_code == 303 and r.headers["location"] == "/interventies/form-zorg-1"
    register = analyst.client.get("/interventies?lang=nl").text
    assert 'href="/interventies/form-zorg-1"' in register
    assert "Zorgbanen Twente &lt;b&gt;2026&lt;/b&gt;" in register  # escaped, not markup
    with store_of(app) as store:
        saved = get_intervention(store, "form-zorg-1")
        assert saved is not None
        assert [(k.measure.value, k.target, k.target_date.isoformat()) for k in saved.kpis] == [
            ("participants", 40.0, "2026-12-31"),
            ("employed_6m_pct", 65.0, "2027-06-30"),
        ]
        assert [(f.name, f.amount_eur) for f in saved.funders] == [
            ("ESF+", 150000.0),
            ("Gemeente Enschede", 100000.0),
        ]
        assert saved.occupations == ("2221", "3221") and saved.education_level == "mbo-3"
        log = store.query("SELECT action, purpose FROM audit_log WHERE action LIKE 'intervention%'")
        assert log == [("intervention created: form-zorg-1", "intervention register")]
        notes = [r[0] for r in store.query("SELECT note FROM provenance WHERE url LIKE 'form:%'")]
        assert notes and all(analyst.account.email not in n for n in notes)


def test_bad_fields_get_a_message_each_and_nothing_is_stored(analyst: LoggedIn, app: Any) -> None:
    with store_of(app) as store:
        before = store.query("SELECT * FROM intervention ORDER BY 1")
    bad = {
        **VALID,
        "id": "demo-twente-zorg",
        "name": "",
        "region": "AM99",
        "start_date": "2026-13-01",
        "sector": "ZZZ",
        "kpi_measure": ["employed_6m_pct", "participants"],
        "kpi_target": ["120", ""],
        "kpi_date": ["2027-06-30", "2026-12-31"],
    }
    r = post(analyst, "/interventies/nieuw", bad, lang="nl")
    assert r.status_code == 422
    found = errors(r.text)
    assert found["id"] == "'demo-twente-zorg' staat al in het register"
    assert found["name"] == "is leeg"
    assert found["region"] == "'AM99' is geen bekende regiocode (bijvoorbeeld AM05)"
    assert found["start_date"] == "'2026-13-01' is geen datum (verwacht JJJJ-MM-DD)"
    assert found["sector"] == "'ZZZ' is geen SBI-code (A..U of 2 tot 5 cijfers)"
    assert found["kpis"].startswith("'participants=@2026-12-31' is onvolledig")
    assert 'aria-invalid="true"' in r.text and 'value="2026-13-01"' in r.text  # kept
    english = post(analyst, "/interventies/nieuw", {**bad, "id": "x/y", "name": "n"}, "en")
    found = errors(english.text)
    assert found["id"].startswith("'x/y' is not a usable code")
    assert found["region"] == "'AM99' is not a known region code (expected e.g. AM05)"
    assert "name" not in found
    impossible = post(analyst, "/interventies/nieuw", {**VALID, "id": "p", "kpi_target": ["40", "120", ""]}, "en")  # fmt: skip
    assert errors(impossible.text)["kpis"] == (
        "'120' is impossible (expected a percentage from 0 to 100)"
    )
    late = post(analyst, "/interventies/nieuw", {**VALID, "id": "q", "end_date": "2025-01-01"})
    assert errors(late.text)["end_date"] == "'2025-01-01' ligt vóór de startdatum 2026-01-01"
    with store_of(app) as store:
        assert store.query("SELECT * FROM intervention ORDER BY 1") == before


def test_analyst_edits_an_intervention_and_the_change_is_audited(
    analyst: LoggedIn, app: Any
) -> None:
    form = analyst.client.get("/interventies/demo-twente-techniek/bewerken?lang=nl").text
    assert 'data-testid="intervention-id">demo-twente-techniek<' in form
    assert 'value="Techniektalent Twente (demo)"' in form
    assert (
        'href="/interventies/demo-twente-techniek/bewerken"'
        in analyst.client.get("/interventies/demo-twente-techniek").text
    )
    r = post(
        analyst,
        "/interventies/demo-twente-techniek/bewerken",
        {
            **VALID,
            "id": "ignored-new-id",
            "name": "Techniektalent Twente (bewerkt)",
            "status": "completed",
            "kpi_measure": ["completed"],
            "kpi_target": ["25"],
            "kpi_date": ["2026-12-31"],
        },
    )
    assert r.status_code == 303 and r.headers["location"] == "/interventies/demo-twente-techniek"
    with store_of(app) as store:
        saved = get_intervention(store, "demo-twente-techniek")
        assert saved is not None and saved.name == "Techniektalent Twente (bewerkt)"
        assert saved.status.value == "completed"
        assert [k.measure.value for k in saved.kpis] == ["completed"]  # the old KPI is gone
        assert get_intervention(store, "ignored-new-id") is None
        log = store.query("SELECT action FROM audit_log WHERE action LIKE 'intervention updated%'")
        assert log == [("intervention updated: demo-twente-techniek",)]


def test_admin_may_edit_and_unknown_ids_are_404(app: Any) -> None:
    admin = logged_in_client(app, "admin")
    with admin.client:
        assert admin.client.get("/interventies/nieuw?lang=en").status_code == 200
        assert admin.client.get("/interventies/nope/bewerken").status_code == 404
        assert post(admin, "/interventies/nope/bewerken", VALID).status_code == 404


def test_analyst_creates_an_intervention_in_the_browser(
    page: Any, base_url: str, artifacts: Path
) -> None:
    """Playwright: an analyst fills in the form (a bad field first), saves, finds it in the
    register; the form passes the axe check; a citizen gets the 403 page."""
    from accounts_helpers import register_and_login
    from tests_web_helpers import AXE, serious_violations

    register_and_login(page, base_url, role="analyst")
    page.goto("/interventies")
    page.click("#new-intervention")
    page.wait_for_url("**/interventies/nieuw")
    page.add_script_tag(url="/static/vendor/" + AXE.name)
    assert serious_violations(page.evaluate("async () => await axe.run()")) == []
    page.fill("#id", "browser-ict-1")
    page.fill("#name", "ICT-talent Twente (browser)")
    page.select_option("#region", "AM10")  # not Twente: the portfolio test counts AM05
    page.fill("#theme", "ict")
    page.fill("#start_date", "2026-02-01")
    page.fill("#end_date", "2025-12-31")  # before the start: refused with a message
    page.fill("input[name=funder_name] >> nth=0", "Provincie Overijssel")
    page.fill("input[name=funder_amount] >> nth=0", "80000")
    page.select_option("select[name=kpi_measure] >> nth=0", "participants")
    page.fill("input[name=kpi_target] >> nth=0", "25")
    page.fill("input[name=kpi_date] >> nth=0", "2026-12-31")
    page.click("form.intervention-form button[type=submit]")
    assert "ligt vóór de startdatum" in page.get_by_test_id("error-end_date").inner_text()
    page.screenshot(path=str(artifacts / "intervention-form-errors-nl.png"), full_page=True)
    page.fill("#end_date", "2027-01-31")
    page.click("form.intervention-form button[type=submit]")
    page.wait_for_url("**/interventies/browser-ict-1")
    assert page.get_by_test_id("intervention-name").inner_text() == "ICT-talent Twente (browser)"
    page.goto("/interventies")
    link = page.get_by_test_id("register").locator("a[href='/interventies/browser-ict-1']")
    assert link.inner_text() == "ICT-talent Twente (browser)"
    page.context.clear_cookies()
    register_and_login(page, base_url, role="citizen")
    response = page.goto("/interventies/nieuw")
    assert response.status == 403 and page.get_by_test_id("forbidden").is_visible()
