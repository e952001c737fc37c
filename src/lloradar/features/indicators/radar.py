"""The radar's figures for the web and the API, read once from the store and kept in memory.

`tension_facts` is the one place that reads the labour-market facts; when the Ibis indicators of
`services.indicators` cover the same figures it can be swapped for them without touching an edge.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lloradar.analytics.disclosure import disclose
from lloradar.analytics.tension import tension_ratio
from lloradar.domain import Region, RegionLevel, TensionClass
from lloradar.services.regions import list_regions, region_choices
from lloradar.services.suggest import closest
from lloradar.store import Store, open_store

Key = tuple[
    str | None, str | None
]  # (region code or None for the country, occupation slug or None)


@dataclass(frozen=True, slots=True)
class OccupationRef:
    id: str
    slug: str
    label_nl: str
    label_en: str
    isco_code: str | None

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_nl


@dataclass(frozen=True, slots=True)
class Figures:
    """Vacancies and short-term job seekers of one cell; job seekers under 10 are suppressed."""

    period: date
    vacancies: int
    job_seekers: int | None
    is_demo: bool

    @property
    def ratio(self) -> float | None:
        # A ratio over a suppressed count would reveal it, so it is suppressed too.
        return None if self.job_seekers is None else tension_ratio(self.vacancies, self.job_seekers)

    @property
    def tension(self) -> TensionClass | None:
        return TensionClass.from_ratio(self.ratio)


@dataclass(frozen=True, slots=True)
class Source:
    source: str
    table: str
    url: str
    licence: str
    retrieved_at: datetime
    is_demo: bool


@dataclass(frozen=True, slots=True)
class Fact:
    region: str
    occupation: str
    period: date
    vacancies: int
    job_seekers: int
    is_demo: bool


def tension_facts(store: Store) -> list[Fact]:
    """Monthly open vacancies and short-term job seekers per region x occupation."""
    rows = store.query(
        """
        SELECT v.region_code, v.occupation_id, v.period, v.open_vacancies,
               coalesce(s.job_seekers_short, 0),
               coalesce(pv.is_demo, FALSE) OR coalesce(ps.is_demo, FALSE)
        FROM vacancy_stats v
        LEFT JOIN labour_supply s ON s.region_code = v.region_code
             AND s.occupation_id = v.occupation_id AND s.period = v.period
        LEFT JOIN provenance pv ON pv.source_id = v.source_id
        LEFT JOIN provenance ps ON ps.source_id = s.source_id
        """
    )
    return [Fact(r[0], r[1], r[2], int(r[3] or 0), int(r[4]), bool(r[5])) for r in rows]


def occupation_slug(occupation_id: str) -> str:
    """The last path segment of an ESCO URI (a UUID), or the id itself."""
    return occupation_id.rstrip("/").rsplit("/", 1)[-1]


@dataclass
class RadarData:
    regions: list[Region]
    occupations: list[OccupationRef]
    periods: list[date]
    geometry: dict[str, dict[str, Any]]
    sources: list[Source]
    skills: dict[str, list[tuple[str, str, str]]]
    # (region, occupation) -> period -> (vacancies, job seekers, demo); None means all of them
    _cells: dict[Key, dict[date, tuple[int, int, bool]]] = field(default_factory=dict)

    @property
    def latest(self) -> date | None:
        return self.periods[-1] if self.periods else None

    @property
    def is_demo(self) -> bool:
        return any(s.is_demo for s in self.sources)

    def region(self, code: str) -> Region | None:
        return next((r for r in self.regions if r.code == code.upper()), None)

    def occupation(self, slug: str) -> OccupationRef | None:
        return next((o for o in self.occupations if slug in (o.slug, o.id)), None)

    def figures(self, region: str | None, occupation: str | None, period: date) -> Figures | None:
        value = self._cells.get((region, occupation), {}).get(period)
        if value is None:
            return None
        return Figures(period, value[0], disclose(value[1]), value[2])

    def series(self, region: str | None, occupation: str | None) -> list[Figures]:
        cells = self._cells.get((region, occupation), {})
        return [Figures(p, v, disclose(s), d) for p, (v, s, d) in sorted(cells.items())]

    def by_region(self, occupation: str | None, period: date) -> list[tuple[Region, Figures]]:
        found = ((r, self.figures(r.code, occupation, period)) for r in self.regions)
        return [(r, f) for r, f in found if f is not None]

    def by_occupation(
        self, region: str | None, period: date
    ) -> list[tuple[OccupationRef, Figures]]:
        found = ((o, self.figures(region, o.slug, period)) for o in self.occupations)
        return [(o, f) for o, f in found if f is not None]

    def suggest_regions(self, text: str, limit: int = 3) -> list[Region]:
        by_code = {r.code: r for r in self.regions}
        return [by_code[code] for code, _ in closest(text, region_choices(self.regions), limit)]

    def suggest_occupations(self, text: str, limit: int = 3) -> list[OccupationRef]:
        by_slug = {o.slug: o for o in self.occupations}
        choices = [(o.slug, label) for o in self.occupations for label in (o.label_nl, o.label_en)]
        return [by_slug[slug] for slug, _ in closest(text, choices, limit)]


def _aggregate(facts: Iterable[Fact]) -> dict[Key, dict[date, tuple[int, int, bool]]]:
    """Sum the facts at every level at once: region x occupation, region, occupation, country."""
    cells: dict[Key, dict[date, list[Any]]] = defaultdict(dict)
    for f in facts:
        slug = occupation_slug(f.occupation)
        for key in ((f.region, slug), (f.region, None), (None, slug), (None, None)):
            cell = cells[key].setdefault(f.period, [0, 0, False])
            cell[0] += f.vacancies
            cell[1] += f.job_seekers
            cell[2] = cell[2] or f.is_demo
    return {k: {p: (c[0], c[1], c[2]) for p, c in v.items()} for k, v in cells.items()}


def load_radar_data(store: Store) -> RadarData:
    """Everything the pages show; the demo world fits in a few megabytes."""
    occupations = [
        OccupationRef(r[0], occupation_slug(r[0]), r[2] or r[1], r[1], r[3])
        for r in store.query(
            "SELECT o.id, o.label_en, o.label_nl, o.isco_code FROM occupation o "
            "WHERE o.id IN (SELECT DISTINCT occupation_id FROM vacancy_stats) ORDER BY o.label_nl"
        )
    ]
    geometry: dict[str, dict[str, Any]] = {}
    for code, _year, text in store.query(
        "SELECT code, year, geojson FROM region_geometry WHERE code LIKE 'AM%' ORDER BY year"
    ):
        geometry[code] = json.loads(text)  # the latest year wins
    sources = [
        Source(r[0], r[1], r[2], r[3], r[4], bool(r[5]))
        for r in store.query(
            "SELECT source, source_table, url, licence, retrieved_at, is_demo FROM provenance "
            "WHERE source_id IN (SELECT source_id FROM vacancy_stats UNION "
            "SELECT source_id FROM labour_supply UNION SELECT source_id FROM occupation UNION "
            "SELECT source_id FROM region_geometry) ORDER BY source"
        )
    ]
    skills: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for occupation_id, label_nl, label_en, relation in store.query(
        "SELECT os.occupation_id, s.label_nl, s.label_en, os.relation FROM occupation_skill os "
        "JOIN skill s ON s.id = os.skill_id ORDER BY os.relation, s.label_en"
    ):
        skills[occupation_slug(occupation_id)].append((label_nl or label_en, label_en, relation))
    cells = _aggregate(tension_facts(store))
    periods = sorted(cells.get((None, None), {}))
    return RadarData(
        regions=list_regions(store, RegionLevel.ARBEIDSMARKTREGIO),
        occupations=occupations,
        periods=periods,
        geometry=geometry,
        sources=sources,
        skills=dict(skills),
        _cells=cells,
    )


def indicator_rows(
    data: RadarData,
    region: str | None,
    occupation: str | None,
    period_from: date | None,
    period_to: date | None,
) -> list[dict[str, Any]]:
    """Monthly tension rows for one region (or every region) and one occupation (or all)."""
    codes = [region] if region else [r.code for r in data.regions]
    names = {r.code: r.name for r in data.regions}
    rows = []
    for code in codes:
        for f in data.series(code, occupation):
            if (period_from and f.period < period_from) or (period_to and f.period > period_to):
                continue
            rows.append(
                {
                    "region": code,
                    "region_name": names.get(code, code),
                    "occupation": occupation or "all",
                    "period": f.period.strftime("%Y-%m"),
                    "open_vacancies": f.vacancies,
                    "job_seekers_short": f.job_seekers,
                    "ratio": None if f.ratio is None else round(f.ratio, 3),
                    "tension_class": None if f.tension is None else f.tension.value,
                    "is_demo": f.is_demo,
                }
            )
    return rows


_LOADED: dict[str, RadarData] = {}


def radar_for_store(url: str) -> RadarData:
    """Load once per store URL for the life of the process; the store is closed afterwards."""
    if url not in _LOADED:
        store = open_store(url)
        try:
            _LOADED[url] = load_radar_data(store)
        finally:
            store.close()
    return _LOADED[url]


def loaded_from(data: object) -> str | None:
    """The store URL `data` was loaded from by `radar_for_store`, if it was."""
    return next((url for url, loaded in _LOADED.items() if loaded is data), None)
