"""Tasks of the future (/taken, after TNO's Taken van de Toekomst): a worker picks an
occupation, rates its tasks on four questions and gets a personal report; an employer creates a
team and sees only aggregates of 10 or more people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lloradar.domain.account import Account, Role
from lloradar.domain.errors import ValidationError
from lloradar.domain.tasks import TaskRating
from lloradar.features.tasks import service
from lloradar.features.tasks.words import SCALES, WORDS
from lloradar.web.auth import CsrfForm, CurrentAccount, require_roles
from lloradar.web.i18n import request_lang
from lloradar.web.routes import StoreDep, UnknownCode, render

router = APIRouter(include_in_schema=False)
Citizen = Annotated[Account, Depends(require_roles(Role.CITIZEN))]
Employer = Annotated[Account, Depends(require_roles(Role.EMPLOYER))]
OccupationParam = Annotated[str | None, Query(alias="beroep", max_length=300)]
MAX_TASKS = 200


def _w(request: Request) -> dict[str, str]:
    return WORDS[request_lang(request)]


@router.get("/taken", response_class=HTMLResponse)
def tasks_home(
    request: Request, account: CurrentAccount, store: StoreDep, beroep: OccupationParam = None
) -> HTMLResponse:
    if account.role is Role.EMPLOYER:
        return _employer_home(request, account, store)
    return _tasks_page(request, account, store, beroep or service.my_occupation(store, account))


def _tasks_page(
    request: Request,
    account: Account,
    store: Any,
    occupation: str | None,
    error: str | None = None,
    submitted: Sequence[TaskRating] = (),
) -> HTMLResponse:
    """The rating page; after a refused form it shows the error and keeps what was entered."""
    found = service.occupation_tasks(store, occupation) if occupation else None
    if occupation and found is None:
        raise UnknownCode("occupation", occupation)
    stored = service.my_ratings(store, account, found.id) if found else {}
    ratings = stored | {r.task_key: r for r in submitted}
    return render(
        request,
        "tasks.html",
        400 if error else 200,
        w=_w(request),
        scales=SCALES[request_lang(request)],
        account=account,
        occupations=service.occupations(store),
        found=found,
        ratings=ratings,
        stored=len(stored),
        has_any=service.my_occupation(store, account) is not None,
        consent=service.has_consent(store, account),
        teams=service.my_teams(store, account),
        error=error,
    )


def _employer_home(request: Request, account: Account, store: Any) -> HTMLResponse:
    return render(
        request,
        "tasks_employer.html",
        w=_w(request),
        account=account,
        teams=service.my_teams(store, account),
    )


def _int(form: Any, name: str) -> int | None:
    value = str(form.get(name, "")).strip()
    return int(value) if value.isdigit() else None


def _ratings_from(form: Any, w: dict[str, str]) -> tuple[list[TaskRating], str | None]:
    """One TaskRating per fully answered task, and the error of the first half-answered one
    (naming the task's number); unanswered tasks are skipped."""
    ratings, error = [], None
    count = min(_int(form, "count") or 0, MAX_TASKS)
    for i in range(count):
        key = str(form.get(f"key_{i}", ""))
        does = str(form.get(f"does_{i}", ""))
        values = [_int(form, f"{q}_{i}") for q in ("can", "learn", "energy")]
        if not does and all(v is None for v in values):
            continue
        if does not in ("ja", "nee") or any(v is None for v in values):
            error = error or w["incomplete"].format(n=i + 1)
            continue
        can, learn, energy = (int(v or 0) for v in values)
        try:
            ratings.append(TaskRating(key, does == "ja", can, learn, energy))
        except ValidationError as invalid:
            error = error or f"{w['task']} {i + 1}: {invalid}"
    return ratings, error


@router.post("/taken/beoordelen", response_model=None)
async def rate_tasks(
    request: Request, account: Citizen, store: StoreDep, _csrf: CsrfForm
) -> Response:
    form = await request.form()
    w = _w(request)
    occupation = str(form.get("occupation", ""))
    ratings, error = _ratings_from(form, w)
    if error is None and not ratings:
        error = w["nothing_rated"]
    if error is None:
        try:
            if form.get("consent") == "ja" and not service.has_consent(store, account):
                service.give_consent(store, account)
            service.save_ratings(store, account, occupation, ratings)
        except service.ConsentRequired:
            error = w["need_consent"]
        except service.TasksError:
            error = w["bad_task"]
    if error is not None:
        return _tasks_page(request, account, store, occupation, error, ratings)
    return RedirectResponse(f"/taken/rapport?beroep={quote(occupation, safe='')}", status_code=303)


@router.post("/taken/verwijderen")
def delete_ratings(
    request: Request, account: CurrentAccount, store: StoreDep, _csrf: CsrfForm
) -> Response:
    service.delete_my_ratings(store, account)
    return RedirectResponse("/taken", status_code=303)


@router.get("/taken/rapport", response_class=HTMLResponse)
def report_page(
    request: Request, account: Citizen, store: StoreDep, beroep: OccupationParam = None
) -> HTMLResponse:
    chosen = beroep or service.my_occupation(store, account)
    built = service.my_report(store, account, chosen) if chosen else None
    if built is None:
        raise UnknownCode("occupation", beroep or "")
    found, report, outlook = built
    return render(
        request,
        "tasks_report.html",
        w=_w(request),
        found=found,
        report=report,
        outlook=outlook,
    )


@router.post("/taken/team/aansluiten")
def join_team(
    request: Request,
    account: Citizen,
    store: StoreDep,
    _csrf: CsrfForm,
    code: Annotated[str, Form(max_length=20)],
    consent: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    w = _w(request)
    try:
        service.join_team(store, account, code, consent == "ja")
    except service.TasksError as error:
        if isinstance(error, service.ConsentRequired):
            message = w["team_consent"]
        elif isinstance(error, service.TooManyJoins):
            message = w["too_many_codes"].format(minutes=error.retry_after // 60 + 1)
        else:
            message = w["no_team"].format(code=code)
        return _tasks_page(request, account, store, service.my_occupation(store, account), message)
    return RedirectResponse("/taken", status_code=303)


@router.post("/taken/team/aanmaken")
def create_team(
    request: Request,
    account: Employer,
    store: StoreDep,
    _csrf: CsrfForm,
    name: Annotated[str, Form(max_length=100)],
) -> Response:
    try:
        code = service.create_team(store, account, name)
    except service.TasksError:
        return render(
            request,
            "tasks_employer.html",
            400,
            w=_w(request),
            account=account,
            teams=service.my_teams(store, account),
            error=_w(request)["team_name_rule"],
        )
    return RedirectResponse(f"/taken/team/{code}", status_code=303)


@router.get("/taken/team/{code}", response_class=HTMLResponse)
def team_page(request: Request, code: str, account: Employer, store: StoreDep) -> HTMLResponse:
    try:
        report = service.team_report(store, account, code)
    except service.NotAllowed:
        raise UnknownCode("team", code) from None
    return render(request, "tasks_team.html", w=_w(request), report=report)
