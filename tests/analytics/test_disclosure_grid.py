"""Secondary suppression over a hierarchical grid (analytics/disclosure_grid.py): no hidden cell
follows from the shown ones, checked exactly with linear algebra on seeded random grids."""

from __future__ import annotations

import numpy as np
import pytest

from lloradar.analytics.disclosure import MIN_PEOPLE
from lloradar.analytics.disclosure_grid import determined_cells, grid_lines, protect_grid


def hierarchical_grid(seed: int, n_am: int = 9, n_pv: int = 3, n_occ: int = 7):
    """Regions in provinces in a country x occupations and their total, many small counts."""
    rng = np.random.default_rng(seed)
    inner = rng.poisson(rng.choice([2, 8, 30], size=(n_am, n_occ)))
    parents = [n_am + i % n_pv for i in range(n_am)] + [n_am + n_pv] * n_pv + [None]
    values = np.zeros((n_am + n_pv + 1, n_occ + 1), np.int64)
    values[:n_am, :n_occ] = inner
    for i in range(n_am):
        values[parents[i], :n_occ] += inner[i]
    values[-1, :n_occ] = values[n_am : n_am + n_pv, :n_occ].sum(axis=0)
    values[:, -1] = values[:, :n_occ].sum(axis=1)
    return values, parents


def hidden_cells(mask: np.ndarray) -> list[tuple[int, int]]:
    return [(int(r), int(c)) for r, c in np.argwhere(mask)]


@pytest.mark.parametrize("seed", range(12))
def test_no_hidden_cell_is_determined_by_the_shown_ones(seed: int) -> None:
    values, parents = hierarchical_grid(seed)
    result = protect_grid(values, parents)
    assert (result.primary == (values < MIN_PEOPLE)).all()
    lines = grid_lines(parents, values.shape[1])
    assert determined_cells(lines, hidden_cells(result.hidden)) == []
    for members, total in lines:
        cells = [*members, total]
        hidden = [p for p in cells if result.hidden[p]]
        assert len(hidden) != 1
        if hidden and len(hidden) < len(cells):
            assert sum(int(values[p]) for p in hidden) >= MIN_PEOPLE


def test_a_grid_without_small_counts_is_shown_whole() -> None:
    values, parents = hierarchical_grid(0)
    values = values + 100
    values[:, -1] = values[:, :-1].sum(axis=1)  # keep the rows consistent (columns need not be)
    assert not protect_grid(values, parents).hidden.any()


def test_a_known_cell_is_never_hidden_and_an_earlier_release_stays_hidden() -> None:
    values, parents = hierarchical_grid(3)
    known = np.zeros(values.shape, bool)
    known[0, 0] = True
    previous = np.zeros(values.shape, bool)
    previous[1, 1] = True
    result = protect_grid(values, parents, known=known, previous=previous)
    assert not result.hidden[0, 0]
    assert result.hidden[1, 1]
    lines = grid_lines(parents, values.shape[1])
    assert determined_cells(lines, hidden_cells(result.hidden)) == []


def test_the_determinacy_check_finds_a_lone_hidden_cell() -> None:
    lines = grid_lines([None], 3)  # one row: a + b = total
    assert determined_cells(lines, [(0, 0)]) == [(0, 0)]
    assert determined_cells(lines, [(0, 0), (0, 1)]) == []
