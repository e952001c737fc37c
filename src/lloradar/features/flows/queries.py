"""The flows feature's SQL: a region's stocks (job seekers, vacancies, employment), occupation
and sector labels, the provenance of those stocks, and which CBS mobility tables are loaded."""

from __future__ import annotations

from typing import Any

from lloradar.store import Store

# CBS StatLine tables that would give observed flows (none ships in ../shared/data):
# 83120NED  Werkzame beroepsbevolking; wisseling van beroepsklasse (job-to-job, national, BRC)
# 83628NED  Banen van werknemers naar woon- en werkregio (commuting, 2014-2020)
# 85481NED  Werknemersbanen en reisafstand; woon- en werkregio (commuting, 2021-)
JOB_TO_JOB_TABLES = ("83120NED",)
COMMUTING_TABLES = ("83628NED", "85481NED")


def region(store: Store, code: str) -> dict[str, Any] | None:
    rows = store.query_dicts("SELECT code, name, level FROM region WHERE code = ?", [code])
    return rows[0] if rows else None


def latest_supply_period(store: Store, region_code: str) -> Any:
    return store.query(
        "SELECT max(period) FROM labour_supply WHERE region_code = ?", [region_code]
    )[0][0]


def markets(store: Store, region_code: str, period: Any) -> list[dict[str, Any]]:
    """Per occupation of the region in one month: open vacancies and job seekers (< 6 months
    and longer)."""
    return store.query_dicts(
        "SELECT s.occupation_id, s.job_seekers_short AS short, s.job_seekers_long AS long, "
        "COALESCE(v.open_vacancies, 0) AS vacancies FROM labour_supply s "
        "LEFT JOIN vacancy_stats v ON v.region_code = s.region_code "
        "AND v.occupation_id = s.occupation_id AND v.period = s.period "
        "WHERE s.region_code = ? AND s.period = ? ORDER BY s.occupation_id",
        [region_code, period],
    )


def employed_by_age(store: Store, region_code: str) -> list[dict[str, Any]]:
    """Employed persons per occupation x age band in the region's last year."""
    return store.query_dicts(
        "SELECT occupation_id, age_band, sum(persons) AS persons FROM occupation_employment "
        "WHERE region_code = ? AND year = (SELECT max(year) FROM occupation_employment "
        "WHERE region_code = ?) GROUP BY occupation_id, age_band ORDER BY 1, 2",
        [region_code, region_code],
    )


def occupation_sectors(store: Store, region_code: str) -> dict[str, str]:
    """Each occupation's main sector in the region (the SBI section with most of its workers;
    ties: the first code)."""
    rows = store.query(
        "SELECT occupation_id, sector_code, sum(persons) AS persons FROM occupation_employment "
        "WHERE region_code = ? GROUP BY occupation_id, sector_code "
        "ORDER BY occupation_id, persons DESC, sector_code",
        [region_code],
    )
    sectors: dict[str, str] = {}
    for occupation, sector, _ in rows:
        sectors.setdefault(str(occupation), str(sector))
    return sectors


def occupation_labels(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.query("SELECT id, COALESCE(label_nl, label_en), label_en FROM occupation")
    return {str(i): (str(nl), str(en)) for i, nl, en in rows}


def sector_labels(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.query("SELECT code, label_nl, COALESCE(label_en, label_nl) FROM sector")
    return {str(c): (str(nl), str(en)) for c, nl, en in rows}


def stock_sources(store: Store, tables: tuple[str, ...]) -> list[dict[str, Any]]:
    """The provenance of the stock tables the matrices were built from."""
    marks = ", ".join("?" for _ in tables)
    return store.query_dicts(
        'SELECT DISTINCT p.source, p.source_table AS "table", p.licence, p.retrieved_at, '
        f"p.is_demo FROM provenance p WHERE p.source_table IN ({marks}) ORDER BY 2",
        list(tables),
    )


def loaded_cbs_tables(store: Store, tables: tuple[str, ...]) -> list[str]:
    marks = ", ".join("?" for _ in tables)
    rows = store.query(
        f"SELECT DISTINCT table_id FROM cbs_observation WHERE table_id IN ({marks}) ORDER BY 1",
        list(tables),
    )
    return [str(r[0]) for r in rows]


def labour_market_regions(store: Store) -> list[dict[str, Any]]:
    return store.query_dicts(
        "SELECT code, name FROM region WHERE level = 'arbeidsmarktregio' ORDER BY code"
    )


def cbs_observations(store: Store, table_id: str) -> list[tuple[str, str, float | None]]:
    rows = store.query(
        "SELECT dimensions, measure, value FROM cbs_observation WHERE table_id = ?", [table_id]
    )
    return [(str(d), str(m), None if v is None else float(v)) for d, m, v in rows]


def statline_topics(store: Store, table_id: str) -> dict[str, tuple[str, str]]:
    rows = store.query(
        "SELECT measure, title, unit FROM statline_topic WHERE table_id = ?", [table_id]
    )
    return {str(m): (str(t), str(u or "")) for m, t, u in rows}


def gemeente_regions(store: Store) -> dict[str, str]:
    rows = store.query(
        "SELECT code, parent_code FROM region WHERE level = 'gemeente' AND parent_code IS NOT NULL"
    )
    return {str(c): str(p) for c, p in rows}


def region_names(store: Store) -> dict[str, str]:
    rows = store.query("SELECT code, name FROM region WHERE level = 'arbeidsmarktregio'")
    return {str(c): str(n) for c, n in rows}


def table_sources(store: Store, table_id: str) -> list[dict[str, Any]]:
    return store.query_dicts(
        'SELECT DISTINCT p.source, p.source_table AS "table", p.licence, p.retrieved_at, '
        "p.is_demo FROM provenance p JOIN cbs_observation o ON o.source_id = p.source_id "
        "WHERE o.table_id = ?",
        [table_id],
    )
