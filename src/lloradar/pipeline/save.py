"""Save one parsed load: provenance, quarantine and rows in a single transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lloradar.domain import Provenance, QuarantineEntry
from lloradar.store import Store
from lloradar.store.base import identifier

PROVENANCE_COLUMNS = [
    "source_id",
    "source",
    "source_table",
    "url",
    "retrieved_at",
    "licence",
    "checksum",
    "note",
    "is_demo",
]


@dataclass(frozen=True, slots=True)
class TableRows:
    """Rows for one table, with the columns and the key that makes the upsert idempotent."""

    table: str
    columns: Sequence[str]
    key: Sequence[str]
    rows: Sequence[tuple[Any, ...]]


@dataclass(slots=True)
class LoadReport:
    """What a load stored per table and which rows it quarantined; `location` is the file.

    `changed` counts per table the rows that carry this load's source id now and did not
    before: new rows and rows another source had stored. Loading the same bytes again changes
    nothing, so everything derived from the tables (indicators) stays as it is."""

    source: str
    location: str
    source_id: str
    stored: dict[str, int] = field(default_factory=dict)
    quarantined: list[QuarantineEntry] = field(default_factory=list)
    changed: dict[str, int] = field(default_factory=dict)

    def messages(self) -> list[str]:
        return [entry.message(self.location) for entry in self.quarantined]

    @property
    def changed_tables(self) -> list[str]:
        return [table for table, n in self.changed.items() if n]


def save_provenance(store: Store, provenance: Provenance) -> str:
    row = (
        provenance.source_id,
        provenance.source,
        provenance.table,
        provenance.url,
        provenance.retrieved_at,
        provenance.licence,
        provenance.checksum,
        provenance.note,
        provenance.is_demo,
    )
    # The first retrieval of the same bytes is kept: a second identical load changes nothing.
    store.execute(
        f"INSERT INTO provenance ({', '.join(PROVENANCE_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(row))}) ON CONFLICT (source_id) DO NOTHING",
        row,
    )
    return provenance.source_id


def save_load(
    store: Store,
    provenance: Provenance,
    tables: Sequence[TableRows],
    quarantine: Sequence[QuarantineEntry] = (),
) -> LoadReport:
    """Store provenance, the quarantined rows and every table's rows, all or nothing."""
    report = LoadReport(
        provenance.source, provenance.url, provenance.source_id, quarantined=list(quarantine)
    )
    with store.transaction():
        source_id = save_provenance(store, provenance)
        store.upsert(
            "quarantine",
            ["source_id", "line", "field", "value", "reason"],
            [(source_id, q.line, q.field, q.value, q.reason) for q in quarantine],
            ["source_id", "line", "field"],
        )
        for part in tables:
            columns = [*part.columns, "source_id"]
            rows = [(*row, source_id) for row in part.rows]
            before = _rows_of(store, part.table, source_id) if rows else 0
            report.stored[part.table] = store.upsert(part.table, columns, rows, part.key)
            after = _rows_of(store, part.table, source_id) if rows else 0
            report.changed[part.table] = after - before
    return report


def _rows_of(store: Store, table: str, source_id: str) -> int:
    """How many rows of `table` carry `source_id` (every fact table has the column)."""
    found = store.query(
        f"SELECT count(*) FROM {identifier(table)} WHERE source_id = ?", [source_id]
    )
    return int(found[0][0])
