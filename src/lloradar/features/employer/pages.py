"""The employer view (/werkgever): paste a vacancy, choose the arbeidsmarktregio, and see its
skills and occupation, the regional candidate pool, the competing vacancies, the occupations to
recruit from and, from the team composition, the skills at risk through retirement."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from lloradar.domain.account import Account, Role
from lloradar.features.employer.profile import (
    delete_team_profile,
    load_team_profile,
    save_team_profile,
    team_as_csv,
)
from lloradar.features.employer.service import (
    BASELINE_PENSION_AGE,
    MAX_TEXT,
    EmployerInputError,
    VacancyQuery,
    analyse_vacancy,
    models_for,
    occupation_labels,
    resolve_team,
)
from lloradar.features.skills.service import SkillsUnavailable
from lloradar.services.request_store import store_url_for
from lloradar.web.auth import CsrfForm, require_roles
from lloradar.web.i18n import request_lang, words
from lloradar.web.routes import DataDep, StoreDep, render
from lloradar.web.views import class_name, fmt_int, fmt_ratio

router = APIRouter(include_in_schema=False)
MAX_TEAM_FILE = 100_000  # bytes
PENSION_AGES = (BASELINE_PENSION_AGE, 68)
MAX_RISKS = 15  # rows of the retirement table; the API gives them all

WORDS = words("employer")

# The view shows published aggregates only, but the team composition is the employer's own
# business: the page is for employer (and admin) accounts.
EmployerAccount = Annotated[Account, Depends(require_roles(Role.EMPLOYER, Role.ADMIN))]


def _page(request: Request, data: DataDep, status: int = 200, **context: object) -> HTMLResponse:
    lang = request_lang(request)
    occupations = sorted(data.occupations, key=lambda o: o.label(lang).lower())
    form = {"text": "", "region": "", "occupation": "", "team": "", "pension_age": 67}
    given = context.pop("form", None)
    if isinstance(given, dict):
        form.update(given)
    return render(
        request,
        "employer.html",
        status,
        data=data,
        w=WORDS[lang],
        regions=data.regions,
        occupations=occupations,
        pension_ages=PENSION_AGES,
        max_text=MAX_TEXT,
        max_risks=MAX_RISKS,
        form=form,
        fmt=lambda v: fmt_int(v, lang),
        ratio=lambda v: fmt_ratio(v, lang),
        tension=lambda v: class_name(v, lang),
        **context,
    )


@router.get("/werkgever", response_class=HTMLResponse)
def employer_page(
    request: Request, data: DataDep, store: StoreDep, account: EmployerAccount
) -> HTMLResponse:
    lang = request_lang(request)
    saved = load_team_profile(store, account.id)
    team = team_as_csv(saved, occupation_labels(store, lang))
    notice = None
    if request.query_params.get("verwijderd"):
        notice = WORDS[lang]["team_deleted"]
    return _page(request, data, form={"team": team}, saved_team=bool(saved), notice=notice)


@router.post("/werkgever/team/verwijderen")
def employer_team_delete(
    store: StoreDep, account: EmployerAccount, _csrf: CsrfForm
) -> RedirectResponse:
    delete_team_profile(store, account.id)
    return RedirectResponse("/werkgever?verwijderd=1", status_code=303)


@router.post("/werkgever", response_class=HTMLResponse)
def employer_submit(
    request: Request,
    data: DataDep,
    store: StoreDep,
    account: EmployerAccount,
    _csrf: CsrfForm,
    text: Annotated[str, Form()] = "",
    region: Annotated[str, Form(max_length=10)] = "",
    occupation: Annotated[str, Form(max_length=300)] = "",
    team: Annotated[str, Form(max_length=MAX_TEAM_FILE)] = "",
    pension_age: Annotated[int, Form(ge=55, le=75)] = BASELINE_PENSION_AGE,
    save_team: Annotated[str, Form(max_length=10)] = "",
    team_file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    lang = request_lang(request)
    form = {
        "text": text[:MAX_TEXT],
        "region": region,
        "occupation": occupation,
        "team": team,
        "pension_age": pension_age,
        "save_team": bool(save_team),
    }
    if team_file is not None and team_file.filename:
        raw = team_file.file.read(MAX_TEAM_FILE + 1)
        if len(raw) > MAX_TEAM_FILE:
            message = (
                f"{team_file.filename}: het bestand is groter dan {MAX_TEAM_FILE // 1000} kB"
                if lang == "nl"
                else f"{team_file.filename}: the file is larger than {MAX_TEAM_FILE // 1000} kB"
            )
            return _page(request, data, 422, form=form, error=message, error_field="team")
        team = raw.decode("utf-8-sig", errors="replace")
        form["team"] = team
    url = store_url_for(data, getattr(request.app.state, "store_url", None))
    query = VacancyQuery(text, region, occupation or None, team, pension_age, lang)
    notice = None
    try:
        models = models_for(url)
        analysis = analyse_vacancy(store, models, query, actor_id=account.id)
        if save_team and team.strip():
            saved = save_team_profile(
                store, account.id, resolve_team(store, models.similarity, team)
            )
            notice = WORDS[lang]["team_saved"].format(n=saved)
    except EmployerInputError as exc:
        return _page(request, data, 422, form=form, error=exc.text(lang), error_field=exc.field)
    except SkillsUnavailable as exc:
        return _page(request, data, 409, form=form, error=str(exc), error_field="text")
    return _page(request, data, form=form, result=analysis, notice=notice)
