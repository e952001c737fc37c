"""Stromen / flows: occupation-to-occupation and sector-to-sector transition matrices of one
region, from the skills engine's transition probabilities weighted by a stock of people.

A transition probability p(a -> b) is the similarity of a viable move (similarity at least
`VIABLE`, a != b) divided by the sum over all viable moves out of a (row-normalised); an
occupation without a viable move has none. The flow matrix spreads each origin's outflow over
its destinations by those probabilities, in whole people (largest remainder), so every row sums
exactly to its outflow. A cell of a non-viable move is a *structural* zero: the method, not the
data, makes it zero, so it is shown as such ("-") and is no secret.

Disclosure control reuses `disclosure_grid.protect_grid` over the whole matrix with its margins
(row totals = outflow, column totals = inflow, the grand total): cells of 1 to 9 people (and
zeros of viable moves) are hidden, and enough others that none follows from the totals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lloradar.analytics.disclosure import HIDDEN
from lloradar.analytics.disclosure_grid import protect_grid
from lloradar.analytics.similarity import VIABLE

STRUCTURAL = "-"  # a non-viable move: zero by the method, not a count


def transition_probabilities(similarity: np.ndarray, threshold: float = VIABLE) -> np.ndarray:
    """Row-normalised similarity of the viable moves (a square origin x destination matrix);
    the diagonal (staying) and moves under `threshold` get 0, a row without viable moves 0s."""
    scores = np.array(similarity, dtype=float)
    if scores.ndim != 2 or scores.shape[0] != scores.shape[1]:
        raise ValueError("similarity must be a square origin x destination matrix")
    scores[~np.isfinite(scores) | (scores < threshold)] = 0.0
    np.fill_diagonal(scores, 0.0)
    sums = scores.sum(axis=1, keepdims=True)
    normalised: np.ndarray = np.divide(scores, sums, out=np.zeros_like(scores), where=sums > 0)
    return normalised


def allocate(total: int, weights: np.ndarray) -> np.ndarray:
    """`total` whole people spread over `weights` by the largest-remainder method: the parts
    sum exactly to `total` (all 0 when no weight is positive)."""
    if total < 0:
        raise ValueError("total cannot be negative")
    w = np.clip(np.asarray(weights, dtype=float), 0.0, None)
    if total == 0 or w.sum() <= 0:
        return np.zeros(len(w), dtype=np.int64)
    exact = total * w / w.sum()
    parts: np.ndarray = np.floor(exact).astype(np.int64)
    rest = total - int(parts.sum())
    # ties go to the lower index, so the same input always gives the same split
    order = np.lexsort((np.arange(len(w)), -(exact - parts)))
    parts[order[:rest]] += 1
    return parts


@dataclass(frozen=True, slots=True)
class FlowMatrix:
    """Whole people moving from row to column; `viable[r, c]` says the move is possible at
    all (else the cell is a structural zero). `outflow[r]` is the row sum."""

    keys: tuple[str, ...]
    counts: np.ndarray
    viable: np.ndarray

    @property
    def outflow(self) -> np.ndarray:
        out: np.ndarray = self.counts.sum(axis=1)
        return out

    @property
    def inflow(self) -> np.ndarray:
        into: np.ndarray = self.counts.sum(axis=0)
        return into

    def index(self, key: str) -> int:
        try:
            return self.keys.index(key)
        except ValueError:
            raise LookupError(f"{key!r} is not in the flow matrix") from None


def flow_matrix(
    keys: Sequence[str], outflow: Sequence[int], probabilities: np.ndarray
) -> FlowMatrix:
    """Each origin's `outflow` spread over its destinations by `probabilities` (rows of the
    transition matrix). An origin without a viable move keeps its people: its row is 0."""
    p = np.asarray(probabilities, dtype=float)
    if p.shape != (len(keys), len(keys)) or len(outflow) != len(keys):
        raise ValueError("keys, outflow and probabilities must describe the same occupations")
    counts = np.vstack(
        [allocate(int(n), p[r]) for r, n in enumerate(outflow)] or [np.zeros(0, np.int64)]
    ).reshape(len(keys), len(keys))
    return FlowMatrix(tuple(keys), counts, p > 0)


def aggregate(matrix: FlowMatrix, groups: Sequence[str]) -> FlowMatrix:
    """The matrix between groups (sector-to-sector from occupation-to-occupation): a cell sums
    the moves between members; it is viable when any member move is. Row sums are kept."""
    if len(groups) != len(matrix.keys):
        raise ValueError("one group per key of the matrix")
    names = tuple(sorted(set(groups)))
    member = np.zeros((len(matrix.keys), len(names)), dtype=np.int64)
    member[np.arange(len(groups)), [names.index(g) for g in groups]] = 1
    counts = member.T @ matrix.counts @ member
    viable = (member.T @ matrix.viable.astype(np.int64) @ member) > 0
    return FlowMatrix(names, counts, viable)


@dataclass(frozen=True, slots=True)
class ProtectedFlows:
    """A flow matrix as it may be shown: cells and margins as text (`HIDDEN` for a suppressed
    count, `STRUCTURAL` for a non-viable move), and how many counts were hidden."""

    keys: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]
    outflow: tuple[str, ...]
    inflow: tuple[str, ...]
    total: str
    hidden: int


def protect_flows(matrix: FlowMatrix) -> ProtectedFlows:
    """Suppress the matrix with its margins as one table (`protect_grid`): the origins are the
    children of a total row, the last column is the row total."""
    n = len(matrix.keys)
    values = np.zeros((n + 1, n + 1), dtype=np.int64)
    values[:n, :n] = matrix.counts
    values[:n, n] = matrix.outflow
    values[n, :n] = matrix.inflow
    values[n, n] = int(matrix.counts.sum())
    structural = np.zeros((n + 1, n + 1), dtype=bool)
    structural[:n, :n] = ~matrix.viable
    structural[:n, n] = ~matrix.viable.any(axis=1)  # no move out: the outflow is 0 by method
    structural[n, :n] = ~matrix.viable.any(axis=0)
    structural[n, n] = not matrix.viable.any()
    hidden = protect_grid(values, [n] * n + [None], known=structural).hidden

    def text(r: int, c: int) -> str:
        if structural[r, c]:
            return STRUCTURAL
        return HIDDEN if hidden[r, c] else str(int(values[r, c]))

    return ProtectedFlows(
        keys=matrix.keys,
        cells=tuple(tuple(text(r, c) for c in range(n)) for r in range(n)),
        outflow=tuple(text(r, n) for r in range(n)),
        inflow=tuple(text(n, c) for c in range(n)),
        total=text(n, n),
        hidden=int(hidden.sum()),
    )


def visible_sources(protected: ProtectedFlows, target: str) -> frozenset[str]:
    """The origins of `target` whose flow the protected matrix shows, or none at all when the
    target's inflow total is hidden: a view that splits N in proportion to the column (the
    waterbed) would give that total away through any one shown cell."""
    column = protected.keys.index(target)
    if not protected.inflow[column].isdigit():
        return frozenset()
    return frozenset(
        k for r, k in enumerate(protected.keys) if protected.cells[r][column].isdigit()
    )


def matrix_text(protected: ProtectedFlows, labels: dict[str, str], place: str, lang: str) -> str:
    """Duiding / interpretation of a protected flow matrix from the cells it shows: the
    largest flows, how many moves are viable at all, and how many counts are hidden."""
    nl = lang == "nl"
    n = len(protected.keys)
    shown = sorted(
        (
            (int(v), protected.keys[r], protected.keys[c])
            for r, row in enumerate(protected.cells)
            for c, v in enumerate(row)
            if v.isdigit()
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    viable = sum(v != STRUCTURAL for row in protected.cells for v in row)
    if not shown:
        return (
            f"In {place} toont de matrix geen stroom: alle cellen zijn afgeschermd of geen "
            "haalbare overstap."
            if nl
            else f"In {place} the matrix shows no flow: every cell is hidden or no viable move."
        )
    arrow = " naar " if nl else " to "
    top = "; ".join(f"{labels[a]}{arrow}{labels[b]} ({v})" for v, a, b in shown[:3])
    if nl:
        return (
            f"De grootste stromen in {place}: {top}. {viable} van de {n * n} combinaties zijn "
            f"een haalbare overstap volgens de vaardighedenmotor; {protected.hidden} aantallen "
            "zijn afgeschermd (x)."
        )
    return (
        f"The largest flows in {place}: {top}. {viable} of the {n * n} pairs are a viable move "
        f"according to the skills engine; {protected.hidden} counts are hidden (x)."
    )
