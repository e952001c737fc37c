"""Lexical evidence: lemmatised skill labels found in text with one Aho-Corasick automaton."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
import simplemma

_TOKEN = re.compile(r"\w+(?:[+#]+|\.\w+)*", re.UNICODE)
MIN_FORM_CHARS = 4
# Labels that are also everyday words: as a single word in a text they are not evidence.
_TOO_GENERIC = frozenset(
    "work communication management English Dutch Nederlands Engels team sales service".lower().split()
)


@lru_cache(maxsize=200_000)
def lemma(token: str, lang: str) -> str:
    return simplemma.lemmatize(token, lang=lang).lower()


def lemmatised(text: str, lang: str) -> tuple[str, list[tuple[int, int]]]:
    """' lemma lemma ... ' and the (start, end) in `text` of each token."""
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [lemma(text[a:b].lower(), lang) for a, b in spans]
    return " " + " ".join(words) + " ", spans


@dataclass(frozen=True, slots=True)
class Hit:
    skill: str
    start: int
    end: int
    tokens: int


class Lexicon:
    """Surface forms (label, alternative labels) of skills per language, lemmatised."""

    def __init__(self, forms: Iterable[tuple[str, str, str]]) -> None:
        """`forms` = (skill URI, form, language)."""
        self.automata: dict[str, ahocorasick.Automaton] = {}
        patterns: dict[str, dict[str, set[str]]] = {}
        for skill, form, lang in forms:
            key, _ = lemmatised(form, lang)
            n_tokens = key.count(" ") - 1
            if len(key.strip()) < MIN_FORM_CHARS or (n_tokens == 1 and key.strip() in _TOO_GENERIC):
                continue
            patterns.setdefault(lang, {}).setdefault(key, set()).add(skill)
        for lang, by_key in patterns.items():
            automaton = ahocorasick.Automaton()
            for key, skills in by_key.items():
                automaton.add_word(key, (key.count(" ") - 1, tuple(sorted(skills))))
            automaton.make_automaton()
            self.automata[lang] = automaton

    def find(self, text: str, lang: str) -> list[Hit]:
        automaton = self.automata.get(lang)
        if automaton is None:
            return []
        key, spans = lemmatised(text, lang)
        # token index of each character position of `key`: count spaces before it
        starts = [i for i, ch in enumerate(key) if ch == " "]
        hits: list[Hit] = []
        for end, (n_tokens, skills) in automaton.iter(key):
            last = _token_at(starts, end) - 1
            first = last - n_tokens + 1
            if first < 0 or last >= len(spans):
                continue
            start, stop = spans[first][0], spans[last][1]
            hits.extend(Hit(skill, start, stop, n_tokens) for skill in skills)
        return hits


def _token_at(space_positions: list[int], position: int) -> int:
    """How many spaces lie at or before `position` (the index of the token after it)."""
    low, high = 0, len(space_positions)
    while low < high:
        middle = (low + high) // 2
        if space_positions[middle] <= position:
            low = middle + 1
        else:
            high = middle
    return low - 1
