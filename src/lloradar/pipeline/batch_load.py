"""Save a large vacancy file batch by batch: each batch's postings, their skills and the position
reached in the file are committed in one transaction (`ingest_progress`), so a run that stopped
continues after the last committed batch, and a batch is either stored whole or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

import pyarrow as pa

from lloradar.domain import Provenance, QuarantineEntry
from lloradar.pipeline.regions import now
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.pipeline.sources_load import VACANCY_COLUMNS
from lloradar.store import Store

SOURCE = "vacancy texts"
LICENCE = "as supplied by the publisher"
SKILL_COLUMNS = ["vacancy_id", "skill_id", "method", "score"]
PROGRESS_COLUMNS = ["source_id", "location", "position", "total", "stored", "quarantined"]
PROGRESS_COLUMNS += ["finished", "updated_at"]
_IN_LIST = 500  # parameters per IN (...) list


def provenance(location: str, checksum: str) -> Provenance:
    """The same provenance (and so the same source id) as `ingest vacancies` of that file."""
    return Provenance(SOURCE, location, location, now(), LICENCE, checksum)


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a file got: the last line whose batch is committed, out of `total` postings
    to store (after the quarantine); `stored` postings and `quarantined` rows so far."""

    source_id: str
    location: str
    position: int = 0
    total: int = 0
    stored: int = 0
    quarantined: int = 0
    finished: bool = False


def progress_of(store: Store, source_id: str) -> Progress | None:
    rows = store.query(
        "SELECT source_id, location, position, total, stored, quarantined, finished "
        "FROM ingest_progress WHERE source_id = ?",
        [source_id],
    )
    if not rows:
        return None
    sid, location, position, total, stored, quarantined, finished = rows[0]
    return Progress(
        str(sid), str(location), int(position), int(total), int(stored), int(quarantined),
        bool(finished),
    )  # fmt: skip


def _save_progress(store: Store, progress: Progress) -> None:
    row: tuple[Any, ...] = (progress.source_id, progress.location, progress.position)
    row += (progress.total,)
    row += (progress.stored, progress.quarantined, progress.finished, now())
    store.upsert("ingest_progress", PROGRESS_COLUMNS, [row], ["source_id"])


def stored_elsewhere(store: Store, postings: pa.Table) -> dict[str, str]:
    """text hash -> the id of a stored vacancy with that text under another id."""
    pairs = dict(
        zip(
            postings.column("text_hash").to_pylist(),
            postings.column("vacancy_id").to_pylist(),
            strict=True,
        )
    )
    hashes = list(pairs)
    found: dict[str, str] = {}
    for start in range(0, len(hashes), _IN_LIST):
        part = hashes[start : start + _IN_LIST]
        marks = ", ".join("?" * len(part))
        for text_hash, vacancy_id in store.query(
            f"SELECT text_hash, vacancy_id FROM vacancy WHERE text_hash IN ({marks})", part
        ):
            if str(vacancy_id) != pairs[str(text_hash)]:
                found[str(text_hash)] = str(vacancy_id)
    return found


def save_batch(
    store: Store,
    source: Provenance,
    progress: Progress,
    postings: pa.Table,
    skills: Sequence[tuple[str, str, str, float]] | None,
    quarantine: Sequence[QuarantineEntry] = (),
    *,
    finished: bool = False,
) -> tuple[LoadReport, Progress]:
    """Store one batch (postings with a `line`, their (vacancy id, skill, method, score) rows)
    and the new position, all or nothing. A posting whose text is stored under another id is
    quarantined, as in `ingest vacancies`."""
    with store.transaction():
        others = stored_elsewhere(store, postings) if postings.num_rows else {}
        rows, lines, quarantine = [], postings.column("line").to_pylist(), list(quarantine)
        skipped: set[str] = set()
        for line, record in zip(lines, postings.select(VACANCY_COLUMNS).to_pylist(), strict=True):
            other = others.get(record["text_hash"])
            if other is not None:
                skipped.add(record["vacancy_id"])
                reason = f"is the same text as stored vacancy {other!r}"
                quarantine.append(QuarantineEntry(line, "description", record["title"], reason))
            else:
                rows.append(tuple(record[c] for c in VACANCY_COLUMNS))
        tables = [TableRows("vacancy", VACANCY_COLUMNS, ["vacancy_id"], rows)]
        if skills is not None:
            kept = [s for s in skills if s[0] not in skipped]
            tables.append(
                TableRows("vacancy_skill", SKILL_COLUMNS, ["vacancy_id", "skill_id"], kept)
            )
        report = save_load(store, source, tables, quarantine)
        position = max(lines, default=progress.position)
        done = replace(
            progress,
            position=max(position, progress.position),
            stored=progress.stored + len(rows),
            quarantined=progress.quarantined + len(quarantine),
            finished=finished,
        )
        _save_progress(store, done)
    return report, done


def start(store: Store, progress: Progress) -> None:
    """Record a file's run before its first batch (committed at once)."""
    with store.transaction():
        _save_progress(store, progress)


class SkillFinder(Protocol):
    """The skills engine's extractor (`analytics.extraction.Extractor`) or one like it."""

    def extract(self, texts: Sequence[str]) -> Sequence[Sequence[Any]]: ...


def skill_rows(
    finder: SkillFinder, postings: pa.Table, method: str
) -> list[tuple[str, str, str, float]]:
    """(vacancy id, skill URI, method, score) for what the extractor finds in each posting's
    title and text (the same text `ingest vacancies` gives it)."""
    ids = postings.column("vacancy_id").to_pylist()
    texts = [
        f"{title}\n{description}"
        for title, description in zip(
            postings.column("title").to_pylist(),
            postings.column("description").to_pylist(),
            strict=True,
        )
    ]
    found = finder.extract(texts)
    return [
        (vacancy_id, match.uri, method, float(match.score))
        for vacancy_id, matches in zip(ids, found, strict=True)
        for match in matches
    ]
