"""Course catalogues: schema.org Course JSON-LD in its shapes, CSV, and bad input."""

from __future__ import annotations

import json
from datetime import date

import pytest

from lloradar.domain import IngestError
from lloradar.domain.course import SkillRelation
from lloradar.sources.courses import parse_courses

ESCO = "http://data.europa.eu/esco/skill/"
COURSE = {
    "@context": "https://schema.org",
    "@type": "Course",
    "@id": "https://example.org/c/1",
    "name": "Lassen MIG/MAG",
    "description": "<p>Lassen</p> voor beginners",
    "provider": {"@type": "Organization", "name": "Vakschool"},
    "teaches": [
        {
            "@type": "DefinedTerm",
            "@id": ESCO + "abc",
            "name": "weld metal",
            "sameAs": "demo:skill/welding",
        },
        "read technical drawings",
    ],
    "competencyRequired": {"@type": "DefinedTerm", "name": "apply safety rules"},
    "coursePrerequisites": "VMBO-diploma",
    "educationalCredentialAwarded": {
        "@type": "EducationalOccupationalCredential",
        "name": "Lascertificaat",
    },
    "timeRequired": "PT80H",
    "offers": {"@type": "Offer", "price": "1750.00", "priceCurrency": "EUR"},
    "hasCourseInstance": [
        {
            "@type": "CourseInstance",
            "courseMode": "onsite",
            "startDate": "2026-09-28",
            "endDate": "2026-12-11",
            "location": {
                "@type": "Place",
                "address": {"@type": "PostalAddress", "addressLocality": "Helmond"},
                "containedInPlace": {"@type": "AdministrativeArea", "identifier": "AM32"},
            },
        },
        {"@type": "CourseInstance", "location": {"@type": "VirtualLocation", "url": "https://x"}},
    ],
}


def _bytes(document: object) -> bytes:
    return json.dumps(document).encode()


def test_a_single_course_object_gives_every_field() -> None:
    parsed = parse_courses(_bytes(COURSE), "one.jsonld")
    assert parsed.quarantine == []
    (course,) = parsed.records
    assert course.course_id == "https://example.org/c/1" and course.name == "Lassen MIG/MAG"
    assert course.provider == "Vakschool" and course.credential == "Lascertificaat"
    assert course.prerequisites == "VMBO-diploma" and course.workload == "PT80H"
    assert course.price_eur == 1750.0
    first, second, required = course.skills
    assert first.identifiers == (ESCO + "abc", "demo:skill/welding") and first.field == "teaches[0]"
    assert second.text == "read technical drawings" and second.identifiers == ()
    assert required.relation is SkillRelation.REQUIRES and required.field == "competencyRequired"
    start, online = course.instances
    assert (start.start_date, start.end_date) == (date(2026, 9, 28), date(2026, 12, 11))
    assert (start.location, start.region_code, start.mode) == ("Helmond", "AM32", "onsite")
    assert online.mode == "online" and online.location == ""


@pytest.mark.parametrize(
    "document",
    [
        [COURSE, {**COURSE, "@id": "c2", "name": "Tweede"}],
        {
            "@context": "https://schema.org",
            "@graph": [COURSE, {**COURSE, "@id": "c2", "name": "Tweede"}],
        },
        {
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "item": COURSE},
                {"@type": "ListItem", "item": {**COURSE, "@id": "c2", "name": "Tweede"}},
            ],
        },
    ],
    ids=["array", "graph", "itemlist"],
)
def test_arrays_graphs_and_item_lists_give_every_course(document: object) -> None:
    parsed = parse_courses(_bytes(document), "many.json")
    assert [c.name for c in parsed.records] == ["Lassen MIG/MAG", "Tweede"]
    assert [c.line for c in parsed.records] == [1, 2]


def test_json_ld_inside_html_is_found() -> None:
    html = f'<html><script type="application/ld+json">{json.dumps(COURSE)}</script></html>'
    assert parse_courses(html.encode(), "page.html").records[0].name == "Lassen MIG/MAG"


def test_bad_courses_are_quarantined_with_number_and_field() -> None:
    bad_date = {
        **COURSE,
        "@id": "c3",
        "hasCourseInstance": {"@type": "CourseInstance", "startDate": "2026-13-01"},
    }
    document = [
        COURSE,
        {**COURSE, "@id": "c2", "name": ""},
        bad_date,
        COURSE,
        {**COURSE, "@id": "c5", "offers": {"price": "gratis"}},
    ]
    parsed = parse_courses(_bytes(document), "bad.jsonld")
    assert [c.course_id for c in parsed.records] == ["https://example.org/c/1"]
    entries = [(q.line, q.field, q.value, q.reason) for q in parsed.quarantine]
    assert entries == [
        (2, "name", "", "is missing"),
        (3, "hasCourseInstance.startDate", "2026-13-01", "is not a date like 2026-09-01"),
        (4, "@id", "https://example.org/c/1", "repeats the id of course 1"),
        (5, "offers.price", "gratis", "is not a number like 1250.00"),
    ]


def test_a_document_without_courses_or_invalid_json_is_refused() -> None:
    with pytest.raises(IngestError, match="no schema.org Course found"):
        parse_courses(b'{"@type": "JobPosting"}', "x.jsonld")
    with pytest.raises(IngestError, match=r"x.jsonld line 1: invalid JSON-LD"):
        parse_courses(b'{"@type": ', "x.jsonld")


CSV = (
    "id,name,provider,teaches,requires,start_date,end_date,mode,location,region,price_eur\n"
    "c1,Databases,School,http://data.europa.eu/esco/skill/db;manage databases,,2026-10-01,2026-11-26,online,,,895\n"
    ",Zonder id,School,,,,,,,,\n"
    "c3,Slechte datum,School,,,2026-02-30,,,,,\n"
    "c1,Dubbel,School,,,,,,,,\n"
    "c5,Verkeerde regio,School,,,,,onsite,Enschede,AM99,\n"
    "c8,Geen code,School,,,,,onsite,Enschede,Twente,\n"
    "c6,Einde voor begin,School,,,2026-10-01,2026-09-01,,,,\n"
    "c7,Twente,School,,apply safety rules,,,onsite,Enschede,AM05,\n"
)


def test_csv_courses_and_bad_rows_with_line_and_field() -> None:
    parsed = parse_courses(CSV.encode(), "catalogue.csv")
    # AM99 has the form of a code: whether it exists is the pipeline's question
    assert [c.course_id for c in parsed.records] == ["c1", "c5", "c7"]
    c1, _, c7 = parsed.records
    assert [s.text for s in c1.skills] == [
        "http://data.europa.eu/esco/skill/db",
        "manage databases",
    ]
    assert c1.skills[0].identifiers == ("http://data.europa.eu/esco/skill/db",)
    assert c1.instances[0].mode == "online" and c1.price_eur == 895.0
    assert c7.skills[0].relation is SkillRelation.REQUIRES and c7.instances[0].region_code == "AM05"
    assert [(q.line, q.field, q.reason) for q in parsed.quarantine] == [
        (3, "id", "is missing"),
        (4, "start_date", "is not a date like 2026-09-01"),
        (5, "id", "repeats the id of line 2"),
        (7, "region", "is not an arbeidsmarktregio code (expected AM01..AM38)"),
        (8, "end_date", "lies before the start_date"),
    ]


def test_csv_without_required_columns_names_them() -> None:
    with pytest.raises(IngestError, match=r"line 1: missing column\(s\) 'provider'"):
        parse_courses(b"id,name\nc1,x\n", "c.csv")
