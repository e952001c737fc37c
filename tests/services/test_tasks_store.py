"""Tasks of the future in the store, on DuckDB and PostgreSQL: the link load (idempotent,
quarantine, provenance), the occupation's tasks, ratings (consent, audit, owner only, delete)
and the team view (10 or more, no differencing, only its employer)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import tasks_world
from demo_worlds import copy_world
from lloradar.domain import IngestError
from lloradar.domain.account import Account, Role
from lloradar.domain.tasks import TaskRating, TaskSource
from lloradar.features.accounts.service import delete_account, register
from lloradar.features.tasks import service as tasks
from lloradar.pipeline.tasks_load import load_tasks_and_link
from lloradar.services import audit
from lloradar.store import Store, open_store

PASSWORD = "een lang wachtwoord"


def _link(store: Store, root: Path, bad: bool = False) -> None:
    onet, esco = tasks_world.build(root, bad_task=bad)
    load_tasks_and_link(store, onet, esco)


def _person(store: Store, name: str, role: Role = Role.CITIZEN) -> Account:
    """An account without the argon2 cost (the tasks tables only need its id)."""
    return Account(id=str(uuid.uuid4()), email=f"{name}@example.nl", role=role, name=name)


def _registered(store: Store, name: str, role: Role = Role.CITIZEN) -> Account:
    return register(store, f"{name}@example.nl", PASSWORD, role, name)


def _occupations(store: Store) -> None:
    store.execute(
        "INSERT INTO provenance (source_id, source, source_table, url, retrieved_at, licence, "
        "checksum, note, is_demo) VALUES ('t', 't', 't', 't', '2025-01-01', 't', 't', '', false)"
    )
    for uri, label in ((tasks_world.NURSE, "nurse"), (tasks_world.JUGGLER, "juggler")):
        store.execute(
            "INSERT INTO occupation (id, label_en, label_nl, isco_code, source_id) "
            "VALUES (?, ?, ?, NULL, 't')",
            (uri, label, label),
        )
    store.execute(
        "INSERT INTO skill (id, label_en, label_nl, skill_type, source_id) "
        "VALUES ('http://data.europa.eu/esco/skill/juggle', 'juggle', 'jongleren', 'skill', 't')"
    )
    store.execute(
        "INSERT INTO occupation_skill VALUES (?, 'http://data.europa.eu/esco/skill/juggle', "
        "'essential', 't')",
        (tasks_world.JUGGLER,),
    )


def test_link_load_is_idempotent_with_quarantine_and_provenance(
    any_store: Store, tmp_path: Path
) -> None:
    onet, esco = tasks_world.build(tmp_path, bad_task=True)
    first = load_tasks_and_link(any_store, onet, esco)
    assert (first.occupations, first.linked, first.fallback) == (3, 2, 1)
    assert first.reports[0].messages() == [
        f"{onet / 'Task Statements.xlsx'} line 7, field 'Task ID': 'abc' is not a whole number",
        f"{onet / 'Task Statements.xlsx'} line 8, field 'Task Type': 'Sometimes' expected Core "
        "or Supplemental",
    ]
    second = load_tasks_and_link(any_store, onet, esco)
    assert second.linked == 2
    counts = [
        any_store.query(f"SELECT COUNT(*) FROM {t}")[0][0]
        for t in ("onet_task", "occupation_onet_link", "occupation_task_source")
    ]
    assert counts == [5, 9, 3]
    sources = dict(any_store.query("SELECT occupation_id, task_source FROM occupation_task_source"))
    assert sources == {
        tasks_world.NURSE: "onet",
        tasks_world.DEVELOPER: "onet",
        tasks_world.JUGGLER: "esco_essential_skills",
    }
    licences = any_store.query(
        "SELECT DISTINCT p.licence FROM occupation_onet_link l "
        "JOIN provenance p ON p.source_id = l.source_id"
    )
    assert licences and "O*NET" in licences[0][0] and "ESCO" in licences[0][0]


def test_a_missing_onet_file_stores_nothing(any_store: Store, tmp_path: Path) -> None:
    onet, esco = tasks_world.build(tmp_path)
    (onet / "Alternate Titles.xlsx").unlink()
    with pytest.raises(
        IngestError, match=r"Alternate Titles.xlsx: is missing \(expected the O\*NET"
    ):
        load_tasks_and_link(any_store, onet, esco)
    assert any_store.query("SELECT COUNT(*) FROM onet_task")[0][0] == 0


def test_occupation_tasks_through_the_link_or_essential_skills(
    any_store: Store, tmp_path: Path
) -> None:
    _occupations(any_store)
    _link(any_store, tmp_path)
    nurse = tasks.occupation_tasks(any_store, tasks_world.NURSE)
    assert nurse is not None and nurse.source is TaskSource.ONET
    assert nurse.links[0].onet_code == "29-1141.00"
    assert [(t.key, t.kind, t.updated) for t in nurse.tasks] == [
        ("onet:1839", "Core", "2021-08"),
        ("onet:1840", "Core", "2021-08"),
        ("onet:1850", "Supplemental", "2021-08"),
    ]
    juggler = tasks.occupation_tasks(any_store, tasks_world.JUGGLER)
    assert juggler is not None and juggler.source is TaskSource.ESCO_ESSENTIAL_SKILLS
    assert [(t.key, t.label("nl")) for t in juggler.tasks] == [
        ("skill:http://data.europa.eu/esco/skill/juggle", "jongleren")
    ]
    # known only to the link (not an occupation of the radar): its O*NET tasks still show
    developer = tasks.occupation_tasks(any_store, tasks_world.DEVELOPER)
    assert developer is not None and [t.key for t in developer.tasks] == ["onet:16363"]
    assert tasks.occupation_tasks(any_store, "http://data.europa.eu/esco/occupation/x") is None


def test_ratings_need_consent_are_audited_and_only_the_owners(
    any_store: Store, tmp_path: Path
) -> None:
    _occupations(any_store)
    _link(any_store, tmp_path)
    anna, bert = _person(any_store, "anna"), _person(any_store, "bert")
    rating = TaskRating("onet:1839", True, 2, 5, 4)
    with pytest.raises(tasks.ConsentRequired):
        tasks.save_ratings(any_store, anna, tasks_world.NURSE, [rating])
    tasks.give_consent(any_store, anna)
    assert tasks.save_ratings(any_store, anna, tasks_world.NURSE, [rating]) == 1
    assert tasks.my_ratings(any_store, anna, tasks_world.NURSE) == {"onet:1839": rating}
    assert tasks.my_ratings(any_store, bert, tasks_world.NURSE) == {}
    actions = [e["action"] for e in audit.entries_for(any_store, anna.id)]
    assert "task ratings written" in actions and "task ratings read" in actions
    task_lines = [e for e in audit.entries_for(any_store, anna.id) if "task" in e["action"]]
    assert {e["purpose"] for e in task_lines} == {"tasks"}
    assert all(e["subject"] != anna.id for e in task_lines)  # pseudonyms, not account ids
    # a bad task key refuses the whole request and keeps what was stored
    with pytest.raises(tasks.TasksError, match="'onet:16363' is not a task of this occupation"):
        tasks.save_ratings(
            any_store,
            anna,
            tasks_world.NURSE,
            [TaskRating("onet:1839", False, 1, 1, 1), TaskRating("onet:16363", True, 1, 1, 1)],
        )
    assert tasks.my_ratings(any_store, anna, tasks_world.NURSE) == {"onet:1839": rating}
    boss = _person(any_store, "boss", Role.EMPLOYER)
    with pytest.raises(tasks.NotAllowed):
        tasks.save_ratings(any_store, boss, tasks_world.NURSE, [rating])
    assert tasks.delete_my_ratings(any_store, anna) == 1
    assert tasks.my_ratings(any_store, anna, tasks_world.NURSE) == {}
    assert "task ratings deleted" in [e["action"] for e in audit.entries_for(any_store, anna.id)]


def test_delete_account_removes_ratings_and_team_membership(
    any_store: Store, tmp_path: Path
) -> None:
    _occupations(any_store)
    _link(any_store, tmp_path)
    anna, boss = _registered(any_store, "anna"), _registered(any_store, "boss", Role.EMPLOYER)
    code = tasks.create_team(any_store, boss, "Afdeling 3")
    tasks.join_team(any_store, anna, code, consent=True)
    tasks.give_consent(any_store, anna)
    tasks.save_ratings(any_store, anna, tasks_world.NURSE, [TaskRating("onet:1839", True, 2, 5, 4)])
    delete_account(any_store, anna.id)
    for table in ("task_rating", "task_team_member"):
        assert any_store.query(
            f"SELECT COUNT(*) FROM {table} WHERE account_id = ?", (anna.id,)
        ) == [(0,)]
    delete_account(any_store, boss.id)
    assert any_store.query("SELECT COUNT(*) FROM task_team")[0][0] == 0


def _team_of(store: Store, boss: Account, n: int, start: int = 0, code: str | None = None) -> str:
    code = code or tasks.create_team(store, boss, "Zorgteam")
    for i in range(start, start + n):
        person = _person(store, f"p{i}")
        tasks.give_consent(store, person)
        tasks.join_team(store, person, code, consent=True)
        tasks.save_ratings(
            store, person, tasks_world.NURSE, [TaskRating("onet:1839", i % 2 == 0, 3, 4, 2 + i % 3)]
        )
    return code


def test_team_view_needs_ten_refuses_differencing_and_strangers(
    any_store: Store, tmp_path: Path
) -> None:
    _occupations(any_store)
    _link(any_store, tmp_path)
    boss = _person(any_store, "boss", Role.EMPLOYER)
    code = _team_of(any_store, boss, 9)
    assert tasks.team_report(any_store, boss, code).view.refused == "too_few"
    _team_of(any_store, boss, 1, start=9, code=code)
    shown = tasks.team_report(any_store, boss, code)
    assert (shown.view.refused, shown.view.members) == (None, 10)
    (row,) = shown.view.rows
    assert (row.raters, row.doing) == (10, None)
    # exact means 3.0, 4.0 and 2.9, shown with the team's fixed noise in bands of 0.5
    bands = {1 + i / 2 for i in range(9)}
    assert {row.can_do, row.want_to_learn, row.energy} <= bands
    assert shown.texts["onet:1839"].text == "Maintain accurate records."
    member = any_store.query(
        "SELECT account_id FROM task_team_member WHERE team_code = ? LIMIT 1", (code,)
    )[0][0]
    lines = [e["action"] for e in audit.entries_for(any_store, member)]
    assert lines.count("task ratings aggregated") == 1  # refused views read nothing
    # one more person: the new view would give that person's answers away (ledger is stored)
    _team_of(any_store, boss, 1, start=10, code=code)
    assert tasks.team_report(any_store, boss, code).view.refused == "differencing"
    # a joiner without a rating does not change the population
    with pytest.raises(tasks.ConsentRequired):
        tasks.join_team(any_store, _person(any_store, "late"), code, consent=False)
    other = _person(any_store, "other", Role.EMPLOYER)
    with pytest.raises(tasks.NotAllowed):
        tasks.team_report(any_store, other, code)
    _team_of(any_store, boss, 9, start=11, code=code)
    assert tasks.team_report(any_store, boss, code).view.members == 20


@pytest.fixture
def demo_duck(offline_demo_world_file: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the session's offline demo world (seed 42, no shared data)."""
    with open_store(str(copy_world(offline_demo_world_file, tmp_path / "demo.duckdb"))) as store:
        yield store


def test_handmade_demo_occupations_use_their_demo_skills_as_tasks(demo_duck: Store) -> None:
    assert tasks.link_demo_tasks(demo_duck, None) == []
    picked = {o["label_en"]: o for o in tasks.occupations(demo_duck)}
    nurse = picked["nurse responsible for general care"]
    assert nurse["task_source"] == "demo_skills"
    found = tasks.occupation_tasks(demo_duck, nurse["id"])
    assert found is not None and found.is_demo and found.source is TaskSource.DEMO_SKILLS
    assert [t.label("nl") for t in found.tasks] == [
        "medicatie toedienen",
        "zorg plannen",
        "patiëntenzorg verlenen",
        "empathie tonen",
    ]
    assert {t.kind for t in found.tasks} == {"demo"}
    anna = _person(demo_duck, "anna")
    tasks.give_consent(demo_duck, anna)
    key = found.tasks[0].key
    tasks.save_ratings(demo_duck, anna, nurse["id"], [TaskRating(key, True, 4, 4, 5)])
    built = tasks.my_report(demo_duck, anna, nurse["id"])
    assert built is not None
    assert [r.task.key for r in built[1].energy] == [key]
