"""Participants and outcomes uploaded through the API (`POST /api/interventions/participants`):
the CLI import's own load (`pipeline.interventions.load_participants_data`: the same parsing,
validation, pseudonymisation and quarantine), and what an upload stored and quarantined."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lloradar.domain import QuarantineEntry
from lloradar.pipeline.interventions import load_participants_data
from lloradar.pipeline.save import LoadReport
from lloradar.services.request_store import Store

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def upload_location(filename: str) -> str:
    """The provenance location of an upload: `upload:` and the file's own name, cleaned."""
    name = _SAFE_NAME.sub("_", filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1])[:100]
    return f"upload:{name or 'participants.csv'}"


def upload_participants(store: Store, data: bytes, filename: str, key: str) -> LoadReport:
    """Store an uploaded participants CSV (docs/interventions-format.md) exactly as
    `lloradar interventions participants` does: bad rows are quarantined with their line."""
    return load_participants_data(store, data, upload_location(filename), key.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class UploadState:
    source_id: str
    location: str
    retrieved_at: datetime
    participants: int
    outcomes: int
    quarantined: list[QuarantineEntry]
    interventions: list[str]


def upload_state(store: Store, source_id: str) -> UploadState | None:
    """What an upload stored (rows still carrying its source id) and which rows it quarantined;
    None when the source id is not an upload of participants."""
    found = store.query(
        "SELECT url, retrieved_at FROM provenance WHERE source_id = ? AND source_table = "
        "'participant' AND url LIKE 'upload:%'",
        [source_id],
    )
    if not found:
        return None

    def count(table: str) -> int:
        rows = store.query(f"SELECT count(*) FROM {table} WHERE source_id = ?", [source_id])
        return int(rows[0][0])

    quarantined = [
        QuarantineEntry(int(line), str(field), str(value), str(reason))
        for line, field, value, reason in store.query(
            "SELECT line, field, value, reason FROM quarantine WHERE source_id = ? ORDER BY line",
            [source_id],
        )
    ]
    interventions = [
        str(r[0])
        for r in store.query(
            "SELECT DISTINCT intervention_id FROM participant WHERE source_id = ? ORDER BY 1",
            [source_id],
        )
    ]
    return UploadState(
        source_id,
        str(found[0][0]),
        found[0][1],
        count("participant"),
        count("outcome"),
        quarantined,
        interventions,
    )


def report_json(report: LoadReport) -> dict[str, Any]:
    return {
        "source_id": report.source_id,
        "location": report.location,
        "stored": report.stored,
        "quarantined": [
            {"line": q.line, "field": q.field, "value": q.value, "reason": q.reason}
            for q in report.quarantined
        ],
    }
