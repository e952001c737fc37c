"""Webhook signatures: HMAC-SHA256 with the subscription's secret over `timestamp.body`.

A receiver checks a delivery with `verify_signature(secret, body, timestamp, signature)`, using
the raw request body and the headers `X-LLORADAR-Timestamp` and `X-LLORADAR-Signature`
(`sha256=<hex>`). The timestamp is inside the signed text, so an old delivery replayed later is
refused (older or newer than `tolerance` seconds), and a changed body or timestamp breaks the
signature. The comparison takes constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time

SIGNATURE_HEADER = "X-LLORADAR-Signature"
TIMESTAMP_HEADER = "X-LLORADAR-Timestamp"
EVENT_HEADER = "X-LLORADAR-Event"
TOLERANCE_SECONDS = 300


class SignatureError(ValueError):
    """Why a webhook delivery is not trusted (tampered, replayed, malformed)."""


def _digest(secret: str, body: bytes, timestamp: str) -> str:
    signed = timestamp.encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    """The signature headers of one delivery."""
    stamp = str(int(timestamp))
    return {TIMESTAMP_HEADER: stamp, SIGNATURE_HEADER: "sha256=" + _digest(secret, body, stamp)}


def verify_signature(
    secret: str,
    body: bytes,
    timestamp: str,
    signature: str,
    *,
    now: float | None = None,
    tolerance: int = TOLERANCE_SECONDS,
) -> None:
    """Return quietly when the delivery is genuine and fresh; raise `SignatureError` otherwise."""
    if not re.fullmatch(r"[0-9]{1,12}", timestamp):
        raise SignatureError(f"{TIMESTAMP_HEADER} must be Unix seconds, got {timestamp[:20]!r}")
    if not signature.startswith("sha256="):
        raise SignatureError(f"{SIGNATURE_HEADER} must look like 'sha256=<hex>'")
    age = (time.time() if now is None else now) - int(timestamp)
    if abs(age) > tolerance:
        raise SignatureError(
            f"timestamp is {int(abs(age))} s away from now (at most {tolerance} s): a replay?"
        )
    sent = signature[7:].encode("utf-8")
    if not hmac.compare_digest(sent, _digest(secret, body, timestamp).encode("ascii")):
        raise SignatureError("signature does not match the body (tampered, or the wrong secret)")


def is_valid_signature(secret: str, body: bytes, timestamp: str, signature: str) -> bool:
    try:
        verify_signature(secret, body, timestamp, signature)
    except SignatureError:
        return False
    return True
