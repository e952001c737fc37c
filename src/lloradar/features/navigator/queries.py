"""The navigator feature's SQL: the occupation-skill graph and its fingerprint, skill and region
labels, the demo mark, and what the forms offer. A region's tension comes published from the
indicators' service (see `opportunities`); ranking is the service's job, not this module's."""

from __future__ import annotations

from typing import Any

from lloradar.analytics.navigator import OccupationSkills, SkillLabel
from lloradar.store import Store


def graph_fingerprint(store: Store) -> tuple[Any, ...]:
    """Cheap counts that change when the occupation-skill graph or the skills change."""
    parts: list[Any] = [store.url]
    for sql in (
        "SELECT count(*), count(DISTINCT source_id), min(source_id), max(source_id) "
        "FROM occupation_skill",
        "SELECT count(*), min(source_id), max(source_id) FROM occupation",
        "SELECT count(*), min(source_id), max(source_id) FROM skill",
        "SELECT count(*), max(source_id) FROM taxonomy_concept WHERE type = 'esco_skill'",
    ):
        parts.extend(store.query(sql)[0])
    return tuple(parts)


def occupation_graph(store: Store) -> list[OccupationSkills]:
    """Every occupation with at least one skill, with its essential and optional skills."""
    essential: dict[str, list[str]] = {}
    optional: dict[str, list[str]] = {}
    for occupation, skill, relation in store.query(
        "SELECT occupation_id, skill_id, relation FROM occupation_skill ORDER BY 1, 2"
    ):
        (essential if relation == "essential" else optional).setdefault(occupation, []).append(
            skill
        )
    return [
        OccupationSkills(
            str(uri),
            str(en or uri),
            nl,
            tuple(essential.get(uri, ())),
            tuple(optional.get(uri, ())),
        )
        for uri, en, nl in store.query("SELECT id, label_en, label_nl FROM occupation ORDER BY id")
        if uri in essential or uri in optional
    ]


def skill_labels(store: Store) -> dict[str, SkillLabel]:
    """The label of every skill: of the radar's skills, else of the imported taxonomy."""
    labels = {
        str(uri): SkillLabel(str(en), nl)
        for uri, en, nl in store.query(
            "SELECT id, label_en, label_nl FROM taxonomy_concept WHERE type = 'esco_skill'"
        )
    }
    for uri, en, nl in store.query("SELECT id, label_en, label_nl FROM skill"):
        labels[str(uri)] = SkillLabel(str(en or uri), nl or labels.get(str(uri), SkillLabel("")).nl)
    return labels


def region_name(store: Store, region: str) -> str | None:
    """The name of an arbeidsmarktregio (labour market region), or None for another code."""
    found = store.query(
        "SELECT name FROM region WHERE code = ? AND level = 'arbeidsmarktregio'", [region]
    )
    return str(found[0][0]) if found else None


def labour_market_regions(store: Store) -> list[tuple[str, str]]:
    """(code, name) of every arbeidsmarktregio, by code."""
    return [
        (str(c), str(n))
        for c, n in store.query(
            "SELECT code, name FROM region WHERE level = 'arbeidsmarktregio' ORDER BY code"
        )
    ]


def has_demo_rows(store: Store) -> bool:
    """Whether the vacancies, occupations or courses the navigator reads include demo rows."""
    found = store.query(
        "SELECT 1 FROM provenance WHERE is_demo AND source_id IN "
        "(SELECT source_id FROM vacancy_stats UNION SELECT source_id FROM occupation "
        "UNION SELECT source_id FROM course) LIMIT 1"
    )
    return bool(found)


def essential_skills(store: Store, occupation: str) -> list[str]:
    """The essential skill ids of an occupation, sorted (empty for an unknown occupation)."""
    rows = store.query(
        "SELECT skill_id FROM occupation_skill WHERE occupation_id = ? AND relation = 'essential' "
        "ORDER BY skill_id",
        [occupation],
    )
    return [str(r[0]) for r in rows]


def taught_skills(store: Store) -> list[str]:
    """The skill ids some course teaches."""
    return [str(r[0]) for r in store.query("SELECT DISTINCT skill_id FROM course_skill")]
