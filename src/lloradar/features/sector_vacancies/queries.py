"""SQL of the sector vacancies: CBS 83599NED observations and their provenance."""

from __future__ import annotations

from typing import Any

from lloradar.features.sector_vacancies.codes import MEASURE, SECTOR_DIMENSION, TABLE_ID
from lloradar.services.request_store import Store

_SECTOR_CODE = (
    f"split_part(split_part(';' || dimensions || ';', ';{SECTOR_DIMENSION}=', 2), ';', 1)"
)


def sector_codes(store: Store) -> list[str]:
    """The CBS sector ids that have observations."""
    rows = store.query(
        f"SELECT DISTINCT {_SECTOR_CODE} FROM cbs_observation WHERE table_id = ? AND measure = ?",
        [TABLE_ID, MEASURE],
    )
    return sorted(str(r[0]) for r in rows if r[0])


def observations(
    store: Store,
    sector: str,
    table: str = TABLE_ID,
    measure: str = MEASURE,
    dimension: str = SECTOR_DIMENSION,
) -> list[tuple[Any, ...]]:
    """(region code, CBS period, value, status) of one sector of a CBS table (83599NED:
    thousands of open vacancies per region)."""
    return store.query(
        "SELECT region_code, period, value, status FROM cbs_observation "
        "WHERE table_id = ? AND measure = ? AND ';' || dimensions || ';' LIKE ? "
        "ORDER BY region_code, period",
        [table, measure, f"%;{dimension}={sector};%"],
    )


def provenance(
    store: Store,
    sector: str,
    table: str = TABLE_ID,
    measure: str = MEASURE,
    dimension: str = SECTOR_DIMENSION,
) -> list[tuple[Any, ...]]:
    """(source, table, url, licence, retrieved_at, is_demo) of the loads behind a sector."""
    return store.query(
        "SELECT source, source_table, url, licence, retrieved_at, is_demo FROM provenance "
        "WHERE source_id IN (SELECT DISTINCT source_id FROM cbs_observation "
        "WHERE table_id = ? AND measure = ? AND ';' || dimensions || ';' LIKE ?) "
        "ORDER BY retrieved_at",
        [table, measure, f"%;{dimension}={sector};%"],
    )
