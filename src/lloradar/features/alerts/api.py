"""Alert endpoints: a person's own subscriptions (create, list, read, delete) and events, the
Atom feed behind a secret token, a signature check for webhook receivers, and an admin-only run.

Another person's subscription answers 404, exactly as one that does not exist.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from lloradar.api.auth import AccountStoreDep, ApiAccount, require_api_roles
from lloradar.api.problems import Problem
from lloradar.config import get_settings
from lloradar.domain.account import Account, Role
from lloradar.domain.alerts import AlertError, AlertKind, Channel, Subscription
from lloradar.features.alerts import service as alerts
from lloradar.features.alerts.delivery.dispatch import run_configured
from lloradar.features.alerts.delivery.feed import atom_feed
from lloradar.features.alerts.delivery.signing import SignatureError, verify_signature

router = APIRouter(tags=["alerts"])
AdminAccount = Annotated[Account, Depends(require_api_roles(Role.ADMIN))]


class SubscriptionIn(BaseModel):
    kind: AlertKind
    region_code: str | None = Field(default=None, max_length=20)
    occupation_id: str | None = Field(default=None, max_length=300)
    skill_id: str | None = Field(default=None, max_length=300)
    channel: Channel = Channel.FEED
    target: str = Field(default="", max_length=500, description="Webhook URL or e-mail address")
    lang: str = Field(default="nl", pattern="^(nl|en)$")
    consent: bool = Field(default=False, description="Consent to the purpose 'alerts'")


class SubscriptionOut(BaseModel):
    id: str
    kind: AlertKind
    region_code: str | None
    occupation_id: str | None
    skill_id: str | None
    channel: Channel
    target: str
    lang: str
    created_at: datetime
    feed_url: str
    webhook_secret: str | None = Field(
        description="The HMAC-SHA256 key of the webhook signature (webhook subscriptions only)"
    )


class EventOut(BaseModel):
    id: str
    subscription_id: str
    kind: AlertKind
    title: str
    details: dict[str, Any]
    created_at: datetime


class VerifyIn(BaseModel):
    body: str = Field(max_length=1_000_000, description="The raw request body as received")
    timestamp: str = Field(max_length=20, description="Header X-LLORADAR-Timestamp")
    signature: str = Field(max_length=100, description="Header X-LLORADAR-Signature")


class VerifyOut(BaseModel):
    valid: bool
    reason: str


class RunOut(BaseModel):
    events: int
    delivered: int
    retrying: int
    failed: int


def feed_url(request: Request, sub: Subscription) -> str:
    return f"{str(request.base_url).rstrip('/')}/feeds/{sub.feed_token}.atom"


def _out(request: Request, sub: Subscription) -> SubscriptionOut:
    return SubscriptionOut(
        id=sub.id,
        kind=sub.kind,
        region_code=sub.region_code,
        occupation_id=sub.occupation_id,
        skill_id=sub.skill_id,
        channel=sub.channel,
        target=sub.target,
        lang=sub.lang,
        created_at=sub.created_at,
        feed_url=feed_url(request, sub),
        webhook_secret=sub.secret if sub.channel is Channel.WEBHOOK else None,
    )


def _own(store: Any, account: Account, subscription_id: str) -> Subscription:
    try:
        return alerts.get_subscription(store, account.id, subscription_id)
    except alerts.SubscriptionNotFound:
        raise Problem(
            404, "Subscription not found", f"You have no subscription '{subscription_id[:64]}'."
        ) from None


@router.get("/api/alerts/subscriptions", response_model=list[SubscriptionOut])
def list_own(
    request: Request, account: ApiAccount, store: AccountStoreDep
) -> list[SubscriptionOut]:
    """Your own alert subscriptions."""
    return [_out(request, s) for s in alerts.list_subscriptions(store, account.id)]


@router.post("/api/alerts/subscriptions", response_model=SubscriptionOut, status_code=201)
def create(
    body: SubscriptionIn, request: Request, account: ApiAccount, store: AccountStoreDep
) -> SubscriptionOut:
    """Subscribe to a change; needs consent to the purpose 'alerts' (send `consent: true`)."""
    try:
        sub = alerts.subscribe(
            store,
            account.id,
            body.kind,
            region_code=body.region_code,
            occupation_id=body.occupation_id,
            skill_id=body.skill_id,
            channel=body.channel,
            target=body.target,
            lang=body.lang,
            consent=body.consent,
        )
    except AlertError as exc:
        raise Problem(422, "Subscription not possible", str(exc)) from exc
    return _out(request, sub)


@router.get("/api/alerts/subscriptions/{subscription_id}", response_model=SubscriptionOut)
def read(
    subscription_id: str, request: Request, account: ApiAccount, store: AccountStoreDep
) -> SubscriptionOut:
    return _out(request, _own(store, account, subscription_id))


@router.delete("/api/alerts/subscriptions/{subscription_id}", status_code=204)
def delete(subscription_id: str, account: ApiAccount, store: AccountStoreDep) -> Response:
    """Delete the subscription with its events and deliveries (hard delete)."""
    _own(store, account, subscription_id)
    alerts.unsubscribe(store, account.id, subscription_id)
    return Response(status_code=204)


@router.get("/api/alerts/events", response_model=list[EventOut])
def events(
    account: ApiAccount,
    store: AccountStoreDep,
    subscription_id: str | None = None,
    lang: Annotated[str, Query(pattern="^(nl|en)$")] = "nl",
) -> list[EventOut]:
    """Your alert events, newest first; titles in Dutch or English (`lang`)."""
    if subscription_id is not None:
        _own(store, account, subscription_id)
    return [
        EventOut(
            id=e.id,
            subscription_id=e.subscription_id,
            kind=e.kind,
            title=e.title(lang),
            details=e.details,
            created_at=e.created_at,
        )
        for e in alerts.events_for(store, account.id, subscription_id)
    ]


@router.post(
    "/api/alerts/subscriptions/{subscription_id}/verify",
    response_model=VerifyOut,
    summary="Check a webhook delivery's signature with the subscription's secret",
)
def verify(
    subscription_id: str, body: VerifyIn, account: ApiAccount, store: AccountStoreDep
) -> VerifyOut:
    """For receivers that cannot run `verify_signature` themselves: `valid` is false, with the
    reason, for a changed body, a wrong signature or a timestamp over five minutes old."""
    sub = _own(store, account, subscription_id)
    try:
        verify_signature(sub.secret, body.body.encode("utf-8"), body.timestamp, body.signature)
    except SignatureError as exc:
        return VerifyOut(valid=False, reason=str(exc))
    return VerifyOut(valid=True, reason="signature matches and the timestamp is fresh")


@router.post("/api/alerts/run", response_model=RunOut, summary="Evaluate and deliver (admin)")
def run(account: AdminAccount, store: AccountStoreDep) -> RunOut:
    """What `lloradar alerts run` does: for an operator after a data change."""
    report = run_configured(store, get_settings())
    d = report.delivery
    return RunOut(events=report.events, delivered=d.delivered, retrying=d.retrying, failed=d.failed)


@router.get(
    "/feeds/{token}.atom",
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}}, 404: {}},
    summary="The Atom feed of one subscription (the token is its secret)",
)
def feed(token: str, request: Request, store: AccountStoreDep) -> Response:
    sub = alerts.subscription_for_feed(store, token)
    if sub is None:
        raise Problem(404, "Feed not found", "No alert feed has this address.")
    found = alerts.events_for(store, sub.account_id, sub.id, audited=False)
    title = "LLO Radar — " + ("alerts" if sub.lang == "en" else "meldingen")
    page = f"{str(request.base_url).rstrip('/')}/meldingen"
    xml = atom_feed(sub.id, title, feed_url(request, sub), page, found, sub.lang, sub.created_at)
    return Response(xml, media_type="application/atom+xml")
