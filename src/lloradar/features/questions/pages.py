"""The question box's page and its htmx answer fragment. The answer is in the language of the
question, unless the address asks for one (`?lang=`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse

from lloradar.features.questions.service import answer_question
from lloradar.web.routes import DataDep, render

router = APIRouter(include_in_schema=False)


def _lang(request: Request) -> str | None:
    asked = request.query_params.get("lang")
    return asked if asked in ("nl", "en") else None


@router.get("/vraag", response_class=HTMLResponse)
def question_page(
    request: Request, data: DataDep, q: Annotated[str, Query(max_length=300)] = ""
) -> HTMLResponse:
    answer = answer_question(data, q, _lang(request)) if q.strip() else None
    return render(request, "question.html", data=data, q=q, answer=answer)


@router.post("/vraag", response_class=HTMLResponse)
def question_fragment(
    request: Request, data: DataDep, q: Annotated[str, Form(max_length=300)] = ""
) -> HTMLResponse:
    """The htmx answer: only the answer block, swapped into the page."""
    answer = answer_question(data, q, _lang(request)) if q.strip() else None
    return render(request, "_answer.html", data=data, q=q, answer=answer)
