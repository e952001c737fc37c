"""Use-cases of the course catalogue: import a catalogue file or address (schema.org Course
JSON-LD or CSV, docs/courses-format.md), load the labelled demo catalogue, list courses
(by skill and region, paginated) and find the courses that teach given skills."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from lloradar.analytics.navigator import CourseRef
from lloradar.domain import Provenance
from lloradar.features.ingest.service import read_target, store_extractor
from lloradar.pipeline.courses import load_courses
from lloradar.pipeline.save import LoadReport
from lloradar.pipeline.sources_load import SkillExtractor
from lloradar.sources.courses import parse_courses
from lloradar.store import Store

DEMO_CATALOGUE = (
    Path(__file__).resolve().parents[4] / "examples" / "courses" / "demo-catalogue.jsonld"
)
DEMO_LICENCE = "CC0 1.0 (demo catalogue: invented courses, not a real offer)"
LICENCE = "as published by the course provider"
PER_SKILL = 3


def course_provenance(target: str, data: bytes, *, is_demo: bool) -> Provenance:
    return Provenance(
        source="course catalogue (schema.org Course / CSV)",
        table=Path(target).name if "://" not in target else target,
        url=target,
        retrieved_at=datetime.now(UTC).replace(tzinfo=None),
        licence=DEMO_LICENCE if is_demo else LICENCE,
        checksum=Provenance.checksum_of(data),
        note="DEMO catalogue: invented courses and providers, shown as demo data"
        if is_demo
        else "",
        is_demo=is_demo,
    )


def import_courses(
    store: Store,
    target: str,
    *,
    is_demo: bool = False,
    use_skills_engine: bool = True,
    fmt: str | None = None,
    matcher: SkillExtractor | None = None,
    transport: httpx.BaseTransport | None = None,
) -> LoadReport:
    """Import a catalogue (path or http(s) URL). Skill texts that no identifier or label links
    go through the skills engine when an ESCO taxonomy is imported (or `matcher` is given)."""
    data = read_target(target, transport)
    parsed = parse_courses(data, target, fmt=fmt)
    if matcher is None and use_skills_engine:
        matcher, _ = store_extractor(store)
    return load_courses(
        store, parsed, course_provenance(target, data, is_demo=is_demo), matcher=matcher
    )


def load_demo_catalogue(store: Store) -> list[LoadReport]:
    """The labelled demo catalogue of examples/courses (nothing when the file is not there, as
    in an installed package without the repository's examples)."""
    if not DEMO_CATALOGUE.is_file():
        return []
    return [import_courses(store, str(DEMO_CATALOGUE), is_demo=True, use_skills_engine=False)]


@dataclass(frozen=True, slots=True)
class CoursePage:
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


def _filter(skill: str | None, region: str | None) -> tuple[str, list[Any]]:
    where, params = [], []
    if skill:
        where.append(
            "c.course_id IN (SELECT course_id FROM course_skill WHERE skill_id = ? "
            "AND relation = 'teaches')"
        )
        params.append(skill)
    if region:
        where.append(
            "c.course_id IN (SELECT course_id FROM course_instance WHERE region_code = ? "
            "OR lower(mode) = 'online')"
        )
        params.append(region)
    return (" WHERE " + " AND ".join(where) if where else ""), params


def list_courses(
    store: Store,
    *,
    skill: str | None = None,
    region: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> CoursePage:
    """Courses by name, optionally those teaching `skill` or given in `region` (or online)."""
    where, params = _filter(skill, region)
    total = int(store.query(f"SELECT count(*) FROM course c{where}", params)[0][0])
    rows = store.query_dicts(
        "SELECT c.course_id, c.name, c.description, c.provider, c.url, c.language, c.credential, "
        "c.prerequisites, c.workload, c.price_eur, coalesce(p.is_demo, FALSE) AS is_demo "
        f"FROM course c LEFT JOIN provenance p ON p.source_id = c.source_id{where} "
        "ORDER BY lower(c.name), c.course_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    ids = [r["course_id"] for r in rows]
    skills, instances = _skills_of(store, ids), _instances_of(store, ids)
    for row in rows:
        row["is_demo"] = bool(row["is_demo"])
        row["skills"] = skills.get(row["course_id"], [])
        row["instances"] = instances.get(row["course_id"], [])
    return CoursePage(total, limit, offset, rows)


def _marks(ids: Sequence[str]) -> str:
    return ", ".join("?" * len(ids))


def _skills_of(store: Store, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    if not ids:
        return {}
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.query_dicts(
        "SELECT cs.course_id, cs.skill_id AS uri, coalesce(s.label_en, t.label_en, cs.skill_id) "
        "AS label_en, coalesce(s.label_nl, t.label_nl) AS label_nl, cs.relation, cs.method, "
        "cs.score FROM course_skill cs LEFT JOIN skill s ON s.id = cs.skill_id "
        "LEFT JOIN taxonomy_concept t ON t.id = cs.skill_id "
        f"WHERE cs.course_id IN ({_marks(ids)}) ORDER BY cs.relation DESC, 3",
        list(ids),
    ):
        found[row.pop("course_id")].append({**row, "score": round(float(row["score"]), 4)})
    return found


def _instances_of(store: Store, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    if not ids:
        return {}
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.query_dicts(
        "SELECT course_id, start_date, end_date, mode, location, region_code FROM course_instance "
        f"WHERE course_id IN ({_marks(ids)}) ORDER BY course_id, seq",
        list(ids),
    ):
        course = row.pop("course_id")
        for key in ("start_date", "end_date"):
            row[key] = row[key].isoformat() if row[key] is not None else None
        found[course].append(row)
    return found


def courses_for_skills(
    store: Store, uris: Sequence[str], region: str | None = None, per_skill: int = PER_SKILL
) -> dict[str, list[CourseRef]]:
    """Per skill, up to `per_skill` courses that teach it: given in `region` first, then
    online, then elsewhere; earlier start first."""
    if not uris:
        return {}
    rows = store.query(
        "SELECT cs.skill_id, c.course_id, c.name, c.provider, i.region_code, i.start_date, i.mode "
        "FROM course_skill cs JOIN course c ON c.course_id = cs.course_id "
        "LEFT JOIN course_instance i ON i.course_id = c.course_id "
        f"WHERE cs.relation = 'teaches' AND cs.skill_id IN ({_marks(uris)})",
        list(uris),
    )

    def rank(row: tuple[Any, ...]) -> tuple[int, str, str]:
        place = (
            0 if region and row[4] == region else 1 if str(row[6] or "").lower() == "online" else 2
        )
        return place, str(row[5] or "9999"), str(row[2]).lower()

    found: dict[str, list[CourseRef]] = defaultdict(list)
    for row in sorted(rows, key=rank):
        refs = found[str(row[0])]
        if len(refs) < per_skill and all(r.course_id != row[1] for r in refs):
            refs.append(CourseRef(str(row[1]), str(row[2]), str(row[3]), row[4], row[5]))
    return dict(found)
