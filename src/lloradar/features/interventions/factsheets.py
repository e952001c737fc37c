"""What an intervention factsheet and a region's portfolio factsheet show: the progress reports
(already through disclosure control in `services.interventions`) and the sources behind them.

The sources are the provenance rows of the register, the KPIs, the registrations and outcomes
of the interventions shown, and of the labour-market figures of the regional baseline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lloradar.features.indicators.service import Source
from lloradar.features.interventions.service import (
    PortfolioReport,
    ProgressReport,
    list_interventions,
    portfolio_report,
    progress_report,
)
from lloradar.store import Store

__all__ = [
    "PortfolioFactsheet",
    "intervention_sources",
    "portfolio_factsheet",
]

# Tables whose rows belong to one intervention (by intervention_id), and the baseline tables
# (by region_code), whose provenance a factsheet lists.
INTERVENTION_TABLES = ("intervention", "intervention_kpi", "participant", "outcome")
BASELINE_TABLES = ("labour_supply", "vacancy_stats")


def intervention_sources(
    store: Store, intervention_ids: Sequence[str], region_codes: Sequence[str]
) -> list[Source]:
    """The provenance of everything a factsheet of these interventions rests on, by source."""
    if not intervention_ids:
        return []
    ids = ", ".join("?" * len(intervention_ids))
    regions = ", ".join("?" * len(region_codes)) or "NULL"
    parts = [
        f"SELECT DISTINCT source_id FROM {table} WHERE intervention_id IN ({ids})"
        for table in INTERVENTION_TABLES
    ]
    parts += [
        f"SELECT DISTINCT source_id FROM {table} WHERE region_code IN ({regions})"
        for table in BASELINE_TABLES
    ]
    params: list[object] = []
    for _ in INTERVENTION_TABLES:
        params += list(intervention_ids)
    for _ in BASELINE_TABLES:
        params += list(region_codes)
    rows = store.query(
        "SELECT source, source_table, url, licence, retrieved_at, is_demo FROM provenance "
        f"WHERE source_id IN ({' UNION '.join(parts)}) ORDER BY source_table, source, url",
        params,
    )
    return [Source(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]


@dataclass(frozen=True, slots=True)
class PortfolioFactsheet:
    """A region's portfolio per theme and the progress of each of its interventions."""

    region: str
    portfolio: PortfolioReport
    progress: list[ProgressReport]
    sources: list[Source]

    @property
    def is_demo(self) -> bool:
        return self.portfolio.is_demo or any(s.is_demo for s in self.sources)


def portfolio_factsheet(
    store: Store, region: str, *, as_of: date | None = None, lang: str = "en"
) -> PortfolioFactsheet | None:
    """None when the register has no intervention in `region`. The portfolio is published
    first, then each intervention's progress, all through the one stored disclosure ledger."""
    interventions = list_interventions(store, region=region)
    if not interventions:
        return None
    portfolio = portfolio_report(store, region=region, as_of=as_of, lang=lang)
    reports = [
        progress_report(store, i.id, as_of=portfolio.as_of, lang=lang) for i in interventions
    ]
    return PortfolioFactsheet(
        region,
        portfolio,
        [r for r in reports if r is not None],
        intervention_sources(store, [i.id for i in interventions], [region]),
    )
