"""The radar's figures for the web and the API, read once from the store and kept in memory.

They are the published indicator table and nothing else (`published_figures`): the output of the
latest indicator run after the publication step (features/indicators/publish.py), with every
hidden count and every value that would give one away already hidden. Nothing here recomputes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lloradar.analytics.indicators import ALL_OCCUPATIONS
from lloradar.analytics.indicators.cells import COUNTRY_CODE
from lloradar.domain import Region, RegionLevel, TensionClass
from lloradar.features.indicators.published import published_cells
from lloradar.features.indicators.tension import ensure_indicators
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
    """The published figures of one cell: open vacancies, short-term job seekers and their ratio
    and class. A hidden count is None and `hidden` names the hidden counts (space-separated):
    fewer than 10 people, or shown it would give such a count away (one reason for both: see
    features/indicators/publish.py)."""

    period: date
    vacancies: int
    job_seekers: int | None
    is_demo: bool
    ratio: float | None = None
    tension_class: str | None = None
    hidden: str = ""
    run_id: str = ""
    interested: int | None = None
    experienced: int | None = None

    @property
    def tension(self) -> TensionClass | None:
        return TensionClass(self.tension_class) if self.tension_class else None

    @property
    def job_seekers_hidden(self) -> bool:
        """The job-seeker count is hidden by disclosure control (not merely unreported)."""
        return "job_seekers_short" in self.hidden.split()


@dataclass(frozen=True, slots=True)
class IndicatorRun:
    """The indicator run the published figures come from."""

    run_id: str
    engine: str
    started_at: datetime


@dataclass(frozen=True, slots=True)
class Source:
    source: str
    table: str
    url: str
    licence: str
    retrieved_at: datetime
    is_demo: bool


def published_figures(store: Store) -> list[tuple[str, str, Figures]]:
    """Every published cell: (area code, occupation id or "all", figures)."""
    return [
        (
            c.region_code,
            c.occupation_id,
            Figures(
                c.period,
                c.open_vacancies or 0,
                c.job_seekers_short,
                c.is_demo,
                c.tension_ratio,
                c.tension_class,
                c.hidden,
                c.run_id,
                c.interested,
                c.experienced,
            ),
        )
        for c in published_cells(store)
    ]


def occupation_slug(occupation_id: str) -> str:
    """The last path segment of an ESCO URI (a UUID), or the id itself."""
    return occupation_id.rstrip("/").rsplit("/", 1)[-1]


@dataclass
class RadarData:
    regions: list[Region]  # the arbeidsmarktregio's
    occupations: list[OccupationRef]
    periods: list[date]
    geometry: dict[str, dict[str, Any]]
    sources: list[Source]
    skills: dict[str, list[tuple[str, str, str]]]
    # (area, occupation) -> period -> published figures; None means the country / all of them
    _cells: dict[Key, dict[date, Figures]] = field(default_factory=dict)
    run: IndicatorRun | None = None
    areas: list[Region] = field(default_factory=list)  # the provincies and the country
    store_url: str | None = None  # where `radar_for_store` loaded it from
    unfinished: list[str] = field(default_factory=list)  # builds that did not finish (demo)

    @property
    def latest(self) -> date | None:
        return self.periods[-1] if self.periods else None

    @property
    def is_demo(self) -> bool:
        return any(s.is_demo for s in self.sources)

    def region(self, code: str) -> Region | None:
        return next((r for r in self.regions if r.code == code.upper()), None)

    def area(self, code: str) -> Region | None:
        """A region, provincie or the country (NL01) by code."""
        wanted = code.upper()
        return next((r for r in [*self.regions, *self.areas] if r.code == wanted), None)

    def level(self, level: RegionLevel) -> list[Region]:
        return [r for r in [*self.regions, *self.areas] if r.level == level]

    def occupation(self, slug: str) -> OccupationRef | None:
        return next((o for o in self.occupations if slug in (o.slug, o.id)), None)

    def figures(self, region: str | None, occupation: str | None, period: date) -> Figures | None:
        return self._cells.get((region, occupation), {}).get(period)

    def series(self, region: str | None, occupation: str | None) -> list[Figures]:
        cells = self._cells.get((region, occupation), {})
        return [cells[p] for p in sorted(cells)]

    def by_region(
        self,
        occupation: str | None,
        period: date,
        level: RegionLevel = RegionLevel.ARBEIDSMARKTREGIO,
    ) -> list[tuple[Region, Figures]]:
        """The published figures of every area of `level` (the arbeidsmarktregio's by default)."""
        found = ((r, self.figures(cell_key(r.code), occupation, period)) for r in self.level(level))
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


def _cells(published: Iterable[tuple[str, str, Figures]]) -> dict[Key, dict[date, Figures]]:
    """The published cells by (area code or None for the country, slug or None for all)."""
    cells: dict[Key, dict[date, Figures]] = defaultdict(dict)
    for region, occupation, figures in published:
        key = (
            None if region == COUNTRY_CODE else region,
            None if occupation == ALL_OCCUPATIONS else occupation_slug(occupation),
        )
        cells[key][figures.period] = figures
    return cells


def load_radar_data(store: Store) -> RadarData:
    """Everything the pages show; the demo world fits in a few megabytes."""
    ensure_indicators(store)
    occupations = [
        OccupationRef(r[0], occupation_slug(r[0]), r[2] or r[1], r[1], r[3])
        for r in store.query(
            "SELECT o.id, o.label_en, o.label_nl, o.isco_code FROM occupation o "
            "WHERE o.id IN (SELECT DISTINCT occupation_id FROM published_indicator) ORDER BY o.label_nl"
        )
    ]
    geometry: dict[str, dict[str, Any]] = {}
    for code, _year, text in store.query(
        "SELECT code, year, geojson FROM region_geometry "
        "WHERE code LIKE 'AM%' OR code LIKE 'PV%' ORDER BY year"
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
    cells = _cells(published_figures(store))
    runs = store.query(
        "SELECT run_id, engine, started_at FROM indicator_run WHERE run_id IN "
        "(SELECT run_id FROM published_indicator LIMIT 1)"
    )
    periods = sorted(cells.get((None, None), {}))
    return RadarData(
        regions=list_regions(store, RegionLevel.ARBEIDSMARKTREGIO),
        areas=list_regions(store, RegionLevel.PROVINCIE) + list_regions(store, RegionLevel.LAND),
        occupations=occupations,
        periods=periods,
        geometry=geometry,
        sources=sources,
        skills=dict(skills),
        _cells=cells,
        run=IndicatorRun(*runs[0]) if runs else None,
        unfinished=[
            str(r[0]) for r in store.query("SELECT name FROM build_state WHERE state = 'building'")
        ],
    )


def cell_key(code: str | None) -> str | None:
    """The key of an area's cells: the country's are stored under None."""
    return None if code is None or code.upper() == COUNTRY_CODE else code.upper()


def indicator_rows(
    data: RadarData,
    region: str | None,
    occupation: str | None,
    period_from: date | None,
    period_to: date | None,
    level: RegionLevel = RegionLevel.ARBEIDSMARKTREGIO,
) -> list[dict[str, Any]]:
    """Monthly published rows for one area (or every area of `level`) and one occupation (or
    all together), with why a hidden count is hidden."""
    areas = [data.area(region)] if region else data.level(level)
    rows = []
    for area in areas:
        if area is None:
            continue
        for f in data.series(cell_key(area.code), occupation):
            if (period_from and f.period < period_from) or (period_to and f.period > period_to):
                continue
            rows.append(
                {
                    "region": area.code,
                    "region_name": area.name,
                    "region_level": area.level.value,
                    "occupation": occupation or ALL_OCCUPATIONS,
                    "period": f.period.strftime("%Y-%m"),
                    "open_vacancies": f.vacancies,
                    "job_seekers_short": f.job_seekers,
                    "interested": f.interested,
                    "experienced": f.experienced,
                    "ratio": None if f.ratio is None else round(f.ratio, 3),
                    "tension_class": f.tension_class,
                    "hidden": f.hidden,
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
            _LOADED[url].store_url = url
        finally:
            store.close()
    return _LOADED[url]
