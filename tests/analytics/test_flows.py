"""Flow matrices (issue 21): golden rows that sum to the outflow, sector aggregation, and
disclosure control over the whole matrix with its margins."""

from __future__ import annotations

import numpy as np
import pytest

from lloradar.analytics.disclosure import HIDDEN
from lloradar.analytics.disclosure_grid import determined_by_graph
from lloradar.analytics.flows import (
    STRUCTURAL,
    ProtectedFlows,
    aggregate,
    allocate,
    flow_matrix,
    matrix_text,
    protect_flows,
    transition_probabilities,
    visible_sources,
)

KEYS = ("a", "b", "c", "d")
# a -> b 0.6, a -> c 0.3 (viable at exactly 0.30); b -> a 0.5, b -> c 0.1 (not viable);
# c has no viable move; d -> a 0.4, d -> b 0.4.
SIMILARITY = np.array(
    [
        [1.0, 0.6, 0.3, 0.0],
        [0.5, 1.0, 0.1, 0.0],
        [0.2, 0.2, 1.0, 0.0],
        [0.4, 0.4, 0.0, 1.0],
    ]
)
OUTFLOW = (100, 45, 30, 50)


def test_transition_probabilities_are_row_normalised_over_viable_moves() -> None:
    p = transition_probabilities(SIMILARITY)
    np.testing.assert_allclose(p[0], [0, 2 / 3, 1 / 3, 0])
    np.testing.assert_allclose(p[1], [1, 0, 0, 0])
    np.testing.assert_allclose(p[2], [0, 0, 0, 0])  # no viable move: no probabilities
    np.testing.assert_allclose(p[3], [0.5, 0.5, 0, 0])
    assert np.diag(p).sum() == 0


def test_golden_flow_matrix_rows_sum_to_the_outflow() -> None:
    matrix = flow_matrix(KEYS, OUTFLOW, transition_probabilities(SIMILARITY))
    assert matrix.counts.tolist() == [
        [0, 67, 33, 0],  # 66.67 and 33.33: the larger remainder gets the last person
        [45, 0, 0, 0],
        [0, 0, 0, 0],  # c keeps its 30 people: no viable move out
        [25, 25, 0, 0],
    ]
    assert matrix.outflow.tolist() == [100, 45, 0, 50]
    assert matrix.inflow.tolist() == [70, 92, 33, 0]


def test_allocate_splits_whole_people_exactly() -> None:
    assert allocate(100, np.array([0, 45, 0, 25])).tolist() == [0, 64, 0, 36]
    assert allocate(7, np.array([1.0, 1.0])).tolist() == [4, 3]  # a tie: the first
    assert allocate(5, np.zeros(3)).tolist() == [0, 0, 0]
    with pytest.raises(ValueError, match="negative"):
        allocate(-1, np.ones(2))


def test_sector_matrix_keeps_every_row_sum() -> None:
    matrix = flow_matrix(KEYS, OUTFLOW, transition_probabilities(SIMILARITY))
    sectors = aggregate(matrix, ["Q", "Q", "J", "J"])
    assert sectors.keys == ("J", "Q")
    assert sectors.counts.tolist() == [[0, 50], [33, 112]]
    assert sectors.outflow.sum() == matrix.outflow.sum()
    assert sectors.viable.tolist() == [[False, True], [True, True]]


def _hidden_grid(protected: object) -> np.ndarray:
    p = protected
    rows = [[*r, o] for r, o in zip(p.cells, p.outflow, strict=True)]  # type: ignore[attr-defined]
    rows.append([*p.inflow, p.total])  # type: ignore[attr-defined]
    return np.array([[v == HIDDEN for v in row] for row in rows])


def test_cells_under_ten_people_are_hidden_and_not_derivable_from_the_margins() -> None:
    p = transition_probabilities(np.full((3, 3), 0.5))
    matrix = flow_matrix(("x", "y", "z"), (30, 15, 40), p)
    assert matrix.counts.tolist() == [[0, 15, 15], [8, 0, 7], [20, 20, 0]]
    protected = protect_flows(matrix)
    assert protected.cells[1][0] == HIDDEN and protected.cells[1][2] == HIDDEN
    assert protected.cells[0][0] == STRUCTURAL  # staying put is no move: zero by the method
    shown = [v for row in protected.cells for v in row if v not in (HIDDEN, STRUCTURAL)]
    assert all(int(v) >= 10 for v in shown)
    hidden = _hidden_grid(protected)
    assert determined_by_graph([3, 3, 3, None], hidden) == []


def test_a_matrix_of_large_flows_is_shown_whole() -> None:
    matrix = flow_matrix(KEYS, (1000, 450, 300, 500), transition_probabilities(SIMILARITY))
    protected = protect_flows(matrix)
    assert protected.hidden == 0
    assert protected.outflow == ("1000", "450", STRUCTURAL, "500")
    assert protected.total == str(1950)


def test_the_waterbed_shows_only_sources_the_matrix_shows() -> None:
    p = transition_probabilities(np.full((3, 3), 0.5))
    protected = protect_flows(flow_matrix(("x", "y", "z"), (30, 15, 40), p))
    shown = {k for r, k in enumerate(protected.keys) if protected.cells[r][1].isdigit()}
    assert protected.inflow[1].isdigit() and visible_sources(protected, "y") == shown
    hidden_total = ProtectedFlows(
        protected.keys,
        protected.cells,
        protected.outflow,
        (HIDDEN, *protected.inflow[1:]),
        protected.total,
        protected.hidden + 1,
    )
    assert visible_sources(hidden_total, "x") == frozenset()  # a share would give it away


def test_the_matrix_text_names_the_largest_shown_flows() -> None:
    matrix = flow_matrix(KEYS, (1000, 450, 300, 500), transition_probabilities(SIMILARITY))
    labels = {"a": "verpleegkundige", "b": "zorghulp", "c": "kok", "d": "ober"}
    text = matrix_text(protect_flows(matrix), labels, "Twente", "nl")
    assert text.startswith("De grootste stromen in Twente: verpleegkundige naar zorghulp (667)")
    assert "5 van de 16 combinaties" in text and "0 aantallen zijn afgeschermd" in text
    english = matrix_text(protect_flows(matrix), labels, "Twente", "en")
    assert "zorghulp to verpleegkundige (450)" in english
