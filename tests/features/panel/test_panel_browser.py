"""A panel wave in Debian's chromium: the respondent opens the personal link from the outbox,
gives consent for the wave, answers every kind of question, is thanked, and finds the answers
stored under the pseudonym only (the browser-test pattern of tests/web/conftest.py). The same
browser then opens a region page, whose brede welvaart section htmx loads (under the site's CSP)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from demo_worlds import copy_world
from live_server import free_port, served
from lloradar.demo.welfare import build_demo_welfare
from lloradar.domain.intervention import pseudonymise
from lloradar.features.indicators.radar import radar_for_store
from lloradar.features.panel.invitations import invite
from lloradar.features.panel.service import add_members, load_wave
from lloradar.store import open_store

KEY = "browser-panel-key-0123456789"
WAVE = b"""wave: browser-1
version: 1
title: {nl: "Werk en welzijn (test)", en: "Work and well-being (test)"}
opens: 2000-01-01
closes: 2999-12-31
questions:
  - id: participation
    type: choice
    text: {nl: "Wat doet u op dit moment vooral?", en: "What do you mainly do?"}
    options: [betaald_werk, werkzoekend, anders]
  - id: hours
    type: integer
    text: {nl: "Hoeveel uur per week werkt u betaald?", en: "Paid hours a week?"}
    min: 0
    max: 80
  - id: skills_used
    type: multi_choice
    text: {nl: "Welke vaardigheden gebruikt u?", en: "Which skills do you use?"}
    options: [digitaal, technisch, communicatie]
"""


@pytest.fixture(scope="module")
def panel_site(
    tmp_path_factory: pytest.TempPathFactory, offline_demo_world_file: Path
) -> Iterator[tuple[str, str, Path]]:
    """(base URL, the respondent's token, store path): the app on a copy of the offline demo
    world with one open wave and one invited member."""
    from lloradar.server import create_app

    path = copy_world(offline_demo_world_file, tmp_path_factory.mktemp("panel-web") / "w.duckdb")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open_store(str(path)) as store:
        load_wave(store, WAVE, "browser-1.yaml")
        add_members(store, b"id,email\nresp-1,resp1@example.org\n", "m.csv", KEY)
        invite(store, "browser-1", base, today=date(2026, 1, 1))
        build_demo_welfare(store, 42)
        body = str(store.query("SELECT body FROM panel_outbox")[0][0])
    token = body.split("/panel/", 1)[1].split()[0]
    with served(create_app(radar_for_store(str(path))), port):
        yield base, token, path


def test_a_respondent_answers_a_wave_and_a_region_shows_brede_welvaart(
    panel_site: tuple[str, str, Path], browser: object
) -> None:
    base, token, path = panel_site
    page: Any = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(f"{base}/panel/{token}")
        assert "Werk en welzijn (test)" in page.inner_text("[data-testid=panel-wave]")
        assert page.locator("[data-testid=panel-form]").count() == 0  # no form before consent
        page.click("[data-testid=panel-consent]")
        page.wait_for_selector("[data-testid=panel-form]")
        page.check("input[name=participation][value=betaald_werk]")
        page.fill("#q-hours", "32")
        page.check("input[name=skills_used][value=digitaal]")
        page.check("input[name=skills_used][value=communicatie]")
        page.click("[data-testid=panel-submit]")
        page.wait_for_selector("[data-testid=panel-thanks]")
        assert page.is_checked("input[name=skills_used][value=communicatie]")
        page.goto(f"{base}/panel/not-a-token")
        assert page.locator("[data-testid=panel-unknown]").count() == 1
        page.goto(f"{base}/regio/AM05")
        page.wait_for_selector("[data-testid=welfare-table]")
        assert page.locator("#brede-welvaart [data-testid=welfare-demo]").count() == 1
        assert page.locator("#brede-welvaart tr[data-indicator=inkomen]").count() == 1
    finally:
        page.close()
    with open_store(str(path)) as store:
        stored = store.query("SELECT pseudonym, question_id, value FROM panel_answer")
    pseudonym = pseudonymise("resp-1", KEY.encode())
    assert sorted(stored) == [
        (pseudonym, "hours", "32"),
        (pseudonym, "participation", "betaald_werk"),
        (pseudonym, "skills_used", "digitaal;communicatie"),
    ]
