"""Deliver the due webhook and e-mail deliveries once each, with retries and backoff.

Each call gives every pending delivery whose `next_attempt_at` has come one attempt. Every
attempt is a row in `alert_delivery_attempt` (when, ok, what happened). A failure schedules the
next attempt after `BACKOFF_SECONDS[attempt - 1]` (1 min, 5 min, 30 min, 2 h); after
`MAX_ATTEMPTS` failures the delivery is `failed` for good. A delivered event is never sent again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx

from lloradar.config import Settings
from lloradar.domain.alerts import Channel, DeliveryStatus
from lloradar.features.accounts import service as accounts
from lloradar.features.alerts import evaluation as alert_evaluation
from lloradar.features.alerts import service as alerts
from lloradar.features.alerts.delivery.email import send_email
from lloradar.features.alerts.delivery.webhook import (
    DeliveryFailed,
    PublicOnlyTransport,
    post_webhook,
)
from lloradar.services import audit
from lloradar.store import Store

BACKOFF_SECONDS = (60, 300, 1800, 7200)
MAX_ATTEMPTS = len(BACKOFF_SECONDS) + 1


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    # STARTTLS is used whenever the server offers it; with `require_tls` a server that does not
    # offer it gets no message (LLORADAR_SMTP_REQUIRE_TLS=1).
    require_tls: bool = False


@dataclass
class DeliveryReport:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def deliver_due(
    store: Store,
    client: httpx.Client,
    smtp: SmtpSettings,
    now: datetime | None = None,
) -> DeliveryReport:
    now = now or alerts.now_utc()
    due = store.query(
        "SELECT event_id, channel, attempts FROM alert_delivery "
        "WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, event_id",
        (DeliveryStatus.PENDING.value, now),
    )
    report = DeliveryReport()
    for event_id, channel, attempts in due:
        attempt = int(attempts) + 1
        try:
            _attempt(store, client, smtp, str(event_id), Channel(channel), now)
        except DeliveryFailed as error:
            status = _record(store, str(event_id), channel, attempt, now, str(error))
            report.errors.append(f"{event_id} {channel} attempt {attempt}: {error}")
            if status is DeliveryStatus.FAILED:
                report.failed += 1
            else:
                report.retrying += 1
        else:
            _record(store, str(event_id), channel, attempt, now, None)
            report.delivered += 1
    return report


def _attempt(
    store: Store,
    client: httpx.Client,
    smtp: SmtpSettings,
    event_id: str,
    channel: Channel,
    now: datetime,
) -> None:
    event = alerts.event_by_id(store, event_id)
    sub = alerts.subscription_by_id(store, event.subscription_id) if event else None
    if event is None or sub is None:
        raise DeliveryFailed("the event or its subscription no longer exists")
    if channel is Channel.WEBHOOK:
        stamp = int(now.replace(tzinfo=UTC).timestamp())
        post_webhook(
            client, sub.target, sub.secret, event.id, alerts.webhook_payload(event, sub), stamp
        )
        return
    rows = store.query(
        "SELECT recipient, subject, body FROM alert_outbox WHERE event_id = ?", (event_id,)
    )
    if not rows:
        raise DeliveryFailed("the e-mail is not in the outbox")
    _recipient, subject, body = (str(v) for v in rows[0])
    owner = accounts.get_account(store, sub.account_id)
    if owner is None:
        raise DeliveryFailed("the account of the subscription no longer exists")
    # Always the account's own (current) address, whatever the outbox row says.
    send_email(
        smtp.host,
        smtp.port,
        smtp.sender,
        owner.email,
        subject,
        body,
        event_id,
        require_tls=smtp.require_tls,
    )


def _record(
    store: Store, event_id: str, channel: str, attempt: int, now: datetime, error: str | None
) -> DeliveryStatus:
    if error is None:
        status, next_at = DeliveryStatus.DELIVERED, now
    elif attempt >= MAX_ATTEMPTS:
        status, next_at = DeliveryStatus.FAILED, now
    else:
        status = DeliveryStatus.PENDING
        next_at = now + timedelta(seconds=BACKOFF_SECONDS[attempt - 1])
    with store.transaction():
        account = store.query(
            "SELECT account_id FROM alert_delivery WHERE event_id = ? AND channel = ?",
            (event_id, channel),
        )
        account_id = str(account[0][0]) if account else ""
        store.execute(
            "UPDATE alert_delivery SET status = ?, attempts = ?, next_attempt_at = ?, "
            "last_error = ? WHERE event_id = ? AND channel = ?",
            (status.value, attempt, next_at, error or "", event_id, channel),
        )
        store.execute(
            "INSERT INTO alert_delivery_attempt (event_id, channel, attempt, account_id, attempted_at, ok, "
            "detail) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (event_id, channel, attempt) DO NOTHING",
            (event_id, channel, attempt, account_id, now, error is None, error or "delivered"),
        )
        if error is None and channel == Channel.EMAIL.value:
            store.execute("UPDATE alert_outbox SET sent_at = ? WHERE event_id = ?", (now, event_id))
        audit.record(store, audit.SYSTEM, f"alert {channel} attempt", account_id, alerts.PURPOSE)
    return status


def delivery_attempts(store: Store, event_id: str) -> list[dict[str, object]]:
    return store.query_dicts(
        "SELECT channel, attempt, attempted_at, ok, detail FROM alert_delivery_attempt "
        "WHERE event_id = ? ORDER BY channel, attempt",
        (event_id,),
    )


def delivery_status(store: Store, event_id: str, channel: Channel) -> dict[str, object] | None:
    rows = store.query_dicts(
        "SELECT status, attempts, next_attempt_at, last_error FROM alert_delivery "
        "WHERE event_id = ? AND channel = ?",
        (event_id, channel.value),
    )
    return rows[0] if rows else None


@dataclass(frozen=True)
class RunReport:
    events: int
    delivery: DeliveryReport


def run(
    store: Store,
    client: httpx.Client,
    smtp: SmtpSettings,
    now: datetime | None = None,
) -> RunReport:
    """Evaluate every subscription, then deliver what is due: what `lloradar alerts run` does."""
    now = now or alerts.now_utc()
    events = alert_evaluation.evaluate(store, now)
    return RunReport(len(events), deliver_due(store, client, smtp, now))


def smtp_from_settings(settings: Settings) -> SmtpSettings:
    return SmtpSettings(
        settings.smtp_host, settings.smtp_port, settings.smtp_from, settings.smtp_require_tls
    )


def run_configured(store: Store, settings: Settings, now: datetime | None = None) -> RunReport:
    """`run` with the configured SMTP server and a real HTTP client for the webhooks, which
    refuses hosts that resolve into a private network."""
    with httpx.Client(follow_redirects=False, transport=PublicOnlyTransport()) as client:
        return run(store, client, smtp_from_settings(settings), now)
