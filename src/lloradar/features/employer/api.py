"""Employer endpoint: a vacancy text and a region in, the employer view's five blocks out
(skills and occupation, candidate pool, competing vacancies, occupations to recruit from, skills
at risk in the team), each with its duiding. Counts of people under 10 come back as null."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from lloradar.api.auth import require_api_roles
from lloradar.api.deps import DataDep, StoreDep
from lloradar.api.problems import Problem
from lloradar.domain.account import Account, Role
from lloradar.features.employer.profile import (
    delete_team_profile,
    load_team_profile,
    save_team_profile,
    team_as_csv,
)
from lloradar.features.employer.service import (
    BASELINE_PENSION_AGE,
    EmployerInputError,
    VacancyQuery,
    analyse_vacancy,
    models_for,
    resolve_team,
)
from lloradar.features.skills.service import SkillsUnavailable
from lloradar.services.request_store import store_url_for

router = APIRouter(prefix="/api/employer", tags=["employer"])
EmployerAccount = Annotated[Account, Depends(require_api_roles(Role.EMPLOYER, Role.ADMIN))]


class TeamMemberGroup(BaseModel):
    occupation: str = Field(max_length=300, description="ESCO URI, its UUID or exact label")
    age_band: str = Field(max_length=10, examples=["55-59", "65+"])
    count: int = Field(ge=0, le=100_000)


class VacancyIn(BaseModel):
    text: str = Field(description="The vacancy text, Dutch or English (at most 20,000 characters)")
    region: str = Field(max_length=10, examples=["AM05"], description="Arbeidsmarktregio code")
    occupation: str | None = Field(
        None, max_length=300, description="Occupation to use instead of the best match"
    )
    team: list[TeamMemberGroup] = Field(default_factory=list, max_length=500)
    use_saved_team: bool = Field(
        False, description="Without `team`: use the team saved with PUT /api/employer/team"
    )
    pension_age: int = Field(BASELINE_PENSION_AGE, ge=55, le=75)
    lang: Literal["nl", "en"] = "nl"


class Ref(BaseModel):
    uri: str
    label: str


class SkillOut(Ref):
    score: float
    span: str = Field(description="The words of the text the skill was found in")


class OccupationOut(Ref):
    coverage: float = Field(description="Share of the skill score its skills explain")
    essential_matched: list[str]
    picked: bool


class CandidateOccupation(Ref):
    coverage: float


class SkillsBlock(BaseModel):
    items: list[SkillOut]
    occupation: OccupationOut | None
    candidates: list[CandidateOccupation]
    text: list[str]


class PoolOut(BaseModel):
    """Job seekers in the region, latest month; null = fewer than 10 (hidden)."""

    candidates: int | None = Field(description="The larger of interested and experienced")
    interested: int | None
    experienced: int | None
    job_seekers_short: int | None
    no_figures: bool


class PoolBlock(PoolOut):
    text: list[str]


class CompetitionBlock(BaseModel):
    open_vacancies: int | None = None
    job_seekers_short: int | None = None
    ratio: float | None = None
    tension_class: str | None = None
    text: list[str]


class AdjacentOut(Ref):
    similarity: float
    viability: str
    pool: PoolOut
    gap: list[Ref]
    shared: int


class PoolTotalOut(BaseModel):
    candidates: int = Field(description="Sum of the shown pools only")
    hidden: int = Field(description="Occupations hidden (<10) or without figures")
    occupations: int


class AdjacentBlock(BaseModel):
    items: list[AdjacentOut]
    pool_with_adjacent: PoolTotalOut | None
    text: list[str]


class RiskOut(Ref):
    holders: int | None
    retiring_5: int | None
    retiring_10: int | None
    share_10: int | None = Field(description="Percent retiring within 10 years")
    at_risk: bool | None


class RiskBlock(BaseModel):
    pension_age: int
    team_size: int | None
    items: list[RiskOut]
    text: list[str]


class RegionOut(BaseModel):
    code: str
    name: str


class VacancyOut(BaseModel):
    region: RegionOut
    period: str | None
    is_demo: bool
    skills: SkillsBlock
    pool: PoolBlock
    competition: CompetitionBlock
    adjacent: AdjacentBlock
    team_risk: RiskBlock
    note: str


def _team_csv(team: list[TeamMemberGroup]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["occupation", "age_band", "count"])
    writer.writerows([g.occupation, g.age_band, g.count] for g in team)
    return out.getvalue() if team else ""


@router.post(
    "/vacancy",
    response_model=VacancyOut,
    summary="Employer view of a vacancy: skills, candidate pool, competition, recruit-from, "
    "retirement risk",
    responses={
        401: {"description": "Not logged in"},
        403: {"description": "Not an employer account, or no X-CSRF-Token with the cookie"},
        409: {"description": "No skills taxonomy in the store"},
        422: {"description": "Empty or too long text, unknown region, occupation or team row"},
    },
)
def vacancy(
    body: VacancyIn, request: Request, data: DataDep, store: StoreDep, account: EmployerAccount
) -> VacancyOut:
    """For employer (and admin) accounts. Counts of people under 10 are null."""
    url = store_url_for(data, getattr(request.app.state, "store_url", None))
    team = _team_csv(body.team)
    if not body.team and body.use_saved_team:
        team = team_as_csv(load_team_profile(store, account.id), {})
    query = VacancyQuery(body.text, body.region, body.occupation, team, body.pension_age, body.lang)
    try:
        result = analyse_vacancy(store, models_for(url), query, actor_id=account.id)
    except EmployerInputError as exc:
        raise Problem(422, "Invalid vacancy request", str(exc), field=exc.field) from exc
    except SkillsUnavailable as exc:
        raise Problem(409, "Skills model unavailable", str(exc)) from exc
    return VacancyOut.model_validate(result.as_dict())


class TeamIn(BaseModel):
    team: list[TeamMemberGroup] = Field(max_length=500)


class TeamOut(BaseModel):
    """The employer's own saved team (occupations as ESCO URIs)."""

    team: list[TeamMemberGroup]


def _groups(store: StoreDep, account: Account) -> TeamOut:
    cells = load_team_profile(store, account.id)
    return TeamOut(
        team=[
            TeamMemberGroup(
                occupation=c.occupation,
                age_band=f"{c.age_low}+" if c.age_high is None else f"{c.age_low}-{c.age_high}",
                count=c.count,
            )
            for c in cells
        ]
    )


@router.get("/team", response_model=TeamOut, summary="Your saved team composition")
def get_team(store: StoreDep, account: EmployerAccount) -> TeamOut:
    """Only the logged-in employer's own team; the read is audit-logged."""
    return _groups(store, account)


@router.put(
    "/team",
    response_model=TeamOut,
    summary="Save your team composition (replaces the saved one)",
    responses={422: {"description": "An unknown occupation or a bad age band"}},
)
def put_team(
    body: TeamIn, request: Request, data: DataDep, store: StoreDep, account: EmployerAccount
) -> TeamOut:
    url = store_url_for(data, getattr(request.app.state, "store_url", None))
    try:
        cells = resolve_team(store, models_for(url).similarity, _team_csv(body.team))
    except EmployerInputError as exc:
        raise Problem(422, "Invalid team", str(exc), field=exc.field) from exc
    except SkillsUnavailable as exc:
        raise Problem(409, "Skills model unavailable", str(exc)) from exc
    save_team_profile(store, account.id, cells)
    return _groups(store, account)


@router.delete("/team", summary="Delete your saved team composition")
def delete_team(store: StoreDep, account: EmployerAccount) -> dict[str, int]:
    return {"deleted": delete_team_profile(store, account.id)}
