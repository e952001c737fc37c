"""Load the O*NET task statements and build, then store, the ESCO -> O*NET occupation link.

One run is one transaction: the task statements, every candidate pair (with method, component
scores and confidence) and the task source per occupation, each with its provenance. Running it
again on the same files replaces the same rows (idempotent)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from lloradar.analytics.crosswalk import (
    LINK_COLUMNS,
    LINK_THRESHOLD,
    METHOD,
    EscoOccupationLabels,
    LinkCandidate,
    OnetOccupationTitles,
    link_occupations,
    task_source,
)
from lloradar.domain import IngestError, Parsed, Provenance
from lloradar.pipeline.regions import now, read_bytes
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.sources import esco, onet, onet_tasks
from lloradar.sources.onet_tasks import OnetTask
from lloradar.store import Store

ONET_FILES = {
    "tasks": "Task Statements.xlsx",
    "titles": "Occupation Data.xlsx",
    "alternates": "Alternate Titles.xlsx",
}
ESCO_OCCUPATIONS = "occupations_en.csv.gz"
ESCO_ISCO = "ISCOGroups_en.csv"
LINK_VERSION = "1"


@dataclass(slots=True)
class LinkRun:
    """What one run stored: the loads, and the occupations linked to O*NET or not."""

    reports: list[LoadReport] = field(default_factory=list)
    occupations: int = 0
    linked: int = 0
    fallback: int = 0


def _onet_file(onet_dir: Path, key: str) -> Path:
    path = onet_dir / ONET_FILES[key]
    if not path.is_file():
        raise IngestError(str(path), "is missing (expected the O*NET 29.2 Excel release)")
    return path


def _esco_file(esco_dir: Path, name: str) -> Path:
    for candidate in (esco_dir / name, esco_dir / name.removesuffix(".gz")):
        if candidate.is_file():
            return candidate
    raise IngestError(str(esco_dir / name), "is missing (expected the ESCO CSV package)")


def esco_labels(esco_dir: Path, only: set[str] | None = None) -> list[EscoOccupationLabels]:
    """ESCO occupations with their alternative labels and ISCO-08 unit group label."""
    path = _esco_file(esco_dir, ESCO_OCCUPATIONS)
    concepts = esco.parse_occupation_concepts(read_bytes(path), str(path)).records
    isco_path = _esco_file(esco_dir, ESCO_ISCO)
    groups = esco.parse_isco_groups(read_bytes(isco_path), str(isco_path), {}).records
    isco = {g.code: g.label_en for g in groups}
    labels = []
    for concept in concepts:
        if only is not None and concept.id not in only:
            continue
        code = concept.parent.rsplit("/C", 1)[-1] if concept.parent else None
        labels.append(
            EscoOccupationLabels(
                concept.id, concept.label_en, concept.alt_labels, code, isco.get(code or "")
            )
        )
    return labels


_PARSED: dict[tuple[str, tuple[str, ...]], tuple[Parsed[OnetTask], list[OnetOccupationTitles]]] = {}


def _onet_inputs(
    tasks_path: str, checksums: tuple[str, ...], data: dict[str, bytes]
) -> tuple[Parsed[OnetTask], list[OnetOccupationTitles]]:
    """The parsed task statements and the O*NET occupations that have tasks, with their titles.

    Parsing the three workbooks is most of a demo build's link step (about 2 s), so the result
    is kept per process for the same bytes (keyed by their checksums): a second demo build in
    the same process (the test fixtures) links in a fraction of a second."""
    key = (tasks_path, checksums)
    if key not in _PARSED:
        tasks = onet_tasks.parse_task_statements(data["tasks"], tasks_path)
        titles = onet_tasks.parse_occupation_titles(data["titles"], ONET_FILES["titles"])
        alternates = onet.parse_alternate_titles(data["alternates"], ONET_FILES["alternates"])
        with_tasks = {t.onet_code for t in tasks.records}
        targets = [
            OnetOccupationTitles(code, title, alternates.get(code, ()))
            for code, title in sorted(titles.items())
            if code in with_tasks
        ]
        _PARSED.clear()
        _PARSED[key] = (tasks, targets)
    return _PARSED[key]


def _provenance(table: str, checksum: str, note: str, url: str) -> Provenance:
    return Provenance(
        source="O*NET 29.2 (USDOL/ETA) and ESCO v1.1.1, linked by LLO Radar",
        table=table,
        url=url,
        retrieved_at=now(),
        licence=onet.LICENCE + "; " + esco.LICENCE,
        checksum=checksum,
        note=note,
    )


def load_tasks_and_link(
    store: Store, onet_dir: Path, esco_dir: Path, only_stored: bool = False
) -> LinkRun:
    """Load the task statements and link ESCO occupations (all of them, or with `only_stored`
    those in the `occupation` table) to the O*NET occupations that have tasks."""
    run = LinkRun()
    data = {key: read_bytes(_onet_file(onet_dir, key)) for key in ONET_FILES}
    tasks_path = str(onet_dir / ONET_FILES["tasks"])
    checksums = tuple(Provenance.checksum_of(data[key]) for key in ONET_FILES)
    tasks, targets = _onet_inputs(tasks_path, checksums, data)
    with_tasks = {t.onet_code for t in tasks.records}
    stored = {str(r[0]) for r in store.query("SELECT id FROM occupation")}
    occupations = esco_labels(esco_dir, stored if only_stored else None)
    links = link_occupations(occupations, targets)
    best = {link.occupation_id: link for link in links if link.rank == 1}
    sources = []
    for occupation in occupations:
        top: LinkCandidate | None = best.get(occupation.id)
        source = task_source(top, with_tasks)
        linked = source.value == "onet"
        run.linked += linked
        sources.append(
            (
                occupation.id,
                occupation.label,
                source.value,
                top.onet_code if top and linked else None,
                top.confidence if top else None,
            )
        )
    run.occupations, run.fallback = len(occupations), len(occupations) - run.linked
    task_checksum = checksums[0]
    link_checksum = Provenance.checksum_of(
        json.dumps([*checksums, LINK_VERSION, METHOD, LINK_THRESHOLD, sorted(best)]).encode()
    )
    ids = [o.id for o in occupations]
    with store.transaction():
        run.reports.append(
            save_load(
                store,
                _provenance("Task Statements", task_checksum, "O*NET task statements", tasks_path),
                [
                    TableRows(
                        "onet_task",
                        onet_tasks.TASK_COLUMNS,
                        ["task_id"],
                        [t.row() for t in tasks.records],
                    )
                ],
                tasks.quarantine,
            )
        )
        _forget_links(store, ids)
        run.reports.append(
            save_load(
                store,
                _provenance(
                    "occupation_onet_link",
                    link_checksum,
                    f"{METHOD}; O*NET tasks used at confidence >= {LINK_THRESHOLD}",
                    "lloradar tasks link",
                ),
                [
                    TableRows(
                        "occupation_onet_link",
                        LINK_COLUMNS,
                        ["occupation_id", "onet_code"],
                        [link.row() for link in links],
                    ),
                    TableRows(
                        "occupation_task_source",
                        ["occupation_id", "label_en", "task_source", "onet_code", "confidence"],
                        ["occupation_id"],
                        sources,
                    ),
                ],
            )
        )
    return run


def _forget_links(store: Store, occupation_ids: list[str]) -> None:
    """Old candidate pairs of re-linked occupations go, so a pair that dropped out of the top
    few does not linger beside the new ones."""
    for start in range(0, len(occupation_ids), 500):
        chunk = occupation_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        store.execute(f"DELETE FROM occupation_onet_link WHERE occupation_id IN ({marks})", chunk)
