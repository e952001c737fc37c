"""The ESCO CSV package (v1.1.1, English, with Dutch labels where they exist)."""

from __future__ import annotations

import gzip

from lloradar.domain import IscoGroup, Occupation, Parsed, QuarantineEntry, Skill
from lloradar.domain.errors import ValidationError
from lloradar.sources.csvfile import read_rows
from lloradar.taxonomy.concepts import (
    ESCO_OCCUPATION,
    ESCO_SKILL,
    ESCO_SKILL_GROUP,
    Concept,
    isco_uri,
)

LICENCE = "CC BY 4.0 (European Commission, ESCO)"


def unzip(data: bytes) -> bytes:
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def parse_isco_groups(data: bytes, source: str, dutch: dict[str, str]) -> Parsed[IscoGroup]:
    """ISCO-08 groups from ISCOGroups_en.csv; `dutch` maps code -> Dutch label."""
    records, bad = [], []
    for line, row in read_rows(unzip(data), source, ["code", "preferredLabel"]):
        try:
            code = row["code"].strip()
            records.append(IscoGroup(code, row["preferredLabel"].strip(), dutch.get(code)))
        except ValidationError as error:
            bad.append(QuarantineEntry(line, "code", row["code"], f"expected {error.expected}"))
    return Parsed(records, bad)


def parse_dutch_labels(data: bytes, source: str, key: str) -> dict[str, str]:
    """`key` -> Dutch preferred label from an ESCO *_nl.csv file (first label wins)."""
    labels: dict[str, str] = {}
    for _, row in read_rows(unzip(data), source, [key, "preferredLabel"]):
        labels.setdefault(row[key].strip(), row["preferredLabel"].strip())
    return labels


def parse_occupations(data: bytes, source: str, dutch: dict[str, str]) -> Parsed[Occupation]:
    records, bad = [], []
    required = ["conceptUri", "preferredLabel", "iscoGroup", "description"]
    for line, row in read_rows(unzip(data), source, required):
        uri = row["conceptUri"].strip()
        try:
            records.append(
                Occupation(
                    uri,
                    row["preferredLabel"].strip(),
                    dutch.get(uri),
                    row["iscoGroup"].strip() or None,
                    row["description"].strip(),
                )
            )
        except ValidationError as error:
            bad.append(QuarantineEntry(line, error.field, str(error.value), error.expected))
    return Parsed(records, bad)


def parse_skills(data: bytes, source: str) -> Parsed[Skill]:
    records, bad = [], []
    required = ["conceptUri", "preferredLabel", "skillType", "reuseLevel", "description"]
    for line, row in read_rows(unzip(data), source, required):
        try:
            records.append(
                Skill(
                    row["conceptUri"].strip(),
                    row["preferredLabel"].strip(),
                    None,
                    row["skillType"].strip() or "skill/competence",
                    row["reuseLevel"].strip() or None,
                    row["description"].strip(),
                )
            )
        except ValidationError as error:
            bad.append(QuarantineEntry(line, error.field, str(error.value), error.expected))
    return Parsed(records, bad)


def parse_occupation_skill_relations(data: bytes, source: str) -> Parsed[tuple[str, str, str]]:
    """(occupation URI, skill URI, essential|optional) rows."""
    records, bad = [], []
    required = ["occupationUri", "relationType", "skillUri"]
    for line, row in read_rows(unzip(data), source, required):
        relation = row["relationType"].strip()
        if relation not in ("essential", "optional"):
            bad.append(
                QuarantineEntry(line, "relationType", relation, "expected essential|optional")
            )
            continue
        records.append((row["occupationUri"].strip(), row["skillUri"].strip(), relation))
    return Parsed(records, bad)


# --- The whole taxonomy: concepts with alternative labels, hierarchy, skill-skill graph. ---


def split_labels(value: str) -> tuple[str, ...]:
    """ESCO list fields: one label per line (v1.1) or ` | `-separated (v1.0.x collections)."""
    parts = value.replace(" | ", "\n").split("\n")
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))


def _concept(
    line: int, row: dict[str, str], kind: str, parent: str | None, bad: list[QuarantineEntry]
) -> Concept | None:
    uri = row["conceptUri"].strip()
    label = row["preferredLabel"].strip()
    if not uri.startswith("http://data.europa.eu/esco/"):
        bad.append(QuarantineEntry(line, "conceptUri", uri, "is not an ESCO URI"))
        return None
    if not label:
        bad.append(QuarantineEntry(line, "preferredLabel", label, "is empty"))
        return None
    return Concept(
        uri,
        kind,
        label,
        None,
        split_labels(row.get("altLabels", "")),
        row.get("description", "").strip(),
        parent,
    )


def parse_occupation_concepts(data: bytes, source: str) -> Parsed[Concept]:
    """occupations_en.csv -> concepts; the parent is the ISCO-08 unit group."""
    records: list[Concept] = []
    bad: list[QuarantineEntry] = []
    required = ["conceptUri", "preferredLabel", "altLabels", "iscoGroup", "description"]
    for line, row in read_rows(unzip(data), source, required):
        code = row["iscoGroup"].strip()
        if code and not code.isdigit():
            bad.append(QuarantineEntry(line, "iscoGroup", code, "is not an ISCO-08 code"))
            continue
        concept = _concept(line, row, ESCO_OCCUPATION, isco_uri(code) if code else None, bad)
        if concept is not None:
            records.append(concept)
    return Parsed(records, bad)


def parse_skill_concepts(data: bytes, source: str) -> Parsed[Concept]:
    """skills_en.csv -> concepts (the parent comes later, from the broader relations)."""
    records: list[Concept] = []
    bad: list[QuarantineEntry] = []
    required = ["conceptUri", "preferredLabel", "altLabels", "skillType", "description"]
    for line, row in read_rows(unzip(data), source, required):
        concept = _concept(line, row, ESCO_SKILL, None, bad)
        if concept is not None:
            records.append(concept)
    return Parsed(records, bad)


def parse_skill_group_concepts(data: bytes, source: str) -> Parsed[Concept]:
    records: list[Concept] = []
    bad: list[QuarantineEntry] = []
    for line, row in read_rows(unzip(data), source, ["conceptUri", "preferredLabel"]):
        concept = _concept(line, row, ESCO_SKILL_GROUP, None, bad)
        if concept is not None:
            records.append(concept)
    return Parsed(records, bad)


def parse_dutch_concepts(data: bytes, source: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """conceptUri -> (Dutch preferred label, Dutch alternative labels) from an *_nl.csv file."""
    labels: dict[str, tuple[str, tuple[str, ...]]] = {}
    for _, row in read_rows(unzip(data), source, ["conceptUri", "preferredLabel"]):
        uri, label = row["conceptUri"].strip(), row["preferredLabel"].strip()
        if uri and label:
            labels.setdefault(uri, (label, split_labels(row.get("altLabels", ""))))
    return labels


def parse_broader_relations(
    data: bytes, source: str, known: set[str] | None = None
) -> Parsed[tuple[str, str]]:
    """(concept URI, broader URI) rows; with `known`, links to an unknown URI are quarantined."""
    records: list[tuple[str, str]] = []
    bad: list[QuarantineEntry] = []
    for line, row in read_rows(unzip(data), source, ["conceptUri", "broaderUri"]):
        pair = (row["conceptUri"].strip(), row["broaderUri"].strip())
        unknown = _unknown(line, ("conceptUri", "broaderUri"), pair, known)
        if unknown:
            bad.append(unknown)
        else:
            records.append(pair)
    return Parsed(records, bad)


def parse_skill_skill_relations(
    data: bytes, source: str, known: set[str] | None = None
) -> Parsed[tuple[str, str, str]]:
    """(skill URI, related skill URI, essential|optional) rows from skillSkillRelations.csv."""
    records: list[tuple[str, str, str]] = []
    bad: list[QuarantineEntry] = []
    required = ["originalSkillUri", "relationType", "relatedSkillUri"]
    for line, row in read_rows(unzip(data), source, required):
        pair = (row["originalSkillUri"].strip(), row["relatedSkillUri"].strip())
        relation = row["relationType"].strip()
        unknown = _unknown(line, ("originalSkillUri", "relatedSkillUri"), pair, known)
        if unknown:
            bad.append(unknown)
        elif relation not in ("essential", "optional"):
            bad.append(QuarantineEntry(line, "relationType", relation, ESSENTIAL_OR_OPTIONAL))
        else:
            records.append((*pair, relation))
    return Parsed(records, bad)


def parse_occupation_skill_links(
    data: bytes, source: str, occupations: set[str], skills: set[str]
) -> Parsed[tuple[str, str, str]]:
    """Like parse_occupation_skill_relations, quarantining links to an unknown occupation or
    skill (they would point at nothing: never store an id the taxonomy does not have)."""
    records: list[tuple[str, str, str]] = []
    bad: list[QuarantineEntry] = []
    required = ["occupationUri", "relationType", "skillUri"]
    for line, row in read_rows(unzip(data), source, required):
        occupation, skill = row["occupationUri"].strip(), row["skillUri"].strip()
        relation = row["relationType"].strip()
        if occupation not in occupations:
            bad.append(QuarantineEntry(line, "occupationUri", occupation, UNKNOWN))
        elif skill not in skills:
            bad.append(QuarantineEntry(line, "skillUri", skill, UNKNOWN))
        elif relation not in ("essential", "optional"):
            bad.append(QuarantineEntry(line, "relationType", relation, ESSENTIAL_OR_OPTIONAL))
        else:
            records.append((occupation, skill, relation))
    return Parsed(records, bad)


UNKNOWN = "is not a concept of the imported taxonomy (unknown URI)"
ESSENTIAL_OR_OPTIONAL = "expected essential|optional"


def _unknown(
    line: int, fields: tuple[str, str], uris: tuple[str, str], known: set[str] | None
) -> QuarantineEntry | None:
    if known is None:
        return None
    for name, uri in zip(fields, uris, strict=True):
        if uri not in known:
            return QuarantineEntry(line, name, uri, UNKNOWN)
    return None
