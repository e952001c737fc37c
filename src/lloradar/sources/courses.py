"""Course catalogues: schema.org `Course` JSON-LD (a single object, an array, an `@graph` or an
`ItemList`, also inside HTML `<script type="application/ld+json">`) and CSV in the format of
docs/courses-format.md -> one `Course` per course. Pure: bytes in, records and quarantine out.

In JSON-LD the "line" of a course is its number in the document (1 = the first `Course`), as
for JobPosting; in CSV it is the file line (the header is line 1)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from lloradar.domain import ARBEIDSMARKTREGIO_CODES, IngestError, Parsed, QuarantineEntry
from lloradar.domain.course import Course, CourseInstance, SkillRef, SkillRelation
from lloradar.sources.csvfile import decode, read_rows

CSV_REQUIRED = ["id", "name", "provider"]
CSV_OPTIONAL = [
    "description", "url", "language", "credential", "teaches", "requires", "prerequisites",
    "workload", "price_eur", "start_date", "end_date", "mode", "location", "region",
]  # fmt: skip
_SCRIPT = re.compile(
    r"<script[^>]*type=[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.S | re.I
)
_REGION = re.compile(r"\bAM\d{2}\b")
_SPACE = re.compile(r"\s+")


class Invalid(ValueError):
    """One bad field of a course: (field, value, reason) for the quarantine."""

    def __init__(self, field: str, value: Any, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.value = "" if value is None else str(value)[:200]
        self.reason = reason


def detect_format(data: bytes, name: str) -> str:
    lowered = name.lower()
    if lowered.endswith((".json", ".jsonld", ".html", ".htm")):
        return "jsonld"
    if lowered.endswith(".csv"):
        return "csv"
    return "jsonld" if data.lstrip()[:1] in (b"{", b"[", b"<") else "csv"


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("value") or ""
    if isinstance(value, list):
        return "; ".join(t for t in (_text(v) for v in value) if t)
    return _SPACE.sub(" ", str(value or "")).strip()


def _is_uri(text: str) -> bool:
    return "://" in text or text.startswith(("demo:", "urn:"))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _date(value: Any, field: str) -> date | None:
    text = _text(value)
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise Invalid(field, text, "is not a date like 2026-09-01") from None


def _region(*values: Any) -> str | None:
    for value in values:
        for item in _as_list(value):
            text = item.get("identifier") or item.get("name") if isinstance(item, dict) else item
            match = _REGION.search(str(text or ""))
            if match:
                return match.group(0)
    return None


def skill_refs(value: Any, relation: SkillRelation, name: str) -> list[SkillRef]:
    """Strings, `DefinedTerm`s (name, @id, url, termCode, sameAs) or lists of them."""
    refs = []
    for i, item in enumerate(_as_list(value)):
        field = f"{name}[{i}]" if isinstance(value, list) else name
        if isinstance(item, dict):
            ids = [
                item.get("@id"),
                item.get("url"),
                item.get("termCode"),
                *_as_list(item.get("sameAs")),
            ]
            identifiers = tuple(str(v) for v in ids if v and _is_uri(str(v)))
            text = (
                _text(item.get("name")) or _text(item.get("termCode")) or "".join(identifiers[:1])
            )
        else:
            text = _text(item)
            identifiers = (text,) if _is_uri(text) else ()
        if not text and not identifiers:
            raise Invalid(
                field, json.dumps(item)[:200], "names no skill (expected a text or a DefinedTerm)"
            )
        refs.append(SkillRef(text, identifiers, relation, field))
    return refs


def _price(offers: Any) -> float | None:
    for i, offer in enumerate(_as_list(offers)):
        if not isinstance(offer, dict) or offer.get("price") in (None, ""):
            continue
        currency = str(offer.get("priceCurrency") or "EUR").upper()
        field = f"offers[{i}].price" if isinstance(offers, list) else "offers.price"
        if currency != "EUR":
            raise Invalid(
                field, f"{offer['price']} {currency}", "is not in EUR (expected priceCurrency EUR)"
            )
        try:
            price = float(str(offer["price"]).replace(",", "."))
        except ValueError:
            raise Invalid(field, offer["price"], "is not a number like 1250.00") from None
        if price < 0:
            raise Invalid(field, offer["price"], "is negative")
        return price
    return None


def _instance(item: Any, field: str) -> CourseInstance:
    if not isinstance(item, dict):
        raise Invalid(field, item, "is not a CourseInstance object")
    start = _date(item.get("startDate"), f"{field}.startDate")
    end = _date(item.get("endDate"), f"{field}.endDate")
    if start and end and end < start:
        raise Invalid(f"{field}.endDate", end.isoformat(), "lies before the startDate")
    place = item.get("location")
    place = place[0] if isinstance(place, list) and place else place
    location, region = "", None
    if isinstance(place, dict):
        address = place.get("address")
        locality = address.get("addressLocality") if isinstance(address, dict) else address
        location = _text(locality) or _text(place.get("name"))
        region = _region(
            place.get("containedInPlace"),
            address.get("addressRegion") if isinstance(address, dict) else None,
        )
        if place.get("@type") == "VirtualLocation":
            location = ""
    elif place:
        location = _text(place)
    mode = _text(item.get("courseMode"))
    if not mode and isinstance(place, dict) and place.get("@type") == "VirtualLocation":
        mode = "online"
    return CourseInstance(start, end, mode, location, region)


def _prerequisites(value: Any) -> tuple[str, list[SkillRef]]:
    texts, refs = [], []
    for i, item in enumerate(_as_list(value)):
        field = f"coursePrerequisites[{i}]" if isinstance(value, list) else "coursePrerequisites"
        if isinstance(item, dict) and item.get("@type") in ("DefinedTerm", "AlignmentObject"):
            target = item.get("targetUrl") or item.get("@id")
            named = {**item, "@id": target, "name": item.get("targetName") or item.get("name")}
            refs.extend(skill_refs(named, SkillRelation.REQUIRES, field))
        else:
            texts.append(_text(item))
    return "; ".join(t for t in texts if t), refs


def course_from_jsonld(node: dict[str, Any], line: int) -> Course:
    """One schema.org Course; raises `Invalid` naming the first bad field."""
    identifier = node.get("identifier")
    if isinstance(identifier, dict):
        identifier = identifier.get("value")
    course_id = _text(node.get("@id") or identifier or node.get("url") or node.get("courseCode"))
    if not course_id:
        raise Invalid("@id", "", "is missing (expected @id, identifier, url or courseCode)")
    name = _text(node.get("name"))
    if not name:
        raise Invalid("name", "", "is missing")
    prerequisites, required = _prerequisites(node.get("coursePrerequisites"))
    skills = [
        *skill_refs(node.get("teaches"), SkillRelation.TEACHES, "teaches"),
        *skill_refs(node.get("competencyRequired"), SkillRelation.REQUIRES, "competencyRequired"),
        *required,
    ]
    raw = node.get("hasCourseInstance")
    instances = [
        _instance(item, f"hasCourseInstance[{i}]" if isinstance(raw, list) else "hasCourseInstance")
        for i, item in enumerate(_as_list(raw))
    ]
    workload = _text(node.get("timeRequired")) or next(
        (_text(i.get("courseWorkload")) for i in _as_list(raw) if isinstance(i, dict)), ""
    )
    area = _region(node.get("areaServed"))
    if area:
        instances = [i if i.region_code else _with_region(i, area) for i in instances] or [
            CourseInstance(region_code=area)
        ]
    return Course(
        course_id=course_id,
        name=name,
        line=line,
        description=_text(node.get("description")),
        provider=_text(node.get("provider")),
        url=_text(node.get("url")),
        language=_text(node.get("inLanguage")),
        credential=_text(node.get("educationalCredentialAwarded")),
        prerequisites=prerequisites,
        workload=workload,
        price_eur=_price(node.get("offers")),
        skills=tuple(skills),
        instances=tuple(instances),
    )


def _with_region(instance: CourseInstance, region: str) -> CourseInstance:
    return CourseInstance(
        instance.start_date, instance.end_date, instance.mode, instance.location, region
    )


def _is_course(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    return kind == "Course" or (isinstance(kind, list) and "Course" in kind)


def course_nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every Course in a JSON-LD document: top level, arrays, `@graph`, `ItemList` items."""
    if isinstance(node, list):
        for item in node:
            yield from course_nodes(item)
    elif isinstance(node, dict):
        if _is_course(node):
            yield node
            return
        for key in ("@graph", "itemListElement", "item"):
            if key in node:
                yield from course_nodes(node[key])


def _jsonld(data: bytes, source: str) -> Iterator[tuple[int, Course | Invalid]]:
    text = decode(data, source)
    blocks = _SCRIPT.findall(text) if text.lstrip().startswith("<") else [text]
    number = 0
    for block in blocks:
        try:
            document = json.loads(block)
        except json.JSONDecodeError as error:
            raise IngestError(source, f"invalid JSON-LD ({error.msg})", line=error.lineno) from None
        for node in course_nodes(document):
            number += 1
            try:
                yield number, course_from_jsonld(node, number)
            except Invalid as problem:
                yield number, problem
    if number == 0:
        raise IngestError(source, 'no schema.org Course found (expected "@type": "Course")')


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def course_from_csv(row: dict[str, str], line: int) -> Course:
    for name in CSV_REQUIRED:
        if not row.get(name, "").strip():
            raise Invalid(name, "", "is missing")
    start = _date(row.get("start_date"), "start_date")
    end = _date(row.get("end_date"), "end_date")
    if start and end and end < start:
        raise Invalid("end_date", row["end_date"], "lies before the start_date")
    price = None
    if row.get("price_eur", "").strip():
        price = _price({"price": row["price_eur"].strip()})
    skills = [
        *skill_refs(_split(row.get("teaches", "")), SkillRelation.TEACHES, "teaches"),
        *skill_refs(_split(row.get("requires", "")), SkillRelation.REQUIRES, "requires"),
    ]
    region = row.get("region", "").strip()
    if region and not _REGION.fullmatch(region):
        raise Invalid(
            "region",
            region,
            f"is not an arbeidsmarktregio code (expected {ARBEIDSMARKTREGIO_CODES})",
        )
    has_instance = any(row.get(k, "").strip() for k in ("start_date", "mode", "location", "region"))
    instance = CourseInstance(
        start, end, row.get("mode", "").strip(), row.get("location", "").strip(), region or None
    )
    return Course(
        course_id=row["id"].strip(),
        name=_text(row["name"]),
        line=line,
        description=_text(row.get("description")),
        provider=_text(row["provider"]),
        url=row.get("url", "").strip(),
        language=row.get("language", "").strip(),
        credential=_text(row.get("credential")),
        prerequisites=_text(row.get("prerequisites")),
        workload=row.get("workload", "").strip(),
        price_eur=price,
        skills=tuple(skills),
        instances=(instance,) if has_instance else (),
    )


def _csv(data: bytes, source: str) -> Iterator[tuple[int, Course | Invalid]]:
    for line, row in read_rows(data, source, CSV_REQUIRED):
        try:
            yield line, course_from_csv(row, line)
        except Invalid as problem:
            yield line, problem


def parse_courses(data: bytes, source: str, *, fmt: str | None = None) -> Parsed[Course]:
    """Courses with an id and a name and valid dates and prices; a course with a bad field or
    an id seen before in the file is quarantined with its line and field."""
    fmt = fmt or detect_format(data, source)
    if fmt not in ("csv", "jsonld"):
        raise IngestError(source, f"unknown format {fmt!r} (expected csv or jsonld)")
    reader = _csv if fmt == "csv" else _jsonld
    records: list[Course] = []
    quarantine: list[QuarantineEntry] = []
    seen: dict[str, int] = {}
    for line, item in reader(data, source):
        if isinstance(item, Invalid):
            quarantine.append(QuarantineEntry(line, item.field, item.value, item.reason))
        elif item.course_id in seen:
            field = "id" if fmt == "csv" else "@id"
            reason = (
                f"repeats the id of {'line' if fmt == 'csv' else 'course'} {seen[item.course_id]}"
            )
            quarantine.append(QuarantineEntry(line, field, item.course_id, reason))
        else:
            seen[item.course_id] = line
            records.append(item)
    return Parsed(records, quarantine)
