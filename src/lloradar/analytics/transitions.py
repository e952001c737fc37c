"""The building blocks of a transition score: skill weights, which skills count as close,
O*NET work profiles through the ESCO -> O*NET link, and ISCO proximity. Pure: arrays in,
arrays out; `analytics.similarity` combines them.

- **Close skills.** Two ESCO skills are close (0.5) when they share a direct broader concept
  (a skill group or broader skill) of at most `MAX_GROUP` members, and, when skill vectors are
  given, when their cosine reaches `VECTOR_CLOSE` (that cosine is the closeness). A skill is
  1.0 close to itself.
- **Work profile.** O*NET rates every occupation on skills and knowledge elements (importance
  1-5, level 0-7); an element contributes importance x level, scaled to [0, 1], minus its mean
  over all O*NET occupations. An ESCO occupation's profile is the confidence-weighted mix of
  its linked O*NET occupations; the work component is the cosine of two profiles, from 0. (O*NET's
  work activities and work context tables are not in ../shared/data, so skills and knowledge
  stand in for them.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy import sparse

MAX_GROUP = 50  # a bigger group ("communication", "ICT") says little about two of its members
GROUP_CLOSENESS = 0.5
VECTOR_CLOSE = 0.8  # measured on the check set's dev part: 0.7-0.9 differ by < 0.01
VECTOR_NEIGHBOURS = 10
OPTIONAL_WEIGHT = 0.5  # an optional skill counts half an essential one
NEAR = 0.75  # a skill one only has close skills for is never fully covered

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class WorkProfiles:
    """O*NET ratings and job zones, and the ESCO -> O*NET link (candidates with confidence)."""

    ratings: Mapping[str, Mapping[str, tuple[float | None, float | None]]]  # code -> element
    job_zones: Mapping[str, int] = field(default_factory=dict)
    links: Mapping[str, Sequence[tuple[str, float]]] = field(default_factory=dict)


def idf(incidence: sparse.csr_matrix) -> Matrix:
    """Smooth inverse document frequency of each column (skill) over the rows (occupations)."""
    n = incidence.shape[0]
    frequency = np.bincount(incidence.indices, minlength=incidence.shape[1])
    result: Matrix = (np.log((1 + n) / (1 + frequency)) + 1).astype(np.float32)
    return result


def normalise_rows(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    csr = sparse.csr_matrix(matrix, dtype=np.float32)
    norms = np.sqrt(np.asarray(csr.multiply(csr).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix(sparse.diags((1 / norms).astype(np.float32)) @ csr)


def weighted_skills(
    essential: sparse.csr_matrix, all_skills: sparse.csr_matrix
) -> sparse.csr_matrix:
    """Essential skills 1, optional skills `OPTIONAL_WEIGHT`, times idf; rows L2-normalised."""
    optional = (all_skills - essential).maximum(0)
    weights = essential + OPTIONAL_WEIGHT * optional
    return normalise_rows(weights @ sparse.diags(idf(all_skills)))


def close_skills(
    skills: Sequence[str],
    broader: Mapping[str, Sequence[str]],
    vectors: Matrix | None = None,
    used: npt.NDArray[np.bool_] | None = None,
) -> sparse.csr_matrix:
    """Skill x skill closeness in [0, 1] (sparse, symmetric, 1 on the diagonal)."""
    n = len(skills)
    groups: dict[str, list[int]] = {}
    for i, skill in enumerate(skills):
        for parent in broader.get(skill, ()):
            groups.setdefault(parent, []).append(i)
    rows: list[int] = []
    cols: list[int] = []
    for members in groups.values():
        if 1 < len(members) <= MAX_GROUP:
            rows.extend(a for a in members for _ in members)
            cols.extend(b for _ in members for b in members)
    close = sparse.csr_matrix(
        (np.full(len(rows), GROUP_CLOSENESS, dtype=np.float32), (rows, cols)), shape=(n, n)
    )
    close.sum_duplicates()
    close.data = np.minimum(close.data, GROUP_CLOSENESS)
    if vectors is not None:
        close = close.maximum(_vector_neighbours(vectors, used))
    return sparse.csr_matrix(close.maximum(sparse.identity(n, dtype=np.float32, format="csr")))


def _vector_neighbours(vectors: Matrix, used: npt.NDArray[np.bool_] | None) -> sparse.csr_matrix:
    """Each (used) skill's nearest skills by cosine, kept from `VECTOR_CLOSE`, symmetric."""
    n = vectors.shape[0]
    keep = np.arange(n) if used is None else np.flatnonzero(used)
    pool = vectors[keep]
    k = min(VECTOR_NEIGHBOURS, len(keep))
    rows, cols, values = [], [], []
    for start in range(0, len(keep), 2048):
        cosine = pool[start : start + 2048] @ pool.T
        if k == 0:
            break
        top = np.argpartition(-cosine, k - 1, axis=1)[:, :k]
        near = np.take_along_axis(cosine, top, axis=1)
        hit = near >= VECTOR_CLOSE
        rows.append(keep[start + np.nonzero(hit)[0]])
        cols.append(keep[top[hit]])
        values.append(near[hit].astype(np.float32))
    if not rows:
        return sparse.csr_matrix((n, n), dtype=np.float32)
    matrix = sparse.csr_matrix(
        (np.minimum(np.concatenate(values), 1), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n, n),
    )
    return sparse.csr_matrix(matrix.maximum(matrix.T))


def soft_coverage(
    all_skills: sparse.csr_matrix, essential: sparse.csr_matrix, close: sparse.csr_matrix
) -> sparse.csr_matrix:
    """How well each occupation's skills (rows) cover each skill: 1 for a skill it has, else
    the summed closeness of the close skills it has, at most `NEAR`."""
    reach = sparse.csr_matrix(all_skills @ close)
    reach.data = np.minimum(reach.data, 1)
    partial = sparse.csr_matrix(reach - reach.multiply(all_skills))
    partial.data = np.minimum(partial.data, NEAR)
    return sparse.csr_matrix(all_skills + partial)


def work_profiles(
    occupations: Sequence[str], profiles: WorkProfiles | None
) -> tuple[Matrix, npt.NDArray[np.bool_], npt.NDArray[np.float32]]:
    """L2-normalised O*NET profile rows (zero without a link), whether each occupation has one,
    and its job zone (confidence-weighted over the links; NaN when unknown)."""
    n = len(occupations)
    if profiles is None or not profiles.ratings:
        return np.zeros((n, 1), np.float32), np.zeros(n, bool), np.full(n, np.nan, np.float32)
    codes = sorted(profiles.ratings)
    code_index = {c: i for i, c in enumerate(codes)}
    elements = sorted({e for r in profiles.ratings.values() for e in r})
    element_index = {e: i for i, e in enumerate(elements)}
    rated = np.zeros((len(codes), len(elements)), np.float32)
    for code, ratings in profiles.ratings.items():
        for element, (importance, level) in ratings.items():
            value = ((importance or 1.0) - 1) / 4 * ((level or 0.0) / 7)
            rated[code_index[code], element_index[element]] = max(value, 0.0)
    rated -= rated.mean(axis=0)  # what sets an occupation apart, not what all of them need
    zones = np.array([profiles.job_zones.get(c, np.nan) for c in codes], np.float32)
    link = np.zeros((n, len(codes)), np.float32)
    for row, uri in enumerate(occupations):
        for code, confidence in profiles.links.get(uri, ()):
            if code in code_index and confidence > 0:
                link[row, code_index[code]] += confidence
    mixed = link @ rated
    norms = np.linalg.norm(mixed, axis=1)
    has = norms > 0
    mixed[has] /= norms[has, None]
    zoned = link * ~np.isnan(zones)[None, :]
    weight = zoned.sum(axis=1)
    zone = np.full(n, np.nan, np.float32)
    zone[weight > 0] = (zoned @ np.nan_to_num(zones))[weight > 0] / weight[weight > 0]
    return mixed, has, zone


def isco_keys(codes: Sequence[str | None]) -> npt.NDArray[np.int32]:
    """Integer keys per ISCO-08 digit level (major .. unit group): column d holds a key shared
    by exactly the occupations with the same first d+1 digits (-1 - row when unknown)."""
    keys = np.empty((len(codes), 4), np.int32)
    for depth in range(4):
        seen: dict[str, int] = {}
        for row, code in enumerate(codes):
            if code and len(code) > depth:
                keys[row, depth] = seen.setdefault(code[: depth + 1], len(seen))
            else:
                keys[row, depth] = -1 - row
    return keys


def isco_proximity(keys: npt.NDArray[np.int32], origins: npt.NDArray[np.intp]) -> Matrix:
    """The share of the four ISCO-08 digits two occupations share from the start, as a
    ranking by shared ISCO code prefix would use it (origins x all)."""
    shared = np.zeros((len(origins), keys.shape[0]), np.float32)
    for depth in range(keys.shape[1]):
        shared += keys[origins, depth][:, None] == keys[None, :, depth]
    result: Matrix = shared / keys.shape[1]
    return result
