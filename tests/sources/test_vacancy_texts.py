"""Vacancy texts in CSV, JSON Lines and JobPosting JSON-LD (handmade fixtures), with their
skills from an extractor, and the bad inputs of the issue."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from lloradar.features.ingest.service import ingest_vacancies
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.sources.vacancies import parse_vacancies
from lloradar.store import Store

FIXTURES = Path(__file__).parents[1] / "fixtures" / "vacancies"
TODAY = date(2025, 6, 1)


@pytest.fixture
def store(duck: Store) -> Store:
    load_builtin_regions(duck)
    duck.upsert(
        "region",
        ["code", "name", "level", "parent_code", "province_code", "source_id"],
        [
            ("GM0014", "Groningen", "gemeente", "AM01", "PV20", "t"),
            ("GM0363", "Amsterdam", "gemeente", "AM18", "PV27", "t"),
        ],
        ["code"],
    )
    return duck


def fake_extract(texts: Sequence[str]) -> list[list[tuple[str, float]]]:
    return [[("http://data.europa.eu/esco/skill/s1", 0.81)] if "Python" in t else [] for t in texts]


def test_json_ld_job_postings_in_html() -> None:
    parsed = parse_vacancies(
        (FIXTURES / "vacatures.html").read_bytes(), "vacatures.html", today=TODAY
    )
    assert [p.vacancy_id for p in parsed.records] == ["VZ-1001", "VZ-1002"]
    first = parsed.records[0]
    assert first.employer == "Voorbeeld Zorggroep"
    assert first.location == "Groningen"
    assert first.description.startswith("Je verleent zorg aan patiënten")
    assert (first.posted_on, first.closed_on) == (date(2025, 3, 3), date(2025, 4, 14))
    [missing] = parsed.quarantine
    assert (missing.line, missing.field) == (3, "location")
    assert "missing" in missing.reason


def test_csv_and_json_lines() -> None:
    csv = parse_vacancies((FIXTURES / "vacatures.csv").read_bytes(), "vacatures.csv", today=TODAY)
    assert [p.vacancy_id for p in csv.records] == ["C-1", "C-2", "C-3"]
    assert csv.records[1].closed_on is None
    lines = parse_vacancies((FIXTURES / "vacatures.jsonl").read_bytes(), "v.jsonl", today=TODAY)
    assert [p.location for p in lines.records] == ["Groningen", "Amsterdam"]


def test_duplicates_and_future_dates_are_quarantined() -> None:
    rows = [
        {
            "id": "A",
            "title": "T",
            "description": "Tekst een",
            "location": "Groningen",
            "posted": "2025-01-01",
        },
        {
            "id": "A",
            "title": "T2",
            "description": "Tekst twee",
            "location": "Groningen",
            "posted": "2025-01-01",
        },
        {
            "id": "B",
            "title": "T",
            "description": "Tekst   EEN",
            "location": "Groningen",
            "posted": "2025-01-02",
        },
        {
            "id": "C",
            "title": "T3",
            "description": "Tekst drie",
            "location": "Groningen",
            "posted": "2025-09-01",
        },
    ]
    data = "\n".join(json.dumps(r) for r in rows).encode()
    parsed = parse_vacancies(data, "v.jsonl", today=TODAY)
    assert [p.vacancy_id for p in parsed.records] == ["A"]
    reasons = [(q.line, q.field, q.reason) for q in parsed.quarantine]
    assert reasons == [
        (2, "id", "repeats the id of line 1"),
        (3, "description", "is the same text as line 1 under another id"),
        (4, "posted", "lies in the future"),
    ]


def test_ingest_places_vacancies_in_regions_and_stores_skills(store: Store) -> None:
    report = ingest_vacancies(
        store, str(FIXTURES / "vacatures.jsonl"), extract=fake_extract, method="test-extractor"
    )
    assert not report.refused
    assert report.load.stored == {"vacancy": 2, "vacancy_skill": 1}
    assert store.query("SELECT vacancy_id, region_code FROM vacancy ORDER BY 1") == [
        ("J-1", "AM01"),
        ("J-2", "AM18"),
    ]
    assert store.query("SELECT vacancy_id, method, score FROM vacancy_skill") == [
        ("J-2", "test-extractor", 0.81)
    ]


def test_the_same_text_under_a_new_id_is_not_counted_twice(store: Store, tmp_path: Path) -> None:
    ingest_vacancies(store, str(FIXTURES / "vacatures.csv"))
    ingest_vacancies(store, str(FIXTURES / "vacatures.csv"))  # same ids: idempotent
    assert store.query("SELECT count(*) FROM vacancy") == [(3,)]
    again = tmp_path / "again.csv"
    again.write_text(
        (FIXTURES / "vacatures.csv").read_text(encoding="utf-8").replace("C-3,", "X-9,")
    )
    report = ingest_vacancies(store, str(again))
    assert report.refused
    assert "same text as stored vacancy 'C-3'" in report.load.messages()[0]
    assert store.query("SELECT count(*) FROM vacancy") == [(3,)]
