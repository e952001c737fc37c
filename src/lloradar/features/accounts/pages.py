"""The account pages: log in (/inloggen), register as a citizen or employer (/registreren)
and log out (/uitloggen, a POST with the form token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lloradar.domain.account import SELF_SERVICE_ROLES, Role, Session
from lloradar.features.accounts.service import (
    AccountError,
    TooManyAttempts,
    login,
    logout,
    register,
)
from lloradar.web.auth import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    CsrfForm,
    OptionalAccount,
    anonymous_csrf,
)
from lloradar.web.i18n import request_lang
from lloradar.web.routes import StoreDep, render

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=320)]
NextParam = Annotated[str, Query(alias="next", max_length=500)]

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "login": "Inloggen",
        "register": "Account maken",
        "logout": "Uitloggen",
        "email": "E-mailadres",
        "password": "Wachtwoord",
        "password_hint": "Minstens 10 tekens.",
        "name": "Naam (mag leeg blijven)",
        "role": "Ik ben",
        "citizen": "Burger (werkende of werkzoekende)",
        "employer": "Werkgever",
        "expired": "Uw sessie is verlopen. Log opnieuw in; er is niets verloren gegaan.",
        "failed": "Het e-mailadres of het wachtwoord klopt niet.",
        "too_many": "Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw.",
        "deleted": "Uw account en al uw gegevens zijn verwijderd.",
        "no_account": "Nog geen account?",
        "have_account": "Al een account?",
        "logged_in_as": "Ingelogd als",
        "privacy": "Uw gegevens staan op de server van LLO Radar en zijn alleen voor u "
        "zichtbaar. U kunt alles downloaden en verwijderen.",
    },
    "en": {
        "login": "Log in",
        "register": "Create an account",
        "logout": "Log out",
        "email": "E-mail address",
        "password": "Password",
        "password_hint": "At least 10 characters.",
        "name": "Name (may stay empty)",
        "role": "I am",
        "citizen": "A citizen (working or looking for work)",
        "employer": "An employer",
        "expired": "Your session has expired. Please log in again; nothing was lost.",
        "failed": "The e-mail address or the password is not right.",
        "too_many": "Too many failed attempts. Try again in {minutes} minutes.",
        "deleted": "Your account and all your data have been deleted.",
        "no_account": "No account yet?",
        "have_account": "Already have an account?",
        "logged_in_as": "Logged in as",
        "privacy": "Your data is kept on the LLO Radar server and shown only to you. You can "
        "download and delete all of it.",
    },
}


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
    response.set_cookie(
        CSRF_COOKIE, token, httponly=True, samesite="lax", path="/", secure=_https(request)
    )
    return response


def _https(request: Request) -> bool:
    """Cookies get the Secure flag whenever the site is served over HTTPS."""
    return request.url.scheme == "https"


def start_session(request: Request, response: Response, session: Session) -> None:
    """The session cookie: HttpOnly, SameSite=Lax; the server decides when it expires."""
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        httponly=True,
        samesite="lax",
        path="/",
        secure=_https(request),
    )


def _home_for(role: Role) -> str:
    return "/paspoort" if role == Role.CITIZEN else "/"


@router.get("/inloggen", response_class=HTMLResponse)
def login_page(
    request: Request,
    account: OptionalAccount,
    next_url: NextParam = "",
    verlopen: Annotated[str | None, Query(max_length=1)] = None,
    verwijderd: Annotated[str | None, Query(max_length=1)] = None,
) -> HTMLResponse:
    w = _words(request)
    return _form(
        request,
        "account_login.html",
        account=account,
        next_url=safe_next(next_url, ""),
        error=w["expired"] if verlopen else "",
        notice=w["deleted"] if verwijderd else "",
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
    previous = request.cookies.get(SESSION_COOKIE)
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
        session = login(store, email, password, client_of(request))
        _end_previous_session(request, store)
    except AccountError as exc:
        message = exc.nl if request_lang(request) == "nl" else str(exc)
        return _form(request, "account_register.html", 422, error=message, **context)
    response = RedirectResponse(_home_for(session.account.role), 303)
    start_session(request, response, session)
    return response


@router.post("/uitloggen")
def logout_submit(request: Request, store: StoreDep, _csrf: CsrfForm) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        logout(store, token)
    response = RedirectResponse("/", 303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
