"""Tasks of the future: one worker's task report and an employer's team view (pure).

**Task trend.** No source in the radar measures the growth of a single task, so the trend is a
stated rule over three real signals, never a made-up number:
1. the occupation's outlook: the change in employment over the horizon of the latest baseline
   forecast run (summed over regions); >= +2 % growing, <= -2 % shrinking, else stable; no
   forecast -> unknown. Demo forecasts are labelled demo wherever the trend is shown;
2. the task's place in the occupation: O*NET's Task Type (Core: rated relevant and important by
   most incumbents; Supplemental: less so) or ESCO's essential relation;
3. the rule: a core/essential task follows its occupation; a supplemental task follows it down
   (shrinking) but not up (a side task does not grow with the occupation: stable).

**Team view.** Only the aggregate of a population of at least `MIN_PEOPLE` is shown, and only
when the `DisclosureLedger` of the team (every population shown before, also in earlier views)
finds no earlier population that differs from it by 1 to 9 people. The whole team and each
task's raters are such populations; there are no free subgroups.

Even then an employer who knows (or made up) the answers of all members but one could subtract
them from an exact mean (issue 18, finding 1). So every figure carries calibrated noise before it
is shown: Laplace noise of scale `sensitivity / (n * EPSILON)` on a mean of n ratings on the 1-5
scales (one member moves it by at most 4/n), and of scale `1 / EPSILON` on the count of members
who do the task; the means are then shown in bands of 0.5, the count as a whole number, hidden
when fewer than 10 on either side. The noise is drawn from a keyed hash of the team's secret key,
the task and the population (`noise_key`), so asking again, or changing the made-up answers,
gives the same noise for the same population: it cannot be averaged away, and whatever the other
answers are, one member's answers change what is shown only within the noise (epsilon-
differential privacy per figure, EPSILON = 1).
"""

from __future__ import annotations

import hashlib
import hmac
import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean

from lloradar.analytics.disclosure import MIN_PEOPLE, DisclosureLedger, protect_share
from lloradar.domain.tasks import Task, TaskRating, Trend

GROWING_FROM = 0.02
CORE_KINDS = frozenset({"Core", "essential", "demo"})
EPSILON = 1.0  # the privacy loss allowed per figure of the team view
SCALE_RANGE = 4  # the 1-5 scales: one member moves a sum by at most 4
BAND = 0.5  # the team view's means are shown to the nearest half point
HIGH = 4  # on the 1-5 scales: "yes, clearly"
LOW = 2


def occupation_outlook(change: float | None) -> Trend:
    """The occupation's direction from its relative employment change over the horizon."""
    if change is None:
        return Trend.UNKNOWN
    if change >= GROWING_FROM:
        return Trend.GROWING
    if change <= -GROWING_FROM:
        return Trend.SHRINKING
    return Trend.STABLE


def task_trend(task: Task, outlook: Trend) -> Trend:
    if outlook is Trend.UNKNOWN or task.kind in CORE_KINDS or task.kind is None:
        return outlook
    return Trend.SHRINKING if outlook is Trend.SHRINKING else Trend.STABLE


@dataclass(frozen=True, slots=True)
class RatedTask:
    task: Task
    rating: TaskRating
    trend: Trend


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One suggestion: a `code` the edges translate, and the tasks it is about."""

    code: str
    tasks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonalReport:
    outlook: Trend
    rated: tuple[RatedTask, ...]
    unrated: int
    energy: tuple[RatedTask, ...]  # tasks that give energy (>= 4), most first
    draining: tuple[RatedTask, ...]  # tasks I do that drain me (<= 2)
    ambition: tuple[RatedTask, ...]  # tasks I want to learn (>= 4), most first
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)

    @property
    def done(self) -> int:
        return sum(r.rating.does_task for r in self.rated)


def _texts(rows: Iterable[RatedTask]) -> tuple[str, ...]:
    return tuple(r.task.text for r in rows)


def _suggestions(rated: Sequence[RatedTask]) -> tuple[Suggestion, ...]:
    found: list[Suggestion] = []
    rules: list[tuple[str, Callable[[RatedTask], bool]]] = [
        # A growing task I cannot do well yet but want to learn: the best course to take.
        (
            "learn_growing",
            lambda r: (
                r.trend is Trend.GROWING and r.rating.can_do <= 3 and r.rating.want_to_learn >= HIGH
            ),
        ),
        # A growing task that gives energy: build on it.
        ("build_on_energy", lambda r: r.trend is Trend.GROWING and r.rating.energy >= HIGH),
        # A shrinking task I depend on: broaden before it goes.
        ("broaden_shrinking", lambda r: r.trend is Trend.SHRINKING and r.rating.does_task),
        # A task I do but cannot do well: ask for training or support.
        ("close_gap", lambda r: r.rating.does_task and r.rating.can_do <= LOW),
        # A task I do not do yet and want to: talk about it with the employer.
        ("ask_for_task", lambda r: not r.rating.does_task and r.rating.want_to_learn >= HIGH),
        # A task I do that drains me and that I do not want to grow in: a candidate to hand over.
        (
            "hand_over",
            lambda r: (
                r.rating.does_task and r.rating.energy <= LOW and r.rating.want_to_learn <= LOW
            ),
        ),
    ]
    for code, rule in rules:
        matching = [r for r in rated if rule(r)]
        if matching:
            found.append(Suggestion(code, _texts(matching)))
    return tuple(found)


def personal_report(
    tasks: Sequence[Task], ratings: Mapping[str, TaskRating], outlook: Trend
) -> PersonalReport:
    """The report of one worker over the tasks of their occupation."""
    rated = tuple(
        RatedTask(t, ratings[t.key], task_trend(t, outlook)) for t in tasks if t.key in ratings
    )
    energy = sorted(
        (r for r in rated if r.rating.energy >= HIGH), key=lambda r: (-r.rating.energy, r.task.key)
    )
    draining = [r for r in rated if r.rating.does_task and r.rating.energy <= LOW]
    ambition = sorted(
        (r for r in rated if r.rating.want_to_learn >= HIGH),
        key=lambda r: (-r.rating.want_to_learn, r.task.key),
    )
    return PersonalReport(
        outlook,
        rated,
        len(tasks) - len(rated),
        tuple(energy),
        tuple(draining),
        tuple(ambition),
        _suggestions(rated),
    )


# --- The team view ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MemberRating:
    member: str  # a pseudonym, never an account id
    task_key: str
    rating: TaskRating


@dataclass(frozen=True, slots=True)
class TeamTaskRow:
    task_key: str
    raters: int
    doing: int | None  # None: hidden (fewer than 10 on either side)
    can_do: float
    want_to_learn: float
    energy: float


@dataclass(frozen=True, slots=True)
class TeamView:
    """`refused` is a reason code when nothing may be shown; `rows` are the tasks that may."""

    refused: str | None
    members: int | None
    rows: tuple[TeamTaskRow, ...]
    hidden_tasks: int
    answered: tuple[frozenset[Hashable], ...]  # populations to add to the team's ledger


def laplace_noise(noise_key: bytes, label: str, scale: float) -> float:
    """A Laplace(0, scale) draw fixed by `noise_key` and `label` (HMAC-SHA256 as the source)."""
    digest = hmac.new(noise_key, label.encode(), hashlib.sha256).digest()
    u = (int.from_bytes(digest[:8], "big") + 0.5) / 2**64 - 0.5  # in (-0.5, 0.5)
    return -scale * math.copysign(1.0, u) * math.log(1 - 2 * abs(u))


def noisy_mean(values: Sequence[int], noise_key: bytes, label: str) -> float:
    """The mean of 1-5 ratings with noise for their number, in bands of `BAND`, within 1-5."""
    noisy = fmean(values) + laplace_noise(noise_key, label, SCALE_RANGE / (len(values) * EPSILON))
    return min(5.0, max(1.0, round(noisy / BAND) * BAND))


def noisy_count(count: int, whole: int, noise_key: bytes, label: str) -> int:
    return min(whole, max(0, round(count + laplace_noise(noise_key, label, 1 / EPSILON))))


def team_view(
    ratings: Sequence[MemberRating], ledger: DisclosureLedger, noise_key: bytes
) -> TeamView:
    """Aggregates of a team's ratings with calibrated noise; refuses populations under 10 and
    differencing. `noise_key` is the team's secret (see the module text)."""
    before = len(ledger.answered)
    population = frozenset(r.member for r in ratings)
    if len(population) < MIN_PEOPLE:
        return TeamView("too_few", None, (), 0, ())
    if ledger.answer(population) is None:
        return TeamView("differencing", None, (), 0, ())
    by_task: dict[str, list[MemberRating]] = {}
    for rating in ratings:
        by_task.setdefault(rating.task_key, []).append(rating)
    rows, hidden = [], 0
    for key in sorted(by_task):
        group = by_task[key]
        raters = frozenset(r.member for r in group)
        if ledger.answer(raters) is None:
            hidden += 1
            continue
        label = key + "|" + "|".join(sorted(str(m) for m in raters))
        doing_count = noisy_count(
            sum(r.rating.does_task for r in group), len(group), noise_key, label + "|does"
        )
        doing, _ = protect_share(doing_count, len(group))
        rows.append(
            TeamTaskRow(
                key,
                len(group),
                doing,
                noisy_mean([r.rating.can_do for r in group], noise_key, label + "|can"),
                noisy_mean([r.rating.want_to_learn for r in group], noise_key, label + "|learn"),
                noisy_mean([r.rating.energy for r in group], noise_key, label + "|energy"),
            )
        )
    rows.sort(key=lambda row: (-row.energy, row.task_key))
    return TeamView(None, len(population), tuple(rows), hidden, tuple(ledger.answered[before:]))
