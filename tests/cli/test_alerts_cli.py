"""`lloradar alerts run` evaluates and delivers once; `lloradar alerts list` shows no contact."""

from __future__ import annotations

import json
import socket
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alerts_world import OCCUPATION, REGION, build_market, consenting_account, set_month
from lloradar.cli.main import app
from lloradar.features.alerts import service as alerts
from lloradar.store import open_store

runner = CliRunner()


def flat(output: str) -> str:
    return " ".join(output.split())


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.duckdb"
    with socket.socket() as sock:  # a port nobody listens on: the SMTP server is down
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("LLORADAR_STORE", str(path))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("LLORADAR_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("LLORADAR_SMTP_PORT", str(port))
    return path


def test_run_fires_once_and_list_hides_the_address(store_path: Path) -> None:
    with open_store(str(store_path)) as store:
        build_market(store)
        owner = consenting_account(store)
        alerts.subscribe(
            store, owner, "tension_class", region_code=REGION, occupation_id=OCCUPATION,
            channel="email", target="geheim-adres@example.nl",
        )  # fmt: skip
        alerts.subscribe(
            store, owner, "tension_class", region_code=REGION, occupation_id=OCCUPATION
        )
        set_month(store, date(2026, 2, 1), vacancies=40, job_seekers=10)
    first = runner.invoke(app, ["alerts", "run"])
    assert first.exit_code == 0, first.output
    assert "2 new events; 0 delivered, 1 to retry, 0 failed for good" in flat(first.output)
    second = runner.invoke(app, ["alerts", "run"])
    assert "0 new events; 0 delivered, 0 to retry" in flat(second.output)
    listed = runner.invoke(app, ["alerts", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert sorted((r["channel"], r["events"], r["pending"]) for r in rows) == [
        ("email", 1, 1),
        ("feed", 1, 0),
    ]
    assert "geheim-adres" not in listed.output and owner not in listed.output
    table = runner.invoke(app, ["alerts", "list"])
    assert "tension_class" in table.output and "geheim-adres" not in table.output
