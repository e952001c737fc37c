"""`lloradar indicators skills / diagnose` on a demo world."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.cli.main import app
from lloradar.domain import Provenance
from lloradar.pipeline.save import TableRows, save_load
from lloradar.store import Store, open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def store_path(module_store: Path) -> Path:
    with open_store(str(module_store)) as store:
        add_postings(store)
    return module_store


def add_postings(store: Store) -> None:
    """Two vacancy texts in the first region's latest month: one asks for a skill that no
    occupation there carries (a text-only skill), one for a skill of the demo occupations."""
    region, period = store.query("SELECT min(region_code), max(period) FROM vacancy_stats")[0]
    carried = store.query("SELECT min(skill_id) FROM occupation_skill")[0][0]
    only_text = "test:skill/text-only"  # every demo skill has an occupation: a test id
    provenance = Provenance("vacancy texts", "t", "cli.jsonl", period, "-", "sha256:cli")
    save_load(
        store,
        provenance,
        [
            TableRows(
                "vacancy",
                ["vacancy_id", "title", "description", "region_code", "posted_on", "text_hash"],
                ["vacancy_id"],
                [(f"cli-{n}", "t", "d", region, period, f"h{n}") for n in (1, 2)],
            ),
            TableRows(
                "vacancy_skill",
                ["vacancy_id", "skill_id", "method", "score"],
                ["vacancy_id", "skill_id"],
                [
                    ("cli-1", only_text, "skills engine", 0.9),
                    ("cli-2", carried, "skills engine", 0.9),
                ],
            ),
        ],
    )


@pytest.fixture
def region(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LLORADAR_STORE", str(store_path))
    monkeypatch.setenv("LLORADAR_SHARED_DATA", str(store_path.parent / "no-shared-data"))
    with open_store(str(store_path)) as store:
        return str(store.query("SELECT min(region_code) FROM vacancy_stats")[0][0])


def test_skills_json_top_n(region: str) -> None:
    result = runner.invoke(
        app, ["indicators", "skills", "--region", region, "--top", "5", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert 0 < len(rows) <= 5
    assert {"skill_id", "demand", "supply_short", "real_shortage", "flags"} <= set(rows[0])
    # real shortages first, then by demand
    keys = [(not r["real_shortage"], -r["demand"]) for r in rows]
    assert keys == sorted(keys)


def test_skills_shows_the_text_only_skill_as_a_real_shortage(region: str) -> None:
    result = runner.invoke(
        app, ["indicators", "skills", "--region", region, "--top", "0", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    text_only = [r for r in rows if r["demand_source"] == "text"]
    assert len(text_only) == 1
    assert (text_only[0]["demand_text"], text_only[0]["demand_occupation"]) == (1, None)
    assert text_only[0]["real_shortage"] is True and text_only[0]["demand_supply_ratio"] is None
    assert "no_stock" in text_only[0]["flags"].split()
    assert {r["demand_source"] for r in rows} <= {"both", "text"}  # texts cover the month
    assert all(r["open_postings"] == 2 for r in rows)


def test_store_results_stores_one_run_and_shows_it(region: str, store_path: Path) -> None:
    args = ["indicators", "skills", "--region", region, "--store-results", "--format", "json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, [*args, "--top", "0"])
    assert again.exit_code == 0, again.output
    rows = json.loads(again.stdout)
    live = json.loads(
        runner.invoke(
            app, ["indicators", "skills", "--region", region, "--top", "0", "--format", "json"]
        ).stdout
    )
    assert [{k: v for k, v in r.items() if k != "run_id"} for r in rows] == live
    with open_store(str(store_path)) as store:
        runs = store.query("SELECT DISTINCT run_id FROM skill_indicator_value")
        assert runs == [(rows[0]["run_id"],)]
        assert store.query("SELECT count(*) FROM skill_indicator_run")[0][0] == 2


def test_a_score_outside_0_to_2_is_refused(region: str) -> None:
    result = runner.invoke(app, ["indicators", "skills", "--region", region, "--min-score", "5"])
    assert result.exit_code == 2
    assert "min-score" in result.output


def test_skills_table_and_csv(region: str) -> None:
    table = runner.invoke(app, ["indicators", "skills", "--region", region, "--top", "3"])
    assert table.exit_code == 0, table.output
    assert "Skills in" in " ".join(table.stdout.split())
    out = runner.invoke(app, ["indicators", "skills", "--region", region, "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert list(csv.DictReader(io.StringIO(out.stdout)))


def test_diagnose_names_a_driver_and_no_invented_education_signal(region: str) -> None:
    result = runner.invoke(app, ["indicators", "diagnose", "--region", region, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows
    drivers = {
        None,
        "none",
        "too few people",
        "wrong skills",
        "poor conditions / retention",
        "unclear",
    }
    assert {r["driver"] for r in rows} <= drivers
    assert {r["education_signal"] for r in rows} == {"unavailable"}
    assert all(r["is_demo"] and "demo" in r["flags"].split() for r in rows)
    one = rows[0]["occupation_id"]
    single = runner.invoke(
        app, ["indicators", "diagnose", "--region", region, "--occupation", one, "--format", "csv"]
    )
    assert single.exit_code == 0, single.output
    assert [r["occupation_id"] for r in csv.DictReader(io.StringIO(single.stdout))] == [one]
    table = runner.invoke(app, ["indicators", "diagnose", "--region", region])
    assert table.exit_code == 0 and "Shortage diagnosis" in " ".join(table.stdout.split())


def test_unknown_region_exits_with_a_message(region: str) -> None:
    result = runner.invoke(app, ["indicators", "diagnose", "--region", "AM99"])
    assert result.exit_code == 1
