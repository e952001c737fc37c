"""Alert subscriptions and evaluation on DuckDB and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from alerts_world import (
    OCCUPATION,
    REGION,
    SKILL,
    add_course,
    add_vacancy,
    build_market,
    consenting_account,
    set_month,
)
from lloradar.domain.alerts import AlertError, AlertKind, Channel
from lloradar.features.accounts import service as accounts
from lloradar.features.alerts import evaluation as alert_evaluation
from lloradar.features.alerts import service as alerts
from lloradar.services import audit
from lloradar.store import Store

T0 = datetime(2026, 2, 1, 12, 0)


def test_tension_move_fires_once_and_running_twice_writes_one_event(any_store: Store) -> None:
    build_market(any_store)
    owner = consenting_account(any_store)
    sub = alerts.subscribe(
        any_store, owner, "tension_class", region_code=REGION, occupation_id=OCCUPATION, now=T0
    )
    assert alert_evaluation.evaluate(any_store, T0) == []  # unchanged: nothing
    set_month(any_store, date(2026, 2, 1), vacancies=40, job_seekers=10)  # 4.0: krap
    fired = alert_evaluation.evaluate(any_store, T0)
    assert [e.title_nl for e in fired] == [
        "Spanning verpleegkundige in Zuid-Holland Centraal: van gemiddeld naar krap (2026-02-01)"
    ]
    assert fired[0].details["before"] == "gemiddeld"
    assert alert_evaluation.evaluate(any_store, T0) == []
    events = alerts.events_for(any_store, owner, sub.id)
    assert [e.id for e in events] == [fired[0].id]
    assert events[0].title("en") == (
        "Tension for nurse in Zuid-Holland Centraal: from average to tight (2026-02-01)"
    )


def test_snapshot_lost_still_never_duplicates_an_event(any_store: Store) -> None:
    build_market(any_store)
    owner = consenting_account(any_store)
    sub = alerts.subscribe(
        any_store, owner, "tension_class", region_code=REGION, occupation_id=OCCUPATION, now=T0
    )
    set_month(any_store, date(2026, 2, 1), vacancies=40, job_seekers=10)
    snapshot = any_store.query("SELECT state FROM alert_snapshot")[0][0]
    assert len(alert_evaluation.evaluate(any_store, T0)) == 1
    any_store.execute("UPDATE alert_snapshot SET state = ?", (snapshot,))  # as if it was lost
    assert alert_evaluation.evaluate(any_store, T0) == []
    assert any_store.query("SELECT count(*) FROM alert_event")[0][0] == 1
    assert alerts.events_for(any_store, owner, sub.id)[0].kind is AlertKind.TENSION


def test_new_vacancies_in_the_region_fire_and_other_regions_do_not(any_store: Store) -> None:
    build_market(any_store)
    owner = consenting_account(any_store)
    alerts.subscribe(any_store, owner, "vacancies", region_code=REGION, skill_id=SKILL, now=T0)
    add_vacancy(any_store, "v-1", "GM0599", None, (SKILL,))  # gemeente in the region
    add_vacancy(any_store, "v-2", "AM99", None, (SKILL,))  # elsewhere
    add_vacancy(any_store, "v-3", REGION, OCCUPATION)  # without the skill
    fired = alert_evaluation.evaluate(any_store, T0)
    assert [(e.title_nl, e.details["new_vacancies"]) for e in fired] == [
        ("1 nieuwe vacature voor wondverzorging in Zuid-Holland Centraal", ["v-1"])
    ]
    assert alert_evaluation.evaluate(any_store, T0) == []


def test_new_courses_for_a_skill_fire(any_store: Store) -> None:
    build_market(any_store)
    owner = consenting_account(any_store)
    add_course(any_store, "c-old", "Oude cursus", SKILL)
    alerts.subscribe(any_store, owner, "courses", skill_id=SKILL, now=T0)
    add_course(any_store, "c-new", "Wondzorg voor gevorderden", SKILL)
    add_course(any_store, "c-req", "Vervolgcursus", SKILL, relation="requires")
    fired = alert_evaluation.evaluate(any_store, T0)
    assert [e.title_nl for e in fired] == [
        "1 nieuwe cursus voor wondverzorging: Wondzorg voor gevorderden"
    ]
    assert fired[0].details["new_courses"] == ["c-new"]


def test_subscribing_needs_consent_and_valid_input(any_store: Store) -> None:
    build_market(any_store)
    account = accounts.register(any_store, "a@example.nl", "correct horse battery", "citizen", "A")
    with pytest.raises(AlertError, match="consent"):
        alerts.subscribe(any_store, account.id, "courses", skill_id=SKILL)
    with pytest.raises(AlertError, match="region and an occupation"):
        alerts.subscribe(any_store, account.id, "tension_class", region_code=REGION, consent=True)
    with pytest.raises(AlertError, match="occupation 'nope' is not in the radar's occupation"):
        alerts.subscribe(
            any_store, account.id, "tension_class", region_code=REGION, occupation_id="nope"
        )
    with pytest.raises(AlertError, match="not an http"):
        alerts.subscribe(
            any_store, account.id, "courses", skill_id=SKILL, channel="webhook", target="ftp://x"
        )
    for internal in ("http://127.0.0.1:5432/", "http://localhost/x", "https://10.0.0.5/hook",
                     "http://[::1]/", "http://169.254.169.254/latest"):  # fmt: skip
        with pytest.raises(AlertError, match="private network") as refused:
            alerts.subscribe(
                any_store, account.id, "courses", skill_id=SKILL, channel="webhook",
                target=internal,
            )  # fmt: skip
        assert "intern netwerk" in refused.value.message("nl")
    with pytest.raises(AlertError, match="kind 'weather' is not known"):
        alerts.subscribe(any_store, account.id, "weather")
    assert any_store.query("SELECT count(*) FROM alert_subscription")[0][0] == 0
    assert not accounts.has_consent(any_store, account.id, "alerts")
    sub = alerts.subscribe(
        any_store, account.id, "courses", skill_id=SKILL, channel=Channel.FEED, consent=True
    )
    assert accounts.has_consent(any_store, account.id, "alerts")
    assert [s.id for s in alerts.list_subscriptions(any_store, account.id)] == [sub.id]


def test_only_the_owner_reads_or_deletes_a_subscription(any_store: Store) -> None:
    build_market(any_store)
    mine, theirs = consenting_account(any_store), consenting_account(any_store)
    sub = alerts.subscribe(any_store, mine, "courses", skill_id=SKILL)
    assert alerts.list_subscriptions(any_store, theirs) == []
    with pytest.raises(alerts.SubscriptionNotFound):
        alerts.get_subscription(any_store, theirs, sub.id)
    with pytest.raises(alerts.SubscriptionNotFound):
        alerts.unsubscribe(any_store, theirs, sub.id)
    assert alerts.get_subscription(any_store, mine, sub.id).id == sub.id
    alerts.unsubscribe(any_store, mine, sub.id)
    assert alerts.list_subscriptions(any_store, mine) == []
    actions = [e["action"] for e in audit.entries_for(any_store, mine)]
    assert "alert subscription created" in actions
    assert "alert subscription deleted" in actions


def test_withdrawn_consent_stops_evaluation_and_delete_account_removes_everything(
    any_store: Store,
) -> None:
    build_market(any_store)
    owner = consenting_account(any_store)
    alerts.subscribe(
        any_store, owner, "tension_class", region_code=REGION, occupation_id=OCCUPATION,
        channel="email", target="burger@example.nl", now=T0,
    )  # fmt: skip
    accounts.withdraw_consent(any_store, owner, "alerts")
    set_month(any_store, date(2026, 2, 1), vacancies=40, job_seekers=10)
    assert alert_evaluation.evaluate(any_store, T0) == []
    accounts.give_consent(any_store, owner, "alerts")
    assert len(alert_evaluation.evaluate(any_store, T0)) == 1
    accounts.delete_account(any_store, owner)
    for table in alerts.PERSONAL_TABLES:
        assert any_store.query(f"SELECT count(*) FROM {table}")[0][0] == 0, table
