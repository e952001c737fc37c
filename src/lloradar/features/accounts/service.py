"""Accounts use-cases: register, log in (rate-limited), sessions, consent and hard delete.

Passwords are stored only as argon2id hashes; session tokens only as SHA-256 hashes. Every
table that holds personal data keyed by an account registers itself with
`register_personal_table`, so `delete_account` removes every trace.
"""

from __future__ import annotations

__all__ = [
    "FAILURE_WINDOW",
    "MAX_FAILURES",
    "MIN_PASSWORD",
    "AccountError",
    "EmailTaken",
    "LoginFailed",
    "SessionLookup",
    "TooManyAttempts",
    "account_for_token",
    "attempt_key",
    "change_password",
    "check_attempts",
    "confirm_password",
    "delete_own_account",
    "logout",
    "logout_everywhere",
    "lookup_session",
    "record_failure",
    "token_hash",
]

import hashlib
import importlib
import re
import secrets
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from lloradar.domain.account import Account, Purpose, Role, Session
from lloradar.features.accounts.errors import (
    AccountError,
    EmailTaken,
    LoginFailed,
    TooManyAttempts,
)
from lloradar.features.accounts.passwords import MIN_PASSWORD, check_new_password
from lloradar.features.accounts.throttle import (
    FAILURE_WINDOW,
    MAX_FAILURES,
    attempt_key,
    check_attempts,
    check_login,
    email_hash,
    record_failure,
    record_login_failure,
)
from lloradar.services import audit
from lloradar.services.sessions import (
    SessionLookup,
    account_for_token,
    logout,
    lookup_session,
    token_hash,
)
from lloradar.store import Store
from lloradar.store.base import identifier

SESSION_TTL = timedelta(hours=8)
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,190}\.[A-Za-z]{2,}")
_hasher = PasswordHasher()
# Verified when the e-mail is unknown, so a login takes as long either way (no enumeration by
# timing: without it an unknown address answers in microseconds, a known one after argon2).
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

# table -> column holding the account id. Modules with personal tables add theirs at import.
_PERSONAL_TABLES: dict[str, str] = {
    "account_session": "account_id",
    "consent": "account_id",
}
# Modules that register personal tables and delete hooks. `delete_account` imports them first,
# so a process that never imported one of them (a CLI command, a worker) still deletes it all.
PERSONAL_MODULES = (
    "lloradar.features.passport.service",
    "lloradar.features.tasks.service",
    "lloradar.features.alerts.service",
    "lloradar.features.employer.profile",
)
# Personal rows keyed by something else than the account id (a team code, a pseudonym): each
# module adds a hook `hook(store, account_id)` run inside the delete transaction.
DeleteHook = Callable[[Store, str], None]
_DELETE_HOOKS: dict[str, DeleteHook] = {}


def register_personal_table(table: str, column: str = "account_id") -> None:
    """Declare that `table.column` holds account ids: `delete_account` empties those rows."""
    _PERSONAL_TABLES[identifier(table)] = identifier(column)


def register_delete_hook(name: str, hook: DeleteHook) -> None:
    """Declare `hook(store, account_id)`: it removes personal rows not keyed by `account_id`
    (run by `delete_account` before the account-id tables are emptied)."""
    _DELETE_HOOKS[name] = hook


def personal_tables() -> dict[str, str]:
    return dict(_PERSONAL_TABLES)


def _load_personal_modules() -> None:
    for module in PERSONAL_MODULES:
        importlib.import_module(module)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def register(
    store: Store,
    email: str,
    password: str,
    role: Role | str,
    name: str,
    *,
    client: str | None = None,
) -> Account:
    """Create an account; the password is kept only as an argon2id hash. With `client` (the
    registration page passes it), tries of addresses that already have an account count like failed
    logins: after 5 in 15 minutes from one client, `TooManyAttempts`, so registration cannot be
    used to test a list of addresses faster than logging in could."""
    email = normalise_email(email)
    role = Role(role)
    if not _EMAIL.fullmatch(email):
        raise AccountError(
            f"'{email}' is not an e-mail address (expected name@domain.nl).",
            f"'{email}' is geen e-mailadres (verwacht: naam@domein.nl).",
        )
    check_new_password(password)
    if len(name) > 200:
        raise AccountError(
            "The name may have at most 200 characters.",
            "De naam mag hoogstens 200 tekens hebben.",
        )
    account = Account(id=str(uuid.uuid4()), email=email, role=role, name=name.strip())
    key = _register_key(client) if client is not None else None
    if key is not None:
        check_attempts(store, key)
    if _email_taken(store, email):
        if key is not None:
            record_failure(store, key)
        _hasher.hash(password)  # as long as a registration that goes through (no timing oracle)
        raise _taken()
    try:
        with store.transaction():
            store.execute(
                "INSERT INTO account (account_id, email, role, name, password_hash, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (account.id, email, str(role), account.name, _hasher.hash(password), _now()),
            )
            audit.record(store, account.id, "account created", account.id, "account")
    except Exception:
        # Two registrations of one address at once: the database's unique-key error quotes the
        # address, so it is replaced (not chained) by the same message as above.
        if _email_taken(store, email):
            raise _taken() from None
        raise
    return account


def _email_taken(store: Store, email: str) -> bool:
    return bool(store.query("SELECT 1 FROM account WHERE email = ?", (email,)))


def _taken() -> EmailTaken:
    # The message does not repeat the address (it would end up in logs and pages); the pages
    # do not show it at all (they answer as for a new account).
    return EmailTaken(
        "There is already an account for this e-mail address; log in instead.",
        "Er is al een account voor dit e-mailadres; log in.",
    )


def login(
    store: Store, email: str, password: str, client: str, *, ttl: timedelta = SESSION_TTL
) -> Session:
    """A new session for the right password; `TooManyAttempts` after 5 failures in 15 min
    for this e-mail from this client, 20 from this client, or 1000 from all (`throttle`)."""
    email = normalise_email(email)
    key = attempt_key(email, client)
    since = _now() - FAILURE_WINDOW
    check_login(store, email, client)
    rows = store.query(
        "SELECT account_id, email, role, name, password_hash FROM account WHERE email = ?",
        (email,),
    )
    stored = str(rows[0][4]) if rows else _DUMMY_HASH
    if not _verify(stored, password) or not rows:
        record_login_failure(store, email, client)
        raise LoginFailed(
            "The e-mail address or the password is not right.",
            "Het e-mailadres of het wachtwoord klopt niet.",
        )
    account = Account(str(rows[0][0]), str(rows[0][1]), Role(rows[0][2]), str(rows[0][3]))
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    expires = _now() + ttl
    with store.transaction():
        store.execute("DELETE FROM login_attempt WHERE attempt_key = ?", (key,))
        # Housekeeping: old attempts, and sessions that ran out more than one lifetime ago
        # (until then a returning person is told their session expired).
        store.execute("DELETE FROM account_session WHERE expires_at < ?", (_now() - ttl,))
        store.execute("DELETE FROM login_attempt WHERE attempted_at < ?", (since,))
        store.execute(
            "INSERT INTO account_session (token_hash, account_id, csrf_token, created_at, "
            "expires_at) VALUES (?, ?, ?, ?, ?)",
            (token_hash(token), account.id, csrf, _now(), expires),
        )
        audit.record(store, account.id, "logged in", account.id, "account")
    return Session(token=token, csrf=csrf, account=account, expires_at=expires)


def _register_key(client: str) -> str:
    return "register:" + hashlib.sha256(client.encode()).hexdigest()[:32]


def set_password(store: Store, account_id: str, password: str) -> None:
    """A new password (argon2id hash only); every open session of the account ends."""
    check_new_password(password)
    with store.transaction():
        store.execute(
            "UPDATE account SET password_hash = ? WHERE account_id = ?",
            (_hasher.hash(password), account_id),
        )
        store.execute("DELETE FROM account_session WHERE account_id = ?", (account_id,))
        audit.record(store, account_id, "password changed", account_id, "account")


def confirm_password(store: Store, account_id: str, password: str) -> None:
    """Re-authentication before a change that matters (a new password, deleting the account):
    `LoginFailed` unless `password` is the account's; 5 wrong ones in 15 minutes and
    `TooManyAttempts`."""
    key = _confirm_key(account_id)
    check_attempts(store, key)
    rows = store.query("SELECT password_hash FROM account WHERE account_id = ?", (account_id,))
    if not rows or not _verify(str(rows[0][0]), password):
        record_failure(store, key)
        raise LoginFailed("The password is not right.", "Het wachtwoord klopt niet.")


def change_password(
    store: Store, account_id: str, old: str, new: str, *, keep_token: str | None = None
) -> None:
    """A logged-in person's new password, after the old one; every other session of the
    account ends (the one of `keep_token`, the browser that changed it, goes on)."""
    confirm_password(store, account_id, old)
    check_new_password(new)
    with store.transaction():
        store.execute(
            "UPDATE account SET password_hash = ? WHERE account_id = ?",
            (_hasher.hash(new), account_id),
        )
        store.execute(
            "DELETE FROM account_session WHERE account_id = ? AND token_hash <> ?",
            (account_id, token_hash(keep_token) if keep_token else ""),
        )
        audit.record(store, account_id, "password changed", account_id, "account")


def logout_everywhere(store: Store, account_id: str) -> int:
    """End every session of the account (every browser and API token); how many there were."""
    with store.transaction():
        count = store.query(
            "SELECT count(*) FROM account_session WHERE account_id = ?", (account_id,)
        )[0][0]
        store.execute("DELETE FROM account_session WHERE account_id = ?", (account_id,))
        audit.record(store, account_id, "logged out everywhere", account_id, "account")
    return int(count)


def delete_own_account(store: Store, account_id: str, password: str) -> None:
    """`delete_account` by the person themselves: only after their password (`LoginFailed`)."""
    confirm_password(store, account_id, password)
    delete_account(store, account_id)


def get_account(store: Store, account_id: str) -> Account | None:
    rows = store.query(
        "SELECT account_id, email, role, name FROM account WHERE account_id = ?", (account_id,)
    )
    if not rows:
        return None
    return Account(str(rows[0][0]), str(rows[0][1]), Role(rows[0][2]), str(rows[0][3]))


def list_accounts(store: Store) -> list[dict[str, object]]:
    """Id, role and creation date of every account: no e-mail, no name."""
    return store.query_dicts(
        "SELECT account_id, role, created_at FROM account ORDER BY created_at, account_id"
    )


def give_consent(store: Store, account_id: str, purpose: Purpose | str) -> None:
    purpose = Purpose(purpose)
    with store.transaction():
        store.upsert(
            "consent",
            ["account_id", "purpose", "given_at", "withdrawn_at"],
            [(account_id, str(purpose), _now(), None)],
            ["account_id", "purpose"],
        )
        audit.record(store, account_id, "consent given", account_id, str(purpose))


def withdraw_consent(store: Store, account_id: str, purpose: Purpose | str) -> None:
    purpose = Purpose(purpose)
    with store.transaction():
        store.execute(
            "UPDATE consent SET withdrawn_at = ? WHERE account_id = ? AND purpose = ?",
            (_now(), account_id, str(purpose)),
        )
        audit.record(store, account_id, "consent withdrawn", account_id, str(purpose))


def has_consent(store: Store, account_id: str, purpose: Purpose | str) -> bool:
    rows = store.query(
        "SELECT 1 FROM consent WHERE account_id = ? AND purpose = ? AND withdrawn_at IS NULL",
        (account_id, str(Purpose(purpose))),
    )
    return bool(rows)


def consents(store: Store, account_id: str) -> dict[str, bool]:
    """Every purpose with whether this account has consented to it now."""
    return {str(p): has_consent(store, account_id, p) for p in Purpose}


def delete_account(store: Store, account_id: str) -> None:
    """Hard delete: the account, its sessions, login attempts, consent and every registered
    personal table (plus any table with an `account_id` column) and the rows the delete hooks
    find (keyed by a team code or a pseudonym); the audit log keeps one line 'account deleted'
    under the account's pseudonym."""
    _load_personal_modules()
    account = get_account(store, account_id)
    tables = set(store.tables())
    targets = {t: c for t, c in _PERSONAL_TABLES.items() if t in tables}
    for table in _tables_with_account_column(store):
        targets.setdefault(table, "account_id")
    targets.pop("account", None)
    with store.transaction():
        for _name, hook in sorted(_DELETE_HOOKS.items()):
            hook(store, account_id)
        for table, column in sorted(targets.items()):
            store.execute(f"DELETE FROM {table} WHERE {column} = ?", (account_id,))
        if account is not None:
            store.execute(
                "DELETE FROM login_attempt WHERE attempt_key LIKE ?",
                (email_hash(account.email) + ":%",),
            )
        store.execute(
            "DELETE FROM login_attempt WHERE attempt_key = ?", (_confirm_key(account_id),)
        )
        store.execute("DELETE FROM account WHERE account_id = ?", (account_id,))
        audit.forget(store, account_id)


def _tables_with_account_column(store: Store) -> list[str]:
    schema = "main" if store.dialect == "duckdb" else "public"
    rows = store.query(
        "SELECT DISTINCT table_name FROM information_schema.columns "
        "WHERE table_schema = ? AND column_name = 'account_id'",
        (schema,),
    )
    return sorted(str(r[0]) for r in rows)


def _confirm_key(account_id: str) -> str:
    return "confirm:" + email_hash(account_id)


def _verify(encoded: str, password: str) -> bool:
    try:
        return _hasher.verify(encoded, password)
    except (VerificationError, InvalidHashError):
        return False


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
