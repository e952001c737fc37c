"""The common taxonomy row: one concept (occupation, skill, group) of ESCO, ISCO or O*NET."""

from __future__ import annotations

from dataclasses import dataclass

ESCO_OCCUPATION = "esco_occupation"
ESCO_SKILL = "esco_skill"
ESCO_SKILL_GROUP = "esco_skill_group"
ISCO_GROUP = "isco_group"
ONET_OCCUPATION = "onet_occupation"
ONET_ELEMENT = "onet_element"

CONCEPT_COLUMNS = [
    "id",
    "type",
    "label_nl",
    "label_en",
    "alt_labels",
    "description",
    "parent",
]

# ISCO-08 major group -> ILO skill level (1 = elementary .. 4 = professional); 0 (armed forces)
# and 1 (managers) span levels, so they take the level most of their unit groups have.
ISCO_SKILL_LEVEL = {"0": 2, "1": 4, "2": 4, "3": 3, "4": 2, "5": 2, "6": 2, "7": 2, "8": 2, "9": 1}


def isco_skill_level(isco_code: str | None) -> int | None:
    """The ILO skill level of an ISCO-08 code, from its major group; None when unknown."""
    if not isco_code:
        return None
    return ISCO_SKILL_LEVEL.get(isco_code[0])


def isco_uri(code: str) -> str:
    """ESCO's URI for an ISCO-08 group (as used in the broader-relations files)."""
    return f"http://data.europa.eu/esco/isco/C{code}"


@dataclass(frozen=True, slots=True)
class Concept:
    """A row of the common taxonomy table (`id | type | labels | description | parent`)."""

    id: str
    type: str
    label_en: str
    label_nl: str | None = None
    alt_labels: tuple[str, ...] = ()
    description: str = ""
    parent: str | None = None

    def row(self) -> tuple[str, str, str | None, str, str, str, str | None]:
        return (
            self.id,
            self.type,
            self.label_nl,
            self.label_en,
            "\n".join(self.alt_labels),
            self.description,
            self.parent,
        )
