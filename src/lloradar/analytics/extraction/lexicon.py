"""Lexical evidence: lemmatised skill labels found in text, by looking up the text's word n-grams
in one dictionary per language (no automaton to build: a stored lexicon loads in milliseconds).

Dutch forms and Dutch text have their compounds split first (compounds.py), so "klantcontact"
in a text meets "klant contact" in a label."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import simplemma

from lloradar.analytics.extraction.compounds import split_compound

_TOKEN = re.compile(r"\w+(?:[+#]+|\.\w+)*", re.UNICODE)
MIN_FORM_CHARS = 4
MAX_FORM_TOKENS = 8
# Labels that are also everyday words: as a single word in a text they are not evidence.
_TOO_GENERIC = frozenset(
    "work communication management English Dutch Nederlands Engels team sales service".lower().split()
)


@lru_cache(maxsize=200_000)
def lemma(token: str, lang: str) -> str:
    return simplemma.lemmatize(token, lang=lang).lower()


def lemmas(text: str, lang: str) -> list[tuple[str, int, int]]:
    """(lemma, start, end) of each word of `text`; a Dutch compound gives one lemma per part,
    each with the span of the whole word."""
    result: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0).lower()
        parts = split_compound(word) if lang == "nl" else (word,)
        result.extend((lemma(part, lang), m.start(), m.end()) for part in parts)
    return result


def form_key(form: str, lang: str) -> str:
    """The lookup key of a label: its lemmas joined by single spaces."""
    return " ".join(word for word, _, _ in lemmas(form, lang))


class Form(NamedTuple):
    """One lemmatised surface form of a skill: its preferred label or an alternative one (a
    named tuple: a stored index makes about a hundred thousand of them at start-up)."""

    skill: str
    lang: str
    preferred: bool
    key: str


def skill_forms(skill: str, labels: Iterable[tuple[str, str, bool]]) -> list[Form]:
    """The usable forms of one skill from (label, language, is preferred): generic single words
    and forms under four characters are left out."""
    forms = []
    for label, lang, preferred in labels:
        key = form_key(label, lang)
        n_tokens = key.count(" ") + 1
        if len(key) < MIN_FORM_CHARS or n_tokens > MAX_FORM_TOKENS:
            continue
        if n_tokens == 1 and key in _TOO_GENERIC:
            continue
        forms.append(Form(skill, lang, preferred, key))
    return forms


@dataclass(frozen=True, slots=True)
class Hit:
    skill: str
    start: int
    end: int
    tokens: int
    preferred: bool


class Lexicon:
    """Forms of skills per language; `find` returns every form present in a text."""

    def __init__(self, forms: Iterable[Form]) -> None:
        self.keys: dict[str, dict[str, list[tuple[str, bool]]]] = {}
        for skill, lang, preferred, key in forms:
            by_key = self.keys.get(lang)
            if by_key is None:
                by_key = self.keys[lang] = {}
            found = by_key.get(key)
            if found is None:
                by_key[key] = [(skill, preferred)]
            else:
                found.append((skill, preferred))
        self.longest = 1 + max(
            (key.count(" ") for by_key in self.keys.values() for key in by_key), default=0
        )

    def find(self, text: str, lang: str) -> list[Hit]:
        keys = self.keys.get(lang)
        if not keys:
            return []
        words = lemmas(text, lang)
        hits: list[Hit] = []
        for first in range(len(words)):
            key = ""
            for last in range(first, min(first + self.longest, len(words))):
                key = words[last][0] if last == first else f"{key} {words[last][0]}"
                for skill, preferred in keys.get(key, ()):
                    n = last - first + 1
                    hits.append(Hit(skill, words[first][1], words[last][2], n, preferred))
        return hits
