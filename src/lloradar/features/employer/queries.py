"""The employer view's SQL: regions, labels and the regional figures of one month. Reads only;
the use-case in `service` decides what a missing row means."""

from __future__ import annotations

from datetime import date

from lloradar.analytics.employer import SupplyCell
from lloradar.store import Store
from lloradar.store.base import Row


def arbeidsmarktregio(store: Store, code: str) -> tuple[str, str] | None:
    """Code and name of the arbeidsmarktregio `code` (exactly as stored), if there is one."""
    rows = store.query(
        "SELECT code, name FROM region WHERE code = ? AND level = 'arbeidsmarktregio'", [code]
    )
    if not rows:
        return None
    return str(rows[0][0]), str(rows[0][1])


def labels(store: Store, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Occupation and skill labels in the page language (Dutch where the store has it)."""
    column = "coalesce(label_nl, label_en)" if lang == "nl" else "label_en"
    occupations = {
        str(r[0]): str(r[1]) for r in store.query(f"SELECT id, {column} FROM occupation")
    }
    skills = {str(r[0]): str(r[1]) for r in store.query(f"SELECT id, {column} FROM skill")}
    return occupations, skills


def occupation_names(store: Store) -> dict[str, set[str]]:
    """Every occupation's labels (en and nl), lower case, by URI."""
    names: dict[str, set[str]] = {}
    for uri, label_en, label_nl in store.query("SELECT id, label_en, label_nl FROM occupation"):
        names[str(uri)] = {str(n).lower() for n in (label_en, label_nl) if n}
    return names


def latest_period(store: Store, region: str, occupation: str | None) -> date | None:
    """The latest month with figures for `occupation` in the region (figures arrive per cell, so
    the region's newest month may not hold this occupation yet); else the region's latest."""
    rows = store.query(
        "SELECT max(period), max(CASE WHEN occupation_id = ? THEN period END) "
        "FROM vacancy_stats WHERE region_code = ?",
        [occupation or "", region],
    )
    if not rows:
        return None
    latest, own = rows[0]
    found: date | None = own if own is not None else latest
    return found


def supply(store: Store, region: str, period: date | None) -> dict[str, SupplyCell]:
    """The labour supply of the region in `period`, by occupation."""
    rows = _of_month(
        store,
        "SELECT occupation_id, interested, experienced, job_seekers_short FROM labour_supply",
        region,
        period,
    )
    return {str(r[0]): SupplyCell(str(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in rows}


def open_vacancies(store: Store, region: str, period: date | None) -> dict[str, int]:
    """The open vacancies of the region in `period`, by occupation."""
    rows = _of_month(
        store, "SELECT occupation_id, open_vacancies FROM vacancy_stats", region, period
    )
    return {str(r[0]): int(r[1]) for r in rows}


def _of_month(store: Store, select: str, region: str, period: date | None) -> list[Row]:
    """The rows of `select` (from one table) for the region in `period`; none without one."""
    if period is None:
        return []
    return store.query(f"{select} WHERE region_code = ? AND period = ?", [region, period])


def is_demo(store: Store, region: str, period: date | None) -> bool:
    """Whether the region's vacancy figures of `period` come from the demo world."""
    rows = store.query(
        "SELECT count(*) FROM vacancy_stats v JOIN provenance p ON p.source_id = v.source_id "
        "WHERE v.region_code = ? AND v.period = ? AND p.is_demo",
        [region, period],
    )
    return bool(rows and rows[0][0])
