"""Account endpoints: log in (a session token, also set as an HttpOnly cookie), log out (here
or everywhere), change the password and who am I."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from lloradar.api.auth import (
    AccountStoreDep,
    ApiAccount,
    bearer_token,
    clear_session_cookie,
    session_cookie,
    set_session_cookie,
)
from lloradar.api.problems import Problem
from lloradar.features.accounts.service import (
    AccountError,
    LoginFailed,
    TooManyAttempts,
    change_password,
    consents,
    login,
    logout,
    logout_everywhere,
)
from lloradar.services import audit

router = APIRouter(prefix="/api", tags=["accounts"])


class LoginIn(BaseModel):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1000)


class PasswordIn(BaseModel):
    old_password: str = Field(min_length=1, max_length=1000)
    new_password: str = Field(min_length=1, max_length=1000)


class AccountOut(BaseModel):
    id: str
    email: str
    role: str
    name: str


class LoginOut(BaseModel):
    token: str
    csrf_token: str
    expires_at: datetime
    account: AccountOut


class MeOut(BaseModel):
    account: AccountOut
    csrf_token: str
    consent: dict[str, bool]


@router.post(
    "/auth/login",
    response_model=LoginOut,
    summary="Log in: a session token (Bearer) and an HttpOnly session cookie",
    responses={401: {"description": "Wrong e-mail or password"}, 429: {"description": "Rate"}},
)
def api_login(
    body: LoginIn, request: Request, response: Response, store: AccountStoreDep
) -> LoginOut:
    client = request.client.host if request.client else "unknown"
    try:
        session = login(store, body.email, body.password, client)
    except TooManyAttempts as exc:
        raise Problem(
            429,
            "Too many failed logins",
            f"{exc} / {exc.nl}",
            retry_after=exc.retry_after,
        ) from exc
    except AccountError as exc:
        raise Problem(401, "Login failed", str(exc)) from exc
    previous = session_cookie(request)
    if previous:  # the new session replaces the cookie's: the old token stops working
        logout(store, previous)
    set_session_cookie(response, session.token)
    account = session.account
    return LoginOut(
        token=session.token,
        csrf_token=session.csrf,
        expires_at=session.expires_at,
        account=AccountOut(
            id=account.id, email=account.email, role=account.role, name=account.name
        ),
    )


@router.post("/auth/logout", status_code=204, summary="End this session")
def api_logout(
    request: Request, response: Response, account: ApiAccount, store: AccountStoreDep
) -> Response:
    token = bearer_token(request) or session_cookie(request)
    if token:
        logout(store, token)
    out = Response(status_code=204)
    clear_session_cookie(out)
    return out


@router.get("/me", response_model=MeOut, summary="The logged-in account and its consents")
def me(request: Request, account: ApiAccount, store: AccountStoreDep) -> MeOut:
    audit.record(store, account.id, "account read", account.id, "account")
    return MeOut(
        account=AccountOut(
            id=account.id, email=account.email, role=account.role, name=account.name
        ),
        csrf_token=request.state.session.csrf,
        consent=consents(store, account.id),
    )


@router.post(
    "/auth/password",
    status_code=204,
    summary="Change the password (with the old one); every other session of the account ends",
    responses={
        401: {"description": "The old password is not right"},
        422: {"description": "The new password is too short or too common"},
        429: {"description": "Too many wrong old passwords"},
    },
)
def api_change_password(
    body: PasswordIn, request: Request, account: ApiAccount, store: AccountStoreDep
) -> Response:
    token = bearer_token(request) or session_cookie(request)
    try:
        change_password(store, account.id, body.old_password, body.new_password, keep_token=token)
    except TooManyAttempts as exc:
        raise Problem(429, "Too many tries", str(exc), retry_after=exc.retry_after) from exc
    except LoginFailed as exc:
        raise Problem(401, "Wrong password", str(exc)) from exc
    except AccountError as exc:
        raise Problem(422, "Password not accepted", str(exc)) from exc
    return Response(status_code=204)


@router.post(
    "/auth/logout-everywhere",
    status_code=204,
    summary="End every session of the account: every browser and every API token",
)
def api_logout_everywhere(account: ApiAccount, store: AccountStoreDep) -> Response:
    logout_everywhere(store, account.id)
    out = Response(status_code=204)
    clear_session_cookie(out)
    return out
