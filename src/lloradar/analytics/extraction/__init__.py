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
CLAUSE_WEIGHT = 0.5

__all__ = [
    "Encoder",
    "Extractor",
    "SkillEntry",
    "SkillMatch",
    "UniversalSentenceEncoder",
    "embed_skills",
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
    """What is embedded per skill: its preferred label and its alternative labels."""
    return [form for e in entries for form in (e.label_en, *e.alt_en)]


def embed_skills(entries: Sequence[SkillEntry], encoder: Encoder) -> Vectors:
    """One vector per skill: the mean of its label's vector and the centroid of its
    alternative labels' vectors, normalised (measured: better than the label alone)."""
    vectors = encoder(skill_texts(entries))
    result = np.empty((len(entries), vectors.shape[1]), dtype=np.float32)
    row = 0
    for i, entry in enumerate(entries):
        label, alternatives = vectors[row], vectors[row + 1 : row + 1 + len(entry.alt_en)]
        row += 1 + len(entry.alt_en)
        mixed = 0.5 * label + 0.5 * alternatives.mean(axis=0) if len(alternatives) else label
        result[i] = mixed / max(float(np.linalg.norm(mixed)), 1e-9)
    return result


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
            skill_vectors if skill_vectors is not None else embed_skills(entries, self.encoder)
        )
        self.index = {e.uri: i for i, e in enumerate(self.entries)}
        self.lexicon = Lexicon(f for e in self.entries for f in e.forms()) if use_lexicon else None
        self.strip_boilerplate = strip_boilerplate
        self.use_fragments = use_fragments

    def label(self, uri: str, lang: str) -> str:
        entry = self.entries[self.index[uri]]
        return (entry.label_nl or entry.label_en) if lang == "nl" else entry.label_en

    def _fragments(self, text: str) -> list[tuple[str, int]]:
        if not self.use_fragments:
            return [(text, 0)] if text.strip() else []
        return fragments(text, strip_boilerplate=self.strip_boilerplate)

    def extract(
        self, texts: Sequence[str], lang: str = "auto", top: int = 5
    ) -> list[list[SkillMatch]]:
        """Ranked skills per text, in input order; an empty or wordless text gives []."""
        cleaned = [clean(t) for t in texts]
        per_text = [self._fragments(t) for t in cleaned]
        results: list[list[SkillMatch]] = []
        batch: list[int] = []
        for i in range(len(texts) + 1):
            size = sum(len(per_text[j]) for j in batch)
            if batch and (i == len(texts) or size + len(per_text[i]) > CHUNK):
                results.extend(
                    self._batch(
                        [cleaned[j] for j in batch], [per_text[j] for j in batch], lang, top
                    )
                )
                batch = []
            if i < len(texts):
                batch.append(i)
        return results

    def _batch(
        self, texts: list[str], per_text: list[list[tuple[str, int]]], lang: str, top: int
    ) -> list[list[SkillMatch]]:
        """One matrix product for the fragments of several texts (it is memory-bound)."""
        flat = [f for frs in per_text for f, _ in frs]
        if not flat:
            return [[] for _ in texts]
        offsets = np.cumsum([0, *(len(frs) for frs in per_text)])
        parents = np.concatenate(
            [
                np.array([p for _, p in frs], dtype=np.int64) + offsets[k]
                for k, frs in enumerate(per_text)
                if frs
            ]
        )
        scores = self._scores(self.encoder(flat), parents)
        results = []
        for k, (text, frs) in enumerate(zip(texts, per_text, strict=True)):
            language = detect_language(text) if lang == "auto" else lang
            rows = scores[offsets[k] : offsets[k + 1]]
            results.append(self._rank(frs, rows, language, top))
        return results

    def _scores(self, vectors: Vectors, parents: Any) -> Vectors:
        """Cosine of each fragment with every skill; a clause is read in the context of its
        sentence (the mean of both scores)."""
        scores: Vectors = vectors @ self.vectors.T
        is_clause = parents != np.arange(len(parents))
        if is_clause.any():
            context = scores[parents[is_clause]]
            scores[is_clause] = CLAUSE_WEIGHT * scores[is_clause] + (1 - CLAUSE_WEIGHT) * context
        return scores

    def _rank(
        self, parts: list[tuple[str, int]], scores: Vectors, lang: str, top: int
    ) -> list[SkillMatch]:
        if not parts or top <= 0:
            return []
        frs = [f for f, _ in parts]
        best = scores.max(axis=0)
        where = scores.argmax(axis=0)
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
        if top < len(best):
            candidates = np.argpartition(-best, top)[:top]
            order = candidates[np.argsort(-best[candidates], kind="stable")]
        else:
            order = np.argsort(-best, kind="stable")
        return [
            SkillMatch(
                self.entries[i].uri,
                self.label(self.entries[i].uri, lang),
                float(best[i]),
                spans.get(self.entries[i].uri, frs[where[i]]),
            )
            for i in order
        ]
