"""`lloradar employer vacancy` on the demo world: the five blocks as text and JSON, "<10" for a
small team, and clear errors for a bad region, an empty text and a missing file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from demo_worlds import copy_world
from lloradar.features.employer import cli as employer

app = typer.Typer()
app.add_typer(employer.app, name="employer")
VACANCY = "Wij zoeken een verpleegkundige die zorg verleent aan patiënten en medicatie toedient.\n"


@pytest.fixture(scope="module")
def runner(
    tmp_path_factory: pytest.TempPathFactory, shared_data_demo_world_file: Path
) -> tuple[CliRunner, Path]:
    folder = tmp_path_factory.mktemp("employer-cli")
    copy_world(shared_data_demo_world_file, folder / "demo.duckdb")
    (folder / "vacature.txt").write_text(VACANCY, encoding="utf-8")
    (folder / "team.csv").write_text(
        "occupation,age_band,count\nzorghulp,60-64,3\n", encoding="utf-8"
    )
    (folder / "leeg.txt").write_text("  \n", encoding="utf-8")
    return CliRunner(env={"LLORADAR_STORE": str(folder / "demo.duckdb")}), folder


def test_vacancy_as_text_and_json(runner: tuple[CliRunner, Path]) -> None:
    cli, folder = runner
    text = cli.invoke(
        app, ["employer", "vacancy", str(folder / "vacature.txt"), "--region", "AM05"]
    )
    assert text.exit_code == 0, text.output
    out = " ".join(text.output.split())
    assert "Twente (AM05)" in out and "(demo data)" in out
    assert "werkzoekenden ingeschreven" in out and "vacatures" in out
    result = cli.invoke(
        app,
        ["employer", "vacancy", str(folder / "vacature.txt"), "--region", "am05",
         "--team", str(folder / "team.csv"), "--format", "json", "--lang", "en"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["region"]["code"] == "AM05" and body["skills"]["occupation"] is not None
    assert body["team_risk"]["team_size"] is None  # 3 people
    assert all(r["holders"] is None for r in body["team_risk"]["items"])
    assert "too few" in body["team_risk"]["text"][0]


@pytest.mark.parametrize(
    ("setting", "extra", "words"),
    [
        ("en", [], "registered job seekers who want to work as"),
        ("en", ["--lang", "nl"], "werkzoekenden ingeschreven"),
    ],
)
def test_the_text_follows_lloradar_lang_unless_lang_is_given(
    runner: tuple[CliRunner, Path], setting: str, extra: list[str], words: str
) -> None:
    cli, folder = runner
    result = cli.invoke(
        app,
        ["employer", "vacancy", str(folder / "vacature.txt"), "--region", "AM05", *extra],
        env={"LLORADAR_LANG": setting},
    )
    assert result.exit_code == 0, result.output
    assert words in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["vacature.txt", "--region", "AM99"], 2, "'AM99' is not an arbeidsmarktregio"),
        (["leeg.txt", "--region", "AM05"], 2, "leeg.txt: the vacancy text is empty"),
        (["geen.txt", "--region", "AM05"], 1, "geen.txt: the vacancy text cannot be read"),
    ],
)
def test_bad_input_is_one_clear_line(
    runner: tuple[CliRunner, Path], args: list[str], code: int, words: str
) -> None:
    cli, folder = runner
    result = cli.invoke(app, ["employer", "vacancy", str(folder / args[0]), *args[1:]])
    assert result.exit_code == code
    assert words in " ".join(result.output.split())
