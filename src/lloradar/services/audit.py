"""The audit log: who read or wrote whose personal data, for which purpose; never the content.

Actor and subject are stored as pseudonyms (HMAC-SHA256 of the account id with the configured
pseudonym key), so the log itself identifies nobody outside the owner's own view. The server does
not start without a key (`require_pseudonym_key`, called by `server.create_app`).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime
from typing import Any

from lloradar.config import get_settings
from lloradar.store import Store

# Outside the server (a CLI command or a test without a configured key) the pseudonym is still a
# keyed hash, with a fixed, public key: the account ids it hides are random UUIDs. The server
# itself refuses to start without a key (`require_pseudonym_key`).
_FALLBACK_KEY = b"lloradar-audit-log"
SYSTEM = "system"
MIN_KEY_LENGTH = 16


class MissingPseudonymKey(RuntimeError):
    """The server was started without a (long enough) LLORADAR_PSEUDONYM_KEY."""


def require_pseudonym_key() -> None:
    """`MissingPseudonymKey` unless LLORADAR_PSEUDONYM_KEY holds a key of 16 characters or
    more: without one, the audit log's pseudonyms would be keyed with a public constant."""
    key = get_settings().pseudonym_key.get_secret_value()
    if len(key.strip()) < MIN_KEY_LENGTH:
        raise MissingPseudonymKey(
            "LLORADAR_PSEUDONYM_KEY is not set (or shorter than "
            f"{MIN_KEY_LENGTH} characters): the server does not start without the secret key of "
            "the audit log's pseudonyms. Make one, keep it and set it for every start, e.g. "
            "`export LLORADAR_PSEUDONYM_KEY=$(python -c 'import secrets; "
            "print(secrets.token_urlsafe(32))')` (`make demo` makes one in .lloradar-key)."
        )


def pseudonym(account_id: str) -> str:
    """The stable pseudonym of an account id in the audit log."""
    if account_id in ("", SYSTEM):
        return account_id or SYSTEM
    secret = get_settings().pseudonym_key.get_secret_value().encode() or _FALLBACK_KEY
    return hmac.new(secret, account_id.encode(), hashlib.sha256).hexdigest()[:32]


def record(store: Store, actor_id: str, action: str, subject: str, purpose: str) -> None:
    """Log one read or write of `subject`'s personal data by `actor_id` (both account ids)."""
    store.execute(
        "INSERT INTO audit_log (logged_at, actor, action, subject, purpose) VALUES (?, ?, ?, ?, ?)",
        (_now(), pseudonym(actor_id), action, pseudonym(subject), purpose),
    )


def entries_for(store: Store, account_id: str) -> list[dict[str, Any]]:
    """The log lines about one account (as actor or subject), oldest first."""
    code = pseudonym(account_id)
    return store.query_dicts(
        "SELECT logged_at, actor, action, subject, purpose FROM audit_log "
        "WHERE actor = ? OR subject = ? ORDER BY logged_at",
        (code, code),
    )


def forget(store: Store, account_id: str) -> None:
    """Remove an account's log lines and leave the one line that says it was deleted."""
    code = pseudonym(account_id)
    store.execute("DELETE FROM audit_log WHERE actor = ? OR subject = ?", (code, code))
    store.execute(
        "INSERT INTO audit_log (logged_at, actor, action, subject, purpose) VALUES (?, ?, ?, ?, ?)",
        (_now(), code, "account deleted", code, "account"),
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
