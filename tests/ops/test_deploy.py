"""The example deployment files (issue 19): deploy/compose.yaml and deploy/lloradar.service are
checked by their own tools where this machine has them (`docker compose config`,
`systemd-analyze verify`), and their content against the CLI and the settings everywhere."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.main import get_command

from lloradar.cli.main import app
from lloradar.config import Settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def settings_names() -> set[str]:
    return {f"LLORADAR_{name.upper()}" for name in Settings.model_fields}


def assert_is_a_command(argv: list[str]) -> None:
    """`argv` (after the program) names a real command, with options it has."""
    group = get_command(app)
    words = list(argv)
    while words and hasattr(group, "commands") and words[0] in group.commands:  # type: ignore[attr-defined]
        group = group.commands[words.pop(0)]  # type: ignore[attr-defined]
    assert not hasattr(group, "commands"), f"{argv} stops at a group"
    options = {opt for param in group.params for opt in param.opts + param.secondary_opts}
    for word in words:
        if word.startswith("--"):
            assert word in options, f"{word} is not an option of {argv}"


def test_compose_file_serves_the_app_on_postgresql_after_the_database_is_healthy() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    db, web = compose["services"]["db"], compose["services"]["app"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert web["command"][0] == "lloradar"
    assert_is_a_command(web["command"][1:])
    assert web["environment"]["LLORADAR_STORE"].startswith("postgresql://")
    unknown = {k for k in web["environment"] if k.startswith("LLORADAR_")} - settings_names()
    assert unknown == set(), "settings that config.py does not know"
    assert "/readyz" in " ".join(web["healthcheck"]["test"])
    assert (DEPLOY.parent / web["build"]["dockerfile"]).is_file()


def test_systemd_unit_runs_commands_that_exist() -> None:
    unit = (DEPLOY / "lloradar.service").read_text(encoding="utf-8")
    commands = [line.split("=", 1)[1] for line in unit.splitlines() if line.startswith("ExecStart")]
    assert len(commands) == 2
    for command in commands:
        argv = shlex.split(command)
        assert argv[0].endswith("/lloradar")
        assert_is_a_command(argv[1:])
    for line in unit.splitlines():
        if line.startswith("Environment=LLORADAR_"):
            assert line.split("=", 2)[1] in settings_names()


def test_docker_compose_accepts_the_file(tmp_path: Path) -> None:
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("docker is not installed")
    if subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        pytest.skip("docker has no compose plugin here")
    checked = subprocess.run(
        [docker, "compose", "-f", str(DEPLOY / "compose.yaml"), "config", "--quiet"],
        capture_output=True,
        text=True,
        env={"LLORADAR_DB_PASSWORD": "x", "LLORADAR_PSEUDONYM_KEY": "y", "PATH": "/usr/bin:/bin"},
    )
    assert checked.returncode == 0, checked.stderr


def test_systemd_analyze_verifies_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    # The unit as installed: /opt/lloradar/.venv is this virtual environment, the environment
    # file exists, and the user is one this machine has.
    venv = str(Path(sys.executable).parent.parent)
    env_file = tmp_path / "lloradar.env"
    env_file.write_text("LLORADAR_STORE=postgresql://lloradar@localhost/lloradar\n")
    unit = (DEPLOY / "lloradar.service").read_text(encoding="utf-8")
    unit = unit.replace("/opt/lloradar/.venv", venv).replace(
        "/etc/lloradar/lloradar.env", str(env_file)
    )
    unit = unit.replace("User=lloradar", "User=root").replace("Group=lloradar", "Group=root")
    path = tmp_path / "lloradar.service"
    path.write_text(unit)
    checked = subprocess.run([analyze, "verify", str(path)], capture_output=True, text=True)
    problems = [
        line
        for line in (checked.stdout + checked.stderr).splitlines()
        if "lloradar.service" in line and "Documentation" not in line
    ]
    assert problems == [], checked.stderr
