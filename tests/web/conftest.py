"""A real server on a free loopback port and Debian's chromium, for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from demo_worlds import copy_world
from live_server import served
from lloradar.features.indicators.radar import radar_for_store

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory, app_world_file: Path) -> Iterator[str]:
    """The whole app on a copy of the session's app world (`app_world_file`), served by uvicorn
    in a thread; stopped afterwards."""
    from lloradar.server import create_app

    path = copy_world(app_world_file, tmp_path_factory.mktemp("web") / "demo.duckdb")
    with served(create_app(radar_for_store(str(path)))) as url:
        yield url


@pytest.fixture
def page(browser: object, base_url: str) -> Iterator[object]:
    context = browser.new_context(base_url=base_url, accept_downloads=True)  # type: ignore[attr-defined]
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
