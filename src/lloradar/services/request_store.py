"""The store a request reads and writes: the URL the radar's figures were loaded from (so pages
and endpoints that open the store per request use the same one), or the configured store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from lloradar.config import get_settings
from lloradar.store import Store, open_store

__all__ = ["Store", "open_web_store", "store_url_for"]


def store_url_for(data: object, explicit: str | None = None) -> str:
    """`explicit` (app.state.store_url) first, then the URL `data` (the radar's figures) was
    loaded from, then the configured store."""
    return explicit or getattr(data, "store_url", None) or get_settings().store


@contextmanager
def open_web_store(url: str) -> Iterator[Store]:
    store = open_store(url)
    try:
        yield store
    finally:
        store.close()
