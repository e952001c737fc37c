"""Skills for the web app: occupation similarity, skill extraction and the skill profile, over
the store the radar was read from.

The models come from `services.skills_engine` when an ESCO taxonomy is imported; otherwise they
are built from the occupations and skills the demo world keeps (tables `occupation`, `skill`,
`occupation_skill`). Each is built lazily on first use and cached per store URL, never at start.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

from lloradar.analytics.extraction import Extractor, SkillEntry
from lloradar.analytics.similarity import OccupationProfile, SimilarityModel
from lloradar.domain import IngestError
from lloradar.features.indicators.radar import RadarData
from lloradar.features.skills import service as skills_engine
from lloradar.services.suggest import closest
from lloradar.services.web_store import Store, open_web_store

__all__ = [
    "SkillsUnavailable",
    "extract_from_text",
    "similar_to",
    "skill_profile",
    "suggest_skills",
]


class SkillsUnavailable(Exception):
    """The store holds no occupation-skill graph to build the model from."""


_LOCK = threading.Lock()
_SIMILARITY: dict[str, SimilarityModel] = {}
_EXTRACTOR: dict[str, Extractor] = {}


def _has_taxonomy(store: Store) -> bool:
    return bool(store.query("SELECT 1 FROM taxonomy_concept WHERE type = 'esco_skill' LIMIT 1"))


def _demo_similarity(store: Store) -> SimilarityModel:
    occupations = store.query(
        "SELECT id, label_en, description, isco_code FROM occupation ORDER BY id"
    )
    relations = store.query(
        "SELECT occupation_id, skill_id, relation FROM occupation_skill ORDER BY 1, 2"
    )
    if not occupations or not relations:
        raise SkillsUnavailable(
            "the store holds no occupations with skills (import ESCO: lloradar taxonomy import "
            "esco PATH, or build the demo world with ../shared/data present)"
        )
    essential: dict[str, list[str]] = {}
    optional: dict[str, list[str]] = {}
    for occupation, skill, relation in relations:
        target = essential if relation == "essential" else optional
        target.setdefault(occupation, []).append(skill)
    labels: dict[str, str] = dict(store.query("SELECT id, label_en FROM skill"))
    profiles = [
        OccupationProfile(
            uri,
            label or uri,
            description or "",
            isco,
            tuple(essential.get(uri, ())),
            tuple(optional.get(uri, ())),
        )
        for uri, label, description, isco in occupations
    ]
    return SimilarityModel(profiles, labels)


def _demo_extractor(store: Store) -> Extractor:
    rows = store.query("SELECT id, label_en, label_nl, description FROM skill ORDER BY id")
    if not rows:
        raise SkillsUnavailable(
            "the store holds no skills to extract (import ESCO: lloradar taxonomy import esco PATH)"
        )
    entries = [
        SkillEntry(uri, label_en or uri, label_nl, (), (), description or "")
        for uri, label_en, label_nl, description in rows
    ]
    return Extractor(entries)


def similarity_model(url: str) -> SimilarityModel:
    with _LOCK:
        if url not in _SIMILARITY:
            with open_web_store(url) as store:
                try:
                    if _has_taxonomy(store):
                        _SIMILARITY[url] = skills_engine.load_similarity_model(store)
                    else:
                        _SIMILARITY[url] = _demo_similarity(store)
                except IngestError as exc:
                    raise SkillsUnavailable(str(exc)) from exc
        return _SIMILARITY[url]


def extractor(url: str) -> Extractor:
    with _LOCK:
        if url not in _EXTRACTOR:
            with open_web_store(url) as store:
                try:
                    if _has_taxonomy(store):
                        _EXTRACTOR[url] = skills_engine.load_extractor(store)
                    else:
                        _EXTRACTOR[url] = _demo_extractor(store)
                except IngestError as exc:
                    raise SkillsUnavailable(str(exc)) from exc
        return _EXTRACTOR[url]


def resolve_occupation(url: str, key: str) -> str | None:
    """An occupation URI from a URI, the last part of one (the UUID) or a demo slug."""
    model = similarity_model(url)
    if key in model.index:
        return key
    for uri in model.index:
        if uri.rsplit("/", 1)[-1] == key:
            return uri
    return None


def similar_to(url: str, uri: str, top: int) -> list[dict[str, Any]]:
    """The `top` occupations most like `uri`, with the shared and missing skills."""
    return next(skills_engine.similar_occupations(similarity_model(url), [uri], top))


def extract_from_text(url: str, text: str, lang: str, top: int) -> list[dict[str, Any]]:
    """Skills in `text`: uri, label, score, span."""
    result = skills_engine.extract_skills(extractor(url), [text], lang, top)
    return list(result[0]["skills"])


@dataclass(frozen=True)
class SkillProfile:
    uri: str
    key: str
    label_nl: str | None
    label_en: str
    description: str
    skill_type: str | None
    essential: list[dict[str, Any]]
    optional: list[dict[str, Any]]


def skill_key(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


def skill_profile(store: Store, key: str) -> SkillProfile | None:
    """A skill by URI, UUID or exact label (en/nl) with the occupations needing it essentially
    and optionally."""
    rows = store.query_dicts(
        "SELECT id, label_en, label_nl, description, skill_type FROM skill "
        "WHERE id = ? OR id LIKE ? OR lower(label_en) = lower(?) OR lower(label_nl) = lower(?) "
        "ORDER BY id LIMIT 1",
        [key, f"%/{key}", key, key],
    )
    if not rows:
        return None
    skill = rows[0]
    occupations = store.query_dicts(
        "SELECT o.id, o.label_en, o.label_nl, o.isco_code, s.relation FROM occupation_skill s "
        "JOIN occupation o ON o.id = s.occupation_id WHERE s.skill_id = ? ORDER BY o.label_nl",
        [skill["id"]],
    )
    return SkillProfile(
        uri=skill["id"],
        key=skill_key(skill["id"]),
        label_nl=skill["label_nl"],
        label_en=skill["label_en"] or skill["id"],
        description=skill["description"] or "",
        skill_type=skill["skill_type"],
        essential=[o for o in occupations if o["relation"] == "essential"],
        optional=[o for o in occupations if o["relation"] != "essential"],
    )


def suggest_skills(store: Store, text: str, limit: int = 5) -> list[dict[str, Any]]:
    """The skills whose Dutch or English label (or key) is nearest to `text` (fuzzy match), for
    a 404 page with suggestions: dicts with id, key, label_en, label_nl, best first."""
    rows = store.query_dicts("SELECT id, label_en, label_nl FROM skill ORDER BY id")
    choices = [
        (r["id"], label)
        for r in rows
        for label in (r["label_nl"], r["label_en"], skill_key(r["id"]))
    ]
    by_id = {r["id"]: r for r in rows}
    return [{**by_id[uri], "key": skill_key(uri)} for uri, _ in closest(text, choices, limit)]


def regional_demand(
    data: RadarData, occupation_ids: list[str]
) -> tuple[date | None, list[tuple[str, str, int]], list[str]]:
    """Open vacancies in the latest month, per region, summed over the occupations that need a
    skill: (period, [(region code, region name, vacancies)] largest first, occupation slugs
    that have figures)."""
    period = data.latest
    slugs = [o.slug for o in data.occupations if o.id in occupation_ids]
    if period is None or not slugs:
        return period, [], slugs
    totals = []
    for region in data.regions:
        found = [data.figures(region.code, slug, period) for slug in slugs]
        vacancies = sum(f.vacancies for f in found if f is not None)
        totals.append((region.code, region.name, vacancies))
    totals.sort(key=lambda item: -item[2])
    return period, totals, slugs
