"""Which alert events fire: the previous and the current watched state in, the changes out.

Pure functions. The rules:
- tension class: fires when both states have a class and the classes differ (gemiddeld -> krap);
  a move to or from "no class" (no data, or hidden by disclosure control in the published
  indicators) does not fire, since it says nothing about the market. The class is the published
  one, passed in by the caller: nothing is computed or disclosed here;
- vacancies and courses: fires once for the ids that are in the current state and not in the
  previous one; ids that disappear (a closed vacancy) fire nothing;
- ids that were seen once never fire again;
- no previous state (a new subscription): the current state is the baseline, nothing fires.
The id of a change is a hash of the subscription and what changed, so evaluating the same data
twice gives the same id and the store keeps one event.
"""

from __future__ import annotations

import hashlib

from lloradar.domain.alerts import AlertKind, Change, WatchState


def change_id(subscription_id: str, kind: AlertKind, *parts: str) -> str:
    text = "\x1f".join([subscription_id, kind.value, *parts])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def tension_state(period: str | None, published_class: str | None) -> WatchState:
    """The watched tension of one month: its published class (None when the publication hides
    it with the job-seeker count it would give away, or has none)."""
    if period is None:
        return WatchState()
    return WatchState(period=period, tension=published_class or None)


def detect_changes(
    subscription_id: str, kind: AlertKind, previous: WatchState | None, current: WatchState
) -> list[Change]:
    if previous is None:
        return []
    if kind is AlertKind.TENSION:
        return _tension_changes(subscription_id, previous, current)
    new = tuple(sorted(current.items - previous.items))
    if not new:
        return []
    return [Change(change_id(subscription_id, kind, *new), subscription_id, kind, new_items=new)]


def _tension_changes(
    subscription_id: str, previous: WatchState, current: WatchState
) -> list[Change]:
    before, after = previous.tension, current.tension
    if before is None or after is None or before == after:
        return []
    key = (current.period or "", before, after)
    return [
        Change(
            change_id(subscription_id, AlertKind.TENSION, *key),
            subscription_id,
            AlertKind.TENSION,
            before=before,
            after=after,
            period=current.period,
        )
    ]


def next_state(kind: AlertKind, previous: WatchState | None, current: WatchState) -> WatchState:
    """The state to remember. Tension: a month without a class keeps the last known class, so
    gemiddeld -> (no data) -> krap still fires once. Items: every id ever seen, so an id that
    leaves and comes back (a vacancy re-opened) never fires twice."""
    if previous is None:
        return current
    if kind is AlertKind.TENSION:
        return previous if current.tension is None else current
    return WatchState(items=previous.items | current.items)
