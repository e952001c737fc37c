"""Open the store the settings name, and find the shared data folder."""

from __future__ import annotations

from pathlib import Path

from lloradar.config import Settings
from lloradar.store import Store, open_store, redacted, scrubbed
from lloradar.store.aside import build_running, built_aside, wait_for_build

__all__ = [
    "Store",
    "build_running",
    "built_aside",
    "open_configured_store",
    "redacted",
    "scrubbed",
    "shared_data_dir",
    "wait_for_build",
]


def open_configured_store(settings: Settings) -> Store:
    return open_store(settings.store)


def shared_data_dir(settings: Settings) -> Path | None:
    return settings.shared_data if settings.has_shared_data else None
