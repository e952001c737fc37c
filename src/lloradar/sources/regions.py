"""CBS region geography: boundaries (PDOK WFS GeoJSON or TopoJSON) and the gemeente ->
arbeidsmarktregio -> provincie table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from lloradar.domain import IngestError, Parsed, QuarantineEntry, Region, RegionLevel
from lloradar.domain.errors import ValidationError
from lloradar.sources import topojson
from lloradar.sources.csvfile import read_rows

PDOK_WFS = "https://service.pdok.nl/cbs/gebiedsindelingen/{year}/wfs/v1_0"
PDOK_LAYERS = {
    RegionLevel.GEMEENTE: "gemeente_gegeneraliseerd",
    RegionLevel.ARBEIDSMARKTREGIO: "arbeidsmarktregio_gegeneraliseerd",
    RegionLevel.PROVINCIE: "provincie_gegeneraliseerd",
}
LICENCE = "CC BY 4.0 (CBS/PDOK)"
GEMEENTE_COLUMNS = [
    "gemeente_code",
    "gemeente_naam",
    "arbeidsmarktregio_code",
    "provincie_code",
    "amr_overlap_share",
]


@dataclass(frozen=True, slots=True)
class Boundary:
    code: str
    name: str
    geometry: dict[str, Any]


def parse_boundaries(data: bytes, source: str, level: RegionLevel) -> list[Boundary]:
    """Boundaries from a TopoJSON topology or a GeoJSON FeatureCollection (PDOK WFS output)."""
    try:
        document = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise IngestError(source, f"not valid JSON ({error})") from None
    kind = document.get("type") if isinstance(document, dict) else None
    if kind == "Topology":
        features = topojson.features(document)
    elif kind == "FeatureCollection":
        features = document.get("features", [])
    else:
        raise IngestError(source, f"type {kind!r} (expected a TopoJSON Topology or GeoJSON)")
    boundaries = []
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") or {}
        code = str(props.get("statcode", "")).strip()
        try:
            Region(code, str(props.get("statnaam", "")), level)
        except ValidationError as error:
            raise IngestError(source, str(error), line=number, field="statcode") from None
        boundaries.append(Boundary(code, str(props["statnaam"]), feature["geometry"]))
    return boundaries


def parse_gemeente_table(data: bytes, source: str, regions: dict[str, str]) -> Parsed[Region]:
    """Gemeenten with their labour-market region and province; `regions` maps every known
    arbeidsmarktregio code to its province code. Bad rows are quarantined with the reason."""
    records: list[Region] = []
    bad: list[QuarantineEntry] = []
    seen: dict[str, int] = {}
    provinces = set(regions.values())
    for line, row in read_rows(data, source, GEMEENTE_COLUMNS):
        code = row["gemeente_code"].strip()
        amr = row["arbeidsmarktregio_code"].strip()
        province = row["provincie_code"].strip()
        problem = None
        if code in seen:
            problem = ("gemeente_code", code, f"is a duplicate key (first on line {seen[code]})")
        elif amr not in regions:
            problem = ("arbeidsmarktregio_code", amr, "is not a known arbeidsmarktregio code")
        elif province not in provinces:
            problem = ("provincie_code", province, "is not a known provincie code")
        else:
            try:
                share = float(row["amr_overlap_share"])
            except ValueError:
                share = -1.0
            if not 0.0 <= share <= 1.0:
                problem = (
                    "amr_overlap_share",
                    row["amr_overlap_share"],
                    "is not a number between 0 and 1",
                )
        if problem is None:
            try:
                records.append(
                    Region(code, row["gemeente_naam"].strip(), RegionLevel.GEMEENTE, amr, province)
                )
                seen[code] = line
                continue
            except ValidationError as error:
                problem = (
                    error.field,
                    str(error.value),
                    f"is not valid (expected {error.expected})",
                )
        bad.append(QuarantineEntry(line, *problem))
    return Parsed(records, bad)


def boundary_request(level: RegionLevel, year: int) -> httpx.Request:
    params = {
        "service": "WFS",
        "version": "2.0.0",
        "request": "GetFeature",
        "typeNames": f"gebiedsindelingen:{PDOK_LAYERS[level]}",
        "outputFormat": "application/json",
        "srsName": "EPSG:4326",
    }
    return httpx.Request("GET", PDOK_WFS.format(year=year), params=params)


def fetch_boundaries(level: RegionLevel, year: int, client: httpx.Client) -> bytes:
    """Download generalised boundaries from the CBS/PDOK gebiedsindelingen WFS."""
    response = client.send(boundary_request(level, year))
    response.raise_for_status()
    return response.content
