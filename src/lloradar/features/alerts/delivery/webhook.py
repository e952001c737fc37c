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
    """The transport of real webhook deliveries: refuses (as a connect error) any host that
    resolves to a loopback, private, link-local or reserved address, checked at delivery time,
    so a public name later pointed at the server's own network is refused too."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            raise httpx.ConnectError(
                "the webhook host cannot be resolved", request=request
            ) from None
        for info in found:
            address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
            if not address.is_global:
                raise httpx.ConnectError(
                    "the webhook host resolves to a private or local address; refused",
                    request=request,
                )
        return super().handle_request(request)


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
