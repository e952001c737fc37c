"""A course (cursus / opleiding) of a catalogue: what it teaches and requires, who gives it, and
when and where it runs. Skills are referred to as the catalogue wrote them (`SkillRef`); the
pipeline links them to taxonomy skills."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class SkillRelation(StrEnum):
    TEACHES = "teaches"  # schema.org `teaches`
    REQUIRES = "requires"  # schema.org `competencyRequired` (and identified prerequisites)


class LinkMethod(StrEnum):
    """How a course was linked to a skill: by an identifier the catalogue gave, by an exact
    label, or by the skills engine (embeddings + lexicon) with its score."""

    IDENTIFIER = "identifier"
    LABEL = "label"
    SKILLS_ENGINE = "skills engine"


@dataclass(frozen=True, slots=True)
class SkillRef:
    """A skill as the catalogue names it: a text and the identifiers it gave (`@id`, `url`,
    `termCode`, `sameAs`), in the order given. `field` says where it stood, e.g. 'teaches[2]'."""

    text: str
    identifiers: tuple[str, ...]
    relation: SkillRelation
    field: str


@dataclass(frozen=True, slots=True)
class CourseInstance:
    """One run of a course (schema.org `CourseInstance`)."""

    start_date: date | None = None
    end_date: date | None = None
    mode: str = ""
    location: str = ""
    region_code: str | None = None


@dataclass(frozen=True, slots=True)
class Course:
    course_id: str
    name: str
    line: int
    description: str = ""
    provider: str = ""
    url: str = ""
    language: str = ""
    credential: str = ""
    prerequisites: str = ""
    workload: str = ""
    price_eur: float | None = None
    skills: tuple[SkillRef, ...] = ()
    instances: tuple[CourseInstance, ...] = field(default_factory=tuple)

    def teaches(self) -> tuple[SkillRef, ...]:
        return tuple(s for s in self.skills if s.relation is SkillRelation.TEACHES)


@dataclass(frozen=True, slots=True)
class SkillLink:
    """A stored link of a course to a taxonomy skill."""

    course_id: str
    skill_id: str
    relation: SkillRelation
    method: LinkMethod
    score: float
