"""Who is logged in on the web pages: the session cookie, role checks and CSRF on forms.

Pages take `CurrentAccount` (not logged in -> redirect to /inloggen?next=...), or
`OptionalAccount`. Every POST form renders `{{ csrf_field(request) }}` and its handler takes
`CsrfForm`. Before login (the login and register forms) the token is a random value in an
HttpOnly cookie (double submit); after login it is the session's own token. Both cookies are
`__Host-` and Secure unless LLORADAR_COOKIE_SECURE is off (`services.sessions`).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException

from lloradar.domain.account import Account, Role
from lloradar.services.sessions import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    SessionLookup,
    cookie_name,
    cookie_options,
    lookup_session,
)
from lloradar.web.i18n import request_lang
from lloradar.web.routes import StoreDep, render, templates

CSRF_FIELD = "csrf"
__all__ = [
    "CSRF_COOKIE",
    "SESSION_COOKIE",
    "clear_cookie",
    "request_cookie",
    "set_cookie",
]


def set_cookie(response: Response, base: str, value: str) -> None:
    """Set the session or form-token cookie (`__Host-` name and Secure unless
    LLORADAR_COOKIE_SECURE is off; HttpOnly, SameSite=Lax, path /)."""
    response.set_cookie(cookie_name(base), value, **cookie_options())  # type: ignore[arg-type]


def clear_cookie(response: Response, base: str) -> None:
    """Remove the cookie (with the attributes it was set with: a browser ignores a `__Host-`
    cookie without Secure, also when deleting it)."""
    response.delete_cookie(cookie_name(base), **cookie_options())  # type: ignore[arg-type]


def request_cookie(request: Request, base: str) -> str | None:
    """The value of the session or form-token cookie this request carries."""
    return request.cookies.get(cookie_name(base))


class PageAuthError(HTTPException):
    """An authentication failure on a page: answered with HTML by `page_auth_error`."""


class LoginRequired(PageAuthError):
    """Answered with a 303 redirect to the login page, remembering where the person was going."""

    def __init__(self, next_url: str, expired: bool) -> None:
        target = f"/inloggen?next={quote(next_url, safe='/')}"
        if expired:
            target += "&verlopen=1"
        super().__init__(303, detail="login required", headers={"Location": target})


class Forbidden(PageAuthError):
    """A 403 page: wrong role or a missing/invalid form token."""

    def __init__(self, message_nl: str, message_en: str) -> None:
        super().__init__(403, detail=message_en)
        self.messages = {"nl": message_nl, "en": message_en}


async def page_auth_error(request: Request, exc: Exception) -> Response:
    """The exception handler server.py registers for `PageAuthError`."""
    assert isinstance(exc, PageAuthError)
    if isinstance(exc, LoginRequired):
        return RedirectResponse((exc.headers or {})["Location"], status_code=303)
    assert isinstance(exc, Forbidden)
    lang = "en" if request_lang(request) == "en" else "nl"
    return render(request, "account_forbidden.html", 403, message=exc.messages[lang])


def _session(request: Request, store: StoreDep) -> SessionLookup:
    found = getattr(request.state, "session", None)
    if found is None:
        found = lookup_session(store, request_cookie(request, SESSION_COOKIE))
        request.state.session = found
    return found


def _next_url(request: Request) -> str:
    path = request.url.path
    return f"{path}?{request.url.query}" if request.url.query else path


def current_account(request: Request, store: StoreDep) -> Account:
    found = _session(request, store)
    if found.account is None:
        raise LoginRequired(_next_url(request) if request.method == "GET" else "/", found.expired)
    return found.account


def optional_account(request: Request, store: StoreDep) -> Account | None:
    return _session(request, store).account


CurrentAccount = Annotated[Account, Depends(current_account)]
OptionalAccount = Annotated[Account | None, Depends(optional_account)]


def require_roles(*roles: Role) -> Callable[..., Account]:
    """A dependency factory: the current account, a 403 page unless it has one of `roles`.
    Use as `Annotated[Account, Depends(require_roles(Role.EMPLOYER))]`."""

    def check(account: CurrentAccount) -> Account:
        if account.role not in roles:
            raise Forbidden(
                "Deze pagina is niet beschikbaar voor uw rol.",
                "This page is not available for your role.",
            )
        return account

    return check


def expected_csrf(request: Request) -> str:
    """The token a form on this request must carry."""
    found: SessionLookup | None = getattr(request.state, "session", None)
    if found is not None and found.account is not None:
        return found.csrf
    anonymous = getattr(request.state, "csrf_anonymous", None)
    return str(anonymous or request_cookie(request, CSRF_COOKIE) or "")


async def check_csrf(request: Request, store: StoreDep) -> None:
    """403 unless the form's hidden `csrf` field matches this browser's token."""
    _session(request, store)
    form = await request.form()
    sent = str(form.get(CSRF_FIELD, ""))
    expected = expected_csrf(request)
    if not expected or not sent or not hmac.compare_digest(sent, expected):
        raise Forbidden(
            "Het formulier is verlopen of ongeldig (CSRF-controle). Laad de pagina opnieuw.",
            "The form has expired or is invalid (CSRF check). Reload the page.",
        )


CsrfForm = Annotated[None, Depends(check_csrf)]


def anonymous_csrf(request: Request) -> str:
    """Before login: this browser's random form token (set as a cookie by `remember_csrf`)."""
    token = request_cookie(request, CSRF_COOKIE) or secrets.token_urlsafe(24)
    request.state.csrf_anonymous = token
    return token


def csrf_field(request: Request) -> Markup:
    """The hidden input every POST form carries: `{{ csrf_field(request) }}`."""
    return Markup(
        f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(expected_csrf(request))}">'
    )


templates.env.globals["csrf_field"] = csrf_field
