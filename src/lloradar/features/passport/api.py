"""The skills passport over the API: the caller's own passport only (GET/PUT/DELETE), skill
suggestions from a CV text or file, export (Open Badges 3.0 or plain JSON) and import, consent,
and deleting the whole account."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from lloradar.api.auth import AccountStoreDep, clear_session_cookie, require_api_roles
from lloradar.api.deps import DataDep
from lloradar.api.problems import Problem
from lloradar.domain.account import Account, Purpose, Role
from lloradar.domain.passport import Evidence, Level, Passport, Preferences
from lloradar.features.accounts.service import (
    LoginFailed,
    TooManyAttempts,
    delete_own_account,
    give_consent,
    withdraw_consent,
)
from lloradar.features.passport.cv import (
    MAX_BYTES,
    CvDocumentError,
    SkillsUnavailable,
    check_size,
    suggest_from_file,
    suggest_from_text,
)
from lloradar.features.passport.service import (
    ConsentRequired,
    NotYourPassport,
    PassportError,
    SkillClaim,
    delete_passport,
    export_open_badges,
    export_plain,
    import_document,
    passport_by_id,
    read_passport,
    replace_passport,
)
from lloradar.services.request_store import store_url_for

router = APIRouter(prefix="/api", tags=["passport"])
Citizen = Annotated[Account, Depends(require_api_roles(Role.CITIZEN))]
AnyAccount = Annotated[Account, Depends(require_api_roles(*Role))]


class PasswordIn(BaseModel):
    password: str = Field(min_length=1, max_length=1000)


class SkillIn(BaseModel):
    uri: str = Field(max_length=300, examples=["http://data.europa.eu/esco/skill/..."])
    evidence: Evidence = Evidence.SELF_ASSESSED
    level: Level = Level.INTERMEDIATE
    acquired_on: date | None = None
    note: str = Field("", max_length=500)


class SkillOut(SkillIn):
    label: str
    label_nl: str | None


class PreferencesIO(BaseModel):
    region_code: str | None = Field(None, max_length=10, examples=["AM05"])
    hours_per_week: int | None = Field(None, ge=1, le=80)
    occupations: list[str] = Field(default_factory=list, max_length=100)


class PassportIn(BaseModel):
    skills: list[SkillIn] = Field(default_factory=list, max_length=500)
    preferences: PreferencesIO = PreferencesIO(region_code=None, hours_per_week=None)


class PassportOut(BaseModel):
    skills: list[SkillOut]
    preferences: PreferencesIO


class CvIn(BaseModel):
    text: str = Field(min_length=1, max_length=20_000)


class SuggestionOut(BaseModel):
    uri: str
    label: str
    label_nl: str | None
    score: float
    span: str


class ImportOut(BaseModel):
    skills: int
    skipped: list[str]
    preferences: bool


def _out(passport: Passport) -> PassportOut:
    return PassportOut(
        skills=[
            SkillOut(
                uri=s.uri,
                label=s.label,
                label_nl=s.label_nl,
                evidence=s.evidence,
                level=s.level,
                acquired_on=s.acquired_on,
                note=s.note,
            )
            for s in passport.skills
        ],
        preferences=PreferencesIO(
            region_code=passport.preferences.region_code,
            hours_per_week=passport.preferences.hours_per_week,
            occupations=list(passport.preferences.occupations),
        ),
    )


def _problem(exc: PassportError) -> Problem:
    if isinstance(exc, ConsentRequired):
        return Problem(409, "Consent required", str(exc), purpose="passport")
    if isinstance(exc, NotYourPassport):
        return Problem(404, "No such passport", str(exc))
    return Problem(422, "Invalid passport", str(exc))


@router.get("/passport", response_model=PassportOut, summary="Your own skills passport")
def get_passport(account: Citizen, store: AccountStoreDep) -> PassportOut:
    return _out(read_passport(store, account.id))


@router.get(
    "/passport/{account_id}",
    response_model=PassportOut,
    summary="A passport by account id: only your own (404 for any other)",
)
def get_passport_by_id(account_id: str, account: Citizen, store: AccountStoreDep) -> PassportOut:
    try:
        return _out(passport_by_id(store, account, account_id))
    except PassportError as exc:
        raise _problem(exc) from exc


@router.put("/passport", response_model=PassportOut, summary="Replace your whole passport")
def put_passport(body: PassportIn, account: Citizen, store: AccountStoreDep) -> PassportOut:
    claims = [SkillClaim(s.uri, s.evidence, s.level, s.acquired_on, s.note) for s in body.skills]
    prefs = Preferences(
        body.preferences.region_code,
        body.preferences.hours_per_week,
        tuple(body.preferences.occupations),
    )
    try:
        return _out(replace_passport(store, account.id, claims, prefs))
    except PassportError as exc:
        raise _problem(exc) from exc


@router.delete("/passport", status_code=204, summary="Delete your passport (the account stays)")
def delete_own_passport(account: Citizen, store: AccountStoreDep) -> Response:
    delete_passport(store, account.id)
    return Response(status_code=204)


@router.get("/passport/export/{kind}", summary="Export: Open Badges 3.0 (unsigned) or JSON")
def export(
    kind: Literal["openbadges", "json"], account: Citizen, store: AccountStoreDep
) -> JSONResponse:
    body: dict[str, Any] = (
        export_open_badges(store, account.id)
        if kind == "openbadges"
        else export_plain(store, account.id)
    )
    name = "paspoort-openbadges.json" if kind == "openbadges" else "paspoort.json"
    media = "application/ld+json" if kind == "openbadges" else "application/json"
    return JSONResponse(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.post(
    "/passport/import",
    response_model=ImportOut,
    summary="Import an export (either format) into your own passport",
)
def import_(
    document: dict[str, Any] | list[Any], account: Citizen, store: AccountStoreDep
) -> ImportOut:
    try:
        report = import_document(store, account.id, document)
    except PassportError as exc:
        raise _problem(exc) from exc
    return ImportOut(
        skills=report.skills, skipped=list(report.skipped), preferences=report.preferences
    )


def _suggestions(found: list[Any]) -> list[SuggestionOut]:
    return [
        SuggestionOut(uri=s.uri, label=s.label, label_nl=s.label_nl, score=s.score, span=s.span)
        for s in found
    ]


@router.post(
    "/passport/suggestions",
    response_model=list[SuggestionOut],
    summary="Skills found in a CV text (not stored; confirm them with PUT)",
)
def suggestions(
    body: CvIn, request: Request, data: DataDep, account: Citizen, store: AccountStoreDep
) -> list[SuggestionOut]:
    url = store_url_for(data, getattr(request.app.state, "store_url", None))
    try:
        return _suggestions(suggest_from_text(store, url, account.id, body.text))
    except SkillsUnavailable as exc:
        raise Problem(409, "Skills model unavailable", str(exc)) from exc
    except ValueError as exc:
        raise Problem(422, "Invalid CV", str(exc)) from exc


@router.post(
    "/passport/suggestions/file",
    response_model=list[SuggestionOut],
    summary=f"Skills found in a CV file: PDF or DOCX, at most {MAX_BYTES // 1024 // 1024} MB",
)
def suggestions_from_file(
    file: UploadFile, request: Request, data: DataDep, account: Citizen, store: AccountStoreDep
) -> list[SuggestionOut]:
    name = file.filename or "upload"
    content = file.file.read(MAX_BYTES + 1)
    url = store_url_for(data, getattr(request.app.state, "store_url", None))
    try:
        check_size(name, file.size if file.size is not None else len(content))
        return _suggestions(suggest_from_file(store, url, account.id, name, content))
    except CvDocumentError as exc:
        status = 413 if "limit" in str(exc) else 415 if "not accepted" in str(exc) else 422
        raise Problem(status, "CV file refused", str(exc)) from exc
    except SkillsUnavailable as exc:
        raise Problem(409, "Skills model unavailable", str(exc)) from exc


@router.put("/me/consent/{purpose}", status_code=204, summary="Give consent for a purpose")
def consent(purpose: Purpose, account: AnyAccount, store: AccountStoreDep) -> Response:
    give_consent(store, account.id, purpose)
    return Response(status_code=204)


@router.delete("/me/consent/{purpose}", status_code=204, summary="Withdraw consent")
def withdraw(purpose: Purpose, account: AnyAccount, store: AccountStoreDep) -> Response:
    withdraw_consent(store, account.id, purpose)
    return Response(status_code=204)


@router.delete(
    "/me",
    status_code=204,
    summary="Delete your account and all its personal data (the audit log keeps one line)",
)
def delete_me(
    account: AnyAccount,
    store: AccountStoreDep,
    confirm: Annotated[Literal["yes"], Query(description="must be 'yes'")],
    body: Annotated[PasswordIn, Body(description="your password again (re-authentication)")],
) -> Response:
    try:
        delete_own_account(store, account.id, body.password)
    except TooManyAttempts as refused:
        raise Problem(429, "Too many attempts", str(refused)) from None
    except LoginFailed as refused:
        raise Problem(403, "Password needed", str(refused)) from None
    out = Response(status_code=204)
    clear_session_cookie(out)
    return out
