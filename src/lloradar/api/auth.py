"""Who is calling the API: a session cookie (`__Host-lloradar_session`, or `lloradar_session`
with LLORADAR_COOKIE_SECURE off) or `Authorization: Bearer`.

Missing or expired credentials -> 401 problem JSON; the wrong role -> 403. A request
authenticated by the cookie that changes something (POST, PUT, PATCH, DELETE) must also send the
session's token in the `X-CSRF-Token` header, so another site cannot ride on the cookie.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request
from starlette.responses import Response

from lloradar.api.deps import DataDep
from lloradar.api.problems import Problem
from lloradar.domain.account import Account, Role
from lloradar.services.request_store import Store, open_web_store, store_url_for
from lloradar.services.sessions import (
    HOST_PREFIX,
    SESSION_COOKIE,
    cookie_name,
    cookie_options,
    lookup_session,
)

__all__ = ["SESSION_COOKIE", "clear_session_cookie", "session_cookie", "set_session_cookie"]
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_store(request: Request, data: DataDep) -> Iterator[Store]:
    """The store the app reads, opened for one request."""
    url = store_url_for(data, getattr(request.app.state, "store_url", None))
    with open_web_store(url) as store:
        yield store


AccountStoreDep = Annotated[Store, Depends(get_store)]


def session_cookie(request: Request) -> str | None:
    """The session token of the cookie (`__Host-lloradar_session` unless LLORADAR_COOKIE_SECURE
    is off, then `lloradar_session`)."""
    return request.cookies.get(cookie_name(SESSION_COOKIE))


def set_session_cookie(response: Response, token: str) -> None:
    response.set_cookie(cookie_name(SESSION_COOKIE), token, **cookie_options())  # type: ignore[arg-type]


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(cookie_name(SESSION_COOKIE), **cookie_options())  # type: ignore[arg-type]


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def api_account(request: Request, store: AccountStoreDep) -> Account:
    token = bearer_token(request)
    by_cookie = token is None
    if by_cookie:
        token = session_cookie(request)
    found = lookup_session(store, token)
    if found.account is None:
        detail = (
            "Your session has expired; log in again at /api/auth/login."
            if found.expired
            else "Log in first: POST /api/auth/login, then send the cookie or "
            "'Authorization: Bearer <token>'."
        )
        title = "Session expired" if found.expired else "Not logged in"
        raise Problem(401, title, detail)
    if by_cookie and request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not hmac.compare_digest(sent, found.csrf):
            raise Problem(
                403,
                "CSRF token missing",
                f"A cookie-authenticated {request.method} needs the header {CSRF_HEADER} "
                "with the csrf_token from /api/auth/login or /api/me.",
            )
    request.state.session = found
    return found.account


ApiAccount = Annotated[Account, Depends(api_account)]


def require_api_roles(*roles: Role) -> Callable[..., Account]:
    """A dependency factory: the caller's account, 403 unless it has one of `roles`.
    Use as `Annotated[Account, Depends(require_api_roles(Role.EMPLOYER))]`."""

    def check(account: ApiAccount) -> Account:
        if account.role not in roles:
            allowed = ", ".join(str(r) for r in roles)
            raise Problem(403, "Forbidden", f"This endpoint is for these roles: {allowed}.")
        return account

    return check


async def no_store_when_personal(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """HTTP middleware (server.py): a response to a logged-in request (session cookie or
    bearer token) or an alert feed may hold personal data, so it gets `Cache-Control:
    no-store` unless it set its own: no shared cache keeps it, and after logout the browser's
    back button does not show it again. Static files keep their caching."""
    response = await call_next(request)
    path = request.url.path
    personal = (
        SESSION_COOKIE in request.cookies
        or HOST_PREFIX + SESSION_COOKIE in request.cookies
        or "authorization" in request.headers
        or path.startswith("/feeds/")
    )
    if personal and not path.startswith("/static/") and "cache-control" not in response.headers:
        response.headers["Cache-Control"] = "no-store"
    return response
