"""Issue 18, finding 9: webhook connections pinned to the address that was checked (no DNS
rebinding), e-mail alerts only to the account's own address, a cap on subscriptions per
account, and SMTP with STARTTLS whenever offered (or required)."""

from __future__ import annotations

import smtplib
import socket
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import httpx
import pytest
from aiosmtpd.controller import Controller

from alerts_world import OCCUPATION, REGION, build_market, consenting_account
from lloradar.domain.alerts import AlertError
from lloradar.features.accounts import service as accounts
from lloradar.features.alerts import service as alerts
from lloradar.features.alerts import targets
from lloradar.features.alerts.delivery import webhook
from lloradar.features.alerts.delivery.email import send_email
from lloradar.features.alerts.delivery.webhook import DeliveryFailed, PublicOnlyTransport
from lloradar.store import Store

T0 = datetime(2026, 2, 1, 12, 0)


class _Hook(BaseHTTPRequestHandler):
    hosts: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        _Hook.hosts.append(self.headers["Host"])
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[int]:
    """A webhook receiver on 127.0.0.1 only (nothing listens on 127.0.0.2)."""
    _Hook.hosts = []
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def test_a_webhook_goes_to_the_address_that_was_checked_not_a_rebound_one(
    receiver: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hook.example answers 127.0.0.1 to the check, then 127.0.0.2 (rebinding). Loopback
    counts as 'public' here so the check lets the first answer through."""
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1", "127.0.0.2", "127.0.0.2", "127.0.0.2"])
    asked: list[str] = []

    def dns(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "hook.example":
            return real(host, port, *args, **kwargs)
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), int(port)))]

    monkeypatch.setattr(socket, "getaddrinfo", dns)
    monkeypatch.setattr(webhook, "is_public", lambda address: True)
    with httpx.Client(transport=PublicOnlyTransport()) as client:
        status = webhook.post_webhook(
            client, f"http://hook.example:{receiver}/in", "s" * 64, "e1", {"a": 1}, 0
        )
    assert status == 200
    assert asked == ["hook.example"]  # resolved once: the connection did not ask again
    assert _Hook.hosts == [f"hook.example:{receiver}"]  # the name stays in the Host header


def test_the_pinned_request_keeps_the_name_for_tls(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[httpx.Request] = []

    def dns(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", int(port)))]

    def capture(self: Any, request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    monkeypatch.setattr(socket, "getaddrinfo", dns)
    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", capture)
    with httpx.Client(transport=PublicOnlyTransport()) as client:
        client.post("https://hooks.example.org/x", content=b"{}")
    assert str(sent[0].url) == "https://93.184.215.14/x"
    assert sent[0].headers["Host"] == "hooks.example.org"
    assert sent[0].extensions["sni_hostname"] == "hooks.example.org"


def test_a_name_with_any_private_answer_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def dns(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", int(port))),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", int(port))),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", dns)
    with (
        httpx.Client(transport=PublicOnlyTransport()) as client,
        pytest.raises(DeliveryFailed, match="private or local"),
    ):
        webhook.post_webhook(client, "https://mixed.example.org/", "s", "e", {}, 0)


def test_email_alerts_go_only_to_the_accounts_own_address(duck: Store) -> None:
    build_market(duck)
    owner = consenting_account(duck)
    own = accounts.get_account(duck, owner)
    assert own is not None
    sub = alerts.subscribe(
        duck, owner, "tension_class", region_code=REGION, occupation_id=OCCUPATION,
        channel="email", target="victim@example.org", now=T0,
    )  # fmt: skip
    assert sub.target == own.email
    assert "victim@example.org" not in str(duck.query("SELECT * FROM alert_subscription"))


def test_an_account_has_at_most_a_capped_number_of_alerts(
    duck: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(targets, "MAX_SUBSCRIPTIONS", 3)
    monkeypatch.setattr(alerts, "MAX_SUBSCRIPTIONS", 3)
    build_market(duck)
    owner, other = consenting_account(duck), consenting_account(duck)
    for _ in range(3):
        alerts.subscribe(duck, owner, "tension_class", region_code=REGION, occupation_id=OCCUPATION)
    with pytest.raises(AlertError, match="the most an account may have"):
        alerts.subscribe(duck, owner, "tension_class", region_code=REGION, occupation_id=OCCUPATION)
    assert alerts.subscribe(
        duck, other, "tension_class", region_code=REGION, occupation_id=OCCUPATION
    )
    assert targets.MAX_SUBSCRIPTIONS == 3


class _FakeSmtp:
    offers_tls = True
    calls: ClassVar[list[str]] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        _FakeSmtp.calls = []

    def __enter__(self) -> _FakeSmtp:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def ehlo(self) -> None:
        self.calls.append("ehlo")

    def has_extn(self, name: str) -> bool:
        return name == "starttls" and self.offers_tls

    def starttls(self, context: Any = None) -> None:
        assert context is not None and context.check_hostname  # a verified certificate
        self.calls.append("starttls")

    def send_message(self, message: object) -> None:
        self.calls.append("send")


@pytest.mark.parametrize("require", [False, True])
def test_smtp_uses_starttls_when_offered(monkeypatch: pytest.MonkeyPatch, require: bool) -> None:
    monkeypatch.setattr(smtplib, "SMTP", _FakeSmtp)
    monkeypatch.setattr(_FakeSmtp, "offers_tls", True)
    send_email("mx", 25, "a@example.nl", "b@example.nl", "s", "b", "m1", require_tls=require)
    assert _FakeSmtp.calls == ["ehlo", "starttls", "ehlo", "send"]


def test_smtp_without_starttls_sends_nothing_when_tls_is_required() -> None:
    class Inbox:
        messages: ClassVar[list[object]] = []

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            Inbox.messages.append(envelope)
            return "250 OK"

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port)  # offers no STARTTLS
    controller.start()
    try:
        with pytest.raises(DeliveryFailed, match="no STARTTLS"):
            send_email("127.0.0.1", port, "a@example.nl", "b@example.nl", "s", "b", "m", require_tls=True)  # fmt: skip
        assert Inbox.messages == []
        send_email("127.0.0.1", port, "a@example.nl", "b@example.nl", "s", "b", "m2")
        assert len(Inbox.messages) == 1  # not required: plain, as before
    finally:
        controller.stop()


def test_the_setting_requires_tls(monkeypatch: pytest.MonkeyPatch) -> None:
    from lloradar.config import Settings
    from lloradar.features.alerts.delivery.dispatch import smtp_from_settings

    monkeypatch.setenv("LLORADAR_SMTP_REQUIRE_TLS", "1")
    assert smtp_from_settings(Settings()).require_tls
    monkeypatch.setenv("LLORADAR_SMTP_REQUIRE_TLS", "0")
    assert not smtp_from_settings(Settings()).require_tls
