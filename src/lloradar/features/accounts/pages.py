"""The account pages: log in (/inloggen), register as a citizen or employer (/registreren: the
same answer whether or not the address had an account, then log in),
change the password (/account/wachtwoord), log out (/uitloggen) or log out everywhere
(/uitloggen-overal), both a POST with the form token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lloradar.domain.account import SELF_SERVICE_ROLES, Role, Session
from lloradar.features.accounts.service import (
    AccountError,
    EmailTaken,
    LoginFailed,
    TooManyAttempts,
    change_password,
    login,
    logout,
    logout_everywhere,
    register,
)
from lloradar.web.auth import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    CsrfForm,
    CurrentAccount,
    OptionalAccount,
    anonymous_csrf,
    clear_cookie,
    request_cookie,
    set_cookie,
)
from lloradar.web.i18n import request_lang, words
from lloradar.web.routes import StoreDep, render

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=320)]
NextParam = Annotated[str, Query(alias="next", max_length=500)]

WORDS = words("accounts")


def _words(request: Request) -> dict[str, str]:
    return WORDS[request_lang(request)]


def safe_next(target: str | None, default: str = "/") -> str:
    """Only a local path: never redirect to another site after login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _form(request: Request, template: str, status: int = 200, **context: object) -> HTMLResponse:
    token = anonymous_csrf(request)
    response = render(request, template, status, w=_words(request), **context)
    set_cookie(response, CSRF_COOKIE, token)
    return response


def start_session(request: Request, response: Response, session: Session) -> None:
    """The session cookie: HttpOnly, SameSite=Lax, `__Host-` and Secure unless
    LLORADAR_COOKIE_SECURE is off; the server decides when it expires."""
    set_cookie(response, SESSION_COOKIE, session.token)


def _home_for(role: Role) -> str:
    return "/paspoort" if role == Role.CITIZEN else "/"


@router.get("/inloggen", response_class=HTMLResponse)
def login_page(
    request: Request,
    account: OptionalAccount,
    next_url: NextParam = "",
    verlopen: Annotated[str | None, Query(max_length=1)] = None,
    verwijderd: Annotated[str | None, Query(max_length=1)] = None,
    aangemeld: Annotated[str | None, Query(max_length=1)] = None,
) -> HTMLResponse:
    w = _words(request)
    return _form(
        request,
        "account_login.html",
        account=account,
        next_url=safe_next(next_url, ""),
        error=w["expired"] if verlopen else "",
        notice=w["deleted"] if verwijderd else w["registered"] if aangemeld else "",
        email="",
    )


@router.post("/inloggen", response_class=HTMLResponse)
def login_submit(
    request: Request,
    store: StoreDep,
    _csrf: CsrfForm,
    email: Text,
    password: Text,
    next_url: Annotated[str, Form(alias="next", max_length=500)] = "",
) -> Response:
    w = _words(request)
    try:
        session = login(store, email, password, client_of(request))
        _end_previous_session(request, store)
    except TooManyAttempts as exc:
        error = w["too_many"].format(minutes=exc.retry_after // 60 + 1)
        return _form(
            request,
            "account_login.html",
            429,
            account=None,
            next_url=next_url,
            error=error,
            email=email,
        )
    except AccountError:
        return _form(
            request,
            "account_login.html",
            401,
            account=None,
            next_url=next_url,
            error=w["failed"],
            email=email,
        )
    response = RedirectResponse(safe_next(next_url, _home_for(session.account.role)), 303)
    start_session(request, response, session)
    return response


def _end_previous_session(request: Request, store: StoreDep) -> None:
    """A login replaces the browser's session: the token it carried so far stops working, so a
    token planted in or copied from this browser before the login is worth nothing after it."""
    previous = request_cookie(request, SESSION_COOKIE)
    if previous:
        logout(store, previous)


@router.get("/registreren", response_class=HTMLResponse)
def register_page(request: Request, account: OptionalAccount) -> HTMLResponse:
    return _form(
        request,
        "account_register.html",
        account=account,
        roles=SELF_SERVICE_ROLES,
        error="",
        email="",
        person_name="",
        role="citizen",
    )


@router.post("/registreren", response_class=HTMLResponse)
def register_submit(
    request: Request,
    store: StoreDep,
    _csrf: CsrfForm,
    email: Text,
    password: Text,
    name: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=20)] = "citizen",
) -> Response:
    context = {
        "account": None,
        "roles": SELF_SERVICE_ROLES,
        "email": email,
        "person_name": name,
        "role": role,
    }
    if role not in {str(r) for r in SELF_SERVICE_ROLES}:
        message = (
            "Kies burger of werkgever; analist- en beheerdersaccounts maakt de beheerder."
            if request_lang(request) == "nl"
            else "Choose citizen or employer; analyst and admin accounts are made by an "
            "administrator."
        )
        return _form(request, "account_register.html", 422, error=message, **context)
    try:
        register(store, email, password, Role(role), name, client=client_of(request))
    except EmailTaken:
        pass  # answered as a new account: the page does not tell whether an address has one
    except AccountError as exc:
        message = exc.nl if request_lang(request) == "nl" else str(exc)
        return _form(request, "account_register.html", 422, error=message, **context)
    # The same answer for a new and a taken address: log in now (no session is started here,
    # since a taken address would then answer differently).
    return RedirectResponse("/inloggen?aangemeld=1", 303)


@router.post("/uitloggen")
def logout_submit(request: Request, store: StoreDep, _csrf: CsrfForm) -> Response:
    token = request_cookie(request, SESSION_COOKIE)
    if token:
        logout(store, token)
    response = RedirectResponse("/", 303)
    clear_cookie(response, SESSION_COOKIE)
    return response


@router.get("/account/wachtwoord", response_class=HTMLResponse)
def password_page(
    request: Request,
    account: CurrentAccount,
    gewijzigd: Annotated[str | None, Query(max_length=1)] = None,
) -> HTMLResponse:
    w = _words(request)
    notice = w["password_changed"] if gewijzigd else ""
    return render(request, "account_password.html", account=account, w=w, error="", notice=notice)


@router.post("/account/wachtwoord", response_class=HTMLResponse)
def password_submit(
    request: Request,
    store: StoreDep,
    account: CurrentAccount,
    _csrf: CsrfForm,
    old_password: Text,
    new_password: Annotated[str, Form(max_length=1000)],
) -> Response:
    """The old password first; the other sessions of the account end, this one goes on."""
    w = _words(request)
    try:
        change_password(
            store,
            account.id,
            old_password,
            new_password,
            keep_token=request_cookie(request, SESSION_COOKIE),
        )
    except TooManyAttempts as exc:
        error = w["too_many"].format(minutes=exc.retry_after // 60 + 1)
        return _password_error(request, account, 429, error)
    except LoginFailed:
        return _password_error(request, account, 401, w["wrong_password"])
    except AccountError as exc:
        message = exc.nl if request_lang(request) == "nl" else str(exc)
        return _password_error(request, account, 422, message)
    return RedirectResponse("/account/wachtwoord?gewijzigd=1", 303)


def _password_error(request: Request, account: object, status: int, error: str) -> HTMLResponse:
    return render(
        request,
        "account_password.html",
        status,
        account=account,
        w=_words(request),
        error=error,
        notice="",
    )


@router.post("/uitloggen-overal")
def logout_everywhere_submit(store: StoreDep, account: CurrentAccount, _csrf: CsrfForm) -> Response:
    """Every session of the account ends: this browser, others, and API tokens."""
    logout_everywhere(store, account.id)
    response = RedirectResponse("/inloggen", 303)
    clear_cookie(response, SESSION_COOKIE)
    return response
