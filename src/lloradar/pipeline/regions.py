"""Load the Dutch regional geography: built-in codes and names, then, when the files are there,
the 2023 boundaries and the gemeente -> arbeidsmarktregio table."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from lloradar.domain import IngestError, Provenance, Region, RegionLevel
from lloradar.domain.region import COUNTRY_CODE
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.sources import builtin_regions
from lloradar.sources.regions import LICENCE, parse_boundaries, parse_gemeente_table
from lloradar.store import Store

REGION_COLUMNS = ["code", "name", "level", "parent_code", "province_code"]
BOUNDARY_FILES = {
    RegionLevel.ARBEIDSMARKTREGIO: "arbeidsmarktregio_2023.topojson",
    RegionLevel.PROVINCIE: "provincie_2023.topojson",
    RegionLevel.GEMEENTE: "gemeente_2023.topojson",
}
GEMEENTE_TABLE = "gemeente_arbeidsmarktregio_2023_DERIVED.csv"


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise IngestError(str(path), f"cannot be read ({error.strerror or error})") from None


def region_row(region: Region) -> tuple[str, str, str, str | None, str | None]:
    return (region.code, region.name, region.level.value, region.parent_code, region.province_code)


def builtin_regions_list() -> list[Region]:
    country = Region(COUNTRY_CODE, "Nederland", RegionLevel.LAND)
    provinces = [
        Region(code, name, RegionLevel.PROVINCIE, COUNTRY_CODE, code)
        for code, name in builtin_regions.PROVINCES
    ]
    labour_market = [
        Region(code, name, RegionLevel.ARBEIDSMARKTREGIO, province, province)
        for code, name, province in builtin_regions.LABOUR_MARKET_REGIONS
    ]
    return [country, *provinces, *labour_market]


def load_builtin_regions(store: Store) -> LoadReport:
    regions = builtin_regions_list()
    payload = json.dumps([region_row(r) for r in regions]).encode()
    provenance = Provenance(
        source="CBS regional classification (built-in table)",
        table="arbeidsmarktregio's and provincies 2023",
        url="https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentelijke-indelingen-per-jaar",
        retrieved_at=now(),
        licence=LICENCE,
        checksum=Provenance.checksum_of(payload),
        note="Codes and names carried in lloradar.sources.builtin_regions",
    )
    rows = TableRows("region", REGION_COLUMNS, ["code"], [region_row(r) for r in regions])
    return save_load(store, provenance, [rows])


def load_boundaries(store: Store, path: Path, level: RegionLevel, year: int) -> LoadReport:
    """Store each region's boundary as GeoJSON; every code must be a known region."""
    data = read_bytes(path)
    boundaries = parse_boundaries(data, str(path), level)
    if level is not RegionLevel.GEMEENTE:
        known = {str(r[0]) for r in store.query("SELECT code FROM region WHERE level = ?", [level])}
        unknown = sorted({b.code for b in boundaries} - known)
        if unknown:
            raise IngestError(str(path), f"unknown {level.value} code(s) {', '.join(unknown)}")
    provenance = Provenance(
        source="CBS/PDOK gebiedsindelingen (generalised), via cartomap/nl TopoJSON",
        table=f"{level.value}_{year}",
        url=str(path),
        retrieved_at=now(),
        licence=LICENCE,
        checksum=Provenance.checksum_of(data),
    )
    rows = [(b.code, year, json.dumps(b.geometry, separators=(",", ":"))) for b in boundaries]
    table = TableRows("region_geometry", ["code", "year", "geojson"], ["code", "year"], rows)
    return save_load(store, provenance, [table])


def load_gemeenten(store: Store, path: Path) -> LoadReport:
    data = read_bytes(path)
    known = {
        str(code): str(province)
        for code, province in store.query(
            "SELECT code, province_code FROM region WHERE level = 'arbeidsmarktregio'"
        )
    }
    parsed = parse_gemeente_table(data, str(path), known)
    provenance = Provenance(
        source="gemeente -> arbeidsmarktregio/provincie 2023 (derived)",
        table="gemeente_arbeidsmarktregio_2023",
        url=str(path),
        retrieved_at=now(),
        licence=LICENCE,
        checksum=Provenance.checksum_of(data),
        note=(
            "Derived by polygon overlay of the 2023 CBS/PDOK gemeente map on the "
            "arbeidsmarktregio and provincie maps (largest area share); not the official "
            "CBS 'Gebieden in Nederland' table."
        ),
    )
    rows = TableRows("region", REGION_COLUMNS, ["code"], [region_row(r) for r in parsed.records])
    return save_load(store, provenance, [rows], parsed.quarantine)


def load_regions(store: Store, regions_dir: Path | None) -> list[LoadReport]:
    """The built-in codes always; boundaries and gemeenten when `regions_dir` exists."""
    reports = [load_builtin_regions(store)]
    if regions_dir is None or not regions_dir.is_dir():
        return reports
    for level, name in BOUNDARY_FILES.items():
        if level is RegionLevel.GEMEENTE:
            reports.append(load_gemeenten(store, regions_dir / GEMEENTE_TABLE))
        reports.append(load_boundaries(store, regions_dir / name, level, 2023))
    return reports
