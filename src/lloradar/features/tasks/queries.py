"""The tasks feature's SQL: occupations and their tasks, the forecast outlook, a worker's ratings,
teams and their disclosure ledger. No consent, role or audit checks here: the use-cases in
`service` make them, and hold the transactions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from lloradar.analytics.disclosure import DisclosureLedger
from lloradar.domain.tasks import Task, TaskRating, TaskSource
from lloradar.store import Store
from lloradar.store.base import Row

_RATING_COLUMNS = ["does_task", "can_do", "want_to_learn", "energy"]


def _first(store: Store, sql: str, params: Sequence[Any]) -> Row | None:
    rows = store.query(sql, params)
    return rows[0] if rows else None


# --- Occupations and their tasks ----------------------------------------------------------------


def has_real_occupations(store: Store) -> bool:
    """Whether the store holds an occupation outside the demo world."""
    return bool(store.query("SELECT 1 FROM occupation WHERE id NOT LIKE 'demo:%' LIMIT 1"))


def occupations(store: Store) -> list[dict[str, Any]]:
    """Every occupation with its stored task source (None where the link set none)."""
    return store.query_dicts(
        "SELECT o.id, o.label_en, o.label_nl, s.task_source, s.confidence "
        "FROM occupation o LEFT JOIN occupation_task_source s ON s.occupation_id = o.id "
        "ORDER BY COALESCE(o.label_nl, o.label_en)"
    )


def occupation_source(store: Store, occupation_id: str) -> Row | None:
    """(label_en, label_nl, task_source, onet_code) of an occupation of the radar."""
    return _first(
        store,
        "SELECT o.label_en, o.label_nl, s.task_source, s.onet_code FROM occupation o "
        "LEFT JOIN occupation_task_source s ON s.occupation_id = o.id WHERE o.id = ?",
        (occupation_id,),
    )


def linked_source(store: Store, occupation_id: str) -> tuple[TaskSource, str | None, str] | None:
    """(task source, O*NET code, English label) of an occupation known only to the link."""
    row = _first(
        store,
        "SELECT task_source, onet_code, label_en FROM occupation_task_source "
        "WHERE occupation_id = ?",
        (occupation_id,),
    )
    if row is None:
        return None
    return TaskSource(row[0]), str(row[1]) if row[1] else None, str(row[2])


def links(store: Store, occupation_id: str) -> list[tuple[str, str, int, float, str]]:
    """(onet_code, onet_title, rank, confidence, method) of the stored links, best first."""
    rows = store.query(
        "SELECT onet_code, onet_title, rank, confidence, method FROM occupation_onet_link "
        "WHERE occupation_id = ? ORDER BY rank",
        (occupation_id,),
    )
    return [(str(r[0]), str(r[1]), int(r[2]), float(r[3]), str(r[4])) for r in rows]


def onet_tasks(store: Store, onet_code: str) -> list[Task]:
    rows = store.query(
        "SELECT task_id, task, task_type, updated FROM onet_task WHERE onet_code = ? "
        "ORDER BY CASE task_type WHEN 'Core' THEN 0 WHEN 'Supplemental' THEN 1 ELSE 2 END, "
        "task_id",
        (onet_code,),
    )
    return [Task(f"onet:{r[0]}", str(r[1]), TaskSource.ONET, r[2], r[3]) for r in rows]


def skill_tasks(store: Store, occupation_id: str, source: TaskSource) -> list[Task]:
    """The occupation's essential skills as its tasks."""
    rows = store.query(
        "SELECT s.id, s.label_en, s.label_nl FROM occupation_skill r "
        "JOIN skill s ON s.id = r.skill_id "
        "WHERE r.occupation_id = ? AND r.relation = 'essential' ORDER BY s.label_en",
        (occupation_id,),
    )
    kind = "demo" if source is TaskSource.DEMO_SKILLS else "essential"
    return [Task(f"skill:{r[0]}", str(r[1]), source, kind, None, r[2]) for r in rows]


def forecast_stock(
    store: Store, scenario: str, occupation_id: str
) -> tuple[bool, list[Row]] | None:
    """Whether the latest forecast run of `scenario` is a demo run, with the occupation's
    (year, stock) in that run by year, summed over regions; None when `scenario` has no run."""
    run = store.query(
        "SELECT run_id, is_demo FROM forecast_run WHERE scenario = ? "
        "ORDER BY created_at DESC LIMIT 1",
        (scenario,),
    )
    if not run:
        return None
    rows = store.query(
        "SELECT year, SUM(stock) FROM forecast_value WHERE run_id = ? AND occupation_id = ? "
        "GROUP BY year ORDER BY year",
        (run[0][0], occupation_id),
    )
    return bool(run[0][1]), rows


# --- A worker's ratings -------------------------------------------------------------------------


def save_ratings(
    store: Store,
    account_id: str,
    occupation_id: str,
    ratings: Sequence[TaskRating],
    rated_at: datetime,
) -> int:
    """Store (replace) the answers; returns how many."""
    rows = [
        (
            account_id,
            occupation_id,
            r.task_key,
            r.does_task,
            r.can_do,
            r.want_to_learn,
            r.energy,
            rated_at,
        )
        for r in ratings
    ]
    store.upsert(
        "task_rating",
        ["account_id", "occupation_id", "task_key", *_RATING_COLUMNS, "rated_at"],
        rows,
        ["account_id", "occupation_id", "task_key"],
    )
    return len(rows)


def ratings(store: Store, account_id: str, occupation_id: str) -> dict[str, TaskRating]:
    rows = store.query(
        "SELECT task_key, does_task, can_do, want_to_learn, energy FROM task_rating "
        "WHERE account_id = ? AND occupation_id = ?",
        (account_id, occupation_id),
    )
    return {
        str(r[0]): TaskRating(str(r[0]), bool(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows
    }


def delete_ratings(store: Store, account_id: str) -> int:
    """Delete all the account's ratings; returns how many there were."""
    count = int(
        store.query("SELECT COUNT(*) FROM task_rating WHERE account_id = ?", (account_id,))[0][0]
    )
    store.execute("DELETE FROM task_rating WHERE account_id = ?", (account_id,))
    return count


def last_rated_occupation(store: Store, account_id: str) -> str | None:
    rows = store.query(
        "SELECT occupation_id FROM task_rating WHERE account_id = ? "
        "ORDER BY rated_at DESC, occupation_id LIMIT 1",
        (account_id,),
    )
    return str(rows[0][0]) if rows else None


# --- Teams ---------------------------------------------------------------------------------------


def add_team(store: Store, code: str, account_id: str, name: str, created_at: datetime) -> None:
    store.execute(
        "INSERT INTO task_team (code, account_id, name, created_at) VALUES (?, ?, ?, ?)",
        (code, account_id, name, created_at),
    )


def team(store: Store, code: str) -> Row | None:
    """(name, account_id) of the team with this code."""
    return _first(store, "SELECT name, account_id FROM task_team WHERE code = ?", (code,))


def add_member(store: Store, code: str, account_id: str, consented_at: datetime) -> None:
    store.upsert(
        "task_team_member",
        ["team_code", "account_id", "consented_at"],
        [(code, account_id, consented_at)],
        ["team_code", "account_id"],
    )


def remove_member(store: Store, code: str, account_id: str) -> None:
    store.execute(
        "DELETE FROM task_team_member WHERE team_code = ? AND account_id = ?", (code, account_id)
    )


def owned_teams(store: Store, account_id: str) -> list[dict[str, Any]]:
    """Code and name of the teams the account owns (no member count)."""
    return store.query_dicts(
        "SELECT code, name FROM task_team WHERE account_id = ? ORDER BY name", (account_id,)
    )


def joined_teams(store: Store, account_id: str) -> list[dict[str, Any]]:
    """Code and name of the teams the account is a member of."""
    return store.query_dicts(
        "SELECT t.code, t.name FROM task_team t JOIN task_team_member m ON m.team_code = t.code "
        "WHERE m.account_id = ? ORDER BY t.name",
        (account_id,),
    )


def team_ratings(store: Store, code: str, purpose: str) -> list[Row]:
    """(account_id, occupation_id, task_key, does_task, can_do, want_to_learn, energy) of the
    team's members who have the `purpose` consent."""
    return store.query(
        "SELECT r.account_id, r.occupation_id, r.task_key, r.does_task, r.can_do, "
        "r.want_to_learn, r.energy FROM task_rating r "
        "JOIN task_team_member m ON m.account_id = r.account_id AND m.team_code = ? "
        "JOIN consent c ON c.account_id = r.account_id AND c.purpose = ? "
        "AND c.withdrawn_at IS NULL",
        (code, purpose),
    )


def ledger(store: Store, code: str) -> DisclosureLedger:
    """The populations the team's view answered for, oldest first."""
    rows = store.query(
        "SELECT members FROM task_team_ledger WHERE team_code = ? ORDER BY answered_at, "
        "population_key",
        (code,),
    )
    return DisclosureLedger([frozenset(str(r[0]).split("\n")) for r in rows])


def record_answer(store: Store, code: str, key: str, members: str, answered_at: datetime) -> None:
    store.upsert(
        "task_team_ledger",
        ["team_code", "population_key", "members", "answered_at"],
        [(code, key, members, answered_at)],
        ["team_code", "population_key"],
    )


# --- Deleting an account ------------------------------------------------------------------------


def delete_join_attempts(store: Store, key: str) -> None:
    store.execute("DELETE FROM login_attempt WHERE attempt_key = ?", (key,))


def has_ledger(store: Store) -> bool:
    return "task_team_ledger" in store.tables()


def delete_owned_teams_rows(store: Store, account_id: str) -> None:
    """The members and ledger of the teams the account owns."""
    owned = "SELECT code FROM task_team WHERE account_id = ?"
    for table in ("task_team_member", "task_team_ledger"):
        store.execute(f"DELETE FROM {table} WHERE team_code IN ({owned})", (account_id,))


def ledger_team_codes(store: Store) -> list[str]:
    return [str(code) for (code,) in store.query("SELECT DISTINCT team_code FROM task_team_ledger")]


def ledger_entries_with(store: Store, code: str, member: str) -> list[Row]:
    """(population_key, members) of the team's ledger lines that may hold `member`."""
    return store.query(
        "SELECT population_key, members FROM task_team_ledger "
        "WHERE team_code = ? AND members LIKE ?",
        (code, f"%{member}%"),
    )


def set_ledger_members(store: Store, code: str, key: str, members: str) -> None:
    store.execute(
        "UPDATE task_team_ledger SET members = ? WHERE team_code = ? AND population_key = ?",
        (members, code, key),
    )
