"""Server-side sessions, for the kernels that authenticate a request (web pages and API) and the
accounts feature that makes them: the store keeps only the SHA-256 of a session token."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from lloradar.domain.account import Account, Role
from lloradar.store import Store


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
