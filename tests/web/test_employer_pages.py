"""The /werkgever page on a demo world of its own: employer accounts only, CSRF, the five blocks,
escaped input, "<10" for small groups and clear messages for an empty or a 1 MB text."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from accounts_fixtures import LoggedIn, logged_in_client
from demo_worlds import copy_world
from lloradar.features.indicators.radar import radar_for_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

VACANCY = (
    "<script>alert('vacature')</script> Wij zoeken een verpleegkundige die zorg verleent aan "
    "patiënten en medicatie toedient."
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, shared_data_demo_world_file: Path) -> object:
    from lloradar.server import create_app

    target = tmp_path_factory.mktemp("employer") / "demo.duckdb"
    path = str(copy_world(shared_data_demo_world_file, target))
    return create_app(radar_for_store(path))


@pytest.fixture(scope="module")
def employer(app: object) -> Iterator[LoggedIn]:
    me = logged_in_client(app, "employer")
    with me.client:
        yield me


def post(me: LoggedIn, **fields: str) -> object:
    form = {"csrf": me.csrf, "region": "AM05", "pension_age": "67", **fields}
    return me.client.post("/werkgever?lang=nl", data=form)


def test_page_is_for_employers(app: object) -> None:
    with TestClient(app, follow_redirects=False) as anonymous:  # type: ignore[arg-type]
        r = anonymous.get("/werkgever")
        assert r.status_code == 303 and r.headers["location"].startswith("/inloggen?next=")
    citizen = logged_in_client(app, "citizen")
    assert citizen.client.get("/werkgever").status_code == 403


def test_form_has_regions_and_csrf(employer: LoggedIn) -> None:
    html = employer.client.get("/werkgever?lang=nl").text
    assert 'name="csrf"' in html and 'value="AM05"' in html and "Vacaturetekst" in html
    assert "Vacancy text" in employer.client.get("/werkgever?lang=en").text


def test_pension_age_outside_the_range_is_refused(employer: LoggedIn) -> None:
    r = post(employer, text=VACANCY, pension_age="99")
    assert r.status_code == 422  # type: ignore[attr-defined]


def test_analysis_escapes_the_text_and_hides_small_groups(employer: LoggedIn) -> None:
    r = post(employer, text=VACANCY, team="occupation,age_band,count\nzorghulp,60-64,3\n")
    assert r.status_code == 200, r.text[:500]  # type: ignore[attr-defined]
    html = r.text  # type: ignore[attr-defined]
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;vacature&#39;)&lt;/script&gt;" in html
    for block in ("employer-skills", "employer-pool", "employer-competition",
                  "employer-adjacent", "employer-risk"):  # fmt: skip
        assert f'data-testid="{block}"' in html
    assert "werkzoekenden ingeschreven" in html and "vacatures" in html
    # a team of three: every count is "<10", and no class either
    risk = html.split('data-testid="employer-risk"')[1]
    assert "&lt;10" in risk and "te weinig" in risk
    assert "meer dan de helft" not in risk


@pytest.mark.parametrize(
    ("text", "words"),
    [("   ", "de vacaturetekst is leeg"), ("a" * 1_000_000, "1.000.000 tekens")],
)
def test_empty_or_huge_text_gets_a_clear_message(employer: LoggedIn, text: str, words: str) -> None:
    r = post(employer, text=text)
    assert r.status_code == 422  # type: ignore[attr-defined]
    assert words in r.text  # type: ignore[attr-defined]
    assert 'data-testid="employer-error"' in r.text  # type: ignore[attr-defined]


def test_bad_team_file_names_the_line(employer: LoggedIn) -> None:
    r = employer.client.post(
        "/werkgever?lang=en",
        data={"csrf": employer.csrf, "region": "AM05", "text": VACANCY, "pension_age": "67"},
        files={"team_file": ("team.csv", b"occupation,age_band,count\nzorghulp,old,3\n")},
    )
    assert r.status_code == 422
    assert "team line 2, field &#39;age_band&#39;: &#39;old&#39;" in r.text


def test_form_without_csrf_is_refused(employer: LoggedIn) -> None:
    r = employer.client.post("/werkgever", data={"region": "AM05", "text": VACANCY})
    assert r.status_code == 403


def test_team_is_saved_only_on_request_and_can_be_deleted(app: object) -> None:
    me = logged_in_client(app, "employer")
    team = "occupation,age_band,count\nzorghulp,60-64,12\n"
    first = post(me, text=VACANCY, team=team)
    assert 'data-testid="employer-notice"' not in first.text  # type: ignore[attr-defined]
    assert "zorghulp,60-64" not in me.client.get("/werkgever?lang=nl").text
    saved = post(me, text=VACANCY, team=team, save_team="1")
    assert "Uw team is bewaard (1 regels)" in saved.text  # type: ignore[attr-defined]
    page = me.client.get("/werkgever?lang=nl").text
    assert "zorghulp,60-64,12" in page and "Uw bewaarde team is ingevuld." in page
    other = logged_in_client(app, "employer")
    assert "zorghulp,60-64,12" not in other.client.get("/werkgever?lang=nl").text
    gone = me.client.post("/werkgever/team/verwijderen", data={"csrf": me.csrf})
    assert gone.status_code == 200 and "Uw bewaarde team is verwijderd." in gone.text
    assert "zorghulp,60-64,12" not in me.client.get("/werkgever?lang=nl").text
