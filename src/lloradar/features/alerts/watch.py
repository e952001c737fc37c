"""The current state of what a subscription watches, read from the store, and the labels that
make an event readable.

- tension class: the published class (`published_indicator`, read through the indicators'
  service) of the region x occupation's latest published month; None where the publication
  hides it. Nothing is recomputed from the facts: a load republishes (`refresh_derived`);
- vacancies: the ids of postings in `vacancy` for the occupation, or with the skill in
  `vacancy_skill`, in the region (a gemeente counts for its arbeidsmarktregio and provincie);
- courses: the ids of courses that teach the skill, from `course_skill` (migration 009). The
  course tables belong to the course catalogue; when they are missing the state is empty.
"""

from __future__ import annotations

from lloradar.analytics.alerts import tension_state
from lloradar.domain.alerts import AlertKind, Subscription, WatchState
from lloradar.features.indicators.service import (
    PublishedCell,
    ensure_indicators,
    latest_published_cells,
)
from lloradar.store import Store


def current_state(store: Store, subscription: Subscription, tables: set[str]) -> WatchState:
    if subscription.kind is AlertKind.TENSION:
        return _tension(store, subscription.region_code or "", subscription.occupation_id or "")
    if subscription.kind is AlertKind.VACANCIES:
        return WatchState(items=_vacancy_ids(store, subscription))
    if {"course", "course_skill"} <= tables and subscription.skill_id:
        return WatchState(items=_course_ids(store, subscription.skill_id))
    return WatchState()


def _tension(store: Store, region: str, occupation: str) -> WatchState:
    ensure_indicators(store)
    cell = latest_published_cells(store, [(region, occupation)]).get((region, occupation))
    return _state(cell)


def tension_states(store: Store) -> dict[tuple[str, str], WatchState]:
    """The watched tension of every region x occupation that a tension subscription watches:
    the published class of its latest published month."""
    ensure_indicators(store)
    watched = [
        (str(r[0]), str(r[1]))
        for r in store.query(
            "SELECT DISTINCT region_code, occupation_id FROM alert_subscription WHERE kind = ? "
            "AND region_code IS NOT NULL AND occupation_id IS NOT NULL",
            (AlertKind.TENSION.value,),
        )
    ]
    return {key: _state(cell) for key, cell in latest_published_cells(store, watched).items()}


def _state(cell: PublishedCell | None) -> WatchState:
    if cell is None:
        return WatchState()
    return tension_state(cell.period.isoformat(), cell.tension_class)


def _vacancy_ids(store: Store, sub: Subscription) -> frozenset[str]:
    where, params = [], []
    if sub.occupation_id:
        where.append("v.occupation_id = ?")
        params.append(sub.occupation_id)
    if sub.skill_id:
        where.append("v.vacancy_id IN (SELECT vacancy_id FROM vacancy_skill WHERE skill_id = ?)")
        params.append(sub.skill_id)
    if not where:
        return frozenset()
    sql = (
        "SELECT v.vacancy_id FROM vacancy v LEFT JOIN region r ON r.code = v.region_code "
        f"WHERE ({' OR '.join(where)})"
    )
    if sub.region_code:
        sql += " AND (v.region_code = ? OR r.parent_code = ? OR r.province_code = ?)"
        params += [sub.region_code] * 3
    return frozenset(str(r[0]) for r in store.query(sql, params))


def _course_ids(store: Store, skill_id: str) -> frozenset[str]:
    """Courses that teach the skill; a catalogue that also links required skills says which
    link is which in `relation`, and only 'teaches' counts."""
    sql = "SELECT DISTINCT course_id FROM course_skill WHERE skill_id = ?"
    if "relation" in {c.lower() for c in _columns(store, "course_skill")}:
        sql += " AND relation = 'teaches'"
    rows = store.query(sql, (skill_id,))
    return frozenset(str(r[0]) for r in rows)


def labels(store: Store, sub: Subscription) -> dict[str, tuple[str, str]]:
    """(nl, en) labels of the subscription's region, occupation and skill; the id when unknown."""
    found: dict[str, tuple[str, str]] = {}
    if sub.region_code:
        rows = store.query("SELECT name FROM region WHERE code = ?", (sub.region_code,))
        name = str(rows[0][0]) if rows else sub.region_code
        found["region"] = (name, name)
    for key, table, value in (
        ("occupation", "occupation", sub.occupation_id),
        ("skill", "skill", sub.skill_id),
    ):
        if value:
            rows = store.query(f"SELECT label_nl, label_en FROM {table} WHERE id = ?", (value,))
            nl, en = (rows[0][0] or rows[0][1], rows[0][1]) if rows else (value, value)
            found[key] = (str(nl), str(en))
    return found


def course_titles(store: Store, course_ids: tuple[str, ...], tables: set[str]) -> list[str]:
    """Titles of courses, for the e-mail and feed text; ids when the catalogue has no title."""
    if "course" not in tables or not course_ids:
        return list(course_ids)
    columns = {c.lower() for c in _columns(store, "course")}
    title = next((c for c in ("title", "name", "label") if c in columns), None)
    key = next((c for c in ("course_id", "id") if c in columns), None)
    if title is None or key is None:
        return list(course_ids)
    marks = ", ".join("?" * len(course_ids))
    rows = store.query(
        f"SELECT {key}, {title} FROM course WHERE {key} IN ({marks})", list(course_ids)
    )
    names = {str(r[0]): str(r[1]) for r in rows}
    return [names.get(c, c) for c in course_ids]


def _columns(store: Store, table: str) -> list[str]:
    rows = store.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", (table,)
    )
    return [str(r[0]) for r in rows]
