"""Vacancy texts (vacatureteksten) in CSV, JSON Lines or schema.org `JobPosting` JSON-LD
(also inside HTML `<script type="application/ld+json">`) -> one record per posting."""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lloradar.domain import IngestError, Parsed, QuarantineEntry
from lloradar.sources.csvfile import decode, read_rows

CSV_COLUMNS = ["id", "title", "description", "employer", "location", "posted", "closed"]
# schema.org JobPosting property names, accepted beside ours in CSV headers and JSON Lines keys
SCHEMA_ORG = {
    "identifier": "id",
    "datePosted": "posted",
    "validThrough": "closed",
    "jobLocation": "location",
    "hiringOrganization": "employer",
    "occupationalCategory": "occupation_id",
}
_SCRIPT = re.compile(
    r"<script[^>]*type=[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.S | re.I
)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Posting:
    vacancy_id: str
    title: str
    description: str
    employer: str | None
    location: str | None
    posted_on: date
    closed_on: date | None
    region_code: str | None = None
    occupation_id: str | None = None

    @property
    def rest(self) -> tuple[str | None, date, date | None, str]:
        return (self.occupation_id, self.posted_on, self.closed_on, self.text_hash)

    @property
    def text_hash(self) -> str:
        """The same text posted twice (other id, same employer, title and text) has one hash."""
        text = " ".join([self.employer or "", self.title, self.description]).lower()
        return hashlib.sha256(_SPACE.sub(" ", text).strip().encode()).hexdigest()[:24]


def detect_format(data: bytes, name: str) -> str:
    lowered = name.lower()
    if lowered.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lowered.endswith((".json", ".jsonld", ".html", ".htm")):
        return "jsonld"
    if lowered.endswith(".csv"):
        return "csv"
    head = data.lstrip()[:1]
    return "jsonld" if head in (b"{", b"[", b"<") else "csv"


def _date(raw: Any) -> date | None:
    if raw is None or str(raw).strip() == "":
        return None
    text = str(raw).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return date.fromisoformat(text[:10])


def _plain(text: Any) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", str(text or "")))).strip()


def _ours(item: dict[str, Any]) -> dict[str, Any]:
    """A record with schema.org property names under our names (ours win when both are
    there); objects as schema.org nests them (an Organization, a Place with its address, a
    PropertyValue identifier) become their name, locality or value."""
    out = dict(item)
    for theirs, ours in SCHEMA_ORG.items():
        if theirs in item and not str(out.get(ours) or "").strip():
            out[ours] = item[theirs]
    out["id"] = _identifier(out.get("id"))
    out["employer"] = _employer(out.get("employer"))
    out["location"] = _locality(out.get("location"))
    category = out.get("occupation_id")
    if isinstance(category, dict):  # a CategoryCode
        out["occupation_id"] = category.get("codeValue") or category.get("@id")
    return out


def _records_csv(data: bytes, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    header = decode(data, source).split("\n", 1)[0]
    names = {name.strip().strip('"') for name in header.split(",")}
    aliases = {ours: theirs for theirs, ours in SCHEMA_ORG.items()}
    missing = [c for c in CSV_COLUMNS if c not in names and aliases.get(c) not in names]
    if missing and names:
        hint = (
            "; the header is separated by semicolons: save the file with commas as separators"
            if header.count(";") > header.count(",")
            else ""
        )
        raise IngestError(
            source,
            f"missing column(s) {', '.join(map(repr, missing))} (or their schema.org names "
            f"{', '.join(aliases[c] for c in missing if c in aliases) or '-'}); "
            f"found {', '.join(sorted(names))}{hint}",
            line=1,
        )
    for line, row in read_rows(data, source, []):
        yield line, _ours(row)


def _records_jsonl(data: bytes, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for line, text in enumerate(decode(data, source).splitlines(), start=1):
        if not text.strip():
            continue
        try:
            item = json.loads(text)
        except json.JSONDecodeError as error:
            raise IngestError(source, f"not a JSON object ({error.msg})", line=line) from None
        if not isinstance(item, dict):
            kind = {list: "an array", str: "a string", bool: "true/false"}.get(
                type(item), "a number"
            )
            if item is None:
                kind = "null"
            raise IngestError(
                source, f'is {kind}, expected a JSON object like {{"id": ...}}', line=line
            )
        yield line, _ours(item)


def _job_postings(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _job_postings(item)
    elif isinstance(node, dict):
        kind = node.get("@type")
        if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
            yield node
        for key in ("@graph", "itemListElement", "item"):
            if key in node:
                yield from _job_postings(node[key])


def _records_jsonld(data: bytes, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    text = decode(data, source)
    blocks = _SCRIPT.findall(text) if text.lstrip().startswith("<") else [text]
    number = 0
    for block in blocks:
        try:
            document = json.loads(block)
        except json.JSONDecodeError as error:
            raise IngestError(source, f"invalid JSON-LD ({error.msg})", line=error.lineno) from None
        for posting in _job_postings(document):
            number += 1
            yield number, _from_job_posting(posting)
    if number == 0:
        raise IngestError(source, "no schema.org JobPosting found")


def _identifier(identifier: Any) -> Any:
    return identifier.get("value") if isinstance(identifier, dict) else identifier


def _employer(organisation: Any) -> Any:
    return organisation.get("name") if isinstance(organisation, dict) else organisation


def _locality(places: Any) -> Any:
    """A place name: as given, or a schema.org Place's address locality (or postal code)."""
    place = places[0] if isinstance(places, list) and places else places
    if not isinstance(place, dict):
        return place
    address = place.get("address")
    if isinstance(address, dict):
        return address.get("addressLocality") or address.get("postalCode")
    return address if isinstance(address, str) else place.get("name")


def _from_job_posting(item: dict[str, Any]) -> dict[str, Any]:
    category = item.get("occupationalCategory")
    if isinstance(category, dict):
        category = category.get("codeValue") or category.get("@id")
    return {
        "id": _identifier(item.get("identifier")) or item.get("url"),
        "title": item.get("title"),
        "description": item.get("description"),
        "employer": _employer(item.get("hiringOrganization")),
        "location": _locality(item.get("jobLocation")),
        "posted": item.get("datePosted"),
        "closed": item.get("validThrough"),
        "occupation_id": category,
    }


def parse_vacancies(
    data: bytes, source: str, *, today: date, fmt: str | None = None
) -> Parsed[Posting]:
    """Postings with an id, a title, a text, a location and a posting date not in the future.
    Duplicates (the same id, or the same text under another id) are quarantined, not counted."""
    fmt = fmt or detect_format(data, source)
    reader = {"csv": _records_csv, "jsonl": _records_jsonl, "jsonld": _records_jsonld}[fmt]
    records: list[Posting] = []
    quarantine: list[QuarantineEntry] = []
    ids: dict[str, int] = {}
    texts: dict[str, int] = {}
    for line, item in reader(data, source):
        problem = _problem(item, today)
        if problem:
            field, value, reason = problem
            quarantine.append(QuarantineEntry(line, field, value, reason))
            continue
        posting = Posting(
            vacancy_id=str(item["id"]).strip(),
            title=_plain(item["title"]),
            description=_plain(item["description"]),
            employer=_plain(item.get("employer")) or None,
            location=_plain(item.get("location")) or None,
            posted_on=_date(item["posted"]) or today,
            closed_on=_date(item.get("closed")),
            region_code=(str(item.get("region_code") or "").strip() or None),
            occupation_id=(str(item.get("occupation_id") or "").strip() or None),
        )
        if posting.vacancy_id in ids:
            quarantine.append(
                QuarantineEntry(
                    line,
                    "id",
                    posting.vacancy_id,
                    f"repeats the id of line {ids[posting.vacancy_id]}",
                )
            )
            continue
        if posting.text_hash in texts:
            quarantine.append(
                QuarantineEntry(
                    line,
                    "description",
                    posting.title,
                    f"is the same text as line {texts[posting.text_hash]} under another id",
                )
            )
            continue
        ids[posting.vacancy_id] = line
        texts[posting.text_hash] = line
        records.append(posting)
    if not records and not quarantine:
        raise IngestError(
            source,
            "holds no vacancy records (expected at least one line after the header or one JSON object)",
        )
    return Parsed(records, quarantine)


def _problem(item: dict[str, Any], today: date) -> tuple[str, str, str] | None:
    for field in ("id", "title", "description"):
        if not str(item.get(field) or "").strip():
            return field, "", "is missing"
    if not str(item.get("location") or "").strip() and not item.get("region_code"):
        return "location", "", "is missing (a vacancy needs a place to be counted in a region)"
    for field in ("title", "description", "employer", "location"):
        if isinstance(item.get(field), (dict, list)):
            return field, json.dumps(item[field])[:80], "is an object or list, expected text"
    try:
        posted = _date(item.get("posted"))
    except ValueError:
        return "posted", str(item.get("posted")), "is not a date like 2025-03-14"
    try:
        closed = _date(item.get("closed"))
    except ValueError:
        return "closed", str(item.get("closed")), "is not a date like 2025-03-14"
    if posted is None:
        return "posted", "", "is missing"
    if posted > today:
        return "posted", str(item.get("posted")), "lies in the future"
    if closed is not None and closed < posted:
        return "closed", str(item.get("closed")), "lies before the posting date"
    return None
