"""Skill extraction: Dutch or English text -> ranked ESCO skills with a score and a span.

Evidence, each measured in bench/bench_extraction.py:
1. fragments: the text is cleaned, boilerplate sentences (offer, company blurb, procedure) are
   dropped, and sentences are cut into clauses;
2. semantic: every fragment is embedded with a multilingual encoder and compared with every
   skill vector (Dutch text reaches English-only skills this way);
3. lexical: lemmatised labels and alternative labels (English, and Dutch where ESCO has them)
   found in the text, Dutch compounds split into their words (compounds.py). The encoder reads
   Dutch compounds whole: splitting them for it (`split_dutch`) measured no better on the
   Dutch dev set (R-P@5 0.3825 split, 0.3875 whole);
4. priors: how many occupations name the skill, its ESCO reuse level and kind.
The top skills by cosine and the lexical finds are candidates; a learned linear ranker over
their features (ranking.py, weights in ranker_weights.py) orders them. A match's `score` stays
the evidence score (best cosine plus a bonus for a label in the text), on the scale that
thresholds downstream were measured on. Only skills of the taxonomy given to the extractor can
come out: no URI is ever made up.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from lloradar.analytics.extraction.compounds import split_compounds
from lloradar.analytics.extraction.embeddings import Encoder, UniversalSentenceEncoder, Vectors
from lloradar.analytics.extraction.index import (
    SkillEntry,
    SkillIndex,
    StoredSkill,
    build_index,
    embed_skills,
    skill_texts,
)
from lloradar.analytics.extraction.lexicon import Form, Lexicon, lemmas, skill_forms
from lloradar.analytics.extraction.ranker_weights import RANKER
from lloradar.analytics.extraction.ranking import (
    BASELINE,
    LexicalEvidence,
    LinearRanker,
    Matrix,
    candidate_features,
    skill_priors,
)
from lloradar.analytics.extraction.text import clean, detect_language, fragments

CHUNK = 512
CLAUSE_WEIGHT = 0.5
CANDIDATES = 50

__all__ = [
    "RANKER",
    "Candidates",
    "Encoder",
    "Extractor",
    "LinearRanker",
    "SkillEntry",
    "SkillIndex",
    "SkillMatch",
    "StoredSkill",
    "UniversalSentenceEncoder",
    "build_index",
    "embed_skills",
    "skill_texts",
]


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


@dataclass(frozen=True, slots=True)
class Candidates:
    """The candidate skills of one text (indices into the extractor's entries), their
    features, evidence scores and spans: what the ranker orders, and what training reads."""

    skills: list[int]
    features: Matrix
    evidence: list[float]
    spans: list[str]


class Extractor:
    """Built once over a taxonomy (its index precomputed, see index.py), used for many texts."""

    def __init__(
        self,
        entries: Sequence[SkillEntry],
        encoder: Encoder | None = None,
        skill_vectors: Vectors | None = None,
        *,
        forms: Sequence[Form] | None = None,
        ranker: LinearRanker | None = None,
        strip_boilerplate: bool = True,
        use_lexicon: bool = True,
        use_fragments: bool = True,
        split_dutch: bool = False,
    ) -> None:
        self.entries = list(entries)
        self.encoder = encoder or UniversalSentenceEncoder()
        self.vectors = (
            skill_vectors if skill_vectors is not None else embed_skills(entries, self.encoder)
        )
        self.index = {e.uri: i for i, e in enumerate(self.entries)}
        if forms is None:
            forms = [f for e in self.entries for f in skill_forms(e.uri, e.labels())]
        self.lexicon = Lexicon(forms) if use_lexicon else None
        self.label_words: list[dict[str, frozenset[str]]] = [{} for _ in self.entries]
        for form in forms:
            if form.preferred and form.skill in self.index:
                words = frozenset(w for w in form.key.split() if len(w) > 2)
                self.label_words[self.index[form.skill]][form.lang] = words
        self.priors = skill_priors(
            [e.frequency for e in self.entries],
            [e.reuse for e in self.entries],
            [e.kind for e in self.entries],
        )
        self.n_label_words = [len(e.label_en.split()) for e in self.entries]
        self.ranker = ranker or RANKER
        self.strip_boilerplate = strip_boilerplate
        self.use_fragments = use_fragments
        self.split_dutch = split_dutch

    @classmethod
    def from_index(
        cls,
        entries: Sequence[SkillEntry],
        index: SkillIndex,
        encoder: Encoder | None = None,
        **options: Any,
    ) -> Extractor:
        return cls(entries, encoder, index.vectors, forms=index.forms, **options)

    def with_ranker(self, ranker: LinearRanker) -> Extractor:
        """The same extractor ordering its candidates by another ranker (for comparisons)."""
        other = copy.copy(self)
        other.ranker = ranker
        return other

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
        languages = [detect_language(clean(t)) if lang == "auto" else lang for t in texts]
        results: list[list[SkillMatch]] = []
        for found, language in zip(
            self.candidates(texts, lang, max(top, CANDIDATES)), languages, strict=True
        ):
            if top <= 0 or not found.skills:
                results.append([])
                continue
            scores = self.ranker.score(found.features)
            order = np.argsort(-scores, kind="stable")[:top]
            results.append(
                [
                    SkillMatch(
                        self.entries[found.skills[i]].uri,
                        self.label(self.entries[found.skills[i]].uri, language),
                        found.evidence[i],
                        found.spans[i],
                    )
                    for i in order.tolist()
                ]
            )
        return results

    def candidates(
        self, texts: Sequence[str], lang: str = "auto", k: int = CANDIDATES
    ) -> list[Candidates]:
        """The `k` skills of highest cosine in each text and every skill with a label in it,
        with their features, in input order."""
        cleaned = [clean(t) for t in texts]
        languages = [detect_language(t) if lang == "auto" else lang for t in cleaned]
        per_text = [self._fragments(t) for t in cleaned]
        results: list[Candidates] = []
        batch: list[int] = []
        for i in range(len(texts) + 1):
            size = sum(len(per_text[j]) for j in batch)
            if batch and (i == len(texts) or size + len(per_text[i]) > CHUNK):
                results.extend(
                    self._batch(
                        [cleaned[j] for j in batch],
                        [per_text[j] for j in batch],
                        [languages[j] for j in batch],
                        k,
                    )
                )
                batch = []
            if i < len(texts):
                batch.append(i)
        return results

    def _batch(
        self,
        texts: list[str],
        per_text: list[list[tuple[str, int]]],
        languages: list[str],
        k: int,
    ) -> list[Candidates]:
        """One matrix product for the fragments of several texts (it is memory-bound)."""
        flat = [
            split_compounds(f) if self.split_dutch and language == "nl" else f
            for frs, language in zip(per_text, languages, strict=True)
            for f, _ in frs
        ]
        if not flat:
            return [Candidates([], np.zeros((0, 0)), [], []) for _ in texts]
        offsets = np.cumsum([0, *(len(frs) for frs in per_text)])
        parents = np.concatenate(
            [
                np.array([p for _, p in frs], dtype=np.int64) + offsets[j]
                for j, frs in enumerate(per_text)
                if frs
            ]
        )
        # a fragment met before in the batch (a repeated line of boilerplate) is embedded once
        unique = list(dict.fromkeys(flat))
        where = {fragment: i for i, fragment in enumerate(unique)}
        vectors = self.encoder(unique)[[where[fragment] for fragment in flat]]
        scores = self._scores(vectors, parents)
        return [
            self._candidates(frs, scores[offsets[j] : offsets[j + 1]], language, k)
            for j, (frs, language) in enumerate(zip(per_text, languages, strict=True))
        ]

    def _scores(self, vectors: Vectors, parents: Any) -> Vectors:
        """Cosine of each fragment with every skill; a clause is read in the context of its
        sentence (the mean of both scores)."""
        scores: Vectors = vectors @ self.vectors.T
        is_clause = parents != np.arange(len(parents))
        if is_clause.any():
            context = scores[parents[is_clause]]
            scores[is_clause] = CLAUSE_WEIGHT * scores[is_clause] + (1 - CLAUSE_WEIGHT) * context
        return scores

    def _lexical(self, text: str, lang: str) -> dict[int, tuple[LexicalEvidence, str]]:
        found: dict[int, tuple[LexicalEvidence, str]] = {}
        if self.lexicon is None:
            return found
        for language in dict.fromkeys((lang, "en")):
            for hit in self.lexicon.find(text, language):
                i = self.index[hit.skill]
                known = found.get(i)
                if known is None or (hit.tokens, hit.preferred) > (
                    known[0].tokens,
                    known[0].preferred,
                ):
                    span = text[hit.start : hit.end]
                    found[i] = (LexicalEvidence(hit.preferred, hit.tokens), span)
        return found

    def _overlap(self, text: str, lang: str, skills: Sequence[int]) -> list[float]:
        """Share of each skill's preferred-label words that the text holds (in either of its
        languages)."""
        words = {language: {w for w, _, _ in lemmas(text, language)} for language in {lang, "en"}}
        shares = []
        for skill in skills:
            best = 0.0
            for language, label in self.label_words[skill].items():
                if label and language in words:
                    best = max(best, len(label & words[language]) / len(label))
            shares.append(best)
        return shares

    def _candidates(
        self, parts: list[tuple[str, int]], scores: Vectors, lang: str, k: int
    ) -> Candidates:
        if not parts:
            return Candidates([], np.zeros((0, 0)), [], [])
        frs = [f for f, _ in parts]
        best = scores.max(axis=0)
        where = scores.argmax(axis=0)
        kept = " \n ".join(frs)
        lexical = self._lexical(kept, lang)
        if k < len(best):
            top = np.argpartition(-best, k)[:k]
            top = top[np.argsort(-best[top], kind="stable")]
        else:
            top = np.argsort(-best, kind="stable")
        chosen = list(dict.fromkeys([*top.tolist(), *sorted(lexical, key=lambda i: -best[i])]))
        skills = np.asarray(chosen, dtype=np.int64)
        evidence = {i: LexicalEvidence(e.preferred, e.tokens) for i, (e, _) in lexical.items()}
        features = candidate_features(
            best,
            skills,
            self.priors,
            evidence,
            self._overlap(kept, lang, chosen),
            self.n_label_words,
        )
        return Candidates(
            chosen,
            features,
            [float(x) for x in BASELINE.score(features)],
            [lexical[i][1] if i in lexical else frs[where[i]] for i in chosen],
        )
