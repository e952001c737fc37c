"""The ESCO CSV parsers on the toy taxonomy (real format) and on broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.domain import IngestError
from lloradar.sources import esco

TOY = Path(__file__).parents[1] / "fixtures" / "toy_esco"
SOFTWARE_DEVELOPER = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"


def test_occupation_concepts_keep_alt_labels_and_isco_parent() -> None:
    parsed = esco.parse_occupation_concepts((TOY / "occupations_en.csv").read_bytes(), "occ")
    assert len(parsed.records) == 10 and not parsed.quarantine
    developer = next(c for c in parsed.records if c.id == SOFTWARE_DEVELOPER)
    assert developer.label_en == "software developer"
    assert developer.parent == "http://data.europa.eu/esco/isco/C2512"
    assert "programmer" in developer.alt_labels


def test_skill_concepts_are_read_from_the_real_format() -> None:
    parsed = esco.parse_skill_concepts((TOY / "skills_en.csv").read_bytes(), "skills")
    assert len(parsed.records) == 30
    assert {c.type for c in parsed.records} == {"esco_skill"}


def test_missing_column_is_a_clear_error() -> None:
    data = (TOY / "skills_en.csv").read_bytes().replace(b"preferredLabel", b"prefLabel", 1)
    with pytest.raises(
        IngestError, match=r"skills_en\.csv line 1: missing column\(s\) 'preferredLabel'"
    ):
        esco.parse_skill_concepts(data, "skills_en.csv")


def test_invalid_utf8_is_a_clear_error() -> None:
    data = (TOY / "skills_en.csv").read_bytes() + b"\xff\xfe broken\r\n"
    with pytest.raises(IngestError, match="invalid UTF-8"):
        esco.parse_skill_concepts(data, "skills_en.csv")


def test_relation_to_unknown_uri_is_quarantined_with_its_line() -> None:
    unknown = "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000"
    data = (
        "occupationUri,relationType,skillType,skillUri\r\n"
        f"{SOFTWARE_DEVELOPER},essential,skill/competence,{unknown}\r\n"
        f"{SOFTWARE_DEVELOPER},required,skill/competence,{unknown}\r\n"
    ).encode()
    parsed = esco.parse_occupation_skill_links(data, "rel.csv", {SOFTWARE_DEVELOPER}, {unknown})
    assert parsed.records == [(SOFTWARE_DEVELOPER, unknown, "essential")]
    assert [(q.line, q.field, q.value) for q in parsed.quarantine] == [
        (3, "relationType", "required")
    ]
    parsed = esco.parse_occupation_skill_links(data, "rel.csv", {SOFTWARE_DEVELOPER}, set())
    assert [(q.line, q.field) for q in parsed.quarantine] == [(2, "skillUri"), (3, "skillUri")]
    assert "unknown URI" in parsed.quarantine[0].reason


def test_list_fields_split_on_newlines_and_pipes() -> None:
    assert esco.split_labels("a\nb\n a \n") == ("a", "b")
    assert esco.split_labels("x | y") == ("x", "y")
