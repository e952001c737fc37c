"""`lloradar indicators compute / show` and `lloradar ingest` on a demo world."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.cli.main import app
from lloradar.store import open_store

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def env(module_env: Path) -> Path:
    return module_env


def an_occupation(path: Path) -> str:
    with open_store(str(path)) as store:
        return str(store.query("SELECT min(occupation_id) FROM vacancy_stats")[0][0])


def test_compute_then_show_in_every_format(env: Path) -> None:
    result = runner.invoke(app, ["indicators", "compute", "--engine", "duckdb"])
    assert result.exit_code == 0, result.output
    assert "DEMO DATA" in result.output
    occupation = an_occupation(env)
    shown = runner.invoke(
        app, ["indicators", "show", "--region", "AM01", "--occupation", occupation,
              "--format", "json", "--last", "3"],
    )  # fmt: skip
    assert shown.exit_code == 0, shown.output
    rows = json.loads(shown.output)
    assert len(rows) == 3
    assert rows[-1]["period"] == "2025-12-01"
    assert "demo" in rows[-1]["flags"].split()
    assert rows[-1]["tension_class"] in {"zeer ruim", "ruim", "gemiddeld", "krap", "zeer krap"}
    as_csv = runner.invoke(
        app, ["indicators", "show", "--region", "AM01", "--occupation", occupation,
              "--format", "csv"],
    )  # fmt: skip
    assert len(list(csv.DictReader(io.StringIO(as_csv.output)))) == 60
    table = runner.invoke(
        app, ["indicators", "show", "--region", "PV20", "--occupation", occupation, "--last", "2"]
    )
    assert table.exit_code == 0
    assert "demo: synthetic demo data" in " ".join(table.output.split())


def test_postgres_engine_on_a_duckdb_store_is_a_clear_error(env: Path) -> None:
    result = runner.invoke(app, ["indicators", "compute", "--engine", "postgres"])
    assert result.exit_code == 1
    assert "runs inside its own store" in " ".join(result.output.split())


def test_unknown_occupation_is_a_clear_error(env: Path) -> None:
    result = runner.invoke(
        app, ["indicators", "show", "--region", "AM01", "--occupation", "no such job"]
    )
    assert result.exit_code == 1
    assert "not a known occupation" in result.output


def test_ingest_uwv_and_a_refused_file(env: Path, tmp_path: Path) -> None:
    good = FIXTURES / "uwv" / "vacatures_ww_per_beroep_regio.csv"
    result = runner.invoke(app, ["ingest", "uwv", str(good)])
    assert result.exit_code == 0, result.output
    assert "5 vacancy_stats" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text(encoding="utf-8").replace(";2650;", ";2.650;"))
    refused = runner.invoke(app, ["ingest", "uwv", str(bad)])
    assert refused.exit_code == 1
    assert "thousands separator" in " ".join(refused.output.split())


def test_ingest_vacancies_without_a_taxonomy_stores_them_without_skills(env: Path) -> None:
    result = runner.invoke(
        app, ["ingest", "vacancies", str(FIXTURES / "vacancies" / "vacatures.csv")]
    )
    assert result.exit_code == 0, result.output
    assert "3 vacancy" in result.output
