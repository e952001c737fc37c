"""Skills endpoints: occupations similar to one (the occupation-skill graph) and skills found
in a text (the extractor over the store's taxonomy). Both models are built on first use."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from lloradar.api.deps import DataDep
from lloradar.api.problems import Problem, not_found
from lloradar.features.skills.service import (
    SkillsUnavailable,
    extract_from_text,
    resolve_occupation,
    similar_to,
)
from lloradar.services.request_store import store_url_for

router = APIRouter(prefix="/api", tags=["skills"])


class SkillRef(BaseModel):
    uri: str
    label: str


class NearSkillOut(SkillRef):
    close_to: SkillRef  # the skill the origin has that is close to this missing one


class SimilarOut(BaseModel):
    """One move, explained: the skills shared and to learn, and the score's components (`work`
    and `job_zone_step` are null without an O*NET link)."""

    uri: str
    label: str
    similarity: float
    shared_skills: list[SkillRef]
    missing_skills: list[SkillRef]
    viability: Literal["highly viable", "viable", "not viable"]
    components: dict[str, float | None]
    near_skills: list[NearSkillOut]


class SimilarPage(BaseModel):
    occupation: str
    top: int
    items: list[SimilarOut]


class ExtractIn(BaseModel):
    text: str = Field(min_length=1, max_length=20_000)
    lang: Literal["nl", "en", "auto"] = "auto"
    top: int = Field(5, ge=1, le=50)


class SkillMatchOut(BaseModel):
    uri: str
    label: str
    score: float
    span: str


class ExtractOut(BaseModel):
    lang: str
    skills: list[SkillMatchOut]


def _url(request: Request, data: object) -> str:
    return store_url_for(data, getattr(request.app.state, "store_url", None))


def _unavailable(exc: SkillsUnavailable) -> Problem:
    return Problem(409, "Skills model unavailable", str(exc))


@router.get(
    "/occupations/{occupation}/similar",
    response_model=SimilarPage,
    summary="Occupations similar to this one, by shared skills (ESCO)",
    responses={404: {"description": "Unknown occupation"}, 409: {"description": "No skills"}},
)
def similar(
    occupation: str,
    request: Request,
    data: DataDep,
    top: Annotated[int, Query(ge=1, le=100)] = 10,
) -> SimilarPage:
    """`occupation` is an ESCO URI, its UUID or the radar's occupation slug."""
    url = _url(request, data)
    ref = data.occupation(occupation)
    try:
        uri = resolve_occupation(url, ref.id if ref is not None else occupation)
        if uri is None:
            raise not_found(
                "occupation", occupation, [o.slug for o in data.suggest_occupations(occupation)]
            )
        items = similar_to(url, uri, top)
    except SkillsUnavailable as exc:
        raise _unavailable(exc) from exc
    return SimilarPage(occupation=uri, top=top, items=[SimilarOut(**i) for i in items])


@router.post(
    "/skills/extract",
    response_model=ExtractOut,
    summary="Skills mentioned in a text (vacancy, CV), with the span that names them",
    responses={409: {"description": "No skills taxonomy in the store"}},
)
def extract(body: ExtractIn, request: Request, data: DataDep) -> ExtractOut:
    try:
        skills = extract_from_text(_url(request, data), body.text, body.lang, body.top)
    except SkillsUnavailable as exc:
        raise _unavailable(exc) from exc
    return ExtractOut(lang=body.lang, skills=[SkillMatchOut(**s) for s in skills])
