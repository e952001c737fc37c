"""POST one alert event as signed JSON to the subscription's webhook URL (httpx, injectable
transport for tests)."""

from __future__ import annotations

import json

import httpx

from lloradar.services.alert_delivery.signing import EVENT_HEADER, sign

TIMEOUT_SECONDS = 10.0


class DeliveryFailed(RuntimeError):
    """One attempt did not reach the receiver; the message says why (status or network error)."""


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
