"""Skill extraction: Dutch or English text -> ranked ESCO skills with a score and a span.

Three kinds of evidence, each measured in bench/bench_extraction.py:
1. fragments: the text is cleaned, boilerplate sentences (offer, company blurb, procedure) are
   dropped, and sentences are cut into clauses;
2. semantic: every fragment is embedded with a multilingual encoder and compared with every
   skill label (Dutch text reaches English-only skills this way);
3. lexical: lemmatised labels and alternative labels (English, and Dutch where ESCO has them)
   found verbatim add a bonus.
A skill's score is its best fragment's cosine plus the lexical bonus. Only skills of the
taxonomy given to the extractor can come out: no URI is ever made up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from lloradar.analytics.extraction.embeddings import Encoder, UniversalSentenceEncoder, Vectors
from lloradar.analytics.extraction.lexicon import Lexicon
from lloradar.analytics.extraction.text import clean, detect_language, fragments

LEXICAL_BONUS = 0.15
MULTI_WORD_BONUS = 0.05
CHUNK = 512

__all__ = [
    "Encoder",
    "Extractor",
    "SkillEntry",
    "SkillMatch",
    "UniversalSentenceEncoder",
    "skill_texts",
]


@dataclass(frozen=True, slots=True)
class SkillEntry:
    uri: str
    label_en: str
    label_nl: str | None = None
    alt_en: tuple[str, ...] = ()
    alt_nl: tuple[str, ...] = ()
    description: str = ""

    def forms(self) -> list[tuple[str, str, str]]:
        english = [(self.uri, form, "en") for form in (self.label_en, *self.alt_en)]
        dutch = [(self.uri, form, "nl") for form in (self.label_nl or "", *self.alt_nl) if form]
        return english + dutch


@dataclass(frozen=True, slots=True)
class SkillMatch:
    uri: str
    label: str
    score: float
    span: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "uri": self.uri,
            "label": self.label,
            "score": round(self.score, 4),
            "span": self.span,
        }


def skill_texts(entries: Sequence[SkillEntry]) -> list[str]:
    """What is embedded per skill: its preferred label."""
    return [e.label_en for e in entries]


class Extractor:
    """Built once over a taxonomy (embedding it is the one-off cost), used for many texts."""

    def __init__(
        self,
        entries: Sequence[SkillEntry],
        encoder: Encoder | None = None,
        skill_vectors: Vectors | None = None,
        *,
        strip_boilerplate: bool = True,
        use_lexicon: bool = True,
        use_fragments: bool = True,
    ) -> None:
        self.entries = list(entries)
        self.encoder = encoder or UniversalSentenceEncoder()
        self.vectors = (
            skill_vectors if skill_vectors is not None else self.encoder(skill_texts(entries))
        )
        self.index = {e.uri: i for i, e in enumerate(self.entries)}
        self.lexicon = Lexicon(f for e in self.entries for f in e.forms()) if use_lexicon else None
        self.strip_boilerplate = strip_boilerplate
        self.use_fragments = use_fragments

    def label(self, uri: str, lang: str) -> str:
        entry = self.entries[self.index[uri]]
        return (entry.label_nl or entry.label_en) if lang == "nl" else entry.label_en

    def _fragments(self, text: str) -> list[str]:
        if not self.use_fragments:
            return [text] if text.strip() else []
        return fragments(text, strip_boilerplate=self.strip_boilerplate)

    def extract(
        self, texts: Sequence[str], lang: str = "auto", top: int = 5
    ) -> list[list[SkillMatch]]:
        """Ranked skills per text, in input order; an empty or wordless text gives []."""
        cleaned = [clean(t) for t in texts]
        per_text = [self._fragments(t) for t in cleaned]
        flat = [f for frs in per_text for f in frs]
        vectors = self.encoder(flat) if flat else np.zeros((0, self.vectors.shape[1]), np.float32)
        results: list[list[SkillMatch]] = []
        offset = 0
        for text, frs in zip(cleaned, per_text, strict=True):
            language = detect_language(text) if lang == "auto" else lang
            results.append(
                self._rank(text, frs, vectors[offset : offset + len(frs)], language, top)
            )
            offset += len(frs)
        return results

    def _rank(
        self, text: str, frs: list[str], vectors: Vectors, lang: str, top: int
    ) -> list[SkillMatch]:
        if not frs or top <= 0:
            return []
        best = np.full(len(self.entries), -1.0, dtype=np.float32)
        where = np.zeros(len(self.entries), dtype=np.int32)
        for start in range(0, len(frs), CHUNK):
            scores = vectors[start : start + CHUNK] @ self.vectors.T
            chunk_best = scores.max(axis=0)
            better = chunk_best > best
            where[better] = scores.argmax(axis=0)[better] + start
            best = np.maximum(best, chunk_best)
        spans = {}
        if self.lexicon is not None:
            languages = {lang, "en"}
            kept = " \n ".join(frs)
            for language in languages:
                for hit in self.lexicon.find(kept, language):
                    i = self.index[hit.skill]
                    bonus = LEXICAL_BONUS + MULTI_WORD_BONUS * min(hit.tokens - 1, 2)
                    if hit.skill not in spans:
                        best[i] += bonus
                        spans[hit.skill] = kept[hit.start : hit.end]
        order = np.argsort(-best, kind="stable")[:top]
        return [
            SkillMatch(
                self.entries[i].uri,
                self.label(self.entries[i].uri, lang),
                float(best[i]),
                spans.get(self.entries[i].uri, frs[where[i]]),
            )
            for i in order
        ]
