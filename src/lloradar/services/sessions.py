"""Server-side sessions, for the kernels that authenticate a request (web pages and API) and the
accounts feature that makes them: the store keeps only the SHA-256 of a session token.

The cookies (session and form token) are `Secure` and named with the `__Host-` prefix (the
browser then takes them only over https, for this host alone, path /) unless
LLORADAR_COOKIE_SECURE is 0/false/no/off: for plain http on this machine (`make demo`, which
sets it). The default is on whatever the server itself sees, since behind a TLS proxy it sees
http.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from lloradar.config import get_settings
from lloradar.domain.account import Account, Role
from lloradar.store import Store

SESSION_COOKIE = "lloradar_session"
CSRF_COOKIE = "lloradar_csrf"
HOST_PREFIX = "__Host-"


def cookies_secure() -> bool:
    """The `cookie_secure` setting (LLORADAR_COOKIE_SECURE): on unless set to 0/false/no/off."""
    return get_settings().cookie_secure


def cookie_name(base: str) -> str:
    """`__Host-<base>` when the cookies are secure, else `<base>`."""
    return HOST_PREFIX + base if cookies_secure() else base


def cookie_options() -> dict[str, object]:
    """How every cookie of a login is set: HttpOnly, SameSite=Lax, path /, no Domain (a
    `__Host-` cookie must have none), Secure per `cookies_secure`."""
    return {"httponly": True, "samesite": "lax", "path": "/", "secure": cookies_secure()}


@dataclass(frozen=True)
class SessionLookup:
    """What a token turned out to be: a live session, an expired one, or nothing."""

    account: Account | None
    csrf: str
    expired: bool


def lookup_session(store: Store, token: str | None) -> SessionLookup:
    """The session behind a raw token; `expired` says a known token has run out."""
    if not token:
        return SessionLookup(None, "", False)
    rows = store.query(
        "SELECT a.account_id, a.email, a.role, a.name, s.csrf_token, s.expires_at "
        "FROM account_session s JOIN account a ON a.account_id = s.account_id "
        "WHERE s.token_hash = ?",
        (token_hash(token),),
    )
    if not rows:
        return SessionLookup(None, "", False)
    row = rows[0]
    if row[5] <= _now():
        return SessionLookup(None, "", True)
    return SessionLookup(
        Account(str(row[0]), str(row[1]), Role(row[2]), str(row[3])), row[4], False
    )


def account_for_token(store: Store, token: str) -> Account | None:
    """The account of a live session; None when the token is unknown or expired."""
    return lookup_session(store, token).account


def logout(store: Store, token: str) -> None:
    store.execute("DELETE FROM account_session WHERE token_hash = ?", (token_hash(token),))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
