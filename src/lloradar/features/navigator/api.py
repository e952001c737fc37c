"""The career navigator and the course catalogue: `POST /api/navigator` ranks occupations for
skill URIs in a region (or, for a logged-in citizen who consented, from their own passport);
`GET /api/courses` lists courses, by skill and region, paginated."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from lloradar.api.auth import api_account
from lloradar.api.deps import Offset, StoreDep
from lloradar.api.problems import Problem
from lloradar.features.navigator.courses import list_courses
from lloradar.features.navigator.service import (
    NavigatorError,
    PassportRefused,
    navigate,
    occupation_skills,
    passport_navigation,
    result_json,
)

router = APIRouter(prefix="/api", tags=["career navigator"])
REGION = r"^AM\d{2}$"


class NavigatorRequest(BaseModel):
    skills: list[Annotated[str, Field(min_length=1, max_length=300)]] = Field(
        default_factory=list, max_length=500, description="Skill URIs the person has"
    )
    occupation: str | None = Field(
        None, max_length=300, description="Also take the essential skills of this occupation (id)"
    )
    region: str | None = Field(
        None,
        pattern=REGION,
        description="Arbeidsmarktregio code, e.g. AM05 (with use_passport: the passport's "
        "region when left out)",
    )
    use_passport: bool = Field(
        False,
        description="Start from the skills and region of the caller's own passport: a "
        "logged-in citizen (session cookie or bearer token) who consented to the purpose "
        "'navigator'; each read is in the audit log",
    )
    top: int = Field(10, ge=1, le=100)
    lang: Literal["nl", "en"] = "en"


@router.post("/navigator", summary="Occupations ranked by skill fit and regional opportunity")
def navigator(
    body: NavigatorRequest, request: Request, response: Response, store: StoreDep
) -> dict[str, Any]:
    """Each occupation with its fit, the tension class and forecast in the region, the
    missing essential skills and courses that teach them; and moves from shrinking to growing
    occupations. Tension behind fewer than 10 job seekers is suppressed (null).
    With `use_passport`: 401 when not logged in, 403 for another role or without consent."""
    account = api_account(request, store) if body.use_passport else None
    try:
        skills = list(body.skills)
        if body.occupation:
            skills += occupation_skills(store, body.occupation)
        if account is not None:
            result = passport_navigation(store, account, skills, body.region, top=body.top)
        elif body.region is None:
            raise NavigatorError("region: required (an arbeidsmarktregio code, e.g. AM22)")
        else:
            result = navigate(store, skills, body.region, top=body.top)
        answer = result_json(result, body.lang)
    except PassportRefused as error:
        raise Problem(403, "Passport not available", str(error)) from None
    except NavigatorError as error:
        raise Problem(422, "Cannot navigate", str(error)) from None
    if account is not None:
        response.headers["Cache-Control"] = "no-store"  # a person's own results
    return answer


@router.get("/courses", summary="Courses of the catalogue, by skill and region, paginated")
def courses(
    store: StoreDep,
    skill: Annotated[str | None, Query(max_length=300, description="Skill URI taught")] = None,
    region: Annotated[
        str | None, Query(pattern=REGION, description="Given in this region (or online)")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    page = list_courses(store, skill=skill, region=region, limit=limit, offset=offset)
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": page.items}
