"""Load the intervention register and participant files: parse, validate, save in one go."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from lloradar.domain import IngestError, Intervention, Participant, Provenance, QuarantineEntry
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.sources.interventions import (
    parse_interventions_csv,
    parse_interventions_yaml,
    parse_participants,
)
from lloradar.store import Store

LICENCE = "project data of the reporting region (not open data)"
INTERVENTION_COLUMNS = [
    "intervention_id",
    "name",
    "region_code",
    "theme",
    "status",
    "start_date",
    "end_date",
    "goals",
    "target_group",
    "sector_code",
    "education_level",
    "occupations",
    "skills",
    "budget_eur",
    "funders",
    "theory_of_change",
]
KPI_COLUMNS = ["intervention_id", "measure", "target", "target_date"]
PARTICIPANT_COLUMNS = [
    "intervention_id",
    "pseudonym",
    "start_date",
    "completion_date",
    "completion_pct",
    "certificate",
]
OUTCOME_COLUMNS = [
    "intervention_id",
    "pseudonym",
    "months",
    "employed",
    "job_sector",
    "job_occupation",
]


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise IngestError(str(path), f"cannot be read ({error.strerror or error})") from None


def provenance_of(path: Path, data: bytes, table: str, is_demo: bool) -> Provenance:
    return Provenance(
        source="intervention register (HCA projects)",
        table=table,
        url=str(path),
        retrieved_at=datetime.now(UTC).replace(tzinfo=None),
        licence=LICENCE,
        checksum=Provenance.checksum_of(data),
        note="demo data" if is_demo else "",
        is_demo=is_demo,
    )


def intervention_row(i: Intervention) -> tuple[object, ...]:
    funders = json.dumps([{"name": f.name, "amount_eur": f.amount_eur} for f in i.funders])
    return (
        i.id,
        i.name,
        i.region_code,
        i.theme,
        i.status.value,
        i.start_date,
        i.end_date,
        i.goals,
        i.target_group,
        i.sector_code,
        i.education_level,
        ";".join(i.occupations),
        ";".join(i.skills),
        i.budget_eur,
        funders,
        i.theory_of_change,
    )


def participant_row(p: Participant) -> tuple[object, ...]:
    return (
        p.intervention_id,
        p.pseudonym,
        p.start_date,
        p.completion_date,
        p.completion_pct,
        p.certificate,
    )


def outcome_rows(p: Participant) -> list[tuple[object, ...]]:
    """One row per known moment (3, 6, 12 months). The job belongs to the moments at which the
    participant was employed; a participant never employed keeps a reported job on each known
    moment (the same rule as migration 012), so nothing reported is dropped."""
    ever_employed = any(employed for _, employed in p.employed)
    rows: list[tuple[object, ...]] = []
    for months, employed in sorted(p.employed):
        with_job = employed or not ever_employed
        rows.append(
            (
                p.intervention_id,
                p.pseudonym,
                months,
                employed,
                p.job_sector if with_job else None,
                p.job_occupation if with_job else None,
            )
        )
    return rows


def load_interventions(store: Store, path: Path, *, is_demo: bool = False) -> LoadReport:
    """Store the interventions of a `.csv` or `.yaml`/`.yml` register file (idempotent)."""
    data = read_bytes(path)
    regions = {str(r[0]) for r in store.query("SELECT code FROM region")}
    known = regions or None
    if path.suffix.lower() in {".yaml", ".yml"}:
        parsed = parse_interventions_yaml(data, str(path), known)
    elif path.suffix.lower() == ".csv":
        parsed = parse_interventions_csv(data, str(path), known)
    else:
        raise IngestError(str(path), "unknown file type (expected .csv, .yaml or .yml)")
    provenance = provenance_of(path, data, "intervention", is_demo)
    return save_interventions(store, parsed.records, provenance, parsed.quarantine)


def save_interventions(
    store: Store,
    interventions: Sequence[Intervention],
    provenance: Provenance,
    quarantine: Sequence[QuarantineEntry] = (),
) -> LoadReport:
    """Store interventions; the KPIs of each are replaced by its KPIs, in one transaction, so
    a KPI removed from the file (or form) disappears and a failed save changes nothing."""
    kpis = [(i.id, k.measure.value, k.target, k.target_date) for i in interventions for k in i.kpis]
    tables = [
        TableRows(
            "intervention",
            INTERVENTION_COLUMNS,
            ["intervention_id"],
            [intervention_row(i) for i in interventions],
        ),
        TableRows("intervention_kpi", KPI_COLUMNS, [*KPI_COLUMNS[:2], "target_date"], kpis),
    ]
    with store.transaction():
        for i in interventions:
            store.execute("DELETE FROM intervention_kpi WHERE intervention_id = ?", [i.id])
        return save_load(store, provenance, tables, quarantine)


def load_participants(store: Store, path: Path, key: bytes, *, is_demo: bool = False) -> LoadReport:
    """Store the registrations (`participant`) and outcomes (`outcome`) of a CSV file under
    their pseudonyms (idempotent). The outcomes of every registration in the file are replaced
    by the file's, so an outcome emptied in a corrected file disappears."""
    return load_participants_data(store, read_bytes(path), str(path), key, is_demo=is_demo)


def load_participants_data(
    store: Store, data: bytes, location: str, key: bytes, *, is_demo: bool = False
) -> LoadReport:
    """`load_participants` for bytes that came another way (an upload through the API)."""
    starts = {
        str(r[0]): r[1] for r in store.query("SELECT intervention_id, start_date FROM intervention")
    }
    parsed = parse_participants(data, location, key, starts)
    tables = [
        TableRows(
            "participant",
            PARTICIPANT_COLUMNS,
            ["intervention_id", "pseudonym"],
            [participant_row(p) for p in parsed.records],
        ),
        TableRows(
            "outcome",
            OUTCOME_COLUMNS,
            ["intervention_id", "pseudonym", "months"],
            [row for p in parsed.records for row in outcome_rows(p)],
        ),
    ]
    provenance = provenance_of(Path(location), data, "participant", is_demo)
    with store.transaction():
        clear_outcomes(store, parsed.records)
        return save_load(store, provenance, tables, parsed.quarantine)


def clear_outcomes(store: Store, participants: Sequence[Participant], chunk: int = 500) -> None:
    """Delete the stored outcomes of these registrations (inside the caller's transaction)."""
    by_intervention: dict[str, list[str]] = {}
    for p in participants:
        by_intervention.setdefault(p.intervention_id, []).append(p.pseudonym)
    for intervention, pseudonyms in by_intervention.items():
        for n in range(0, len(pseudonyms), chunk):
            part = pseudonyms[n : n + chunk]
            store.execute(
                "DELETE FROM outcome WHERE intervention_id = ? "
                f"AND pseudonym IN ({', '.join('?' * len(part))})",
                [intervention, *part],
            )
