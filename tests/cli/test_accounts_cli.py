"""`lloradar accounts`: create an admin, list without personal content, delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lloradar.features.accounts.cli import app
from lloradar.features.accounts.service import login
from lloradar.store import open_store

runner = CliRunner()


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.duckdb"
    monkeypatch.setenv("LLORADAR_STORE", str(path))
    return path


def test_create_list_and_delete_an_admin(store_path: Path) -> None:
    made = runner.invoke(
        app,
        ["create", "beheer@example.nl", "--role", "admin", "--name", "Beheerder"],
        input="geheim wachtwoord\ngeheim wachtwoord\n",
    )
    assert made.exit_code == 0, made.output
    account_id = made.output.split()[-1]
    with open_store(str(store_path)) as store:
        assert login(store, "beheer@example.nl", "geheim wachtwoord", "cli").account.role == "admin"
    listed = runner.invoke(app, ["list"], terminal_width=200)
    assert account_id in listed.output and "admin" in listed.output
    assert "beheer@example.nl" not in listed.output and "Beheerder" not in listed.output
    assert runner.invoke(app, ["delete", account_id]).exit_code == 0
    assert "0 account(s)" in " ".join(runner.invoke(app, ["list"]).output.split())


def test_a_short_password_is_refused_with_a_message(store_path: Path) -> None:
    made = runner.invoke(app, ["create", "a@example.nl", "--role", "analyst"], input="kort\nkort\n")
    assert made.exit_code == 1
    assert "at least 12 characters" in " ".join(made.output.split())
