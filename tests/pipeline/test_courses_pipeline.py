"""Loading a course catalogue on DuckDB and PostgreSQL: skill links with method and score,
quarantine with line and field, idempotent re-import, replacement, and nothing lost."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from lloradar.domain import IngestError, Provenance
from lloradar.pipeline.courses import load_courses
from lloradar.pipeline.regions import load_regions
from lloradar.pipeline.save import TableRows, save_load
from lloradar.sources.courses import parse_courses
from lloradar.store import Store

ESCO_WELD = "http://data.europa.eu/esco/skill/00000000-not-in-this-store"
SKILLS = [
    ("demo:skill/welding", "weld metal", "metaal lassen"),
    ("demo:skill/safety-rules", "apply safety rules", "veiligheidsregels toepassen"),
    ("demo:skill/technical-drawings", "read technical drawings", "technische tekeningen lezen"),
]


def matcher(texts: Sequence[str]) -> list[list[tuple[str, float]]]:
    """A stand-in for the skills engine: one confident and one weak answer."""
    answers = {
        "booglassen met elektrode": [
            ("demo:skill/welding", 0.71),
            ("demo:skill/safety-rules", 0.4),
        ],
        "kunstzinnige vorming": [("demo:skill/technical-drawings", 0.31)],
    }
    return [answers.get(t, []) for t in texts]


def prepare(store: Store) -> None:
    load_regions(store, None)
    provenance = Provenance(
        "test skills", "skill", "test", datetime.now(UTC).replace(tzinfo=None), "CC0", "sha256:t"
    )
    save_load(
        store,
        provenance,
        [TableRows("skill", ["id", "label_en", "label_nl", "skill_type"], ["id"],
                   [(*s, "skill/competence") for s in SKILLS])],
    )  # fmt: skip


def course(cid: str, teaches: list[object], **extra: object) -> dict[str, object]:
    return {"@type": "Course", "@id": cid, "name": f"Cursus {cid}", "provider": "School",
            "teaches": teaches, **extra}  # fmt: skip


CATALOGUE = [
    course(
        "c1",
        [
            {"@type": "DefinedTerm", "@id": ESCO_WELD, "name": "lassen", "sameAs": "demo:skill/welding"},
            "Technische tekeningen lezen",
            "booglassen met elektrode",
            "kunstzinnige vorming",
        ],
        competencyRequired="apply safety rules",
        hasCourseInstance={"@type": "CourseInstance", "startDate": "2026-09-01",
                           "location": {"@type": "Place", "name": "Enschede",
                                        "containedInPlace": {"identifier": "AM05"}}},
    ),
    course("c2", ["weld metal"], hasCourseInstance={"@type": "CourseInstance", "startDate": "2026-31-12"}),
    course("c3", ["weld metal"], hasCourseInstance={"@type": "CourseInstance",
           "location": {"@type": "Place", "containedInPlace": {"identifier": "AM99"}}}),
    course("c1", ["weld metal"]),
]  # fmt: skip


def load(store: Store, document: object, name: str = "catalogue.jsonld") -> object:
    data = json.dumps(document).encode()
    provenance = Provenance(
        "course catalogue", name, name, datetime.now(UTC).replace(tzinfo=None), "test",
        Provenance.checksum_of(data),
    )  # fmt: skip
    return load_courses(store, parse_courses(data, name), provenance, matcher=matcher)


def table(store: Store, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in store.query(sql)]


def test_skills_link_by_identifier_label_and_engine_and_the_rest_is_quarantined(
    any_store: Store,
) -> None:
    prepare(any_store)
    load(any_store, CATALOGUE)
    assert table(any_store, "SELECT course_id, name FROM course") == [("c1", "Cursus c1")]
    links = table(
        any_store,
        "SELECT skill_id, relation, method, score FROM course_skill ORDER BY 1, 2",
    )
    assert links == [
        ("demo:skill/safety-rules", "requires", "label", 1.0),
        ("demo:skill/technical-drawings", "teaches", "label", 1.0),
        ("demo:skill/welding", "teaches", "identifier", 1.0),  # identifier beats the engine
    ]
    assert table(any_store, "SELECT course_id, seq, region_code FROM course_instance") == [
        ("c1", 1, "AM05")
    ]
    quarantined = table(
        any_store, "SELECT line, field, value, reason FROM quarantine ORDER BY 1, 2"
    )
    assert [(q[0], q[1], q[2]) for q in quarantined] == [
        (1, "teaches[3]", "kunstzinnige vorming"),
        (2, "hasCourseInstance.startDate", "2026-31-12"),
        (3, "region", "AM99"),
        (4, "@id", "c1"),
    ]
    assert "not a skill of the taxonomy" in str(quarantined[0][3])
    assert "skills engine" in str(quarantined[0][3])


def test_the_skills_engine_link_keeps_its_score(any_store: Store) -> None:
    prepare(any_store)
    load(any_store, [course("c9", ["booglassen met elektrode"])])
    assert table(any_store, "SELECT skill_id, method, score FROM course_skill") == [
        ("demo:skill/welding", "skills engine", 0.71)
    ]


def test_loading_the_same_bytes_again_changes_nothing(any_store: Store) -> None:
    prepare(any_store)
    load(any_store, CATALOGUE)
    tables = ["course", "course_instance", "course_skill", "quarantine", "provenance"]
    before = {t: table(any_store, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}
    load(any_store, CATALOGUE)
    assert {t: table(any_store, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables} == before


def test_a_newer_catalogue_replaces_a_course_skills_and_keeps_other_courses(
    any_store: Store,
) -> None:
    prepare(any_store)
    load(
        any_store,
        [course("c1", ["weld metal", "read technical drawings"]), course("c2", ["weld metal"])],
    )
    load(any_store, [course("c1", ["weld metal"])], "newer.jsonld")
    assert table(any_store, "SELECT course_id, skill_id FROM course_skill ORDER BY 1, 2") == [
        ("c1", "demo:skill/welding"),
        ("c2", "demo:skill/welding"),
    ]


def test_a_file_that_cannot_be_read_loses_nothing(any_store: Store) -> None:
    prepare(any_store)
    load(any_store, [course("c1", ["weld metal"])])
    counts = any_store.row_counts()
    with pytest.raises(IngestError, match="broken.jsonld line 1: invalid JSON-LD"):
        parse_courses(b'[{"@type": "Course", ', "broken.jsonld")
    with pytest.raises(RuntimeError):
        data = json.dumps([course("c1", ["nieuw"])]).encode()
        provenance = Provenance("course catalogue", "x", "x", datetime.now(UTC).replace(tzinfo=None),
                                "test", Provenance.checksum_of(data))  # fmt: skip

        def failing(texts: Sequence[str]) -> list[list[tuple[str, float]]]:
            raise RuntimeError("skills engine down")

        load_courses(any_store, parse_courses(data, "x"), provenance, matcher=failing)
    assert any_store.row_counts() == counts
    assert table(any_store, "SELECT skill_id FROM course_skill") == [("demo:skill/welding",)]


def test_a_course_naming_no_skill_gets_them_from_its_description(any_store: Store) -> None:
    prepare(any_store)

    def engine(texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        assert texts == ["Cursus c7\nLassen en veilig werken"]
        return [[("demo:skill/safety-rules", 0.66), ("demo:skill/welding", 0.82),
                 ("demo:skill/technical-drawings", 0.2)]]  # fmt: skip

    data = json.dumps([course("c7", [], description="Lassen en veilig werken")]).encode()
    provenance = Provenance("course catalogue", "d", "d", datetime.now(UTC).replace(tzinfo=None),
                            "test", Provenance.checksum_of(data))  # fmt: skip
    load_courses(any_store, parse_courses(data, "d.jsonld"), provenance, matcher=engine)
    assert table(any_store, "SELECT skill_id, method, score FROM course_skill ORDER BY 3 DESC") == [
        ("demo:skill/welding", "skills engine", 0.82),
        ("demo:skill/safety-rules", "skills engine", 0.66),
    ]
