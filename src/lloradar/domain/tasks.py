"""Tasks of the future (Taken van de Toekomst): a task, its source, and one person's rating.

The four questions a worker answers per task, and their scales (documented in the README):
- *Doe ik dit?* (do I do it): yes / no;
- *Kan ik dit?* (can I do it): 1 (not at all) .. 5 (expert);
- *Wil ik dit leren?* (do I want to learn it / get better at it): 1 (not at all) .. 5 (very much);
- *Geeft het me energie?* (does it give me energy): 1 (it drains me) .. 5 (a lot of energy).
A five-point scale rather than yes/no for the last three so that a report can rank tasks and a
team view can average them; "do I do it" stays yes/no because it is a fact, not a judgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lloradar.domain.errors import ValidationError

SCALE_MIN = 1
SCALE_MAX = 5


class TaskSource(StrEnum):
    """Where the tasks of an occupation come from."""

    ONET = "onet"  # O*NET task statements through a good enough ESCO -> O*NET link
    ESCO_ESSENTIAL_SKILLS = "esco_essential_skills"  # weak link: ESCO essential skills stand in
    DEMO_SKILLS = "demo_skills"  # the handmade demo taxonomy: its demo skills, labelled as such


class Trend(StrEnum):
    """The direction a task is heading, as far as the data say (see `analytics.task_report`)."""

    GROWING = "growing"
    STABLE = "stable"
    SHRINKING = "shrinking"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Task:
    """One task of an occupation. `key` is `onet:<Task ID>` or `skill:<skill URI>`.

    `kind` is the O*NET Task Type (Core / Supplemental) or the ESCO relation (essential)."""

    key: str
    text: str
    source: TaskSource
    kind: str | None = None
    updated: str | None = None
    text_nl: str | None = None

    def label(self, lang: str) -> str:
        return self.text_nl if lang == "nl" and self.text_nl else self.text


def _scale(field: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
        raise ValidationError(field, value, f"a whole number from {SCALE_MIN} to {SCALE_MAX}")
    return value


@dataclass(frozen=True, slots=True)
class TaskRating:
    """One person's answers to the four questions about one task."""

    task_key: str
    does_task: bool
    can_do: int
    want_to_learn: int
    energy: int

    def __post_init__(self) -> None:
        if not isinstance(self.does_task, bool):
            raise ValidationError("does_task", self.does_task, "yes or no")
        if not (self.task_key.startswith("onet:") or self.task_key.startswith("skill:")):
            raise ValidationError("task_key", self.task_key, "onet:<Task ID> or skill:<URI>")
        _scale("can_do", self.can_do)
        _scale("want_to_learn", self.want_to_learn)
        _scale("energy", self.energy)
