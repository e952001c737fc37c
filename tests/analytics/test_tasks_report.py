"""The personal task report (four questions, trend rule, suggestions) and the team view
(only groups of 10 or more, no differencing)."""

from __future__ import annotations

import pytest

from lloradar.analytics.disclosure import DisclosureLedger
from lloradar.analytics.task_report import (
    MemberRating,
    occupation_outlook,
    personal_report,
    task_trend,
    team_view,
)
from lloradar.domain.errors import ValidationError
from lloradar.domain.tasks import Task, TaskRating, TaskSource, Trend

CORE = Task("onet:1", "Record patients' vital signs.", TaskSource.ONET, "Core", "2021-08")
SIDE = Task("onet:2", "Teach classes in first aid.", TaskSource.ONET, "Supplemental", "2021-08")
SKILL = Task("skill:x", "administer medication", TaskSource.ESCO_ESSENTIAL_SKILLS, "essential")
OPEN = Task("onet:3", "Order supplies.", TaskSource.ONET, "Core", "2021-08")
TASKS = [CORE, SIDE, SKILL, OPEN]


def test_outlook_from_the_employment_change() -> None:
    assert occupation_outlook(0.05) is Trend.GROWING
    assert occupation_outlook(0.02) is Trend.GROWING
    assert occupation_outlook(0.019) is Trend.STABLE
    assert occupation_outlook(-0.02) is Trend.SHRINKING
    assert occupation_outlook(None) is Trend.UNKNOWN


@pytest.mark.parametrize(
    ("task", "outlook", "expected"),
    [
        (CORE, Trend.GROWING, Trend.GROWING),
        (CORE, Trend.SHRINKING, Trend.SHRINKING),
        (SKILL, Trend.GROWING, Trend.GROWING),
        (SIDE, Trend.GROWING, Trend.STABLE),  # a side task does not grow with the occupation
        (SIDE, Trend.SHRINKING, Trend.SHRINKING),
        (SIDE, Trend.UNKNOWN, Trend.UNKNOWN),
    ],
)
def test_task_trend_rule(task: Task, outlook: Trend, expected: Trend) -> None:
    assert task_trend(task, outlook) is expected


def test_personal_report_on_the_four_questions() -> None:
    ratings = {
        "onet:1": TaskRating("onet:1", True, 2, 5, 5),  # do it, weak, want to learn, energy
        "onet:2": TaskRating("onet:2", True, 4, 1, 1),  # do it, drains, no ambition
        "skill:x": TaskRating("skill:x", False, 1, 4, 3),  # not mine yet, want to learn
    }
    report = personal_report(TASKS, ratings, Trend.GROWING)
    assert [(r.task.key, r.trend) for r in report.rated] == [
        ("onet:1", Trend.GROWING),
        ("onet:2", Trend.STABLE),
        ("skill:x", Trend.GROWING),
    ]
    assert report.unrated == 1
    assert report.done == 2
    assert [r.task.key for r in report.energy] == ["onet:1"]
    assert [r.task.key for r in report.draining] == ["onet:2"]
    assert [r.task.key for r in report.ambition] == ["onet:1", "skill:x"]
    assert {s.code: s.tasks for s in report.suggestions} == {
        "learn_growing": (CORE.text, SKILL.text),
        "build_on_energy": (CORE.text,),
        "close_gap": (CORE.text,),
        "ask_for_task": (SKILL.text,),
        "hand_over": (SIDE.text,),
    }


def test_shrinking_tasks_i_do_get_the_broaden_suggestion() -> None:
    ratings = {"onet:1": TaskRating("onet:1", True, 4, 3, 3)}
    report = personal_report(TASKS, ratings, Trend.SHRINKING)
    assert [(s.code, s.tasks) for s in report.suggestions] == [("broaden_shrinking", (CORE.text,))]


def test_no_ratings_no_suggestions() -> None:
    report = personal_report(TASKS, {}, Trend.UNKNOWN)
    assert (report.rated, report.unrated, report.suggestions) == ((), 4, ())


@pytest.mark.parametrize(
    ("field", "value"),
    [("can_do", 0), ("want_to_learn", 6), ("energy", True), ("task_key", "x:1")],
)
def test_a_rating_outside_the_scales_is_refused(field: str, value: object) -> None:
    values: dict[str, object] = {
        "task_key": "onet:1",
        "does_task": True,
        "can_do": 3,
        "want_to_learn": 3,
        "energy": 3,
    }
    values[field] = value
    with pytest.raises(ValidationError, match=field):
        TaskRating(**values)  # type: ignore[arg-type]


def members(
    n: int, task: str = "onet:1", start: int = 0, does: int | None = None
) -> list[MemberRating]:
    doing = n if does is None else does
    return [
        MemberRating(f"m{i}", task, TaskRating(task, i - start < doing, 3, 2 + i % 2, 4))
        for i in range(start, start + n)
    ]


def test_team_of_nine_is_refused() -> None:
    view = team_view(members(9), DisclosureLedger(), KEY)
    assert (view.refused, view.rows, view.members) == ("too_few", (), None)


KEY = b"team-secret"
BANDS = {1 + i / 2 for i in range(9)}


def test_team_of_twelve_shows_noisy_banded_averages_and_hides_small_counts() -> None:
    view = team_view(members(12, does=12), DisclosureLedger(), KEY)
    assert view.refused is None and view.members == 12
    (row,) = view.rows
    assert row.raters == 12
    assert {row.can_do, row.want_to_learn, row.energy} <= BANDS
    assert row.doing is None  # about all 12 do it: the few who do not would be known
    assert team_view(members(12, does=12), DisclosureLedger(), KEY) == view  # fixed noise
    view = team_view(members(25, does=17), DisclosureLedger(), KEY)
    assert view.rows[0].doing is None  # about 8 do not: shown only when both sides are >= 10
    view = team_view(members(50, does=25), DisclosureLedger(), KEY)
    assert view.rows[0].doing is not None and abs(view.rows[0].doing - 25) <= 6


def test_a_large_team_sees_its_averages_within_a_band() -> None:
    (row,) = team_view(members(400), DisclosureLedger(), KEY).rows
    assert (row.can_do, row.energy) == (3.0, 4.0)  # noise of scale 4/400 = 0.01
    assert abs(row.want_to_learn - 2.5) <= 0.5


def test_nine_made_up_members_do_not_reveal_the_tenth() -> None:
    """Issue 18, finding 1: an employer registers 9 accounts with known answers beside one real
    worker. Over many team secrets, guessing the worker's answer (1 or 5) from the shown mean
    is right at most about e / (1 + e) = 73 % of the time (epsilon = 1), not always."""

    def shown(real: int, key: bytes) -> float:
        fake = [
            MemberRating(f"f{i}", "onet:1", TaskRating("onet:1", True, 3, 3, 3)) for i in range(9)
        ]
        worker = MemberRating("w", "onet:1", TaskRating("onet:1", True, real, 3, 3))
        return team_view([*fake, worker], DisclosureLedger(), key).rows[0].can_do

    keys = [f"team-{i}".encode() for i in range(800)]
    right = sum(shown(1, k) < 3.0 for k in keys) + sum(shown(5, k) > 3.0 for k in keys)
    ties = sum(shown(1, k) == 3.0 for k in keys) + sum(shown(5, k) == 3.0 for k in keys)
    accuracy = (right + ties / 2) / (2 * len(keys))
    assert 0.5 < accuracy < 0.8  # exact means would give 1.0


def test_one_person_joining_cannot_be_differenced() -> None:
    ledger = DisclosureLedger()
    first = team_view(members(10), ledger, KEY)
    assert first.refused is None
    assert first.answered == (frozenset(f"m{i}" for i in range(10)),)
    # one more member: the difference would be exactly that person's answers
    second = team_view(members(11), ledger, KEY)
    assert second.refused == "differencing"
    # ten more members: a difference of 10 may be shown
    third = team_view(members(20), ledger, KEY)
    assert third.refused is None and third.members == 20


def test_a_task_rated_by_nearly_the_whole_team_is_hidden() -> None:
    ratings = members(12, "onet:1") + members(11, "onet:2")
    view = team_view(ratings, DisclosureLedger(), KEY)
    assert view.members == 12
    assert [row.task_key for row in view.rows] == ["onet:1"]
    assert view.hidden_tasks == 1  # its 11 raters differ from the 12 by one person
