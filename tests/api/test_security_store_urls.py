"""Issue 18, finding 12 (second half): a store URL is never shown with its password: not in
the store's errors, not in the command line's output (`lloradar store info`, errors)."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from typer.testing import CliRunner

from lloradar.domain.errors import StoreUnavailable
from lloradar.store import open_store, redacted, scrubbed

SECRET = "s3cr3t-Pa55"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (f"postgresql://radar:{SECRET}@db:5432/radar", "postgresql://radar:***@db:5432/radar"),
        (
            f"postgres://radar:{SECRET}@db/radar?sslmode=require",
            "postgres://radar:***@db/radar?sslmode=require",
        ),
        (
            f"postgresql://db/radar?user=radar&password={SECRET}",
            "postgresql://db/radar?user=radar&password=%2A%2A%2A",
        ),
        (
            f"host=db user=radar password={SECRET} dbname=radar",
            "host=db user=radar password=*** dbname=radar",
        ),
        ("postgresql://radar@db/radar", "postgresql://radar@db/radar"),
        ("lloradar.duckdb", "lloradar.duckdb"),
        (":memory:", ":memory:"),
    ],
)
def test_redacted_masks_the_password(url: str, shown: str) -> None:
    assert redacted(url) == shown
    assert SECRET not in redacted(url)


def test_scrubbed_masks_the_password_anywhere_in_a_message() -> None:
    url = f"postgresql://radar:{SECRET}@db/radar"
    message = f"store {url}: cannot be opened (password {SECRET} rejected)"
    assert SECRET not in scrubbed(message, url)
    assert "postgresql://radar:***@db/radar" in scrubbed(message, url)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_store_is_reported_without_its_password() -> None:
    url = f"postgresql://radar:{SECRET}@127.0.0.1:{_closed_port()}/radar?connect_timeout=2"
    with pytest.raises(StoreUnavailable) as caught:
        open_store(url)
    assert SECRET not in str(caught.value) and SECRET not in caught.value.url
    assert "radar:***@127.0.0.1" in str(caught.value)


def test_the_cli_error_shows_no_password(monkeypatch: pytest.MonkeyPatch) -> None:
    from lloradar.cli.main import app

    url = f"postgresql://radar:{SECRET}@127.0.0.1:{_closed_port()}/radar?connect_timeout=2"
    monkeypatch.setenv("LLORADAR_STORE", url)
    result = CliRunner().invoke(app, ["store", "info"])
    assert result.exit_code == 1
    assert SECRET not in result.output
    assert "***" in result.output


@pytest.mark.postgres
def test_store_info_shows_the_url_without_its_password(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lloradar.cli.main import app

    url = postgres_url.replace("lloradar@", f"lloradar:{SECRET}@")  # trust auth: any password
    monkeypatch.setenv("LLORADAR_STORE", url)
    result: Any = CliRunner().invoke(app, ["store", "info"])
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output
    assert "lloradar:***@127.0.0.1" in result.output


@pytest.mark.postgres
def test_an_engine_error_names_the_store_without_its_password(postgres_url: str) -> None:
    from lloradar.domain import IngestError
    from lloradar.features.indicators.skills import compute_skills_on
    from lloradar.features.indicators.tension import compute_on

    url = postgres_url.replace("lloradar@", f"lloradar:{SECRET}@")
    with open_store(url, migrate=False) as store:
        for compute in (compute_on, compute_skills_on):
            with pytest.raises(IngestError) as caught:
                compute(store, "duckdb")
            assert SECRET not in str(caught.value)
            assert "lloradar:***@127.0.0.1" in str(caught.value)
