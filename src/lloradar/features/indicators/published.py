"""Reading the published indicator table (`published_indicator`, migration 014): the one place
outside the radar where its SQL lives, for every surface that shows a tension figure (the demo
summary, the career navigator, the alerts, the employer view).

A published cell is one area (arbeidsmarktregio, provincie or the country) x occupation (or
`ALL_OCCUPATIONS`, the area's all-occupations total) x month, exactly as the publication step
(`publish.py`) wrote it: a hidden count is None and named in `hidden`, and every value that
would give it back (ratio, class, rank) is None too. Nothing here discloses or recomputes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from lloradar.analytics.indicators import ALL_OCCUPATIONS
from lloradar.domain import TensionClass
from lloradar.store import Store

__all__ = [
    "ALL_OCCUPATIONS",
    "PublishedCell",
    "latest_published_cells",
    "latest_published_period",
    "published_cells",
]

_COLUMNS = (
    "region_code, region_level, occupation_id, period, open_vacancies, job_seekers_short, "
    "interested, experienced, tension_ratio, tension_class, tension_rank, hidden, flags, "
    "is_demo, run_id"
)
_PAIRS_PER_QUERY = 200  # region x occupation pairs per query of `latest_published_cells`


@dataclass(frozen=True, slots=True)
class PublishedCell:
    """One published row. Counts of people are None when hidden (see `hidden`) or not
    reported by the source; open vacancies are None only when not reported."""

    region_code: str
    region_level: str
    occupation_id: str  # an occupation id, or ALL_OCCUPATIONS
    period: date
    open_vacancies: int | None
    job_seekers_short: int | None
    interested: int | None
    experienced: int | None
    tension_ratio: float | None
    tension_class: str | None
    tension_rank: int | None
    hidden: str  # the hidden counts, space-separated ("job_seekers_short interested")
    flags: str
    is_demo: bool
    run_id: str

    @property
    def tension(self) -> TensionClass | None:
        return TensionClass(self.tension_class) if self.tension_class else None

    @property
    def is_total(self) -> bool:
        """The area's all-occupations total."""
        return self.occupation_id == ALL_OCCUPATIONS

    def is_hidden(self, measure: str) -> bool:
        """`measure` (a count of people) is hidden by disclosure control."""
        return measure in self.hidden.split()

    def reported(self, measure: str) -> bool:
        """`measure` has a figure, shown or hidden (None without `is_hidden`: not reported)."""
        return getattr(self, measure) is not None or self.is_hidden(measure)


def _cell(row: tuple[Any, ...]) -> PublishedCell:
    (region, level, occupation, period, vacancies, short, interested, experienced) = row[:8]
    ratio, cls, rank, hidden, flags, is_demo, run_id = row[8:15]
    return PublishedCell(
        str(region),
        str(level),
        str(occupation),
        period,
        _int(vacancies),
        _int(short),
        _int(interested),
        _int(experienced),
        None if ratio is None else float(ratio),
        None if cls is None else str(cls),
        _int(rank),
        str(hidden or ""),
        str(flags or ""),
        bool(is_demo),
        str(run_id),
    )


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _where(
    period: date | None,
    region_level: str | None,
    occupation_id: str | None,
    region_code: str | None,
) -> tuple[str, list[Any]]:
    tests, params = [], []
    for column, value in (
        ("period", period),
        ("region_level", region_level),
        ("occupation_id", occupation_id),
        ("region_code", region_code),
    ):
        if value is not None:
            tests.append(f"{column} = ?")
            params.append(value)
    return (f" WHERE {' AND '.join(tests)}" if tests else ""), params


def latest_published_period(
    store: Store,
    *,
    region_level: str | None = None,
    occupation_id: str | None = None,
    region_code: str | None = None,
) -> date | None:
    """The newest published month (of the given area, level and occupation); None when none."""
    where, params = _where(None, region_level, occupation_id, region_code)
    value = store.query(f"SELECT max(period) FROM published_indicator{where}", params)[0][0]
    return value if isinstance(value, date) else None


def published_cells(
    store: Store,
    *,
    period: date | None = None,
    region_level: str | None = None,
    occupation_id: str | None = None,
    region_code: str | None = None,
) -> list[PublishedCell]:
    """The published cells matching every given key, by area, occupation and month."""
    where, params = _where(period, region_level, occupation_id, region_code)
    rows = store.query(
        f"SELECT {_COLUMNS} FROM published_indicator{where} "
        "ORDER BY region_code, occupation_id, period",
        params,
    )
    return [_cell(r) for r in rows]


def latest_published_cells(
    store: Store, pairs: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], PublishedCell]:
    """The newest published cell of each (area code, occupation id) pair that has one."""
    wanted = sorted(set(pairs))
    found: dict[tuple[str, str], PublishedCell] = {}
    for start in range(0, len(wanted), _PAIRS_PER_QUERY):
        chunk = wanted[start : start + _PAIRS_PER_QUERY]
        tests = " OR ".join("(region_code = ? AND occupation_id = ?)" for _ in chunk)
        rows = store.query(
            f"SELECT {_COLUMNS} FROM (SELECT {_COLUMNS}, row_number() OVER ("
            "PARTITION BY region_code, occupation_id ORDER BY period DESC) AS newest "
            f"FROM published_indicator WHERE {tests}) latest WHERE newest = 1",
            [value for pair in chunk for value in pair],
        )
        for row in rows:
            cell = _cell(row)
            found[(cell.region_code, cell.occupation_id)] = cell
    return found
