"""Pages about one thing in the store named by a key in the path (a sector, a skill): the page
when the store holds it, else the 404 page in the user's language with the nearest keys."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from fastapi import Request
from fastapi.responses import Response

from lloradar.services.request_store import Store
from lloradar.web.i18n import request_lang
from lloradar.web.routes import page_not_found

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Lookup(Generic[T]):
    """How pages find the thing a key names, and which keys to suggest when it is not there."""

    kind: str  # the word for the thing on the 404 page: "sector", "skill"
    find: Callable[[Store, str], T | None]
    nearest: Callable[[Store, str, str], list[tuple[str, str]]]  # (store, key, lang) -> links

    def page(
        self, request: Request, store: Store, key: str, build: Callable[[T], Response]
    ) -> Response:
        """`build` the page for the thing `key` names, or answer 404 with the nearest keys."""
        found = self.find(store, key)
        if found is None:
            nearest = self.nearest(store, key, request_lang(request))
            return page_not_found(request, self.kind, key, nearest)
        return build(found)
