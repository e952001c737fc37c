"""Real CBS 83599NED open vacancies per sector on the API and the sector pages (issue 17):
on a store after `lloradar ingest shared`, never mixed with demo figures."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from lloradar.features.sector_vacancies.codes import persons, quarter, resolve_sector


def test_codes() -> None:
    assert quarter("2020KW02") == "2020-Q2"
    assert quarter("2019JJ00") is None
    assert persons(200.4) == 200_400
    assert persons(None) is None
    assert resolve_sector("f") == "350000"
    assert resolve_sector("T001081") == "T001081"
    assert resolve_sector("Z") is None


def test_acceptance_csv_has_2020_q2_all_activities(real_client: TestClient) -> None:
    response = real_client.get("/api/sectors/T001081/vacancies?region=NL01&format=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == [
        "region",
        "sector",
        "period",
        "open_vacancies",
        "source",
        "is_demo",
    ]
    q2 = next(r for r in rows if r["period"] == "2020-Q2")
    assert q2["open_vacancies"] == "200400"
    assert q2["is_demo"] == "False"
    assert q2["region"] == "NL01" and "83599NED" in q2["source"]
    assert len(rows) == 38  # 2011-Q1 .. 2020-Q2


def test_json_for_a_province_by_sbi_section(real_client: TestClient) -> None:
    rows = real_client.get("/api/sectors/F/vacancies?region=PV25").json()
    assert {r["region"] for r in rows} == {"PV25"}
    assert {r["sector"] for r in rows} == {"350000"}
    assert all(r["is_demo"] is False for r in rows)
    every = real_client.get("/api/sectors/F/vacancies?region=all").json()
    assert len({r["region"] for r in every}) == 17


def test_a_missing_cbs_value_stays_missing(real_client: TestClient) -> None:
    rows = real_client.get("/api/sectors/300013/vacancies?region=PV31").json()
    assert next(r for r in rows if r["period"] == "2014-Q3")["open_vacancies"] is None


def test_unknown_sector_or_region_is_a_problem_with_suggestions(real_client: TestClient) -> None:
    sector = real_client.get("/api/sectors/ZZ/vacancies")
    assert sector.status_code == 404
    assert "350000 (F)" in sector.json()["suggestions"]
    region = real_client.get("/api/sectors/F/vacancies?region=AM05")
    assert region.status_code == 404
    assert "PV25" in region.json()["suggestions"]


def test_sector_page_shows_the_real_series_with_its_source(real_client: TestClient) -> None:
    page = real_client.get("/sector/T001081?lang=nl")
    assert page.status_code == 200
    html = page.text
    assert 'data-testid="real-label"' in html
    assert "CBS 83599NED" in html
    assert "200.400" in html  # 2020-Q2, the Netherlands, Dutch number format
    assert "Duiding" in html and "2020-Q2" in html
    assert 'data-testid="demo-label"' not in html  # a real-only store: no demo figure at all
    assert "CC BY 4.0" in html
    assert "/api/sectors/T001081/vacancies?region=NL01&amp;format=csv" in html


def test_sector_page_compares_provinces_and_switches_region(real_client: TestClient) -> None:
    html = real_client.get("/sector/F?regio=PV25&lang=en").text
    assert "Open vacancies per province" in html
    assert "Construction, Gelderland" in html
    assert "Real figures, source:" in html


def test_sector_list_marks_real_sectors_and_filters(real_client: TestClient) -> None:
    html = real_client.get("/sector?echt=1&lang=nl").text
    assert 'data-testid="real-sectors"' in html
    assert 'href="/sector/T001081"' in html
    assert 'data-testid="sectors"' not in html


def test_factsheet_has_the_real_charts(real_client: TestClient) -> None:
    html = real_client.get("/sector/T001081/factsheet?lang=nl").text
    assert "CBS 83599NED" in html and "200.400" in html
    pdf = real_client.get("/sector/T001081/factsheet.pdf")
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"


def test_sick_leave_of_the_sector_from_80072ned(real_client: TestClient) -> None:
    rows = real_client.get("/api/sectors/Q/sick-leave").json()
    assert {r["sector"] for r in rows} == {"422400"}
    last = rows[-1]
    assert (last["period"], last["sick_leave_percent"], last["is_demo"]) == ("2020-Q1", 6.6, False)
    html = real_client.get("/sector/Q?lang=nl").text
    assert "Ziekteverzuim per kwartaal" in html and "CBS 80072ned" in html
    assert "6,6% van de werkdagen" in html


def test_a_division_with_only_sick_leave_has_a_real_page(real_client: TestClient) -> None:
    html = real_client.get("/sector/86?lang=en").text  # 422500 Human health: 80072ned only
    assert "Human health" in html and "CBS 80072ned" in html
    assert 'data-testid="real-label"' in html and 'data-testid="demo-label"' not in html
    assert 'id="regio"' not in html  # no vacancies by region for a division
    assert real_client.get("/api/sectors/86/vacancies").status_code == 404
