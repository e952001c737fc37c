"""Alerts (meldingen): a person's subscription to a change in the labour market, the state it
watches and the events that fire when that state changes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class AlertKind(StrEnum):
    TENSION = "tension_class"  # the tension class of region x occupation moves
    VACANCIES = "vacancies"  # new vacancies for an occupation or skill (in a region)
    COURSES = "courses"  # new courses that teach a skill


class Channel(StrEnum):
    """How events reach the person; every subscription also has its Atom feed."""

    FEED = "feed"
    WEBHOOK = "webhook"
    EMAIL = "email"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"  # gave up after the last attempt


class AlertError(ValueError):
    """A subscription that cannot be made as asked, with what was expected; `str()` is the
    English message, `message("nl")` the Dutch one for the pages."""

    def __init__(self, message_en: str, message_nl: str = "") -> None:
        super().__init__(message_en)
        self.message_nl = message_nl or message_en

    def message(self, lang: str) -> str:
        return str(self) if lang == "en" else self.message_nl


@dataclass(frozen=True)
class Subscription:
    id: str
    account_id: str
    kind: AlertKind
    region_code: str | None
    occupation_id: str | None
    skill_id: str | None
    channel: Channel
    target: str
    lang: str
    created_at: datetime
    feed_token: str = field(repr=False)
    secret: str = field(repr=False)


@dataclass(frozen=True)
class WatchState:
    """What a subscription saw: the tension class and its month, or the ids of matching items
    (vacancies, courses). `tension` None means no class (no data, or suppressed under 10)."""

    period: str | None = None
    tension: str | None = None
    items: frozenset[str] = frozenset()

    def to_json(self) -> str:
        return json.dumps(
            {"period": self.period, "tension": self.tension, "items": sorted(self.items)},
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> WatchState:
        data = json.loads(text)
        return cls(data.get("period"), data.get("tension"), frozenset(data.get("items", [])))


@dataclass(frozen=True)
class Change:
    """One detected change; `id` is deterministic, so detecting it again is the same change."""

    id: str
    subscription_id: str
    kind: AlertKind
    before: str | None = None
    after: str | None = None
    period: str | None = None
    new_items: tuple[str, ...] = ()


@dataclass(frozen=True)
class AlertEvent:
    id: str
    subscription_id: str
    kind: AlertKind
    title_nl: str
    title_en: str
    details: dict[str, object]
    created_at: datetime

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_nl
