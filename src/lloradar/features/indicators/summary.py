"""The per-region summary of the latest month: vacancies, job seekers and tension class."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lloradar.analytics.disclosure import disclose
from lloradar.analytics.tension import tension_class, tension_ratio
from lloradar.domain import TensionClass
from lloradar.store import Store


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


def latest_period(store: Store) -> date | None:
    value = store.query("SELECT max(period) FROM vacancy_stats")[0][0]
    return value if isinstance(value, date) else None


def region_summaries(store: Store, period: date | None = None) -> list[RegionSummary]:
    """One row per labour-market region; counts under 10 people are suppressed."""
    period = period or latest_period(store)
    if period is None:
        return []
    rows = store.query(
        """
        SELECT r.code, r.name,
               coalesce(sum(v.open_vacancies), 0),
               coalesce(sum(s.job_seekers_short), 0),
               coalesce(bool_or(pv.is_demo OR ps.is_demo), FALSE)
        FROM region r
        LEFT JOIN vacancy_stats v ON v.region_code = r.code AND v.period = ?
        LEFT JOIN labour_supply s ON s.region_code = v.region_code
             AND s.occupation_id = v.occupation_id AND s.period = v.period
        LEFT JOIN provenance pv ON pv.source_id = v.source_id
        LEFT JOIN provenance ps ON ps.source_id = s.source_id
        WHERE r.level = 'arbeidsmarktregio'
        GROUP BY r.code, r.name
        ORDER BY r.code
        """,
        [period],
    )
    summaries = []
    for code, name, vacancies, seekers, demo in rows:
        shown = disclose(int(seekers))
        # A ratio over a suppressed count would reveal it, so it is suppressed too.
        ratio = tension_ratio(int(vacancies), shown) if shown is not None else None
        cls = tension_class(int(vacancies), shown) if shown is not None else None
        summaries.append(
            RegionSummary(code, name, period, int(vacancies), shown, ratio, cls, bool(demo))
        )
    return summaries
