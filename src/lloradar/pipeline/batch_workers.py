"""What the batch Spark job runs on its Python workers, kept apart from the job so a worker
imports only the checks and the extractor (not the engines and features): each record checked
as on the local path, and the skills of a batch of postings from the broadcast extractor."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, cast

import pyarrow as pa

from lloradar.analytics.extraction import Extractor, UniversalSentenceEncoder
from lloradar.pipeline import batch_load, batch_read
from lloradar.pipeline.batch_load import SkillFinder
from lloradar.pipeline.batch_read import LINE, POSTING_SCHEMA, QUARANTINE_SCHEMA

ROW = "_row_index"  # a Parquet input's row index (from 0), as the job selects it
CHECKED_SCHEMA = pa.schema([*POSTING_SCHEMA, *list(QUARANTINE_SCHEMA)[1:]])
SKILL_SCHEMA = pa.schema(
    [
        (LINE, pa.int64()),
        ("vacancy_id", pa.string()),
        ("skill_id", pa.string()),
        ("method", pa.string()),
        ("score", pa.float64()),
    ]
)


def check_batches(
    batches: Iterator[pa.RecordBatch], *, source: str, today: date, regions: Any
) -> Iterator[pa.RecordBatch]:
    """Runs on the workers: each record checked as on the local path."""
    lookup: Mapping[str, str] = regions.value
    for batch in batches:
        if ROW in batch.schema.names:
            records = []
            for row in batch.to_pylist():
                line = int(row.pop(ROW)) + 1
                records.append((line, batch_read.row_json(row)))
        else:
            records = [
                (int(line), raw.encode())
                for line, raw in zip(
                    batch.column(LINE).to_pylist(), batch.column("raw").to_pylist(), strict=True
                )
                if raw is not None and raw.strip()
            ]
        postings, quarantine = batch_read.checked_tables(records, source, today, lookup)
        combined = pa.concat_tables([postings, quarantine], promote_options="default").select(
            CHECKED_SCHEMA.names
        )
        yield from combined.cast(CHECKED_SCHEMA).to_batches()


def portable(finder: SkillFinder) -> SkillFinder:
    """The extractor to broadcast: everything but the encoder, whose weights every worker
    loads from the installed package (faster than shipping them)."""
    if isinstance(finder, Extractor) and isinstance(finder.encoder, UniversalSentenceEncoder):
        shipped = copy.copy(finder)
        cast(Any, shipped).encoder = None
        return shipped
    return finder


def _worker_finder(shipped: Any) -> SkillFinder:
    """The extractor of this Python worker: the broadcast's value is unpickled once per worker
    (and workers are reused across tasks), so the encoder is loaded once there, not per batch
    or row."""
    finder = cast(SkillFinder, shipped.value)
    if isinstance(finder, Extractor) and cast(Any, finder).encoder is None:
        finder.encoder = UniversalSentenceEncoder()
    return finder


def extract_batches(
    batches: Iterator[pa.RecordBatch], *, finder: Any, method: str
) -> Iterator[pa.RecordBatch]:
    """Runs on the workers: the skills of each batch of postings."""
    extractor = _worker_finder(finder)
    for batch in batches:
        table = pa.Table.from_batches([batch])
        rows = batch_load.skill_rows(extractor, table, method)
        lines = dict(
            zip(table.column("vacancy_id").to_pylist(), table.column(LINE).to_pylist(), strict=True)
        )
        yield from pa.table(
            {
                LINE: pa.array([lines[r[0]] for r in rows], pa.int64()),
                "vacancy_id": pa.array([r[0] for r in rows], pa.string()),
                "skill_id": pa.array([r[1] for r in rows], pa.string()),
                "method": pa.array([r[2] for r in rows], pa.string()),
                "score": pa.array([r[3] for r in rows], pa.float64()),
            },
            schema=SKILL_SCHEMA,
        ).to_batches()
