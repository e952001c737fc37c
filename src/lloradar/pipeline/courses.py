"""Load a course catalogue: link each course's skills to the taxonomy, place its instances in an
arbeidsmarktregio, quarantine what cannot be linked or placed, and save in one transaction.

A skill is linked, in this order, by an identifier the catalogue gave that the store knows
(method 'identifier', score 1), by an exact preferred or alternative label in Dutch or English
('label', score 1), or by the skills engine when one is given ('skills engine', its score, at
least `MIN_SCORE`). A skill text that none of them links is quarantined with its line and field
(e.g. 'teaches[2]'); the course itself is stored with the skills that did link. Loading the
same bytes again changes nothing; a course loaded again from a newer file gets its instances
and skills replaced, so a skill removed from the catalogue disappears."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lloradar.domain import ARBEIDSMARKTREGIO_CODES, Parsed, Provenance, QuarantineEntry
from lloradar.domain.course import Course, LinkMethod, SkillLink, SkillRef, SkillRelation
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.pipeline.sources_load import SkillExtractor, region_lookup
from lloradar.store import Store

# Measured on ESCO with Dutch skill texts: right answers scored 0.69-0.79 and above, wrong
# first answers and nonsense up to 0.60.
MIN_SCORE = 0.65
DESCRIPTION_TOP = 3
COURSE_COLUMNS = [
    "course_id", "name", "description", "provider", "url", "language", "credential",
    "prerequisites", "workload", "price_eur",
]  # fmt: skip
INSTANCE_COLUMNS = ["course_id", "seq", "start_date", "end_date", "mode", "location", "region_code"]
SKILL_COLUMNS = ["course_id", "skill_id", "relation", "method", "score"]


@dataclass(frozen=True, slots=True)
class SkillIndex:
    """The skills a catalogue may link to: their ids and their labels (lower case)."""

    ids: frozenset[str]
    labels: dict[str, str]

    def by_identifier(self, ref: SkillRef) -> str | None:
        return next((i for i in ref.identifiers if i in self.ids), None)

    def by_label(self, ref: SkillRef) -> str | None:
        return self.labels.get(ref.text.strip().lower())


def skill_index(store: Store) -> SkillIndex:
    """Skills of the `skill` table (the demo world, ESCO subsets) and of the imported taxonomy,
    with preferred and alternative labels; a preferred label wins over an alternative one."""
    labels: dict[str, str] = {}
    ids: set[str] = set()
    alternatives: list[tuple[str, str]] = []
    for uri, label_en, label_nl in store.query("SELECT id, label_en, label_nl FROM skill"):
        ids.add(str(uri))
        for label in (label_en, label_nl):
            if label:
                labels.setdefault(str(label).lower(), str(uri))
    for uri, label_en, label_nl, alt, alt_nl in store.query(
        "SELECT c.id, c.label_en, c.label_nl, c.alt_labels, n.alt_labels FROM taxonomy_concept c "
        "LEFT JOIN taxonomy_label_nl n ON n.id = c.id WHERE c.type = 'esco_skill'"
    ):
        ids.add(str(uri))
        for label in (label_en, label_nl):
            if label:
                labels.setdefault(str(label).lower(), str(uri))
        for text in (alt or "", alt_nl or ""):
            alternatives.extend((a.lower(), str(uri)) for a in text.split("\n") if a)
    for label, uri in alternatives:
        labels.setdefault(label, uri)
    return SkillIndex(frozenset(ids), labels)


def link_skills(
    courses: Sequence[Course], index: SkillIndex, matcher: SkillExtractor | None
) -> tuple[list[SkillLink], list[QuarantineEntry]]:
    """Every course's skills linked to the taxonomy, and the skill texts that could not be."""
    links: list[SkillLink] = []
    unlinked: list[tuple[Course, SkillRef]] = []
    for course in courses:
        for ref in course.skills:
            found = index.by_identifier(ref)
            if found:
                links.append(
                    SkillLink(course.course_id, found, ref.relation, LinkMethod.IDENTIFIER, 1.0)
                )
            elif found := index.by_label(ref):
                links.append(
                    SkillLink(course.course_id, found, ref.relation, LinkMethod.LABEL, 1.0)
                )
            else:
                unlinked.append((course, ref))
    best: list[list[tuple[str, float]]] = [[] for _ in unlinked]
    if matcher is not None and unlinked:
        best = matcher([ref.text for _, ref in unlinked])
    quarantine = []
    for (course, ref), matches in zip(unlinked, best, strict=True):
        top = max(matches, key=lambda pair: pair[1], default=None)
        if ref.text and top is not None and top[1] >= MIN_SCORE:
            links.append(
                SkillLink(course.course_id, top[0], ref.relation, LinkMethod.SKILLS_ENGINE, top[1])
            )
            continue
        tried = "identifier, label" + (" and skills engine" if matcher is not None else "")
        ids = f" (identifiers {', '.join(ref.identifiers)} unknown)" if ref.identifiers else ""
        quarantine.append(
            QuarantineEntry(
                course.line,
                ref.field,
                ref.text or ", ".join(ref.identifiers),
                f"is not a skill of the taxonomy in this store{ids}; tried {tried}",
            )
        )
    if matcher is not None:
        links.extend(_from_descriptions(courses, matcher))
    return _unique(links), quarantine


def _from_descriptions(courses: Sequence[Course], matcher: SkillExtractor) -> list[SkillLink]:
    """A course that names no skill it teaches gets them from its name and description."""
    silent = [c for c in courses if not c.teaches() and (c.description or c.name)]
    if not silent:
        return []
    found = matcher([f"{c.name}\n{c.description}" for c in silent])
    return [
        SkillLink(c.course_id, uri, SkillRelation.TEACHES, LinkMethod.SKILLS_ENGINE, score)
        for c, matches in zip(silent, found, strict=True)
        for uri, score in sorted(matches, key=lambda m: -m[1])[:DESCRIPTION_TOP]
        if score >= MIN_SCORE
    ]


def _unique(links: list[SkillLink]) -> list[SkillLink]:
    """One link per course x skill x relation: the strongest method (identifier first)."""
    order = {LinkMethod.IDENTIFIER: 0, LinkMethod.LABEL: 1, LinkMethod.SKILLS_ENGINE: 2}
    kept: dict[tuple[str, str, str], SkillLink] = {}
    for link in sorted(links, key=lambda k: (order[k.method], -k.score)):
        kept.setdefault((link.course_id, link.skill_id, link.relation.value), link)
    return list(kept.values())


def place_instances(
    courses: Sequence[Course], regions: frozenset[str], lookup: dict[str, str]
) -> tuple[list[Course], list[tuple[object, ...]], list[QuarantineEntry]]:
    """Instance rows with their arbeidsmarktregio (given, or from the place name); a course
    naming a region code that does not exist is quarantined whole."""
    kept: list[Course] = []
    rows: list[tuple[object, ...]] = []
    quarantine: list[QuarantineEntry] = []
    for course in courses:
        bad = next(
            (i for i in course.instances if i.region_code and i.region_code not in regions), None
        )
        if bad is not None and regions:
            quarantine.append(
                QuarantineEntry(
                    course.line,
                    "region",
                    str(bad.region_code),
                    f"is not an arbeidsmarktregio code of this store (expected {ARBEIDSMARKTREGIO_CODES})",
                )
            )
            continue
        kept.append(course)
        for seq, i in enumerate(course.instances, start=1):
            region = i.region_code or lookup.get(i.location.lower()) if i.location else None
            region = region or i.region_code
            rows.append(
                (course.course_id, seq, i.start_date, i.end_date, i.mode, i.location, region)
            )
    return kept, rows, quarantine


def course_row(c: Course) -> tuple[object, ...]:
    return (
        c.course_id, c.name, c.description, c.provider, c.url, c.language, c.credential,
        c.prerequisites, c.workload, c.price_eur,
    )  # fmt: skip


def load_courses(
    store: Store,
    parsed: Parsed[Course],
    provenance: Provenance,
    *,
    matcher: SkillExtractor | None = None,
) -> LoadReport:
    """Store the good courses with their instances and skill links, and quarantine the rest,
    all or nothing (a failure stores none of it and keeps what was stored before)."""
    regions = frozenset(
        str(r[0]) for r in store.query("SELECT code FROM region WHERE level = 'arbeidsmarktregio'")
    )
    courses, instance_rows, quarantine = place_instances(
        parsed.records, regions, region_lookup(store)
    )
    links, unlinked = link_skills(courses, skill_index(store), matcher)
    tables = [
        TableRows("course", COURSE_COLUMNS, ["course_id"], [course_row(c) for c in courses]),
        TableRows("course_instance", INSTANCE_COLUMNS, ["course_id", "seq"], instance_rows),
        TableRows(
            "course_skill",
            SKILL_COLUMNS,
            ["course_id", "skill_id", "relation"],
            [(k.course_id, k.skill_id, k.relation.value, k.method.value, k.score) for k in links],
        ),
    ]
    with store.transaction():
        for course in courses:
            store.execute("DELETE FROM course_instance WHERE course_id = ?", [course.course_id])
            store.execute("DELETE FROM course_skill WHERE course_id = ?", [course.course_id])
        return save_load(store, provenance, tables, [*parsed.quarantine, *quarantine, *unlinked])
