"""Occupation similarity and transitions, in the spirit of Nesta's Career Causeways.

similarity(a -> b) = 0.5 * essential coverage + 0.25 * skill overlap + 0.25 * description
similarity, where
- essential coverage: the share of b's essential skills that a already has (essential or
  optional), so the measure is asymmetric like a career move;
- skill overlap: Jaccard index of all skills (essential and optional) of a and b;
- description similarity: cosine of TF-IDF vectors of the ESCO descriptions.
A move is "viable" from 0.30 and "highly viable" from 0.40, and by default a suggestion stays
within one ILO skill level (from the ISCO-08 major group) of the origin.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

from lloradar.taxonomy.concepts import isco_skill_level

WEIGHTS = (0.5, 0.25, 0.25)
VIABLE = 0.30
HIGHLY_VIABLE = 0.40
TOKEN = re.compile(r"[a-z][a-z]+")
STOP_WORDS = frozenset(
    [
        "and",
        "the",
        "for",
        "with",
        "from",
        "that",
        "this",
        "are",
        "was",
        "were",
        "their",
        "they",
        "them",
        "such",
        "other",
        "into",
        "use",
        "used",
        "using",
        "also",
        "may",
        "can",
        "all",
        "any",
        "its",
        "has",
        "have",
        "not",
        "but",
        "who",
        "which",
        "when",
        "where",
        "how",
        "what",
        "out",
        "per",
        "within",
        "about",
        "between",
        "under",
        "over",
        "through",
        "including",
        "include",
        "includes",
    ]
)

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class OccupationProfile:
    uri: str
    label: str
    description: str
    isco_code: str | None
    essential: tuple[str, ...]
    optional: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A destination occupation, with the components of its similarity and what explains it."""

    uri: str
    label: str
    similarity: float
    essential_coverage: float
    skill_overlap: float
    description_similarity: float
    shared_skills: tuple[tuple[str, str], ...]
    missing_skills: tuple[tuple[str, str], ...]

    @property
    def viability(self) -> str:
        if self.similarity >= HIGHLY_VIABLE:
            return "highly viable"
        return "viable" if self.similarity >= VIABLE else "not viable"

    def as_dict(self) -> dict[str, Any]:
        """The CLI/API contract: uri, label, similarity, shared_skills, missing_skills."""
        return {
            "uri": self.uri,
            "label": self.label,
            "similarity": round(self.similarity, 4),
            "shared_skills": [{"uri": u, "label": label} for u, label in self.shared_skills],
            "missing_skills": [{"uri": u, "label": label} for u, label in self.missing_skills],
        }


def tokens(text: str) -> list[str]:
    return [t for t in TOKEN.findall(text.lower()) if t not in STOP_WORDS]


def tfidf(descriptions: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (smooth idf, as scikit-learn's TfidfVectorizer)."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    values: list[int] = []
    for row, text in enumerate(descriptions):
        counts: dict[int, int] = {}
        for token in tokens(text):
            column = vocabulary.setdefault(token, len(vocabulary))
            counts[column] = counts.get(column, 0) + 1
        rows.extend([row] * len(counts))
        cols.extend(counts)
        values.extend(counts.values())
    shape = (len(descriptions), max(len(vocabulary), 1))
    matrix = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), (rows, cols)), shape=shape, dtype=np.float32
    )
    document_frequency = np.bincount(matrix.indices, minlength=shape[1])
    idf = np.log((1 + shape[0]) / (1 + document_frequency)) + 1
    matrix = matrix.multiply(idf.astype(np.float32)).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix(sparse.diags((1 / norms).astype(np.float32)) @ matrix)


class SimilarityModel:
    """The occupation-skill graph as sparse matrices, built once, queried many times."""

    def __init__(
        self, occupations: Sequence[OccupationProfile], skill_labels: dict[str, str]
    ) -> None:
        self.occupations = list(occupations)
        self.index = {o.uri: i for i, o in enumerate(self.occupations)}
        self.skill_labels = skill_labels
        skills = sorted({s for o in occupations for s in (*o.essential, *o.optional)})
        self.skill_index = {s: i for i, s in enumerate(skills)}
        self.essential = self._incidence([o.essential for o in occupations])
        self.all_skills = self._incidence([(*o.essential, *o.optional) for o in occupations])
        self.n_essential = np.asarray(self.essential.sum(axis=1)).ravel()
        self.n_all = np.asarray(self.all_skills.sum(axis=1)).ravel()
        self.descriptions = tfidf([o.description for o in occupations])
        self.levels = np.array(
            [isco_skill_level(o.isco_code) or 0 for o in occupations], dtype=np.int8
        )

    def _incidence(self, skill_sets: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        rows, cols = [], []
        for row, skills in enumerate(skill_sets):
            for column in {self.skill_index[s] for s in skills}:
                rows.append(row)
                cols.append(column)
        data = np.ones(len(rows), dtype=np.float32)
        shape = (len(skill_sets), max(len(self.skill_index), 1))
        return sparse.csr_matrix((data, (rows, cols)), shape=shape, dtype=np.float32)

    def components(self, origins: slice | Sequence[int]) -> tuple[Matrix, Matrix, Matrix]:
        """Essential coverage, skill overlap and description similarity from the given origin
        rows to every occupation (dense: origins x occupations)."""
        origin_all = self.all_skills[origins]
        coverage = (origin_all @ self.essential.T).toarray()
        coverage /= np.maximum(self.n_essential, 1)[None, :]
        shared = (origin_all @ self.all_skills.T).toarray()
        union = self.n_all[origins][:, None] + self.n_all[None, :] - shared
        overlap = shared / np.maximum(union, 1)
        described = (self.descriptions[origins] @ self.descriptions.T).toarray()
        return coverage.astype(np.float32), overlap.astype(np.float32), described

    def all_pairs(self) -> Matrix:
        """The similarity of every ordered pair of occupations (row = origin)."""
        coverage, overlap, described = self.components(slice(None))
        w_cov, w_overlap, w_described = WEIGHTS
        total: Matrix = w_cov * coverage + w_overlap * overlap + w_described * described
        return total.astype(np.float32)

    def similar(self, uri: str, top: int = 20, max_level_gap: int | None = 1) -> list[Suggestion]:
        """The `top` most similar other occupations, best first, explained."""
        if uri not in self.index:
            raise LookupError(f"{uri!r} is not an ESCO occupation of the imported taxonomy")
        origin = self.index[uri]
        coverage, overlap, described = (m[0] for m in self.components([origin]))
        w_cov, w_overlap, w_described = WEIGHTS
        score = w_cov * coverage + w_overlap * overlap + w_described * described
        score[origin] = -math.inf
        if max_level_gap is not None and self.levels[origin]:
            gap = np.abs(self.levels.astype(np.int16) - int(self.levels[origin]))
            score[(self.levels > 0) & (gap > max_level_gap)] = -math.inf
        candidates = [i for i in np.argsort(-score, kind="stable")[:top] if score[i] > -math.inf]
        return [
            self._explain(origin, int(i), float(score[i]), coverage, overlap, described)
            for i in candidates
        ]

    def _explain(
        self,
        origin: int,
        target: int,
        score: float,
        coverage: Matrix,
        overlap: Matrix,
        described: Matrix,
    ) -> Suggestion:
        source, destination = self.occupations[origin], self.occupations[target]
        have = set(source.essential) | set(source.optional)
        wanted = list(dict.fromkeys((*destination.essential, *destination.optional)))
        shared = [s for s in wanted if s in have]
        missing = [s for s in dict.fromkeys(destination.essential) if s not in have]
        return Suggestion(
            destination.uri,
            destination.label,
            score,
            float(coverage[target]),
            float(overlap[target]),
            float(described[target]),
            tuple((s, self.skill_labels.get(s, s)) for s in shared),
            tuple((s, self.skill_labels.get(s, s)) for s in missing),
        )
