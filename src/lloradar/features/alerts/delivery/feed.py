"""The Atom feed of one subscription (feedgen): its events, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from lloradar.domain.alerts import AlertEvent


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def atom_feed(
    subscription_id: str,
    title: str,
    feed_url: str,
    page_url: str,
    events: Sequence[AlertEvent],
    lang: str,
    updated: datetime,
) -> bytes:
    """The feed id and entry ids are URNs of the subscription and event, never the feed token."""
    feed = FeedGenerator()
    feed.id(f"urn:lloradar:subscription:{subscription_id}")
    feed.title(title)
    feed.link(href=feed_url, rel="self")
    feed.link(href=page_url, rel="alternate")
    feed.language(lang)
    feed.author({"name": "LLO Radar"})
    latest = max((e.created_at for e in events), default=updated)
    feed.updated(_aware(latest))
    for event in sorted(events, key=lambda e: (e.created_at, e.id)):
        entry = feed.add_entry()
        entry.id(f"urn:lloradar:alert:{event.id}")
        entry.title(event.title(lang))
        entry.updated(_aware(event.created_at))
        entry.link(href=page_url)
        entry.content(event.title(lang), type="text")
    return bytes(feed.atom_str(pretty=True))
