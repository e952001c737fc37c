"""Learning to rank: the features of a (text, candidate skill) pair, and the linear model over
them whose weights bench/train_extraction_ranker.py learns (ranker_weights.py).

Candidates are the skills with the highest embedding score in a text plus every skill with a
label in it; each gets the features below, and the model's score orders them."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]

FEATURES = (
    "cosine",  # best fragment's cosine with the skill vector
    "cosine_gap",  # cosine minus the text's best cosine (0 for the best skill)
    "log_rank",  # log(1 + rank of the skill by cosine in the text)
    "preferred_label",  # the preferred label is in the text (lemmatised)
    "alternative_label",  # only an alternative label is
    "label_tokens",  # words of the longest label found (0..3)
    "word_overlap",  # share of the preferred label's words in the text
    "frequency",  # log(1 + occupations that name the skill), scaled to 0..1
    "transversal",  # ESCO reuse levels (occupation-specific is the base)
    "cross_sector",
    "sector_specific",
    "knowledge",  # a knowledge concept, not a skill/competence
    "label_words",  # words in the preferred label, up to 6, / 6
)
REUSE = {"transversal": 8, "cross-sector": 9, "sector-specific": 10}
_NAMED = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True, slots=True)
class LinearRanker:
    """score = weights · features + bias; trained pairwise, so the score orders candidates
    within one text (its scale is that of a logistic model's log-odds)."""

    weights: tuple[float, ...]
    bias: float = 0.0

    def score(self, features: Matrix) -> npt.NDArray[np.float64]:
        result: npt.NDArray[np.float64] = features @ np.asarray(self.weights) + self.bias
        return result

    @classmethod
    def from_mapping(cls, values: Mapping[str, float], bias: float = 0.0) -> LinearRanker:
        """Weights by feature name (a missing name weighs 0)."""
        return cls(tuple(float(values.get(name, 0.0)) for name in FEATURES), bias)


BASELINE = LinearRanker.from_mapping(
    # The hand-set rule before learning to rank: cosine plus a bonus for a label in the text.
    {"cosine": 1.0, "preferred_label": 0.15, "alternative_label": 0.15, "label_tokens": 0.05}
)


def skill_priors(frequencies: Sequence[int], reuse: Sequence[str], kinds: Sequence[str]) -> Matrix:
    matrix = np.zeros((len(frequencies), len(FEATURES)))
    top = math.log1p(max(frequencies, default=0) or 1)
    for i, (n, level, kind) in enumerate(zip(frequencies, reuse, kinds, strict=True)):
        matrix[i, _NAMED["frequency"]] = math.log1p(n) / top
        if level in REUSE:
            matrix[i, REUSE[level]] = 1.0
        matrix[i, _NAMED["knowledge"]] = 1.0 if kind == "knowledge" else 0.0
    return matrix


@dataclass(frozen=True, slots=True)
class LexicalEvidence:
    """What the lexicon found for one candidate skill."""

    preferred: bool
    tokens: int


def candidate_features(
    cosines: npt.NDArray[np.float32],
    candidates: npt.NDArray[np.int64],
    priors: Matrix,
    lexical: Mapping[int, LexicalEvidence],
    overlap: Sequence[float],
    label_words: Sequence[int],
) -> Matrix:
    """The feature matrix of `candidates` (skill indices) of one text; `cosines` holds the
    text's cosine with every skill."""
    features = priors[candidates].copy()
    chosen = cosines[candidates].astype(np.float64)
    best = float(cosines.max()) if len(cosines) else 0.0
    # candidates come as the top-k by cosine first (in order), then lexical finds below them
    ranks = np.empty(len(candidates))
    ranks[np.argsort(-chosen, kind="stable")] = np.arange(len(candidates))
    features[:, _NAMED["cosine"]] = chosen
    features[:, _NAMED["cosine_gap"]] = chosen - best
    features[:, _NAMED["log_rank"]] = np.log1p(ranks)
    for row, skill in enumerate(candidates.tolist()):
        evidence = lexical.get(skill)
        if evidence is not None:
            name = "preferred_label" if evidence.preferred else "alternative_label"
            features[row, _NAMED[name]] = 1.0
            features[row, _NAMED["label_tokens"]] = min(evidence.tokens, 3)
        features[row, _NAMED["word_overlap"]] = overlap[row]
        features[row, _NAMED["label_words"]] = min(label_words[skill], 6) / 6
    return features
