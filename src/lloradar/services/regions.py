"""Region listings."""

from __future__ import annotations

from lloradar.domain import Region, RegionLevel
from lloradar.store import Store


def list_regions(store: Store, level: RegionLevel = RegionLevel.ARBEIDSMARKTREGIO) -> list[Region]:
    rows = store.query(
        "SELECT code, name, level, parent_code, province_code FROM region "
        "WHERE level = ? ORDER BY code",
        [level.value],
    )
    return [Region(r[0], r[1], RegionLevel(r[2]), r[3], r[4]) for r in rows]
