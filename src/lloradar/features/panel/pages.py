"""The citizen panel's pages: `/panel/{token}` for the respondent (consent for the wave, then
the questions; the personal link is the only key) and `/panel-resultaten` for analysts
(response and attrition per wave, results per question and group, nothing under 10 people)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lloradar.domain.account import Account, Role
from lloradar.features.panel.results import ALL, response_by_group, wave_results
from lloradar.features.panel.service import (
    Invitation,
    PanelError,
    give_consent,
    invitation,
    list_waves,
    submit_answers,
)
from lloradar.web.auth import CSRF_COOKIE, CsrfForm, anonymous_csrf, require_roles, set_cookie
from lloradar.web.i18n import request_lang, words
from lloradar.web.routes import DataDep, StoreDep, UnknownCode, render

router = APIRouter(include_in_schema=False)
WORDS = words("panel")
Analyst = Annotated[Account, Depends(require_roles(Role.ANALYST, Role.ADMIN))]
PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def _respondent_page(
    request: Request,
    data: DataDep,
    invited: Invitation | None,
    *,
    status: int = 200,
    error: str = "",
    notice: str = "",
) -> HTMLResponse:
    lang = request_lang(request)
    token = anonymous_csrf(request)
    response = render(
        request,
        "panel_answer.html",
        status,
        data=data,
        w=WORDS[lang],
        invited=invited,
        is_open=invited is not None and invited.wave.is_open(date.today()),
        error=error,
        notice=notice,
        demo=False,
    )
    set_cookie(response, CSRF_COOKIE, token)
    response.headers.update(PRIVATE)
    return response


@router.get("/panel/{token}", response_class=HTMLResponse)
def respondent_page(request: Request, token: str, data: DataDep, store: StoreDep) -> HTMLResponse:
    invited = invitation(store, token[:100])
    if invited is None:
        return _respondent_page(request, data, None, status=404)
    return _respondent_page(request, data, invited)


@router.post("/panel/{token}/toestemming", response_model=None)
def consent(request: Request, token: str, data: DataDep, store: StoreDep, _: CsrfForm) -> Response:
    invited = invitation(store, token[:100])
    if invited is None:
        return _respondent_page(request, data, None, status=404)
    try:
        give_consent(store, invited, date.today())
    except PanelError as error:
        return _respondent_page(request, data, invited, status=409, error=str(error))
    return RedirectResponse(f"/panel/{token}", status_code=303, headers=PRIVATE)


@router.post("/panel/{token}", response_class=HTMLResponse)
async def answer(
    request: Request, token: str, data: DataDep, store: StoreDep, _: CsrfForm
) -> HTMLResponse:
    invited = invitation(store, token[:100])
    if invited is None:
        return _respondent_page(request, data, None, status=404)
    form = await request.form()
    raw: dict[str, object] = {}
    for q in invited.wave.questions:
        values = [str(v) for v in form.getlist(q.id)]
        raw[q.id] = values if q.answer_type == "multi_choice" else (values[0] if values else "")
    try:
        submit_answers(store, invited, raw, date.today())
    except PanelError as error:
        return _respondent_page(request, data, invited, status=422, error=str(error))
    lang = request_lang(request)
    return _respondent_page(
        request, data, invitation(store, token[:100]), notice=WORDS[lang]["thanks"]
    )


@router.get("/panel-resultaten", response_class=HTMLResponse)
def results_index(
    request: Request, data: DataDep, store: StoreDep, account: Analyst
) -> HTMLResponse:
    lang = request_lang(request)
    report = response_by_group(store)
    return render(
        request,
        "panel_results.html",
        data=data,
        w=WORDS[lang],
        waves=list_waves(store),
        response=report.pop(ALL, []),
        by_group=report,
        results=None,
        demo=False,
    )


@router.get("/panel-resultaten/{wave_id}", response_class=HTMLResponse)
def results_page(
    request: Request, wave_id: str, data: DataDep, store: StoreDep, account: Analyst
) -> HTMLResponse:
    lang = request_lang(request)
    found = wave_results(store, wave_id[:40])
    if found is None:
        raise UnknownCode("panel wave", wave_id)
    return render(
        request,
        "panel_results.html",
        data=data,
        w=WORDS[lang],
        waves=list_waves(store),
        response=None,
        by_group={},
        results=found,
        questions={q.id: q for q in found.wave.questions},
        demo=found.is_demo,
    )
