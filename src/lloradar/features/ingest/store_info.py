"""What the store holds: tables with row counts, and the provenance of what was loaded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lloradar.store import Store, redacted


@dataclass(frozen=True, slots=True)
class StoreInfo:
    url: str  # without its password
    dialect: str
    row_counts: dict[str, int]
    provenance: list[dict[str, Any]]
    quarantined: int


def store_info(store: Store) -> StoreInfo:
    provenance = store.query_dicts(
        "SELECT source_id, source, source_table, licence, retrieved_at, is_demo "
        "FROM provenance ORDER BY retrieved_at, source"
    )
    counts = store.row_counts()
    return StoreInfo(
        redacted(store.url), store.dialect, counts, provenance, counts.get("quarantine", 0)
    )
