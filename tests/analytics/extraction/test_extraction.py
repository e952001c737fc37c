"""Skill extraction on the toy taxonomy: ranking, spans, Dutch, and bad input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lloradar.analytics.extraction import Extractor
from lloradar.analytics.extraction.text import clean, detect_language, fragments
from lloradar.features.skills.service import load_extractor
from lloradar.pipeline.taxonomy_import import import_esco
from lloradar.store import open_store

TOY = Path(__file__).parents[2] / "fixtures" / "toy_esco"


@pytest.fixture(scope="module")
def extractor() -> Iterator[Extractor]:
    store = open_store(":memory:")
    import_esco(store, TOY)
    yield load_extractor(store, cache=False)
    store.close()


def labels(extractor: Extractor, text: str, lang: str = "auto", top: int = 3) -> list[str]:
    return [m.label for m in extractor.extract([text], lang=lang, top=top)[0]]


def test_golden_ranking_english(extractor: Extractor) -> None:
    found = labels(extractor, "You write clean code and debug software in Java.", "en", 4)
    assert found[:2] == ["debug software", "computer programming"]
    assert "use automatic programming" in found
    assert labels(extractor, "Prepare sandwiches and keep the kitchen clean.", "en", 1) == [
        "prepare sandwiches"
    ]


def test_lexical_match_gives_the_span(extractor: Extractor) -> None:
    match = extractor.extract(["Experience with computer programming is a must."], "en", 1)[0][0]
    assert match.label == "computer programming"
    assert match.span == "computer programming"
    assert match.score > 0.5


def test_dutch_text_reaches_english_skills(extractor: Extractor) -> None:
    found = labels(extractor, "Je maakt belegde broodjes klaar voor de lunch.", "nl")
    assert found[0] == "prepare sandwiches"
    found = labels(extractor, "Je houdt de keuken schoon en hygiënisch.", "nl", 2)
    assert found == [
        "ensure cleanliness of food preparation area",
        "comply with food safety and hygiene",
    ]
    found = labels(extractor, "Je spoort fouten in software op en lost ze op.", "auto")
    assert found[0] == "debug software"


def test_every_uri_exists_in_the_taxonomy(extractor: Extractor) -> None:
    texts = ["Python, Kubernetes en blockchain", "nursing care", "x" * 50]
    for matches in extractor.extract(texts, top=10):
        assert {m.uri for m in matches} <= set(extractor.index)


@pytest.mark.parametrize("text", ["", "   ", "\t", "!!! ???", "\x00\x01"])
def test_empty_or_wordless_text_gives_no_skills(extractor: Extractor, text: str) -> None:
    assert extractor.extract([text]) == [[]]


def test_html_markup_is_removed(extractor: Extractor) -> None:
    html = "<div><p>We zoeken iemand die <b>software debugt</b>.</p><script>var x=1;</script></div>"
    assert "<" not in clean(html) and "var x" not in clean(html)
    assert labels(extractor, "<p>Debug software &amp; write code</p>", "en", 1) == [
        "debug software"
    ]


def test_one_megabyte_text_is_handled(extractor: Extractor) -> None:
    text = ("We are looking for a cook who can prepare sandwiches. " * 20000)[:1_000_000]
    matches = extractor.extract([text], top=3)[0]
    assert matches[0].label == "prepare sandwiches"


def test_boilerplate_is_dropped_but_never_everything() -> None:
    vacancy = "Je bereidt broodjes.\nWij bieden een goed salaris en een leaseauto.\nSolliciteer nu!"
    assert [f for f, _ in fragments(vacancy)] == ["Je bereidt broodjes."]
    assert [f for f, _ in fragments("Wij bieden een goed salaris.")] == [
        "Wij bieden een goed salaris."
    ]


def test_language_detection() -> None:
    assert detect_language("Je werkt in een team en je bent flexibel") == "nl"
    assert detect_language("You work in a team and you are flexible") == "en"


def test_results_keep_input_order(extractor: Extractor) -> None:
    texts = ["prepare sandwiches", "", "debug software"] * 200
    results = extractor.extract(texts, lang="en", top=1)
    assert len(results) == 600
    assert [r[0].label if r else None for r in results[:3]] == [
        "prepare sandwiches",
        None,
        "debug software",
    ]
