"""Evaluate every alert subscription after a data change: current state against the snapshot of
the last-seen state, the events that fire, their deliveries and e-mails, the new snapshots.

When it runs: the ingest services (vacancies, courses, indicators, the demo world) do not call
it. `lloradar alerts run` (cron, or right after an ingest) or the admin endpoint
`POST /api/alerts/run` call `evaluate` and then deliver. Idempotent: an event id is a hash of the
subscription and the change, events that exist are skipped, and events and snapshots are written
in one transaction, so a second run over the same data writes and delivers nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime

from lloradar.analytics.alerts import detect_changes, next_state
from lloradar.domain.alerts import AlertEvent, AlertKind, Change, Channel, Subscription, WatchState
from lloradar.domain.tension import TensionClass
from lloradar.features.alerts.service import PURPOSE, SUB_COLUMNS, now_utc, row_to_subscription
from lloradar.features.alerts.watch import course_titles, current_state, labels, tension_states
from lloradar.services import audit
from lloradar.store import Store

Labels = dict[str, tuple[str, str]]


def _consenting_subscriptions(store: Store) -> list[Subscription]:
    rows = store.query(
        f"SELECT {SUB_COLUMNS} FROM alert_subscription s WHERE EXISTS (SELECT 1 FROM consent c "
        "WHERE c.account_id = s.account_id AND c.purpose = ? AND c.withdrawn_at IS NULL) "
        "ORDER BY created_at, subscription_id",
        (PURPOSE,),
    )
    return [row_to_subscription(r) for r in rows]


def _snapshots(store: Store) -> dict[str, WatchState]:
    rows = store.query("SELECT subscription_id, state FROM alert_snapshot")
    return {str(r[0]): WatchState.from_json(str(r[1])) for r in rows}


def _existing(store: Store, event_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = store.query(f"SELECT event_id FROM alert_event WHERE event_id IN ({marks})", chunk)
        found.update(str(r[0]) for r in rows)
    return found


def evaluate(store: Store, now: datetime | None = None) -> list[AlertEvent]:
    """Evaluate the subscriptions of accounts that consent to alerts; return the new events."""
    now = now or now_utc()
    tables = set(store.tables())
    snapshots = _snapshots(store)
    tension = tension_states(store)
    label_cache: dict[tuple[str | None, str | None, str | None], Labels] = {}
    pending: list[tuple[Subscription, AlertEvent]] = []
    remembered: list[tuple[Subscription, WatchState]] = []
    for sub in _consenting_subscriptions(store):
        previous = snapshots.get(sub.id)
        if sub.kind is AlertKind.TENSION:
            current = tension.get((sub.region_code or "", sub.occupation_id or ""), WatchState())
        else:
            current = current_state(store, sub, tables)
        changes = detect_changes(sub.id, sub.kind, previous, current)
        state = next_state(sub.kind, previous, current)
        if state != previous:
            remembered.append((sub, state))
        if changes:
            key = (sub.region_code, sub.occupation_id, sub.skill_id)
            names = label_cache.setdefault(key, labels(store, sub))
            pending += [(sub, describe(store, sub, c, names, now, tables)) for c in changes]
    seen = _existing(store, [event.id for _, event in pending])
    fresh = [(sub, event) for sub, event in pending if event.id not in seen]
    with store.transaction():
        _write_events(store, fresh, now)
        store.upsert(
            "alert_snapshot",
            ["subscription_id", "account_id", "state", "observed_at"],
            [(sub.id, sub.account_id, state.to_json(), now) for sub, state in remembered],
            ["subscription_id"],
        )
    return [event for _, event in fresh]


def _write_events(
    store: Store, fresh: list[tuple[Subscription, AlertEvent]], now: datetime
) -> None:
    """The events, a pending delivery per webhook/e-mail event and the e-mails in the outbox."""
    store.upsert(
        "alert_event",
        ["event_id", "subscription_id", "account_id", "kind", "title_nl", "title_en", "details",
         "created_at"],
        [(e.id, s.id, s.account_id, s.kind.value, e.title_nl, e.title_en,
          json.dumps(e.details, sort_keys=True), now) for s, e in fresh],
        ["event_id"],
    )  # fmt: skip
    store.upsert(
        "alert_delivery",
        ["event_id", "channel", "account_id", "status", "attempts", "next_attempt_at",
         "last_error"],
        [(e.id, s.channel.value, s.account_id, "pending", 0, now, "")
         for s, e in fresh if s.channel in (Channel.WEBHOOK, Channel.EMAIL)],
        ["event_id", "channel"],
    )  # fmt: skip
    store.upsert(
        "alert_outbox",
        ["event_id", "account_id", "recipient", "subject", "body", "created_at", "sent_at"],
        [(e.id, s.account_id, s.target, e.title(s.lang), email_body(e, s), now, None)
         for s, e in fresh if s.channel is Channel.EMAIL],
        ["event_id"],
    )  # fmt: skip
    per_account = Counter(s.account_id for s, _ in fresh)
    for account_id, count in sorted(per_account.items()):
        audit.record(store, audit.SYSTEM, f"{count} alert events written", account_id, PURPOSE)


def describe(
    store: Store,
    sub: Subscription,
    change: Change,
    names: Labels,
    now: datetime,
    tables: set[str],
) -> AlertEvent:
    """The event of one change, with its Dutch and English title and details."""
    region_nl, region_en = names.get("region", ("Nederland", "the Netherlands"))
    subject = names.get("occupation") or names.get("skill") or ("", "")
    details: dict[str, object] = {
        "kind": sub.kind.value,
        "region_code": sub.region_code,
        "occupation_id": sub.occupation_id,
        "skill_id": sub.skill_id,
    }
    n = len(change.new_items)
    if sub.kind is AlertKind.TENSION:
        before, after = TensionClass(change.before or ""), TensionClass(change.after or "")
        details.update(before=before.value, after=after.value, period=change.period)
        nl = f"Spanning {subject[0]} in {region_nl}: van {before.value} naar {after.value}"
        en = f"Tension for {subject[1]} in {region_en}: from {before.label_en} to {after.label_en}"
        nl, en = f"{nl} ({change.period})", f"{en} ({change.period})"
    elif sub.kind is AlertKind.VACANCIES:
        details.update(new_vacancies=list(change.new_items))
        nl = f"{n} nieuwe {'vacature' if n == 1 else 'vacatures'} voor {subject[0]} in {region_nl}"
        en = f"{n} new {'vacancy' if n == 1 else 'vacancies'} for {subject[1]} in {region_en}"
    else:
        titles = course_titles(store, change.new_items, tables)
        details.update(new_courses=list(change.new_items), course_titles=titles)
        nl = f"{n} nieuwe {'cursus' if n == 1 else 'cursussen'} voor {subject[0]}"
        en = f"{n} new {'course' if n == 1 else 'courses'} for {subject[1]}"
        nl, en = f"{nl}: {', '.join(titles[:5])}", f"{en}: {', '.join(titles[:5])}"
    return AlertEvent(change.id, sub.id, sub.kind, nl, en, details, now)


def email_body(event: AlertEvent, sub: Subscription) -> str:
    intro = (
        "A change you subscribed to in LLO Radar:"
        if sub.lang == "en"
        else "Een verandering waarop u zich abonneerde in LLO Radar:"
    )
    manage = (
        "Manage or stop this alert at /meldingen."
        if sub.lang == "en"
        else "Beheer of stop deze melding op /meldingen."
    )
    return f"{intro}\n\n{event.title(sub.lang)}\n\n{manage}\n"
