"""Policy monitoring use-cases: import, the register, progress per KPI, the portfolio, export.

Every count that leaves this module passed `analytics/disclosure.py`: a table-level secondary
suppression, and one ledger of published populations kept in the store
(`disclosure_release`), so a figure that differs from any figure published before, in any
report, by 1..9 people is withheld. The web pages and the API call these functions."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from lloradar.analytics.disclosure import DisclosureLedger, ReleasedLedger
from lloradar.analytics.progress import (
    KpiProgress,
    OutflowComparison,
    PortfolioRow,
    add_months,
    baseline_job_finding_pct,
    kpi_progress,
    kpi_sentence,
    outflow_comparison,
    outflow_sentence,
    portfolio,
    portfolio_sentence,
)
from lloradar.domain import (
    Intervention,
    InterventionStatus,
    Kpi,
    Measure,
    Participant,
    Provenance,
)
from lloradar.domain.intervention import Funder
from lloradar.features.interventions.export import portfolio_csv, progress_csv
from lloradar.features.interventions.releases import NotReleased, released_as_of, released_dates
from lloradar.pipeline.interventions import (
    LICENCE,
    load_interventions,
    load_participants,
    save_interventions,
)
from lloradar.pipeline.save import LoadReport
from lloradar.sources.interventions import intervention_fields
from lloradar.store import Store

__all__ = [
    "NotReleased",
    "PortfolioReport",
    "ProgressReport",
    "get_intervention",
    "import_interventions",
    "import_participants",
    "list_interventions",
    "portfolio_csv",
    "portfolio_report",
    "progress_csv",
    "progress_report",
    "release_progress",
    "released_dates",
    "save_intervention",
    "validate_intervention",
]

OUTFLOW_MONTHS = 6


def import_interventions(store: Store, path: Path, *, is_demo: bool = False) -> LoadReport:
    return load_interventions(store, path, is_demo=is_demo)


def import_participants(store: Store, path: Path, key: str, *, is_demo: bool = False) -> LoadReport:
    """`key` is the configured pseudonym key (`Settings.pseudonym_key.get_secret_value()`)."""
    return load_participants(store, path, key.encode("utf-8"), is_demo=is_demo)


def validate_intervention(
    store: Store, fields: Mapping[str, Any]
) -> tuple[Intervention | None, list[str]]:
    """Check a web form (the register's field names, values as text or lists, KPIs and
    funders in their CSV notation); the intervention, or messages per bad field."""
    regions = {str(r[0]) for r in store.query("SELECT code FROM region")} or None
    record, bad = intervention_fields(fields, regions)
    return record, [f"field {b.field!r}: {b.value!r} {b.reason}" for b in bad]


def save_intervention(store: Store, intervention: Intervention, *, editor: str) -> LoadReport:
    """Store one intervention entered through a form; `editor` (an account name) is kept in
    the provenance."""
    payload = repr(intervention).encode()
    provenance = Provenance(
        source="intervention register (HCA projects)",
        table="intervention",
        url=f"form:{intervention.id}",
        retrieved_at=datetime.now(UTC).replace(tzinfo=None),
        licence=LICENCE,
        checksum=Provenance.checksum_of(payload),
        note=f"entered by {editor}",
    )
    return save_interventions(store, [intervention], provenance)


def _split(text: str) -> tuple[str, ...]:
    return tuple(t for t in text.split(";") if t)


def _intervention(row: dict[str, Any], kpis: list[Kpi]) -> Intervention:
    return Intervention(
        id=row["intervention_id"],
        name=row["name"],
        region_code=row["region_code"],
        theme=row["theme"],
        status=InterventionStatus(row["status"]),
        start_date=row["start_date"],
        end_date=row["end_date"],
        goals=row["goals"],
        target_group=row["target_group"],
        sector_code=row["sector_code"],
        education_level=row["education_level"],
        occupations=_split(row["occupations"]),
        skills=_split(row["skills"]),
        budget_eur=float(row["budget_eur"]),
        funders=tuple(Funder(f["name"], f["amount_eur"]) for f in json.loads(row["funders"])),
        theory_of_change=row["theory_of_change"],
        kpis=tuple(kpis),
    )


def list_interventions(
    store: Store, *, region: str | None = None, theme: str | None = None
) -> list[Intervention]:
    """The register, optionally for one region code and/or theme, ordered by id."""
    where, params = [], []
    for column, value in (("region_code", region), ("theme", theme)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = store.query_dicts(
        f"SELECT * FROM intervention {clause} ORDER BY intervention_id", params
    )
    kpis: dict[str, list[Kpi]] = {}
    for k in store.query_dicts(
        "SELECT * FROM intervention_kpi ORDER BY intervention_id, target_date, measure"
    ):
        kpis.setdefault(k["intervention_id"], []).append(
            Kpi(Measure(k["measure"]), float(k["target"]), k["target_date"])
        )
    return [_intervention(r, kpis.get(r["intervention_id"], [])) for r in rows]


def get_intervention(store: Store, intervention_id: str) -> Intervention | None:
    """One intervention with its KPIs (the detail page / factsheet), None when unknown."""
    found = [i for i in list_interventions(store) if i.id == intervention_id]
    return found[0] if found else None


def _participants(store: Store, ids: list[str]) -> list[Participant]:
    """Registrations with their outcomes; the job is the one of the latest employed moment."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = store.query_dicts(
        f"SELECT * FROM participant WHERE intervention_id IN ({marks}) "
        "ORDER BY intervention_id, pseudonym",
        ids,
    )
    outcomes: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for o in store.query_dicts(
        f"SELECT * FROM outcome WHERE intervention_id IN ({marks}) "
        "ORDER BY intervention_id, pseudonym, months",
        ids,
    ):
        outcomes.setdefault((o["intervention_id"], o["pseudonym"]), []).append(o)
    participants = []
    for r in rows:
        measured = outcomes.get((r["intervention_id"], r["pseudonym"]), [])
        jobs = [o for o in measured if o["job_sector"] or o["job_occupation"]]
        job = max(jobs, key=lambda o: (bool(o["employed"]), o["months"])) if jobs else {}
        participants.append(
            Participant(
                intervention_id=r["intervention_id"],
                pseudonym=r["pseudonym"],
                start_date=r["start_date"],
                completion_date=r["completion_date"],
                completion_pct=r["completion_pct"],
                certificate=r["certificate"],
                employed=tuple((int(o["months"]), bool(o["employed"])) for o in measured),
                job_sector=job.get("job_sector"),
                job_occupation=job.get("job_occupation"),
            )
        )
    return participants


def _ledger(store: Store) -> DisclosureLedger:
    rows = store.query("SELECT members FROM disclosure_release ORDER BY released_at, population_id")
    return DisclosureLedger([frozenset(str(r[0]).split()) for r in rows])


def _remember(store: Store, ledger: DisclosureLedger) -> None:
    """Store the populations published by this report (the ledger only grows)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for members in ledger.answered:
        text = " ".join(sorted(str(m) for m in members))
        rows.append((hashlib.sha256(text.encode()).hexdigest(), len(members), text, now))
    with store.transaction():
        for row in rows:
            store.execute(
                "INSERT INTO disclosure_release (population_id, size, members, released_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (population_id) DO NOTHING",
                row,
            )


def _is_demo(store: Store, table: str) -> bool:
    rows = store.query(
        "SELECT count(*) FROM provenance WHERE is_demo AND source_table = ?", [table]
    )
    return bool(rows[0][0])


def regional_baseline_pct(store: Store, intervention: Intervention, months: int) -> float | None:
    """The job-finding chance of job seekers in the intervention's region within `months` of
    its start (see `baseline_job_finding_pct`): all job seekers in the region at the month of
    the start (or the nearest month with data) and all vacancies filled in the window. The
    whole region, not the targeted occupations: participants are trained *for* those
    occupations but come from the general pool of job seekers. None without data."""
    region = intervention.region_code
    month = date(intervention.start_date.year, intervention.start_date.month, 1)
    periods = [
        r[0]
        for r in store.query(
            "SELECT DISTINCT period FROM labour_supply WHERE region_code = ? ORDER BY period",
            [region],
        )
    ]
    if not periods:
        return None
    start = max([p for p in periods if p <= month] or [periods[0]])
    seekers = store.query(
        "SELECT sum(job_seekers_short + job_seekers_long) FROM labour_supply "
        "WHERE region_code = ? AND period = ?",
        [region, start],
    )[0][0]
    filled = store.query(
        "SELECT sum(filled_vacancies) FROM vacancy_stats "
        "WHERE region_code = ? AND period >= ? AND period < ?",
        [region, start, add_months(start, months)],
    )[0][0]
    return baseline_job_finding_pct(float(seekers or 0), float(filled or 0))


def _progress(
    store: Store, intervention: Intervention, as_of: date, ledger: DisclosureLedger
) -> tuple[list[KpiProgress], OutflowComparison]:
    participants = _participants(store, [intervention.id])
    kpis = kpi_progress(intervention, participants, as_of, ledger)
    baseline = regional_baseline_pct(store, intervention, OUTFLOW_MONTHS)
    return kpis, outflow_comparison(participants, OUTFLOW_MONTHS, as_of, baseline, ledger)


def _portfolio(
    store: Store,
    interventions: list[Intervention],
    by: str,
    as_of: date,
    ledger: DisclosureLedger,
) -> tuple[list[PortfolioRow], PortfolioRow]:
    return portfolio(
        interventions,
        _participants(store, [i.id for i in interventions]),
        (lambda i: i.theme) if by == "theme" else (lambda i: i.region_code),
        as_of,
        ledger,
    )


def release_progress(store: Store, as_of: date, *, released_by: str) -> int:
    """Release the progress figures on `as_of` (an analyst's action or a scheduled job, never a
    reader's request): every intervention's progress first (oldest id first), then each region's
    portfolio by theme, then the national portfolios by theme and by region, each through the
    one stored ledger, which records what they publish. Readers then see exactly these figures
    (`ReleasedLedger`). Returns the number of populations released now; releasing a date again
    adds only what changed since (new participants), under the same rules."""
    with store.transaction():
        store.lock("progress-release")
        ledger = _ledger(store)
        before = len(ledger.answered)
        interventions = list_interventions(store)
        for intervention in interventions:
            _progress(store, intervention, as_of, ledger)
        for region in sorted({i.region_code for i in interventions}):
            regional = [i for i in interventions if i.region_code == region]
            _portfolio(store, regional, "theme", as_of, ledger)
        _portfolio(store, interventions, "theme", as_of, ledger)
        _portfolio(store, interventions, "region", as_of, ledger)
        _remember(store, ledger)
        store.execute("DELETE FROM progress_release WHERE as_of = ?", (as_of,))
        store.execute(
            "INSERT INTO progress_release (as_of, released_at, released_by) VALUES (?, ?, ?)",
            (as_of, datetime.now(UTC).replace(tzinfo=None), released_by),
        )
        return len(ledger.answered) - before


@dataclass(frozen=True, slots=True)
class ProgressReport:
    """Progress of one intervention on `as_of`: per KPI, outflow vs baseline, texts."""

    intervention: Intervention
    as_of: date
    kpis: list[KpiProgress]
    outflow: OutflowComparison
    kpi_texts: list[str]
    outflow_text: str
    is_demo: bool


def progress_report(
    store: Store, intervention_id: str, *, as_of: date | None = None, lang: str = "en"
) -> ProgressReport | None:
    intervention = get_intervention(store, intervention_id)
    if intervention is None:
        return None
    as_of = released_as_of(store, as_of)
    ledger = ReleasedLedger(_ledger(store).answered)
    kpis, outflow = _progress(store, intervention, as_of, ledger)
    return ProgressReport(
        intervention,
        as_of,
        kpis,
        outflow,
        [kpi_sentence(k, lang) for k in kpis],
        outflow_sentence(outflow, lang),
        _is_demo(store, "intervention"),
    )


@dataclass(frozen=True, slots=True)
class PortfolioReport:
    """Interventions per theme (or per region) with a generated sentence per row."""

    by: str
    region: str | None
    as_of: date
    rows: list[PortfolioRow]
    total: PortfolioRow
    texts: list[str]
    is_demo: bool


def portfolio_report(
    store: Store,
    *,
    region: str | None = None,
    theme: str | None = None,
    by: str = "theme",
    as_of: date | None = None,
    lang: str = "en",
) -> PortfolioReport:
    """`by` is "theme" or "region"; `region`/`theme` filter the register first."""
    if by not in ("theme", "region"):
        raise ValueError(f"by must be 'theme' or 'region', not {by!r}")
    as_of = released_as_of(store, as_of)
    interventions = list_interventions(store, region=region, theme=theme)
    rows, total = _portfolio(
        store, interventions, by, as_of, ReleasedLedger(_ledger(store).answered)
    )
    everything = "Totaal" if lang == "nl" else "Total"
    texts = [portfolio_sentence(r, r.group, lang) for r in rows]
    texts.append(portfolio_sentence(total, everything, lang))
    return PortfolioReport(by, region, as_of, rows, total, texts, _is_demo(store, "intervention"))
