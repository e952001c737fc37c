"""The CLI contracts of the skills engine: taxonomy, occupations similar, skills extract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lloradar.features.skills import cli as skills
from lloradar.features.skills import occupations_cli as occupations
from lloradar.features.skills import service as skills_engine
from lloradar.features.skills import taxonomy_cli as taxonomy

# The same sub-apps that lloradar.cli.main registers, so these tests do not depend on the
# other command groups.
app = typer.Typer()
app.add_typer(taxonomy.app, name="taxonomy")
app.add_typer(occupations.app, name="occupations")
app.add_typer(skills.app, name="skills")

TOY = Path(__file__).parents[1] / "fixtures" / "toy_esco"
COOK = "http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e"
CHEF = "http://data.europa.eu/esco/occupation/1009be17-7efd-45f1-a033-566bf179c588"


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> CliRunner:
    folder = tmp_path_factory.mktemp("cli")
    runner = CliRunner(env={"LLORADAR_STORE": str(folder / "cli.duckdb")})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(skills_engine, "DEFAULT_CACHE", folder / "cache")
        result = runner.invoke(app, ["taxonomy", "import", "esco", str(TOY)])
    assert result.exit_code == 0, result.output
    return runner


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(skills_engine, "DEFAULT_CACHE", tmp_path / "cache")


def test_import_reports_counts_and_is_idempotent(runner: CliRunner) -> None:
    result = runner.invoke(app, ["taxonomy", "import", "esco", str(TOY)])
    assert result.exit_code == 0
    assert "80 occupation_skill" in " ".join(result.output.split())


def test_import_of_missing_folder_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["taxonomy", "import", "onet", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "is not a folder" in " ".join(result.output.split())


def test_show_prints_the_concept(runner: CliRunner) -> None:
    result = runner.invoke(app, ["taxonomy", "show", COOK])
    assert result.exit_code == 0
    concept = json.loads(result.output)
    assert concept["label_en"] == "cook" and concept["label_nl"] == "kok"
    assert concept["licence"].startswith("CC BY 4.0")
    unknown = runner.invoke(app, ["taxonomy", "show", "http://example.org/x"])
    assert unknown.exit_code == 1


def test_similar_prints_a_json_list(runner: CliRunner) -> None:
    result = runner.invoke(app, ["occupations", "similar", COOK, "--top", "2", "--format", "json"])
    assert result.exit_code == 0, result.output
    suggestions = json.loads(result.stdout)
    assert [s["uri"] for s in suggestions] == [CHEF, suggestions[1]["uri"]]
    contract = {"uri", "label", "similarity", "shared_skills", "missing_skills"}
    added = {"viability", "components", "near_skills"}  # issue 20: new keys only
    assert set(suggestions[0]) == contract | added
    assert suggestions[0]["similarity"] >= suggestions[1]["similarity"]


def test_similar_with_input_writes_json_lines_in_order(runner: CliRunner, tmp_path: Path) -> None:
    uris = tmp_path / "uris.txt"
    uris.write_text(f"{CHEF}\n\n{COOK}\n", "utf-8")
    result = runner.invoke(app, ["occupations", "similar", "--input", str(uris), "--top", "3"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    assert lines[0][0]["uri"] == COOK and lines[1][0]["uri"] == CHEF


def test_similar_unknown_uri_is_a_clear_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["occupations", "similar", "http://example.org/nope"])
    assert result.exit_code == 1
    assert "not an ESCO occupation" in " ".join(result.output.split())


def test_extract_reads_lines_and_writes_one_object_each(runner: CliRunner) -> None:
    stdin = b"Debug software and write code\n\nJe maakt belegde broodjes klaar\n"
    result = runner.invoke(
        app, ["skills", "extract", "--lang", "auto", "--top", "2", "--format", "jsonl"], input=stdin
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["text"] for line in lines] == [
        "Debug software and write code",
        "",
        "Je maakt belegde broodjes klaar",
    ]
    assert lines[0]["skills"][0]["label"] == "debug software"
    assert set(lines[0]["skills"][0]) == {"uri", "label", "score", "span"}
    assert lines[1]["skills"] == []
    assert lines[2]["skills"][0]["label"] == "prepare sandwiches"


def test_extract_survives_invalid_utf8(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "texts.txt"
    path.write_bytes(b"debug software \xff\xfe\n<p>prepare sandwiches</p>\n")
    result = runner.invoke(app, ["skills", "extract", "--input", str(path), "--top", "1"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["skills"][0]["label"] for line in lines] == [
        "debug software",
        "prepare sandwiches",
    ]


def test_extract_without_taxonomy_is_a_clear_error(tmp_path: Path) -> None:
    runner = CliRunner(env={"LLORADAR_STORE": str(tmp_path / "empty.duckdb")})
    result = runner.invoke(app, ["skills", "extract"], input=b"debug software\n")
    assert result.exit_code == 1
    assert "no ESCO taxonomy imported" in " ".join(result.output.split())


def test_main_registers_the_skills_commands() -> None:
    from lloradar.cli.main import app as main_app

    names = {group.name for group in main_app.registered_groups}
    assert {"taxonomy", "occupations", "skills"} <= names
