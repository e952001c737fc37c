"""The skills passport (vaardighedenpaspoort): a person's skills with evidence, level and date,
and their preferences for work."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Evidence(StrEnum):
    """How a skill is shown (bewijs)."""

    DIPLOMA = "diploma"
    CERTIFICATE = "certificate"  # certificate or (open) badge
    WORK_EXPERIENCE = "work_experience"
    SELF_ASSESSED = "self_assessed"
    VALIDATED = "validated"  # assessed by a third party (EVC / validation)


class Level(StrEnum):
    """How well (niveau), in four steps."""

    BASIC = "basic"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"
    EXPERT = "expert"


@dataclass(frozen=True)
class PassportSkill:
    """One skill: an ESCO skill URI with its label, evidence, level and the date it was gained."""

    uri: str
    label: str
    evidence: Evidence
    level: Level
    acquired_on: date | None = None
    note: str = ""
    label_nl: str | None = None


@dataclass(frozen=True)
class Preferences:
    """Region (arbeidsmarktregio code), hours per week and occupations of interest (ESCO)."""

    region_code: str | None = None
    hours_per_week: int | None = None
    occupations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Passport:
    skills: tuple[PassportSkill, ...] = ()
    preferences: Preferences = field(default_factory=Preferences)
