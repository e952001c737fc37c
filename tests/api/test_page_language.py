"""LLORADAR_LANG sets the default language of the web pages; `?lang=` and its cookie override it."""

from __future__ import annotations

import warnings

import pytest

from lloradar.features.indicators.radar import RadarData
from lloradar.server import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

DUTCH = ('<html lang="nl">', "Spanning op de arbeidsmarkt per arbeidsmarktregio")
ENGLISH = ('<html lang="en">', "Labour-market tension by labour-market region")


def _is(page: str, words: tuple[str, str]) -> bool:
    return all(word in page for word in words)


def test_lloradar_lang_en_makes_the_pages_english_and_lang_nl_still_wins(
    radar: RadarData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLORADAR_LANG", "en")
    with TestClient(create_app(radar)) as client:
        assert _is(client.get("/").text, ENGLISH)
        assert '<html lang="en">' in client.get("/prognose").text
        assert _is(client.get("/?lang=nl").text, DUTCH)
        assert _is(client.get("/").text, DUTCH)  # the choice is remembered in the cookie
        client.cookies.clear()
        assert _is(client.get("/").text, ENGLISH)


def test_without_lloradar_lang_the_pages_are_dutch_and_lang_en_wins(
    radar: RadarData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LLORADAR_LANG", raising=False)
    with TestClient(create_app(radar)) as client:
        assert _is(client.get("/").text, DUTCH)
        assert _is(client.get("/?lang=en").text, ENGLISH)
        client.cookies.clear()
        client.cookies.set("lang", "en")
        assert _is(client.get("/").text, ENGLISH)
