"""Occupation transitions, after Nesta's Career Causeways, explained by skills.

similarity(a -> b) is a weighted mean of components in [0, 1] (`COMPONENT_WEIGHTS`):
- **skills**: cosine of the idf-weighted skill profiles (essential 1, optional 0.5);
- **semantic**: the same cosine after each profile spreads to close skills (a shared skill
  group in the ESCO hierarchy, or near skill vectors), so near-identical skills count;
- **coverage** (the direction of the move): the share of b's essential skills that a has, a
  skill a only has close skills for counting in part (`transitions.soft_coverage`);
- **work**: cosine of the O*NET skill and knowledge profiles reached through the ESCO -> O*NET
  link; left out of the mean (the other weights renormalised) when either side has no link;
- **description**: cosine of TF-IDF vectors of the ESCO descriptions;
- **isco**: the share of the ISCO-08 code the two share from the start;
and, for the direction again, `JOB_ZONE_STEP` off per O*NET job zone that b is above a.
Weights were chosen on the dev part of bench/similarity_check_set.csv (see its SOURCE note).
A move is "viable" from 0.30 and "highly viable" from 0.40 (Career Causeways), and by default a
suggestion stays within one ILO skill level (from the ISCO-08 major group) of the origin.

`WEIGHTS` is the first, skills-only score (0.5 exact essential coverage + 0.25 Jaccard + 0.25
description), which `analytics.employer.recruit_from` still computes from this model's matrices.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

from lloradar.analytics import transitions as tr
from lloradar.analytics.text_vectors import STOP_WORDS, tfidf, tokens
from lloradar.analytics.transitions import WorkProfiles
from lloradar.taxonomy.concepts import isco_skill_level

__all__ = [
    "STOP_WORDS",
    "OccupationProfile",
    "SimilarityModel",
    "Suggestion",
    "WorkProfiles",
    "tfidf",
    "tokens",
]

WEIGHTS = (0.5, 0.25, 0.25)
COMPONENT_WEIGHTS: dict[str, float] = {
    "skills": 0.3,
    "semantic": 0.1,
    "coverage": 0.1,
    "work": 0.2,
    "description": 0.2,
    "isco": 0.1,
}
VIABLE = 0.30
HIGHLY_VIABLE = 0.40
JOB_ZONE_STEP = 0.02  # off the score per O*NET job zone up (more preparation needed)
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
    """A destination occupation, with the components of its similarity and what explains it:
    the skills both have, the essential skills to learn, and those of them the origin already
    has a close skill for (`near_skills`: (skill, label, close skill, its label))."""

    uri: str
    label: str
    similarity: float
    essential_coverage: float
    skill_overlap: float
    description_similarity: float
    shared_skills: tuple[tuple[str, str], ...]
    missing_skills: tuple[tuple[str, str], ...]
    semantic_similarity: float = 0.0
    work_similarity: float | None = None
    isco_proximity: float = 0.0
    near_skills: tuple[tuple[str, str, str, str], ...] = ()
    job_zone_step: float | None = None

    @property
    def viability(self) -> str:
        if self.similarity >= HIGHLY_VIABLE:
            return "highly viable"
        return "viable" if self.similarity >= VIABLE else "not viable"

    @property
    def components(self) -> dict[str, float | None]:
        return {
            "skills": round(self.skill_overlap, 4),
            "semantic": round(self.semantic_similarity, 4),
            "coverage": round(self.essential_coverage, 4),
            "work": None if self.work_similarity is None else round(self.work_similarity, 4),
            "description": round(self.description_similarity, 4),
            "isco": round(self.isco_proximity, 4),
            "job_zone_step": None if self.job_zone_step is None else round(self.job_zone_step, 2),
        }

    def as_dict(self) -> dict[str, Any]:
        """The CLI/API contract: uri, label, similarity, shared_skills, missing_skills; and,
        added later, viability, components (work is null without an O*NET link) and
        near_skills (missing skills the origin has a close skill for)."""
        return {
            "uri": self.uri,
            "label": self.label,
            "similarity": round(self.similarity, 4),
            "shared_skills": [{"uri": u, "label": label} for u, label in self.shared_skills],
            "missing_skills": [{"uri": u, "label": label} for u, label in self.missing_skills],
            "viability": self.viability,
            "components": self.components,
            "near_skills": [
                {"uri": u, "label": label, "close_to": {"uri": c, "label": close}}
                for u, label, c, close in self.near_skills
            ],
        }


@dataclass(frozen=True, slots=True)
class Components:
    """The components from some origins (rows) to every occupation (columns)."""

    skills: Matrix
    semantic: Matrix
    coverage: Matrix
    work: Matrix
    has_work: npt.NDArray[np.bool_]
    description: Matrix
    isco: Matrix
    zone_step: Matrix  # O*NET job zones up from origin to destination (0 when unknown)

    def score(self, weights: Mapping[str, float] = COMPONENT_WEIGHTS) -> Matrix:
        """The weighted mean, less `JOB_ZONE_STEP` per job zone up; `work` counts only where
        both ends have an O*NET profile."""
        rest = ("skills", "semantic", "coverage", "description", "isco")
        total = sum(weights[k] * getattr(self, k) for k in rest)
        base = sum(weights[k] for k in rest)
        with_work = (total + weights["work"] * self.work) / (base + weights["work"])
        mean = np.where(self.has_work, with_work, total / base)
        result: Matrix = np.maximum(mean - JOB_ZONE_STEP * self.zone_step, 0).astype(np.float32)
        return result


class SimilarityModel:
    """The occupation-skill graph as sparse matrices, built once, queried many times.

    `broader` (skill -> its broader skills and skill groups) and `skill_vectors` (rows in the
    order of `skill_order`) make near skills count; `work` adds O*NET profiles. All optional:
    without them the semantic component equals the skills component and work is left out."""

    def __init__(
        self,
        occupations: Sequence[OccupationProfile],
        skill_labels: dict[str, str],
        *,
        broader: Mapping[str, Sequence[str]] | None = None,
        skill_vectors: Matrix | None = None,
        skill_order: Sequence[str] | None = None,
        work: WorkProfiles | None = None,
    ) -> None:
        self.occupations = list(occupations)
        self.index = {o.uri: i for i, o in enumerate(self.occupations)}
        self.skill_labels = skill_labels
        skills = sorted({s for o in occupations for s in (*o.essential, *o.optional)})
        self.skills = skills
        self.skill_index = {s: i for i, s in enumerate(skills)}
        self.essential = self._incidence([o.essential for o in occupations])
        self.all_skills = self._incidence([(*o.essential, *o.optional) for o in occupations])
        self.n_essential = np.asarray(self.essential.sum(axis=1)).ravel()
        self.n_all = np.asarray(self.all_skills.sum(axis=1)).ravel()
        self.descriptions = tfidf([o.description for o in occupations])
        self.levels = np.array(
            [isco_skill_level(o.isco_code) or 0 for o in occupations], dtype=np.int8
        )
        self.close = tr.close_skills(
            skills, broader or {}, _vectors_for(skills, skill_vectors, skill_order)
        )
        weighted = tr.weighted_skills(self.essential, self.all_skills)
        self.profiles = weighted
        self.semantic_profiles = tr.normalise_rows(weighted @ self.close)
        self.reach = tr.soft_coverage(self.all_skills, self.essential, self.close)
        self.work, self.has_work, self.job_zones = tr.work_profiles(
            [o.uri for o in self.occupations], work
        )
        self.isco_keys = tr.isco_keys([o.isco_code for o in self.occupations])
        # the right-hand sides of the products, transposed once (not on every query)
        self._columns = {
            name: sparse.csr_matrix(matrix.T)
            for name, matrix in (
                ("essential", self.essential),
                ("skills", self.profiles),
                ("semantic", self.semantic_profiles),
                ("description", self.descriptions),
            )
        }

    def _incidence(self, skill_sets: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        rows, cols = [], []
        for row, skills in enumerate(skill_sets):
            for column in {self.skill_index[s] for s in skills}:
                rows.append(row)
                cols.append(column)
        data = np.ones(len(rows), dtype=np.float32)
        shape = (len(skill_sets), max(len(self.skill_index), 1))
        return sparse.csr_matrix((data, (rows, cols)), shape=shape, dtype=np.float32)

    def components(self, origins: slice | Sequence[int]) -> Components:
        """Every component from the given origin rows to every occupation (dense)."""
        rows = np.arange(len(self.occupations))[origins]
        columns = self._columns
        coverage = (self.reach[rows] @ columns["essential"]).toarray()
        coverage /= np.maximum(self.n_essential, 1)[None, :]
        has = self.has_work[rows][:, None] & self.has_work[None, :]
        return Components(
            skills=_dense(self.profiles[rows] @ columns["skills"]),
            semantic=_dense(self.semantic_profiles[rows] @ columns["semantic"]),
            coverage=np.minimum(coverage, 1).astype(np.float32),
            work=np.clip(self.work[rows] @ self.work.T, 0, 1).astype(np.float32),
            has_work=has,
            description=_dense(self.descriptions[rows] @ columns["description"]),
            isco=tr.isco_proximity(self.isco_keys, rows),
            zone_step=np.nan_to_num(
                np.maximum(self.job_zones[None, :] - self.job_zones[rows][:, None], 0)
            ).astype(np.float32),
        )

    def all_pairs(self, weights: Mapping[str, float] = COMPONENT_WEIGHTS) -> Matrix:
        """The similarity of every ordered pair of occupations (row = origin), in blocks of
        origins so the dense components stay small."""
        n = len(self.occupations)
        result = np.empty((n, n), dtype=np.float32)
        for start in range(0, n, 1024):
            block = slice(start, min(start + 1024, n))
            result[block] = self.components(block).score(weights)
        return result

    def similar(
        self,
        uri: str,
        top: int = 20,
        max_level_gap: int | None = 1,
        weights: Mapping[str, float] = COMPONENT_WEIGHTS,
    ) -> list[Suggestion]:
        """The `top` most similar other occupations, best first, explained."""
        if uri not in self.index:
            raise LookupError(f"{uri!r} is not an ESCO occupation of the imported taxonomy")
        origin = self.index[uri]
        parts = self.components([origin])
        score = parts.score(weights)[0].astype(np.float64)
        score[origin] = -math.inf
        if max_level_gap is not None and self.levels[origin]:
            gap = np.abs(self.levels.astype(np.int16) - int(self.levels[origin]))
            score[(self.levels > 0) & (gap > max_level_gap)] = -math.inf
        candidates = [i for i in np.argsort(-score, kind="stable")[:top] if score[i] > -math.inf]
        return [self._explain(origin, int(i), float(score[i]), parts) for i in candidates]

    def _explain(self, origin: int, target: int, score: float, parts: Components) -> Suggestion:
        source, destination = self.occupations[origin], self.occupations[target]
        have = set(source.essential) | set(source.optional)
        wanted = list(dict.fromkeys((*destination.essential, *destination.optional)))
        shared = [s for s in wanted if s in have]
        missing = [s for s in dict.fromkeys(destination.essential) if s not in have]
        step = float(parts.zone_step[0, target])
        return Suggestion(
            destination.uri,
            destination.label,
            score,
            float(parts.coverage[0, target]),
            float(parts.skills[0, target]),
            float(parts.description[0, target]),
            tuple((s, self._label(s)) for s in shared),
            tuple((s, self._label(s)) for s in missing),
            float(parts.semantic[0, target]),
            float(parts.work[0, target]) if parts.has_work[0, target] else None,
            float(parts.isco[0, target]),
            tuple(self._near(have, missing)),
            None if np.isnan(self.job_zones[[origin, target]]).any() else step,
        )

    def _near(self, have: set[str], missing: Sequence[str]) -> list[tuple[str, str, str, str]]:
        """For each missing skill, the closest skill the origin has (when one is close)."""
        held = {self.skill_index[s] for s in have}
        found = []
        for skill in missing:
            own = self.skill_index[skill]
            span = slice(self.close.indptr[own], self.close.indptr[own + 1])
            candidates = [
                (float(value), -int(j))
                for j, value in zip(self.close.indices[span], self.close.data[span], strict=True)
                if int(j) in held and j != own
            ]
            if candidates:
                _, j = max(candidates)
                near = self.skills[-j]
                found.append((skill, self._label(skill), near, self._label(near)))
        return found

    def _label(self, skill: str) -> str:
        return self.skill_labels.get(skill, skill)


def _dense(matrix: sparse.spmatrix) -> Matrix:
    """A cosine matrix, dense, clipped to [0, 1] (float rounding can pass 1)."""
    result: Matrix = np.clip(matrix.toarray(), 0, 1).astype(np.float32)
    return result


def _vectors_for(
    skills: Sequence[str], vectors: Matrix | None, order: Sequence[str] | None
) -> Matrix | None:
    """The rows of `vectors` for `skills` (zero rows for skills without a vector)."""
    if vectors is None or order is None:
        return None
    if len(order) != len(vectors):
        raise ValueError(f"{len(vectors)} skill vectors for {len(order)} skills")
    position = {s: i for i, s in enumerate(order)}
    result = np.zeros((len(skills), vectors.shape[1]), dtype=np.float32)
    for i, skill in enumerate(skills):
        if skill in position:
            result[i] = vectors[position[skill]]
    return result
