"""The REST API: regions, occupations, tension indicators, the map and questions."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel

from lloradar.analytics.indicators import ALL_OCCUPATIONS
from lloradar.api.deps import DataDep, Offset, PeriodFrom, PeriodTo, month_start
from lloradar.api.export import Format, parquet_rows
from lloradar.api.problems import not_found
from lloradar.domain import RegionLevel
from lloradar.features.indicators.radar import indicator_rows
from lloradar.features.questions.service import answer_question

router = APIRouter(prefix="/api")
T = TypeVar("T")


class RegionOut(BaseModel):
    code: str
    name: str
    level: str
    province_code: str | None


class OccupationOut(BaseModel):
    id: str
    slug: str
    label_nl: str
    label_en: str
    isco_code: str | None


class IndicatorOut(BaseModel):
    region: str
    region_name: str
    region_level: str
    occupation: str
    period: str
    open_vacancies: int
    job_seekers_short: int | None
    interested: int | None
    experienced: int | None
    ratio: float | None
    tension_class: str | None
    hidden: str
    is_demo: bool


class Page(BaseModel, Generic[T]):
    total: int
    limit: int
    offset: int
    items: list[T]


class AnswerOut(BaseModel):
    question: str
    answered: bool
    text: str
    figure: str | None
    tension: str | None
    trend: str | None
    period: str | None
    is_demo: bool
    sources: list[str]
    # How the question was read (issue 16): its kind (tension, count, ranking, comparison,
    # trend, forecast, skills, courses, transitions, intervention, off_topic), the language of
    # the answer, why it was not answered (off_topic, unknown_place, unknown_occupation,
    # period_not_covered, hidden, unsupported_measure, no_figures, answered_elsewhere), the
    # places, occupations, measure and month recognised, the published figures the answer
    # states, links to the pages that show them, and suggestions.
    kind: str = "off_topic"
    question_type: str = "off_topic"  # the same as `kind`
    lang: str = "nl"
    reason: str | None = None
    entities: dict[str, Any] = {}
    figures: list[dict[str, Any]] = []
    links: list[dict[str, str]] = []
    suggestions: list[str] = []


Limit = Annotated[int, Query(ge=1, le=1000)]
Level = Literal["arbeidsmarktregio", "provincie", "land"]


def _csv(rows: list[dict[str, Any]], filename: str) -> Response:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/regions", response_model=list[RegionOut], summary="The 35 arbeidsmarktregio's")
def regions(data: DataDep) -> list[RegionOut]:
    return [
        RegionOut(code=r.code, name=r.name, level=r.level.value, province_code=r.province_code)
        for r in data.regions
    ]


@router.get("/regions/{code}", response_model=RegionOut, summary="One labour-market region")
def region(code: str, data: DataDep) -> RegionOut:
    found = data.region(code)
    if found is None:
        raise not_found("region", code, [r.code for r in data.suggest_regions(code)])
    return RegionOut(
        code=found.code, name=found.name, level=found.level.value, province_code=found.province_code
    )


@router.get("/occupations", summary="Occupations with figures (ESCO)")
def occupations(
    data: DataDep, limit: Limit = 100, offset: Offset = 0, format: Format = "json"
) -> Any:
    items = [
        OccupationOut(
            id=o.id, slug=o.slug, label_nl=o.label_nl, label_en=o.label_en, isco_code=o.isco_code
        )
        for o in data.occupations
    ]
    if format == "parquet":
        return parquet_rows([i.model_dump() for i in items], "occupations.csv")
    if format == "csv":
        return _csv([i.model_dump() for i in items], "occupations.csv")
    return Page[OccupationOut](
        total=len(items), limit=limit, offset=offset, items=items[offset : offset + limit]
    )


@router.get("/occupations/{slug}", response_model=OccupationOut, summary="One occupation")
def occupation(slug: str, data: DataDep) -> OccupationOut:
    found = data.occupation(slug)
    if found is None:
        raise not_found("occupation", slug, [o.slug for o in data.suggest_occupations(slug)])
    return OccupationOut(
        id=found.id,
        slug=found.slug,
        label_nl=found.label_nl,
        label_en=found.label_en,
        isco_code=found.isco_code,
    )


@router.get(
    "/indicators",
    summary="Monthly tension indicator (spanningsindicator) per region",
    responses={200: {"model": Page[IndicatorOut], "content": {"text/csv": {}}}},
)
async def indicators(
    data: DataDep,
    region: Annotated[
        str | None, Query(description="Area code: AM05, a provincie PV23 or the country NL01")
    ] = None,
    occupation: Annotated[
        str | None, Query(description="Occupation slug; omitted or `all`: all occupations")
    ] = None,
    level: Annotated[
        Level, Query(description="Without `region`: every area of this level")
    ] = "arbeidsmarktregio",
    period_from: PeriodFrom = None,
    period_to: PeriodTo = None,
    limit: Limit = 100,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    """The published figures: vacancies, short-term job seekers, interested and experienced per
    vacancy, ratio and class. A hidden count is empty and `hidden` names it: fewer than 10
    people, or shown it would give such a count away (one reason for both, on purpose)."""
    if occupation == ALL_OCCUPATIONS:
        occupation = None
    if region is not None and data.area(region) is None:
        raise not_found("region", region, [r.code for r in data.suggest_regions(region)])
    if occupation is not None and data.occupation(occupation) is None:
        raise not_found(
            "occupation", occupation, [o.slug for o in data.suggest_occupations(occupation)]
        )
    rows = indicator_rows(
        data,
        region.upper() if region else None,
        occupation,
        month_start(period_from),
        month_start(period_to),
        RegionLevel(level),
    )
    if format == "parquet":
        return parquet_rows(rows, f"indicators-{region or 'regions'}-{occupation or 'all'}.csv")
    if format == "csv":
        return _csv(rows, f"indicators-{region or 'regions'}-{occupation or 'all'}.csv")
    page = rows[offset : offset + limit]
    return Page[IndicatorOut](
        total=len(rows), limit=limit, offset=offset, items=[IndicatorOut(**r) for r in page]
    )


@router.get("/question", response_model=AnswerOut, summary="Answer a plain-language question")
def question(
    data: DataDep,
    q: Annotated[str, Query(min_length=1, max_length=300)],
    lang: Annotated[
        Literal["nl", "en"] | None,
        Query(description="Language of the answer; by default the language of the question"),
    ] = None,
) -> AnswerOut:
    a = answer_question(data, q, lang)
    return AnswerOut(
        question=a.question,
        answered=a.answered,
        text=a.text,
        figure=a.figure,
        tension=a.tension,
        trend=a.trend,
        period=a.period.strftime("%Y-%m") if a.period else None,
        is_demo=a.is_demo,
        sources=[f"{s.source} ({s.table})" for s in a.sources],
        kind=a.kind,
        question_type=a.kind,
        lang=a.lang,
        reason=a.reason,
        entities=a.entities,
        figures=a.figures,
        links=[{"label": label, "href": href} for label, href in a.links],
        suggestions=a.suggestions,
    )
