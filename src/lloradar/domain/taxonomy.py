"""Taxonomy values: occupations (ESCO/ISCO-08), skills (ESCO), ISCO groups and SBI sectors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lloradar.domain.errors import ValidationError

_ESCO_OCCUPATION = re.compile(r"http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}")
_ESCO_SKILL = re.compile(r"http://data\.europa\.eu/esco/(skill|knowledge)/[0-9a-f-]{36}")
_DEMO_ID = re.compile(r"demo:[a-z]+/[a-z0-9-]+")
_ISCO = re.compile(r"\d{1,4}")
_SBI_SECTION = re.compile(r"[A-U]")
_SBI_CODE = re.compile(r"\d{2}(\.\d{1,2}(\.\d)?)?")


def check_concept_id(value: str, pattern: re.Pattern[str], what: str) -> str:
    """An id is a real ESCO URI or an explicit `demo:` id: we never invent ESCO URIs."""
    if not (pattern.fullmatch(value) or _DEMO_ID.fullmatch(value)):
        raise ValidationError("id", value, f"an ESCO {what} URI or a demo: id")
    return value


def check_isco(code: str) -> str:
    if not _ISCO.fullmatch(code):
        raise ValidationError("isco_code", code, "an ISCO-08 code of 1 to 4 digits, as text")
    return code


def check_sbi(code: str) -> str:
    if not (_SBI_SECTION.fullmatch(code) or _SBI_CODE.fullmatch(code)):
        raise ValidationError("sbi_code", code, "an SBI 2008 section A..U or a numeric code")
    return code


@dataclass(frozen=True, slots=True)
class Occupation:
    id: str
    label_en: str
    label_nl: str | None = None
    isco_code: str | None = None
    description: str = ""

    def __post_init__(self) -> None:
        check_concept_id(self.id, _ESCO_OCCUPATION, "occupation")
        if self.isco_code is not None:
            check_isco(self.isco_code)

    @property
    def is_demo(self) -> bool:
        return self.id.startswith("demo:")


@dataclass(frozen=True, slots=True)
class Skill:
    id: str
    label_en: str
    label_nl: str | None = None
    skill_type: str = "skill/competence"
    reuse_level: str | None = None
    description: str = ""

    def __post_init__(self) -> None:
        check_concept_id(self.id, _ESCO_SKILL, "skill")


@dataclass(frozen=True, slots=True)
class IscoGroup:
    code: str
    label_en: str
    label_nl: str | None = None

    def __post_init__(self) -> None:
        check_isco(self.code)

    @property
    def level(self) -> int:
        return len(self.code)

    @property
    def parent_code(self) -> str | None:
        return self.code[:-1] if len(self.code) > 1 else None


@dataclass(frozen=True, slots=True)
class Sector:
    """An SBI 2008 sector (Standaard Bedrijfsindeling / standard industrial classification)."""

    code: str
    label_nl: str
    label_en: str | None = None
    parent_code: str | None = None

    def __post_init__(self) -> None:
        check_sbi(self.code)
