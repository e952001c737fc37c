"""The store behind the web app, for the pages and endpoints that read it per request
(forecast runs, the intervention register): the URL the radar's figures were read from."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from lloradar.config import get_settings
from lloradar.features.indicators import radar as web_data
from lloradar.store import Store, open_store

__all__ = ["Store", "open_web_store", "store_url_for"]


def store_url_for(data: object, explicit: str | None = None) -> str:
    """`explicit` (app.state.store_url) first, then the URL `data` was loaded from, then the
    configured store."""
    return explicit or web_data.loaded_from(data) or get_settings().store


@contextmanager
def open_web_store(url: str) -> Iterator[Store]:
    store = open_store(url)
    try:
        yield store
    finally:
        store.close()
