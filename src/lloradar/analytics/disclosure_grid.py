"""Secondary suppression over a hierarchical grid: regions nested in larger areas x occupations
with an all-occupations total, for one period and one count of people.

The grid's rows are areas; every row but the top one has a parent row (an arbeidsmarktregio's
provincie, a provincie's country), and a parent row is the sum of its children, column by
column. The grid's last column is the total of the other columns, row by row. So the grid is a
set of linear equations ("lines"): every row sums to its total cell, and for every parent and
column, the children sum to the parent's cell. An outsider who sees the shown cells can solve
these equations for hidden ones; `protect_grid` hides enough cells that none can be solved for.
Two rules, repeated until nothing changes (the hidden set only grows, so the loop ends):

1. **Line rule.** A line with hidden cells has at least two, and its hidden cells add up to
   at least `MIN_PEOPLE` (a reader computes their sum as total minus the shown cells). The
   partner is the smallest shown cell that lifts the sum to `MIN_PEOPLE` (inner cells before
   the total), else the largest.
2. **Exact check, at every size.** A parent row's own row equation follows from its children's
   rows and its column equations, so the independent equations are the rows of the leaf areas
   and the column equations of every parent, and each cell lies in exactly two of them (a leaf
   cell: its row and its parent's column; a parent's cell: its own column equation as the total
   and its parent's as a member) or, in a top row, in one (there: an edge to a "ground" node).
   With the signs of the equations switched (leaf rows -1; column equations +1, of the total
   column -1) every cell enters one equation with +1 and the other with -1: the equations over
   the hidden cells are the incidence matrix of a directed graph (`LineGraph`), whose null space
   is its cycle space. So a hidden cell follows from the shown ones exactly when it is a
   *bridge* of the hidden cells' graph - the same test as the null space of all equations
   (`determined_cells`, the dense linear algebra the tests hold it against), in time linear in
   the grid. Bridges: a BFS forest (scipy), and on every edge an odd pseudo-random 64-bit label
   (splitmix64 of its two nodes), added to one end and taken from the other; summed over a
   subtree, what is left is the labels of the edges that leave it, so a tree edge is a bridge
   iff that sum is its own label. A true bridge always passes; a chance cancellation (about
   2**-63 per edge) only calls a cell a bridge that is not, which hides more, never less. Each
   bridge gets the smallest shown cell that joins its two sides (one cell can join several);
   where no one cell does, the smaller side grows by its smallest shown edge, to be joined in
   a later round.

Being over all the grid's equations at once, the check covers every 2-dimensional subtable too
(what one subtable's equations determine, all of them determine), so the subtables need no
rule of their own (the HiTaS-style bridges per subtable of earlier versions).

Guaranteed at every grid size (no size limit, no floating-point tolerance; the national grid of
48 areas x 3,001 columns takes some 12 ms): no hidden cell is determined by the shown cells and
the grid's equations, and no line has a single hidden cell or hidden cells that add up to less
than `MIN_PEOPLE`. Not covered here: bounds from non-negativity beyond the line rule, relations
outside the grid (between the counts of one cell, such as experienced <= interested), and a
`known` cell (not reported by the source) counts as shown, which assumes the reader knows more
than they do. Cells hidden in an earlier release of the same period (`previous`) stay hidden,
so two releases never show what one of them hid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

from lloradar.analytics.disclosure import MIN_PEOPLE

Cell = tuple[int, int]
SEED = 15  # of the bridge test's labels (a function of the grid: publications reproduce)


@dataclass(frozen=True, slots=True)
class GridProtection:
    """Which cells of the grid are hidden: `primary` (1 to 9 people) and `secondary` (shown
    they would give a hidden cell away), as boolean arrays shaped like the grid."""

    primary: np.ndarray
    secondary: np.ndarray

    @property
    def hidden(self) -> np.ndarray:
        either: np.ndarray = self.primary | self.secondary
        return either


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
    values = np.ascontiguousarray(values, dtype=np.int64)
    known = np.zeros(values.shape, bool) if known is None else np.asarray(known, bool)
    primary = (values < MIN_PEOPLE) & ~known
    hidden = primary.copy()
    if previous is not None:
        hidden |= np.asarray(previous, bool) & ~known
    if hidden.any():
        _Suppressor(values, parents, known, hidden).run()
    return GridProtection(primary=primary, secondary=hidden & ~primary)


def determined_by_graph(parents: Sequence[int | None], hidden: np.ndarray) -> list[Cell]:
    """The hidden cells that follow from the shown ones (the bridges of `LineGraph`)."""
    forest = LineGraph(parents, hidden.shape[1]).forest(np.asarray(hidden, bool))
    return sorted((int(r), int(c)) for r, c in forest.bridge_cells)


def _children(parents: Sequence[int | None]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for row, parent in enumerate(parents):
        if parent is not None:
            children.setdefault(parent, []).append(row)
    return children


@dataclass(frozen=True, slots=True)
class Forest:
    """A BFS spanning forest of the hidden cells' graph: `node` maps a graph node to its
    forest index (-1: no hidden cell there); per forest index its component `label`, preorder
    position `pos` and subtree `size`; per bridge the forest index below it and its cell."""

    node: np.ndarray
    label: np.ndarray
    pos: np.ndarray
    size: np.ndarray
    bridge_child: np.ndarray
    bridge_cells: np.ndarray


class LineGraph:
    """The grid's independent equations as nodes, its cells as edges (see the module doc):
    `ends[0][r, c]` and `ends[1][r, c]` are the two nodes of cell (r, c)."""

    def __init__(self, parents: Sequence[int | None], n_cols: int) -> None:
        children = _children(parents)
        leaves = {r: i for i, r in enumerate(r for r in range(len(parents)) if r not in children)}
        column = {q: len(leaves) + k * n_cols for k, q in enumerate(sorted(children))}
        self.n_nodes = len(leaves) + len(children) * n_cols + 1  # the last: ground
        cols = np.arange(n_cols)
        self.ends = np.empty((2, len(parents), n_cols), np.int64)
        for r, parent in enumerate(parents):
            self.ends[0, r] = leaves[r] if r in leaves else column[r] + cols
            self.ends[1, r] = self.n_nodes - 1 if parent is None else column[parent] + cols

    def forest(self, hidden: np.ndarray, *, subtrees: bool = False) -> Forest:
        """The forest and bridges of the hidden cells' graph; `subtrees`: with the positions
        and sizes `_exact_check` joins by (when there are bridges), else those are zeros."""
        flat = np.flatnonzero(hidden)
        ends = self.ends.reshape(2, -1)[:, flat]
        node = np.full(self.n_nodes, -1, np.int64)
        used = np.zeros(self.n_nodes, bool)
        used[ends] = True
        m = int(used.sum())
        node[used] = np.arange(m)
        a, b = node[ends]
        if not m:
            nothing = np.zeros(0, np.int64)
            return Forest(node, nothing, nothing, nothing, nothing, np.zeros((0, 2), np.int64))
        ones = np.ones(len(flat), np.int8)
        n_trees, label = csgraph.connected_components(
            sparse.csr_matrix((ones, (a, b)), shape=(m, m)), directed=False
        )
        roots = np.zeros(n_trees, np.int64)
        roots[label] = np.arange(m)  # a node of each component
        graph = sparse.csr_matrix(
            (
                np.r_[ones, np.ones(n_trees, np.int8)],
                (np.r_[a, np.full(n_trees, m)], np.r_[b, roots]),
            ),
            shape=(m + 1, m + 1),
        )
        parent = np.append(csgraph.breadth_first_order(graph, m, directed=False)[1][:m], m)
        levels = _levels(_depths(parent)[:m])  # the trees' roots hang from m, the root of all
        # each edge adds its label to its lower node and takes it from the higher; summed over
        # a subtree, what remains is the labels of the edges that leave it
        low, high = np.minimum(a, b), np.maximum(a, b)
        weight = _label(low * (m + 1) + high)
        leaving = np.zeros(m + 1, np.uint64)
        np.add.at(leaving, low, weight)
        np.subtract.at(leaving, high, weight)
        for level in levels:
            np.add.at(leaving, parent[level], leaving[level])
        child = np.flatnonzero(parent[:m] != m)
        up = parent[child]
        own = _label(np.minimum(up, child) * (m + 1) + np.maximum(up, child))
        own = np.where(child < up, own, np.uint64(0) - own)
        below = child[leaving[child] == own]  # only its own tree edge leaves the subtree
        size, pos = np.ones(m + 1, np.int64), np.zeros(m + 1, np.int64)
        if subtrees and len(below):
            for level in levels:
                np.add.at(size, parent[level], size[level])
            tree = sparse.csr_matrix(
                (np.ones(m, np.int8), (parent[:m], np.arange(m))), (m + 1, m + 1)
            )
            pos[csgraph.depth_first_order(tree, m, return_predecessors=False)] = np.arange(m + 1)
        key = low * (m + 1) + high
        bridge_key = np.minimum(parent[below], below) * (m + 1) + np.maximum(parent[below], below)
        sorter = np.argsort(key) if len(below) else np.zeros(len(key), np.int64)
        edge = flat[sorter[np.searchsorted(key, bridge_key, sorter=sorter)]]
        cells = np.stack(np.divmod(edge, hidden.shape[1]), axis=1)
        return Forest(node, label, pos, size, below, cells)


def _label(key: np.ndarray) -> np.ndarray:
    """An odd pseudo-random 64-bit label per key (splitmix64 of key and SEED)."""
    x = key.astype(np.uint64) + np.uint64(SEED * 0x9E3779B97F4A7C15 % 2**64)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return (x ^ (x >> np.uint64(31))) | np.uint64(1)


def _depths(parent: np.ndarray) -> np.ndarray:
    """Depth of every node of a forest given as parent pointers (the root points to itself),
    by pointer jumping."""
    par = parent.copy()
    depth: np.ndarray = (par != np.arange(len(par))).astype(np.int64)
    while not np.array_equal(nxt := par[par], par):
        depth = depth + depth[par]
        par = nxt
    return depth


def _levels(depth: np.ndarray) -> list[np.ndarray]:
    """The nodes of depth at least 2 (their parent is a node of the graph), deepest first."""
    order = np.argsort(depth, kind="stable")
    bounds = np.searchsorted(depth[order], np.arange(int(depth.max(initial=0)) + 2))
    return [order[bounds[d] : bounds[d + 1]] for d in range(len(bounds) - 2, 1, -1)]


class _Suppressor:
    """The loop of the two rules over one grid; `hidden` is changed in place."""

    def __init__(
        self,
        values: np.ndarray,
        parents: Sequence[int | None],
        known: np.ndarray,
        hidden: np.ndarray,
    ) -> None:
        self.values, self.known, self.hidden = values, known, hidden
        self.flat_values, self.flat_known = values.reshape(-1), known.reshape(-1)
        self.flat_hidden = hidden.reshape(-1)  # a view: writes reach `hidden`
        self.graph = LineGraph(parents, values.shape[1])
        n_rows, n_cols = values.shape
        index = np.arange(n_rows * n_cols).reshape(n_rows, n_cols)
        # each kind of line: the rows of its cells, its members (cells x lines) and totals
        # (lines) as flat cell indices, and whether a line is a row (else a column)
        self.kinds: list[tuple[np.ndarray | slice, np.ndarray, np.ndarray, bool]] = [
            (slice(None), index[:, :-1].T, index[:, -1], True)
        ]
        for parent, children in _children(parents).items():
            rows = np.array([*children, parent])
            self.kinds.append((rows, index[children], index[parent], False))
        # per kind: what of its rows was hidden when its lines were last checked
        self.checked = [np.zeros_like(hidden[rows]) for rows, *_ in self.kinds]

    def run(self) -> None:
        while self._line_rule() or self._exact_check():
            pass

    # -- rule 1 ---------------------------------------------------------------------------
    def _line_rule(self) -> bool:
        """Check every kind's lines that hold a cell hidden since its last check, until none
        do (a line without a newly hidden cell cannot have come to break the rule)."""
        changed, again = False, True
        while again:
            again = False
            for (rows, members, totals, by_row), checked in zip(
                self.kinds, self.checked, strict=True
            ):
                now = self.hidden[rows]
                fresh = now & ~checked
                checked[...] = now
                lines = np.flatnonzero(fresh.any(axis=1 if by_row else 0))
                if len(lines) and self._fix_lines(members[:, lines], totals[lines]):
                    changed = again = True
        return changed

    def _fix_lines(self, members: np.ndarray, totals: np.ndarray) -> bool:
        """Give every line of one kind (disjoint lines) that breaks the rule its partner."""
        hidden, values = self.flat_hidden, self.flat_values
        in_members, in_total = hidden[members], hidden[totals]
        count = in_members.sum(axis=0) + in_total
        total = (in_members * values[members]).sum(axis=0) + in_total * values[totals]
        bad = (count > 0) & (count <= len(members)) & ((count == 1) | (total < MIN_PEOPLE))
        if not bad.any():
            return False
        members, totals, total = members[:, bad], totals[bad], total[bad]
        free = ~(hidden[members] | self.flat_known[members])
        member_values = values[members]
        enough = free & (total + member_values >= MIN_PEOPLE)
        lift = np.where(enough, member_values, np.iinfo(np.int64).max).argmin(axis=0)
        largest = np.where(free, member_values, -1).argmax(axis=0)
        lines = np.arange(len(totals))
        total_free = ~(hidden[totals] | self.flat_known[totals])
        partner = np.where(
            enough.any(axis=0),
            members[lift, lines],
            np.where(free.any(axis=0), members[largest, lines], np.where(total_free, totals, -1)),
        )
        partner = partner[partner >= 0]
        hidden[partner] = True
        return len(partner) > 0

    # -- rule 2 ---------------------------------------------------------------------------
    def _exact_check(self) -> bool:
        """Join each bridge's two sides by the smallest shown cell between them (which puts it
        on a cycle); where no one cell does, grow the smaller side by the smallest shown cell
        leaving it, for a later round to join."""
        forest = self.graph.forest(self.hidden, subtrees=True)
        if not len(forest.bridge_child):
            return False
        rows, cols = np.nonzero(~self.hidden & ~self.known)  # the cells that could be hidden
        ends = forest.node[self.graph.ends[:, rows, cols]]
        touching = (ends >= 0).any(axis=0)
        rows, cols, ends = rows[touching], cols[touching], ends[:, touching]
        first = np.lexsort((cols, rows, self.values[rows, cols]))
        rows, cols, ends = rows[first], cols[first], ends[:, first]
        tree = np.where(ends >= 0, forest.label[np.maximum(ends, 0)], -1)  # of each end
        at = forest.pos[ends]
        below = forest.bridge_child[np.argsort(forest.size[forest.bridge_child], kind="stable")]
        start, stop = forest.pos[below], forest.pos[below] + forest.size[below]
        trees = forest.label[below]
        tree_size = np.bincount(forest.label)
        covered, changed = np.zeros(len(below), bool), False
        for i in range(len(below)):
            if covered[i]:
                continue
            covered[i] = True
            under = (tree == trees[i]) & (at >= start[i]) & (at < stop[i])  # below the bridge
            over = (tree == trees[i]) & ~under
            joins = np.flatnonzero((under[0] & over[1]) | (under[1] & over[0]))
            if len(joins):
                j = joins[0]
                self.hidden[rows[j], cols[j]] = changed = True
                ins = (
                    (at[:, j, None] >= start)
                    & (at[:, j, None] < stop)
                    & (tree[:, j, None] == trees)
                )
                covered |= ins[0] != ins[1]
                continue
            sides = (
                (under, over)
                if 2 * stop[i] - 2 * start[i] <= tree_size[trees[i]]
                else (over, under)
            )
            for side in sides:
                leaving = np.flatnonzero(side[0] != side[1])
                if len(leaving):
                    self.hidden[rows[leaving[0]], cols[leaving[0]]] = changed = True
                    break
        return changed


def determined_cells(lines: list[tuple[list[Cell], Cell]], hidden: list[Cell]) -> list[Cell]:
    """The hidden cells whose value follows exactly from the equations and the shown cells:
    those whose coordinate is zero in every vector of the null space of the equations over the
    hidden cells (x_i is determined iff every solution of the homogeneous system has x_i = 0).
    Dense linear algebra: the reference the tests hold `LineGraph`'s bridges against."""
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
