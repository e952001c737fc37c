"""Region listings, and the one resolver of a region code or name (with suggestions)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lloradar.domain import Region, RegionLevel, UnknownLabel
from lloradar.services.suggest import closest
from lloradar.store import Store

# The levels the labour-market figures are published at (no gemeenten).
FIGURE_LEVELS = (RegionLevel.ARBEIDSMARKTREGIO, RegionLevel.PROVINCIE, RegionLevel.LAND)


def list_regions(store: Store, level: RegionLevel = RegionLevel.ARBEIDSMARKTREGIO) -> list[Region]:
    rows = store.query(
        "SELECT code, name, level, parent_code, province_code FROM region "
        "WHERE level = ? ORDER BY code",
        [level.value],
    )
    return [Region(r[0], r[1], RegionLevel(r[2]), r[3], r[4]) for r in rows]


def region_choices(regions: Iterable[Region]) -> list[tuple[str, str]]:
    """(code, label) pairs to suggest regions from: each region by its code and its name."""
    return [(r.code, label) for r in regions for label in (r.code, r.name)]


def resolve_region(store: Store, text: str, levels: Sequence[RegionLevel] = FIGURE_LEVELS) -> str:
    """The code of the region of one of `levels` with this code or exact name (any case; a name
    shared by several levels is the region of the first), or a region code of the stored
    figures. Anything else raises UnknownLabel with the nearest regions as "name (code)"."""
    regions = [r for level in levels for r in list_regions(store, level)]
    wanted = text.strip().lower()
    for region in regions:
        if wanted == region.code.lower():
            return region.code
    for region in regions:
        if wanted == region.name.lower():
            return region.code
    if store.query(
        "SELECT region_code FROM vacancy_stats WHERE region_code = ? "
        "UNION SELECT region_code FROM labour_supply WHERE region_code = ?",
        [text, text],
    ):
        return text
    by_code = {r.code: r for r in regions}
    near = closest(text, region_choices(regions))
    raise UnknownLabel("region", text, [f"{by_code[c].name} ({c})" for c, _ in near])
