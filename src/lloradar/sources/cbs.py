"""CBS StatLine OData v3 (ODataFeed, typed and untyped, paged with odata.nextLink) and v4
(Observations, long form, paged with @odata.nextLink): pure parsers and a fetcher with an
injectable httpx transport."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpx

from lloradar.domain import IngestError, Parsed, QuarantineEntry
from lloradar.sources.csvfile import gunzip

V3_BASE = "https://opendata.cbs.nl/ODataFeed/odata"
V4_BASE = "https://datasets.cbs.nl/odata/v1/CBS"
LICENCE = "CC BY 4.0 (Bron: CBS)"
# CBS symbols for a value that is not a number: unknown, secret, nil, not applicable.
SYMBOLS = {"": "missing", ".": "unknown", "x": "secret", "-": "nil", "?": "unknown"}
_V4_RESERVED = {"Id", "Measure", "Value", "ValueAttribute"}
_TABLE_ID = re.compile(r"/(?:odata|OData|CBS)/(\w+)/", re.IGNORECASE)
_REGION_DIMENSIONS = {"regios", "regio", "caribbeannetherlands", "regions", "wijkenenbuurten"}
_PERIOD_DIMENSIONS = {"perioden", "periods"}
_TOPIC_KEY = re.compile(r"\w+_\d+")


@dataclass(frozen=True, slots=True)
class Page:
    """One OData response: its rows, the address of the next page, the table it belongs to."""

    rows: list[dict[str, Any]]
    next_link: str | None
    table_id: str | None


@dataclass(frozen=True, slots=True)
class Observation:
    table_id: str
    dimensions: tuple[tuple[str, str], ...]
    measure: str
    value: float | None
    status: str

    @property
    def key(self) -> str:
        return ";".join(f"{name}={code}" for name, code in self.dimensions)

    def code_of(self, names: set[str]) -> str | None:
        return next((c for n, c in self.dimensions if n.lower() in names), None)

    @property
    def region_code(self) -> str | None:
        return self.code_of(_REGION_DIMENSIONS)

    @property
    def period(self) -> str | None:
        return self.code_of(_PERIOD_DIMENSIONS)


def load_json(data: bytes, source: str) -> Any:
    data = gunzip(data, source)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise IngestError(source, f"not a JSON OData response ({error})") from None


def parse_page(data: bytes, source: str) -> Page:
    """A v3 or v4 page: `value` rows plus `odata.nextLink` (v3) or `@odata.nextLink` (v4)."""
    document = load_json(data, source)
    if isinstance(document, list):  # cbsodata's saved files hold only the value array
        return Page(document, None, None)
    if not isinstance(document, dict) or not isinstance(document.get("value"), list):
        raise IngestError(source, "no 'value' array (expected an OData feed response)")
    context = str(document.get("odata.metadata") or document.get("@odata.context") or "")
    found = _TABLE_ID.search(context)
    next_link = document.get("odata.nextLink") or document.get("@odata.nextLink")
    return Page(document["value"], next_link, found.group(1) if found else None)


def table_structure(data_properties: bytes, source: str) -> tuple[list[str], list[str]]:
    """(dimension keys, topic keys) from a v3 DataProperties response."""
    dimensions, topics = [], []
    for item in parse_page(data_properties, source).rows:
        kind = str(item.get("odata.type") or item.get("Type") or "")
        if kind.endswith(("Dimension", "TimeDimension", "GeoDimension", "GeoDetail")):
            dimensions.append(str(item["Key"]))
        elif kind.endswith("Topic"):
            topics.append(str(item["Key"]))
    return dimensions, topics


def _number(raw: Any) -> tuple[float | None, str]:
    if raw is None:
        return None, "missing"
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw), ""
    text = str(raw).strip()
    if text in SYMBOLS:
        return None, SYMBOLS[text]
    return float(text), ""


def parse_v3_rows(
    rows: Iterable[dict[str, Any]],
    table_id: str,
    source: str,
    *,
    dimensions: list[str] | None = None,
    topics: list[str] | None = None,
) -> Parsed[Observation]:
    """Wide v3 rows (one column per topic) into long observations. Codes and values are
    stripped of CBS's padding. A table whose dimensions changed is refused as a whole."""
    rows = list(rows)
    if not rows:
        return Parsed([])
    columns = [c for c in rows[0] if c != "ID"]
    if dimensions is None:  # v3 topic keys carry a _N suffix (Totaal_1), dimension keys do not
        dimensions = [c for c in columns if not _TOPIC_KEY.fullmatch(c)]
    if topics is None:
        topics = [c for c in columns if c not in dimensions]
    expected = set(dimensions) | set(topics)
    records, quarantine = [], []
    for line, row in enumerate(rows, start=1):
        present = set(row) - {"ID"}
        if present != expected:
            missing, extra = sorted(expected - present), sorted(present - expected)
            raise IngestError(
                source,
                f"the table's dimensions changed: missing {missing or 'none'}, "
                f"unexpected {extra or 'none'} (expected {sorted(expected)})",
                line=line,
            )
        codes = tuple((name, str(row[name]).strip()) for name in dimensions)
        for topic in topics:
            try:
                value, status = _number(row[topic])
            except ValueError:
                quarantine.append(
                    QuarantineEntry(line, topic, str(row[topic]), "is not a number or CBS symbol")
                )
                continue
            records.append(Observation(table_id, codes, topic, value, status))
    return Parsed(records, quarantine)


def parse_v4_rows(
    rows: Iterable[dict[str, Any]], table_id: str, source: str
) -> Parsed[Observation]:
    """Long v4 observations: one row per dimension codes x Measure; ValueAttribute marks
    suppressed or unknown cells (Value null)."""
    records, quarantine = [], []
    dimensions: list[str] | None = None
    for line, row in enumerate(rows, start=1):
        if not _V4_RESERVED - {"ValueAttribute"} <= set(row):
            raise IngestError(source, "not a v4 observation (needs Id, Measure, Value)", line=line)
        names = sorted(set(row) - _V4_RESERVED)
        if dimensions is None:
            dimensions = names
        elif names != dimensions:
            raise IngestError(
                source, f"the table's dimensions changed: {names} after {dimensions}", line=line
            )
        attribute = str(row.get("ValueAttribute") or "None")
        try:
            value, status = _number(row["Value"])
        except ValueError:
            quarantine.append(QuarantineEntry(line, "Value", str(row["Value"]), "is not a number"))
            continue
        if attribute != "None":
            status = attribute
        codes = tuple((name, str(row[name]).strip()) for name in names)
        records.append(Observation(table_id, codes, str(row["Measure"]), value, status))
    return Parsed(records, quarantine)


def parse_rows(rows: list[dict[str, Any]], table_id: str, source: str) -> Parsed[Observation]:
    """v4 when the rows carry Measure/Value, v3 otherwise."""
    if rows and "Measure" in rows[0] and "Value" in rows[0]:
        return parse_v4_rows(rows, table_id, source)
    return parse_v3_rows(rows, table_id, source)


def v3_url(table_id: str, entity: str = "UntypedDataSet", base: str = V3_BASE) -> str:
    return f"{base}/{table_id}/{entity}?$format=json"


def v4_url(table_id: str, entity: str = "Observations", base: str = V4_BASE) -> str:
    return f"{base}/{table_id}/{entity}"


def fetch_pages(
    url: str,
    *,
    transport: httpx.BaseTransport | None = None,
    max_pages: int = 1000,
    on_page: Callable[[int], None] | None = None,
) -> list[bytes]:
    """Every page of a feed, following odata.nextLink / @odata.nextLink until the last."""
    pages: list[bytes] = []
    with httpx.Client(transport=transport, timeout=60.0, follow_redirects=True) as client:
        next_url: str | None = url
        while next_url:
            if len(pages) >= max_pages:
                raise IngestError(url, f"more than {max_pages} pages: refusing to continue")
            response = client.get(next_url, headers={"Accept": "application/json"})
            if response.status_code != 200:
                raise IngestError(next_url, f"HTTP {response.status_code} from CBS")
            pages.append(response.content)
            next_url = parse_page(response.content, next_url).next_link
            if on_page:
                on_page(len(pages))
    return pages
