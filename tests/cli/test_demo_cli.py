"""`lloradar demo accounts`: the demo logins, their passwords shown once."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from lloradar.cli.main import app

runner = CliRunner()
PASSWORD = re.compile(r"burger@demo\.lloradar\.nl\s*│\s*(\S+)\s*│")


def test_passwords_are_shown_once_and_a_reset_gives_new_ones(test_env: Path) -> None:
    first = runner.invoke(app, ["demo", "accounts"])
    assert first.exit_code == 0, first.output
    for email in ("burger@", "werkgever@", "analist@", "beheerder@"):
        assert f"{email}demo.lloradar.nl" in first.output
    shown = PASSWORD.search(first.output)
    assert shown is not None and len(shown.group(1)) >= 10
    again = runner.invoke(app, ["demo", "accounts"])
    assert shown.group(1) not in again.output
    assert "demo accounts --reset" in " ".join(again.output.split())
    reset = runner.invoke(app, ["demo", "accounts", "--reset"])
    new = PASSWORD.search(reset.output)
    assert new is not None and new.group(1) != shown.group(1)
