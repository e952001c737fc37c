"""Alert delivery: signed webhook with retries, the e-mail outbox over real SMTP, the Atom feed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller

from alerts_world import OCCUPATION, REGION, build_market, consenting_account, set_month
from live_server import free_port
from lloradar.domain.alerts import Channel, DeliveryStatus, Subscription
from lloradar.features.accounts import service as accounts
from lloradar.features.alerts import evaluation as alert_evaluation
from lloradar.features.alerts import service as alerts
from lloradar.features.alerts.delivery import dispatch
from lloradar.features.alerts.delivery.feed import atom_feed
from lloradar.features.alerts.delivery.signing import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    SignatureError,
    sign,
    verify_signature,
)
from lloradar.store import Store

T0 = datetime(2026, 2, 1, 12, 0)
NO_SMTP = dispatch.SmtpSettings("127.0.0.1", 9, "radar@example.nl")
ATOM = "{http://www.w3.org/2005/Atom}"


def _tension_sub(store: Store, channel: str, target: str = "") -> Subscription:
    build_market(store)
    owner = consenting_account(store)
    return alerts.subscribe(
        store, owner, "tension_class", region_code=REGION, occupation_id=OCCUPATION,
        channel=channel, target=target, now=T0,
    )  # fmt: skip


def _move_to_krap(store: Store) -> None:
    set_month(store, date(2026, 2, 1), vacancies=40, job_seekers=10)


class Receiver:
    """A webhook receiver that answers the given statuses in turn and checks each signature."""

    def __init__(self, secret: str, statuses: list[int]) -> None:
        self.secret, self.statuses, self.received = secret, statuses, []  # type: list[Any]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        verify_signature(
            self.secret,
            body,
            request.headers[TIMESTAMP_HEADER],
            request.headers[SIGNATURE_HEADER],
            now=T0.timestamp() + 3600 * 24,
            tolerance=10**7,
        )
        self.received.append(json.loads(body))
        return httpx.Response(self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0])


def test_signature_verifies_and_tampering_or_replay_is_rejected() -> None:
    body = b'{"event_id": "e1"}'
    headers = sign("s3cret", body, 1_700_000_000)
    stamp, signature = headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER]
    assert signature.startswith("sha256=") and len(signature) == 7 + 64
    verify_signature("s3cret", body, stamp, signature, now=1_700_000_010)
    with pytest.raises(SignatureError, match="does not match the body"):
        verify_signature("s3cret", b'{"event_id": "e2"}', stamp, signature, now=1_700_000_010)
    tampered = signature[:-1] + ("0" if signature[-1] != "0" else "1")
    with pytest.raises(SignatureError, match="does not match"):
        verify_signature("s3cret", body, stamp, tampered, now=1_700_000_010)
    with pytest.raises(SignatureError, match="does not match"):
        verify_signature("other", body, stamp, signature, now=1_700_000_010)
    with pytest.raises(SignatureError, match="replay"):
        verify_signature("s3cret", body, stamp, signature, now=1_700_000_000 + 3600)
    with pytest.raises(SignatureError, match="Unix seconds"):
        verify_signature("s3cret", body, "yesterday", signature)
    with pytest.raises(SignatureError, match="Unix seconds"):
        verify_signature("s3cret", body, "\u00b2", signature)  # a digit, but not 0-9
    with pytest.raises(SignatureError, match="does not match"):
        verify_signature("s3cret", body, stamp, "sha256=\u00e9\u00e9", now=1_700_000_010)
    with pytest.raises(SignatureError, match="sha256="):
        verify_signature("s3cret", body, stamp, "md5=abc", now=1_700_000_010)


def test_webhook_500_is_retried_with_backoff_and_succeeds_later(any_store: Store) -> None:
    sub = _tension_sub(any_store, "webhook", "https://receiver.example.nl/hook")
    _move_to_krap(any_store)
    receiver = Receiver(sub.secret, [500, 200])
    with httpx.Client(transport=httpx.MockTransport(receiver)) as client:
        first = dispatch.run(any_store, client, NO_SMTP, T0)
        assert (first.events, first.delivery.retrying, first.delivery.delivered) == (1, 1, 0)
        event_id = alerts.events_for(any_store, sub.account_id)[0].id
        state = dispatch.delivery_status(any_store, event_id, Channel.WEBHOOK)
        assert state is not None
        assert state["status"] == "pending" and state["attempts"] == 1
        assert state["next_attempt_at"] == T0 + timedelta(seconds=60)
        early = dispatch.run(any_store, client, NO_SMTP, T0 + timedelta(seconds=30))
        assert (early.events, early.delivery.delivered, early.delivery.retrying) == (0, 0, 0)
        later = dispatch.run(any_store, client, NO_SMTP, T0 + timedelta(seconds=61))
        assert later.delivery.delivered == 1
        again = dispatch.run(any_store, client, NO_SMTP, T0 + timedelta(hours=5))
        assert (again.events, again.delivery.delivered) == (0, 0)
    assert len(receiver.received) == 2  # one failed attempt, one delivery: never twice after ok
    assert receiver.received[1]["title"].endswith("van gemiddeld naar krap (2026-02-01)")
    attempts = dispatch.delivery_attempts(any_store, event_id)
    assert [(a["attempt"], a["ok"], a["detail"]) for a in attempts] == [
        (1, False, "HTTP 500 from the receiver"),
        (2, True, "delivered"),
    ]


def test_permanent_failure_is_recorded_after_the_last_attempt(any_store: Store) -> None:
    sub = _tension_sub(any_store, "webhook", "https://receiver.example.nl/hook")
    _move_to_krap(any_store)
    receiver = Receiver(sub.secret, [503])
    moment = T0
    with httpx.Client(transport=httpx.MockTransport(receiver)) as client:
        dispatch.run(any_store, client, NO_SMTP, moment)
        for wait in dispatch.BACKOFF_SECONDS:
            moment += timedelta(seconds=wait)
            report = dispatch.deliver_due(any_store, client, NO_SMTP, moment)
        assert report.failed == 1
        assert (
            dispatch.deliver_due(any_store, client, NO_SMTP, moment + timedelta(days=9)).errors
            == []
        )
    event_id = alerts.events_for(any_store, sub.account_id)[0].id
    state = dispatch.delivery_status(any_store, event_id, Channel.WEBHOOK)
    assert state is not None
    assert (state["status"], state["attempts"]) == (DeliveryStatus.FAILED.value, 5)
    assert state["last_error"] == "HTTP 503 from the receiver"
    assert len(receiver.received) == dispatch.MAX_ATTEMPTS


def test_unreachable_webhook_is_a_failed_attempt_not_a_crash(any_store: Store) -> None:
    _tension_sub(any_store, "webhook", "https://receiver.example.nl/hook")
    _move_to_krap(any_store)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with httpx.Client(transport=httpx.MockTransport(refuse)) as client:
        report = dispatch.run(any_store, client, NO_SMTP, T0)
    assert report.delivery.retrying == 1
    assert "ConnectError: connection refused" in report.delivery.errors[0]


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[dispatch.SmtpSettings, _Inbox]]:
    inbox = _Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield dispatch.SmtpSettings("127.0.0.1", port, "meldingen@lloradar.test"), inbox
    finally:
        controller.stop()


def test_email_outbox_is_sent_through_a_real_smtp_server_once(
    duck: Store, smtp_server: tuple[dispatch.SmtpSettings, _Inbox]
) -> None:
    smtp, inbox = smtp_server
    sub = _tension_sub(duck, "email", "someone-else@example.nl")  # not the account's address
    own = accounts.get_account(duck, sub.account_id)
    assert own is not None and sub.target == own.email
    _move_to_krap(duck)
    with httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(500))) as client:
        report = dispatch.run(duck, client, smtp, T0)
        assert report.delivery.delivered == 1
        assert dispatch.run(duck, client, smtp, T0 + timedelta(hours=1)).delivery.delivered == 0
    assert len(inbox.messages) == 1
    envelope = inbox.messages[0]
    assert envelope.mail_from == "meldingen@lloradar.test"
    assert envelope.rcpt_tos == [own.email]  # only ever the account's own address
    text = envelope.content.decode("utf-8")
    subject = (
        "Spanning verpleegkundige in Zuid-Holland Centraal: van gemiddeld naar krap (2026-02-01)"
    )
    from email import message_from_string, policy

    message = message_from_string(text, policy=policy.default)
    assert message["Subject"] == subject
    body = message.get_body().get_content()  # type: ignore[union-attr]
    assert subject in body and "/meldingen" in body
    sent = duck.query("SELECT sent_at FROM alert_outbox")
    assert sent == [(T0,)]


def test_smtp_down_leaves_the_message_in_the_outbox_for_a_retry(duck: Store) -> None:
    _tension_sub(duck, "email", "burger@example.nl")
    _move_to_krap(duck)
    closed = dispatch.SmtpSettings("127.0.0.1", free_port(), "x@example.nl")
    with httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200))) as client:
        report = dispatch.run(duck, client, closed, T0)
    assert report.delivery.retrying == 1 and "SMTP 127.0.0.1" in report.delivery.errors[0]
    assert duck.query("SELECT count(*) FROM alert_outbox WHERE sent_at IS NULL") == [(1,)]


def test_atom_feed_parses_and_contains_the_event(duck: Store) -> None:
    sub = _tension_sub(duck, "feed")
    _move_to_krap(duck)
    alert_evaluation.evaluate(duck, T0)
    events = alerts.events_for(duck, sub.account_id, sub.id)
    xml = atom_feed(
        sub.id, "LLO Radar", "http://x/feeds/t.atom", "http://x/meldingen", events, "nl", T0
    )
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Spanning verpleegkundige in Zuid-Holland Centraal: van gemiddeld naar krap (2026-02-01)"
    ]
    assert entries[0].findtext(f"{ATOM}id") == f"urn:lloradar:alert:{events[0].id}"
    assert sub.feed_token not in xml.decode("utf-8")
