"""Tasks of the future endpoints: an occupation's tasks (public), a worker's own ratings and
report, and an employer's team (aggregates of 10 or more people only, no subgroups)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from lloradar.api.auth import require_api_roles
from lloradar.api.deps import StoreDep
from lloradar.api.problems import Problem
from lloradar.domain.account import Account, Role
from lloradar.domain.errors import ValidationError
from lloradar.domain.tasks import TaskRating
from lloradar.features.tasks import service

router = APIRouter(prefix="/api/tasks", tags=["tasks"])
CitizenAccount = Annotated[Account, Depends(require_api_roles(Role.CITIZEN))]
EmployerAccount = Annotated[Account, Depends(require_api_roles(Role.EMPLOYER))]
OccupationQuery = Annotated[str, Query(max_length=300, description="ESCO occupation URI")]
_PERSONAL: dict[int | str, dict[str, Any]] = {
    401: {"description": "Not logged in"},
    403: {"description": "Wrong role or CSRF"},
}


class RatingIn(BaseModel):
    task_key: str = Field(max_length=300, examples=["onet:1839"])
    does_task: bool
    can_do: int = Field(ge=1, le=5)
    want_to_learn: int = Field(ge=1, le=5)
    energy: int = Field(ge=1, le=5)


class RatingsIn(BaseModel):
    occupation: str = Field(max_length=300)
    consent: bool = Field(False, description="Give the 'tasks' consent with this request")
    ratings: list[RatingIn] = Field(max_length=500)


class TeamIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)


class JoinIn(BaseModel):
    consent: bool = Field(description="Consent that your ratings count in the team's aggregates")


def _task(task: Any) -> dict[str, Any]:
    return {
        "key": task.key,
        "text": task.text,
        "text_nl": task.text_nl,
        "source": task.source.value,
        "kind": task.kind,
        "updated": task.updated,
    }


def _found(store: Any, occupation: str) -> Any:
    found = service.occupation_tasks(store, occupation)
    if found is None:
        raise Problem(404, "Unknown occupation", f"'{occupation}' is not an occupation here.")
    return found


@router.get("", summary="The tasks of an occupation and the link they come through")
def occupation_tasks(store: StoreDep, occupation: OccupationQuery) -> dict[str, Any]:
    found = _found(store, occupation)
    return {
        "occupation": found.id,
        "label_en": found.label_en,
        "label_nl": found.label_nl,
        "task_source": found.source.value,
        "links": [
            {
                "onet_code": link.onet_code,
                "onet_title": link.onet_title,
                "rank": link.rank,
                "confidence": link.confidence,
                "method": link.method,
            }
            for link in found.links
        ],
        "tasks": [_task(t) for t in found.tasks],
    }


@router.get("/ratings", summary="My ratings for an occupation", responses=_PERSONAL)
def my_ratings(
    store: StoreDep, account: CitizenAccount, occupation: OccupationQuery
) -> list[dict[str, Any]]:
    ratings = service.my_ratings(store, account, occupation)
    return [
        {
            "task_key": r.task_key,
            "does_task": r.does_task,
            "can_do": r.can_do,
            "want_to_learn": r.want_to_learn,
            "energy": r.energy,
        }
        for r in ratings.values()
    ]


@router.put("/ratings", summary="Store my ratings (needs the 'tasks' consent)", responses=_PERSONAL)
def save_ratings(store: StoreDep, account: CitizenAccount, body: RatingsIn) -> dict[str, int]:
    try:
        ratings = [
            TaskRating(r.task_key, r.does_task, r.can_do, r.want_to_learn, r.energy)
            for r in body.ratings
        ]
        if body.consent:
            service.give_consent(store, account)
        saved = service.save_ratings(store, account, body.occupation, ratings)
    except service.ConsentRequired as error:
        raise Problem(409, "Consent required", str(error)) from error
    except (service.TasksError, ValidationError) as error:
        raise Problem(422, "Invalid ratings", str(error)) from error
    return {"saved": saved}


@router.delete("/ratings", summary="Delete all my ratings", responses=_PERSONAL)
def delete_ratings(store: StoreDep, account: CitizenAccount) -> dict[str, int]:
    return {"deleted": service.delete_my_ratings(store, account)}


@router.get("/report", summary="My personal task report", responses=_PERSONAL)
def my_report(store: StoreDep, account: CitizenAccount, occupation: OccupationQuery) -> Any:
    built = service.my_report(store, account, occupation)
    if built is None:
        raise Problem(404, "Unknown occupation", f"'{occupation}' is not an occupation here.")
    found, report, outlook = built
    return {
        "occupation": found.id,
        "task_source": found.source.value,
        "outlook": {
            "trend": outlook.trend.value,
            "change": outlook.change,
            "scenario": outlook.scenario,
            "is_demo": outlook.is_demo,
        },
        "rated": [
            {
                "task": _task(r.task),
                "trend": r.trend.value,
                "does_task": r.rating.does_task,
                "can_do": r.rating.can_do,
                "want_to_learn": r.rating.want_to_learn,
                "energy": r.rating.energy,
            }
            for r in report.rated
        ],
        "unrated": report.unrated,
        "energy": [r.task.key for r in report.energy],
        "draining": [r.task.key for r in report.draining],
        "ambition": [r.task.key for r in report.ambition],
        "suggestions": [{"code": s.code, "tasks": list(s.tasks)} for s in report.suggestions],
    }


@router.post("/teams", summary="Create a team (employer)", status_code=201, responses=_PERSONAL)
def create_team(store: StoreDep, account: EmployerAccount, body: TeamIn) -> dict[str, str]:
    try:
        return {"code": service.create_team(store, account, body.name)}
    except service.TasksError as error:
        raise Problem(422, "Invalid team", str(error)) from error


@router.post("/teams/{code}/join", summary="Join a team with consent", responses=_PERSONAL)
def join_team(store: StoreDep, account: CitizenAccount, code: str, body: JoinIn) -> dict[str, str]:
    try:
        return {"team": service.join_team(store, account, code, body.consent)}
    except service.ConsentRequired as error:
        raise Problem(409, "Consent required", str(error)) from error
    except service.TooManyJoins as error:
        raise Problem(
            429, "Too many unknown codes", str(error), retry_after=error.retry_after
        ) from error
    except service.TasksError as error:
        raise Problem(404, "Unknown team", str(error)) from error


@router.get(
    "/teams/{code}",
    summary="A team's aggregates: only groups of 10 or more, refused when derivable",
    responses=_PERSONAL,
)
def team(store: StoreDep, account: EmployerAccount, code: str) -> dict[str, Any]:
    try:
        report = service.team_report(store, account, code)
    except service.NotAllowed as error:
        raise Problem(404, "Unknown team", "No team of yours has this code.") from error
    view = report.view
    return {
        "code": report.code,
        "name": report.name,
        "refused": view.refused,
        "members": view.members,
        "hidden_tasks": view.hidden_tasks,
        "tasks": [
            {
                "task_key": row.task_key,
                "text": report.texts[row.task_key].text if row.task_key in report.texts else None,
                "raters": row.raters,
                "doing": row.doing,
                "can_do": row.can_do,
                "want_to_learn": row.want_to_learn,
                "energy": row.energy,
            }
            for row in view.rows
        ],
    }
