"""Fetching a live source for `lloradar sources refresh`: conditional requests (If-None-Match /
If-Modified-Since from the stored state), every page of a CBS OData feed, and the stored state
of each watched source (`source_state`, `source_refresh`)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from lloradar.domain import IngestError
from lloradar.sources import cbs
from lloradar.store import Store

MAX_PAGES = 1000


@dataclass(frozen=True, slots=True)
class State:
    """What a source answered last time."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    checksum: str | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """The pages of one fetch (empty when the server answered 304 Not Modified)."""

    pages: list[bytes]
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return not self.pages

    @property
    def checksum(self) -> str:
        digest = hashlib.sha256()
        for page in self.pages:
            digest.update(page)
        return "sha256:" + digest.hexdigest()


def _conditional(state: State | None) -> dict[str, str]:
    headers = {"Accept": "application/json, text/csv, */*"}
    if state is not None and state.etag:
        headers["If-None-Match"] = state.etag
    if state is not None and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def fetch(
    url: str,
    state: State | None,
    *,
    paged: bool,
    transport: httpx.BaseTransport | None = None,
) -> Fetched:
    """The first page with the conditional headers; when it changed, every next page
    (`paged`: following odata.nextLink / @odata.nextLink). Any error status, on any page,
    raises: the caller loads nothing of a half-fetched table."""
    pages: list[bytes] = []
    with httpx.Client(transport=transport, timeout=60.0, follow_redirects=True) as client:
        response = client.get(url, headers=_conditional(state))
        if response.status_code == 304:
            return Fetched(
                [], state.etag if state else None, state.last_modified if state else None
            )
        etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        next_url: str | None = url
        while True:
            if response.status_code != 200:
                where = f"page {len(pages) + 1}" if paged else "the file"
                raise IngestError(next_url or url, f"HTTP {response.status_code} on {where}")
            pages.append(response.content)
            next_url = cbs.parse_page(response.content, url).next_link if paged else None
            if not next_url:
                break
            if len(pages) >= MAX_PAGES:
                raise IngestError(url, f"more than {MAX_PAGES} pages: refusing to continue")
            response = client.get(next_url, headers={"Accept": "application/json"})
    return Fetched(pages, etag, modified)


def load_state(store: Store, key: str) -> State | None:
    rows = store.query(
        "SELECT url, etag, last_modified, checksum FROM source_state WHERE source_key = ?", [key]
    )
    return State(*rows[0]) if rows else None


def save_state(
    store: Store, key: str, state: State, source_id: str | None, checked: datetime, changed: bool
) -> None:
    before = store.query("SELECT changed_at FROM source_state WHERE source_key = ?", [key])
    changed_at = checked if changed else (before[0][0] if before else None)
    store.upsert(
        "source_state",
        [
            "source_key",
            "url",
            "etag",
            "last_modified",
            "checksum",
            "source_id",
            "checked_at",
            "changed_at",
        ],
        [
            (
                key,
                state.url,
                state.etag,
                state.last_modified,
                state.checksum,
                source_id,
                checked,
                changed_at,
            )
        ],
        ["source_key"],
    )


def log_refresh(
    store: Store,
    key: str,
    checked: datetime,
    outcome: str,
    detail: str,
    rows: int,
    new_periods: Sequence[str],
    source_id: str | None,
) -> None:
    store.upsert(
        "source_refresh",
        [
            "source_key",
            "checked_at",
            "outcome",
            "detail",
            "rows_stored",
            "new_periods",
            "source_id",
        ],
        [(key, checked, outcome, detail, rows, " ".join(new_periods), source_id)],
        ["source_key", "checked_at"],
    )


def stored_cbs_tables(store: Store) -> list[str]:
    rows = store.query(
        "SELECT DISTINCT table_id FROM cbs_observation UNION "
        "SELECT substr(source_key, 5) FROM source_state WHERE source_key LIKE 'cbs:%'"
    )
    return sorted(str(r[0]) for r in rows)


def stored_duo_urls(store: Store) -> list[str]:
    rows = store.query(
        "SELECT DISTINCT url FROM provenance WHERE source = 'DUO open onderwijsdata' "
        "AND (url LIKE 'http://%' OR url LIKE 'https://%') UNION "
        "SELECT substr(source_key, 5) FROM source_state WHERE source_key LIKE 'duo:%'"
    )
    return sorted(str(r[0]) for r in rows)


def cbs_dimensions(store: Store, table_id: str) -> tuple[list[str], list[str]] | None:
    """(dimension names, measures) of a stored CBS table, or None when none is stored."""
    row = store.query(
        "SELECT dimensions FROM cbs_observation WHERE table_id = ? LIMIT 1", [table_id]
    )
    if not row:
        return None
    measures = store.query(
        "SELECT DISTINCT measure FROM cbs_observation WHERE table_id = ?", [table_id]
    )
    names = sorted(part.split("=", 1)[0] for part in str(row[0][0]).split(";"))
    return names, sorted(str(m[0]) for m in measures)


def cbs_periods(store: Store, table_id: str) -> set[str]:
    rows = store.query(
        "SELECT DISTINCT period FROM cbs_observation WHERE table_id = ? AND period IS NOT NULL",
        [table_id],
    )
    return {str(r[0]) for r in rows}


def duo_years(store: Store) -> set[str]:
    return {str(r[0]) for r in store.query("SELECT DISTINCT year FROM education_supply")}


def rows_of(values: Any) -> int:
    return sum(values) if values else 0
