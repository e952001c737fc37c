"""Secondary suppression over a hierarchical grid: regions nested in larger areas x occupations
with an all-occupations total, for one period and one count of people.

The grid's rows are areas; every row but the top one has a parent row (an arbeidsmarktregio's
provincie, a provincie's country), and a parent row is the sum of its children, column by
column. The grid's last column is the total of the other columns, row by row. So the grid is a
set of linear equations ("lines"): every row sums to its total cell, and for every parent and
column, the children sum to the parent's cell. An outsider who sees the shown cells can solve
these equations for hidden ones; `protect_grid` hides enough cells that none can be solved for.

It works the way tau-ARGUS's HiTaS method does, on the 2-dimensional subtables the hierarchy
is made of (one per parent: its children and itself x every column), repeated until nothing
changes, with three rules (see analytics/disclosure.py for the 2-dimensional version):

1. **Line rule.** A line with hidden cells has at least two, and its hidden cells add up to
   at least `MIN_PEOPLE` (a reader computes their sum as total minus the shown cells).
2. **Cycle rule.** In a 2-dimensional table with margins every cell lies on exactly two lines
   (its row and its column), so the hidden cells are the edges of a bipartite graph between
   lines; a hidden cell is determined by the shown ones exactly when it is a *bridge* of that
   graph (its value is not on any cycle of hidden cells). Each bridge gets a partner cell that
   joins its two sides, which puts it on a cycle.
3. **Exact check.** Over the whole grid (every subtable's equations at once) a hidden cell is
   determined iff its unit vector lies in the row space of the equations restricted to the
   hidden cells (one SVD); each such cell gets a partner in its row and the loop repeats.
   Skipped above `EXACT_CHECK_LIMIT` hidden cells (the subtable rules hold regardless).

Cells hidden in an earlier release of the same period (`previous`) stay hidden, so two
releases never show what one of them hid. The hidden set only grows, so the loop ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lloradar.analytics.disclosure import MIN_PEOPLE

EXACT_CHECK_LIMIT = 400
Cell = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GridProtection:
    """Which cells of the grid are hidden: `primary` (1 to 9 people) and `secondary` (shown
    they would give a hidden cell away), as boolean arrays shaped like the grid."""

    primary: np.ndarray
    secondary: np.ndarray

    @property
    def hidden(self) -> np.ndarray:
        return self.primary | self.secondary


def grid_lines(parents: Sequence[int | None], n_cols: int) -> list[tuple[list[Cell], Cell]]:
    """(member cells, total cell) of every equation: each row sums to its last column, and
    the children of each parent sum to the parent, column by column."""
    lines: list[tuple[list[Cell], Cell]] = [
        ([(r, c) for c in range(n_cols - 1)], (r, n_cols - 1)) for r in range(len(parents))
    ]
    for parent, children in _children(parents).items():
        lines += [([(child, c) for child in children], (parent, c)) for c in range(n_cols)]
    return lines


def protect_grid(
    values: np.ndarray,
    parents: Sequence[int | None],
    *,
    known: np.ndarray | None = None,
    previous: np.ndarray | None = None,
) -> GridProtection:
    """Hide the cells of fewer than 10 people (0 too: a zero is never shown, as everywhere in
    the radar, see `disclose`) and enough others that no hidden cell follows from the
    shown ones. `values` is rows x columns with the total in the last column and the parent
    rows holding the sums of their children; `known` marks cells that are never hidden (a
    count the source did not report: shown as missing); `previous` what an earlier release hid."""
    values = np.asarray(values, dtype=np.int64)
    known = np.zeros(values.shape, bool) if known is None else np.asarray(known, bool)
    primary = (values < MIN_PEOPLE) & ~known
    hidden = primary.copy()
    if previous is not None:
        hidden |= np.asarray(previous, bool) & ~known
    if hidden.any():
        _Suppressor(values, parents, known, hidden).run()
    return GridProtection(primary=primary, secondary=hidden & ~primary)


def _children(parents: Sequence[int | None]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for row, parent in enumerate(parents):
        if parent is not None:
            children.setdefault(parent, []).append(row)
    return children


class _Suppressor:
    """The loop of the three rules over one grid; `hidden` is changed in place."""

    def __init__(
        self,
        values: np.ndarray,
        parents: Sequence[int | None],
        known: np.ndarray,
        hidden: np.ndarray,
    ) -> None:
        self.values, self.known, self.hidden = values, known, hidden
        self.n_rows, self.n_cols = values.shape
        self.children = _children(parents)
        self.lines = grid_lines(parents, self.n_cols)

    def run(self) -> None:
        while self._line_rule() or self._cycle_rule() or self._exact_check():
            pass

    # -- rule 1 ---------------------------------------------------------------------------
    def _line_rule(self) -> bool:
        changed = False
        for members, total in self._lines_to_check():
            cells = [*members, total]
            hidden = [p for p in cells if self.hidden[p]]
            if not hidden or len(hidden) == len(cells):
                continue
            hidden_sum = sum(int(self.values[p]) for p in hidden)
            if len(hidden) == 1 or hidden_sum < MIN_PEOPLE:
                partner = self._partner(members, total, hidden_sum)
                if partner is not None:
                    self.hidden[partner] = True
                    changed = True
        return changed

    def _lines_to_check(self) -> list[tuple[list[Cell], Cell]]:
        """The lines with at least one hidden cell (numpy counts first: most lines have none)."""
        any_row = self.hidden.any(axis=1)
        found = [line for line in self.lines[: self.n_rows] if any_row[line[1][0]]]
        for parent, children in self.children.items():
            column_hidden = self.hidden[children].any(axis=0) | self.hidden[parent]
            for c in np.flatnonzero(column_hidden):
                found.append(([(child, int(c)) for child in children], (parent, int(c))))
        return found

    def _partner(self, members: list[Cell], total: Cell, hidden_sum: int) -> Cell | None:
        """The shown cell to hide beside a line's hidden ones: the smallest that lifts their sum
        to `MIN_PEOPLE` (inner cells before the total), else the largest."""
        inner = [p for p in members if not self.hidden[p] and not self.known[p]]
        if not inner:
            inner = [total] if not self.hidden[total] and not self.known[total] else []
        if not inner:
            return None
        enough = [p for p in inner if hidden_sum + int(self.values[p]) >= MIN_PEOPLE]
        if enough:
            return min(enough, key=lambda p: (int(self.values[p]), p))
        return max(inner, key=lambda p: (int(self.values[p]), p))

    # -- rule 2 ---------------------------------------------------------------------------
    def _cycle_rule(self) -> bool:
        changed = False
        for parent, children in self.children.items():
            rows = [*children, parent]
            for bridge in _bridges(self.hidden[rows]):
                cell = (rows[bridge[0]], bridge[1])
                if self.hidden[cell] and self._join(rows, cell):
                    changed = True
        return changed

    def _join(self, rows: list[int], cell: Cell) -> bool:
        """Hide the smallest shown cell that joins the two sides of the bridge `cell` (in the
        subtable of `rows`), or failing that the smallest shown cell in its row."""
        sub = self.hidden[rows].copy()
        local_row = rows.index(cell[0])
        sub[local_row, cell[1]] = False
        side_rows, side_cols = _component(sub, local_row)
        candidates = [
            (rows[r], c)
            for r in range(len(rows))
            for c in range(self.n_cols)
            if (r in side_rows) != (c in side_cols)
            and not self.hidden[rows[r], c]
            and not self.known[rows[r], c]
        ]
        if not candidates:
            candidates = [
                (cell[0], c)
                for c in range(self.n_cols)
                if not self.hidden[cell[0], c] and not self.known[cell[0], c]
            ]
        if not candidates:
            return False
        self.hidden[min(candidates, key=lambda p: (int(self.values[p]), p))] = True
        return True

    # -- rule 3 ---------------------------------------------------------------------------
    def _exact_check(self) -> bool:
        cells = [tuple(int(i) for i in p) for p in np.argwhere(self.hidden)]
        if len(cells) > EXACT_CHECK_LIMIT:
            return False
        for cell in determined_cells(self.lines, cells):
            row = [(cell[0], c) for c in range(self.n_cols)]
            shown = [p for p in row if not self.hidden[p] and not self.known[p]]
            if shown:
                self.hidden[min(shown, key=lambda p: (int(self.values[p]), p))] = True
                return True
        return False


def determined_cells(lines: list[tuple[list[Cell], Cell]], hidden: list[Cell]) -> list[Cell]:
    """The hidden cells whose value follows exactly from the equations and the shown cells:
    those whose coordinate is zero in every vector of the null space of the equations over the
    hidden cells (x_i is determined iff every solution of the homogeneous system has x_i = 0)."""
    index = {p: i for i, p in enumerate(hidden)}
    equations = []
    for members, total in lines:
        terms = [index[p] for p in members if p in index]
        if total in index or terms:
            row = np.zeros(len(hidden))
            row[terms] = 1.0
            if total in index:
                row[index[total]] -= 1.0
            equations.append(row)
    if not equations:
        return []
    # The null space of A is the eigenspace of A^T A for eigenvalue 0 (its entries are small
    # integers, so 1e-9 separates zero from the smallest non-zero eigenvalue); eigh of the
    # n x n Gram matrix is several times faster than an SVD of A.
    matrix = np.array(equations)
    eigenvalues, vectors = np.linalg.eigh(matrix.T @ matrix)
    null_space = vectors[:, eigenvalues < 1e-9]
    return [p for p, i in index.items() if np.all(np.abs(null_space[i]) < 1e-6)]


def _component(hidden: np.ndarray, row: int) -> tuple[set[int], set[int]]:
    """The rows and columns reachable from `row` over hidden cells (a bipartite graph)."""
    rows, cols = {row}, set()
    frontier_rows, frontier_cols = [row], []
    while frontier_rows or frontier_cols:
        if frontier_rows:
            r = frontier_rows.pop()
            for c in np.flatnonzero(hidden[r]):
                if int(c) not in cols:
                    cols.add(int(c))
                    frontier_cols.append(int(c))
        else:
            c = frontier_cols.pop()
            for r in np.flatnonzero(hidden[:, c]):
                if int(r) not in rows:
                    rows.add(int(r))
                    frontier_rows.append(int(r))
    return rows, cols


def _bridges(hidden: np.ndarray) -> list[Cell]:
    """The hidden cells (row, column) that are bridges of the bipartite row-column graph
    (Tarjan's low-link, iteratively); each edge is one cell, so there are no parallel edges."""
    n_rows, n_cols = hidden.shape
    adjacency: list[list[tuple[int, Cell]]] = [[] for _ in range(n_rows + n_cols)]
    for r, c in np.argwhere(hidden):
        r, c = int(r), int(c)
        adjacency[r].append((n_rows + c, (r, c)))
        adjacency[n_rows + c].append((r, (r, c)))
    order = [-1] * (n_rows + n_cols)
    low = [0] * (n_rows + n_cols)
    bridges: list[Cell] = []
    counter = 0
    for start in range(n_rows + n_cols):
        if order[start] != -1 or not adjacency[start]:
            continue
        order[start] = low[start] = counter
        counter += 1
        stack: list[tuple[int, Cell | None, int]] = [(start, None, 0)]
        while stack:
            node, via, i = stack[-1]
            if i < len(adjacency[node]):
                stack[-1] = (node, via, i + 1)
                neighbour, edge = adjacency[node][i]
                if edge == via:
                    continue
                if order[neighbour] == -1:
                    order[neighbour] = low[neighbour] = counter
                    counter += 1
                    stack.append((neighbour, edge, 0))
                else:
                    low[node] = min(low[node], order[neighbour])
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent] and via is not None:
                        bridges.append(via)
    return bridges
