"""A real server on a free loopback port and Debian's chromium, for the browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from lloradar.demo import build_demo_world
from lloradar.features.forecast.scenarios import load_scenario
from lloradar.features.forecast.service import run_scenario
from lloradar.features.indicators.radar import radar_for_store
from lloradar.features.interventions.service import import_interventions, import_participants
from lloradar.store import Store, open_store

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = os.environ.get("LLORADAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

ROOT = Path(__file__).resolve().parents[2]


def add_forecasts_and_interventions(store: Store) -> None:
    """Two forecast runs (baseline, aow-68) and the example intervention register."""
    for name in ("baseline", "aow-68"):
        run_scenario(store, load_scenario(ROOT / "scenarios" / f"{name}.yaml"))
    examples = ROOT / "examples" / "interventions"
    import_interventions(store, examples / "register.yaml", is_demo=True)
    key = os.environ.get("LLORADAR_PSEUDONYM_KEY") or "web-test-key"
    import_participants(store, examples / "participants.csv", key, is_demo=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The whole app on the demo world, served by uvicorn in a thread; stopped afterwards."""
    from lloradar.server import create_app

    path = tmp_path_factory.mktemp("web") / "demo.duckdb"
    store = open_store(str(path))
    try:
        build_demo_world(store, seed=42, shared_data=SHARED if SHARED.is_dir() else None)
        add_forecasts_and_interventions(store)
    finally:
        store.close()
    port = _free_port()
    config = uvicorn.Config(
        create_app(radar_for_store(str(path))), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"chromium not found at {CHROMIUM}: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


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
