"""SQL of the programme profiles: DUO rows in `education_supply`, the gemeenten of the
`region` table, and provenance."""

from __future__ import annotations

from typing import Any

from lloradar.services.request_store import Store


def domains(store: Store, code: str, kind: str) -> list[str]:
    """The sectors of education (CROHO onderdeel, mbo domein) of a programme."""
    rows = store.query(
        "SELECT DISTINCT domain FROM education_supply WHERE programme_code = ? AND kind = ? "
        "AND coalesce(domain, '') <> '' ORDER BY domain",
        [code, kind],
    )
    return [str(r[0]) for r in rows]


def programme_rows(store: Store, code: str) -> list[tuple[Any, ...]]:
    """(kind, name, level, gemeente, year, persons, source id) of one programme code."""
    return store.query(
        "SELECT kind, programme_name, level, gemeente, year, sum(persons), min(source_id) "
        "FROM education_supply WHERE programme_code = ? "
        "GROUP BY kind, programme_name, level, gemeente, year ORDER BY year",
        [code],
    )


def gemeenten(store: Store) -> list[tuple[Any, ...]]:
    """(code, name, arbeidsmarktregio code) of every gemeente with its parent."""
    return store.query(
        "SELECT code, name, parent_code FROM region WHERE level = 'gemeente' AND parent_code "
        "IS NOT NULL"
    )


def region_names(store: Store) -> dict[str, str]:
    return {
        str(code): str(name)
        for code, name in store.query(
            "SELECT code, name FROM region WHERE level = 'arbeidsmarktregio'"
        )
    }


def provenance(store: Store, source_ids: list[str]) -> list[tuple[Any, ...]]:
    if not source_ids:
        return []
    marks = ", ".join("?" * len(source_ids))
    return store.query(
        "SELECT source, source_table, url, licence, retrieved_at, is_demo FROM provenance "
        f"WHERE source_id IN ({marks}) ORDER BY source_table",
        source_ids,
    )


def programme_index(store: Store) -> list[tuple[Any, ...]]:
    """(code, name, kind, level, latest year, persons in that year) of every programme."""
    return store.query(
        "WITH t AS (SELECT programme_code, max(programme_name) AS name, kind, "
        "string_agg(DISTINCT level, ', ') AS levels, year, sum(persons) AS persons "
        "FROM education_supply GROUP BY programme_code, kind, year) "
        "SELECT programme_code, name, kind, levels, year, persons FROM t "
        "WHERE year = (SELECT max(year) FROM t AS u WHERE u.programme_code = t.programme_code) "
        "ORDER BY programme_code"
    )
