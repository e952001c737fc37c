"""Any CBS StatLine table by its id (OData v3): what the table is (TableInfos), what its topics
mean (DataProperties: title, unit, decimals, topic group) and its values (TypedDataSet), parsed
with the observations parser of `sources.cbs`. Reads the live feed (through `cbs.fetch_pages`,
an injectable httpx transport) or a folder saved by the `cbsodata` package (one JSON file per
entity set)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from lloradar.domain import IngestError, Parsed
from lloradar.sources import cbs

NUMERIC = frozenset({"Long", "Double", "Float", "Integer", "Int", "Decimal", "Short"})


@dataclass(frozen=True, slots=True)
class TableInfo:
    table_id: str
    title: str
    period: str
    modified: str


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    title: str
    unit: str
    decimals: int | None
    group: str  # the titles of its topic groups, outer first, joined by " / "
    numeric: bool


@dataclass(frozen=True, slots=True)
class Download:
    """The raw bytes of one table: TableInfos, DataProperties and every TypedDataSet page."""

    table_id: str
    table_infos: bytes
    data_properties: bytes
    pages: tuple[bytes, ...]
    location: str


def parse_table_info(data: bytes, source: str, table_id: str) -> TableInfo:
    rows = cbs.parse_page(data, source).rows
    if not rows:
        raise IngestError(source, "TableInfos is empty (expected one record)")
    info = rows[0]
    found = str(info.get("Identifier") or table_id).strip()
    if found.lower() != table_id.lower():
        raise IngestError(source, f"this is table {found!r}, not {table_id!r}", field="Identifier")
    return TableInfo(
        found,
        str(info.get("Title") or found).strip(),
        str(info.get("Period") or "").strip(),
        str(info.get("Modified") or "").strip(),
    )


def parse_properties(data: bytes, source: str) -> tuple[list[str], list[Topic]]:
    """(dimension keys, topics) of a DataProperties response; topics carry their unit and the
    path of their topic groups (ParentID)."""
    items = cbs.parse_page(data, source).rows
    by_id: dict[Any, dict[str, Any]] = {item.get("ID"): item for item in items}

    def group_of(item: dict[str, Any]) -> str:
        titles, parent, seen = [], item.get("ParentID"), set()
        while parent is not None and parent in by_id and parent not in seen:
            seen.add(parent)
            titles.append(str(by_id[parent].get("Title") or "").strip())
            parent = by_id[parent].get("ParentID")
        return " / ".join(reversed([t for t in titles if t]))

    dimensions, topics = [], []
    for item in items:
        kind = str(item.get("Type") or item.get("odata.type") or "")
        key = str(item.get("Key") or "")
        if kind.endswith(("Dimension", "GeoDetail")):
            dimensions.append(key)
        elif kind.endswith("Topic") and not kind.endswith("TopicGroup") and key:
            decimals = item.get("Decimals")
            topics.append(
                Topic(
                    key,
                    str(item.get("Title") or key).strip(),
                    str(item.get("Unit") or "").strip(),
                    None if decimals is None else int(decimals),
                    group_of(item),
                    str(item.get("Datatype") or "Double") in NUMERIC,
                )
            )
    if not topics:
        raise IngestError(source, "DataProperties has no topics (is this a StatLine table?)")
    return dimensions, topics


def parse_download(download: Download) -> tuple[TableInfo, list[Topic], Parsed[cbs.Observation]]:
    """The table's info, its numeric topics and its observations (text topics such as a
    municipality's name are left out; a value that is neither a number nor a CBS symbol is
    quarantined with its line)."""
    source = download.location
    info = parse_table_info(download.table_infos, f"{source} TableInfos", download.table_id)
    dimensions, topics = parse_properties(download.data_properties, f"{source} DataProperties")
    numeric = [t for t in topics if t.numeric]
    text = {t.key for t in topics if not t.numeric}
    rows = [
        {k: v for k, v in row.items() if k not in text}
        for page in download.pages
        for row in cbs.parse_page(page, f"{source} TypedDataSet").rows
    ]
    parsed = cbs.parse_v3_rows(
        rows, info.table_id, source, dimensions=dimensions, topics=[t.key for t in numeric]
    )
    return info, numeric, parsed


def read_folder(folder: Path, table_id: str) -> Download:
    """A table saved by `cbsodata.download_data` (TableInfos.json, DataProperties.json and
    TypedDataSet.json, each optionally gzipped)."""

    def read(name: str) -> bytes:
        for candidate in (folder / name, folder / f"{name}.gz"):
            if candidate.is_file():
                return candidate.read_bytes()
        raise IngestError(str(folder), f"{name} is missing (expected a cbsodata download)")

    return Download(
        table_id,
        read("TableInfos.json"),
        read("DataProperties.json"),
        (read("TypedDataSet.json"),),
        str(folder),
    )


def fetch_table(
    table_id: str,
    *,
    transport: httpx.BaseTransport | None = None,
    row_filter: str | None = None,
    base: str = cbs.V3_BASE,
) -> Download:
    """TableInfos, DataProperties and every page of the TypedDataSet of a live table; with
    `row_filter` an OData `$filter` (e.g. `substringof('GM',WijkenEnBuurten)`) limits the rows."""

    def one(entity: str) -> bytes:
        return cbs.fetch_pages(cbs.v3_url(table_id, entity, base), transport=transport)[0]

    data_url = cbs.v3_url(table_id, "TypedDataSet", base)
    if row_filter:
        data_url += "&$filter=" + quote(row_filter, safe="")
    pages = cbs.fetch_pages(data_url, transport=transport)
    return Download(
        table_id, one("TableInfos"), one("DataProperties"), tuple(pages), f"{base}/{table_id}"
    )
