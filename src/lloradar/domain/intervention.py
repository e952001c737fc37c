"""Regional interventions (HCA projects), their KPIs, and pseudonymised participants.

An *interventie* (intervention) is one project of a region's Human Capital Agenda; a
*deelnemer* (participant) is known only by a pseudonym: a keyed hash (HMAC-SHA256) of the
id the project uses, so the raw id is never stored."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class InterventionStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    COMPLETED = "completed"
    STOPPED = "stopped"


class Measure(StrEnum):
    """What a KPI counts. `*_pct` measures are shares of all participants, in percent."""

    PARTICIPANTS = "participants"
    COMPLETED = "completed"
    CERTIFIED = "certified"
    EMPLOYED_3M = "employed_3m"
    EMPLOYED_6M = "employed_6m"
    EMPLOYED_12M = "employed_12m"
    COMPLETED_PCT = "completed_pct"
    CERTIFIED_PCT = "certified_pct"
    EMPLOYED_3M_PCT = "employed_3m_pct"
    EMPLOYED_6M_PCT = "employed_6m_pct"
    EMPLOYED_12M_PCT = "employed_12m_pct"

    @property
    def is_percentage(self) -> bool:
        return self.value.endswith("_pct")

    @property
    def counted(self) -> Measure:
        """The count behind a percentage (`completed_pct` -> `completed`)."""
        return Measure(self.value.removesuffix("_pct"))


EDUCATION_LEVELS = (
    "all",
    "basis",
    "vo",
    "mbo-1",
    "mbo-2",
    "mbo-3",
    "mbo-4",
    "hbo",
    "wo",
)
CERTIFICATES = ("certificate", "badge")
FOLLOW_UP_MONTHS = (3, 6, 12)


@dataclass(frozen=True, slots=True)
class Kpi:
    """A target: `target` of `measure` by `target_date`."""

    measure: Measure
    target: float
    target_date: date


@dataclass(frozen=True, slots=True)
class Funder:
    name: str
    amount_eur: float


@dataclass(frozen=True, slots=True)
class Intervention:
    """One project in the register, in the fixed format of docs/interventions-format.md."""

    id: str
    name: str
    region_code: str
    theme: str
    status: InterventionStatus
    start_date: date
    end_date: date | None
    goals: str
    target_group: str
    sector_code: str
    education_level: str
    occupations: tuple[str, ...]
    skills: tuple[str, ...]
    budget_eur: float
    funders: tuple[Funder, ...]
    theory_of_change: str
    kpis: tuple[Kpi, ...]


@dataclass(frozen=True, slots=True)
class Participant:
    """One registration: a pseudonym in one intervention, with its outcomes.

    `employed` maps 3, 6 and 12 (months after the start) to True/False; a missing key is
    not yet known."""

    intervention_id: str
    pseudonym: str
    start_date: date
    completion_date: date | None
    completion_pct: float | None
    certificate: str | None
    employed: tuple[tuple[int, bool], ...]
    job_sector: str | None
    job_occupation: str | None

    def employed_after(self, months: int) -> bool | None:
        return dict(self.employed).get(months)


def pseudonymise(raw_id: str, key: bytes) -> str:
    """The keyed hash of a participant id: the same id and key always give the same pseudonym,
    and without the key it cannot be recomputed from a guessed id."""
    if not key:
        raise ValueError("a pseudonym key is required (set LLORADAR_PSEUDONYM_KEY)")
    digest = hmac.new(key, raw_id.strip().encode("utf-8"), hashlib.sha256).hexdigest()
    return "p-" + digest[:32]
