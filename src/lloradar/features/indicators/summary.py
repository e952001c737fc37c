"""The per-region summary of the latest month: vacancies, job seekers and tension class, as
published (each arbeidsmarktregio's all-occupations total in `published_indicator`): a hidden
count, and the ratio and class that would give it back, are None. Nothing is recomputed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lloradar.domain import RegionLevel, TensionClass
from lloradar.features.indicators.published import (
    ALL_OCCUPATIONS,
    latest_published_period,
    published_cells,
)
from lloradar.features.indicators.tension import ensure_indicators
from lloradar.store import Store

LEVEL = RegionLevel.ARBEIDSMARKTREGIO.value


@dataclass(frozen=True, slots=True)
class RegionSummary:
    code: str
    name: str
    period: date
    open_vacancies: int | None
    job_seekers_short: int | None
    ratio: float | None
    tension: TensionClass | None
    is_demo: bool
    hidden: str = ""  # the hidden counts, space-separated (see published_indicator)
    run_id: str = ""


def latest_period(store: Store) -> date | None:
    """The newest month of the published arbeidsmarktregio totals."""
    return latest_published_period(store, region_level=LEVEL, occupation_id=ALL_OCCUPATIONS)


def region_summaries(store: Store, period: date | None = None) -> list[RegionSummary]:
    """One row per arbeidsmarktregio with a published total in `period` (default: the latest),
    by code; computes and publishes the indicators first when none are published yet."""
    ensure_indicators(store)
    period = period or latest_period(store)
    if period is None:
        return []
    names = {
        str(code): str(name)
        for code, name in store.query("SELECT code, name FROM region WHERE level = ?", [LEVEL])
    }
    return [
        RegionSummary(
            cell.region_code,
            names.get(cell.region_code, cell.region_code),
            cell.period,
            cell.open_vacancies,
            cell.job_seekers_short,
            cell.tension_ratio,
            cell.tension,
            cell.is_demo,
            cell.hidden,
            cell.run_id,
        )
        for cell in published_cells(
            store, period=period, region_level=LEVEL, occupation_id=ALL_OCCUPATIONS
        )
    ]
