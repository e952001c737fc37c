"""Golden tests of alert event detection (pure); the classes are the published ones."""

from __future__ import annotations

from lloradar.analytics.alerts import change_id, detect_changes, next_state, tension_state
from lloradar.domain.alerts import AlertKind, WatchState

T = AlertKind.TENSION


def test_class_moving_from_gemiddeld_to_krap_fires_once_with_a_stable_id() -> None:
    before = tension_state("2026-01-01", "gemiddeld")
    after = tension_state("2026-02-01", "krap")
    assert (before.tension, after.tension) == ("gemiddeld", "krap")
    changes = detect_changes("sub-1", T, before, after)
    assert [(c.before, c.after, c.period) for c in changes] == [("gemiddeld", "krap", "2026-02-01")]
    assert changes[0].id == change_id("sub-1", T, "2026-02-01", "gemiddeld", "krap")
    assert detect_changes("sub-1", T, before, after)[0].id == changes[0].id
    remembered = next_state(T, before, after)
    assert detect_changes("sub-1", T, remembered, after) == []


def test_an_unchanged_class_fires_nothing_even_in_a_new_month() -> None:
    assert (
        detect_changes(
            "s",
            T,
            tension_state("2026-01-01", "gemiddeld"),
            tension_state("2026-02-01", "gemiddeld"),
        )
        == []
    )


def test_a_new_subscription_sets_a_baseline_and_fires_nothing() -> None:
    assert detect_changes("s", T, None, tension_state("2026-01-01", "krap")) == []
    assert detect_changes("s", AlertKind.VACANCIES, None, WatchState(items=frozenset({"v1"}))) == []


def test_no_month_is_no_state() -> None:
    assert tension_state(None, "krap") == WatchState()


def test_a_suppressed_month_has_no_class_and_keeps_the_last_known_one() -> None:
    gemiddeld = tension_state("2026-01-01", "gemiddeld")
    # hidden by the publication (with a job-seeker count it would give away): no class
    hidden = tension_state("2026-02-01", None)
    assert hidden.tension is None
    assert detect_changes("s", T, gemiddeld, hidden) == []
    kept = next_state(T, gemiddeld, hidden)
    assert kept == gemiddeld
    krap = tension_state("2026-03-01", "krap")
    assert [c.after for c in detect_changes("s", T, kept, krap)] == ["krap"]


def test_new_items_fire_once_and_disappearing_ones_fire_nothing() -> None:
    v = AlertKind.VACANCIES
    first = WatchState(items=frozenset({"a", "b"}))
    second = WatchState(items=frozenset({"b", "c", "d"}))
    changes = detect_changes("s", v, first, second)
    assert [c.new_items for c in changes] == [("c", "d")]
    remembered = next_state(v, first, second)
    assert remembered.items == {"a", "b", "c", "d"}
    assert detect_changes("s", v, remembered, second) == []
    back = WatchState(items=frozenset({"a", "c"}))  # 'a' closed and re-opened
    assert detect_changes("s", v, remembered, back) == []


def test_change_ids_differ_per_subscription_and_change() -> None:
    a = change_id("s1", AlertKind.COURSES, "c1")
    assert a != change_id("s2", AlertKind.COURSES, "c1")
    assert a != change_id("s1", AlertKind.COURSES, "c2")
    assert len(a) == 32


def test_watch_state_round_trips_through_json() -> None:
    state = WatchState("2026-01-01", "krap", frozenset({"x", "y"}))
    assert WatchState.from_json(state.to_json()) == state
