"""The skill profile page's data: a skill with the occupations that need it, fuzzy skill
suggestions and the regional demand for one skill. The skill models (similarity, extraction)
live in the skills feature's service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from lloradar.features.indicators.radar import RadarData
from lloradar.services.request_store import Store
from lloradar.services.suggest import closest

__all__ = [
    "skill_profile",
    "suggest_skills",
]


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
