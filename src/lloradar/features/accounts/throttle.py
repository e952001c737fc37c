"""Counting failed tries (logins, taken addresses at registration, wrong passwords when
changing one, unknown team codes), so nothing can be tried by the thousand.

A login is refused while any of three counters is full: this e-mail address from this client
(5 in 15 minutes), this client whatever the address (20: one client trying many addresses), and
all failures together (1000: an attack spread over many clients). Keys hold only hashes.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from lloradar.features.accounts.errors import TooManyAttempts
from lloradar.store import Store

MAX_FAILURES = 5
CLIENT_MAX_FAILURES = 20
GLOBAL_MAX_FAILURES = 1000
FAILURE_WINDOW = timedelta(minutes=15)


def check_attempts(store: Store, key: str, limit: int = MAX_FAILURES) -> None:
    """`TooManyAttempts` after `limit` failures under `key` within the window."""
    _refuse_when_full(store, "attempt_key = ?", (key,), limit)


def record_failure(store: Store, key: str) -> None:
    """Count one failed try under `key`."""
    store.execute("INSERT INTO login_attempt VALUES (?, ?, ?)", (key, _now(), False))


def check_login(store: Store, email: str, client: str) -> None:
    """The three login counters. A failed login is one row under `attempt_key(email, client)`,
    so the client's counter is every row ending in its hash and the global one every failure
    (logins, taken addresses, team codes): no row names the client alone, and deleting an
    account's rows leaves nothing of it."""
    check_attempts(store, attempt_key(email, client))
    _refuse_when_full(store, "attempt_key LIKE ?", ("%:" + _hash(client),), CLIENT_MAX_FAILURES)
    _refuse_when_full(store, "TRUE", (), GLOBAL_MAX_FAILURES)


def record_login_failure(store: Store, email: str, client: str) -> None:
    record_failure(store, attempt_key(email, client))


def _refuse_when_full(store: Store, where: str, params: tuple[str, ...], limit: int) -> None:
    failures = store.query(
        "SELECT count(*), min(attempted_at) FROM login_attempt "
        f"WHERE {where} AND attempted_at >= ? AND NOT succeeded",
        (*params, _now() - FAILURE_WINDOW),
    )[0]
    if int(failures[0]) >= limit:
        retry = int((failures[1] + FAILURE_WINDOW - _now()).total_seconds())
        raise TooManyAttempts(max(retry, 1))


def attempt_key(email: str, client: str) -> str:
    """Login attempts per e-mail + client; both kept only as hashes."""
    return f"{email_hash(email.strip().lower())}:{_hash(client)}"


def email_hash(email: str) -> str:
    return _hash(email)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
