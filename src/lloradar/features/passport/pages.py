"""The skills passport page (/paspoort): the citizen's own skills with evidence, level and date;
suggestions from a pasted or uploaded CV to confirm or remove; a label search to add by hand;
preferences; export, import, consent and deleting the account."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from lloradar.domain.account import Account, Purpose, Role
from lloradar.domain.passport import Evidence, Level, Preferences
from lloradar.features.accounts.service import (
    LoginFailed,
    TooManyAttempts,
    delete_own_account,
    give_consent,
    has_consent,
    withdraw_consent,
)
from lloradar.features.passport.cv import (
    MAX_BYTES,
    CvDocumentError,
    SkillsUnavailable,
    Suggestion,
    check_size,
    occupation_choices,
    region_choices,
    search_skills,
    suggest_from_file,
    suggest_from_text,
)
from lloradar.features.passport.service import (
    PassportError,
    SkillClaim,
    add_skills,
    export_open_badges,
    export_plain,
    import_document,
    read_passport,
    remove_skill,
    set_preferences,
)
from lloradar.features.passport.words import MESSAGES, WORDS
from lloradar.services.request_store import store_url_for
from lloradar.web.auth import (
    SESSION_COOKIE,
    CsrfForm,
    CurrentAccount,
    clear_cookie,
    require_roles,
)
from lloradar.web.i18n import request_lang
from lloradar.web.routes import DataDep, StoreDep, render

router = APIRouter(include_in_schema=False)
Citizen = Annotated[Account, Depends(require_roles(Role.CITIZEN))]
IMPORT_LIMIT = 1024 * 1024


def _page(
    request: Request,
    store: Any,
    account: Account,
    status: int = 200,
    *,
    error: str = "",
    suggestions: list[Suggestion] | None = None,
    results: list[Suggestion] | None = None,
    query: str = "",
) -> HTMLResponse:
    lang = request_lang(request)
    notice = MESSAGES[lang].get(request.query_params.get("melding", ""), "")
    return render(
        request,
        "passport_page.html",
        status,
        w=WORDS[lang],
        account=account,
        consented=has_consent(store, account.id, Purpose.PASSPORT),
        passport=read_passport(store, account.id),
        regions=region_choices(store),
        occupations=occupation_choices(store, lang),
        evidences=list(Evidence),
        levels=list(Level),
        suggestions=suggestions,
        results=results,
        query=query,
        error=error,
        notice=notice,
        today=date.today().isoformat(),
    )


def _back(message: str, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/paspoort?melding={message}{anchor}", 303)


@router.get("/paspoort", response_class=HTMLResponse)
def passport_page(
    request: Request,
    account: Citizen,
    store: StoreDep,
    zoek: Annotated[str, Query(max_length=100)] = "",
) -> HTMLResponse:
    results = search_skills(store, zoek) if zoek else None
    return _page(request, store, account, results=results, query=zoek)


@router.post("/paspoort/toestemming")
def consent(
    account: Citizen,
    store: StoreDep,
    _csrf: CsrfForm,
    give: Annotated[str, Form(max_length=3)] = "yes",
) -> Response:
    if give == "yes":
        give_consent(store, account.id, Purpose.PASSPORT)
        return _back("consent")
    withdraw_consent(store, account.id, Purpose.PASSPORT)
    return _back("withdrawn")


def _store_url(request: Request, data: object) -> str:
    return store_url_for(data, getattr(request.app.state, "store_url", None))


@router.post("/paspoort/cv", response_class=HTMLResponse)
def cv_text_submit(
    request: Request,
    account: Citizen,
    store: StoreDep,
    data: DataDep,
    _csrf: CsrfForm,
    cv: Annotated[str, Form(max_length=20_000)] = "",
) -> HTMLResponse:
    try:
        found = suggest_from_text(store, _store_url(request, data), account.id, cv)
    except (ValueError, SkillsUnavailable) as exc:
        return _page(request, store, account, 422, error=str(exc))
    return _page(request, store, account, suggestions=found)


@router.post("/paspoort/cv-bestand", response_class=HTMLResponse)
def cv_file_submit(
    request: Request,
    account: Citizen,
    store: StoreDep,
    data: DataDep,
    _csrf: CsrfForm,
    bestand: UploadFile,
) -> HTMLResponse:
    name = bestand.filename or "upload"
    content = bestand.file.read(MAX_BYTES + 1)
    try:
        check_size(name, bestand.size if bestand.size is not None else len(content))
        found = suggest_from_file(store, _store_url(request, data), account.id, name, content)
    except CvDocumentError as exc:
        status = 413 if "limit" in str(exc) else 422
        return _page(request, store, account, status, error=str(exc))
    except (ValueError, SkillsUnavailable) as exc:
        return _page(request, store, account, 422, error=str(exc))
    return _page(request, store, account, suggestions=found)


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@router.post("/paspoort/bevestig")
async def confirm(request: Request, account: Citizen, store: StoreDep, _csrf: CsrfForm) -> Response:
    """The suggestions the person kept (checked), each with its evidence and level."""
    form = await request.form()
    kept = [str(v) for v in form.getlist("keep")]
    try:
        claims = [
            SkillClaim(
                str(form.get(f"uri-{i}", "")),
                Evidence(str(form.get(f"evidence-{i}", "work_experience"))),
                Level(str(form.get(f"level-{i}", "intermediate"))),
            )
            for i in kept
        ]
        if claims:
            add_skills(store, account.id, claims)
    except (PassportError, ValueError) as exc:
        return _page(request, store, account, 422, error=str(exc))
    return _back("added" if claims else "none_kept", "#vaardigheden")


@router.post("/paspoort/vaardigheid")
def save_skill(
    request: Request,
    account: Citizen,
    store: StoreDep,
    _csrf: CsrfForm,
    uri: Annotated[str, Form(max_length=300)],
    evidence: Annotated[Evidence, Form()] = Evidence.SELF_ASSESSED,
    level: Annotated[Level, Form()] = Level.INTERMEDIATE,
    acquired_on: Annotated[str, Form(max_length=10)] = "",
    note: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    try:
        add_skills(store, account.id, [SkillClaim(uri, evidence, level, _date(acquired_on), note)])
    except (PassportError, ValueError) as exc:
        return _page(request, store, account, 422, error=str(exc))
    return _back("saved", "#vaardigheden")


@router.post("/paspoort/vaardigheid/verwijder")
def delete_skill(
    account: Citizen,
    store: StoreDep,
    _csrf: CsrfForm,
    uri: Annotated[str, Form(max_length=300)],
) -> Response:
    remove_skill(store, account.id, uri)
    return _back("removed", "#vaardigheden")


@router.post("/paspoort/voorkeuren")
async def preferences(
    request: Request, account: Citizen, store: StoreDep, _csrf: CsrfForm
) -> Response:
    form = await request.form()
    region = str(form.get("region", "")) or None
    hours_text = str(form.get("hours", "")).strip()
    try:
        hours = int(hours_text) if hours_text else None
        chosen = tuple(str(o) for o in form.getlist("occupations"))
        set_preferences(store, account.id, Preferences(region, hours, chosen))
    except ValueError as exc:
        message = (
            str(exc)
            if isinstance(exc, PassportError)
            else f"hours: {hours_text!r} is not a whole number"
        )
        return _page(request, store, account, 422, error=message)
    return _back("preferences", "#voorkeuren")


@router.get("/paspoort/export/{kind}")
def export(kind: str, account: Citizen, store: StoreDep) -> Response:
    if kind not in ("openbadges", "json"):
        return RedirectResponse("/paspoort", 303)
    body = (
        export_open_badges(store, account.id)
        if kind == "openbadges"
        else export_plain(store, account.id)
    )
    name = "paspoort-openbadges.json" if kind == "openbadges" else "paspoort.json"
    return JSONResponse(body, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/paspoort/import", response_class=HTMLResponse)
def import_file(
    request: Request, account: Citizen, store: StoreDep, _csrf: CsrfForm, bestand: UploadFile
) -> Response:
    content = bestand.file.read(IMPORT_LIMIT + 1)
    name = bestand.filename or "upload"
    try:
        if len(content) > IMPORT_LIMIT:
            raise PassportError(f"{name} is larger than the import limit of 1 MB")
        try:
            document = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PassportError(f"{name} is not a JSON file ({exc})") from None
        report = import_document(store, account.id, document)
    except PassportError as exc:
        return _page(request, store, account, 422, error=f"{name}: {exc}")
    return _back("imported" if not report.skipped else "imported_skipped", "#vaardigheden")


@router.post("/account/verwijderen")
def delete_everything(
    request: Request,
    account: CurrentAccount,
    store: StoreDep,
    _csrf: CsrfForm,
    confirm: Annotated[str, Form(max_length=3)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    lang = request_lang(request)
    if confirm != "yes":
        if account.role != Role.CITIZEN:
            return RedirectResponse("/", 303)
        return _page(request, store, account, 422, error=WORDS[lang]["confirm_needed"])
    try:  # re-authentication: a borrowed, logged-in browser cannot delete the account
        delete_own_account(store, account.id, password)
    except (LoginFailed, TooManyAttempts) as refused:
        status = 429 if isinstance(refused, TooManyAttempts) else 403
        if account.role != Role.CITIZEN:
            return RedirectResponse("/", 303)
        return _page(
            request, store, account, status, error=refused.nl if lang == "nl" else str(refused)
        )
    response = RedirectResponse("/inloggen?verwijderd=1", 303)
    clear_cookie(response, SESSION_COOKIE)
    return response
