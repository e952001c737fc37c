"""The career navigator and the course catalogue: `POST /api/navigator` ranks occupations for
skill URIs in a region; `GET /api/courses` lists courses, by skill and region, paginated."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from lloradar.api.deps import StoreDep
from lloradar.api.problems import Problem
from lloradar.services.courses import list_courses
from lloradar.services.navigator import NavigatorError, navigate, occupation_skills, result_json

router = APIRouter(prefix="/api", tags=["career navigator"])
REGION = r"^AM\d{2}$"


class NavigatorRequest(BaseModel):
    skills: list[Annotated[str, Field(min_length=1, max_length=300)]] = Field(
        default_factory=list, max_length=500, description="Skill URIs the person has"
    )
    occupation: str | None = Field(
        None, max_length=300, description="Also take the essential skills of this occupation (id)"
    )
    region: str = Field(..., pattern=REGION, description="Arbeidsmarktregio code, e.g. AM05")
    top: int = Field(10, ge=1, le=100)
    lang: Literal["nl", "en"] = "en"


@router.post("/navigator", summary="Occupations ranked by skill fit and regional opportunity")
def navigator(body: NavigatorRequest, store: StoreDep) -> dict[str, Any]:
    """Each occupation with its fit, the tension class and forecast in the region, the
    missing essential skills and courses that teach them; and moves from shrinking to growing
    occupations. Tension behind fewer than 10 job seekers is suppressed (null)."""
    try:
        skills = list(body.skills)
        if body.occupation:
            skills += occupation_skills(store, body.occupation)
        return result_json(navigate(store, skills, body.region, top=body.top), body.lang)
    except NavigatorError as error:
        raise Problem(422, "Cannot navigate", str(error)) from None


@router.get("/courses", summary="Courses of the catalogue, by skill and region, paginated")
def courses(
    store: StoreDep,
    skill: Annotated[str | None, Query(max_length=300, description="Skill URI taught")] = None,
    region: Annotated[
        str | None, Query(pattern=REGION, description="Given in this region (or online)")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    page = list_courses(store, skill=skill, region=region, limit=limit, offset=offset)
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": page.items}
