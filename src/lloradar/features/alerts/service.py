"""Alerts use-cases: subscribe and unsubscribe (consent purpose `alerts`), a person's own
subscriptions and events, and the lookups the feed, the delivery worker and the operator use.
Evaluation after a data change is `services.alert_evaluation`.

Subscriptions are personal data: only the owner reads them, every read and write is in the audit
log (without content), and every table carries `account_id` so deleting an account removes them.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from lloradar.domain.account import Purpose
from lloradar.domain.alerts import (
    AlertError,
    AlertEvent,
    AlertKind,
    Channel,
    Subscription,
    WatchState,
)
from lloradar.features.accounts import service as accounts
from lloradar.features.alerts.delivery.email import send_email as send_email  # panel invitations
from lloradar.features.alerts.delivery.webhook import DeliveryFailed as DeliveryFailed
from lloradar.features.alerts.targets import MAX_SUBSCRIPTIONS, check_target, own_address
from lloradar.features.alerts.watch import current_state, labels
from lloradar.services import audit
from lloradar.store import Store

PURPOSE = str(Purpose.ALERTS)
PERSONAL_TABLES = (
    "alert_subscription",
    "alert_snapshot",
    "alert_event",
    "alert_delivery",
    "alert_delivery_attempt",
    "alert_outbox",
)
for _table in PERSONAL_TABLES:
    accounts.register_personal_table(_table)

SUB_COLUMNS = (
    "subscription_id, account_id, kind, region_code, occupation_id, skill_id, channel, target, "
    "lang, created_at, feed_token, secret"
)


class SubscriptionNotFound(LookupError):
    """No subscription with this id belongs to this account (another's is never revealed)."""


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def subscribe(
    store: Store,
    account_id: str,
    kind: AlertKind | str,
    *,
    region_code: str | None = None,
    occupation_id: str | None = None,
    skill_id: str | None = None,
    channel: Channel | str = Channel.FEED,
    target: str = "",
    lang: str = "nl",
    consent: bool = False,
    now: datetime | None = None,
) -> Subscription:
    """Check the request, record consent when given, store the subscription and its baseline
    (so only later changes fire)."""
    kind_ = AlertKind(_parse_enum(AlertKind, kind, "kind"))
    channel_ = Channel(_parse_enum(Channel, channel, "channel"))
    region_code, occupation_id, skill_id = (
        (v or "").strip() or None for v in (region_code, occupation_id, skill_id)
    )
    target = target.strip()
    _check_watch(store, kind_, region_code, occupation_id, skill_id)
    if channel_ is Channel.EMAIL:  # only ever to the account's own address
        target = own_address(store, account_id)
    check_target(channel_, target)
    _check_room(store, account_id)
    if consent:
        accounts.give_consent(store, account_id, Purpose.ALERTS)
    if not accounts.has_consent(store, account_id, Purpose.ALERTS):
        raise AlertError(
            "Alerts need your consent for the purpose 'alerts' (tick the consent box).",
            "Voor meldingen is uw toestemming nodig (vink het toestemmingsvakje aan).",
        )
    sub = Subscription(
        id=str(uuid.uuid4()),
        account_id=account_id,
        kind=kind_,
        region_code=region_code,
        occupation_id=occupation_id,
        skill_id=skill_id,
        channel=channel_,
        target=target,
        lang="en" if lang == "en" else "nl",
        created_at=now or now_utc(),
        feed_token=secrets.token_urlsafe(24),
        secret=secrets.token_hex(32),
    )
    baseline = current_state(store, sub, set(store.tables()))
    with store.transaction():
        store.execute(
            f"INSERT INTO alert_subscription ({SUB_COLUMNS}) VALUES ({', '.join('?' * 12)})",
            (
                sub.id, sub.account_id, sub.kind.value, sub.region_code, sub.occupation_id,
                sub.skill_id, sub.channel.value, sub.target, sub.lang, sub.created_at,
                sub.feed_token, sub.secret,
            ),
        )  # fmt: skip
        _save_snapshot(store, sub, baseline, sub.created_at)
        audit.record(store, account_id, "alert subscription created", account_id, PURPOSE)
    return sub


def _check_room(store: Store, account_id: str) -> None:
    count = store.query(
        "SELECT count(*) FROM alert_subscription WHERE account_id = ?", (account_id,)
    )[0][0]
    if int(count) >= MAX_SUBSCRIPTIONS:
        raise AlertError(
            f"You have {MAX_SUBSCRIPTIONS} alerts, the most an account may have; delete one first.",
            f"U heeft {MAX_SUBSCRIPTIONS} meldingen, het maximum per account; "
            "verwijder er eerst een.",
        )


def _parse_enum(enum: Any, value: object, field: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise AlertError(
            f"{field} '{value}' is not known (expected one of: {allowed}).",
            f"{field} '{value}' bestaat niet (verwacht: {allowed}).",
        ) from None


def _check_watch(
    store: Store, kind: AlertKind, region: str | None, occupation: str | None, skill: str | None
) -> None:
    if kind is AlertKind.TENSION and not (region and occupation):
        raise AlertError(
            "A tension-class alert needs a region and an occupation.",
            "Kies voor een melding over de spanning een regio en een beroep.",
        )
    if kind is AlertKind.VACANCIES and not (occupation or skill):
        raise AlertError(
            "A vacancy alert needs an occupation or a skill (and may have a region).",
            "Kies voor een vacaturemelding een beroep of een vaardigheid (en eventueel een regio).",
        )
    if kind is AlertKind.COURSES and not skill:
        raise AlertError(
            "A course alert needs a skill.", "Kies voor een cursusmelding een vaardigheid."
        )
    for field, table, column, value in (
        ("region", "region", "code", region),
        ("occupation", "occupation", "id", occupation),
        ("skill", "skill", "id", skill),
    ):
        if value and not store.query(f"SELECT 1 FROM {table} WHERE {column} = ?", (value,)):
            raise AlertError(
                f"{field} '{value[:80]}' is not in the radar's {table} list.",
                f"{_NL[field]} '{value[:80]}' staat niet in de lijst van de radar.",
            )


_NL = {"region": "regio", "occupation": "beroep", "skill": "vaardigheid"}


def row_to_subscription(row: Sequence[Any]) -> Subscription:
    return Subscription(
        id=row[0],
        account_id=row[1],
        kind=AlertKind(row[2]),
        region_code=row[3],
        occupation_id=row[4],
        skill_id=row[5],
        channel=Channel(row[6]),
        target=row[7],
        lang=row[8],
        created_at=row[9],
        feed_token=row[10],
        secret=row[11],
    )


def list_subscriptions(store: Store, account_id: str) -> list[Subscription]:
    """The account's own subscriptions, oldest first (a read of personal data: audited)."""
    rows = store.query(
        f"SELECT {SUB_COLUMNS} FROM alert_subscription WHERE account_id = ? "
        "ORDER BY created_at, subscription_id",
        (account_id,),
    )
    audit.record(store, account_id, "alert subscriptions read", account_id, PURPOSE)
    return [row_to_subscription(r) for r in rows]


def get_subscription(store: Store, account_id: str, subscription_id: str) -> Subscription:
    rows = store.query(
        f"SELECT {SUB_COLUMNS} FROM alert_subscription WHERE subscription_id = ? "
        "AND account_id = ?",
        (subscription_id, account_id),
    )
    if not rows:
        raise SubscriptionNotFound(subscription_id)
    audit.record(store, account_id, "alert subscription read", account_id, PURPOSE)
    return row_to_subscription(rows[0])


def unsubscribe(store: Store, account_id: str, subscription_id: str) -> None:
    """Hard delete of the subscription with its snapshot, events, deliveries and outbox."""
    get_subscription(store, account_id, subscription_id)
    with store.transaction():
        for table in ("alert_delivery", "alert_delivery_attempt", "alert_outbox"):
            store.execute(
                f"DELETE FROM {table} WHERE event_id IN (SELECT event_id FROM alert_event "
                "WHERE subscription_id = ?)",
                (subscription_id,),
            )
        for table in ("alert_event", "alert_snapshot", "alert_subscription"):
            store.execute(f"DELETE FROM {table} WHERE subscription_id = ?", (subscription_id,))
        audit.record(store, account_id, "alert subscription deleted", account_id, PURPOSE)


def subscription_for_feed(store: Store, token: str) -> Subscription | None:
    """The subscription whose secret feed token this is; None for an unknown token."""
    if not token or len(token) > 100:
        return None
    rows = store.query(
        f"SELECT {SUB_COLUMNS} FROM alert_subscription WHERE feed_token = ?", (token,)
    )
    if not rows:
        return None
    sub = row_to_subscription(rows[0])
    audit.record(store, audit.SYSTEM, "alert feed read", sub.account_id, PURPOSE)
    return sub


def events_for(
    store: Store,
    account_id: str,
    subscription_id: str | None = None,
    limit: int = 100,
    *,
    audited: bool = True,
) -> list[AlertEvent]:
    """The account's events, newest first; of one subscription when it is given. The read is
    audited (`audited=False` only where the caller has just logged it, as the feed does)."""
    sql = (
        "SELECT event_id, subscription_id, kind, title_nl, title_en, details, created_at "
        "FROM alert_event WHERE account_id = ?"
    )
    params: list[Any] = [account_id]
    if subscription_id is not None:
        sql += " AND subscription_id = ?"
        params.append(subscription_id)
    sql += f" ORDER BY created_at DESC, event_id LIMIT {int(limit)}"
    rows = store.query(sql, params)
    if audited:
        audit.record(store, account_id, "alert events read", account_id, PURPOSE)
    return [
        AlertEvent(r[0], r[1], AlertKind(r[2]), r[3], r[4], json.loads(r[5]), r[6]) for r in rows
    ]


def _save_snapshot(store: Store, sub: Subscription, state: WatchState, at: datetime) -> None:
    store.upsert(
        "alert_snapshot",
        ["subscription_id", "account_id", "state", "observed_at"],
        [(sub.id, sub.account_id, state.to_json(), at)],
        ["subscription_id"],
    )


def webhook_payload(event: AlertEvent, sub: Subscription) -> dict[str, object]:
    return {
        "event_id": event.id,
        "subscription_id": sub.id,
        "kind": event.kind.value,
        "title": event.title(sub.lang),
        "details": event.details,
        "created_at": event.created_at.isoformat() + "Z",
    }


def event_by_id(store: Store, event_id: str) -> AlertEvent | None:
    rows = store.query(
        "SELECT event_id, subscription_id, kind, title_nl, title_en, details, created_at "
        "FROM alert_event WHERE event_id = ?",
        (event_id,),
    )
    if not rows:
        return None
    r = rows[0]
    return AlertEvent(r[0], r[1], AlertKind(r[2]), r[3], r[4], json.loads(r[5]), r[6])


def subscription_by_id(store: Store, subscription_id: str) -> Subscription | None:
    """For the delivery worker (system actor), not for an edge."""
    rows = store.query(
        f"SELECT {SUB_COLUMNS} FROM alert_subscription WHERE subscription_id = ?",
        (subscription_id,),
    )
    return row_to_subscription(rows[0]) if rows else None


def overview(store: Store) -> list[dict[str, object]]:
    """Every subscription for an operator: its watch, channel and counts, the owner only as the
    audit pseudonym and never the e-mail address or webhook URL."""
    rows = store.query_dicts(
        "SELECT s.subscription_id, s.account_id, s.kind, s.region_code, s.occupation_id, "
        "s.skill_id, s.channel, "
        "(SELECT count(*) FROM alert_event e WHERE e.subscription_id = s.subscription_id) "
        "AS events, "
        "(SELECT count(*) FROM alert_delivery d JOIN alert_event e ON e.event_id = d.event_id "
        " WHERE e.subscription_id = s.subscription_id AND d.status = 'pending') AS pending, "
        "(SELECT count(*) FROM alert_delivery d JOIN alert_event e ON e.event_id = d.event_id "
        " WHERE e.subscription_id = s.subscription_id AND d.status = 'failed') AS failed "
        "FROM alert_subscription s ORDER BY s.created_at, s.subscription_id"
    )
    for row in rows:
        account_id = str(row.pop("account_id"))
        row["owner"] = audit.pseudonym(account_id)
        audit.record(store, audit.SYSTEM, "alert subscription listed", account_id, PURPOSE)
    return rows


def resolve_skill(store: Store, text: str) -> str | None:
    """A skill id from what a person typed: the ESCO URI, or a Dutch or English label (exact,
    ignoring case). None for empty text; the text itself when nothing matches, so the
    subscription check names it."""
    text = text.strip()
    if not text:
        return None
    rows = store.query(
        "SELECT id FROM skill WHERE id = ? OR lower(label_nl) = lower(?) "
        "OR lower(label_en) = lower(?) ORDER BY id LIMIT 1",
        (text, text, text),
    )
    return str(rows[0][0]) if rows else text


def describe_subscription(store: Store, sub: Subscription, lang: str) -> str:
    """What a subscription watches, in words (for the person's own page)."""
    names = labels(store, sub)
    pick = 1 if lang == "en" else 0
    region = names.get("region", ("heel Nederland", "the whole country"))[pick]
    occupation = names.get("occupation", ("", ""))[pick]
    skill = names.get("skill", ("", ""))[pick]
    if sub.kind is AlertKind.TENSION:
        return (
            f"Tension class of {occupation} in {region}"
            if lang == "en"
            else f"Spanningsklasse van {occupation} in {region}"
        )
    if sub.kind is AlertKind.VACANCIES:
        what = " / ".join(x for x in (occupation, skill) if x)
        return (
            f"New vacancies for {what} in {region}"
            if lang == "en"
            else f"Nieuwe vacatures voor {what} in {region}"
        )
    return f"New courses for {skill}" if lang == "en" else f"Nieuwe cursussen voor {skill}"
