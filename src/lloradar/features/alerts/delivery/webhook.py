"""POST one alert event as signed JSON to the subscription's webhook URL (httpx, injectable
transport for tests)."""

from __future__ import annotations

import ipaddress
import json
import socket

import httpx

from lloradar.features.alerts.delivery.signing import EVENT_HEADER, sign

TIMEOUT_SECONDS = 10.0


class DeliveryFailed(RuntimeError):
    """One attempt did not reach the receiver; the message says why (status or network error)."""


def literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host name stands for by itself: a normal IP literal, or one of the legacy
    IPv4 forms a resolver also accepts ("127.1", "2130706433", "0x7f.0.0.1"); else None."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


class PublicOnlyTransport(httpx.HTTPTransport):
    """The transport of real webhook deliveries. The host is resolved once, at delivery time;
    any loopback, private, link-local or reserved address among the answers is refused (as a
    connect error), and the connection goes to the checked address itself: the URL's host is
    replaced by that IP while the `Host` header and the TLS server name (SNI, and the name the
    certificate is verified against) stay the name. So a name that answers a public address to
    the check and a private one a moment later (DNS rebinding) still reaches the public one.
    No keep-alive: every delivery resolves and checks again."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("limits", httpx.Limits(max_keepalive_connections=0))
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        address = checked_address(host, port, request)
        if literal_address(host) is None:
            request.url = request.url.copy_with(host=str(address))
            request.extensions = {**request.extensions, "sni_hostname": host}
        return super().handle_request(request)


def checked_address(
    host: str, port: int, request: httpx.Request
) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The first address `host` resolves to, once every answer is a public address."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise httpx.ConnectError("the webhook host cannot be resolved", request=request) from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in found]
    if not addresses or not all(is_public(a) for a in addresses):
        raise httpx.ConnectError(
            "the webhook host resolves to a private or local address; refused", request=request
        )
    return addresses[0]


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_global


def event_body(payload: dict[str, object]) -> bytes:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")


def post_webhook(
    client: httpx.Client,
    url: str,
    secret: str,
    event_id: str,
    payload: dict[str, object],
    timestamp: int,
) -> int:
    """Send once; return the HTTP status of a 2xx answer, raise `DeliveryFailed` otherwise."""
    body = event_body(payload)
    headers = {"Content-Type": "application/json", EVENT_HEADER: event_id}
    headers.update(sign(secret, body, timestamp))
    try:
        response = client.post(url, content=body, headers=headers, timeout=TIMEOUT_SECONDS)
    except httpx.HTTPError as error:
        raise DeliveryFailed(f"{type(error).__name__}: {error}") from None
    if not response.is_success:
        raise DeliveryFailed(f"HTTP {response.status_code} from the receiver")
    return response.status_code
