"""`lloradar courses import|list` and `lloradar navigator` on the demo world."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.cli.main import app

runner = CliRunner()


@pytest.fixture
def env(test_env: Path) -> Path:
    return test_env


def run(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return " ".join(result.output.split())


def test_import_a_csv_catalogue_reports_stored_rows_and_quarantine(
    env: Path, tmp_path: Path
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "id,name,provider,teaches,start_date\n"
        "k1,Klantgericht werken,Demo,provide customer service,2026-09-01\n"
        "k2,,Demo,,\n",
        encoding="utf-8",
    )
    out = run("courses", "import", str(path), "--no-skills-engine")
    assert "1 course, 1 course_instance, 1 course_skill stored" in out
    assert f"quarantined: {path} line 3, field 'name': '' is missing" in out
    again = run("courses", "import", str(path), "--no-skills-engine")
    assert "1 course, 1 course_instance, 1 course_skill stored" in again
    listing = json.loads(
        runner.invoke(
            app, ["courses", "list", "--skill", "demo:skill/customer-service", "--json"]
        ).output
    )
    assert "k1" in {c["course_id"] for c in listing["items"]}
    assert "[DEMO]" in run("courses", "list", "--limit", "3")


def test_import_of_a_missing_file_is_one_clear_line(env: Path, tmp_path: Path) -> None:
    out = run("courses", "import", str(tmp_path / "nope.jsonld"), code=1)
    assert "error:" in out and "nope.jsonld" in out


def test_navigator_json_and_table(env: Path) -> None:
    result = runner.invoke(
        app,
        [
            "navigator",
            "--occupation",
            "demo:occupation/welder",
            "--region",
            "AM32",
            "--format",
            "json",
            "--top",
            "3",
        ],
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["occupations"][0]["uri"] == "demo:occupation/welder"
    assert len(body["occupations"]) == 3
    table = run("navigator", "--skill", "demo:skill/welding", "--region", "am32", "--lang", "en")
    assert "Career options in Helmond-De Peel (AM32)" in table and "welder" in table
    bad = run("navigator", "--skill", "demo:skill/nope", "--region", "AM32", code=1)
    assert "unknown skill(s): demo:skill/nope" in bad


@pytest.mark.parametrize(
    ("setting", "label"), [(None, "lasser"), ("nl", "lasser"), ("en", "welder")]
)
def test_navigator_labels_follow_lloradar_lang_unless_lang_is_given(
    env: Path, monkeypatch: pytest.MonkeyPatch, setting: str | None, label: str
) -> None:
    if setting is None:
        monkeypatch.delenv("LLORADAR_LANG", raising=False)
    else:
        monkeypatch.setenv("LLORADAR_LANG", setting)
    args = ["navigator", "--occupation", "demo:occupation/welder", "--region", "AM32"]

    def first_label(*more: str) -> str:
        return str(json.loads(run(*args, "--format", "json", *more))["occupations"][0]["label"])

    assert first_label() == label
    other = "welder" if label == "lasser" else "lasser"
    assert first_label("--lang", "en" if other == "welder" else "nl") == other
