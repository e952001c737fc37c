"""Programme profiles from the real DUO files (issue 17): /opleiding/{code} and
/api/programmes/{code} on a store after `lloradar ingest shared`; counts under 10 people hidden."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient

from lloradar.features.ingest.shared import SharedRun
from lloradar.features.programmes.service import (
    UNKNOWN,
    arbeidsmarktregio,
    programme_profile,
)
from lloradar.store import open_store

HBO = "recorded-sources/duo-open-onderwijsdata/hbo_gediplomeerden_2019.csv"


def _graduates_per_year(shared_data: Path, code: str) -> dict[int, int]:
    """Straight from the DUO file: the sum over institutions, forms and sexes per year."""
    text = (shared_data / HBO).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() not in ("", '""')]
    rows = csv.DictReader(lines, delimiter=";")
    totals: dict[int, int] = {}
    for row in rows:
        if row["OPLEIDINGSCODE ACTUEEL"].strip() == code:
            for year in range(2014, 2019):
                totals[year] = totals.get(year, 0) + int(row[str(year)] or 0)
    return totals


def test_programme_page_shows_graduates_per_year_from_the_duo_file(
    real_client: TestClient, shared_data: Path
) -> None:
    expected = _graduates_per_year(shared_data, "34267")  # B Elektrotechniek, hbo
    assert expected and all(v >= 10 for v in expected.values())
    html = real_client.get("/opleiding/34267?lang=nl").text
    assert "B Elektrotechniek" in html and "CROHO-code 34267" in html
    assert "Sector van onderwijs: techniek" in html
    assert 'data-testid="real-label"' in html and "DUO open onderwijsdata" in html
    assert 'data-testid="demo-label"' not in html
    for year, persons in expected.items():
        assert f"<td>{year}</td><td>{persons}</td>" in html
    assert f"In 2018 behaalden {expected[2018]} studenten een diploma" in html


def test_api_answers_the_same_per_year(real_client: TestClient, shared_data: Path) -> None:
    expected = _graduates_per_year(shared_data, "34267")
    answer = real_client.get("/api/programmes/34267").json()
    assert {r["year"]: r["persons"] for r in answer["per_year"]} == expected
    assert answer["is_demo"] is False and answer["levels"] == ["hbo bachelor"]
    assert answer["domains"] == ["techniek"]  # CROHO onderdeel: the sector of education
    assert answer["sources"][0]["source"] == "DUO open onderwijsdata"
    regions = {r["region"] for r in answer["per_region"]}
    assert regions and all(r.startswith("AM") or r == UNKNOWN for r in regions)
    rows = list(
        csv.DictReader(io.StringIO(real_client.get("/api/programmes/34267?format=csv").text))
    )
    assert {"region", "year", "persons", "hidden"} <= set(rows[0])


def test_no_count_under_ten_people_is_shown(real_world: tuple[Path, SharedRun]) -> None:
    with open_store(str(real_world[0])) as store:
        small = store.query(
            "SELECT programme_code FROM education_supply WHERE kind = 'enrolment' "
            "GROUP BY programme_code HAVING min(persons) BETWEEN 1 AND 9 LIMIT 20"
        )
        assert small
        for (code,) in small:
            profile = programme_profile(store, str(code))
            assert profile is not None
            values = [*profile.per_year.values(), *profile.region_totals.values(), profile.total]
            values += [v for years in profile.per_region.values() for v in years.values()]
            assert all(v is None or v >= 10 for v in values), code


def test_mbo_enrolments_by_crebo_and_the_search(real_client: TestClient) -> None:
    answer = real_client.get("/api/programmes/25180").json()  # Kok, mbo 2
    assert answer["kind"] == "enrolment" and answer["levels"] == ["mbo 2"]
    assert answer["domains"]  # the mbo domein
    found = real_client.get("/api/programmes?q=elektrotechniek").json()
    assert any(p["code"] == "34267" for p in found)
    page = real_client.get("/opleiding?q=verpleeg&lang=nl").text
    assert 'href="/opleiding/34560"' in page


def test_unknown_code_is_a_404_in_both(real_client: TestClient) -> None:
    assert real_client.get("/api/programmes/00000").status_code == 404
    assert real_client.get("/opleiding/00000").status_code == 404


def test_place_names_reach_their_labour_market_region() -> None:
    lookup = {"0228": "AM08", "ede": "AM08", "meierijstad": "AM27", "zaanstad": "AM16"}
    assert arbeidsmarktregio(lookup, "0228") == "AM08"
    assert arbeidsmarktregio(lookup, "EDE GLD") == "AM08"
    assert arbeidsmarktregio(lookup, "VEGHEL") == "AM27"
    assert arbeidsmarktregio(lookup, "ZAANDAM") == "AM16"
    assert arbeidsmarktregio(lookup, "NERGENS") == UNKNOWN
