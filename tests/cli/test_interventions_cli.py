"""`lloradar interventions`: import, participants, progress and portfolio on the demo files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.features.interventions.cli import app
from lloradar.features.interventions.service import portfolio_report, progress_report
from lloradar.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "interventions"
runner = CliRunner()


@pytest.fixture
def env(test_env: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    store = test_env
    monkeypatch.setenv("LLORADAR_PSEUDONYM_KEY", "cli-test-key")
    monkeypatch.setenv("LLORADAR_LANG", "en")
    return store


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())  # undo the console's line wrapping


def load(env: Path) -> None:
    invoke("import", str(EXAMPLES / "register.yaml"), "--demo")
    invoke("import", str(EXAMPLES / "register.csv"), "--demo")
    invoke("participants", str(EXAMPLES / "participants.csv"), "--demo")


def test_import_progress_and_portfolio(env: Path, tmp_path: Path) -> None:
    out = invoke("import", str(EXAMPLES / "register.yaml"), "--demo")
    assert "3 intervention" in out and "6 intervention_kpi" in out
    invoke("import", str(EXAMPLES / "register.csv"), "--demo")
    out = invoke("participants", str(EXAMPLES / "participants.csv"), "--demo")
    assert "97 participant" in out
    assert "demo-twente-zorg" in invoke("list", "--region", "AM05")
    csv_file = tmp_path / "progress.csv"
    refused = runner.invoke(app, ["progress", "demo-twente-zorg", "--as-of", "2026-06-30"])
    assert refused.exit_code == 1 and "released on: none yet" in " ".join(refused.output.split())
    assert "8 new populations" in " ".join(invoke("release", "--as-of", "2026-06-30").split())
    out = invoke("progress", "demo-twente-zorg", "--as-of", "2026-06-30", "--csv", str(csv_file))
    assert "demo data" in out and "participants: 64 realised, target 60" in out
    assert "regional baseline" in out
    assert csv_file.read_text().startswith("intervention_id,measure,date,realised,base,target")
    out = invoke("portfolio", "--region", "AM05", "--as-of", "2026-06-30")
    assert "Total: 3 interventions with a combined budget of € 700.000" in out


def test_bad_participant_rows_are_named_and_quarantined(env: Path, tmp_path: Path) -> None:
    load(env)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "intervention_id,participant_id,start_date,completion_date,completion_pct\n"
        "demo-twente-zorg,N-1,2025-02-31,,\n"
        "nope,N-2,2025-01-01,,\n"
        "demo-twente-zorg,N-3,2025-03-01,2025-01-01,\n"
        "demo-twente-zorg,N-4,2025-03-01,,150\n",
        encoding="utf-8",
    )
    out = invoke("participants", str(bad))
    assert "line 2, field 'start_date': '2025-02-31' is not a date" in out
    assert "line 3, field 'intervention_id': 'nope' is not an intervention" in out
    assert "line 4, field 'completion_date'" in out and "before the start date" in out
    assert "line 5, field 'completion_pct': '150' is impossible" in out
    assert "N-1" not in out


def test_participants_without_a_key_stop_with_a_message(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLORADAR_PSEUDONYM_KEY", "")
    result = runner.invoke(app, ["participants", str(EXAMPLES / "participants.csv")])
    assert result.exit_code == 1
    assert "LLORADAR_PSEUDONYM_KEY" in result.output


def test_unknown_intervention_and_unreadable_file_exit_with_one(env: Path) -> None:
    assert runner.invoke(app, ["progress", "nope"]).exit_code == 1
    result = runner.invoke(app, ["import", "missing.yaml"])
    assert result.exit_code == 1 and "cannot be read" in " ".join(result.output.split())


def test_services_give_the_same_figures_twice(env: Path) -> None:
    load(env)
    with open_store(str(env)) as store:
        first = progress_report(store, "demo-twente-zorg", as_of=None)
        second = progress_report(store, "demo-twente-zorg", as_of=None)
        assert first is not None and second is not None
        assert [k.current for k in first.kpis] == [k.current for k in second.kpis]
        assert first.outflow.baseline_pct is not None
        report = portfolio_report(store, region="AM05", lang="nl")
        assert report.texts[-1].startswith("Totaal: 3 interventies")
