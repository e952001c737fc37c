"""Which alert events fire: the previous and the current watched state in, the changes out.

Pure functions. The rules:
- tension class: fires when both states have a class and the classes differ (gemiddeld -> krap);
  a move to or from "no class" (no data, or a count under 10 suppressed) does not fire, since it
  says nothing about the market;
- vacancies and courses: fires once for the ids that are in the current state and not in the
  previous one; ids that disappear (a closed vacancy) fire nothing;
- ids that were seen once never fire again;
- no previous state (a new subscription): the current state is the baseline, nothing fires.
The id of a change is a hash of the subscription and what changed, so evaluating the same data
twice gives the same id and the store keeps one event.
"""

from __future__ import annotations

import hashlib

from lloradar.analytics.disclosure import disclose
from lloradar.analytics.tension import tension_class
from lloradar.domain.alerts import AlertKind, Change, WatchState


def change_id(subscription_id: str, kind: AlertKind, *parts: str) -> str:
    text = "\x1f".join([subscription_id, kind.value, *parts])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def tension_state(period: str | None, open_vacancies: int, short_job_seekers: int) -> WatchState:
    """The watched tension of one month; a job-seeker count under 10 is suppressed, and so is
    the class computed from it (a class over a hidden count would narrow it down)."""
    if period is None:
        return WatchState()
    shown = disclose(short_job_seekers)
    cls = None if shown is None else tension_class(open_vacancies, shown)
    return WatchState(period=period, tension=None if cls is None else cls.value)


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
