"""The education pipeline (onderwijspijplijn) of a programme: the pure computation (golden
values, suppression), and on the real DUO files (tests/features/conftest.py's real world): mbo
enrolments and their net inflow, hbo graduates, on the programme page and the API."""

from __future__ import annotations

import csv
import gzip
import warnings
from pathlib import Path

from lloradar.analytics.education_pipeline import education_pipeline

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

MBO = "recorded-sources/duo-open-onderwijsdata/mbo_inscriptions_2019.csv.gz"


def test_net_inflow_is_the_change_in_shown_enrolment_and_hidden_with_it() -> None:
    pipe = education_pipeline(
        {"AM05": {2015: 40, 2016: 55, 2017: 52}, "AM14": {2015: 30, 2016: 31, 2017: 45}},
        {},
    )
    assert pipe.regions == ["AM05", "AM14"] and pipe.graduated is None
    assert pipe.enrolled is not None and pipe.net_inflow is not None
    assert pipe.enrolled.totals == {2015: 70, 2016: 86, 2017: 97}
    assert pipe.net_inflow.totals == {2015: None, 2016: 16, 2017: 11}
    assert pipe.net_inflow.cells["AM05"] == {2015: None, 2016: 15, 2017: -3}
    small = education_pipeline({"AM05": {2015: 40, 2016: 55}, "AM01": {2015: 12, 2016: 5}}, {})
    assert small.enrolled is not None and small.net_inflow is not None
    assert small.enrolled.cells["AM01"] == {2015: None, 2016: None}  # 5 and its partner 12
    assert small.enrolled.cells["AM05"] == {2015: None, 2016: None}  # else 12 follows
    assert small.net_inflow.cells["AM01"][2016] is None
    assert small.enrolled.totals == {2015: 52, 2016: 60}


def _enrolled_per_year(shared_data: Path, code: str) -> dict[int, int]:
    """Straight from the DUO file: MAN + VROUW over institutions and variants per year."""
    text = gzip.decompress((shared_data / MBO).read_bytes()).decode("utf-8")
    lines = [line for line in text.splitlines() if line.strip() not in ("", '""')]
    totals: dict[int, int] = {}
    for row in csv.DictReader(lines, delimiter=";"):
        if row["KWALIFICATIE CODE"].strip() == code:
            for year in range(2015, 2020):
                for sex in ("MAN", "VROUW"):
                    totals[year] = totals.get(year, 0) + int(row[f"{sex}{year}"] or 0)
    return totals


def test_real_mbo_pipeline_enrolment_and_net_inflow(
    real_client: TestClient, shared_data: Path
) -> None:
    expected = _enrolled_per_year(shared_data, "25250")  # Assistent bouwen, wonen en onderhoud
    answer = real_client.get("/api/programmes/25250/pipeline").json()
    assert answer["stages"] == ["enrolled", "net_inflow"] and answer["is_demo"] is False
    assert {"inflow", "progression", "graduated"} <= set(answer["missing_stages"])
    totals = {
        (r["stage"], r["year"]): r["persons"] for r in answer["rows"] if r["region"] == "total"
    }
    assert {y: totals[("enrolled", y)] for y in expected} == expected
    assert totals[("net_inflow", 2019)] == expected[2019] - expected[2018]
    assert totals[("net_inflow", 2015)] is None  # the file starts in 2015
    shown = [r["persons"] for r in answer["rows"] if r["stage"] == "enrolled"]
    assert all(v is None or v >= 10 for v in shown) and None in shown


def test_real_hbo_pipeline_on_the_programme_page(real_client: TestClient) -> None:
    answer = real_client.get("/api/programmes/34267/pipeline").json()
    assert answer["stages"] == ["graduated"]
    html = real_client.get("/opleiding/34267?lang=nl").text
    assert 'id="programme-pipeline-block"' in html
    assert "Niet in de geladen DUO-bestanden voor deze opleiding" in html
    assert "instroom (eerstejaars)" in html and "doorstroom" in html
    csv_text = real_client.get("/api/programmes/34267/pipeline?format=csv").text
    assert csv_text.splitlines()[0] == "code,region,year,stage,persons,hidden"
    assert real_client.get("/api/programmes/00000/pipeline").status_code == 404
