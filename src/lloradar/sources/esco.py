"""The ESCO CSV package (v1.1.1, English, with Dutch labels where they exist)."""

from __future__ import annotations

import gzip

from lloradar.domain import IscoGroup, Occupation, Parsed, QuarantineEntry, Skill
from lloradar.domain.errors import ValidationError
from lloradar.sources.csvfile import read_rows

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
