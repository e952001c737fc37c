"""Vacancy files (issue 17, item 5): CSV and JSON Lines accept schema.org JobPosting property
names beside ours, and `--keep-good-rows` stores the good rows of a file with bad ones (the
default stays all or nothing)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.cli.main import app
from lloradar.features.ingest.service import ingest_vacancies
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.sources.vacancies import parse_vacancies
from lloradar.store import Store

TODAY = date(2025, 6, 1)
TEXT = "Je verleent zorg aan cliënten in de wijk en werkt samen met huisartsen."


@pytest.fixture
def store(duck: Store) -> Store:
    load_builtin_regions(duck)
    duck.upsert(
        "region",
        ["code", "name", "level", "parent_code", "province_code", "source_id"],
        [("GM0014", "Groningen", "gemeente", "AM01", "PV20", "t")],
        ["code"],
    )
    return duck


def _schema_org_line(n: int, **extra: object) -> dict[str, object]:
    return {
        "identifier": {"@type": "PropertyValue", "value": f"S-{n}"},
        "title": f"Wijkverpleegkundige {n}",
        "description": f"{TEXT} ({n})",
        "hiringOrganization": {"@type": "Organization", "name": "Voorbeeld Zorg"},
        "jobLocation": {"@type": "Place", "address": {"addressLocality": "Groningen"}},
        "datePosted": "2025-03-03",
        "validThrough": "2025-04-14",
        "occupationalCategory": "2221",
        **extra,
    }


def test_json_lines_with_schema_org_names() -> None:
    data = "\n".join(json.dumps(_schema_org_line(n)) for n in (1, 2)).encode()
    parsed = parse_vacancies(data, "feed.jsonl", today=TODAY)
    assert not parsed.quarantine
    first = parsed.records[0]
    assert (first.vacancy_id, first.employer, first.location) == (
        "S-1",
        "Voorbeeld Zorg",
        "Groningen",
    )
    assert (first.posted_on, first.closed_on) == (date(2025, 3, 3), date(2025, 4, 14))
    assert first.occupation_id == "2221"


def test_csv_with_schema_org_column_names() -> None:
    data = (
        "identifier,title,description,hiringOrganization,jobLocation,datePosted,validThrough\n"
        f'X-1,Verpleegkundige,"{TEXT}",Voorbeeld Zorg,Groningen,2025-03-03,\n'
    ).encode()
    [posting] = parse_vacancies(data, "feed.csv", today=TODAY).records
    assert (posting.vacancy_id, posting.employer, posting.closed_on) == (
        "X-1",
        "Voorbeeld Zorg",
        None,
    )


def test_a_csv_without_a_required_column_names_both_names() -> None:
    from lloradar.domain import IngestError

    with pytest.raises(IngestError, match="datePosted"):
        parse_vacancies(b"id,title,description,employer,location,closed\n", "x.csv", today=TODAY)


def _feed(tmp_path: Path) -> Path:
    good = [_schema_org_line(n) for n in range(1, 4)]
    bad = _schema_org_line(9, datePosted="2099-01-01")  # lies in the future
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in [*good, bad]), encoding="utf-8")
    return path


def test_default_is_all_or_nothing(store: Store, tmp_path: Path) -> None:
    report = ingest_vacancies(store, str(_feed(tmp_path)), refresh=False)
    assert report.refused
    assert store.query("SELECT count(*) FROM vacancy") == [(0,)]


def test_keep_good_rows_stores_the_good_and_quarantines_the_bad(
    store: Store, tmp_path: Path
) -> None:
    report = ingest_vacancies(store, str(_feed(tmp_path)), refresh=False, keep_good_rows=True)
    assert not report.refused and report.partial
    assert store.query("SELECT count(*) FROM vacancy") == [(3,)]
    assert store.query("SELECT DISTINCT region_code FROM vacancy") == [("AM01",)]
    [(line, field, reason)] = store.query("SELECT line, field, reason FROM quarantine")
    assert (line, field) == (4, "posted") and "future" in reason


def test_the_command_takes_keep_good_rows(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = _feed(tmp_path)
    monkeypatch.setenv("LLORADAR_STORE", store.url)
    monkeypatch.setenv("COLUMNS", "200")
    store.close()
    refused = CliRunner().invoke(app, ["ingest", "vacancies", str(feed), "--no-skills"])
    assert refused.exit_code == 1
    kept = CliRunner().invoke(
        app, ["ingest", "vacancies", str(feed), "--no-skills", "--keep-good-rows"]
    )
    assert kept.exit_code == 0, kept.output
    assert "3 vacancy" in kept.output and "1 bad row(s) quarantined" in kept.output
