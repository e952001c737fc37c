"""Secondary suppression over a hierarchical grid (analytics/disclosure_grid.py): no hidden cell
follows from the shown ones, checked exactly with linear algebra on seeded random grids; and the
graph test `protect_grid` uses (bridges) finds exactly the cells the linear algebra finds."""

from __future__ import annotations

import numpy as np
import pytest

from lloradar.analytics.disclosure import MIN_PEOPLE
from lloradar.analytics.disclosure_grid import (
    _Suppressor,
    determined_by_graph,
    determined_cells,
    grid_lines,
    protect_grid,
)

# arbeidsmarktregio's per provincie, as in the country (35 in 12)
NATIONAL = [1, 1, 1, 2, 1, 6, 2, 5, 7, 1, 5, 3]


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


def national_grid(seed: int, n_occ: int) -> tuple[np.ndarray, list[int | None]]:
    """35 regions in 12 provinces in the country x occupations, about a fifth under 10."""
    rng = np.random.default_rng(seed)
    n_am, n_pv = sum(NATIONAL), len(NATIONAL)
    province = np.repeat(np.arange(n_pv), NATIONAL)
    inner = rng.poisson(rng.lognormal(3.2, 1.1, (n_am, n_occ)))
    values = np.zeros((n_am + n_pv + 1, n_occ + 1), np.int64)
    values[:n_am, :n_occ] = inner
    np.add.at(values, n_am + province, values[:n_am])
    values[-1, :n_occ] = values[n_am:-1, :n_occ].sum(axis=0)
    values[:, -1] = values[:, :n_occ].sum(axis=1)
    parents = [n_am + int(p) for p in province] + [n_am + n_pv] * n_pv + [None]
    return values, parents


def assert_protected(values: np.ndarray, parents: list[int | None], hidden: np.ndarray) -> None:
    """No hidden cell follows from the shown ones (dense linear algebra), no line shows a lone
    hidden cell or hidden cells that add up to less than MIN_PEOPLE."""
    lines = grid_lines(parents, values.shape[1])
    assert determined_cells(lines, hidden_cells(hidden)) == []
    for members, total in lines:
        cells = [*members, total]
        in_line = [p for p in cells if hidden[p]]
        assert len(in_line) != 1
        if in_line and len(in_line) < len(cells):
            assert sum(int(values[p]) for p in in_line) >= MIN_PEOPLE


@pytest.mark.parametrize("seed", range(12))
def test_no_hidden_cell_is_determined_by_the_shown_ones(seed: int) -> None:
    values, parents = hierarchical_grid(seed)
    result = protect_grid(values, parents)
    assert (result.primary == (values < MIN_PEOPLE)).all()
    assert_protected(values, parents, result.hidden)


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


@pytest.mark.parametrize("seed", range(8))
def test_the_bridges_of_the_line_graph_are_the_cells_the_linear_algebra_determines(
    seed: int,
) -> None:
    # any hidden set, protected or not, over grids of one, two and three levels
    rng = np.random.default_rng(seed)
    values, parents = hierarchical_grid(seed, n_am=6, n_pv=2, n_occ=5)
    two_levels = [6 + i % 2 for i in range(6)] + [None, None]  # two provinces, no country
    shapes: list[tuple[list[int | None], tuple[int, int]]] = [
        (parents, values.shape),
        (two_levels, (8, 6)),
        ([None], (1, 5)),
    ]
    for grid_parents, shape in shapes:
        for density in (0.15, 0.35, 0.6, 0.9):
            mask = rng.random(shape) < density
            lines = grid_lines(grid_parents, shape[1])
            expected = sorted(determined_cells(lines, hidden_cells(mask)))
            assert determined_by_graph(grid_parents, mask) == expected


@pytest.mark.parametrize("seed", range(3))
def test_a_national_shaped_grid_above_the_old_exact_check_limit_is_protected_exactly(
    seed: int,
) -> None:
    # 35 regions in 12 provinces x 40 occupations: some 700 hidden cells, beyond the 400 up to
    # which the dense check used to run; checked here with the dense linear algebra all the same
    values, parents = national_grid(seed, 40)
    result = protect_grid(values, parents)
    assert result.hidden.sum() > 400
    assert_protected(values, parents, result.hidden)


@pytest.mark.parametrize("seed", range(6))
def test_any_earlier_release_is_completed_to_a_protected_one(seed: int) -> None:
    # cells an earlier release hid, at random: they leave bridges, and each gets joined
    rng = np.random.default_rng(seed)
    values, parents = national_grid(seed, 8)
    previous = rng.random(values.shape) < 0.1
    result = protect_grid(values, parents, previous=previous)
    assert result.hidden[previous].all()
    assert_protected(values, parents, result.hidden)


@pytest.mark.parametrize("seed", range(6))
def test_the_exact_check_joins_every_bridge(seed: int) -> None:
    # after the line rule bridges are rare, so the exact check runs here on its own, on a
    # scattering of hidden cells that is nearly all bridges
    rng = np.random.default_rng(seed)
    values, parents = national_grid(seed, 10)
    hidden = rng.random(values.shape) < 0.08
    bridges = len(determined_by_graph(parents, hidden))
    suppressor = _Suppressor(values, parents, np.zeros(values.shape, bool), hidden)
    rounds = 0
    while suppressor._exact_check():
        rounds += 1
    assert bridges and rounds
    assert determined_by_graph(parents, hidden) == []
    lines = grid_lines(parents, values.shape[1])
    assert determined_cells(lines, hidden_cells(hidden)) == []
