"""`lloradar panel` end to end on a fresh store: a definition with an unknown answer type is
refused with its line (exit 1), then waves, residents, invitations, response and the export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from demo_worlds import copy_world
from lloradar.features.panel.cli import app

REPO = Path(__file__).resolve().parents[3]
runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path, migrated_duckdb_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = copy_world(migrated_duckdb_file, tmp_path / "cli.duckdb")
    monkeypatch.setenv("LLORADAR_STORE", str(path))
    monkeypatch.setenv("LLORADAR_PSEUDONYM_KEY", "panel-cli-key-0123456789")
    monkeypatch.setenv("LLORADAR_PANEL_EXPORT_SECRET", "panel-export-secret-0123")
    return path


def run(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return " ".join(result.output.split())


def test_a_bad_definition_is_refused_naming_its_line(store: Path, tmp_path: Path) -> None:
    text = (REPO / "examples" / "panel" / "wave-2026-voorjaar.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("type: scale", "type: slider"), encoding="utf-8")
    out = run("wave", str(bad), code=1)
    assert f"{bad} line 18, field 'type': question 'wellbeing': unknown answer type 'slider'" in out


def test_waves_members_invitations_response_and_export(store: Path, tmp_path: Path) -> None:
    for name in ("wave-2026-voorjaar.yaml", "wave-2026-najaar.yaml"):
        text = (REPO / "examples" / "panel" / name).read_text(encoding="utf-8")
        wave = tmp_path / name  # open until far ahead: the test does not depend on today
        wave.write_text(text.replace("closes: 2027-06-30", "closes: 2999-12-31"), "utf-8")
        assert "5 questions" in run("wave", str(wave))
    members = tmp_path / "leden.csv"
    members.write_text(
        "id,email,region\n"
        + "".join(f"b{n},b{n}@example.org,\n" for n in range(12))
        + "b99,geen-adres,\n",
        encoding="utf-8",
    )
    out = run("members", str(members))
    assert "12 members stored" in out and "line 14, field 'email'" in out
    assert "12 invitations in the outbox" in run(
        "invite", "2026-najaar", "--base-url", "https://radar.example"
    )
    assert "x" in run("response")  # nobody answered yet: 0 of 12, hidden
    out = run("export", str(tmp_path / "export"))
    assert "0 respondents" in out
    with (tmp_path / "export" / "codeboek.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle, delimiter=";"))) == 10  # 5 questions x 2 waves
    assert "wave 2026-najaar closed" in run("close", "2026-najaar")
    assert "is closed" in run("invite", "2026-najaar", "--base-url", "https://x", code=1)
