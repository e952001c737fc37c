"""Statistical disclosure control: a cell of fewer than 10 people is never shown, nor derivable.

Three layers, each a pure function or value:

1. **Primary suppression** (`disclose`, `show_count`): a count under `MIN_PEOPLE` (including 0)
   is replaced by a marker (`SUPPRESSED`, "<10"), never by a zero. In tables, shares and
   series every hidden value, small or not, gets the one neutral marker `HIDDEN` ("x").

2. **Secondary suppression over a table with margins** (`protect_table`). A table of counts
   with row totals, column totals and a grand total is a set of linear equations: each row and
   each column ("line") sums to its total. Hiding one cell of a line is useless when the total
   is shown, so, repeated until nothing changes:
   - every cell under `MIN_PEOPLE` is suppressed (primary);
   - a line with exactly one suppressed cell gets a second one: its smallest shown cell, an
     inner cell before a total (*complementary suppression*);
   - a line whose suppressed cells add up to fewer than `MIN_PEOPLE` (what a reader can
     compute as total minus the shown cells) gets another one, so the suppressed cells of a
     line never pin down a small sum (two hidden zeros would otherwise both be known);
   - finally an exact check: a suppressed cell is derivable when its unit vector lies in the
     row space of the line equations over the suppressed cells (linear algebra, not a
     heuristic); such a cell gets one more partner in its row, and the loop repeats.
   The suppressed set only grows, so the loop ends; at worst everything is suppressed.

3. **Differencing between overlapping queries** (`DisclosureLedger`). Two answered counts over
   populations P and Q reveal count(P) - count(Q) = count(P minus Q) - count(Q minus P). The
   ledger remembers every population it has answered (a set of pseudonyms, or any hashable
   unit ids) and refuses (answers `None`) a new population P when, for some answered Q, P minus
   Q or Q minus P has between 1 and `MIN_PEOPLE - 1` members. Identical populations are always
   answered (the same answer again reveals nothing new). This protects every *pair* of
   queries; a tracker built from three or more queries is limited by the fact that every
   answered population is at least `MIN_PEOPLE` and pairwise at least `MIN_PEOPLE` apart, but
   not excluded in general, which is why the services only offer coarse, fixed breakdowns
   (intervention, region, theme, month) rather than free filters.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from babel.numbers import format_decimal

MIN_PEOPLE = 10
SUPPRESSED = "<10"
# The marker of every hidden value in a table, share or series. One marker for all: marking
# primary cells "<10" and the others differently would give values away (a row total of 10
# with one "<10" cell and one other hidden cell pins both down).
HIDDEN = "x"

Position = tuple[int, int]


def disclose(count: int | None) -> int | None:
    """The count when it may be shown, None (render as SUPPRESSED) when it may not."""
    if count is None or count < MIN_PEOPLE:
        return None
    return count


def show_count(count: int | None) -> str:
    shown = disclose(count)
    return SUPPRESSED if shown is None else format_decimal(shown, "#,##0", locale="nl")


@dataclass(frozen=True, slots=True)
class ProtectedTable:
    """A table after suppression: `cells[r][c]`, margins, and which positions were hidden why.

    Positions index the full grid with margins: row `len(cells)` is the column-total row and
    column `len(cells[0])` the row-total column; the grand total sits at their crossing."""

    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...]
    column_totals: tuple[int | None, ...]
    grand_total: int | None
    primary: frozenset[Position]
    secondary: frozenset[Position]

    def rendered(self) -> list[list[str]]:
        """The full grid with margins as text, `HIDDEN` for every hidden cell."""
        rows = [[*row, total] for row, total in zip(self.cells, self.row_totals, strict=True)]
        rows.append([*self.column_totals, self.grand_total])
        return [[HIDDEN if v is None else str(v) for v in row] for row in rows]


def _full_grid(cells: Sequence[Sequence[int]]) -> list[list[int]]:
    width = len(cells[0]) if cells else 0
    if any(len(row) != width for row in cells):
        raise ValueError("every row of the table must have the same number of cells")
    if any(v < 0 for row in cells for v in row):
        raise ValueError("counts cannot be negative")
    grid = [[*row, sum(row)] for row in cells]
    grid.append([sum(row[c] for row in grid) for c in range(width + 1)])
    return grid


def _lines(n_rows: int, n_cols: int) -> list[tuple[list[Position], Position]]:
    """(inner positions, total position) for every row and column of the grid with margins."""
    lines = [([(r, c) for c in range(n_cols)], (r, n_cols)) for r in range(n_rows + 1)]
    lines += [([(r, c) for r in range(n_rows)], (n_rows, c)) for c in range(n_cols + 1)]
    return lines


def _smallest_shown(grid: list[list[int]], line: list[Position], hidden: set[Position]) -> Position:
    candidates = [p for p in line if p not in hidden]
    return min(candidates, key=lambda p: (grid[p[0]][p[1]], p))


def _derivable(
    lines: list[tuple[list[Position], Position]], hidden: set[Position]
) -> list[Position]:
    """The hidden positions whose value follows exactly from the shown cells and the sums."""
    unknowns = sorted(hidden)
    index = {p: i for i, p in enumerate(unknowns)}
    equations = []
    for inner, total in lines:
        row = np.zeros(len(unknowns))
        for p in inner:
            if p in index:
                row[index[p]] += 1.0
        if total in index:
            row[index[total]] -= 1.0
        if row.any():
            equations.append(row)
    if not equations:
        return []
    # x_i is determined iff every solution of the homogeneous system has x_i = 0, that is iff
    # the null space of the equations is zero in coordinate i (one SVD for all cells).
    matrix = np.array(equations)
    _, singular, vt = np.linalg.svd(matrix)
    rank = int((singular > 1e-9).sum())
    null_space = vt[rank:]
    return [p for p, i in index.items() if np.all(np.abs(null_space[:, i]) < 1e-9)]


def protect_table(cells: Sequence[Sequence[int]]) -> ProtectedTable:
    """Suppress the small cells of a table and enough others that none can be derived from the
    row, column and grand totals (see the module docstring for the rules)."""
    grid = _full_grid(cells)
    n_rows, n_cols = len(cells), len(cells[0]) if cells else 0
    lines = _lines(n_rows, n_cols)
    primary = {
        (r, c) for r, row in enumerate(grid) for c, value in enumerate(row) if value < MIN_PEOPLE
    }
    hidden = set(primary)
    changed = True
    while changed:
        changed = False
        for inner, total in lines:
            members = [*inner, total]
            suppressed = [p for p in members if p in hidden]
            if not suppressed or len(suppressed) == len(members):
                continue
            small_sum = sum(grid[r][c] for r, c in suppressed) < MIN_PEOPLE
            if len(suppressed) == 1 or small_sum:
                shown_inner = [p for p in inner if p not in hidden]
                hidden.add(_smallest_shown(grid, shown_inner or [total], hidden))
                changed = True
        if not changed:
            for r, c in _derivable(lines, hidden):
                row_members = [*lines[r][0], lines[r][1]]
                if all(p in hidden for p in row_members):
                    row_members = [*lines[n_rows + 1 + c][0], lines[n_rows + 1 + c][1]]
                if all(p in hidden for p in row_members):
                    continue
                hidden.add(_smallest_shown(grid, row_members, hidden))
                changed = True
                break

    def shown(r: int, c: int) -> int | None:
        return None if (r, c) in hidden else grid[r][c]

    return ProtectedTable(
        cells=tuple(tuple(shown(r, c) for c in range(n_cols)) for r in range(n_rows)),
        row_totals=tuple(shown(r, n_cols) for r in range(n_rows)),
        column_totals=tuple(shown(n_rows, c) for c in range(n_cols)),
        grand_total=shown(n_rows, n_cols),
        primary=frozenset(primary),
        secondary=frozenset(hidden - primary),
    )


def protect_column(counts: Sequence[int]) -> tuple[list[int | None], int | None]:
    """A one-column breakdown with its total (for example participants per theme)."""
    table = protect_table([[c] for c in counts])
    # A one-column table's row totals equal its cells; they are not published separately.
    return [row[0] for row in table.cells], table.grand_total


def protect_share(part: int, whole: int) -> tuple[int | None, int | None]:
    """(part, whole) as they may be shown: the part and the rest are a table with the whole as
    total, so 38 of 40 is hidden (the 2 others would be known) and so is 40 of 40."""
    table = protect_table([[part, whole - part]])
    return table.cells[0][0], table.grand_total


@dataclass(slots=True)
class DisclosureLedger:
    """The populations answered so far; refuses a count that differs from an answered one by
    fewer than `MIN_PEOPLE` people on either side (protection against differencing)."""

    answered: list[frozenset[Hashable]] = field(default_factory=list)

    def conflict(self, population: frozenset[Hashable]) -> frozenset[Hashable] | None:
        """An answered population this one may not be published beside, if any."""
        for earlier in self.answered:
            if earlier == population:
                return None
        for earlier in self.answered:
            for difference in (population - earlier, earlier - population):
                if 0 < len(difference) < MIN_PEOPLE:
                    return earlier
        return None

    def answer(self, population: Iterable[Hashable]) -> int | None:
        """The size of `population` when it may be shown (and remember it), else None."""
        members = frozenset(population)
        if disclose(len(members)) is None or self.conflict(members) is not None:
            return None
        if members not in self.answered:
            self.answered.append(members)
        return len(members)


class ReleasedLedger(DisclosureLedger):
    """A ledger that only reads: a population is shown again when it was released before (by an
    analyst's release or a scheduled job), and never added by a reader, so readers cannot use up
    the releases or grow the ledger (issue 18, finding 7)."""

    __slots__ = ("_released",)

    def __init__(self, answered: Iterable[frozenset[Hashable]]) -> None:
        super().__init__(list(answered))
        self._released = frozenset(self.answered)

    def answer(self, population: Iterable[Hashable]) -> int | None:
        members = frozenset(population)
        if members not in self._released or disclose(len(members)) is None:
            return None
        return len(members)
