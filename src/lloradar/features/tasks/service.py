"""Tasks of the future use-cases: an occupation's tasks, a worker's ratings and report, and an
employer's team (join with consent; aggregates of 10 or more people only).

Ratings are personal data: every read and write is audited (purpose `tasks`), stored only with
the `tasks` consent, shown only to their owner, and removed with the account."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lloradar.analytics.task_report import (
    MemberRating,
    PersonalReport,
    TeamView,
    occupation_outlook,
    personal_report,
    team_view,
)
from lloradar.domain.account import Account, Purpose, Role
from lloradar.domain.tasks import Task, TaskRating, TaskSource, Trend
from lloradar.features.accounts import service as accounts
from lloradar.features.tasks import queries
from lloradar.pipeline.save import LoadReport
from lloradar.pipeline.tasks_load import LinkRun, load_tasks_and_link
from lloradar.services import audit
from lloradar.store import Store

PURPOSE = str(Purpose.TASKS)
# 12 hex characters (48 bits) and at most 5 unknown codes per worker per 15 minutes: a team
# cannot be found by trying codes (each member changes the employer's view and its ledger).
TEAM_CODE_LENGTH = 12

accounts.register_personal_table("task_rating")
accounts.register_personal_table("task_team_member")
accounts.register_personal_table("task_team")


def _forget_account(store: Store, account_id: str) -> None:
    """The delete hook: an employer's teams take their members and ledger along (the members'
    own ratings stay theirs); a member's pseudonym in other teams' ledgers becomes a random
    tombstone, so the ledger keeps refusing differencing but no longer points at the person."""
    queries.delete_join_attempts(store, _join_key(account_id))
    if not queries.has_ledger(store):
        return
    queries.delete_owned_teams_rows(store, account_id)
    for code in queries.ledger_team_codes(store):
        member = _member_pseudonym(code, account_id)
        tombstone = "deleted:" + secrets.token_hex(12)
        for key, members in queries.ledger_entries_with(store, code, member):
            kept = [tombstone if m == member else m for m in str(members).split("\n")]
            queries.set_ledger_members(store, code, key, "\n".join(sorted(kept)))


accounts.register_delete_hook("tasks", _forget_account)


class TasksError(ValueError):
    """A request the tasks tool cannot do, with a message a person can act on."""


class ConsentRequired(TasksError):
    pass


class NotAllowed(PermissionError):
    pass


class TooManyJoins(TasksError):
    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"Too many unknown team codes; try again in {retry_after // 60 + 1} minutes."
        )
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class LinkInfo:
    onet_code: str
    onet_title: str
    rank: int
    confidence: float
    method: str


@dataclass(frozen=True, slots=True)
class OccupationTasks:
    id: str
    label_en: str
    label_nl: str | None
    source: TaskSource
    links: tuple[LinkInfo, ...]  # the stored candidate pairs, best first (may be empty)
    tasks: tuple[Task, ...]

    def label(self, lang: str) -> str:
        return self.label_nl if lang == "nl" and self.label_nl else self.label_en

    @property
    def is_demo(self) -> bool:
        return self.id.startswith("demo:")


@dataclass(frozen=True, slots=True)
class Outlook:
    trend: Trend
    change: float | None
    scenario: str | None
    is_demo: bool


# --- Building the link -------------------------------------------------------------------------


def link_from_shared_data(store: Store, shared_data: Path, only_stored: bool = False) -> LinkRun:
    """Load O*NET tasks and link ESCO occupations, from the shared data folder."""
    return load_tasks_and_link(
        store, shared_data / "onet", shared_data / "esco-v1.1.1", only_stored=only_stored
    )


def link_demo_tasks(store: Store, shared_data: Path | None) -> list[LoadReport]:
    """The demo build's step: link the stored (demo) ESCO occupations when O*NET and ESCO are
    there; without them the demo occupations use their demo skills as tasks."""
    if shared_data is None:
        return []
    needed = [
        shared_data / "onet" / "Task Statements.xlsx",
        shared_data / "esco-v1.1.1" / "occupations_en.csv.gz",
    ]
    if not all(path.is_file() for path in needed):
        return []
    if not queries.has_real_occupations(store):
        return []
    return link_from_shared_data(store, shared_data, only_stored=True).reports


# --- Occupations and their tasks ----------------------------------------------------------------


def occupations(store: Store) -> list[dict[str, Any]]:
    """The occupations a worker can pick, with where their tasks come from."""
    rows = queries.occupations(store)
    for row in rows:
        row["task_source"] = row["task_source"] or _default_source(str(row["id"])).value
    return rows


def _default_source(occupation_id: str) -> TaskSource:
    if occupation_id.startswith("demo:"):
        return TaskSource.DEMO_SKILLS
    return TaskSource.ESCO_ESSENTIAL_SKILLS


def _links(store: Store, occupation_id: str) -> tuple[LinkInfo, ...]:
    return tuple(LinkInfo(*link) for link in queries.links(store, occupation_id))


def occupation_tasks(store: Store, occupation_id: str) -> OccupationTasks | None:
    """An occupation's tasks: O*NET statements through a good link, else its essential skills."""
    found = queries.occupation_source(store, occupation_id)
    if found is None:
        return _linked_only(store, occupation_id)
    label_en, label_nl, source_name, onet_code = found
    source = TaskSource(source_name) if source_name else _default_source(occupation_id)
    if source is TaskSource.ONET and onet_code:
        tasks = queries.onet_tasks(store, str(onet_code))
    else:
        tasks = queries.skill_tasks(store, occupation_id, source)
    links = _links(store, occupation_id)
    return OccupationTasks(occupation_id, label_en, label_nl, source, links, tuple(tasks))


def _linked_only(store: Store, occupation_id: str) -> OccupationTasks | None:
    """An ESCO occupation known only to the link (the full link run, not in the radar)."""
    found = queries.linked_source(store, occupation_id)
    if found is None:
        return None
    source, onet_code, label_en = found
    tasks = queries.onet_tasks(store, onet_code) if onet_code else []
    return OccupationTasks(
        occupation_id, label_en, None, source, _links(store, occupation_id), tuple(tasks)
    )


def outlook(store: Store, occupation_id: str, scenario: str = "baseline") -> Outlook:
    """The occupation's employment change over the latest `scenario` forecast run's horizon."""
    found = queries.forecast_stock(store, scenario, occupation_id)
    if found is None:
        return Outlook(Trend.UNKNOWN, None, None, False)
    is_demo, rows = found
    if len(rows) < 2 or not rows[0][1]:
        return Outlook(Trend.UNKNOWN, None, scenario, is_demo)
    change = float(rows[-1][1]) / float(rows[0][1]) - 1
    return Outlook(occupation_outlook(change), change, scenario, is_demo)


# --- A worker's ratings and report -------------------------------------------------------------


def _require_citizen(account: Account) -> None:
    if account.role is not Role.CITIZEN:
        raise NotAllowed("Only a worker (citizen account) rates tasks.")


def give_consent(store: Store, account: Account) -> None:
    accounts.give_consent(store, account.id, Purpose.TASKS)


def has_consent(store: Store, account: Account) -> bool:
    return accounts.has_consent(store, account.id, Purpose.TASKS)


def save_ratings(
    store: Store, account: Account, occupation_id: str, ratings: Sequence[TaskRating]
) -> int:
    """Store (replace) the worker's answers for tasks of this occupation; all or nothing."""
    _require_citizen(account)
    if not has_consent(store, account):
        raise ConsentRequired("Give consent for 'tasks' before your ratings can be stored.")
    found = occupation_tasks(store, occupation_id)
    if found is None:
        raise TasksError(f"'{occupation_id}' is not an occupation in the radar.")
    known = {t.key for t in found.tasks}
    unknown = [r.task_key for r in ratings if r.task_key not in known]
    if unknown:
        raise TasksError(f"task '{unknown[0]}' is not a task of this occupation.")
    now = datetime.now(UTC).replace(tzinfo=None)
    with store.transaction():
        count = queries.save_ratings(store, account.id, occupation_id, ratings, now)
        audit.record(store, account.id, "task ratings written", account.id, PURPOSE)
    return count


def my_ratings(store: Store, account: Account, occupation_id: str) -> dict[str, TaskRating]:
    """The worker's own answers for one occupation (audited read)."""
    found = queries.ratings(store, account.id, occupation_id)
    audit.record(store, account.id, "task ratings read", account.id, PURPOSE)
    return found


def delete_my_ratings(store: Store, account: Account) -> int:
    """Hard delete of all the worker's ratings (teams keep their membership); logged without
    content. Returns how many ratings went."""
    with store.transaction():
        count = queries.delete_ratings(store, account.id)
        audit.record(store, account.id, "task ratings deleted", account.id, PURPOSE)
    return count


def my_occupation(store: Store, account: Account) -> str | None:
    """The occupation the worker rated last, if any (an audited read of their ratings)."""
    found = queries.last_rated_occupation(store, account.id)
    audit.record(store, account.id, "task ratings read", account.id, PURPOSE)
    return found


def my_report(
    store: Store, account: Account, occupation_id: str
) -> tuple[OccupationTasks, PersonalReport, Outlook] | None:
    found = occupation_tasks(store, occupation_id)
    if found is None:
        return None
    ratings = my_ratings(store, account, occupation_id)
    view = outlook(store, occupation_id)
    return found, personal_report(found.tasks, ratings, view.trend), view


# --- Teams ---------------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def create_team(store: Store, employer: Account, name: str) -> str:
    if employer.role is not Role.EMPLOYER:
        raise NotAllowed("Only an employer account creates a team.")
    name = name.strip()
    if not 1 <= len(name) <= 100:
        raise TasksError("A team name has 1 to 100 characters.")
    code = secrets.token_hex(TEAM_CODE_LENGTH // 2).upper()
    with store.transaction():
        queries.add_team(store, code, employer.id, name, _now())
        audit.record(store, employer.id, "task team created", employer.id, PURPOSE)
    return code


def join_team(store: Store, account: Account, code: str, consent: bool) -> str:
    """Join a team with explicit consent that your ratings count in its (aggregate) view."""
    _require_citizen(account)
    if not consent:
        raise ConsentRequired("Joining a team needs your consent to count in its team view.")
    code = code.strip().upper()
    key = _join_key(account.id)
    try:
        accounts.check_attempts(store, key)
    except accounts.TooManyAttempts as exc:
        raise TooManyJoins(exc.retry_after) from None
    team = queries.team(store, code)
    if team is None:
        accounts.record_failure(store, key)
        raise TasksError(f"There is no team with code '{code}'.")
    with store.transaction():
        queries.add_member(store, code, account.id, _now())
        audit.record(store, account.id, "task team joined", account.id, PURPOSE)
    return str(team[0])


def _join_key(account_id: str) -> str:
    return "team-join:" + audit.pseudonym(account_id)


def leave_team(store: Store, account: Account, code: str) -> None:
    with store.transaction():
        queries.remove_member(store, code.strip().upper(), account.id)
        audit.record(store, account.id, "task team left", account.id, PURPOSE)


def my_teams(store: Store, account: Account) -> list[dict[str, Any]]:
    """The teams an employer owns, or a worker is a member of (an audited read)."""
    audit.record(store, account.id, "task teams read", account.id, PURPOSE)
    if account.role is Role.EMPLOYER:
        # no member count: a raw count under 10 (and its changes) is not for the employer
        return queries.owned_teams(store, account.id)
    return queries.joined_teams(store, account.id)


def _member_pseudonym(code: str, account_id: str) -> str:
    return hashlib.sha256(f"{code}|{audit.pseudonym(account_id)}".encode()).hexdigest()[:24]


def _noise_key(code: str) -> bytes:
    """The team's secret for the noise of its view: a keyed hash under the server's key, so it
    is fixed per team and unknown to the employer."""
    return audit.pseudonym("team-view-noise:" + code).encode()


@dataclass(frozen=True, slots=True)
class TeamReport:
    code: str
    name: str
    view: TeamView
    texts: dict[str, Task]


def team_report(store: Store, employer: Account, code: str) -> TeamReport:
    """The team's aggregates for its employer; refuses < 10 people and differencing."""
    code = code.strip().upper()
    team = queries.team(store, code)
    if team is None or team[1] != employer.id:
        raise NotAllowed("This team is not yours.")
    rows = queries.team_ratings(store, code, PURPOSE)
    ratings = [
        MemberRating(
            _member_pseudonym(code, str(r[0])),
            str(r[2]),
            TaskRating(str(r[2]), bool(r[3]), int(r[4]), int(r[5]), int(r[6])),
        )
        for r in rows
    ]
    occupations_seen = {str(r[1]) for r in rows}
    with store.transaction():
        view = team_view(ratings, queries.ledger(store, code), _noise_key(code))
        for population in view.answered:
            members = "\n".join(sorted(str(m) for m in population))
            key = hashlib.sha256(members.encode()).hexdigest()[:32]
            queries.record_answer(store, code, key, members, _now())
        audit.record(store, employer.id, "task team view read", employer.id, PURPOSE)
        if view.refused is None:
            # each member's ratings were read into the aggregate: one line per member
            for member_id in sorted({str(r[0]) for r in rows}):
                audit.record(store, employer.id, "task ratings aggregated", member_id, PURPOSE)
    texts: dict[str, Task] = {}
    for occupation_id in sorted(occupations_seen):
        found = occupation_tasks(store, occupation_id)
        for task in found.tasks if found else ():
            texts.setdefault(task.key, task)
    return TeamReport(code, str(team[0]), view, texts)
