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


def flat(text: str) -> str:
    return " ".join(text.split())


def test_unknown_occupation_is_a_clear_error(env: Path) -> None:
    result = runner.invoke(
        app, ["indicators", "show", "--region", "AM01", "--occupation", "no such job"]
    )
    assert result.exit_code == 1
    assert "not a known occupation" in result.output


def test_an_unknown_label_suggests_the_closest_ones(env: Path) -> None:
    result = runner.invoke(
        app, ["indicators", "show", "--region", "AM05", "--occupation", "verpleegkundige"]
    )
    assert result.exit_code == 1
    assert (
        "'verpleegkundige' is not a known occupation; did you mean: algemeen verpleegkundige, "
        "gespecialiseerd verpleegkundige" in flat(result.output)
    )
    region = runner.invoke(
        app, ["indicators", "show", "--region", "Twnte", "--occupation", "lasser"]
    )
    assert region.exit_code == 1
    assert "'Twnte' is not a known region; did you mean: Twente (AM05)" in flat(region.output)
    for command in ("skills", "diagnose"):
        result = runner.invoke(app, ["indicators", command, "--region", "AM99"])
        assert result.exit_code == 1
        assert "'AM99' is not a known region; did you mean:" in flat(result.output)
    by_name = runner.invoke(
        app, ["indicators", "show", "--region", "twente", "--occupation", "LASSER",
              "--format", "json", "--last", "1"],
    )  # fmt: skip
    assert by_name.exit_code == 0, by_name.output
    assert json.loads(by_name.stdout)[0]["region"] == "AM05"


def test_show_computes_the_indicators_when_none_are_stored(test_env: Path) -> None:
    with open_store(str(test_env)) as store:
        store.execute("DELETE FROM indicator_value")
        store.execute("DELETE FROM indicator_run")
        store.execute("DELETE FROM published_indicator")
    result = runner.invoke(
        app, ["indicators", "show", "--region", "AM05", "--occupation", "lasser",
              "--format", "json", "--last", "2"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "No indicators were stored: computed them now" in flat(result.stderr)
    assert "run `lloradar indicators compute`" not in result.output
    rows = json.loads(result.stdout)
    assert [r["period"] for r in rows] == ["2025-11-01", "2025-12-01"]
    assert all(r["tension_ratio"] is not None for r in rows)
    with open_store(str(test_env)) as store:
        assert store.query("SELECT count(*) FROM indicator_run")[0][0] == 1


def test_ingest_uwv_and_a_refused_file(env: Path, tmp_path: Path) -> None:
    good = FIXTURES / "uwv" / "vacatures_ww_per_beroep_regio.csv"
    result = runner.invoke(app, ["ingest", "uwv", str(good)])
    assert result.exit_code == 0, result.output
    assert "5 vacancy_stats" in result.output
    assert "Recomputed the indicators" in flat(result.output)
    # the new cells have indicators without `indicators compute`
    software = "http://data.europa.eu/esco/isco/C2512"
    with open_store(str(env)) as store:
        cells = store.query(
            "SELECT DISTINCT region_code FROM indicator_value WHERE occupation_id = ?", [software]
        )
        run = store.query("SELECT run_id FROM indicator_run")
    assert {"AM01", "AM18"} <= {c[0] for c in cells}
    shown = runner.invoke(
        app, ["indicators", "show", "--region", "AM18", "--occupation", software,
              "--format", "json"],
    )  # fmt: skip
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)[0]["open_vacancies"] == 2650
    again = runner.invoke(app, ["ingest", "uwv", str(good)])
    assert again.exit_code == 0 and "Recomputed" not in again.output
    assert "nothing changed" in flat(again.output)
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text(encoding="utf-8").replace(";2650;", ";2.650;"))
    refused = runner.invoke(app, ["ingest", "uwv", str(bad)])
    assert refused.exit_code == 1
    assert "thousands separator" in " ".join(refused.output.split())
    with open_store(str(env)) as store:
        assert store.query("SELECT run_id FROM indicator_run") == run  # nothing recomputed


def test_ingest_vacancies_without_a_taxonomy_stores_them_without_skills(env: Path) -> None:
    result = runner.invoke(
        app, ["ingest", "vacancies", str(FIXTURES / "vacancies" / "vacatures.csv")]
    )
    assert result.exit_code == 0, result.output
    assert "3 vacancy" in result.output
    assert "Recomputed skill demand and supply" in flat(result.output)
