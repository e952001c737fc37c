"""SQL of brede welvaart: StatLine observations of the indicators' table, the table's and
topics' descriptions, the gemeenten of a region, and provenance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lloradar.services.request_store import Store


def observations(store: Store, table_id: str, measures: Sequence[str]) -> list[tuple[Any, ...]]:
    """(region code, measure, value, source id) of the table's region rows for `measures`."""
    marks = ", ".join("?" * len(measures))
    return store.query(
        "SELECT region_code, measure, value, source_id FROM cbs_observation "
        f"WHERE table_id = ? AND region_code IS NOT NULL AND measure IN ({marks})",
        [table_id, *measures],
    )


def table_info(store: Store, table_id: str) -> tuple[Any, ...] | None:
    rows = store.query("SELECT title, period FROM statline_table WHERE table_id = ?", [table_id])
    return rows[0] if rows else None


def region(store: Store, code: str) -> tuple[Any, ...] | None:
    """(code, name, level) of a region."""
    rows = store.query("SELECT code, name, level FROM region WHERE code = ?", [code])
    return rows[0] if rows else None


def gemeenten_of(store: Store, code: str, level: str) -> list[str]:
    """The gemeente codes within a region (an arbeidsmarktregio, provincie or the country)."""
    if level == "gemeente":
        return [code]
    where = {
        "arbeidsmarktregio": " AND parent_code = ?",
        "provincie": " AND province_code = ?",
    }.get(level, "")
    return [
        str(r[0])
        for r in store.query(
            f"SELECT code FROM region WHERE level = 'gemeente'{where}", [code] if where else []
        )
    ]


def arbeidsmarktregios_of(store: Store, code: str, level: str) -> list[str]:
    """The arbeidsmarktregio codes within a provincie or the country."""
    if level not in ("provincie", "land"):
        return []
    where = " AND parent_code = ?" if level == "provincie" else ""
    return [
        str(r[0])
        for r in store.query(
            f"SELECT code FROM region WHERE level = 'arbeidsmarktregio'{where}",
            [code] if where else [],
        )
    ]


def provenance(store: Store, source_ids: Sequence[str]) -> list[tuple[Any, ...]]:
    if not source_ids:
        return []
    marks = ", ".join("?" * len(source_ids))
    return store.query(
        "SELECT source, source_table, url, licence, retrieved_at, is_demo FROM provenance "
        f"WHERE source_id IN ({marks}) ORDER BY retrieved_at",
        list(source_ids),
    )
